"""Held-out reconstruction PSNR of a photos-32-f2 autoencoder checkpoint (raw and EMA): all, thumbnails, crops.
usage: python train/ae_psnr.py STAGE_CKPT_DIR   (an ae/ or dec/ checkpoint folder)"""
import sys, json
from pathlib import Path
import torch
from safetensors.torch import load_file
from latentinv.training import prior_data, make_autoencoder, reconstruction_psnr, PRIOR_RECIPES, _merge
torch.set_num_threads(1)
F2 = dict(ae=dict(latent_channels=4, block_out_channels=(32, 64)))
R = _merge(PRIOR_RECIPES['photos-32'], F2)
d = prior_data('photos-32', seed=0); test = d['test']; nth = len(d['heldout_photos'])
out = {}
for w in ('model', 'ema'):
    ae = make_autoencoder(channels=3, image_size=32, seed=0, **R['ae'])
    ae.load_state_dict(load_file(Path(sys.argv[1]) / f'{w}.safetensors')); ae.eval()
    with torch.no_grad():
        out[w] = dict(all=round(reconstruction_psnr(ae, test), 2), thumbnails=round(reconstruction_psnr(ae, test[:nth]), 2),
                      crops=round(reconstruction_psnr(ae, test[nth:]), 2))
print(json.dumps(dict(ckpt=str(sys.argv[1]), n_thumbnails=nth, **out)))
