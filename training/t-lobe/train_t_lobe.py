"""Learned T-lobe choice (src/waves/chooseTLobes.ts): a pairwise logistic regression that says, for
a lead-beat's current T peak and one alternative lobe, whether the alternative is the one LUDB's
annotator marked (within 20 ms) where exactly one of the two is. Trained on the ODD LUDB records
only; features from training/t-lobe/dumpTLobeCandidates.ts (the same code the shipped rule runs).

  npx tsx training/t-lobe/dumpTLobeCandidates.ts odd > /tmp/tlobe-odd.jsonl
  nice -n 10 /usr/bin/python3 training/t-lobe/train_t_lobe.py /tmp/tlobe-odd.jsonl        # 5-fold CV by record, then writes src/waves/tLobeModel.ts
  nice -n 10 /usr/bin/python3 training/t-lobe/train_t_lobe.py /tmp/tlobe-odd.jsonl --cv   # CV only
"""
import json
import sys
import numpy as np
import torch

torch.set_num_threads(2)
torch.set_flush_denormal(True)
torch.manual_seed(1)
L2 = 1e-3
THRESHOLDS = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8]
# Indices into T_LOBE_FEATURE_NAMES (0-12) then T_LOBE_ACROSS_BEAT_FEATURE_NAMES (13-15): the
# alternative's own features, alternative minus current, the current's. Round 6 added 13-15 (the
# lead's other beats at the same lag): CV 18.56 -> 18.19 on the odd dump.
ALT = [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15]
DIFF = [1, 2, 3, 5, 8, 9, 13, 14, 15]
CUR = [1, 2, 3, 4, 5, 8, 9, 10, 12, 13, 14, 15]
GOOD_MS = 20
MS_PER_SAMPLE = 2  # LUDB, 500 Hz


def pair_features(r, j):
    c = np.array(r['cands'][j][1:]); u = np.array(r['cands'][0][1:])
    return np.concatenate([c[ALT], (c - u)[DIFF], u[CUR]])


def good(r, j):
    return abs(r['cands'][j][0] - r['ref']) * MS_PER_SAMPLE <= GOOD_MS


def pairs(rs):
    x, y = [], []
    for r in rs:
        for j in range(1, len(r['cands'])):
            if good(r, j) != good(r, 0):
                x.append(pair_features(r, j)); y.append(1.0 if good(r, j) else 0.0)
    return np.array(x), np.array(y)


def fit(rs):
    x, y = pairs(rs)
    mean = x.mean(0); sd = x.std(0) + 1e-6
    xt = torch.tensor((x - mean) / sd); yt = torch.tensor(y)
    w = torch.zeros(x.shape[1], dtype=torch.float64, requires_grad=True)
    b = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.LBFGS([w, b], max_iter=300, line_search_fn='strong_wolfe')

    def closure():
        opt.zero_grad()
        loss = torch.nn.functional.binary_cross_entropy_with_logits(xt @ w + b, yt) + L2 * (w * w).sum()
        loss.backward()
        return loss
    opt.step(closure)
    return mean, sd, w.detach().numpy(), float(b.detach()[0])


def best_alternative(m, r):
    mean, sd, w, b = m
    if len(r['cands']) < 2:
        return 0, 0.0
    z = [((pair_features(r, j) - mean) / sd) @ w + b for j in range(1, len(r['cands']))]
    j = int(np.argmax(z))
    return j + 1, 1 / (1 + np.exp(-z[j]))


def sd_of(e):
    e = np.array([v for v in e if abs(v) <= 150])  # the benchmark's 150 ms matching window
    return f'{e.mean():.2f} +- {e.std():.2f} (n {len(e)})'


def main():
    rows = [json.loads(l) for l in open(sys.argv[1])]
    rows = [r for r in rows if r['ref'] is not None]
    ids = sorted(set(r['id'] for r in rows))
    folds = [set(ids[i::5]) for i in range(5)]
    alt = {}
    for f in folds:
        m = fit([r for r in rows if r['id'] not in f])
        for i, r in enumerate(rows):
            if r['id'] in f:
                alt[i] = best_alternative(m, r)
    print('current peaks:', sd_of([(r['cands'][0][0] - r['ref']) * MS_PER_SAMPLE for r in rows]))
    cv_sd = {}
    for th in THRESHOLDS:
        p = [r['cands'][alt[i][0]][0] if alt[i][1] > th else r['cands'][0][0] for i, r in enumerate(rows)]
        e = [(p[i] - r['ref']) * MS_PER_SAMPLE for i, r in enumerate(rows)]
        cv_sd[th] = np.std([v for v in e if abs(v) <= 150])
        print(f'CV threshold {th}:', sd_of(e), 'switched', sum(alt[i][1] > th for i in range(len(rows))))
    threshold = min(cv_sd, key=cv_sd.get)
    print('threshold (least CV SD):', threshold)
    if '--cv' in sys.argv:
        return
    mean, sd, w, b = fit(rows)
    fmt = lambda v: '[' + ', '.join(f'{x:.5g}' for x in v) + ']'
    out = f"""import type {{ TLobeModel }} from './chooseTLobes.js';

/**
 * Coefficients of the learned T-lobe choice, written by training/t-lobe/train_t_lobe.py (pairwise
 * logistic regression, L2 {L2}, fitted on the odd LUDB records only; threshold chosen by 5-fold
 * record-wise cross-validation on them). Do not edit by hand.
 */
export const T_LOBE_MODEL: TLobeModel = {{
  altFeatures: {ALT},
  diffFeatures: {DIFF},
  currentFeatures: {CUR},
  mean: {fmt(mean)},
  sd: {fmt(sd)},
  weights: {fmt(w)},
  bias: {b:.5g},
  threshold: {threshold},
}};
"""
    open('src/waves/tLobeModel.ts', 'w').write(out)
    print('wrote src/waves/tLobeModel.ts')


main()
