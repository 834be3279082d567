"""Search in a real browser: the example site, indexed by Pagefind, queried in French.

The site is built with ``python -m generator build`` into a temporary folder (the build
indexes it), served on 127.0.0.1 and driven with Playwright and the Debian chromium
(``/usr/bin/chromium``); no browser is downloaded. One test runs
:func:`generator.search.index_site` directly on a copy of the built site. The golden set of
a fixture site is in ``test_search_fixture.py``; the shared pieces in ``search_support.py``.
"""

from __future__ import annotations

import gzip
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.search import index_site, split_elisions

from .search_support import (
    Visit,
    build_site,
    clean,
    facet_counts,
    launch_browser,
    result_urls,
    serve,
    shared_tab,
    status_text,
    visiting,
    wait_ready,
)
from .search_support import open_search as _open_search

SENEGAL = "/projets/femmes-poisson-seche-senegal/"
KINDIA = "/projets/jeunes-ruraux-kindia-guinee/"
BOUAKE = "/projets/exemple-mutuelle-marches-bouake/"
SEGOU = "/projets/exemple-puits-partages-segou/"
CAAC = "/comptes-rendus/caac-cooperer-autrement/"
PROJECTS = {SENEGAL, KINDIA, BOUAKE, "/projets/exemple-jardins-nantes-porto-novo/", SEGOU}


def test_split_elisions_outside_tags_and_filters() -> None:
    html = (
        '<p title="l’avis">L’insertion, qu’il, jusqu’à, d\'Ivoire, aujourd’hui</p>'
        '<span data-pagefind-filter="pays">Côte d’Ivoire</span>'
    )
    assert split_elisions(html) == (
        '<p title="l’avis">L’ insertion, qu’ il, jusqu’ à, d\' Ivoire, aujourd’hui</p>'
        '<span data-pagefind-filter="pays">Côte d’Ivoire</span>'
    )


# --- the site, built (and so indexed) and served once for the module ---


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("search") / "site"
    build_site(site)
    return site


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


def test_build_indexes_the_site(site: Path) -> None:
    bundle = site / "pagefind"
    assert (bundle / "pagefind.js").is_file()
    assert (bundle / "pagefind-entry.json").is_file()
    assert not (bundle / "pagefind-ui.js").exists()  # Pagefind's own UI is not shipped
    assert len(list((bundle / "fragment").iterdir())) == 6  # five sheets, one write-up


def test_index_site_on_a_built_site(site: Path, tmp_path: Path) -> None:
    """The API the build uses, called directly on a copy of the site without its index."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("pagefind"))
    stats = index_site(copy)
    assert stats.pages == 6  # five sheets, one write-up
    assert stats.bundle_dir == copy / "pagefind"
    assert (copy / "pagefind" / "pagefind.js").is_file()
    assert not (copy / "pagefind" / "pagefind-ui.js").exists()
    assert 0 < stats.index_bytes < stats.bytes
    assert stats.files == sum(1 for p in stats.bundle_dir.rglob("*") if p.is_file())
    # the same pages (the build also gives each its title and summary as written)
    assert len(list((copy / "pagefind" / "fragment").iterdir())) == len(
        list((site / "pagefind" / "fragment").iterdir())
    )


# --- the browser (one for the module) ---


@pytest.fixture(scope="module")
def browser(base_url: str) -> Iterator[Any]:
    with launch_browser() as browser:
        yield browser


@pytest.fixture(scope="module")
def tab(browser: Any, base_url: str) -> Iterator[Visit]:
    """One page for the tests that query (the bundle stays in its cache)."""
    with shared_tab(browser, base_url) as found:
        yield found


@pytest.fixture
def visit(tab: Visit) -> Iterator[Visit]:
    """The shared page; each test must leave no console error and no outside request."""
    with clean(tab) as found:
        yield found


def open_search(visit: Visit, query: str = "", **filters: str) -> list[str]:
    """Open recherche/ with a query string; return the result URLs in order."""
    return _open_search(visit, query, filters)


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
def test_golden_query_first(visit: Visit, query: str, first: str) -> None:
    found = open_search(visit, query)
    assert found, f"no result for {query!r}"
    assert found[0] == first, f"{query!r}: {found}"


def test_ete_is_not_a_stop_word(visit: Visit) -> None:
    assert open_search(visit, "été")


def test_results_show_type_title_excerpt_and_facts(visit: Visit) -> None:
    open_search(visit, "l'insertion")
    first = visit.page.locator(".pk-result").first
    assert first.locator(".pk-result__kind").inner_text().lower() == "fiche projet"
    assert "Kindia" in first.locator(".pk-result__title").inner_text()
    excerpt = first.locator(".pk-result__excerpt")
    assert excerpt.locator("mark").count() >= 1
    assert "l’ " not in excerpt.inner_text() and "l' " not in excerpt.inner_text()
    assert (
        "Guinée (Kindia, Friguiagbé) · Guinée 44 · En cours"
        in first.locator(".pk-result__facts").inner_text()
    )


def test_excerpt_from_the_text_not_the_facts(visit: Visit) -> None:
    """« Friguiagbé » is a place in the facts and once in the body: the excerpt is the body's."""
    assert open_search(visit, "Friguiagbé")[0] == KINDIA
    excerpt = visit.page.locator(".pk-result").first.locator(".pk-result__excerpt")
    text = excerpt.inner_text()
    assert "association de type MFR à Friguiagbé" in text, text
    for label in ("Repères", "Porteur", "Partenaires", "Lieux", "Kindia, Friguiagbé"):
        assert label not in text, text


def test_facts_still_find_the_sheet(visit: Visit) -> None:
    """Left out of the indexed text, the facts still find: a partner, places, a theme."""
    assert open_search(visit, "Maisons familiales rurales des Pays de la Loire")[0] == KINDIA
    assert open_search(visit, "Yenne")[0] == SENEGAL  # a place named only in the facts
    assert set(open_search(visit, "Agriculture et métiers ruraux")) >= {KINDIA}


def test_browse_everything_with_counts(visit: Visit) -> None:
    found = open_search(visit)
    assert set(found) == PROJECTS | {CAAC}
    assert status_text(visit.page) == "6 résultats"
    assert facet_counts(visit.page, "type") == {"Compte-rendu": 1, "Fiche projet": 5}
    assert facet_counts(visit.page, "statut") == {"En cours": 2, "En projet": 1, "Terminé": 2}
    assert facet_counts(visit.page, "pays")["Sénégal"] == 1
    assert facet_counts(visit.page, "programme") == {
        "Coopérer autrement en acteurs du changement (CAAC)": 3,
        "Territoires en miroir (programme fictif) (TEM)": 3,
    }


def test_filters_combine_and_live_in_the_url(visit: Visit) -> None:
    page = visit.page
    found = open_search(visit, "", type="Fiche projet", statut="En cours")
    assert set(found) == {KINDIA, BOUAKE}
    assert status_text(page) == "2 résultats"
    # Within a facet the values add up: the count of « Terminé » is what choosing it adds.
    assert facet_counts(page, "statut") == {"En cours": 2, "En projet": 1, "Terminé": 2}
    # Ticking a country narrows to exactly the members; the URL keeps the state.
    page.locator('fieldset[data-facet="pays"] input[value="Guinée"]').check()
    page.wait_for_function("() => document.querySelectorAll('.pk-result').length === 1")
    assert result_urls(page) == [KINDIA]
    url = page.url
    assert "type=Fiche+projet" in url and "statut=En+cours" in url and "pays=Guin" in url
    # The shared URL gives the same view.
    page.goto("about:blank")
    page.goto(url)
    wait_ready(page)
    assert result_urls(page) == [KINDIA]
    assert page.locator('fieldset[data-facet="pays"] input[value="Guinée"]').is_checked()


def test_query_and_filters_together(visit: Visit) -> None:
    assert open_search(visit, "protection sociale", type="Compte-rendu") == [CAAC]
    assert open_search(visit, "femmes", pays="Sénégal") == [SENEGAL]
    found = open_search(visit, "formation", annee="2020")
    assert set(found) == {SENEGAL, SEGOU}
    assert facet_counts(visit.page, "annee")["2020"] == 2
    assert facet_counts(visit.page, "annee")["2015"] == 1  # Kindia, if one picks it too


def test_header_form_goes_to_the_search_page(visit: Visit) -> None:
    page = visit.page
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{visit.base}projets/")
    page.fill("#pk-header-q", "guinee")
    page.press("#pk-header-q", "Enter")
    wait_ready(page)
    assert page.url.startswith(f"{visit.base}recherche/?q=guinee")
    assert page.input_value("#pk-search-q") == "guinee"
    assert result_urls(page)[0] == KINDIA


def test_without_javascript_the_page_links_to_listings(browser: Any, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}recherche/")
    text = page.locator(".md-content").inner_text()
    assert "demandent JavaScript" in text
    hrefs = page.eval_on_selector_all(".pk-browse a", "a => a.map(x => x.getAttribute('href'))")
    assert {"../projets/", "../comptes-rendus/", "../pays/", "../themes/"} <= set(hrefs)
    context.close()


def test_bytes_of_a_first_query(browser: Any, base_url: str, site: Path, capsys: Any) -> None:
    """Benchmark note: what a first query fetches (search code, wasm, index, fragments)."""
    context = browser.new_context()  # its own, with an empty cache
    try:
        with visiting(context, base_url, sizes=True) as visit:
            visit.page.goto(f"{base_url}recherche/?q=senegal")
            wait_ready(visit.page)
            search = {
                u: n
                for u, n in visit.fetched.items()
                if "/pagefind/" in u or u.endswith("/assets/search.js")
            }
    finally:
        context.close()
    raw = sum(search.values())
    gzipped = 0
    for url in search:
        path = site / url.removeprefix(base_url).split("?")[0]
        gzipped += len(gzip.compress(path.read_bytes(), 9))
    with capsys.disabled():
        print(
            f"\n[search bytes] example site, first query « senegal »: {len(search)} files, "
            f"{raw} B as served, {gzipped} B gzipped"
        )
    assert any("wasm.fr.pagefind" in u for u in search)
    assert gzipped < 300_000
