"""A map of sheets per country drawn as a static SVG: a window on the world's shapes, the
countries with sheets coloured by how many, each a link to its page, with its number.

The SVG is meant for a page that a phone loads: shapes are clipped to the window, simplified
to what shows at the drawing's size, and written as integer relative moves. Countries
without sheets are one path in a group hidden from assistive technology; each country with
sheets is a link named « Sénégal : 3 fiches » (its ``<title>`` is the tooltip), and its
number is written on the map (colour is never the only way to read it; the page's table
says the same). The whole is a ``role="group"`` named by its ``<title>`` and described by
its ``<desc>``: ``role="img"`` would hide the links from a screen reader.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from ..french import plural
from .map_shapes import Box, Point, Ring, area, clip, country_shapes, inner_point, simplify

LEVELS: tuple[tuple[int, int | None], ...] = (
    (1, 1),
    (2, 4),
    (5, 9),
    (10, 19),
    (20, 49),
    (50, 99),
    (100, None),
)
"""Classes of the number of sheets (colours ``pk-map__level-1`` … ``-7`` in map.css)."""


def level(count: int) -> int:
    """The class (1…7) of a number of sheets."""
    for number, (low, high) in enumerate(LEVELS, start=1):
        if count >= low and (high is None or count <= high):
            return number
    return 1


def level_label(number: int) -> str:
    low, high = LEVELS[number - 1]
    if high is None:
        return f"{low} fiches et plus"
    if low == high:
        return plural(low, "fiche")
    return f"{low} à {high} fiches"


@dataclass(frozen=True)
class MapCountry:
    """A country with sheets, as the map shows it."""

    code: str
    name: str
    count: int
    href: str
    current: bool = False

    @property
    def label(self) -> str:
        return f"{self.name} : {plural(self.count, 'fiche')}"


@dataclass(frozen=True)
class MapStyle:
    """How finely a map is drawn: its width in SVG units, the simplification tolerance and
    the smallest ring kept (both in those units), the size of the numbers."""

    width: int
    tolerance: float
    smallest: float
    label_size: float
    phone_scale: float = 1.0
    """How much larger map.css writes the numbers on a phone (room is kept for them)."""


def _path(rings: list[list[tuple[int, int]]]) -> str:
    parts = []
    for ring in rings:
        x0, y0 = ring[0]
        moves = [f"M{x0} {y0}l"]
        numbers = []
        px, py = x0, y0
        for x, y in ring[1:]:
            numbers.append(f"{x - px} {y - py}")
            px, py = x, y
        moves.append(" ".join(numbers).replace(" -", "-"))
        parts.append("".join(moves) + "z")
    return "".join(parts)


def _project(
    ring: Ring | tuple[Point, ...], window: Box, clip_window: Box, scale: float, style: MapStyle
) -> list[tuple[int, int]] | None:
    clipped = clip(ring, clip_window)
    if len(clipped) < 3:
        return None
    # points closer than the tolerance to the last one kept go first (cheap), then
    # Douglas-Peucker on what is left: a third of the time of Douglas-Peucker alone
    placed: Ring = []
    near = style.tolerance * style.tolerance
    for x, y in clipped:
        point = ((x - window.left) * scale, (y - window.top) * scale)
        if placed and (point[0] - placed[-1][0]) ** 2 + (point[1] - placed[-1][1]) ** 2 < near:
            continue
        placed.append(point)
    placed = simplify(placed, style.tolerance)
    rounded: list[tuple[int, int]] = []
    for x, y in placed:
        point = (round(x), round(y))
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    if len(rounded) > 1 and rounded[0] == rounded[-1]:
        rounded.pop()
    if len(rounded) < 3 or area(rounded) < style.smallest:
        return None
    return rounded


def draw_map(
    window: Box,
    countries: list[MapCountry],
    style: MapStyle,
    *,
    ident: str,
    title: str,
    description: str,
) -> Markup:
    """The SVG of ``window`` (in the shapes' coordinates), ``countries`` linked and numbered.

    ``ident`` prefixes the ids of the title and description (two maps may share a page).
    """
    shapes = country_shapes()
    scale = style.width / window.width
    height = round(window.height * scale)
    clip_window = window.grown(window.width * 0.02, window.height * 0.02)
    linked = {c.code: c for c in countries}
    background: list[list[tuple[int, int]]] = []
    drawn: dict[str, list[list[tuple[int, int]]]] = {}
    for code in sorted(shapes):
        shape = shapes[code]
        if not shape.box.meets(clip_window):
            continue
        rings = [
            placed
            for ring, box in zip(shape.rings, shape.boxes, strict=True)
            if box.meets(clip_window)
            and (placed := _project(ring, window, clip_window, scale, style)) is not None
        ]
        if code in linked:
            drawn[code] = rings
        else:
            background.extend(rings)
    out = [
        f'<svg class="pk-map__svg" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {style.width} {height}" role="group" '
        f'aria-labelledby="{ident}-titre" aria-describedby="{ident}-desc">',
        f'<title id="{ident}-titre">{escape(title)}</title>',
        f'<desc id="{ident}-desc">{escape(description)}</desc>',
        '<rect class="pk-map__sea" width="100%" height="100%" aria-hidden="true"/>',
    ]
    if background:
        out.append(f'<path class="pk-map__land" aria-hidden="true" d="{_path(background)}"/>')
    labels: list[tuple[MapCountry, tuple[float, float]]] = []
    for country in sorted(countries, key=lambda c: c.code):
        if country.code not in drawn and country.code not in shapes:
            continue
        rings = drawn.get(country.code, [])
        shape = shapes[country.code]
        where = _label_point(rings, shape.marker, window, scale)
        if where is None or not (0 <= where[0] <= style.width and 0 <= where[1] <= height):
            continue
        current = ' aria-current="page"' if country.current else ""
        classes = f"pk-map__country pk-map__level-{level(country.count)}"
        if country.current:
            classes += " pk-map__country--current"
        out.append(
            f'<a class="{classes}" href="{escape(country.href)}" '
            f'aria-label="{escape(country.label)}"{current}>'
            f"<title>{escape(country.label)}</title>"
        )
        if rings:
            out.append(f'<path d="{_path(rings)}"/>')
        if not rings or max(area(r) for r in rings) < style.label_size**2:
            # too small to see or to touch: a dot where it is
            out.append(
                f'<circle cx="{where[0]:.0f}" cy="{where[1]:.0f}" '
                f'r="{style.label_size * 0.45:.0f}"/>'
            )
        out.append("</a>")
        labels.append((country, where))
    out.append(_labels(labels, style.label_size, style.phone_scale))
    out.append("</svg>")
    return Markup("".join(out))


def _label_point(
    rings: list[list[tuple[int, int]]], marker: Point | None, window: Box, scale: float
) -> tuple[float, float] | None:
    if rings:
        largest = max(rings, key=area)
        if area(largest) >= 4 or marker is None:
            return inner_point([(float(x), float(y)) for x, y in largest])
    if marker is not None:
        return ((marker[0] - window.left) * scale, (marker[1] - window.top) * scale)
    return None


def _labels(
    labels: list[tuple[MapCountry, tuple[float, float]]], size: float, phone_scale: float
) -> str:
    """The numbers, biggest first; one that would cover another already placed is left
    out (the country's link and the table still say it)."""
    placed: list[tuple[float, float, float, float]] = []
    texts = []
    for country, (x, y) in sorted(labels, key=lambda item: (-item[0].count, item[0].code)):
        text = str(country.count)
        half_width = size * phone_scale * (0.32 * len(text) + 0.25)
        half_height = size * phone_scale * 0.6
        box = (x - half_width, y - half_height, x + half_width, y + half_height)
        if any(
            not (box[0] > b[2] or box[2] < b[0] or box[1] > b[3] or box[3] < b[1]) for b in placed
        ):
            continue
        placed.append(box)
        texts.append(f'<text x="{x:.0f}" y="{y:.0f}">{text}</text>')
    if not texts:
        return ""
    return (
        f'<g class="pk-map__numbers" aria-hidden="true" pointer-events="none" '
        f'font-size="{size:.0f}">' + "".join(texts) + "</g>"
    )
