"""Search on a phone and the ranking of a phrase, in a real browser.

On a 390 × 844 screen, the first result is in view once a query is typed; the filters sit
behind a « Filtrer » button, each group folded, with organisations' full names and touch
targets of at least 44 px. A query of several words ranks the documents holding them side
by side (accents folded) first: « securite alimentaire » finds « sécurité alimentaire »
before « sécurité au travail », on a corpus made here (the search fixture corpus plus two
sheets, one of which Pagefind alone would put first).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import ROOT
from .search_support import (
    Visit,
    launch_browser,
    no_axe_violation,
    serve,
    visiting,
    wait_ready,
    wait_update,
)

RANKING_SHEETS = {
    "ateliers-surs-bamako": """---
title: "Mali : la sécurité au travail dans les ateliers de Bamako"
summary: "La sécurité au travail des couturières, et une cantine alimentaire."
programme: terres-partagees
lead: terres-vives
countries:
  - "ML"
places:
  - "Bamako"
themes:
  - artisanat
period:
  start: 2021
status: ongoing
---

## Contexte

La sécurité des couturières est le premier souci : la sécurité électrique, la sécurité
des machines, la sécurité incendie. Le travail commence tôt.

## Activités

- Formation à la sécurité au travail.
- Une cantine : des produits alimentaires achetés au marché, des repas alimentaires
  simples.

## Résultats

La sécurité progresse ; les accidents du travail baissent.
""",
    "greniers-villageois-dosso": """---
title: "Niger : des greniers villageois à Dosso"
summary: "Des greniers gérés par les villages pour passer la soudure."
programme: terres-partagees
lead: terres-vives
countries:
  - "NE"
places:
  - "Dosso"
themes:
  - agroecologie
period:
  start: 2019
  end: 2022
status: completed
---

## Contexte

Entre deux récoltes, les familles achètent le mil au prix fort. Les villages de la
commune ont décidé de stocker une partie de la récolte dans des greniers communs, gérés
par un comité élu, avec un cahier de stock tenu chaque semaine et une caisse ouverte
devant témoins. Les femmes siègent au comité et tiennent la moitié des clés.

## Activités

- Construction de six greniers en banco amélioré.
- Formation des comités à la gestion des stocks et à la tenue des comptes.
- Ventes à prix modéré pendant la soudure, remboursées après la récolte.

## Résultats

La sécurité alimentaire des familles s’est améliorée pendant la soudure : moins de mois
de repas sautés, moins de ventes de bétail à bas prix.
""",
}
"""Two sheets: « sécurité » and « alimentaire » many times but apart, and the phrase once."""

CORPUS = Path(__file__).parent / "fixtures" / "search-corpus"
PHONE = {"width": 390, "height": 844}
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    work = tmp_path_factory.mktemp("search-phone")
    root = work / "repo"
    for name in ("content", "projects"):
        shutil.copytree(CORPUS / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "theme", root / "theme")
    for slug, text in RANKING_SHEETS.items():
        (root / "projects" / f"{slug}.md").write_text(text, "utf-8")
    site = work / "site"
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--root", str(root), "--site-dir", str(site)],
        cwd=ROOT,
        env={**os.environ, "PROGRAMME_PDF": "0"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def browser(base_url: str) -> Iterator[Any]:
    with launch_browser() as browser:
        yield browser


@pytest.fixture
def phone(browser: Any, base_url: str) -> Iterator[Visit]:
    context = browser.new_context(viewport=PHONE, has_touch=True)
    try:
        with visiting(context, base_url) as visit:
            yield visit
    finally:
        context.close()


def type_query(visit: Visit, query: str) -> list[str]:
    """Open recherche/, type ``query`` as a person does; the result URLs shown, in order."""
    page = visit.page
    page.goto(f"{visit.base}recherche/")
    wait_ready(page)
    before = str(page.get_attribute("[data-pk-search]", "data-ready"))
    page.locator("#pk-search-q").press_sequentially(query, delay=20)
    wait_update(page, before)
    page.wait_for_function("q => new URLSearchParams(location.search).get('q') === q", arg=query)
    page.wait_for_timeout(100)
    return [
        str(u)
        for u in page.eval_on_selector_all(".pk-result", "items => items.map(li => li.dataset.url)")
    ]


def test_phrase_ranks_first(phone: Visit) -> None:
    page = phone.page
    page.goto(f"{phone.base}recherche/")
    wait_ready(page)
    # Pagefind alone puts the page that says both words apart, often, first
    alone = page.evaluate(
        """async () => { const pf = await import(new URL('../pagefind/pagefind.js', location).href);
        const s = await pf.search('securite alimentaire');
        return Promise.all(s.results.map(async r => (await r.data()).url)); }"""
    )
    assert alone[:2] == ["/projets/ateliers-surs-bamako/", "/projets/greniers-villageois-dosso/"]
    for query in ("securite alimentaire", "Sécurité alimentaire"):
        urls = type_query(phone, query)
        assert urls[:2] == [
            "/projets/greniers-villageois-dosso/",
            "/projets/ateliers-surs-bamako/",
        ], query
    # one word: Pagefind's order, untouched
    assert type_query(phone, "securite")[0] == "/projets/ateliers-surs-bamako/"


def test_first_result_in_view_after_typing(phone: Visit) -> None:
    urls = type_query(phone, "moulin")
    assert urls, "no result"
    box = phone.page.locator(".pk-result").first.bounding_box()
    assert box is not None
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
    assert phone.page.evaluate("window.scrollY") == 0


def _height(page: Any, selector: str) -> list[float]:
    return [
        float(h)
        for h in page.eval_on_selector_all(
            selector, "els => els.map(e => e.getBoundingClientRect().height)"
        )
    ]


def _full_names() -> set[str]:
    entries = yaml.safe_load((CORPUS / "content" / "_data" / "organisations.yml").read_text())
    names = set()
    for entry in entries:
        short, name = entry.get("short_name"), entry["name"]
        if not short or short == name or short.casefold() in name.casefold():
            names.add(name)
        else:
            names.add(f"{name} ({short})")
    return names


def test_filters_behind_a_button(phone: Visit) -> None:
    page = phone.page
    page.goto(f"{phone.base}recherche/")
    wait_ready(page)
    toggle = page.get_by_role("button", name=re.compile("^Filtrer"))
    assert toggle.is_visible()
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not page.locator(".pk-search-app__facets").is_visible()
    # the first result is in view before any filter
    box = page.locator(".pk-result").first.bounding_box()
    assert box is not None and box["y"] < PHONE["height"]
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.locator(".pk-search-app__facets").is_visible()
    groups = page.locator("details.pk-facet")
    assert groups.count() >= 5
    assert page.locator("details.pk-facet[open]").count() == 0, "groups start folded"
    assert min(_height(page, "details.pk-facet > summary")) >= 44
    assert toggle.bounding_box()["height"] >= 44
    page.locator('details[data-group="organisation"] > summary').click()
    shown = set(
        page.eval_on_selector_all(
            'fieldset[data-facet="organisation"] .pk-facet__value',
            "els => els.map(e => e.textContent)",
        )
    )
    assert shown and shown <= _full_names(), shown - _full_names()
    assert "Fondation Horizon Sud (FHS)" in shown
    assert min(_height(page, 'fieldset[data-facet="organisation"] .pk-facet__option')) >= 44
    # a filter ticked with a finger; the button counts it
    before = str(page.get_attribute("[data-pk-search]", "data-ready"))
    page.locator('fieldset[data-facet="organisation"] .pk-facet__option').first.tap()
    wait_update(page, before)
    assert re.fullmatch(r"Filtrer \(1\)", toggle.inner_text().strip())
    no_axe_violation(page)
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not page.locator(".pk-search-app__facets").is_visible()
