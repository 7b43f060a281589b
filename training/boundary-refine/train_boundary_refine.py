"""Learned boundary refinement (src/waves/refineBoundaries.ts): fit, cross-validate and export.

Input: the JSON lines of training/boundary-refine/dumpBoundaryFeatures.ts (all 200 LUDB records).
Folds: record-wise, fold = record number mod 5 (fixed). For each boundary the target is
reference - ours (ms), clipped to +-CLIP; only lead-beats with a reference mark within 150 ms train.
Reports the out-of-fold (OOF) mean +- SD of the error (ours after correction - reference) against
the uncorrected error on the same points, per boundary.

  nice -n 10 /usr/bin/python3 training/boundary-refine/train_boundary_refine.py /tmp/bref/features.jsonl \
      [--model ridge|mlp] [--alpha A] [--hidden H] [--wd W] [--patience P] [--seeds S] [--boundaries qrsOnset,qrsOffset,pOnset,pOffset] [--write]

Shipped: --alpha 100 --boundaries qrsOnset,qrsOffset,pOnset,pOffset --write (ridge; ~20 s).

--write fits on all 200 records and rewrites src/waves/boundaryRefineModel.ts, and writes the five
fold models (each fitted without its fold) to models/boundary-refinement-folds.json for
`npm run bench:waves -- --refine-folds models/boundary-refinement-folds.json`.
"""
import argparse, json, sys
import numpy as np

p = argparse.ArgumentParser()
p.add_argument('dump')
p.add_argument('--model', default='ridge')
p.add_argument('--alpha', type=float, default=10.0)
p.add_argument('--hidden', type=int, default=8)
p.add_argument('--wd', type=float, default=1e-3)
p.add_argument('--epochs', type=int, default=200)
# Early stopping (MLP): > 0 holds out the training records with (record // 5) % 5 == 0 (about a fifth,
# never the evaluated fold), keeps the epoch with the lowest held-out MSE, stops after this many worse epochs.
p.add_argument('--patience', type=int, default=0)
p.add_argument('--lr', type=float, default=3e-3)
p.add_argument('--seeds', type=int, default=1)
p.add_argument('--clip', type=float, default=40.0)
p.add_argument('--boundaries', default='qrsOnset,qrsOffset')
p.add_argument('--write', action='store_true')
p.add_argument('--fs', type=float, default=500.0)
# Where --write puts the models (the median-beat models of measureEcg: dumpMedianBoundaryFeatures.ts,
# --ts-out src/waves/medianBoundaryRefineModel.ts --const MEDIAN_BOUNDARY_REFINE_MODELS
# --folds-out models/median-boundary-refinement-folds.json).
p.add_argument('--ts-out', default='src/waves/boundaryRefineModel.ts')
p.add_argument('--const', default='BOUNDARY_REFINE_MODELS')
p.add_argument('--folds-out', default='models/boundary-refinement-folds.json')
a = p.parse_args()

rows = {}
with open(a.dump) as fh:
    for line in fh:
        r = json.loads(line)
        rows.setdefault(r['b'], []).append(r)

def load(b):
    rs = rows[b]
    X = np.array([r['f'] for r in rs], dtype=np.float64)
    ours = np.array([r['ours'] for r in rs], dtype=np.float64)
    ref = np.array([np.nan if r['ref'] is None else r['ref'] for r in rs], dtype=np.float64)
    ids = np.array([r['id'] for r in rs])
    return X, ours, ref, ids

def fit_ridge(X, y, alpha):
    mu = X.mean(0); sd = X.std(0); sd[sd < 1e-6] = 1.0
    Z = (X - mu) / sd
    ym = y.mean()
    A = Z.T @ Z + alpha * np.eye(Z.shape[1])
    w = np.linalg.solve(A, Z.T @ (y - ym))
    return dict(mean=mu, sd=sd, hidden=[], hiddenBias=[], weights=w, bias=ym)

def fit_mlp(X, y, ids, hidden, wd, epochs, seed=1):
    import copy, torch
    torch.set_num_threads(2); torch.set_flush_denormal(True); torch.manual_seed(seed)
    mu = X.mean(0); sd = X.std(0); sd[sd < 1e-6] = 1.0
    Z = torch.tensor((X - mu) / sd, dtype=torch.float32)
    ym = float(y.mean())
    Y = torch.tensor(y - ym, dtype=torch.float32)
    # Inner record-wise split for early stopping: the evaluated fold never chooses the epoch.
    val = (ids // 5) % 5 == 0 if a.patience > 0 else np.zeros(len(y), dtype=bool)
    tr_idx = torch.tensor(np.flatnonzero(~val)); va_idx = torch.tensor(np.flatnonzero(val))
    l1 = torch.nn.Linear(Z.shape[1], hidden); l2 = torch.nn.Linear(hidden, 1)
    opt = torch.optim.Adam(list(l1.parameters()) + list(l2.parameters()), lr=a.lr, weight_decay=wd)
    n = len(tr_idx)
    g = torch.Generator().manual_seed(seed)
    best, best_state, best_ep = float('inf'), None, -1
    for ep in range(epochs):
        perm = tr_idx[torch.randperm(n, generator=g)]
        for i in range(0, n, 512):
            idx = perm[i:i + 512]
            out = l2(torch.tanh(l1(Z[idx]))).squeeze(1)
            loss = ((out - Y[idx]) ** 2).mean()
            opt.zero_grad(); loss.backward(); opt.step()
        if a.patience > 0:
            with torch.no_grad():
                v = float(((l2(torch.tanh(l1(Z[va_idx]))).squeeze(1) - Y[va_idx]) ** 2).mean())
            if v < best:
                best, best_ep, best_state = v, ep, (copy.deepcopy(l1.state_dict()), copy.deepcopy(l2.state_dict()))
            elif ep - best_ep >= a.patience:
                break
    if best_state is not None:
        l1.load_state_dict(best_state[0]); l2.load_state_dict(best_state[1])
    print(f'    mlp seed {seed}: best epoch {best_ep} (val MSE {best:.1f})', file=sys.stderr)
    return dict(mean=mu, sd=sd, hidden=l1.weight.detach().double().numpy(), hiddenBias=l1.bias.detach().double().numpy(),
                weights=l2.weight.detach().double().numpy()[0], bias=float(l2.bias.detach()) + ym)

def fit_mlp_ensemble(X, y, ids):
    # An average of S one-hidden-layer nets is itself one net with S x hidden units (output weights / S).
    ms = [fit_mlp(X, y, ids, a.hidden, a.wd, a.epochs, seed=s + 1) for s in range(a.seeds)]
    if len(ms) == 1:
        return ms[0]
    return dict(mean=ms[0]['mean'], sd=ms[0]['sd'], hidden=np.concatenate([m['hidden'] for m in ms]),
                hiddenBias=np.concatenate([m['hiddenBias'] for m in ms]),
                weights=np.concatenate([m['weights'] for m in ms]) / len(ms), bias=float(np.mean([m['bias'] for m in ms])))

def predict(m, X):
    Z = (X - m['mean']) / m['sd']
    if len(m['hidden']) == 0:
        y = Z @ m['weights'] + m['bias']
    else:
        y = np.tanh(Z @ np.asarray(m['hidden']).T + m['hiddenBias']) @ m['weights'] + m['bias']
    return np.clip(y, -a.clip, a.clip)

def fit(X, y, ids):
    if a.model == 'ridge':
        return fit_ridge(X, y, a.alpha)
    return fit_mlp_ensemble(X, y, ids)

def stats(e):
    return f'{e.mean():+.2f} +- {e.std(ddof=1):.2f} (n {len(e)}, |e|>40: {np.mean(np.abs(e) > 40) * 100:.1f} %)'

out_models, fold_models = {}, {f: {} for f in range(5)}
for b in a.boundaries.split(','):
    X, ours, ref, ids = load(b)
    ms = 1000.0 / a.fs
    m = ~np.isnan(ref)
    y = np.clip((ref - ours) * ms, -a.clip, a.clip)
    fold = ids % 5
    pred = np.zeros(len(ours))
    for k in range(5):
        tr = m & (fold != k)
        mk = fit(X[tr], y[tr], ids[tr])
        pred[fold == k] = predict(mk, X[fold == k])
        if a.write:
            fold_models[k][b] = mk
    shift = np.round(pred / ms)
    e0 = (ours - ref)[m] * ms
    e1 = (ours + shift - ref)[m] * ms
    # Per-fold SDs, to see the spread of the gain.
    per = ' '.join(f'{np.std((ours - ref)[m & (fold == k)] * ms, ddof=1):.1f}->{np.std((ours + shift - ref)[m & (fold == k)] * ms, ddof=1):.1f}' for k in range(5))
    print(f'{b}: before {stats(e0)}\n{" " * len(b)}  OOF    {stats(e1)}   folds {per}   mean |shift| {np.abs(pred).mean():.1f} ms')
    if a.write:
        out_models[b] = fit(X[m], y[m], ids[m])

def js(mod):
    r = lambda v: [float(f'{x:.5g}') for x in np.asarray(v).ravel()]
    return dict(mean=r(mod['mean']), sd=r(mod['sd']), hidden=[r(h) for h in np.asarray(mod['hidden'])] if len(mod['hidden']) else [],
                hiddenBias=r(mod['hiddenBias']), weights=r(mod['weights']), bias=float(f"{mod['bias']:.5g}"), maxShiftMs=a.clip)

if a.write:
    desc = f"{a.model}" + (f" (L2 {a.alpha})" if a.model == 'ridge' else f" (tanh hidden {a.hidden} x {a.seeds} seeds, weight decay {a.wd}, lr {a.lr}, <= {a.epochs} epochs, early stopping patience {a.patience}, Adam)")
    body = ',\n'.join(f'  {b}: {json.dumps(js(mod))}' for b, mod in out_models.items())
    ts = f"""import type {{ BoundaryRefineModels }} from './refineBoundaries.js';

/**
 * Learned boundary refinement ({a.dump.split('/')[-1]}), written by training/boundary-refine/train_boundary_refine.py: {desc},
 * target LUDB reference - ours (ms, clipped to +-{a.clip:g}), fitted on all 200 LUDB records (choices made by
 * record-wise 5-fold CV, fold = record number mod 5; models/boundary-refinement.md). Do not edit by hand.
 */
export const {a.const}: BoundaryRefineModels = {{
{body},
}};
"""
    open(a.ts_out, 'w').write(ts)
    json.dump({'folds': 'record number mod 5; fold k models were fitted without fold k', 'models': [{b: js(mod) for b, mod in fold_models[k].items()} for k in range(5)]},
              open(a.folds_out, 'w'))
    print(f'wrote {a.ts_out} and {a.folds_out}', file=sys.stderr)
