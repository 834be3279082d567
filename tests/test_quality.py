"""Quality gates: the built site judged by outside checkers.

Run on the example site and on the fixture site (tests/fixtures/site-corpus, every page type):

- axe-core (WCAG 2.1 A and AA rules) in chromium on one page of each type;
- the Nu Html Checker (vnu-jar) over every built HTML file;
- a link checker over the site served on 127.0.0.1: no broken internal link or anchor;
- the Atom feed and every JSON-LD block parse, the sitemap lists every page;
- with JavaScript disabled, every listing is reachable from the home page through visible
  links, and every page's content is visible.

Findings are only tolerated when listed, with a reason, in tests/quality/allowlist.yml.
The tools come from ``tests/quality/install.sh`` (npm packages in tests/quality/node_modules),
Debian's chromium and Java. Without node, Java or chromium the tests are skipped with the
reason, unless ``PK_QUALITY_REQUIRED=1`` (set in CI), where a missing tool is a failure.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.error import HTTPError
from urllib.parse import unquote, urldefrag, urljoin, urlsplit
from urllib.request import urlopen

import pytest
import yaml

from generator import urls

from .conftest import ROOT
from .optional_tools import missing, need_program

QUALITY = ROOT / "tests" / "quality"
NODE_MODULES = QUALITY / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
ALLOWLIST = QUALITY / "allowlist.yml"
FIXTURE_CORPUS = ROOT / "tests" / "fixtures" / "site-corpus"
CHROMIUM = os.environ.get("PK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Listing pages: the index of each kind and the pages of each country, theme, organisation
# and programme.
LISTING_PREFIXES = (
    urls.PROJECTS,
    urls.WRITEUPS,
    urls.INSPIRING,
    urls.PRACTICES,
    urls.COUNTRIES,
    urls.THEMES,
    urls.ORGANISATIONS,
    urls.PROGRAMMES,
)


_missing = missing


def _need_node_modules() -> None:
    need_program("node", "nodejs", "no npm checkers (axe-core, vnu-jar)")
    if not AXE_JS.exists() or not VNU_JAR.exists():
        _missing(
            "the npm checkers are not installed (tests/quality/install.sh, run by "
            "make test, could not install them)"
        )


def _need_java() -> None:
    _need_node_modules()
    need_program("java", "default-jre-headless", "the Nu Html Checker (vnu-jar) cannot run")


def _need_chromium() -> None:
    need_program(CHROMIUM, "chromium", "the browser checks (axe-core, JavaScript off) cannot run")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _missing("the Python package playwright is not installed (pip install playwright)")


# --------------------------------------------------------------------------- allow-list


@dataclass
class AllowEntry:
    tool: str
    pattern: re.Pattern[str]
    where: re.Pattern[str] | None
    reason: str


@functools.cache
def _load_allowlist() -> list[AllowEntry]:
    data = yaml.safe_load(ALLOWLIST.read_text(encoding="utf-8")) or {}
    entries: list[AllowEntry] = []
    for tool, key in (("axe", "rule"), ("vnu", "message")):
        for item in data.get(tool) or []:
            reason = str(item.get("reason") or "").strip()
            assert reason, f"allowlist.yml: {tool} entry {item} has no reason"
            assert item.get(key), f"allowlist.yml: {tool} entry {item} has no {key}"
            where = item.get("where")
            entries.append(
                AllowEntry(
                    tool,
                    re.compile(str(item[key])),
                    re.compile(str(where)) if where else None,
                    reason,
                )
            )
    return entries


def _allowed(tool: str, key: str, where: str) -> bool:
    """``key`` is the axe rule id or the vnu message; ``where`` the node's HTML or extract."""
    for entry in _load_allowlist():
        if entry.tool != tool:
            continue
        if tool == "axe" and entry.pattern.fullmatch(key) is None:
            continue
        if tool == "vnu" and entry.pattern.search(key) is None:
            continue
        if entry.where is None or entry.where.search(where):
            return True
    return False


def test_allowlist_entries_all_have_a_reason() -> None:
    entries = _load_allowlist()
    assert all(entry.reason for entry in entries)


# --------------------------------------------------------------------------- sites


@dataclass
class Site:
    name: str
    root: Path
    base: str = ""
    pages: list[str] = field(default_factory=list)  # URL paths ("", "projets/x/", "404.html")
    error: str = ""  # why the site could not be built

    def url(self, path: str) -> str:
        return self.base + path


def _page_paths(site_dir: Path) -> list[str]:
    paths = []
    for html in sorted(site_dir.rglob("*.html")):
        rel = html.relative_to(site_dir).as_posix()
        if rel.startswith("admin/"):
            continue  # the browser editor, not a page of the site: tests/test_decap_browser.py
        paths.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return paths


def _build(root: Path, site_dir: Path) -> str:
    """Build; return the build's output when it failed, else ""."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "build",
            "--root",
            str(root),
            "--site-dir",
            str(site_dir),
        ],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    return "" if done.returncode == 0 else f"build of {root} failed:\n{done.stdout}{done.stderr}"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@functools.cache
def _site_url() -> str:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return str(config["site_url"])


@pytest.fixture(scope="session")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Site]]:
    """The example site and, when present, the fixture site, each served on 127.0.0.1
    under the path of site_url, as published (404.html uses absolute addresses)."""
    base = tmp_path_factory.mktemp("quality")
    prefix = urlsplit(_site_url()).path.strip("/")
    built: dict[str, Site] = {}
    example = Site("example", base / "example" / prefix)
    example.error = _build(ROOT, example.root)
    built["example"] = example
    if FIXTURE_CORPUS.is_dir():
        source = base / "fixture-source"
        shutil.copytree(FIXTURE_CORPUS, source)
        config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        # two cards a page: the fixture's listings get pagers, checked like every page
        config = config.replace(
            "      projects_dir: projects\n",
            "      projects_dir: projects\n      listing_page_size: 2\n",
        )
        assert "listing_page_size: 2" in config
        (source / "mkdocs.yml").write_text(config, encoding="utf-8")
        (source / "theme").symlink_to(ROOT / "theme", target_is_directory=True)
        fixture = Site("fixture", base / "fixture" / prefix)
        fixture.error = _build(source, fixture.root)
        built["fixture"] = fixture
    servers = []
    for site in built.values():
        if site.error:
            continue
        handler = functools.partial(_QuietHandler, directory=str(base / site.name))
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        path = f"/{prefix}/" if prefix else "/"
        site.base = f"http://127.0.0.1:{server.server_address[1]}{path}"
        site.pages = _page_paths(site.root)
    yield built
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(params=["example", "fixture"])
def site(request: pytest.FixtureRequest, sites: dict[str, Site]) -> Site:
    found = sites.get(request.param)
    if found is None:
        pytest.skip(f"no {request.param} site (tests/fixtures/site-corpus is absent)")
    if found.error:
        pytest.fail(found.error, pytrace=False)
    return found


def _is_listing(path: str) -> bool:
    return any(
        path == prefix
        or (
            path.startswith(prefix)
            and prefix in (urls.COUNTRIES, urls.THEMES, urls.ORGANISATIONS, urls.PROGRAMMES)
        )
        for prefix in LISTING_PREFIXES
    )


def _sample_pages(site: Site) -> list[str]:
    """One page of each type: home, sheet, write-up, each listing type, a listing's second
    page, licence, about, search, the map, 404."""
    pages = set(site.pages)
    chosen = [
        "",
        urls.LICENCE,
        "404.html",
        "a-propos/",
        getattr(urls, "SEARCH", "recherche/"),
        urls.MAP,
        f"{urls.PROJECTS}page/2/",
        f"{getattr(urls, 'BAROMETERS', 'barometre/')}reciprocite/",
    ]  # a page of a long listing (fixture site)
    for prefix in LISTING_PREFIXES:
        chosen.append(prefix)
    for prefix in (
        urls.PROJECTS,
        urls.WRITEUPS,
        urls.COUNTRIES,
        urls.THEMES,
        urls.ORGANISATIONS,
        urls.PROGRAMMES,
    ):
        inner = [p for p in site.pages if p.startswith(prefix) and p != prefix]
        if inner:
            chosen.append(inner[0])
    return [p for p in dict.fromkeys(chosen) if p in pages]


# --------------------------------------------------------------------------- HTML reading


class _Links(HTMLParser):
    """The ids and the links (href, src) of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []  # (tag, url)
        self.jsonld: list[str] = []
        self._in_jsonld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v for k, v in attrs if v is not None}
        for key in ("id", "name") if tag == "a" else ("id",):
            if key in values:
                self.ids.add(values[key])
        for key in ("href", "src"):
            if key in values and tag in ("a", "link", "img", "script", "source", "area"):
                self.links.append((tag, values[key]))
        self._in_jsonld = tag == "script" and values.get("type") == "application/ld+json"
        if self._in_jsonld:
            self.jsonld.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_jsonld = False

    def handle_data(self, data: str) -> None:
        if self._in_jsonld:
            self.jsonld[-1] += data


def _read(site: Site, path: str) -> _Links:
    file = site.root / (path + "index.html" if path == "" or path.endswith("/") else path)
    parser = _Links()
    parser.feed(file.read_text(encoding="utf-8"))
    return parser


# --------------------------------------------------------------------------- link checker


def test_no_broken_internal_link_or_anchor(site: Site) -> None:
    """Every internal href/src of every page answers 200 and every #anchor exists."""
    cache: dict[str, tuple[int, set[str] | None]] = {}

    def fetch(url: str) -> tuple[int, set[str] | None]:
        if url not in cache:
            try:
                with urlopen(url, timeout=10) as answer:
                    body = answer.read()
                    kind = answer.headers.get_content_type()
                    ids = None
                    if kind == "text/html":
                        parser = _Links()
                        parser.feed(body.decode("utf-8"))
                        ids = parser.ids
                    cache[url] = (answer.status, ids)
            except HTTPError as error:
                cache[url] = (error.code, None)
        return cache[url]

    broken: list[str] = []
    for path in site.pages:
        page_url = site.url(path)
        for tag, link in _read(site, path).links:
            target = urljoin(page_url, link)
            if not target.startswith(site.base):
                continue  # external (other host, mailto:, the canonical example.org address)
            bare, fragment = urldefrag(target)
            status, ids = fetch(unquote(bare) if "%" in bare else bare)
            if status != 200:
                broken.append(f"{path or '/'}: <{tag}> {link} -> HTTP {status}")
            elif fragment and (ids is None or unquote(fragment) not in ids):
                broken.append(f"{path or '/'}: <{tag}> {link} -> no #{fragment} in target")
    assert not broken, "\n".join(sorted(set(broken)))


# --------------------------------------------------------------------------- feed, JSON-LD, sitemap

ATOM = "{http://www.w3.org/2005/Atom}"


def test_feed_parses_and_links_to_pages(site: Site) -> None:
    feed = ET.parse(site.root / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    for required in ("title", "id", "updated"):
        assert feed.find(f"{ATOM}{required}") is not None, f"feed has no <{required}>"
    pages = set(site.pages)
    for entry in feed.findall(f"{ATOM}entry"):
        for required in ("title", "id", "updated"):
            assert entry.find(f"{ATOM}{required}") is not None, f"entry has no <{required}>"
        alternate = [
            link.get("href", "")
            for link in entry.findall(f"{ATOM}link")
            if link.get("rel", "alternate") == "alternate"
        ]
        assert alternate, f"entry {entry.findtext(f'{ATOM}title')} has no alternate link"
        assert _site_path(alternate[0]) in pages, f"feed links to a missing page {alternate[0]}"


def _site_path(address: str) -> str:
    """The path inside the site of an absolute address under site_url."""
    site_url = _site_url()
    assert address.startswith(site_url), f"{address} is not under {site_url}"
    return unquote(address[len(site_url) :])


def test_every_jsonld_block_parses(site: Site) -> None:
    found = 0
    for path in site.pages:
        for block in _read(site, path).jsonld:
            data = json.loads(block)
            assert isinstance(data, dict) and "@context" in data and "@type" in data, path
            found += 1
    assert found, "no JSON-LD at all"


def test_sitemap_lists_every_page(site: Site) -> None:
    tree = ET.parse(site.root / "sitemap.xml").getroot()
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    listed = [_site_path(loc.text or "") for loc in tree.iter(f"{ns}loc")]
    assert len(listed) == len(set(listed)), "sitemap lists a page twice"
    pages = {p for p in site.pages if p != "404.html"}
    assert set(listed) == pages, (
        f"missing from sitemap: {sorted(pages - set(listed))}; "
        f"listed but not built: {sorted(set(listed) - pages)}"
    )


# --------------------------------------------------------------------------- Nu Html Checker


def test_html_is_valid(site: Site) -> None:
    _need_java()
    files = sorted(str(p) for p in site.root.rglob("*.html"))
    done = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    report = json.loads(done.stderr or done.stdout)
    errors = []
    for message in report.get("messages", []):
        if message.get("type") not in ("error", "non-document-error"):
            continue
        text, extract = message.get("message", ""), message.get("extract", "")
        if _allowed("vnu", text, extract):
            continue
        where = message.get("url", "").replace(f"file:{site.root}/", "")
        errors.append(f"{where}:{message.get('lastLine', '?')}: {text}\n    {extract.strip()}")
    assert not errors, f"{len(errors)} HTML error(s):\n" + "\n".join(errors[:60])


# --------------------------------------------------------------------------- chromium


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    _need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def test_accessibility_axe(site: Site, browser: Any) -> None:
    _need_node_modules()
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems = []
    try:
        for path in _sample_pages(site):
            page.goto(site.url(path), wait_until="load")
            page.add_script_tag(path=str(AXE_JS))
            result = page.evaluate(
                "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
                " resultTypes: ['violations']})",
                AXE_TAGS,
            )
            for violation in result["violations"]:
                for node in violation["nodes"]:
                    if _allowed("axe", violation["id"], node.get("html", "")):
                        continue
                    summary = (node.get("failureSummary") or "").splitlines()[-1:]
                    problems.append(
                        f"{path or '/'}: {violation['id']} ({violation['impact']}): "
                        f"{violation['help']}\n    {node.get('target')} "
                        f"{node.get('html', '')[:160]}\n    {' '.join(summary).strip()}"
                    )
    finally:
        context.close()
    assert not problems, f"{len(problems)} accessibility violation(s):\n" + "\n".join(problems)


_VISIBLE_LINKS = """() => Array.from(document.querySelectorAll('a[href]'))
  .filter(a => a.checkVisibility({visibilityProperty: true, opacityProperty: true}))
  .map(a => typeof a.href === 'string' ? a.href : new URL(a.href.baseVal, document.baseURI).href)"""
# (an <a> of an SVG, the maps', has an SVGAnimatedString as its href)


def test_browsing_without_javascript(site: Site, browser: Any) -> None:
    """With scripts disabled every listing is reached from home through visible links,
    and every reached page shows its title and content."""
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    seen: set[str] = set()
    queue = [""]
    unreadable = []
    try:
        while queue:
            path = queue.pop(0)
            if path in seen:
                continue
            seen.add(path)
            page.goto(site.url(path), wait_until="load")
            heading = page.locator("article h1").first
            if not heading.count() or not heading.is_visible():
                unreadable.append(f"{path or '/'}: no visible heading")
            elif page.locator("article").first.inner_text().strip() == "":
                unreadable.append(f"{path or '/'}: empty article")
            for href in page.evaluate(_VISIBLE_LINKS):
                bare = urldefrag(href)[0]
                if not bare.startswith(site.base):
                    continue
                target = unquote(bare[len(site.base) :])
                if target.endswith("index.html"):
                    target = target[: -len("index.html")]
                if target in site.pages and target not in seen:
                    queue.append(target)
    finally:
        context.close()
    listings = {p for p in site.pages if _is_listing(p)}
    assert not listings - seen, f"listings not reachable without JavaScript: {listings - seen}"
    assert not unreadable, "\n".join(unreadable)


# --------------------------------------------------------------------------- the preview


def test_the_previews_error_page_is_valid_and_accessible(browser: Any, tmp_path: Path) -> None:
    """The page ``serve`` shows while content has errors (generator/error_page.py), with an
    error, a warning and a build message: valid HTML, no axe violation, on a phone, in the
    light and dark colour schemes."""
    _need_java()
    from generator.diagnostics import Diagnostic, Severity
    from generator.error_page import error_page
    from generator.messages import set_language

    set_language("fr")
    try:
        html = error_page(
            [
                Diagnostic(
                    "projects/puits.md",
                    14,
                    "themes[2]",
                    "« <b>x</b> » inconnu",
                    code="theme-inconnu",
                ),
                Diagnostic(
                    "projects/brouillon.md",
                    2,
                    "summary",
                    "brouillon : summary manque encore",
                    severity=Severity.WARNING,
                    code="brouillon-incomplet",
                ),
            ],
            notes=['Expected an expression\n  in "theme/main.html", line 66'],
            site_name="Savoirs de programme",
        )
    finally:
        set_language("en")
    page_file = tmp_path / "erreur.html"
    page_file.write_text(html, encoding="utf-8")
    done = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", str(page_file)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    report = json.loads(done.stderr or done.stdout)
    assert not [m for m in report.get("messages", []) if m.get("type") != "info"], report
    problems = []
    for scheme in ("light", "dark"):
        context = browser.new_context(
            locale="fr-FR", viewport={"width": 360, "height": 740}, color_scheme=scheme
        )
        try:
            page = context.new_page()
            page.goto(page_file.as_uri(), wait_until="load")
            page.add_script_tag(path=str(AXE_JS))
            result = page.evaluate(
                "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
                " resultTypes: ['violations']})",
                AXE_TAGS,
            )
            problems += [f"{scheme}: {v['id']}: {v['help']}" for v in result["violations"]]
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        finally:
            context.close()
    assert not problems, problems
