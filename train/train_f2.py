"""Train (or resume) the f=2 photos-32 prior: the photos recipe with a 2-level autoencoder (16x16x4 latents).
usage: python runs/train_f2.py OUT_DIR UNET_SECONDS [THREADS]   (rerun resumes every stage from runs/photos-32-f2)"""
import sys, os
from pathlib import Path
from latentinv.training import train_prior
F2 = dict(ae=dict(latent_channels=4, block_out_channels=(32, 64)))
out, secs = sys.argv[1], float(sys.argv[2]); th = int(sys.argv[3]) if len(sys.argv) > 3 else 2
run = Path(__file__).resolve().parent / 'photos-32-f2'   # committed: a new machine resumes from here
print(train_prior('photos-32', out, ae_steps=8000, unet_steps=40000, dec_steps=2500, run_dir=run, seed=0, threads=th,
                  recipe=F2, unet_seconds=secs, progress=False), flush=True)
