"""Browser test of the built docs site: headless Chromium (Debian's `chromium` + `chromium-driver`, driven by
selenium with the explicit driver path, so nothing is downloaded) loads every page at 1280 px and at 390 px wide,
served over HTTP on 127.0.0.1, and fails on
- a horizontal page scrollbar (document wider than the viewport; wide tables and code scroll in their own box),
- a broken image (naturalWidth 0) or an image without alt text,
- raw `$…$` maths or literal backticks in the rendered text (outside code and maths), in the page or its title,
- a console error (severe browser log entry: a failed script, a missing file, a JavaScript exception),
- a local link to a missing page or to an anchor that is not on its page,
- no search box, no prev/next link, no back-to-top link, code text much smaller than body text;
and searches for "phase retrieval" on the index, expecting the operators page among the results.
Screenshots (the top of every page at both widths, and the search) go to SITE/_shots/.

Usage: python .ci/check_site.py SITE            check a built site
       python .ci/check_site.py --self-test     build a small site with one defect per page and check that each is caught
"""
import argparse, functools, http.server, os, re, shutil, sys, tempfile, threading, time
from pathlib import Path
from urllib.parse import urlparse, unquote

os.environ.setdefault('SE_OFFLINE', 'true')   # selenium-manager must never fetch anything
WIDTHS = {1280: 900, 390: 844}

PAGE_JS = r"""
const de = document.documentElement, vw = de.clientWidth, out = {vw: vw, sw: Math.max(de.scrollWidth, document.body.scrollWidth)};
const scrolls = el => { for (let e = el.parentElement || el.parentNode; e && e !== document.body; e = e.parentElement) {
    const o = getComputedStyle(e).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; } return false; };
out.wide = [];
if (out.sw > vw) for (const e of document.body.querySelectorAll('*')) {
  const r = e.getBoundingClientRect();
  if (r.right > vw + 1 && r.width > 0 && !scrolls(e) && getComputedStyle(e).position !== 'fixed')
    out.wide.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '') + ' right=' + Math.round(r.right));
  if (out.wide.length >= 5) break;
}
if (out.sw > vw) { const tw = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT), rg = document.createRange();
  while (tw.nextNode() && out.wide.length < 8) { const n = tw.currentNode; if (!n.nodeValue.trim() || scrolls(n) || n.parentElement.closest('a.back-to-top, header')) continue;
    rg.selectNodeContents(n); const r = rg.getBoundingClientRect();
    if (r.right > vw + 1) out.wide.push('text ' + JSON.stringify(n.nodeValue.trim().slice(0, 60)) + ' in ' + n.parentElement.tagName.toLowerCase() + ' right=' + Math.round(r.right)); } }
out.broken = [...document.images].filter(i => !i.complete || i.naturalWidth === 0).map(i => i.getAttribute('src'));
out.noalt = [...document.images].filter(i => !(i.getAttribute('alt') || '').trim()).map(i => i.getAttribute('src'));
const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {acceptNode: n =>
  n.parentElement.closest('pre,code,script,style,math,textarea,#search') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
out.raw = [];
while (w.nextNode()) { const t = w.currentNode.nodeValue;
  if (/\$[^$\s][^$]*\$|\$\$|`/.test(t)) out.raw.push(t.trim().slice(0, 140)); }
if (/[`]|\$[^$\s][^$]*\$/.test(document.title)) out.raw.push('<title> ' + document.title);
out.links = [...document.querySelectorAll('a[href], img[src], link[href], script[src]')].map(a => a.href || a.src);
out.ids = [...document.querySelectorAll('[id]')].map(e => e.id);
out.search = !!document.querySelector('#search input, #search .pagefind-ui');
out.pager = document.querySelectorAll('nav.pager a').length;
out.top = !!document.querySelector('a[href="#top"]') && !!document.getElementById('top');
const p = document.querySelector('main p'), c = document.querySelector('main pre code');
out.fonts = [p ? parseFloat(getComputedStyle(p).fontSize) : 0, c ? parseFloat(getComputedStyle(c).fontSize) : 0];
const sb = document.getElementById('sidebar');
out.sidebar = sb ? Math.round(sb.getBoundingClientRect().width) : 0;
out.sidebar_shown = sb ? getComputedStyle(sb).display !== 'none' : false;
return out;
"""

def serve(site):
    handler = functools.partial(type('Quiet', (http.server.SimpleHTTPRequestHandler,), {'log_message': lambda *a: None}),
                                directory=str(site))
    srv = http.server.ThreadingHTTPServer(('127.0.0.1', 0), handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv, f'http://127.0.0.1:{srv.server_address[1]}/'

def driver():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    drv, browser = shutil.which('chromedriver'), shutil.which('chromium') or shutil.which('chromium-browser')
    if not (drv and browser): raise SystemExit('needs Debian\'s chromium and chromium-driver: apt-get install -y chromium chromium-driver')
    o = webdriver.ChromeOptions(); o.binary_location = browser
    for a in ('--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
              '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-extensions',
              '--window-size=1280,900', '--force-device-scale-factor=1'):
        o.add_argument(a)
    o.set_capability('goog:loggingPrefs', {'browser': 'ALL'})
    return webdriver.Chrome(service=Service(executable_path=drv), options=o)

def wait_loaded(d, timeout=20):
    t = time.time()
    while time.time() - t < timeout:
        if d.execute_script("return document.readyState === 'complete' && [...document.images].every(i => i.complete)"): return
        time.sleep(0.05)

def check(site, shots=True, search=True, quiet=False):
    "Every page of `site` at both widths; returns the list of failures (strings)."
    site = Path(site).resolve()
    pages = sorted(p.name for p in site.glob('*.html'))
    if not pages: return [f'{site}: no pages']
    shot_dir = site/'_shots'
    if shots: shutil.rmtree(shot_dir, ignore_errors=True); shot_dir.mkdir()
    srv, base = serve(site)
    d, fails, ids, links = driver(), [], {}, set()
    try:
        for width, height in WIDTHS.items():
            d.execute_cdp_cmd('Emulation.setDeviceMetricsOverride',
                              {'width': width, 'height': height, 'deviceScaleFactor': 1, 'mobile': width < 600})
            for page in pages:
                d.get_log('browser')   # drop what an earlier page left
                d.get(base + page); wait_loaded(d)
                r = d.execute_script(PAGE_JS)
                at = f'{page} @{width}px'
                if r['sw'] > r['vw']: fails.append(f'{at}: horizontal scroll, document {r["sw"]} px wide in a {r["vw"]} px viewport; too wide: {r["wide"]}')
                fails += [f'{at}: broken image {s}' for s in r['broken']]
                fails += [f'{at}: image without alt text {s}' for s in r['noalt']]
                fails += [f'{at}: raw maths or backticks in rendered text: {t!r}' for t in r['raw'][:8]]
                if not r['search']: fails.append(f'{at}: no search box')
                if len(pages) > 1 and not r['pager']: fails.append(f'{at}: no prev/next links')
                if not r['top']: fails.append(f'{at}: no back-to-top link')
                body, code = r['fonts']
                if body and code and code < 0.75 * body: fails.append(f'{at}: code text {code:.1f} px beside body text {body:.1f} px')
                if width < 600 and r['sidebar_shown'] and r['sidebar'] > 0.5 * r['vw']:
                    fails.append(f'{at}: the sidebar takes {r["sidebar"]} of {r["vw"]} px')
                for e in d.get_log('browser'):
                    if e.get('level') == 'SEVERE': fails.append(f'{at}: console error: {e.get("message", "")[:300]}')
                if width == max(WIDTHS): ids[page] = set(r['ids']); links |= {(page, u) for u in r['links']}
                if shots: d.save_screenshot(str(shot_dir/f'{Path(page).stem}-{width}.png'))
                if not quiet: print(f'  {at}: ok' if not any(f.startswith(at + ':') for f in fails) else f'  {at}: FAILED')
        for page, url in sorted(links):
            u = urlparse(url)
            if not url.startswith(base): continue
            path = unquote(u.path[len(urlparse(base).path):]) or 'index.html'
            if path.endswith('/'): path += 'index.html'
            if not (site/path).exists(): fails.append(f'{page}: link to a missing file {path}'); continue
            if u.fragment and path.endswith('.html') and unquote(u.fragment) not in ids.get(path, ()):
                fails.append(f'{page}: link to a missing anchor {path}#{u.fragment}')
        if search and 'index.html' in pages: fails += check_search(d, base, shot_dir if shots else None)
    finally:
        d.quit(); srv.shutdown()
    return fails

def check_search(d, base, shot_dir, query='phase retrieval', expect='operators.html'):
    "Type a query into the top bar's search box; the expected page must be among the results, and open."
    from selenium.webdriver.common.by import By
    d.execute_cdp_cmd('Emulation.setDeviceMetricsOverride', {'width': 1280, 'height': 900, 'deviceScaleFactor': 1, 'mobile': False})
    d.get(base + 'index.html'); wait_loaded(d); d.get_log('browser')
    box = d.find_elements(By.CSS_SELECTOR, '#search input')
    if not box: return ['index.html: the search box has no input']
    box[0].send_keys(query)
    hrefs, t = [], time.time()
    while time.time() - t < 15 and not hrefs:
        time.sleep(0.3)
        hrefs = [a.get_attribute('href') for a in d.find_elements(By.CSS_SELECTOR, '#search .pagefind-ui__result-link')]
    for _ in range(5):      # the results come a page at a time: load more until the expected page is there (or no more)
        if any(urlparse(h).path.endswith('/' + expect) for h in hrefs): break
        more = d.find_elements(By.CSS_SELECTOR, '#search .pagefind-ui__button')
        if not more: break
        more[0].click(); time.sleep(1.0)
        hrefs = [a.get_attribute('href') for a in d.find_elements(By.CSS_SELECTOR, '#search .pagefind-ui__result-link')]
    if shot_dir: d.save_screenshot(str(shot_dir/'search-1280.png'))
    fails = [f'search: console error: {e["message"][:300]}' for e in d.get_log('browser') if e.get('level') == 'SEVERE']
    hit = [h for h in hrefs if urlparse(h).path.endswith('/' + expect)]
    if not hit: return fails + [f'search for {query!r}: {expect} not among the results {hrefs[:8]}']
    d.get(hit[0]); wait_loaded(d)
    if not urlparse(d.current_url).path.endswith('/' + expect): fails.append(f'search result {hit[0]} did not open {expect}')
    print(f'  search for {query!r}: {len(hrefs)} result(s), {expect} among them and it opens')
    return fails

BROKEN = {   # the self-test: one page per defect, and the failure the check must report for it
    'wide.html': ('<div style="width:2000px">wide</div>', 'horizontal scroll'),
    'img.html': ('<img src="figures/missing.png" alt="a missing figure">', 'broken image'),
    'alt.html': ('<img src="ok.png">', 'image without alt text'),
    'maths.html': ('<p>the forward model $y = A(x)$ and `code`</p>', 'raw maths or backticks'),
    'console.html': ('<script>throw new Error("boom")</script>', 'console error'),
    'link.html': ('<a href="nowhere.html">x</a> <a href="index.html#no-such-anchor">y</a>', 'link to a missing'),
}

def self_test():
    "Each deliberately broken page must fail with its own message; the clean page must pass."
    import base64
    tmp = Path(tempfile.mkdtemp(prefix='check_site_'))
    png = base64.b64decode('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==')
    (tmp/'ok.png').write_bytes(png)
    chrome = ('<header id="top"></header><div id="search"><input></div><main><p>{body}</p>'
              '<nav class="pager"><a href="index.html">next</a></nav></main><a href="#top">top</a>')
    page = lambda body: ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">'
                         '<meta name="viewport" content="width=device-width, initial-scale=1"><title>t</title></head><body>'
                         + chrome.format(body=body) + '</body></html>')
    (tmp/'index.html').write_text(page('<img src="ok.png" alt="a pixel"> clean'))
    for name, (body, _) in BROKEN.items(): (tmp/name).write_text(page(body))
    fails = check(tmp, shots=False, search=False, quiet=True)
    bad = []
    for name, (_, expect) in BROKEN.items():
        hit = [f for f in fails if f.startswith(name) and expect in f]
        print(f'  {name:14s} -> ' + (hit[0][:150] if hit else 'NOT CAUGHT'))
        if not hit: bad.append(f'self-test: {name} should fail with {expect!r}')
    clean = [f for f in fails if f.startswith('index.html')]
    if clean: bad.append(f'self-test: the clean page failed: {clean}')
    shutil.rmtree(tmp, ignore_errors=True)
    return bad

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('site', nargs='?', default='_docs'); ap.add_argument('--self-test', action='store_true')
    a = ap.parse_args()
    t0 = time.time()
    if a.self_test:
        print('browser test self-test: a page with each defect'); fails = self_test()
    else:
        print(f'browser test: every page of {a.site} at {" and ".join(f"{w} px" for w in WIDTHS)}'); fails = check(a.site)
    if fails:
        print(f'{len(fails)} failure(s):'); print('\n'.join('  ' + f for f in fails)); sys.exit(1)
    print(f'browser test passed ({time.time()-t0:.0f} s)' + ('' if a.self_test else f'; screenshots in {a.site}/_shots'))

if __name__ == '__main__': main()
