"""Beat-class CNN: a 1D CNN shared across leads over the beat window (250 Hz, -256..+448 ms) and
its difference from the patient's dominant beat, pooled over leads, joined with the RR-context and
morphology features. Trained on MIT-BIH DS1 only (fixed seeds, 2 CPU threads).

  nice -n 10 /usr/bin/python3 training/train_beat_cnn.py
    1. trains on DS1 minus VAL_RECORDS and scores those records each epoch (patient-wise validation),
       exporting that model to training/cache/beat-classes-val.onnx;
    2. trains on all of DS1 with the same recipe and exports models/beat-classes.onnx.
  --val stops after step 1.
"""
import datetime
import json
import os
import sys
import time
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import beat_data as bd

torch.set_num_threads(2)
torch.set_flush_denormal(True)
EPOCHS = int(os.environ.get('BEAT_CNN_EPOCHS', 4))
WIDTH = int(os.environ.get('BEAT_CNN_WIDTH', 16))
DROPOUT = float(os.environ.get('BEAT_CNN_DROPOUT', 0.5))
# Each epoch sees every S, V, F, Q beat and a fresh random third of the N beats (resampling
# against imbalance, and a third of the compute on 2 shared cores).
N_FRACTION = 1 / 3
BATCH = 256
LR = 2e-3
WD = float(os.environ.get('BEAT_CNN_WD', 1e-2))


class BeatCnn(nn.Module):
    def __init__(self, n_features, mean, std, channels=2, emb=64, width=32, dropout=0.3):
        super().__init__()
        self.register_buffer('mean', torch.tensor(mean, dtype=torch.float32))
        self.register_buffer('std', torch.tensor(std, dtype=torch.float32))
        self.enc = nn.Sequential(
            nn.Conv1d(channels, width // 2, 7, stride=2, padding=3), nn.BatchNorm1d(width // 2), nn.ReLU(),  # 88
            nn.Conv1d(width // 2, width, 5, padding=2), nn.BatchNorm1d(width), nn.ReLU(), nn.MaxPool1d(2),  # 44
            nn.Conv1d(width, width, 5, padding=2), nn.BatchNorm1d(width), nn.ReLU(), nn.MaxPool1d(2),  # 22
            nn.Conv1d(width, width, 3, padding=1), nn.BatchNorm1d(width), nn.ReLU(), nn.MaxPool1d(2),  # 11
            nn.Flatten(), nn.Dropout(dropout), nn.Linear(width * 11, emb), nn.ReLU())
        self.head = nn.Sequential(
            nn.Dropout(dropout), nn.Linear(2 * emb + n_features, 64), nn.ReLU(), nn.Dropout(dropout), nn.Linear(64, 5))

    def forward(self, waves, features):
        b, l, c, t = waves.shape
        e = self.enc(waves.reshape(b * l, c, t)).reshape(b, l, -1)
        z = torch.cat([e.mean(1), e.max(1).values, (features - self.mean) / self.std], dim=1)
        return self.head(z)


class Exported(nn.Module):
    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, waves, features):
        return F.softmax(self.net(waves, features), dim=1)


def augment(w, f, n_rr, n_morph, gen):
    b, l, c, t = w.shape
    # Per-beat time shift of up to ±4 samples (16 ms): detectors do not all mark the same point.
    s = torch.randint(-4, 5, (b, 1, 1, 1), generator=gen)
    idx = (torch.arange(t).view(1, 1, 1, t) - s).clamp(0, t - 1).expand(b, l, c, t)
    w = torch.gather(w, 3, idx)
    w = w + 0.02 * torch.randn(w.shape, generator=gen)
    # One-lead recordings: the second lead is a copy of the first (see chooseLeads).
    one = torch.rand(b, generator=gen) < 0.15
    if one.any():
        w = w.clone(); f = f.clone()
        w[one, 1] = w[one, 0]
        f[one, n_rr + n_morph:] = f[one, n_rr:n_rr + n_morph]
    return w, f


def train(feats, waves, labels, meta, epochs, val=None, seed=1):
    torch.manual_seed(seed)
    gen = torch.Generator().manual_seed(seed)
    n_rr = len([n for n in meta['featureNames'] if not n.startswith('L')])
    n_morph = (meta['featureCount'] - n_rr) // meta['leads']
    mean = feats.mean(0); std = feats.std(0) + 1e-6
    net = BeatCnn(feats.shape[1], mean, std, width=WIDTH, dropout=DROPOUT)
    counts = np.bincount(labels, minlength=5).astype(np.float64)
    counts[0] *= N_FRACTION
    w = np.minimum((counts[0] / np.maximum(counts, 1)) ** 0.75, 20.0)
    w[4] = min(w[4], w[3])
    print('class weights', np.round(w, 2).tolist(), flush=True)
    lossf = nn.CrossEntropyLoss(weight=torch.tensor(w, dtype=torch.float32))
    opt = torch.optim.AdamW(net.parameters(), lr=LR, weight_decay=WD)
    is_n = np.flatnonzero(labels == 0)
    not_n = np.flatnonzero(labels != 0)
    per_epoch = len(not_n) + int(len(is_n) * N_FRACTION)
    steps = epochs * int(np.ceil(per_epoch / BATCH))
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=LR, total_steps=steps, pct_start=0.15)
    W = torch.from_numpy(waves); Fe = torch.from_numpy(feats); Y = torch.from_numpy(labels)
    history = []
    for ep in range(epochs):
        t0 = time.time()
        net.train()
        pick_n = torch.from_numpy(is_n)[torch.randperm(len(is_n), generator=gen)[:per_epoch - len(not_n)]]
        chosen = torch.cat([torch.from_numpy(not_n), pick_n])
        perm = chosen[torch.randperm(len(chosen), generator=gen)]
        tot = 0.0
        for i in range(0, len(perm), BATCH):
            j = perm[i:i + BATCH]
            wb, fb = augment(W[j], Fe[j], n_rr, n_morph, gen)
            loss = lossf(net(wb, fb), Y[j])
            opt.zero_grad(); loss.backward(); opt.step(); sched.step()
            tot += loss.item() * len(j)
        msg = f'epoch {ep + 1}/{epochs} loss {tot / len(perm):.4f} {time.time() - t0:.0f}s'
        if val is not None:
            s, _ = bd.ec57_summary(val[2], predict(net, val[0], val[1]))
            history.append(s)
            msg += ' | val ' + bd.fmt(s)
        print(msg, flush=True)
    return net, history


@torch.no_grad()
def predict(net, feats, waves, probs=False):
    net.eval()
    out = []
    for i in range(0, len(feats), 2048):
        out.append(F.softmax(net(torch.from_numpy(waves[i:i + 2048]), torch.from_numpy(feats[i:i + 2048])), dim=1).numpy())
    p = np.concatenate(out)
    return p if probs else p.argmax(1)


def export(net, feats, waves, path):
    net.eval()
    dummy = (torch.from_numpy(waves[:4]), torch.from_numpy(feats[:4]))
    torch.onnx.export(Exported(net), dummy, path, input_names=['waves', 'features'], output_names=['probabilities'],
                      dynamic_axes={'waves': {0: 'beats', 1: 'leads'}, 'features': {0: 'beats'}, 'probabilities': {0: 'beats'}},
                      opset_version=13, do_constant_folding=True)
    print('wrote', path, os.path.getsize(path), 'bytes', flush=True)


def main():
    meta, feats, waves, labels, records = bd.load()
    v = np.isin(records, bd.VAL_RECORDS)
    net, hist = train(feats[~v], waves[~v], labels[~v], meta, EPOCHS, val=(feats[v], waves[v], labels[v]))
    p = predict(net, feats[v], waves[v])
    for rec in bd.VAL_RECORDS:
        k = records[v] == rec
        print(rec, bd.confusion(labels[v][k], p[k])[:4, :4].tolist(), flush=True)
    export(net, feats, waves, os.path.join(bd.CACHE, 'beat-classes-val.onnx'))
    if '--val' in sys.argv:
        return
    net, _ = train(feats, waves, labels, meta, EPOCHS)
    s, _ = bd.ec57_summary(labels, predict(net, feats, waves))
    print('DS1 training fit:', bd.fmt(s))
    path = os.path.normpath(os.path.join(bd.HERE, '..', 'models', 'beat-classes.onnx'))
    export(net, feats, waves, path)
    json.dump({'inputVersion': meta['inputVersion'], 'classes': bd.CLASSES, 'epochs': EPOCHS, 'date': datetime.date.today().isoformat(),
               'trainingFit': bd.fmt(s), 'validation': {'records': bd.VAL_RECORDS, 'lastEpoch': bd.fmt(hist[-1])}},
              open(path.replace('.onnx', '.onnx.json'), 'w'), indent=1)


if __name__ == '__main__':
    main()
