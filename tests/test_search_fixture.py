"""Search in a real browser against a fixture site: golden French queries and filter views.

The corpus ``tests/fixtures/search-corpus`` (ten invented sheets, two invented write-ups,
registries, all in our own words) is written for search: mostly one country per sheet (two
sheets in Haïti, France also as a second country), words only in the facts (a partner,
places), a word only in the plural or only in the singular, « été » as a noun and in « a
été », elided articles with ' and ’, hyphenated places, accents everywhere.
The fixture of ``test_site.py`` is not used: its sheets have one-line bodies and its values
are hostile markup, which says little about ranking.

``tests/search_golden.yml`` holds the golden set: queries with the documents that must come
first, and filter views with their exact members. The facet counts each view must show are
computed here from the corpus' front matter, independently of the generator. The site is
built once with ``python -m generator build`` (which indexes it) and served on 127.0.0.1.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import ROOT
from .search_support import (
    Visit,
    all_facet_counts,
    build_site,
    checked_values,
    clean,
    generation,
    launch_browser,
    open_search,
    result_urls,
    results_text,
    search_url,
    serve,
    shared_tab,
    status_text,
    wait_ready,
    wait_update,
)

CORPUS = Path(__file__).parent / "fixtures" / "search-corpus"
GOLDEN = yaml.safe_load((Path(__file__).parent / "search_golden.yml").read_text("utf-8"))
DOCS: dict[str, str] = GOLDEN["documents"]

FACETS = ("type", "pays", "theme", "organisation", "programme", "statut", "annee")
"""The facets of the search page, in the order of ``theme/assets/search.js``."""

# French names as the site shows them (CLDR), written out so the test does not ask Babel.
COUNTRIES = {
    "SN": "Sénégal",
    "CI": "Côte d’Ivoire",
    "FR": "France",
    "BJ": "Bénin",
    "BF": "Burkina Faso",
    "ML": "Mali",
    "HT": "Haïti",
    "MA": "Maroc",
    "MG": "Madagascar",
}
STATUSES = {"planned": "En projet", "ongoing": "En cours", "completed": "Terminé"}

SPACES = str.maketrans("\u00a0\u202f", "  ")
"""French spacing (no-break spaces before « : » and « ; ») read as plain spaces."""


# --- the corpus, read from its files ----------------------------------------------------


def _front_matter(path: Path) -> dict[str, Any]:
    match = re.match(r"---\n(.*?)\n---\n", path.read_text("utf-8"), re.S)
    assert match, path
    data = yaml.safe_load(match.group(1))
    assert isinstance(data, dict)
    return data


def _registry(name: str) -> dict[str, dict[str, Any]]:
    entries = yaml.safe_load((CORPUS / "content" / "_data" / name).read_text("utf-8"))
    return {e["id"]: e for e in entries}


def corpus_facets() -> dict[str, dict[str, set[str]]]:
    """Every document (its URL) with the facet values a visitor can filter on."""
    orgs, programmes = _registry("organisations.yml"), _registry("programmes.yml")
    themes = _registry("themes.yml")

    def org(i: str) -> str:
        return str(orgs[i].get("short_name") or orgs[i]["name"])

    def programme(i: str) -> str:
        p = programmes[i]
        short = p.get("short_name")
        return f"{p['name']} ({short})" if short and short != p["name"] else str(p["name"])

    docs: dict[str, dict[str, set[str]]] = {}
    for path in sorted((CORPUS / "projects").glob("*.md")):
        fm = _front_matter(path)
        period = fm["period"]
        docs[f"/projets/{path.stem}/"] = {
            "type": {"Fiche projet"},
            "pays": {COUNTRIES[c] for c in fm["countries"]},
            "theme": {themes[t]["label"] for t in fm["themes"]},
            "organisation": {org(i) for i in [fm["lead"], *fm.get("partners", [])]},
            "programme": {programme(fm["programme"])},
            "statut": {STATUSES[fm["status"]]},
            "annee": {
                str(y) for y in range(period["start"], period.get("end", period["start"]) + 1)
            },
        }
    for path in sorted((CORPUS / "content" / "comptes-rendus").glob("*.md")):
        fm = _front_matter(path)
        people = [*fm["authors"], *fm.get("reviewers", [])]
        ids = [
            *fm.get("organisations", []),
            *(p["organisation"] for p in people if p.get("organisation")),
        ]
        date = fm["date"]
        assert isinstance(date, dt.date)
        docs[f"/comptes-rendus/{path.stem}/"] = {
            "type": {"Compte-rendu"},
            "theme": {themes[t]["label"] for t in fm["themes"]},
            "organisation": {org(i) for i in ids},
            "programme": {programme(fm["programme"])} if fm.get("programme") else set(),
            "annee": {str(date.year)},
        }
    return docs


FACTS = corpus_facets()


def members(base: set[str], filters: dict[str, list[str]], skip: str = "") -> set[str]:
    """Documents of ``base`` that pass the filters (any value within a facet, every facet)."""
    return {
        url
        for url in base
        if all(
            FACTS[url].get(key, set()) & set(values)
            for key, values in filters.items()
            if key != skip
        )
    }


def expected_counts(base: set[str], filters: dict[str, list[str]]) -> dict[str, dict[str, int]]:
    """The counts the page shows: per facet, the results of every *other* filter.

    A value is shown when its count is not zero or when it is ticked.
    """
    shown: dict[str, dict[str, int]] = {}
    for facet in FACETS:
        counted = members(base, filters, skip=facet)
        counts: dict[str, int] = {}
        for url in counted:
            for value in FACTS[url].get(facet, set()):
                counts[value] = counts.get(value, 0) + 1
        for value in filters.get(facet, []):
            counts.setdefault(value, 0)
        if counts:
            shown[facet] = counts
    return shown


def urls(aliases: list[str]) -> set[str]:
    return {DOCS[a] for a in aliases}


@dataclass(frozen=True)
class View:
    name: str
    query: str
    filters: dict[str, list[str]]
    results: set[str]
    matches: set[str]
    counts: dict[str, dict[str, int]]

    @classmethod
    def read(cls, raw: dict[str, Any]) -> View:
        filters = {k: [str(v) for v in vs] for k, vs in raw["filters"].items()}
        return cls(
            raw["name"],
            raw.get("query", ""),
            filters,
            urls(raw["results"]),
            urls(raw["matches"]) if "matches" in raw else set(FACTS),
            {f: {str(k): int(n) for k, n in c.items()} for f, c in raw.get("counts", {}).items()},
        )


VIEWS = [View.read(raw) for raw in GOLDEN["views"]]


def _query_case(raw: dict[str, Any]) -> Any:
    marks = [pytest.mark.xfail(strict=True, reason=raw["known"])] if "known" in raw else []
    return pytest.param(raw, id=raw["query"], marks=marks)


QUERIES = [_query_case(raw) for raw in GOLDEN["queries"]]


# --- the golden set agrees with the corpus (no browser) -----------------------------------


def test_golden_documents_are_the_corpus() -> None:
    assert set(DOCS.values()) == set(FACTS)
    for raw in GOLDEN["queries"]:
        for alias in [*raw.get("first", []), *raw.get("all", [])]:
            assert alias in DOCS, (raw["query"], alias)
        if "all" in raw:
            assert set(raw.get("first", [])) <= set(raw["all"]), raw["query"]


@pytest.mark.parametrize("view", VIEWS, ids=[v.name for v in VIEWS])
def test_golden_view_members_follow_from_the_corpus(view: View) -> None:
    """The hand-written members and counts of each view agree with the front matter."""
    assert members(view.matches, view.filters) == view.results
    computed = expected_counts(view.matches, view.filters)
    for facet, counts in view.counts.items():
        assert computed.get(facet) == counts, facet


# --- the site, the browser ----------------------------------------------------------------


def make_root(dest: Path) -> Path:
    """A repository-shaped folder: the corpus plus the repository's mkdocs.yml and theme."""
    for name in ("content", "projects"):
        shutil.copytree(CORPUS / name, dest / name)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "theme", dest / "theme")
    return dest


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    work = tmp_path_factory.mktemp("search-fixture")
    root = make_root(work / "repo")
    site = work / "site"
    build_site(site, root)
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def tab(base_url: str) -> Iterator[Visit]:
    """One browser and one page for the module: the bundle stays in its cache."""
    with launch_browser() as browser, shared_tab(browser, base_url) as found:
        yield found


@pytest.fixture
def visit(tab: Visit) -> Iterator[Visit]:
    """The module's page; each test must leave no console error and no outside request."""
    with clean(tab) as found:
        yield found


def excerpts(visit: Visit) -> list[str]:
    return [
        str(t)
        for t in visit.page.eval_on_selector_all(
            ".pk-result__excerpt", "ps => ps.map(p => p.textContent)"
        )
    ]


# --- golden queries -----------------------------------------------------------------------


@pytest.mark.parametrize("case", QUERIES)
def test_golden_query(visit: Visit, case: dict[str, Any]) -> None:
    found = open_search(visit, case["query"])
    first = urls(case.get("first", []))
    assert set(found[: len(first)]) == first, f"{case['query']!r} ({case['why']}): {found}"
    if "all" in case:
        assert sorted(found) == sorted(urls(case["all"])), f"{case['query']!r}: {found}"
    assert status_text(visit.page) == results_text(len(found))
    # No excerpt is taken from the « Repères » facts list (it is left out of the index).
    for text in excerpts(visit):
        assert "Repères" not in text and "Porteur" not in text, text


# --- golden filter views ------------------------------------------------------------------


@pytest.mark.parametrize("view", VIEWS, ids=[v.name for v in VIEWS])
def test_golden_view(visit: Visit, view: View) -> None:
    page = visit.page
    found = open_search(visit, view.query, view.filters)
    assert len(found) == len(set(found))
    assert set(found) == view.results
    assert status_text(page) == results_text(len(view.results))
    assert all_facet_counts(page) == expected_counts(view.matches, view.filters)
    assert {k: sorted(v) for k, v in checked_values(page).items()} == {
        k: sorted(v) for k, v in view.filters.items()
    }
    assert page.input_value("#pk-search-q") == view.query
    # Reloading the address gives the same view.
    page.reload()
    wait_ready(page)
    assert set(result_urls(page)) == view.results
    assert status_text(page) == results_text(len(view.results))
    assert all_facet_counts(page) == expected_counts(view.matches, view.filters)


def test_ticking_filters_narrows_and_keeps_the_state_in_the_url(visit: Visit) -> None:
    page = visit.page
    assert set(open_search(visit)) == set(FACTS)
    assert status_text(page) == results_text(len(FACTS))

    def act(action: Any) -> list[str]:
        before = generation(page)
        action()
        wait_update(page, before)
        return result_urls(page)

    assert set(act(page.locator('fieldset[data-facet="pays"] input[value="Haïti"]').check)) == (
        urls(["jacmel", "hinche"])
    )
    assert act(page.locator('fieldset[data-facet="theme"] input[value="Jeunesse"]').check) == [
        DOCS["jacmel"]
    ]
    assert status_text(page) == "1 résultat"
    filters = {"pays": ["Haïti"], "theme": ["Jeunesse"]}
    assert all_facet_counts(page) == expected_counts(set(FACTS), filters)
    assert "pays=Ha%C3%AFti" in page.url and "theme=Jeunesse" in page.url
    # A query typed in the box joins the filters in the address.
    page.fill("#pk-search-q", "enfants")
    assert act(lambda: page.press("#pk-search-q", "Enter")) == [DOCS["jacmel"]]
    shared = page.url
    assert "q=enfants" in shared
    # The shared address, opened afresh, gives the same view.
    page.goto("about:blank")
    page.goto(shared)
    wait_ready(page)
    assert result_urls(page) == [DOCS["jacmel"]]
    assert page.input_value("#pk-search-q") == "enfants"
    assert checked_values(page) == filters
    # Unticking the theme widens the view again and leaves the address.
    page.fill("#pk-search-q", "")
    act(lambda: page.press("#pk-search-q", "Enter"))
    assert set(
        act(page.locator('fieldset[data-facet="theme"] input[value="Jeunesse"]').uncheck)
    ) == urls(["jacmel", "hinche"])
    assert "theme=" not in page.url and "q=" not in page.url and "pays=Ha%C3%AFti" in page.url


# --- excerpts and facts -------------------------------------------------------------------


def test_excerpt_comes_from_the_text_not_the_facts(visit: Visit) -> None:
    """« Abidjan » is in the facts (place, lead's name) and once in the body: the body wins."""
    found = open_search(visit, "Abidjan")
    assert found[0] == DOCS["abidjan"]
    excerpt = visit.page.locator(".pk-result").first.locator(".pk-result__excerpt")
    text = excerpt.inner_text().translate(SPACES)
    assert "vendeuses des grands marchés d’Abidjan" in text, text
    assert excerpt.locator("mark").count() >= 1
    for label in ("Repères", "Porteur", "Partenaires", "Lieux", "Yopougon"):
        assert label not in text, text


def test_facts_stay_searchable(visit: Visit) -> None:
    """A partner, places, a theme, an event that only the facts name find the document."""
    assert open_search(visit, "Horizon Sud") == [DOCS["kaolack"]]  # partner, never in the text
    assert open_search(visit, "Yopougon") == [DOCS["abidjan"]]  # place, only in the facts
    # Matched in the facts alone (no located word), the result shows the summary.
    excerpt = (
        visit.page.locator(".pk-result")
        .first.locator(".pk-result__excerpt")
        .inner_text()
        .translate(SPACES)
    )
    assert excerpt.startswith("Fiche inventée pour tester la recherche : des vendeuses de")
    assert open_search(visit, "Markala") == [DOCS["segou"]]  # second place
    assert set(open_search(visit, "Égalité femmes-hommes")) >= urls(["kaolack", "essaouira"])
    assert open_search(visit, "Journées fictives de la santé communautaire") == [
        DOCS["assainissement"]
    ]  # a write-up's event


def test_results_show_kind_title_and_facts(visit: Visit) -> None:
    open_search(visit, "Yopougon")
    first = visit.page.locator(".pk-result").first
    assert (
        first.locator(".pk-result__kind").inner_text().translate(SPACES).lower() == "fiche projet"
    )
    assert first.locator(".pk-result__title").inner_text().translate(SPACES) == (
        "Côte d’Ivoire : une mutuelle de santé pour les vendeuses des marchés"
    )
    assert first.locator(".pk-result__facts").inner_text().translate(SPACES) == (
        "Côte d’Ivoire, France (Abidjan, Yopougon) · RMSA · En cours · depuis 2021"
    )
    open_search(visit, "Mariama Ndiaye")
    first = visit.page.locator(".pk-result").first
    assert (
        first.locator(".pk-result__kind").inner_text().translate(SPACES).lower() == "compte-rendu"
    )
    assert first.locator(".pk-result__facts").inner_text().translate(SPACES) == (
        "15 juin 2023 · Journées fictives de la santé communautaire · RMSA"
    )


def test_ligatures_are_found_and_shown_as_written(visit: Visit) -> None:
    """The index spells « œ » out; titles and summaries are shown as written (excerpts,
    cut from the indexed text, show « coeur »)."""
    for query in ("coeur", "cœur", "COEUR"):
        found = open_search(visit, query)
        assert found == sorted(urls(["porto-novo"])), (query, found)
        title = (
            visit.page.locator(".pk-result .pk-result__title").first.inner_text().translate(SPACES)
        )
        assert title == "Bénin : l’eau potable au cœur des quartiers de Porto-Novo"


def test_unknown_words_give_no_result_rather_than_fallbacks(visit: Visit) -> None:
    for query in ("dakar", "lomé", "conakry", "zzz"):
        assert open_search(visit, query) == [], query
        assert "Aucun résultat" in status_text(visit.page)
        assert not visit.page.locator(".pk-facet input").count()


def test_more_results_ten_at_a_time(visit: Visit) -> None:
    page = visit.page
    visit.page.goto(search_url(visit.base))  # no query: every document, ten shown first
    wait_ready(page)
    assert page.locator(".pk-result").count() == 10
    more = page.locator(".pk-search-app__more")
    assert more.is_visible()
    assert len(result_urls(page)) == len(FACTS)  # pressing « Plus de résultats »
    assert not more.is_visible()
    open_search(visit, "Yopougon")
    assert not more.is_visible()  # one result: no button
