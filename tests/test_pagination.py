"""Long listings come in pages a phone can load, linked by a pager; no card is lost."""

from __future__ import annotations

import re

import pytest

from generator.demo import generate_corpus
from generator.loader import load_catalogue
from generator.render.page_specs import Section, SitePlan, pager_numbers, paginate
from generator.render.site_plan import plan_site
from generator.settings import Options, load_settings

CARD_LINK = re.compile(r'<h3 class="pk-card__title"><a href="([^"]+)">')


def test_paginate_cuts_cards_in_order_and_keeps_other_sections() -> None:
    sections = [
        Section("a", "A", 5, projects=list("abcde")),
        Section("b", "B", 4, writeups=list("wxyz")),
        Section("c", "C", 0),
    ]
    pages = paginate(sections, 4)
    assert [[(s.id, s.projects + s.writeups) for s in page] for page in pages] == [
        [("a", list("abcd"))],
        [("a", ["e"]), ("b", list("wxy"))],
        [("b", ["z"]), ("c", [])],
    ]
    assert all(s.count == {"a": 5, "b": 4, "c": 0}[s.id] for page in pages for s in page)
    assert paginate([], 10) == [[]]


@pytest.mark.parametrize(
    ("current", "total", "expected"),
    [
        (1, 1, [1]),
        (1, 3, [1, 2, 3]),
        (1, 10, [1, 2, 3, 10]),
        (5, 10, [1, 3, 4, 5, 6, 7, 10]),
        (10, 10, [1, 8, 9, 10]),
    ],
)
def test_pager_numbers(current: int, total: int, expected: list[int]) -> None:
    assert pager_numbers(current, total) == expected


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> SitePlan:
    root = tmp_path_factory.mktemp("corpus")
    generate_corpus(root, 120, 12, seed=11)
    result = load_catalogue(load_settings(root))
    assert result.catalogue is not None
    result.catalogue.settings.options = Options(listing_page_size=50)
    return plan_site(result.catalogue)


def test_all_sheets_listing_is_cut_into_pages(plan: SitePlan) -> None:
    first, second, third = (
        plan.pages[u]
        for u in ("projets/index.md", "projets/page/2/index.md", "projets/page/3/index.md")
    )
    assert "projets/page/4/index.md" not in plan.pages
    assert first.title == "Fiches projet (page 1 sur 3)"
    assert third.title == "Fiches projet (page 3 sur 3)"
    cards = [CARD_LINK.findall(p.html) for p in (first, second, third)]
    assert [len(c) for c in cards] == [50, 50, 20]
    every = [href.rsplit("/", 2)[-2] for page in cards for href in page]
    assert len(every) == len(set(every)) == 120
    # the count in the heading is the total, on every page
    assert all("(120)" in p.html for p in (first, second, third))


def test_pager_links_pages_with_prev_next_and_current(plan: SitePlan) -> None:
    second = plan.pages["projets/page/2/index.md"].html
    # one pager above the cards, one below, each its own landmark name
    assert '<nav class="pk-pager pk-pager--haut" aria-label="Pages de la liste (haut)">' in second
    assert '<nav class="pk-pager pk-pager--bas" aria-label="Pages de la liste">' in second
    top, cards_and_bottom = second.split('class="pk-cards"', 1)
    assert "pk-pager--haut" in top and "pk-pager--bas" in cards_and_bottom
    assert second.count('rel="prev" href="../../"') == 2
    assert 'rel="prev" href="../../"' in second
    assert 'rel="next" href="../3/"' in second
    assert 'aria-label="Page 2" aria-current="page"' in second
    first = plan.pages["projets/index.md"].html
    assert 'rel="prev"' not in first and 'rel="next" href="page/2/"' in first
    last = plan.pages["projets/page/3/index.md"].html
    assert 'rel="next"' not in last


def test_short_listings_have_no_pager(plan: SitePlan) -> None:
    assert "pk-pager" not in plan.pages["pays/index.md"].html
    assert not any("/page/" in uri for uri in plan.pages if uri.startswith("pays/index"))


def test_nav_lists_first_pages_only(plan: SitePlan) -> None:
    assert "/page/" not in repr(plan.nav)
