"""A prior folder OUT/photos-32 from the newest checkpoints of photos-32-f2, without touching the running training.
usage: python train/snapshot_f2.py OUT [THREADS]
The checkpoints are copied to OUT/run and `train_prior` resumes each stage there at its step count (no training),
except the decoder fine-tuning when the run has none yet: it is trained in OUT/run/dec (2,500 steps) and copied back."""
import sys, shutil, re
from pathlib import Path
import torch
from latentinv.training import train_prior
RUN = Path(__file__).resolve().parent / 'photos-32-f2'
F2 = dict(ae=dict(latent_channels=4, block_out_channels=(32, 64)))
out = Path(sys.argv[1]); th = int(sys.argv[2]) if len(sys.argv) > 2 else 1
def newest(stage):
    cs = sorted(c for c in (RUN / stage).glob('ckpt-*') if (c / 'state.pt').exists() and not c.name.endswith('.tmp'))
    return cs[-1] if cs else None
steps = {}
for stage in ('ae', 'unet', 'dec'):
    c = newest(stage)
    if c is None: continue
    steps[stage] = int(re.search(r'(\d+)$', c.name).group(1))
    dst = out / 'run' / stage / c.name
    if not dst.exists(): shutil.copytree(c, dst)
assert steps.get('ae') == 8000 and 'unet' in steps, f"need the finished autoencoder and a UNet checkpoint, have {steps}"
print('steps', steps, flush=True)
p = train_prior('photos-32', out / 'photos-32', ae_steps=8000, unet_steps=steps['unet'], dec_steps=2500, run_dir=out / 'run',
                seed=0, threads=th, recipe=F2, progress=False)
if 'dec' not in steps:                       # hand the finished decoder stage back to the run, so it is trained once
    c = sorted((out / 'run' / 'dec').glob('ckpt-*'))[-1]
    shutil.copytree(c, RUN / 'dec' / c.name)
print(p, flush=True)
