"""Loads the DS1 beat inputs dumped by training/dumpBeatInputs.ts and scores predictions EC57-style."""
import json
import os
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
CACHE = os.path.join(HERE, 'cache')
CLASSES = ['N', 'S', 'V', 'F', 'Q']
# Patient-wise validation split inside DS1 (model selection only; DS2 is never read in training).
VAL_RECORDS = [101, 106, 118, 207, 215, 220]


def load(name='ds1'):
    meta = json.load(open(os.path.join(CACHE, f'{name}.json')))
    n, f = meta['count'], meta['featureCount']
    feats = np.fromfile(os.path.join(CACHE, f'{name}.features.f32'), dtype=np.float32).reshape(n, f)
    waves = np.fromfile(os.path.join(CACHE, f'{name}.waves.f32'), dtype=np.float32).reshape(n, meta['leads'], meta['channels'], meta['windowLength'])
    labels = np.fromfile(os.path.join(CACHE, f'{name}.labels.u8'), dtype=np.uint8).astype(np.int64)
    records = np.fromfile(os.path.join(CACHE, f'{name}.records.i16'), dtype=np.int16).astype(np.int64)
    return meta, feats, waves, labels, records


def confusion(y, p, k=5):
    m = np.zeros((k, k), dtype=np.int64)
    np.add.at(m, (y, p), 1)
    return m


def ec57_summary(y, p):
    """Se/+P of S and V (gross), macro F1 over the classes present. Rows: reference, cols: predicted."""
    m = confusion(y, p)
    out = {}
    f1s = []
    for c, name in enumerate(CLASSES):
        tp = m[c, c]
        ref = m[c, :].sum()
        det = m[:, c].sum()
        se = tp / ref if ref else float('nan')
        ppv = tp / det if det else float('nan')
        out[name] = (se, ppv, ref)
        if ref:
            f1s.append(0 if tp == 0 else 2 * se * ppv / (se + ppv))
    out['macroF1'] = float(np.mean(f1s))
    return out, m


def fmt(summary):
    s = ' '.join(f"{c}: Se {summary[c][0]*100:5.1f} +P {summary[c][1]*100:5.1f} (n={summary[c][2]})" for c in ['S', 'V', 'F'])
    return f"{s} macroF1 {summary['macroF1']:.3f}"
