"""Build the latentinv docs site offline (no quarto) from nbdev's processed notebooks.

`nbdev_docs` is the real build where quarto exists. Here quarto cannot be installed, so this script runs nbdev's doc
processor itself (one notebook per task, timed: see docs_proc.py) into `_proc/`, renders each processed notebook
with pandoc (one HTML page per notebook: top bar with search, chapter sidebar, sticky contents, prev/next, MathML,
syntax colouring, figures with alt text), checks every local link and anchor, and indexes the site with Pagefind.
Usage: python .ci/build_docs.py [--out _docs] [--skip-proc] [--allow-proc-warnings]
"""
import argparse, base64, configparser, html, json, os, re, shutil, subprocess, sys, time
import yaml
from pathlib import Path
from concurrent.futures import ProcessPoolExecutor
import multiprocessing as mp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

def settings():
    cp = configparser.ConfigParser(); cp.read(ROOT/'settings.ini'); return cp['DEFAULT']

CFG = settings()
SITE_URL = CFG['doc_host'].rstrip('/') + '/' + CFG['doc_baseurl'].strip('/') + '/'
GIT_URL = CFG['git_url'].rstrip('/')
SITE_TITLE = CFG['title']

CSS = r"""
:root{--fg:#1f2328;--muted:#57606a;--link:#0b5cad;--bg-side:#f6f8fa;--line:#d8dee4;--top:3.25rem;--mono:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono","DejaVu Sans Mono",monospace}
*{box-sizing:border-box}
html{scroll-padding-top:calc(var(--top) + .75rem)}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:16px;line-height:1.6;color:var(--fg);background:#fff}
a{color:var(--link)}
header.topbar{position:sticky;top:0;z-index:20;height:var(--top);display:flex;align-items:center;gap:.75rem;padding:0 1rem;background:#24292f;color:#fff}
header.topbar a{color:#fff;text-decoration:none}
header.topbar .site-title{font-weight:700;font-size:1.1rem;white-space:nowrap}
header.topbar .links{display:flex;gap:1rem;margin-left:auto;white-space:nowrap;font-size:.95rem}
header.topbar .links a:hover{text-decoration:underline}
#search{flex:1 1 18rem;max-width:28rem;position:relative;--pagefind-ui-scale:.72;--pagefind-ui-border-width:1px;--pagefind-ui-border-radius:6px}
#search .pagefind-ui__drawer{position:absolute;left:0;right:0;top:100%;background:#fff;color:var(--fg);max-height:75vh;overflow:auto;border:1px solid var(--line);border-radius:6px;box-shadow:0 8px 24px rgba(0,0,0,.2);padding:0 .75rem}
#search .pagefind-ui__drawer:not(:has(*)){display:none}
#search .pagefind-ui__result-link{color:var(--link)}
#nav-toggle{display:none;background:none;border:1px solid #8c959f;color:#fff;border-radius:6px;padding:.2rem .55rem;font-size:1rem;cursor:pointer}
.layout{display:grid;grid-template-columns:15rem minmax(0,1fr) 15rem;gap:0 2rem;max-width:90rem;margin:0 auto}
nav#sidebar{grid-column:1;grid-row:1} main{grid-column:2;grid-row:1}
nav#sidebar{position:sticky;top:var(--top);align-self:start;max-height:calc(100vh - var(--top));overflow-y:auto;padding:1rem .5rem 2rem 1rem;background:var(--bg-side);border-right:1px solid var(--line);min-height:calc(100vh - var(--top))}
nav#sidebar ol{list-style:none;margin:0;padding:0}
nav#sidebar a{display:block;color:var(--fg);text-decoration:none;padding:.25rem .5rem;border-radius:6px;font-size:.95rem;line-height:1.35}
nav#sidebar a:hover{background:#eaeef2}
nav#sidebar a[aria-current]{background:#ddf4ff;color:#0550ae;font-weight:600}
main{min-width:0;padding:1.25rem 0 4rem}
main h1.title{margin:.25rem 0 .5rem;font-size:2.1rem;line-height:1.25}
.description{color:var(--muted);font-size:1.1rem;border-left:4px solid var(--line);padding-left:.9rem;margin:0 0 1.5rem}
.description p{margin:.2rem 0}
main h2{margin-top:2.2rem;padding-bottom:.3rem;border-bottom:1px solid var(--line)}
main h3{margin-top:1.8rem}
main{overflow-wrap:anywhere} pre{overflow-wrap:normal}
aside.toc{position:fixed;top:var(--top);right:max(0px,calc((100vw - 90rem)/2));width:15rem;max-height:calc(100vh - var(--top));overflow-y:auto;padding:1.25rem .75rem 2rem 0;font-size:.85rem}
aside.toc summary{font-weight:600;cursor:pointer;color:var(--muted);margin-bottom:.4rem}
aside.toc ul{list-style:none;margin:0;padding-left:.8rem}
aside.toc > details > nav > ul{padding-left:0}
aside.toc a{color:var(--muted);text-decoration:none;display:block;padding:.12rem 0;line-height:1.35}
aside.toc a:hover,aside.toc a.active{color:var(--link)}
aside.toc a.active{font-weight:600}
pre,code{font-family:var(--mono)}
code{font-size:.9em;background:#f3f4f6;padding:.1em .3em;border-radius:4px;overflow-wrap:anywhere}
pre{font-size:.875rem;line-height:1.5;background:#f6f8fa;padding:.75rem 1rem;overflow-x:auto;border:1px solid #eaeef2;border-radius:6px;margin:.8rem 0}
pre code{font-size:inherit;background:none;padding:0;overflow-wrap:normal;white-space:pre}
div.sourceCode{margin:.8rem 0;background:#f6f8fa;border-radius:6px;overflow-x:auto}
div.sourceCode pre{margin:0}
.cell-output pre{background:#fff;border-color:var(--line);max-height:40rem}
.cell-output pre code{color:#2d333b}
img{max-width:100%;height:auto}
main img{display:block;margin:.75rem auto;max-height:min(85vh,60rem)}
.table-wrap{overflow-x:auto;margin:1rem 0;max-width:100%}
table{border-collapse:collapse;font-size:.92rem}
td,th{border:1px solid var(--line);padding:.3rem .6rem;text-align:left;vertical-align:top}
th{background:var(--bg-side)}
span.math-display{display:block;overflow-x:auto;overflow-y:hidden;max-width:100%;padding:.3rem 0}
math{font-size:1.05em;font-family:"Latin Modern Math","STIX Two Math","Cambria Math",math}
blockquote{margin:1rem 0;padding:.1rem 1rem;border-left:4px solid var(--line);color:var(--muted)}
hr{border:0;border-top:1px solid var(--line);margin:2rem 0 1rem}
nav.pager{display:flex;justify-content:space-between;gap:1rem;margin-top:3rem;padding-top:1rem;border-top:1px solid var(--line)}
nav.pager a{display:block;flex:1 1 0;border:1px solid var(--line);border-radius:8px;padding:.6rem .9rem;text-decoration:none;max-width:48%}
nav.pager a:hover{border-color:var(--link)}
nav.pager .next{text-align:right;margin-left:auto}
nav.pager small{display:block;color:var(--muted)}
a.back-to-top{position:fixed;right:1rem;bottom:1rem;z-index:10;background:#24292f;color:#fff;text-decoration:none;border-radius:999px;padding:.4rem .8rem;font-size:.85rem;opacity:.85}
a.back-to-top:hover{opacity:1}
footer{color:var(--muted);font-size:.85rem;margin-top:2rem}
@media (max-width:75rem){
  .layout{grid-template-columns:14rem minmax(0,1fr);gap:0 1.5rem}
  aside.toc{position:static;width:auto;max-height:none;padding:0;margin:0 0 1.5rem}
  aside.toc details{border:1px solid var(--line);border-radius:6px;padding:.4rem .8rem;background:var(--bg-side)}
  aside.toc summary{margin:0}
  aside.toc details[open] summary{margin-bottom:.4rem}
}
@media (max-width:50rem){
  #nav-toggle{display:inline-block}
  header.topbar{gap:.5rem;padding:0 .6rem}
  header.topbar .links{gap:.6rem;font-size:.85rem}
  header.topbar .links .issues{display:none}
  #search{flex:1 1 0;min-width:0}
  #search .pagefind-ui__drawer{position:fixed;left:.5rem;right:.5rem;top:var(--top);max-height:calc(100vh - var(--top) - 1rem)}
  .layout{display:block}
  nav#sidebar{display:none;position:fixed;top:var(--top);left:0;right:0;bottom:0;max-height:none;z-index:15;border-right:0;padding:1rem}
  body.nav-open nav#sidebar{display:block}
  main{padding-left:1rem;padding-right:1rem}
  main h1.title{font-size:1.6rem}
  nav.pager{flex-direction:column}
  .math-inline{display:inline-block;max-width:100%;overflow-x:auto;overflow-y:hidden;vertical-align:-.35em}
  nav.pager a,nav.pager .next{max-width:none;margin-left:0;flex:none}
}
"""

TEMPLATE = r"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>$pagetitle$</title>
$if(description-meta)$<meta name="description" content="$description-meta$">$endif$
<link rel="icon" href="data:,">
<link rel="stylesheet" href="site.css">
<link rel="stylesheet" href="pagefind/pagefind-ui.css">
<style>
$highlighting-css$
</style>
</head><body>
<header class="topbar" id="top">
<button id="nav-toggle" type="button" aria-controls="sidebar" aria-expanded="false" aria-label="Chapters">&#9776;</button>
<a class="site-title" href="index.html">$site-title$</a>
<div id="search" role="search"></div>
<nav class="links" aria-label="Project"><a href="$git-url$">Repository</a><a class="issues" href="$git-url$/issues">Issues</a></nav>
</header>
<div class="layout">
<nav id="sidebar" aria-label="Chapters">$nav$</nav>
<main data-pagefind-body>
<h1 class="title">$title$</h1>
$if(description-html)$<div class="description">$description-html$</div>$endif$
$if(toc)$<aside class="toc" data-pagefind-ignore><details id="toc-box"><summary>On this page</summary><nav>$table-of-contents$</nav></details></aside>$endif$
$body$
$pager$
<footer data-pagefind-ignore>Generated from <code>$source$</code> — <a href="$git-url$">$site-title$ on GitHub</a></footer>
</main>
</div>
<a class="back-to-top" href="#top" data-pagefind-ignore>&#8593; Top</a>
<script src="site.js"></script>
<script src="pagefind/pagefind-ui.js"></script>
<script>
window.addEventListener('DOMContentLoaded', function () {
  if (window.PagefindUI) new PagefindUI({element: '#search', showSubResults: true, showImages: false,
      baseUrl: new URL('.', location.href).pathname, translations: {placeholder: 'Search'}});
});
</script>
</body></html>
"""

JS = r"""// the chapter list on phones, the contents box open on wide screens, the current section marked in it
(function () {
  var btn = document.getElementById('nav-toggle');
  if (btn) btn.addEventListener('click', function () {
    var open = document.body.classList.toggle('nav-open'); btn.setAttribute('aria-expanded', String(open));
  });
  var box = document.getElementById('toc-box');
  if (box) {
    var wide = window.matchMedia('(min-width: 75.01rem)');
    var sync = function () { box.open = wide.matches; }; sync();
    if (wide.addEventListener) wide.addEventListener('change', sync);
    var links = Array.prototype.slice.call(box.querySelectorAll('a[href^="#"]'));
    var heads = links.map(function (a) { return document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1))); });
    var mark = function () {
      var cur = -1;
      heads.forEach(function (h, i) { if (h && h.getBoundingClientRect().top < 90) cur = i; });
      links.forEach(function (a, i) { a.classList.toggle('active', i === cur); });
    };
    document.addEventListener('scroll', mark, {passive: true}); mark();
  }
})();
"""

# ---------------------------------------------------------------------------------------------- processing

def process_notebooks(force=False, allow_warnings=False, workers=None):
    """nbdev's doc processor over every notebook, one task per notebook (timed). Without quarto, nbdev_proc_nbs would
    first try to install quarto, so its steps are run here: refresh nbdev.yml, rebuild the doc-link index, process."""
    import docs_proc
    subprocess.run([sys.executable, '-c', 'from nbdev.quarto import refresh_quarto_yml; import nbdev.doclinks; '
                    'refresh_quarto_yml(); nbdev.doclinks._build_modidx()'], cwd=ROOT, check=True)
    nbs = sorted((ROOT/'nbs').glob('*.ipynb'))
    proc = ROOT/'_proc'; proc.mkdir(exist_ok=True)
    stamp = max(p.stat().st_mtime for p in [ROOT/'settings.ini', Path(docs_proc.__file__), *(ROOT/'latentinv').glob('*.py')])
    todo, times, warns = [], {}, {}
    for p in nbs:
        d = proc/p.name
        if not force and d.exists() and d.stat().st_mtime > max(stamp, p.stat().st_mtime): times[p.name] = None
        else: todo.append(p)
    workers = workers or min(2, os.cpu_count() or 1)
    t0 = time.time()
    if todo:
        os.chdir(ROOT)   # nbdev finds settings.ini from the working directory
        with ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context('spawn')) as ex:
            futs = {p.name: ex.submit(docs_proc.process, str(p), str(proc/p.name)) for p in todo}
            for name, f in futs.items():
                secs, w = f.result(); times[name] = secs; warns[name] = w
    print(f'nbdev doc processor: {len(todo)} notebook(s) processed in {time.time()-t0:.0f} s wall ({workers} workers), '
          f'{len(nbs)-len(todo)} up to date; seconds per notebook:')
    for name in sorted(times, key=lambda n: -(times[n] or 0)):
        print(f'  {name:32s} ' + ('cached' if times[name] is None else f'{times[name]:6.1f} s'))
    bad = {k: v for k, v in warns.items() if v}
    for name, ws in bad.items():
        for w in ws: print(f'WARNING from nbdev\'s processor in nbs/{name}:\n  ' + w.replace('\n', '\n  '))
    if bad and not allow_warnings:
        raise SystemExit(f'nbdev\'s doc processor warned about cells in {", ".join(sorted(bad))}: put imports in their own '
                         'cell (nbdev re-runs every cell that contains an import when it builds the docs)')
    # nbdev_proc_nbs also copies the site's other source files; pages here need only the notebooks
    return [proc/p.name for p in nbs]

# ---------------------------------------------------------------------------------------------- reading notebooks

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

def plain(md, limit=240):
    "Markdown/LaTeX as short plain text (for alt text and meta descriptions)."
    s = re.sub(r'!\[[^\]]*\]\([^)]*\)', '', md)
    s = re.sub(r'\[([^\]]*)\]\([^)]*\)', r'\1', s)
    s = re.sub(r'\\(?:mathcal|mathrm|mathbf|operatorname|text|boldsymbol)\{([^}]*)\}', r'\1', s)
    s = re.sub(r'\\(?:mathcal|mathrm|mathbf|mathbb|operatorname|text|boldsymbol|left|right|big|Big)\b\s*', '', s)
    s = re.sub(r'\\[,;:! ]', ' ', s)
    s = s.replace('\\mid', '|').replace('\\sim', '~').replace('\\approx', '≈').replace('\\times', '×')
    s = re.sub(r'\\([A-Za-z]+)', r'\1', s)
    s = re.sub(r'[`*_$#{}]|\\', '', s)
    s = re.sub(r'\s+', ' ', s).strip()
    return s if len(s) <= limit else s[:limit].rsplit(' ', 1)[0] + '…'

def first_sentence(md):
    "The first sentence of a markdown cell, after its heading if it starts with one (`Heading: sentence`)."
    head = ''
    m = re.match(r'\s*#+\s+(.+)\n+', md)
    if m: head, md = plain(m.group(1)), md[m.end():]
    if not md.strip(): return head
    text = plain(md, 10**6)
    m = re.match(r'(.+?[.:!?])(\s|$)', text)
    sent = plain(m.group(1) if m else text)
    return f'{head}: {sent}' if head else sent

def figure_title(code):
    "A figure's own title from the code that draws it (suptitle/set_title/title/show_images titles)."
    m = re.search(r"(?:suptitle|set_title|\btitle)\(\s*f?(['\"])(.+?)\1", code)
    return plain(re.sub(r'\{[^}]*\}', '…', m.group(2))) if m else ''

def notebook_to_markdown(nb, stem, media_dir):
    "The notebook as pandoc markdown; images written to `media_dir`, each with alt text."
    out, n_img, last_md = [], 0, ''
    cells = nb['cells'][1:] if nb['cells'] and nb['cells'][0]['cell_type'] == 'raw' else nb['cells']
    for c in cells:
        src = ''.join(c['source'])
        if c['cell_type'] == 'markdown':
            if 'WARNING: THIS FILE WAS AUTOGENERATED' in src: continue
            for name, data in c.get('attachments', {}).items():
                for mime, b64 in data.items():
                    n_img += 1; fn = f'{stem}_att{n_img}.{mime.split("/")[-1]}'
                    (media_dir/fn).write_bytes(base64.b64decode(b64))
                    src = src.replace(f'attachment:{name}', f'figures/{fn}')
            out.append(src)
            if src.strip(): last_md = src
            continue
        if c['cell_type'] != 'code': continue
        d = cell_directives(src)
        if d.get('hide') == 'true' or d.get('include') == 'false': continue
        code = strip_directives(src)
        if d.get('echo') != 'false' and code.strip(): out.append(f'```python\n{code}\n```')
        if d.get('output') == 'false': continue
        alt_base = plain(d.get('fig-alt') or d.get('fig-cap') or '') or figure_title(code) or first_sentence(last_md)
        n_png = sum('image/png' in o.get('data', {}) for o in c.get('outputs', [])); k_png = 0
        for o in c.get('outputs', []):
            if o['output_type'] == 'stream':
                txt = ''.join(o['text']).rstrip()
                if txt: out.append('::: {.cell-output}\n```\n' + txt + '\n```\n:::')
            elif o['output_type'] in ('execute_result', 'display_data'):
                data = o.get('data', {})
                if 'image/png' in data:
                    n_img += 1; fn = f'{stem}_fig{n_img}.png'
                    (media_dir/fn).write_bytes(base64.b64decode(''.join(data['image/png'])))
                    k_png += 1
                    alt = (alt_base or f'Figure {n_img} of {stem}') + (f' ({k_png} of {n_png})' if n_png > 1 else '')
                    out.append(f'<img src="figures/{fn}" alt="{html.escape(alt)}" loading="eager">')
                elif 'text/markdown' in data: out.append(''.join(data['text/markdown']))
                elif 'text/html' in data: out.append('```{=html}\n' + ''.join(data['text/html']) + '\n```')
                elif 'text/plain' in data:
                    out.append('::: {.cell-output}\n```\n' + ''.join(data['text/plain']).rstrip() + '\n```\n:::')
            elif o['output_type'] == 'error':
                raise SystemExit(f'{stem}: a saved cell output is an error: {o.get("ename")}: {o.get("evalue")}')
    return '\n\n'.join(out)

def fix_tex(md):
    "TeX that pandoc's texmath cannot read but MathJax can (quarto's build): `{\\rm x}` -> `{\\mathrm{x}}`."
    return re.sub(r'\{\\rm\s+([^{}]*)\}', lambda m: '{\\mathrm{' + m.group(1).strip() + '}}', md)

def fix_links(md, pages):
    "Absolute links into this site become relative; links to notebooks become links to their pages."
    md = md.replace(SITE_URL, '').replace(SITE_URL.rstrip('/'), 'index.html')
    def nb_link(m):
        target, anchor = m.group(1), m.group(2) or ''
        return pages.get(Path(target).name, target) + anchor
    return re.sub(r'(?<=\()(?:\./)?([\w./-]+\.ipynb)(#[\w-]+)?(?=\))', nb_link, md)

# ---------------------------------------------------------------------------------------------- HTML fix-ups

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

def link_commands(site):
    """Every `latentinv COMMAND ...` in running text links to the section that documents that command (a heading that
    starts with `latentinv COMMAND`, on whichever page defines it), not to a Python function."""
    where = {}
    for p in sorted(site.glob('*.html')):
        for hid, text in re.findall(r'<h[23][^>]*\bid="([^"]+)"[^>]*>(.*?)</h[23]>', p.read_text(), flags=re.S):
            m = re.match(r'\s*(?:<code>)?latentinv ([a-z-]+)', re.sub(r'<(?!/?code)[^>]+>', '', text))
            if m: where.setdefault(m.group(1), f'{p.name}#{hid}')
    def link(m, page):
        target = where.get(m.group(2))
        if not target: return m.group(0)
        return f'<a href="{target}">{m.group(0)}</a>'
    for p in site.glob('*.html'):
        parts = re.split(r'(<a\b.*?</a>|<pre\b.*?</pre>|<h[1-6]\b.*?</h[1-6]>)', p.read_text(), flags=re.S)   # never inside links, code blocks, headings
        for i in range(0, len(parts), 2):
            parts[i] = re.sub(r'<code>(latentinv ([a-z-]+)\b[^<]*)</code>', lambda m: link(m, p.name), parts[i])
        p.write_text(''.join(parts))
    return where

def postprocess(page_html):
    "Wide tables and display maths scroll inside their own box (a `math` element itself does not scroll)."
    page_html = re.sub(r'(<math display="block".*?</math>)', r'<span class="math-display">\1</span>', page_html, flags=re.S)
    page_html = re.sub(r'(<math display="inline".*?</math>)', r'<span class="math-inline">\1</span>', page_html, flags=re.S)
    page_html = re.sub(r'<table\b', '<div class="table-wrap"><table', page_html)
    return page_html.replace('</table>', '</table></div>')

def check_links(site):
    "Every local href/src resolves to a file, and every #anchor to an id in its page."
    ids, bad = {}, []
    for p in site.glob('*.html'):
        ids[p.name] = set(re.findall(r'\bid="([^"]+)"', p.read_text()))
    for p in site.glob('*.html'):
        for attr, url in re.findall(r'\b(href|src)="([^"]+)"', p.read_text()):
            url = html.unescape(url)
            if re.match(r'^(https?:|mailto:|data:|javascript:)', url): continue
            if url.startswith('pagefind/'): continue   # written by the indexer after this check
            path, _, anchor = url.partition('#')
            target = p.name if path == '' else path
            if not (site/target).exists(): bad.append(f'{p.name}: {url} (no such file)'); continue
            if anchor and target.endswith('.html') and anchor not in ids.get(target, set()):
                bad.append(f'{p.name}: {url} (no such anchor)')
    return bad

def md_to_html(md):
    "A short markdown text (a page description) as HTML, maths as MathML."
    r = subprocess.run(['pandoc', '-f', 'markdown', '-t', 'html5', '--mathml'], input=md, capture_output=True, text=True, check=True)
    return r.stdout.strip()

def index_site(site):
    "The Pagefind search index (pagefind/ in the site); the indexer binary comes from the `pagefind[bin]` wheel."
    r = subprocess.run([sys.executable, '-m', 'pagefind', '--site', str(site), '--glob', '*.html'], capture_output=True, text=True)
    if r.returncode or not (site/'pagefind'/'pagefind-ui.js').exists():
        raise SystemExit(f'pagefind failed (pip install "pagefind[bin]"):\n{r.stdout[-2000:]}\n{r.stderr[-2000:]}')
    m = re.search(r'Indexed (\d+) pages?', r.stdout)
    print(f'pagefind: indexed {m.group(1) if m else "?"} pages -> {site}/pagefind')

# ---------------------------------------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--out', default='_docs'); ap.add_argument('--skip-proc', action='store_true')
    ap.add_argument('--force', action='store_true', help='process every notebook even if _proc/ is up to date')
    ap.add_argument('--allow-proc-warnings', action='store_true', help="report nbdev's warnings about cells, do not fail")
    a = ap.parse_args()
    if shutil.which('pandoc') is None: raise SystemExit('pandoc is not installed: apt-get install -y pandoc')
    t0 = time.time()
    if not a.skip_proc: process_notebooks(a.force, a.allow_proc_warnings)
    t_proc = time.time() - t0
    proc, site = ROOT/'_proc', ROOT/a.out
    shutil.rmtree(site, ignore_errors=True); (site/'figures').mkdir(parents=True)
    (site/'site.css').write_text(CSS); (site/'site.js').write_text(JS); (site/'.nojekyll').write_text('')
    names = {p.name for p in (ROOT/'nbs').glob('*.ipynb')}
    nbs = sorted((p for p in proc.glob('*.ipynb') if p.name in names and not p.name.startswith('_')),
                 key=lambda p: (p.stem != 'index', p.stem))
    loaded = {p: json.loads(p.read_text()) for p in nbs}
    metas = {p: front_matter(nb) for p, nb in loaded.items()}
    pages = {p.name: page_name(p, metas[p]) for p in nbs}
    titles = {p.name: metas[p].get('title', p.stem) for p in nbs}
    for p in nbs:   # images referenced from markdown (e.g. the README picture) travel with the site
        for src in re.findall(r'!\[[^\]]*\]\(([^)\s]+)', json.dumps([c['source'] for c in loaded[p]['cells']])):
            src = src.replace('\\n', '')
            f = ROOT/'nbs'/src
            if not re.match(r'^(https?:|data:|figures/)', src) and f.exists():
                (site/src).parent.mkdir(parents=True, exist_ok=True); shutil.copy(f, site/src)
    tpl = proc/'_latentinv_template.html'; tpl.write_text(TEMPLATE); warned = []
    for i, p in enumerate(nbs):
        meta, name = metas[p], pages[p.name]
        nav = '<ol>' + ''.join(
            f'<li><a href="{pages[q.name]}"' + (' aria-current="page"' if q == p else '') + f'>{html.escape(titles[q.name])}</a></li>'
            for q in nbs) + '</ol>'
        prev_, next_ = (nbs[i-1] if i > 0 else None), (nbs[i+1] if i + 1 < len(nbs) else None)
        pager = '<nav class="pager" aria-label="Chapters" data-pagefind-ignore>' + \
            (f'<a class="prev" href="{pages[prev_.name]}" rel="prev"><small>&#8592; Previous</small>{html.escape(titles[prev_.name])}</a>' if prev_ else '') + \
            (f'<a class="next" href="{pages[next_.name]}" rel="next"><small>Next &#8594;</small>{html.escape(titles[next_.name])}</a>' if next_ else '') + '</nav>'
        md = fix_tex(fix_links(notebook_to_markdown(loaded[p], Path(name).stem, site/'figures'), pages))
        src = proc/f'_{Path(name).stem}.md'; src.write_text(md)
        title = titles[p.name]
        cmd = ['pandoc', str(src), '-f', 'markdown+link_attributes-yaml_metadata_block', '-t', 'html5', '--standalone',
               '--mathml', '--toc', '--toc-depth=3', '--highlight-style=pygments', f'--template={tpl}', '-o', str(site/name),
               '--metadata', f'title={title}',
               '--metadata', f'pagetitle={title if title == SITE_TITLE else f"{title} – {SITE_TITLE}"}',
               '--variable', f'nav={nav}', '--variable', f'pager={pager}', '--variable', f'site-title={SITE_TITLE}',
               '--variable', f'git-url={GIT_URL}', '--variable', f'source=nbs/{p.name}']
        if meta.get('description'):
            cmd += ['--variable', f'description-html={md_to_html(fix_links(meta["description"], pages))}',
                    '--variable', f'description-meta={html.escape(plain(meta["description"], 300))}']
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode: raise SystemExit(f'pandoc failed on {p.name}:\n{r.stderr}')
        if r.stderr.strip(): warned.append(f'pandoc on {p.name}: {r.stderr.strip()}')
        (site/name).write_text(postprocess((site/name).read_text()))
    if warned: raise SystemExit('pandoc warned (maths it cannot convert shows as raw TeX):\n' + '\n'.join(warned))
    repair_method_anchors(site)
    commands = link_commands(site)
    bad = check_links(site)
    if bad: raise SystemExit('broken local links:\n' + '\n'.join(bad))
    index_site(site)
    print(f"command sections linked: {', '.join(f'{k} -> {v}' for k, v in sorted(commands.items()))}")
    print(f'{len(nbs)} pages, {len(list((site/"figures").iterdir()))} figures, all local links resolve -> {site} '
          f'(processing {t_proc:.0f} s, rendering and indexing {time.time()-t0-t_proc:.0f} s)')

if __name__ == '__main__': main()
