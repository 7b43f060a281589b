"""Compares VEB ensemble rules of the CNN and the feature MLP on DS1 5-fold patient-wise CV (pooled
out-of-fold predictions; never DS2). Needs training/cache/ds1.cnn-oof.npy (cnn_out_of_fold.py) and
the MLP's out-of-fold logits (train_feature_mlp.py --rules). The MLP's S gate and offset are the
shipped ones; only the V decision changes between rules.

  nice -n 10 /usr/bin/python3 training/choose_veb_ensemble.py
"""
import os
import numpy as np
import beat_data as bd
import train_feature_mlp as tm


def softmax(z):
    e = np.exp(z - z.max(1, keepdims=True))
    return e / e.sum(1, keepdims=True)


def main():
    meta, feats, ctx, labels, records = tm.load_all()
    cnn = np.load(os.path.join(bd.CACHE, 'ds1.cnn-oof.npy')).astype(np.float64)
    lg0 = np.load(os.path.join(bd.CACHE, f'ds1.mlp-oof-ctx{meta["contextVersion"]}.npy'))
    gate = tm.s_rule(meta, feats, ctx)
    lg = tm.gated(lg0, gate, tm.SHIFTS[0])
    off = tm.choose_offset(lg, labels)
    lg[:, 1] += off
    p_mlp = softmax(lg)
    mlp = p_mlp.argmax(1)
    rules = {
        'mlp': mlp,
        'cnn': cnn.argmax(1),
        'mean of probabilities': (p_mlp + cnn).argmax(1),
    }
    # V where the MLP says V, or where the CNN is confident (p_V >= t) and the MLP did not say S.
    for t in (0.5, 0.7, 0.9, 0.95, 0.99):
        rules[f'mlp, or cnn p(V) >= {t}'] = np.where((cnn[:, 2] >= t) & (mlp != 1), 2, mlp)
    # V only where both agree (for +P).
    rules['mlp and cnn both V'] = np.where((mlp == 2) & (cnn.argmax(1) != 2), 0, mlp)
    for name, pred in rules.items():
        s, _ = bd.ec57_summary(labels, pred)
        se, ppv = s['V'][0], s['V'][1]
        print(f'{name:28s} VEB F1 {2 * se * ppv / (se + ppv):.3f} {bd.fmt(s)}', flush=True)


if __name__ == '__main__':
    main()
