"""Distil photos-32's surrogate decoder (vae_tiny/) into a prior folder, as digits-32's was: distill_surrogate with its
defaults but 1,500 steps, on the prior's training images (photos32_data, seed 0), agreement on the shipped held-out images.
usage: python train/distill_photos.py PRIOR_DIR RUN_DIR [THREADS]   (rerunning resumes from RUN_DIR)"""
import sys, json
from pathlib import Path
import numpy as np, torch
from latentinv.priors import load_prior, heldout_images
from latentinv.training import prior_data, distill_surrogate
prior_dir, run_dir = Path(sys.argv[1]), Path(sys.argv[2]); th = int(sys.argv[3]) if len(sys.argv) > 3 else 1
torch.set_num_threads(th)
prior = load_prior(prior_dir)
train = prior_data('photos-32')['train']
held = heldout_images(prior)
p = distill_surrogate(prior, train, prior_dir, heldout=held, steps=1500, run_dir=run_dir, progress=False)
print(p, json.loads((p / 'latentinv.json').read_text()), flush=True)
