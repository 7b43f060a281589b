"""Strip CNN on the raw waveform (N / A / O / ~) and its 5-fold cross-validation against and with
the feature MLP (train.py).

Data: out/waveforms.f32 + out/waveforms.json (dumpWaveforms.ts: the TypeScript preprocessing that
also runs at inference) and out/features.csv (extractFeatures.ts --crops 2). Only A00001-A02400
are read; A02401-A03000 stay held back for bench/rhythm.bench.ts.

Folds: the 2400 records are permuted with numpy seed 2017 and dealt round-robin into 5 fixed
folds; a record's feature crops follow it. Every model is trained on 4 folds and scored on the
whole records of the fifth (out-of-fold probabilities), then the challenge F1 is computed over all
2400 out-of-fold predictions (and per fold; the median is reported too).

CNN: 6 conv blocks (8-32 channels, kernel 7/5, BN, ReLU, max-pool /2), global average + max
pooling (any length), dropout, linear -> 4. Training on random 9-15 s crops (zero-padded if the
record is shorter), class-weighted cross-entropy (sqrt inverse frequency), AdamW, cosine LR.

Run:
  nice -n 10 /usr/bin/python3 training/strip-rhythm/train_cnn.py cv      # CV log -> out/cv-log.json
  nice -n 10 /usr/bin/python3 training/strip-rhythm/train_cnn.py final   # fit on all 2400 -> models/strip-rhythm-cnn.onnx
  CNN_SEED=11 CNN_TAG=cnn-s11 ... train_cnn.py cv cnn   # another CNN seed's out-of-fold run (report averages cnn-s*)
  CNN_SEEDS=7,11,23 ... train_cnn.py final               # export the mean of several seeds' CNNs
  CNN_WINDOWS=15,30 ... train_cnn.py cv cnn              # also score the CNN read as a mean over 15 / 30 s windows
  CNN_RR=1 CNN_TAG=cnn-rr ... train_cnn.py cv cnn        # round 4: RR channel (dumpWaveforms.ts --rr) through a small branch
  CNN_ARCH=res CNN_LABEL_SMOOTHING=0.1 CNN_CROP_MAX_S=30 CNN_EPOCHS=40 CNN_TAG=cnn-res ... cv cnn   # round 5: residual CNN
"""
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train as mlp  # noqa: E402

# One thread: the CPU is shared, and 2 threads on a loaded 2-core box ran conv1d 10-20x slower (measured).
torch.set_num_threads(1)
torch.set_flush_denormal(True)

HERE = mlp.HERE
ROOT = mlp.ROOT
CLASSES = mlp.CLASSES
FS = 150
EPOCHS = int(os.environ.get('CNN_EPOCHS', '24'))
# Channel width multiplier and longest training crop (s): the variants compared by CV.
WIDTH = int(os.environ.get('CNN_WIDTH', '1'))
CROP_MAX_S = float(os.environ.get('CNN_CROP_MAX_S', '15'))
TAG = os.environ.get('CNN_TAG', 'cnn')
MLP_EPOCHS = 60  # the epoch count train.py chose on validation for the shipped MLP
# Seeds of the CNN members: CV trains one seed per run (CNN_SEED, stored under CNN_TAG); the final
# fit trains every seed in CNN_SEEDS and exports their mean (seed averaging: variance reduction).
CNN_SEED = int(os.environ.get('CNN_SEED', '7'))
CNN_SEEDS = [int(v) for v in os.environ.get('CNN_SEEDS', '7').split(',')]
# Test-time windows (s) also scored in CV (CNN_WINDOWS=15,30): mean over windows as long as the crops.
WINDOWS_S = [float(v) for v in os.environ.get('CNN_WINDOWS', '').split(',') if v]
# Round 4: the RR channel (out/rr.f32, stripRrChannel) as input channel 2, read by its own branch.
RR = os.environ.get('CNN_RR', '0') == '1'
IN_CHANNELS = 2 if RR else 1
# Round 5: CNN_ARCH=res trains ResStripCnn (deeper, residual) instead; CNN_LABEL_SMOOTHING (default 0).
ARCH = os.environ.get('CNN_ARCH', 'small')
LABEL_SMOOTHING = float(os.environ.get('CNN_LABEL_SMOOTHING', '0'))


def load_waves():
    with open(os.path.join(HERE, 'out', 'waveforms.json')) as f:
        idx = json.load(f)
    assert idx['fsHz'] == FS
    data = np.fromfile(os.path.join(HERE, 'out', 'waveforms.f32'), dtype=np.float32)
    names = [r['name'] for r in idx['records']]
    # Every record as [channels, samples]: the waveform, then (CNN_RR=1) its RR channel.
    rr = np.fromfile(os.path.join(HERE, 'out', 'rr.f32'), dtype=np.float32) if RR else None
    assert rr is None or len(rr) == len(data)
    waves = [np.stack([d[r['offset']:r['offset'] + r['length']] for d in ([data, rr] if RR else [data])]) for r in idx['records']]
    labels = np.array([CLASSES.index(r['label']) for r in idx['records']], dtype=np.int64)
    return names, waves, labels


def folds_of(names):
    order = np.random.RandomState(2017).permutation(len(names))
    fold = np.empty(len(names), dtype=np.int64)
    fold[order] = np.arange(len(names)) % 5
    return {n: int(f) for n, f in zip(names, fold)}


class StripCnn(nn.Module):
    def __init__(self):
        super().__init__()
        # The first conv strides by 2 (no pool after it): the same /32 overall, half the cost.
        chans = [1] + [WIDTH * c for c in (8, 16, 24, 32, 32, 32)]
        layers = []
        for i in range(6):
            k = 7 if i < 5 else 5
            stride = 2 if i == 0 else 1
            layers += [nn.Conv1d(chans[i], chans[i + 1], k, stride=stride, padding=k // 2, bias=False), nn.BatchNorm1d(chans[i + 1]), nn.ReLU()]
            if 0 < i < 5:
                layers.append(nn.MaxPool1d(2))
        self.body = nn.Sequential(*layers)
        self.drop = nn.Dropout(0.3)
        # RR branch (CNN_RR=1): the RR channel averaged to 150/32 Hz (~0.2 s steps, the body's rate),
        # two small convs over ~4 s of beats, then mean, max and std pooling (rate, extremes, irregularity).
        self.rr = nn.Sequential(nn.AvgPool1d(32), nn.Conv1d(1, 8, 5, padding=2), nn.ReLU(),
                                nn.Conv1d(8, 16, 5, padding=2), nn.ReLU()) if RR else None
        self.head = nn.Linear(2 * chans[-1] + (48 if RR else 0), 4)

    def forward(self, x):
        h = self.body(x[:, :1])
        z = torch.cat([h.mean(2), h.amax(2)], 1)
        if self.rr is not None:
            r = self.rr(x[:, 1:2])
            m = r.mean(2, keepdim=True)
            z = torch.cat([z, m[:, :, 0], r.amax(2), ((r - m) ** 2).mean(2).add(1e-6).sqrt()], 1)
        return self.head(self.drop(z))


class ResBlock(nn.Module):
    """Two kernel-7 convs (BN, ReLU) with a shortcut; `stride` 2 halves the rate (shortcut: average
    pool + 1x1 conv), as in the residual ECG networks of Hannun et al. 2019."""

    def __init__(self, cin, cout, stride):
        super().__init__()
        self.a = nn.Sequential(nn.Conv1d(cin, cout, 7, stride=stride, padding=3, bias=False), nn.BatchNorm1d(cout), nn.ReLU(),
                               nn.Conv1d(cout, cout, 7, padding=3, bias=False), nn.BatchNorm1d(cout))
        self.skip = nn.Identity() if cin == cout and stride == 1 else nn.Sequential(
            nn.AvgPool1d(stride, ceil_mode=True) if stride > 1 else nn.Identity(), nn.Conv1d(cin, cout, 1, bias=False), nn.BatchNorm1d(cout))

    def forward(self, x):
        a = self.a(x)
        return torch.relu(a + self.skip(x)[:, :, :a.shape[2]])


class ResStripCnn(nn.Module):
    """Round 5 (CNN_ARCH=res): a deeper residual CNN, stem + 6 residual blocks (32-96 channels,
    /64 overall), global average + max pooling, dropout, linear -> 4; about 0.39 M parameters."""

    def __init__(self):
        super().__init__()
        plan = [(32, 32, 2), (32, 48, 2), (48, 64, 2), (64, 64, 1), (64, 96, 2), (96, 96, 1)]
        self.body = nn.Sequential(nn.Conv1d(1, 32, 15, stride=2, padding=7, bias=False), nn.BatchNorm1d(32), nn.ReLU(),
                                  *[ResBlock(a, b, s) for a, b, s in plan])
        self.drop = nn.Dropout(0.3)
        self.head = nn.Linear(2 * plan[-1][1], 4)

    def forward(self, x):
        h = self.body(x[:, :1])
        return self.head(self.drop(torch.cat([h.mean(2), h.amax(2)], 1)))


class Softmaxed(nn.Module):
    """Export wrapper: waveform [batch, 1, samples] -> probabilities [batch, 4]."""

    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, waveform):
        return torch.softmax(self.net(waveform), 1)


class SeedMean(nn.Module):
    """Export wrapper for several seeds: the mean of the members' softmax (one member: Softmaxed,
    so the single-seed build keeps its graph and bytes)."""

    def __init__(self, nets):
        super().__init__()
        self.nets = nn.ModuleList(nets)

    def forward(self, waveform):
        return torch.stack([torch.softmax(n(waveform), 1) for n in self.nets], 0).mean(0)


def train_cnn(waves, y, seed, epochs=EPOCHS, log=''):
    torch.manual_seed(seed)
    rng = np.random.RandomState(seed)
    net = ResStripCnn() if ARCH == 'res' else StripCnn()
    counts = np.bincount(y, minlength=4).astype(np.float64)
    w = torch.tensor((counts.sum() / (4 * np.maximum(counts, 1))) ** 0.5, dtype=torch.float32)
    loss_fn = nn.CrossEntropyLoss(weight=w, label_smoothing=LABEL_SMOOTHING)
    opt = torch.optim.AdamW(net.parameters(), lr=3e-3, weight_decay=1e-3)
    batch = 32
    steps = epochs * math.ceil(len(waves) / batch)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, total_steps=steps, pct_start=0.15)
    yt = torch.tensor(y)
    for ep in range(epochs):
        net.train()
        t0 = time.time()
        perm = rng.permutation(len(waves))
        total = 0.0
        for i in range(0, len(perm), batch):
            idx = perm[i:i + batch]
            length = int(rng.uniform(9, CROP_MAX_S) * FS)
            xb = np.zeros((len(idx), IN_CHANNELS, length), dtype=np.float32)
            for j, k in enumerate(idx):
                wv = waves[k]
                if wv.shape[1] > length:
                    s = rng.randint(0, wv.shape[1] - length + 1)
                    xb[j] = wv[:, s:s + length]
                else:
                    xb[j, :, :wv.shape[1]] = wv
            opt.zero_grad()
            loss = loss_fn(net(torch.from_numpy(xb)), yt[idx])
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss) * len(idx)
        print(f'{log} epoch {ep + 1}/{epochs} loss {total / len(waves):.3f} ({time.time() - t0:.1f} s)', flush=True)
    net.eval()
    return net


def predict_cnn(net, waves):
    out = np.zeros((len(waves), 4), dtype=np.float32)
    with torch.no_grad():
        for k, wv in enumerate(waves):
            out[k] = torch.softmax(net(torch.from_numpy(wv)[None]), 1)[0].numpy()
    return out


def predict_cnn_windows(net, waves, win_s, hop_s=None):
    """Mean softmax over windows of win_s seconds (hop win_s / 2, the last one flush with the end):
    test-time windows as long as the training crops; a record no longer than win_s is one window."""
    win = int(win_s * FS)
    hop = int((hop_s or win_s / 2) * FS)
    out = np.zeros((len(waves), 4), dtype=np.float32)
    with torch.no_grad():
        for k, wv in enumerate(waves):
            n = wv.shape[1]
            if n <= win:
                starts = [0]
            else:
                starts = list(range(0, n - win + 1, hop))
                if starts[-1] != n - win:
                    starts.append(n - win)
            xb = torch.from_numpy(np.stack([wv[:, s:s + win] for s in starts]))
            out[k] = torch.softmax(net(xb), 1).mean(0).numpy()
    return out


def load_features():
    """Feature rows by record name (whole records) and crops by parent record name; A00001-A02400 only."""
    import csv
    with open(os.path.join(HERE, 'out', 'features.csv')) as f:
        rows = list(csv.reader(f))
    whole, crops = {}, {}
    for r in rows[1:]:
        if r[2] == 'heldout':
            continue
        v = (np.array([float(t) for t in r[3:]], dtype=np.float32), CLASSES.index(r[1]))
        if r[2].endswith('-crop'):
            crops.setdefault(r[0].split('_')[0], []).append(v)
        else:
            whole[r[0]] = v
    return whole, crops


def cv():
    names, waves, y = load_waves()
    fold = folds_of(names)
    whole, crops = load_features()
    which = set(sys.argv[2:]) or {'mlp', 'cnn'}
    oof_path = os.path.join(HERE, 'out', 'cv-oof.npz')
    oof = dict(np.load(oof_path)) if os.path.exists(oof_path) else {}
    if 'mlp' in which:
        p = np.zeros((len(names), 4), dtype=np.float32)
        for f in range(5):
            tr = [n for n in names if fold[n] != f]
            te = [k for k, n in enumerate(names) if fold[n] == f]
            rows = [whole[n] for n in tr] + [c for n in tr for c in crops.get(n, [])]
            x = np.stack([r[0] for r in rows]); yy = np.array([r[1] for r in rows])
            mean = x.mean(0); std = x.std(0) + 1e-6
            members = [mlp.train_member(s, x, yy, MLP_EPOCHS, mean, std)[0] for s in mlp.SEEDS]
            p[te] = mlp.predict(members, np.stack([whole[names[k]][0] for k in te]), mean, std)
            print(f'mlp fold {f}: {mlp.challenge_f1(y[te], p[te].argmax(1))}', flush=True)
        oof['mlp'] = p
        np.savez(oof_path, **oof)
    if 'cnn' in which:
        print(f'{TAG}: width x{WIDTH}, crops 9-{CROP_MAX_S} s, {EPOCHS} epochs', flush=True)
        p = np.zeros((len(names), 4), dtype=np.float32)
        pw = {}
        for f in range(5):
            tr = [k for k, n in enumerate(names) if fold[n] != f]
            te = [k for k, n in enumerate(names) if fold[n] == f]
            net = train_cnn([waves[k] for k in tr], y[tr], CNN_SEED, log=f'{TAG} fold {f}')
            p[te] = predict_cnn(net, [waves[k] for k in te])
            for win_s in WINDOWS_S:
                pw.setdefault(win_s, np.zeros((len(names), 4), dtype=np.float32))[te] = predict_cnn_windows(net, [waves[k] for k in te], win_s)
            print(f'{TAG} fold {f}: {mlp.challenge_f1(y[te], p[te].argmax(1))}', flush=True)
            oof[TAG] = p
            for win_s, q in pw.items():
                oof[f'{TAG} windows {win_s:g} s'] = q
            np.savez(oof_path, **oof)
    report(names, y, fold, oof)


def score_candidates(candidates, y, fa, width):
    """Pooled and per-fold challenge F1 of each candidate's out-of-fold probabilities, printed and returned."""
    log = {}
    for k, p in candidates.items():
        pooled = mlp.challenge_f1(y, p.argmax(1))
        per = [mlp.challenge_f1(y[fa == f], p[fa == f].argmax(1))['mean'] for f in range(5)]
        log[k] = {'pooled': pooled, 'fold_means': per, 'fold_median': float(np.median(per))}
        print(f'{k:{width}s} pooled F1 N {pooled["N"]:.3f} A {pooled["A"]:.3f} O {pooled["O"]:.3f} ~ {pooled["~"]:.3f} mean {pooled["mean"]:.3f}; '
              f'fold means {" ".join(f"{v:.3f}" for v in per)} (median {np.median(per):.3f})')
    return log


def report(names, y, fold, oof):
    fa = np.array([fold[n] for n in names])
    log = {}
    candidates = dict(oof)
    # Seed averages: the shipped-size CNN ('cnn', seed 7) with its other-seed runs ('cnn-s<seed>').
    seeds = sorted(k for k in oof if k.startswith('cnn-s'))
    for m in range(1, len(seeds) + 1):
        candidates[f'cnn mean of {m + 1} seeds'] = np.mean([oof['cnn']] + [oof[k] for k in seeds[:m]], 0)
    for tag in [k for k in candidates if k != 'mlp']:
        if 'mlp' in oof:
            for wc in (0.25, 0.4, 0.5, 0.6):
                candidates[f'mlp + {tag} (cnn weight {wc})'] = (1 - wc) * oof['mlp'] + wc * candidates[tag]
    log.update(score_candidates(candidates, y, fa, 36))
    with open(os.path.join(HERE, 'out', 'cv-log.json'), 'w') as f:
        json.dump(log, f, indent=1)


def report_only():
    names, _, y = load_waves()
    report(names, y, folds_of(names), dict(np.load(os.path.join(HERE, 'out', 'cv-oof.npz'))))


def final():
    names, waves, y = load_waves()
    nets = [train_cnn(waves, y, s, log=f'cnn final seed {s}') for s in CNN_SEEDS]
    out = os.environ.get('STRIP_CNN_OUT', os.path.join(ROOT, 'models', 'strip-rhythm-cnn.onnx'))
    model = (Softmaxed(nets[0]) if len(nets) == 1 else SeedMean(nets)).eval()
    torch.onnx.export(model, torch.zeros(1, IN_CHANNELS, 30 * FS), out, input_names=['waveform'], output_names=['probabilities'],
                      dynamic_axes={'waveform': {0: 'batch', 2: 'samples'}, 'probabilities': {0: 'batch'}}, opset_version=13)
    print(f'wrote {out} ({os.path.getsize(out)} bytes)')
    # Reference outputs for checking the TypeScript + onnxruntime path against PyTorch.
    with torch.no_grad():
        ref = {n: model(torch.from_numpy(waves[names.index(n)])[None])[0].numpy().round(5).tolist() for n in ('A00001', 'A00004', 'A00005')}
    print(f'PyTorch probabilities (N A O ~): {ref}')


if __name__ == '__main__':
    {'cv': cv, 'final': final, 'report': report_only}[sys.argv[1]]()
