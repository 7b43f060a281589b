"""Fits the global convention shifts of the refined median-beat boundaries (measureEcg), record-wise
5-fold (fold = LUDB record number mod 5, the boundary models' folds), from the dump of
dumpMedianIntervals.ts (intervals with zero shifts). With shifts (ms) on P onset, QRS onset, QRS
offset: PR moves by qrsOn - pOn, QRS by qrsOff - qrsOn, QT by -qrsOn; the shifts are the ones that
zero the mean PR, QRS and QT errors on the training records (rounded to 2 ms, a sample at 500 Hz):
fold k's from the other folds' out-of-fold intervals, the shipped ones from the all-200 models' intervals.
The P offset shift is the per-beat one (+8 ms): no interval scored here depends on it.
Prints out-of-fold and in-sample interval errors; --write writes models/median-beat-refinement-shifts.json.

  /usr/bin/python3 training/boundary-refine/fit_median_shifts.py /tmp/medref/intervals.jsonl ../shared/data/ludb/ludb.csv [--write]
"""
import csv, json, re, sys
import numpy as np

rows = [json.loads(l) for l in open(sys.argv[1])]
no_p = {int(r['ID']): bool(re.search('fibrillation|flutter', r['Rhythms'], re.I)) for r in csv.DictReader(open(sys.argv[2])) if r['ID'].strip()}
P_OFFSET_SHIFT_MS = 8


def errors(key, shifts, keep):
    """Interval errors (ms) of measureEcg vs LUDB per record, as bench/waves.bench.ts forms them."""
    sp, sq, so = shifts if key != 'off' else (0, 0, 0)
    out = {'PR': [], 'QRS': [], 'QT': []}
    for r in rows:
        ref, m = r['ref'], r[key]
        if ref is None or not keep(r):
            continue
        if not no_p[r['id']] and ref['pr'] is not None and m['pr'] is not None:
            out['PR'].append(m['pr'] + sq - sp - ref['pr'])
        if ref['qrs'] is not None and m['qrs'] is not None:
            out['QRS'].append(m['qrs'] + so - sq - ref['qrs'])
        if ref['qt'] is not None and m['qt'] is not None:
            out['QT'].append(m['qt'] - sq - ref['qt'])
    return out


def fit(folds, key='oof'):
    o = errors(key, (0, 0, 0), lambda r: r['fold'] in folds)
    sq = np.mean(o['QT'])
    r2 = lambda v: int(2 * round(v / 2))
    return (r2(sq + np.mean(o['PR'])), r2(sq), r2(sq - np.mean(o['QRS'])))


def show(name, o):
    print(f'{name:34s}', '  '.join(f"{k} n{len(v)} {np.mean(v):+.1f} +- {np.std(v, ddof=1):.1f}" for k, v in o.items()))


show('no refinement', errors('off', None, lambda r: True))
oof = {'PR': [], 'QRS': [], 'QT': []}
fold_shifts = []
for f in range(5):
    sh = fit([g for g in range(5) if g != f])
    fold_shifts.append(sh)
    for k, v in errors('oof', sh, lambda r, f=f: r['fold'] == f).items():
        oof[k] += v
print('fold shifts (P on, QRS on, QRS off ms):', fold_shifts)
show('out of fold (models and shifts)', oof)
# The shipped shifts go with the shipped (all-200) models, so they are fitted on those models' intervals.
all_sh = fit(range(5), 'ins')
print('all-200 shifts:', all_sh)
show('in-sample', errors('ins', all_sh, lambda r: True))
if '--write' in sys.argv:
    as_obj = lambda s: {'pOnset': s[0], 'pOffset': P_OFFSET_SHIFT_MS, 'qrsOnset': s[1], 'qrsOffset': s[2]}
    json.dump({'note': 'median-beat refinement global shifts (ms), fold = LUDB record number mod 5; written by training/boundary-refine/fit_median_shifts.py',
               'folds': [as_obj(s) for s in fold_shifts], 'all': as_obj(all_sh)}, open('models/median-beat-refinement-shifts.json', 'w'), indent=1)
    print('wrote models/median-beat-refinement-shifts.json')
