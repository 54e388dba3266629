"""Build the latentinv docs site offline (no quarto) from nbdev's processed notebooks.

`nbdev_docs` is the real build where quarto exists. Here quarto cannot be installed, so this script
renders the same `_proc/` notebooks (written by `nbdev_proc_nbs`) with pandoc: one HTML page per
notebook with a navigation sidebar, MathML maths and the saved figures, then checks every local link
and anchor. Usage: python .ci/build_docs.py [--out _docs] [--skip-proc]
"""
import argparse, base64, html, json, re, shutil, subprocess, sys
import yaml
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE_URL = 'https://latentinv.github.io/latentinv/'

TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>$title$ – latentinv</title>
<style>
body{margin:0;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;line-height:1.5;color:#222}
nav#sidebar{position:fixed;top:0;left:0;bottom:0;width:230px;overflow-y:auto;background:#f6f7f9;border-right:1px solid #ddd;padding:1rem}
nav#sidebar a{display:block;color:#2a5db0;text-decoration:none;padding:.15rem 0}
nav#sidebar a.active{font-weight:bold;color:#000}
main{margin-left:270px;max-width:900px;padding:1rem 2rem 4rem}
pre{background:#f5f5f5;padding:.6rem;overflow-x:auto;font-size:.85em;border-radius:4px}
code{font-size:.9em} img{max-width:100%} table{border-collapse:collapse} td,th{border:1px solid #ccc;padding:.2rem .5rem}
.description{color:#555;font-size:1.1em;border-left:3px solid #ccc;padding-left:.8rem}
.cell-output pre{background:#fff;border:1px solid #eee}
#toc{font-size:.9em}
</style></head><body>
<nav id="sidebar"><a href="index.html"><b>latentinv</b></a><hr>$nav$</nav>
<main><h1 class="title">$title$</h1>
$if(description)$<p class="description">$description$</p>$endif$
$if(toc)$<div id="toc">$toc$</div>$endif$
$body$
</main></body></html>
"""

def front_matter(nb):
    "Title, description and output file from the raw YAML front-matter cell nbdev writes."
    c = nb['cells'][0] if nb['cells'] else None
    if not (c and c['cell_type'] == 'raw'): return {}
    src = ''.join(c['source']).strip()
    meta = yaml.safe_load(src.strip('-').strip()) or {}
    return {k: str(v) for k, v in meta.items() if k in ('title', 'description', 'output-file')}

def page_name(nb_path, meta):
    if 'output-file' in meta: return meta['output-file']
    return re.sub(r'^\d+[a-z]?_', '', nb_path.stem) + '.html'

def cell_directives(src):
    d = {}
    for l in src.splitlines():
        m = re.match(r'\s*#\|\s*([\w-]+)\s*:\s*(.*)', l)
        if m: d[m.group(1)] = m.group(2).strip()
        elif re.match(r'\s*#\|\s*hide\b', l): d['hide'] = 'true'
    return d

def strip_directives(src):
    return '\n'.join(l for l in src.splitlines() if not re.match(r'\s*#\|', l)).strip('\n')

def notebook_to_markdown(nb, stem, media_dir):
    "The notebook as pandoc markdown; images written to `media_dir`."
    out, n_img = [], 0
    for c in nb['cells'][1:] if nb['cells'] and nb['cells'][0]['cell_type'] == 'raw' else nb['cells']:
        src = ''.join(c['source'])
        if c['cell_type'] == 'markdown':
            for name, data in c.get('attachments', {}).items():
                for mime, b64 in data.items():
                    n_img += 1; fn = f'{stem}_att{n_img}.{mime.split("/")[-1]}'
                    (media_dir/fn).write_bytes(base64.b64decode(b64))
                    src = src.replace(f'attachment:{name}', f'figures/{fn}')
            out.append(src); continue
        if c['cell_type'] != 'code': continue
        d = cell_directives(src)
        if d.get('hide') == 'true' or d.get('include') == 'false': continue
        code = strip_directives(src)
        if d.get('echo') != 'false' and code.strip(): out.append(f'```python\n{code}\n```')
        if d.get('output') == 'false': continue
        for o in c.get('outputs', []):
            if o['output_type'] == 'stream':
                txt = ''.join(o['text']).rstrip()
                if txt: out.append('::: {.cell-output}\n```\n' + txt + '\n```\n:::')
            elif o['output_type'] in ('execute_result', 'display_data'):
                data = o.get('data', {})
                if 'image/png' in data:
                    n_img += 1; fn = f'{stem}_fig{n_img}.png'
                    (media_dir/fn).write_bytes(base64.b64decode(''.join(data['image/png'])))
                    out.append(f'![](figures/{fn})')
                elif 'text/markdown' in data: out.append(''.join(data['text/markdown']))
                elif 'text/html' in data: out.append('```{=html}\n' + ''.join(data['text/html']) + '\n```')
                elif 'text/plain' in data:
                    out.append('::: {.cell-output}\n```\n' + ''.join(data['text/plain']).rstrip() + '\n```\n:::')
            elif o['output_type'] == 'error':
                raise SystemExit(f'{stem}: a saved cell output is an error: {o.get("ename")}: {o.get("evalue")}')
    return '\n\n'.join(out)

def fix_links(md, pages):
    "Absolute links into this site become relative; links to notebooks become links to their pages."
    md = md.replace(SITE_URL, '')
    def nb_link(m):
        target, anchor = m.group(1), m.group(2) or ''
        return pages.get(Path(target).name, target) + anchor
    return re.sub(r'(?<=\()(?:\./)?([\w./-]+\.ipynb)(#[\w-]+)?(?=\))', nb_link, md)

def repair_method_anchors(site):
    """nbdev links every backticked `Class.method` to an anchor that exists only if the chapter shows that method's
    doc; where it does not, point the link at the class's own entry (the page documents the method there)."""
    ids = {p.name: set(re.findall(r'\bid="([^"]+)"', p.read_text())) for p in site.glob('*.html')}
    def fix(m, page):
        url = html.unescape(m.group(1)); path, _, anchor = url.partition('#')
        target = path or page
        if anchor and '.' in anchor and anchor not in ids.get(target, ()) and anchor.split('.')[0] in ids.get(target, ()):
            return f'href="{path}#{anchor.split(".")[0]}"'
        return m.group(0)
    for p in site.glob('*.html'):
        p.write_text(re.sub(r'href="([^"]+)"', lambda m: fix(m, p.name), p.read_text()))

def check_links(site):
    "Every local href/src resolves to a file, and every #anchor to an id in its page."
    ids, bad = {}, []
    for p in site.glob('*.html'):
        ids[p.name] = set(re.findall(r'\bid="([^"]+)"', p.read_text()))
    for p in site.glob('*.html'):
        for attr, url in re.findall(r'\b(href|src)="([^"]+)"', p.read_text()):
            url = html.unescape(url)
            if re.match(r'^(https?:|mailto:|data:|javascript:)', url): continue
            path, _, anchor = url.partition('#')
            target = p.name if path == '' else path
            if not (site/target).exists(): bad.append(f'{p.name}: {url} (no such file)'); continue
            if anchor and target.endswith('.html') and anchor not in ids.get(target, set()):
                bad.append(f'{p.name}: {url} (no such anchor)')
    return bad

def process_notebooks(bindir):
    "`nbdev_proc_nbs` where quarto exists; without quarto, the same steps minus nbdev's quarto installer."
    if shutil.which('quarto'):
        subprocess.run([str(bindir/'nbdev_proc_nbs')], cwd=ROOT, check=True); return
    # nbdev_proc_nbs starts by installing quarto when it is missing (sudo, then `pip install -e .` with
    # whatever pip is on PATH); run the rest of its steps directly instead.
    code = ("from nbdev.config import get_config; from nbdev.quarto import refresh_quarto_yml, nbdev_sidebar; "
            "from nbdev.serve import proc_nbs; import nbdev.doclinks; cfg = get_config(); refresh_quarto_yml(); "
            "nbdev.doclinks._build_modidx(); nbdev_sidebar.__wrapped__(path=cfg.nbs_path); proc_nbs(cfg.nbs_path)")
    subprocess.run([sys.executable, '-c', code], cwd=ROOT, check=True)

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--out', default='_docs'); ap.add_argument('--skip-proc', action='store_true')
    a = ap.parse_args()
    bindir = Path(sys.executable).parent
    if not a.skip_proc: process_notebooks(bindir)
    if shutil.which('pandoc') is None: raise SystemExit('pandoc is not installed: apt-get install -y pandoc')
    proc, site = ROOT/'_proc', ROOT/a.out
    shutil.rmtree(site, ignore_errors=True); (site/'figures').mkdir(parents=True)
    nbs = sorted(proc.glob('*.ipynb'), key=lambda p: (p.stem != 'index', p.stem))
    nbs = [p for p in nbs if not p.name.startswith('_')]
    loaded = {p: json.loads(p.read_text()) for p in nbs}
    metas = {p: front_matter(nb) for p, nb in loaded.items()}
    pages = {p.name: page_name(p, metas[p]) for p in nbs}
    for p in nbs:   # images referenced from markdown (e.g. the README picture) travel with the site
        for src in re.findall(r'!\[[^\]]*\]\(([^)\s]+)', json.dumps([c['source'] for c in loaded[p]['cells']])):
            src = src.replace('\\n', '')
            f = ROOT/'nbs'/src
            if not re.match(r'^(https?:|data:|figures/)', src) and f.exists():
                (site/src).parent.mkdir(parents=True, exist_ok=True); shutil.copy(f, site/src)
    nav = '\n'.join(f'<a href="{pages[p.name]}" data-page="{pages[p.name]}">{html.escape(metas[p].get("title", p.stem))}</a>' for p in nbs)
    tpl = ROOT/'_proc'/'_latentinv_template.html'; tpl.write_text(TEMPLATE)
    for p in nbs:
        meta, name = metas[p], pages[p.name]
        md = fix_links(notebook_to_markdown(loaded[p], Path(name).stem, site/'figures'), pages)
        src = ROOT/'_proc'/f'_{Path(name).stem}.md'; src.write_text(md)
        this_nav = nav.replace(f'data-page="{name}">', f'data-page="{name}" class="active">')
        cmd = ['pandoc', str(src), '-f', 'markdown+link_attributes-yaml_metadata_block', '-t', 'html5', '--standalone',
               '--mathml', '--toc', '--toc-depth=3', f'--template={tpl}', '-o', str(site/name),
               '--metadata', f'title={meta.get("title", p.stem)}', '--metadata', f'pagetitle={meta.get("title", p.stem)}',
               '--variable', f'nav={this_nav}']
        if meta.get('description'): cmd += ['--metadata', f'description={meta["description"]}']
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode: raise SystemExit(f'pandoc failed on {p.name}:\n{r.stderr}')
        print(f'built {name}')
    repair_method_anchors(site)
    bad = check_links(site)
    if bad: raise SystemExit('broken local links:\n' + '\n'.join(bad))
    print(f'{len(nbs)} pages, {len(list((site/"figures").iterdir()))} figures, all local links resolve -> {site}')

if __name__ == '__main__': main()
