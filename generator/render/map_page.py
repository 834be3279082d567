"""The map page ``carte/`` and the small map of each country page.

Both are drawn when the site is planned, from the shapes of :mod:`.map_shapes`, as static
SVG (:mod:`.map_svg`): no tile server, no request to another host, nothing to run in the
browser. ``carte/`` shows the region of all the countries with sheets (the whole world when
they are spread over it) with a table of the same figures; a country page shows its country
and its neighbours, in a few kilobytes.
"""

from __future__ import annotations

from markupsafe import Markup

from .. import urls
from ..urls import relative
from .map_shapes import Box, MapShapesMissing, country_shapes, fit, world_box
from .map_svg import LEVELS, MapCountry, MapStyle, draw_map, level, level_label
from .planner_base import PlannerBase

WORLD_STYLE = MapStyle(width=1000, tolerance=0.7, smallest=1.5, label_size=22, phone_scale=1.5)
"""``carte/``: 1,000 units wide (about a pixel each on a desktop); numbers half as large
again on a phone (map.css), where the map is drawn 360 px wide."""
SMALL_STYLE = MapStyle(width=320, tolerance=0.6, smallest=1.0, label_size=16)
"""A country page's map: 320 units wide, shown at most 20 rem wide."""


def _main_box(code: str) -> Box | None:
    shape = country_shapes().get(code)
    if shape is None:
        return None
    return shape.boxes[shape.main]


def world_window(codes: list[str]) -> Box | None:
    """The region of ``codes``' mainlands, with a margin, in the shapes' coordinates."""
    boxes = [box for code in codes if (box := _main_box(code)) is not None]
    if not boxes:
        return None
    whole = boxes[0]
    for box in boxes[1:]:
        whole = whole.union(box)
    side = max(whole.width, whole.height)
    grown = whole.grown(side * 0.08, side * 0.08)
    return fit(grown, 1.2, 2.2, 300, world_box())


def country_window(code: str) -> Box | None:
    """The country's mainland and its surroundings (about its size again on each side)."""
    box = _main_box(code)
    if box is None:
        return None
    side = max(box.width, box.height, 40)
    return fit(box.grown(side * 0.9, side * 0.9), 1.5, 2.0, 100, world_box())


def _countries(planner: PlannerBase, page_url: str, current: str = "") -> tuple[MapCountry, ...]:
    return tuple(
        MapCountry(
            country.code,
            country.name,
            len(planner.catalogue.by_country[country.code]),
            relative(country.url, page_url),
            country.code == current,
        )
        for country in planner.catalogue.countries()
    )


def _small_svg(code: str, name: str, countries: tuple[MapCountry, ...]) -> Markup | None:
    window = country_window(code)
    if window is None:
        return None
    shown = [c for c in countries if (box := _main_box(c.code)) is not None and box.meets(window)]
    others = [c for c in shown if c.code != code]
    around = (
        " Autour : " + ", ".join(f"{c.name} ({c.count})" for c in others) + "." if others else ""
    )
    this = next(c for c in countries if c.code == code)
    return draw_map(
        window,
        shown,
        SMALL_STYLE,
        ident="carte-pays",
        title=f"Carte : {name} et ses voisins",
        description=f"{this.label}.{around}",
    )


def country_map(planner: PlannerBase, code: str) -> str:
    """The HTML of a country page's small map ('' when the country has no shape): its
    country and neighbours, each with sheets linked to its page, and a link to ``carte/``."""
    try:
        country_shapes()
    except MapShapesMissing:
        return ""
    country = planner.catalogue.country(code)
    svg = _small_svg(code, country.name, _countries(planner, country.url, code))
    if svg is None:
        return ""
    return planner.render("map.html", country.url, small=True, svg=svg, country=country)


class MapPages(PlannerBase):
    def map_page(self) -> None:
        """``carte/``: the number of sheets per country on a map, and in a table."""
        countries = list(_countries(self, urls.MAP))
        try:
            window = world_window([c.code for c in countries])
        except MapShapesMissing:
            window = None
        svg: Markup | str = ""
        if window is not None:
            total = sum(c.count for c in countries)
            svg = draw_map(
                window,
                countries,
                WORLD_STYLE,
                ident="carte",
                title="Carte des fiches projet par pays",
                description=f"{len(countries)} pays, {total} fiches projet. "
                + " ; ".join(c.label for c in countries)
                + ".",
            )
        used = sorted({level(c.count) for c in countries})
        legend = [(n, level_label(n)) for n in range(1, max(used, default=0) + 1)]
        ranked = sorted(countries, key=lambda c: (-c.count, c.name))
        html = self.render(
            "map.html",
            urls.MAP,
            small=False,
            svg=svg,
            countries=ranked,
            legend=legend,
            levels=len(LEVELS),
        )
        self.add(
            f"{urls.MAP}index.md",
            urls.MAP,
            "Carte des fiches par pays",
            "Le nombre de fiches projet par pays, sur une carte et dans un tableau",
            html,
            "map",
        )
