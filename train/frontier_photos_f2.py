"""The benchmark chapter's quality-cost frontier for the retrained photos-32 on its four tasks, every candidate run in one
process on a quiet machine so the seconds compare: sweep_fast's records (held-out images 8-15, one particle; phase
retrieval 8-11, best of 4) appended to SWEEP_JSONL. Candidates: the first round (sr4, box inpainting), the seven of
fast_photos_f2.py (Gaussian blur, phase retrieval), and the fifth round (the surrogate down to a handover level) for all.
usage: python train/frontier_photos_f2.py SWEEP_JSONL [THREADS]"""
import sys
import torch
import latentinv.all
from latentinv.bench import sweep_fast, FAST_CANDIDATES, FIFTH_CANDIDATES, ALL_CANDIDATES
torch.set_num_threads(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
SEVEN = ['preset', 'm10x2', 's12o1m16', 's11', 's14o1m16', 's11smax3', 's10smax5']
SETS = {'sr4': list(FAST_CANDIDATES), 'box_inpainting': list(FAST_CANDIDATES), 'gaussian_blur': SEVEN, 'phase_retrieval': SEVEN}
for task, cands in SETS.items():
    names = cands + [c for c in FIFTH_CANDIDATES if task == 'gaussian_blur' or c in ('sur', 'sur<0.2')]
    recs = sweep_fast('photos-32', task, sys.argv[1], candidates={c: ALL_CANDIDATES[c] for c in names})
    base = next(r for r in recs if r['cand'] == 'preset')
    print(task, [(r['cand'], round(r['psnr'], 2), round(r['seconds'] / base['seconds'], 2), round(r['seconds'], 1)) for r in recs], flush=True)
