"""Search in a real browser: the example site, indexed by Pagefind, queried in French.

The site is built with ``python -m generator build`` into a temporary folder, indexed with
:func:`generator.search.index_site`, served on 127.0.0.1 and driven with Playwright and the
Debian chromium (``/usr/bin/chromium``); no browser is downloaded. Until the search page is
in the site plan, the test renders ``theme/fragments/search.html`` into a copy of the
licence page to obtain ``recherche/index.html``.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from generator import urls
from generator.render.links import relative
from generator.search import SearchStats, index_site, split_elisions

from .conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
SENEGAL = "/projets/femmes-poisson-seche-senegal/"
KINDIA = "/projets/jeunes-ruraux-kindia-guinee/"
BOUAKE = "/projets/exemple-mutuelle-marches-bouake/"
SEGOU = "/projets/exemple-puits-partages-segou/"
CAAC = "/comptes-rendus/caac-cooperer-autrement/"
PROJECTS = {SENEGAL, KINDIA, BOUAKE, "/projets/exemple-jardins-nantes-porto-novo/",
            SEGOU}


def test_split_elisions_outside_tags_and_filters() -> None:
    html = ('<p title="l’avis">L’insertion, qu’il, jusqu’à, d\'Ivoire, aujourd’hui</p>'
            '<span data-pagefind-filter="pays">Côte d’Ivoire</span>')
    assert split_elisions(html) == (
        '<p title="l’avis">L’ insertion, qu’ il, jusqu’ à, d\' Ivoire, aujourd’hui</p>'
        '<span data-pagefind-filter="pays">Côte d’Ivoire</span>'
    )


# --- the site, indexed and served (once for the module) ---


@dataclass
class Served:
    site: Path
    url: str
    stats: SearchStats
    requests: list[tuple[str, int]] = field(default_factory=list)


def _search_page(site: Path) -> None:
    """Write recherche/index.html from the fragment if the site plan has not made it."""
    target = site / "recherche" / "index.html"
    if target.exists():
        return
    from jinja2 import Environment, FileSystemLoader

    env = Environment(loader=FileSystemLoader(str(ROOT / "theme" / "fragments")),
                      autoescape=True, trim_blocks=True, lstrip_blocks=True)
    content = env.get_template("search.html").render(
        urls=urls, link=lambda target: relative(target, "recherche/"))
    shell = (site / "licence" / "index.html").read_text("utf-8")
    start = shell.index('<article class="md-content__inner md-typeset">')
    start = shell.index(">", start) + 1
    end = shell.rindex("</article>")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(shell[:start] + content + shell[end:], "utf-8")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    site = tmp_path_factory.mktemp("search") / "site"
    result = subprocess.run([sys.executable, "-m", "generator", "build", "--site-dir", str(site)],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    _search_page(site)
    stats = index_site(site)
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Served(site, f"http://127.0.0.1:{server.server_address[1]}/", stats)
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def test_index_stats(served: Served) -> None:
    stats = served.stats
    assert stats.pages == 6  # five sheets, one write-up
    assert (served.site / "pagefind" / "pagefind.js").is_file()
    assert not (served.site / "pagefind" / "pagefind-ui.js").exists()
    assert 0 < stats.index_bytes < stats.bytes


# --- the browser ---


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium); browser tests skipped")
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="playwright is not installed (pip install playwright)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update"],
        )
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Visit:
    page: Any
    errors: list[str]
    fetched: dict[str, int]
    outside: list[str]


@pytest.fixture
def visit(browser: Any, served: Served) -> Iterator[Visit]:
    context = browser.new_context()
    page = context.new_page()
    found = Visit(page, [], {}, [])
    page.on("console", lambda m: found.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: found.errors.append(str(e)))

    def on_response(response: Any) -> None:
        if not response.url.startswith(served.url):
            found.outside.append(response.url)
            return
        try:
            found.fetched[response.url] = len(response.body())
        except Exception:  # a redirect has no body
            found.fetched[response.url] = 0

    page.on("response", on_response)
    yield found
    context.close()
    assert not found.outside, found.outside
    assert not found.errors, found.errors


def open_search(visit: Visit, served: Served, query: str = "", **filters: str) -> list[str]:
    """Open recherche/ with a query string; return the result URLs in order."""
    params = [f"q={quote(query)}"] if query else []
    params += [f"{k}={quote(v)}" for k, v in filters.items()]
    page = visit.page
    page.goto(f"{served.url}recherche/?{'&'.join(params)}")
    page.wait_for_selector("[data-pk-search][data-ready]")
    return [str(u) for u in page.eval_on_selector_all(
        ".pk-result", "items => items.map(li => li.dataset.url)")]


GOLDEN = [
    ("senegal", SENEGAL),
    ("Sénégal", SENEGAL),
    ("SENEGAL", SENEGAL),
    ("guinee", KINDIA),
    ("Guinée", KINDIA),
    ("l'insertion", KINDIA),
    ("l’insertion des jeunes", KINDIA),
    ("UNSAS", SENEGAL),
    ("unsas", SENEGAL),
    ("Union nationale des syndicats autonomes", SENEGAL),
    ("Kindia", KINDIA),
    ("Friguiagbe", KINDIA),
    ("Yenne", SENEGAL),
    ("femme", SENEGAL),
    ("femmes", SENEGAL),
    ("transformatrice", SENEGAL),
    ("Côte d’Ivoire", BOUAKE),
    ("cote d'ivoire", BOUAKE),
    ("ivoire", BOUAKE),
    ("Bouake", BOUAKE),
    ("MFR Pays de la Loire", KINDIA),
    ("Luc Hansen", CAAC),
    ("université du faire ensemble", CAAC),
]


@pytest.mark.parametrize(("query", "first"), GOLDEN)
def test_golden_query_first(visit: Visit, served: Served, query: str, first: str) -> None:
    found = open_search(visit, served, query)
    assert found, f"no result for {query!r}"
    assert found[0] == first, f"{query!r}: {found}"


def test_ete_is_not_a_stop_word(visit: Visit, served: Served) -> None:
    assert open_search(visit, served, "été")


def test_results_show_type_title_excerpt_and_facts(visit: Visit, served: Served) -> None:
    open_search(visit, served, "l'insertion")
    first = visit.page.locator(".pk-result").first
    assert first.locator(".pk-result__kind").inner_text().lower() == "fiche projet"
    assert "Kindia" in first.locator(".pk-result__title").inner_text()
    excerpt = first.locator(".pk-result__excerpt")
    assert excerpt.locator("mark").count() >= 1
    assert "l’ " not in excerpt.inner_text() and "l' " not in excerpt.inner_text()
    assert "Guinée (Kindia, Friguiagbé) · Guinée 44 · En cours" in first.locator(
        ".pk-result__facts").inner_text()


def facet_counts(visit: Visit, facet: str) -> dict[str, int]:
    rows = visit.page.eval_on_selector_all(
        f'fieldset[data-facet="{facet}"] .pk-facet__option',
        "rows => rows.map(r => [r.querySelector('.pk-facet__value').textContent,"
        " Number(r.querySelector('.pk-facet__count').textContent)])")
    return {str(k): int(v) for k, v in rows}


def test_browse_everything_with_counts(visit: Visit, served: Served) -> None:
    found = open_search(visit, served)
    assert set(found) == PROJECTS | {CAAC}
    assert facet_counts(visit, "type") == {"Compte-rendu": 1, "Fiche projet": 5}
    assert facet_counts(visit, "statut") == {"En cours": 2, "En projet": 1, "Terminé": 2}
    assert facet_counts(visit, "pays")["Sénégal"] == 1
    assert facet_counts(visit, "programme") == {
        "Coopérer autrement en acteurs du changement (CAAC)": 3,
        "Territoires en miroir (programme fictif) (TEM)": 3}


def test_filters_combine_and_live_in_the_url(visit: Visit, served: Served) -> None:
    found = open_search(visit, served, "", type="Fiche projet", statut="En cours")
    assert set(found) == {KINDIA, BOUAKE}
    assert visit.page.locator(".pk-search-app__status").inner_text() == "2 résultats"
    # Within a facet the values add up: the count of « Terminé » is what choosing it adds.
    assert facet_counts(visit, "statut") == {"En cours": 2, "En projet": 1, "Terminé": 2}
    # Ticking a country narrows to exactly the members; the URL keeps the state.
    visit.page.locator('fieldset[data-facet="pays"] input[value="Guinée"]').check()
    visit.page.wait_for_function(
        "() => document.querySelectorAll('.pk-result').length === 1")
    assert visit.page.eval_on_selector_all(
        ".pk-result", "items => items.map(li => li.dataset.url)") == [KINDIA]
    url = visit.page.url
    assert "type=Fiche+projet" in url and "statut=En+cours" in url and "pays=Guin" in url
    # The shared URL gives the same view.
    page = visit.page
    page.goto(url)
    page.wait_for_selector("[data-pk-search][data-ready]")
    assert page.eval_on_selector_all(
        ".pk-result", "items => items.map(li => li.dataset.url)") == [KINDIA]
    assert page.locator('fieldset[data-facet="pays"] input[value="Guinée"]').is_checked()


def test_query_and_filters_together(visit: Visit, served: Served) -> None:
    assert open_search(visit, served, "protection sociale", type="Compte-rendu") == [CAAC]
    assert open_search(visit, served, "femmes", pays="Sénégal") == [SENEGAL]
    found = open_search(visit, served, "formation", annee="2020")
    assert set(found) == {SENEGAL, SEGOU}
    assert facet_counts(visit, "annee")["2020"] == 2
    assert facet_counts(visit, "annee")["2015"] == 1  # Kindia, if one picks it too


def test_header_form_goes_to_the_search_page(visit: Visit, served: Served) -> None:
    page = visit.page
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{served.url}projets/")
    page.fill("#pk-header-q", "guinee")
    page.press("#pk-header-q", "Enter")
    page.wait_for_selector("[data-pk-search][data-ready]")
    assert page.url.startswith(f"{served.url}recherche/?q=guinee")
    assert page.input_value("#pk-search-q") == "guinee"
    assert page.eval_on_selector_all(
        ".pk-result", "items => items.map(li => li.dataset.url)")[0] == KINDIA


def test_without_javascript_the_page_links_to_listings(browser: Any, served: Served) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{served.url}recherche/")
    text = page.locator(".md-content").inner_text()
    assert "demandent JavaScript" in text
    hrefs = page.eval_on_selector_all(".pk-browse a", "a => a.map(x => x.getAttribute('href'))")
    assert {"../projets/", "../comptes-rendus/", "../pays/", "../themes/"} <= set(hrefs)
    context.close()


def test_bytes_of_a_first_query(visit: Visit, served: Served, capsys: Any) -> None:
    """Benchmark note: what a first query fetches (search code, wasm, index, fragments)."""
    page = visit.page
    page.goto(f"{served.url}recherche/?q=senegal")
    page.wait_for_selector("[data-pk-search][data-ready]")
    search = {u: n for u, n in visit.fetched.items()
              if "/pagefind/" in u or u.endswith("/assets/search.js")}
    raw = sum(search.values())
    gzipped = 0
    for url in search:
        path = served.site / url.removeprefix(served.url).split("?")[0]
        gzipped += len(gzip.compress(path.read_bytes(), 9))
    with capsys.disabled():
        print(f"\n[search bytes] example site, first query « senegal »: {len(search)} files, "
              f"{raw} B as served, {gzipped} B gzipped")
    assert any("wasm.fr.pagefind" in u for u in search)
    assert gzipped < 300_000
