"""Out-of-fold CNN probabilities on DS1 (the feature MLP's 5 patient-wise folds), to choose a VEB
ensemble rule of the CNN and the feature MLP on DS1 only. Same recipe as train_beat_cnn.py (fixed
seed per fold); writes training/cache/ds1.cnn-oof.npy (ignored). About 5 min per fold on 2 shared cores.

  nice -n 10 /usr/bin/python3 training/cnn_out_of_fold.py
"""
import os
import numpy as np
import beat_data as bd
import train_beat_cnn as cnn
from train_feature_mlp import FOLDS


def main():
    meta, feats, waves, labels, records = bd.load()
    out = np.zeros((len(labels), 5), dtype=np.float32)
    for k, fold in enumerate(FOLDS):
        te = np.isin(records, fold)
        net, _ = cnn.train(feats[~te], waves[~te], labels[~te], meta, cnn.EPOCHS, seed=100 + k)
        out[te] = cnn.predict(net, feats[te], waves[te], probs=True)
        s, _ = bd.ec57_summary(labels[te], out[te].argmax(1))
        print(f'fold {k} {fold}: {bd.fmt(s)}', flush=True)
    s, _ = bd.ec57_summary(labels, out.argmax(1))
    print('DS1 5-fold patient CV cnn (argmax):', bd.fmt(s), flush=True)
    np.save(os.path.join(bd.CACHE, 'ds1.cnn-oof.npy'), out)


if __name__ == '__main__':
    main()
