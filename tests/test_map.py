"""The maps: ``carte/`` and the small map of each country page.

Fast tests draw maps from the shapes directly; the slow ones build the example site and
read what a person gets: an SVG whose coloured countries are links to their pages, numbers
on the map and in a table equal to the sheets counted from the front matter here, a few
kilobytes for a country page's map, and, in chromium at 390 and 1280 px, focusable links
and no request to another host.
"""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.render.map_page import WORLD_STYLE, country_window, world_window
from generator.render.map_shapes import Box, clip, country_shapes, simplify
from generator.render.map_svg import MapCountry, draw_map, level, level_label

from .conftest import ROOT
from .search_support import launch_browser, no_axe_violation, serve, visiting

SVG = "{http://www.w3.org/2000/svg}"


# --- fast: shapes and drawing -----------------------------------------------------------


def test_shapes_cover_the_iso_codes_of_the_example() -> None:
    shapes = country_shapes()
    for code in ("SN", "ML", "GN", "CI", "BJ", "FR", "HT", "MA", "MG", "EH"):
        assert code in shapes, code
    world = Box(-40, 50, 2760, 1470)
    for code, shape in shapes.items():
        assert world.meets(shape.box) and shape.box.top >= 50, (code, shape.box)


def test_clip_and_simplify() -> None:
    square = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)]
    assert clip(square, Box(5, 5, 20, 20)) == [(5, 5), (10, 5), (10, 10), (5, 10)]
    assert clip(square, Box(20, 20, 30, 30)) == []
    wobbly = [(float(x), 0.01 * (x % 2)) for x in range(11)] + [(10.0, 10.0), (0.0, 10.0)]
    assert simplify(wobbly, 0.5) == [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)]


def test_levels_and_their_words() -> None:
    assert [level(n) for n in (1, 2, 4, 5, 19, 20, 99, 100, 5000)] == [1, 2, 2, 3, 4, 5, 6, 7, 7]
    assert level_label(1) == "1 fiche"
    assert level_label(2) == "2 à 4 fiches"
    assert level_label(7) == "100 fiches et plus"


def _draw(countries: list[MapCountry]) -> ET.Element:
    window = world_window([c.code for c in countries])
    assert window is not None
    svg = draw_map(window, countries, WORLD_STYLE, ident="t", title="Titre", description="Desc")
    return ET.fromstring(str(svg))


def test_a_drawn_map_links_and_numbers_each_country() -> None:
    countries = [
        MapCountry("SN", "Sénégal", 3, "../pays/sn/"),
        MapCountry("ML", "Mali", 12, "../pays/ml/"),
        MapCountry("FR", "France", 1, "../pays/fr/"),
    ]
    svg = _draw(countries)
    assert svg.get("role") == "group"
    assert svg.get("aria-labelledby") == "t-titre" and svg.get("aria-describedby") == "t-desc"
    assert svg.find(f"{SVG}title").text == "Titre"  # type: ignore[union-attr]
    links = {a.get("href"): a for a in svg.iter(f"{SVG}a")}
    assert set(links) == {"../pays/sn/", "../pays/ml/", "../pays/fr/"}
    assert links["../pays/ml/"].find(f"{SVG}title").text == "Mali : 12 fiches"  # type: ignore[union-attr]
    assert "pk-map__level-4" in str(links["../pays/ml/"].get("class"))
    numbers = sorted(t.text or "" for t in svg.iter(f"{SVG}text"))
    assert numbers == ["1", "12", "3"]
    # the world outside the window is not carried: nothing of Australia
    assert "AU" not in str(ET.tostring(svg))


def test_a_country_window_holds_its_neighbours() -> None:
    window = country_window("SN")
    assert window is not None
    shapes = country_shapes()
    for neighbour in ("ML", "GN", "GM", "MR"):
        assert window.meets(shapes[neighbour].boxes[shapes[neighbour].main]), neighbour
    assert not window.meets(shapes["FR"].box)


def test_same_map_twice_same_bytes() -> None:
    countries = [MapCountry("HT", "Haïti", 2, "ht/"), MapCountry("MG", "Madagascar", 1, "mg/")]
    window = world_window(["HT", "MG"])
    assert window is not None
    first = draw_map(window, countries, WORLD_STYLE, ident="a", title="t", description="d")
    again = draw_map(window, countries[::-1], WORLD_STYLE, ident="a", title="t", description="d")
    assert first == again


# --- slow: the example site --------------------------------------------------------------


def _sheet_counts() -> Counter[str]:
    """Sheets per country, read from the example's front matter (drafts left out)."""
    counts: Counter[str] = Counter()
    for path in sorted((ROOT / "projects").glob("*.md")):
        match = re.match(r"---\n(.*?)\n---\n", path.read_text("utf-8"), re.S)
        assert match, path
        meta = yaml.safe_load(match.group(1))
        if meta.get("draft"):
            continue
        counts.update(meta.get("countries") or [])
    return counts


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("map") / "site"
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--site-dir", str(site)],
        cwd=ROOT,
        env={**os.environ, "PROGRAMME_PDF": "0"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def _svg(html: str) -> ET.Element:
    match = re.search(r'<svg class="pk-map__svg".*?</svg>', html, re.S)
    assert match, "no map"
    return ET.fromstring(match.group(0))


@pytest.mark.slow
def test_map_page_shows_the_catalogue_counts(site: Path) -> None:
    html = (site / "carte" / "index.html").read_text("utf-8")
    counts = _sheet_counts()
    assert counts
    svg = _svg(html)
    links = {}
    for a in svg.iter(f"{SVG}a"):
        href = str(a.get("href"))
        target = (site / "carte" / href).resolve()
        assert (target / "index.html").is_file(), href
        title = a.find(f"{SVG}title")
        assert title is not None and title.text
        links[target.name.upper()] = title.text.replace("\u202f", " ").replace("\u00a0", " ")
    assert set(links) == set(counts)
    for code, n in counts.items():
        assert links[code].endswith(f" : {n} fiche{'s' if n > 1 else ''}"), links[code]
    # the table: one row per country, with the same figures
    rows = re.findall(
        r'<tr><th scope="row"><a href="\.\./pays/([a-z]{2})/">[^<]+</a></th><td>(\d+)</td></tr>',
        html,
    )
    assert {code.upper(): int(n) for code, n in rows} == dict(counts)
    assert len(rows) == len(counts)
    # light: the map of a handful of countries is a few kilobytes compressed
    assert len(gzip.compress(html.encode())) < 40_000


@pytest.mark.slow
def test_each_country_page_has_its_small_map(site: Path) -> None:
    counts = _sheet_counts()
    for code in counts:
        html = (site / "pays" / code.lower() / "index.html").read_text("utf-8")
        match = re.search(r'<svg class="pk-map__svg".*?</svg>', html, re.S)
        assert match, code
        assert len(gzip.compress(match.group(0).encode())) < 5_000, code
        svg = ET.fromstring(match.group(0))
        current = [a for a in svg.iter(f"{SVG}a") if a.get("aria-current") == "page"]
        assert len(current) == 1 and current[0].get("href") == "./", code
        assert 'href="../../carte/"' in html


@pytest.mark.slow
def test_home_links_the_map(site: Path) -> None:
    assert 'href="carte/"' in (site / "index.html").read_text("utf-8")


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


@pytest.mark.slow
@pytest.mark.parametrize("width", [390, 1280])
def test_map_in_a_browser(base_url: str, width: int, tmp_path: Path) -> None:
    with launch_browser("the browser tests of the map cannot run") as browser:
        context = browser.new_context(viewport={"width": width, "height": 844})
        try:
            with visiting(context, base_url) as visit:
                page: Any = visit.page
                page.goto(f"{base_url}carte/")
                svg = page.locator("svg.pk-map__svg")
                assert svg.is_visible()
                no_axe_violation(page)
                box = svg.bounding_box()
                assert box["width"] >= min(width - 40, 600)
                links = page.locator("svg.pk-map__svg a")
                assert links.count() == len(_sheet_counts())
                # keyboard: the country links take focus, in the page's order
                first = links.first
                first.focus()
                assert page.evaluate(
                    "() => document.activeElement.closest('svg') !== null"
                    " && document.activeElement.tagName.toLowerCase() === 'a'"
                )
                href = first.get_attribute("href")
                first.click()
                page.wait_for_url(re.compile(r"/pays/[a-z]{2}/$"))
                assert page.url.endswith(str(href).removeprefix("..").lstrip("/"))
                assert page.locator("svg.pk-map__svg").is_visible()
                no_axe_violation(page)
                page.screenshot(path=str(tmp_path / f"country-{width}.png"))
                # nothing fetched from another host (visiting() checks it on exit)
                assert all(url.startswith(base_url) for url in visit.fetched)
        finally:
            context.close()
