"""Combiners of the MLP and CNN out-of-fold probabilities, scored by nested CV: per-class decision
weights (grid 0.7-1.4 for A, O, ~) and a logistic stacker on the 8 log-probabilities, each fitted on
4 folds' out-of-fold predictions and applied to the 5th (so the reported figure is not chosen on
the records it scores). Reads out/cv-oof.npz from train_cnn.py cv (all CNN seeds there averaged).
Run: nice -n 10 /usr/bin/python3 training/strip-rhythm/nested_combiners.py
"""
import itertools
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train as mlp  # noqa: E402
import train_cnn as tc  # noqa: E402

names, _, y = tc.load_waves()
fold = tc.folds_of(names); fa = np.array([fold[n] for n in names])
oof = dict(np.load(os.path.join(tc.HERE, 'out', 'cv-oof.npz')))
seeds = sorted(k for k in oof if k.startswith('cnn-s'))
cnn = np.mean([oof['cnn']] + [oof[k] for k in seeds], 0)
print('cnn seeds averaged:', 1 + len(seeds))
base = 0.5 * oof['mlp'] + 0.5 * cnn
def score(p):
    pooled = mlp.challenge_f1(y, p.argmax(1))['mean']
    per = [mlp.challenge_f1(y[fa == f], p[fa == f].argmax(1))['mean'] for f in range(5)]
    return pooled, np.median(per)
print('ensemble 0.5: pooled %.4f median %.4f' % score(base))
grid = [0.7, 0.85, 1.0, 1.2, 1.4]
out = np.zeros_like(base)
for f in range(5):
    tr = fa != f
    best = (-1, None)
    for wa, wo, wn in itertools.product(grid, grid, grid):
        w = np.array([1, wa, wo, wn])
        s = mlp.challenge_f1(y[tr], (base[tr] * w).argmax(1))['mean']
        if s > best[0] + 1e-9: best = (s, w)
    out[fa == f] = base[fa == f] * best[1]
    print('fold', f, 'weights', best[1])
print('nested class weights: pooled %.4f median %.4f' % score(out))
# Logistic stacker (class-weighted like the members, tiny L2), full-batch L-BFGS, fixed init.
X = np.log(np.concatenate([oof['mlp'], cnn], 1) + 1e-4).astype(np.float32)
out = np.zeros_like(base)
for f in range(5):
    tr = fa != f
    torch.manual_seed(0)
    lin = torch.nn.Linear(8, 4)
    counts = np.bincount(y[tr], minlength=4)
    wt = torch.tensor((counts.sum() / (4 * counts)) ** 0.5, dtype=torch.float32)
    opt = torch.optim.LBFGS(lin.parameters(), max_iter=200)
    xt, yt = torch.tensor(X[tr]), torch.tensor(y[tr])
    def closure():
        opt.zero_grad(); l = torch.nn.functional.cross_entropy(lin(xt), yt, weight=wt) + 1e-3 * (lin.weight ** 2).sum(); l.backward(); return l
    opt.step(closure)
    with torch.no_grad(): out[fa == f] = torch.softmax(lin(torch.tensor(X[fa == f])), 1).numpy()
print('nested logistic stacker: pooled %.4f median %.4f' % score(out))
