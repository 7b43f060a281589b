"""Round 5: the waveform CNN's outputs stacked into the feature MLP as extra inputs, scored by
nested 5-fold CV on A00001-A02400 (the folds of train_cnn.py).

Honest inputs: an MLP row must carry CNN outputs from a CNN that never trained on that record. For
outer fold f, the training rows (records of the other folds g, and their feature crops) take the
outputs of the CNN fitted on all folds except f and g (inside the outer training part); the scored
fold f takes the CNN fitted on all folds except f (the shipped recipe's out-of-fold CNN). So 10
pair CNNs (3 folds each) plus 5 single-fold-out CNNs; each is trained once and cached in
out/stack-cnn/ (the pair {f, g} serves outer fold f for rows of g and outer fold g for rows of f).

Extra inputs compared: the CNN's 4 log-probabilities ('logp'), its 64-value pooled embedding
('emb'; note: different CNN fits do not share embedding axes, so this can only work where the fits
agree), and both. Each stacked MLP is scored alone and averaged 50/50 with the CNN (as shipped).
Crop rows get the CNN output on the same sub-strip (dumpWaveforms.ts --crops).

Run (after extractFeatures.ts --crops 2 and dumpWaveforms.ts --crops):
  nice -n 10 /usr/bin/python3 training/strip-rhythm/stack_cnn.py   # ~15 CNN fits, log -> out/stack-cv-log.json
"""
import itertools
import json
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train as mlp  # noqa: E402
import train_cnn as tc  # noqa: E402

OUT = os.path.join(tc.HERE, 'out')
CACHE = os.path.join(OUT, 'stack-cnn')


def load_crop_waves():
    """Crop CNN inputs by parent record name: [(crop name, [1, samples])]."""
    with open(os.path.join(OUT, 'crop-waveforms.json')) as f:
        idx = json.load(f)
    data = np.fromfile(os.path.join(OUT, 'crop-waveforms.f32'), dtype=np.float32)
    by_parent = {}
    for r in idx['records']:
        by_parent.setdefault(r['name'].split('_')[0], []).append((r['name'], data[r['offset']:r['offset'] + r['length']][None]))
    return by_parent


def cnn_outputs(net, waves):
    """Log-probabilities [n, 4] and the pooled embedding [n, 64] (input of the dropout + head)."""
    logp = np.zeros((len(waves), 4), dtype=np.float32)
    emb = np.zeros((len(waves), net.head.in_features), dtype=np.float32)
    with torch.no_grad():
        for k, wv in enumerate(waves):
            h = net.body(torch.from_numpy(wv)[None])
            z = torch.cat([h.mean(2), h.amax(2)], 1)
            logp[k] = torch.log_softmax(net.head(z), 1)[0].numpy()
            emb[k] = z[0].numpy()
    return logp, emb


def fit_excluding(excl, names, waves, y, fold, crop_waves):
    """CNN fitted on every record outside the folds `excl`; its outputs on the records (and crops)
    inside them, by name. Cached."""
    key = 'x' + ''.join(str(f) for f in sorted(excl))
    path = os.path.join(CACHE, f'{key}.npz')
    if os.path.exists(path):
        d = np.load(path)
        return {str(n): (d['logp'][i], d['emb'][i]) for i, n in enumerate(d['names'])}
    tr = [k for k, n in enumerate(names) if fold[n] not in excl]
    net = tc.train_cnn([waves[k] for k in tr], y[tr], tc.CNN_SEED, log=f'stack cnn {key}')
    inside = [k for k, n in enumerate(names) if fold[n] in excl]
    items = [(names[k], waves[k]) for k in inside] + [c for k in inside for c in crop_waves.get(names[k], [])]
    logp, emb = cnn_outputs(net, [w for _, w in items])
    os.makedirs(CACHE, exist_ok=True)
    np.savez(path, names=np.array([n for n, _ in items]), logp=logp, emb=emb)
    return {n: (logp[i], emb[i]) for i, (n, _) in enumerate(items)}


def extra_inputs(kind, out):
    logp, emb = out
    return {'logp': logp, 'emb': emb, 'logp+emb': np.concatenate([logp, emb])}[kind]


def main():
    names, waves, y = tc.load_waves()
    fold = tc.folds_of(names)
    fa = np.array([fold[n] for n in names])
    whole, crops = tc.load_features()
    crop_waves = load_crop_waves()
    crop_names = {n: [c for c, _ in crop_waves.get(n, [])] for n in names}
    # Feature crops and crop waveforms are written in the same order from the same crops.json.
    assert all(len(crop_names[n]) == len(crops.get(n, [])) for n in names)
    single = {f: fit_excluding((f,), names, waves, y, fold, crop_waves) for f in range(5)}
    pair = {p: fit_excluding(p, names, waves, y, fold, crop_waves) for p in itertools.combinations(range(5), 2)}
    cnn = np.exp(np.stack([single[fold[n]][n][0] for n in names]))
    kinds = ['plain', 'logp', 'emb', 'logp+emb']
    oof = {k: np.zeros((len(names), 4), dtype=np.float32) for k in kinds}
    for f in range(5):
        tr = [n for n in names if fold[n] != f]
        te = [k for k, n in enumerate(names) if fold[n] == f]
        for kind in kinds:
            def row(n, feats, src):
                return feats if kind == 'plain' else np.concatenate([feats, extra_inputs(kind, src[n])])
            # Whole records first, then the crops: the row order of train_cnn.py cv mlp, so that
            # 'plain' reproduces the shipped recipe's out-of-fold MLP exactly (order changes batches).
            src = {n: pair[tuple(sorted((f, fold[n])))] for n in tr}
            rows = [(row(n, whole[n][0], src[n]), whole[n][1]) for n in tr]
            rows += [(row(cname, cf, src[n]), cy) for n in tr for cname, (cf, cy) in zip(crop_names[n], crops.get(n, []))]
            x = np.stack([r[0] for r in rows]); yy = np.array([r[1] for r in rows])
            mean = x.mean(0); std = x.std(0) + 1e-6
            members = [mlp.train_member(s, x, yy, tc.MLP_EPOCHS, mean, std)[0] for s in mlp.SEEDS]
            xt = np.stack([row(names[k], whole[names[k]][0], single[f]) for k in te])
            oof[kind][te] = mlp.predict(members, xt, mean, std)
            print(f'fold {f} {kind}: {mlp.challenge_f1(y[te], oof[kind][te].argmax(1))["mean"]:.3f}', flush=True)
    candidates = {'cnn alone': cnn}
    for kind in kinds:
        candidates[f'mlp {kind} alone'] = oof[kind]
        candidates[f'mlp {kind} + cnn 0.5'] = 0.5 * oof[kind] + 0.5 * cnn
    log = tc.score_candidates(candidates, y, fa, 28)
    with open(os.path.join(OUT, 'stack-cv-log.json'), 'w') as f:
        json.dump(log, f, indent=1)
    np.savez(os.path.join(OUT, 'stack-cv-oof.npz'), **{k.replace(' ', '_'): v for k, v in candidates.items()})


if __name__ == '__main__':
    main()
