"""Font subsetting for WeasyPrint by HarfBuzz from a wheel (uharfbuzz), not from the system.

WeasyPrint 70 embeds a subset of every font it uses. It subsets with the system library
``libharfbuzz-subset`` when it finds it, and otherwise falls back to fontTools with a warning
for every font of every PDF. The fallback is slow: fontTools takes about 85 ms to subset
DejaVu Sans, ``uharfbuzz`` 0.6 ms (measured here, 147 glyphs); a sheet's PDF uses three to
four fonts, so at 5,000 sheets the fallback adds about half an hour of CPU to a cold build.
And which library a machine has changed the bytes of the PDFs.

:func:`use_wheel_harfbuzz` makes WeasyPrint subset with ``uharfbuzz``, which ships its own
HarfBuzz: the same subsetting (same steps and flags as WeasyPrint's own HarfBuzz path), the
same bytes on every machine, no system package to install. It works on the font file's
bytes only, so no object of the system HarfBuzz (that Pango uses) crosses into the wheel's.
It replaces ``Font.subset`` of WeasyPrint 70, checked by version and shape; with any other
WeasyPrint, or without ``uharfbuzz``, WeasyPrint keeps its own path and the build says what
that costs (:mod:`generator.reports.environment`).
"""

from __future__ import annotations

import inspect
import logging
import os
from typing import Any

log = logging.getLogger("weasyprint")

# Tables WeasyPrint 70 drops when it subsets (weasyprint/pdf/fonts.py, _harfbuzz_subset)
DROPPED_TABLES = (
    b"BASE",
    b"DSIG",
    b"EBDT",
    b"EBLC",
    b"EBSC",
    b"GPOS",
    b"GSUB",
    b"JSTF",
    b"LTSH",
    b"PCLT",
    b"SVG ",
)
SUPPORTED_WEASYPRINT = "70."

_installed: str | None = None


def _tag(name: bytes) -> int:
    return int.from_bytes(name, "big")


def subset_font(
    data: bytes, index: int, glyphs: list[int], hinting: bool, notdef_outline: bool
) -> bytes | None:
    """The font of ``data`` (face ``index``) cut down to ``glyphs``; None if HarfBuzz fails.

    Two passes, as WeasyPrint's own: the first keeps the used glyphs at their ids and drops
    the layout tables; the second keeps every id up to the last used one (so the ids the
    PDF's text refers to stay valid) and drops the empty tail.
    """
    import uharfbuzz as hb

    flags = hb.SubsetFlags
    face = hb.Face(data, index)
    request = hb.SubsetInput()
    request.glyph_set.update(glyphs)
    notdef = flags.NOTDEF_OUTLINE if notdef_outline else flags.DEFAULT
    request.flags = (
        flags.RETAIN_GIDS | flags.PASSTHROUGH_UNRECOGNIZED | flags.DESUBROUTINIZE | notdef
    )
    dropped = request.sets(hb.SubsetInputSets.DROP_TABLE_TAG)
    for name in DROPPED_TABLES:
        dropped.add(_tag(name))
    first = hb.subset(face, request)
    if first is None:
        return None
    request.glyph_set.add_range(0, max(glyphs))
    request.flags = (
        flags.PASSTHROUGH_UNRECOGNIZED
        | flags.DESUBROUTINIZE
        | notdef
        | (flags.DEFAULT if hinting else flags.NO_HINTING)
    )
    second = hb.subset(first, request)
    if second is None:
        return None
    result = bytes(second.blob.data)
    return result or None


def _subset_method(font: Any, to_unicode: dict[int, Any], hinting: bool) -> None:
    """Stands for WeasyPrint 70's ``Font.subset``."""
    if not to_unicode:
        return
    data = subset_font(
        font.file_content, font.index, sorted(to_unicode), hinting, bool(font.missing)
    )
    if data is None:
        log.warning('Unable to subset "%s" with HarfBuzz', font.family)
        return
    font.file_content = data


def _parameters(function: Any) -> list[str]:
    try:
        return list(inspect.signature(function).parameters)
    except (TypeError, ValueError):
        return []


def use_wheel_harfbuzz() -> str:
    """Route WeasyPrint's font subsetting through ``uharfbuzz``, once per process.

    Returns the subsetting backend in use, as part of the PDF cache key:
    ``uharfbuzz <version>``, or, when the wheel cannot be used, ``system HarfBuzz-Subset``
    or ``fontTools <version>`` (WeasyPrint's own choice).

    ``PK_FONT_SUBSET=weasyprint`` leaves WeasyPrint's own choice; ``PK_FONT_SUBSET=fonttools``
    forces its fontTools fallback, as on a machine without any HarfBuzz-Subset (tests).
    """
    global _installed
    if _installed is not None:
        return _installed
    from .environment import import_weasyprint

    weasyprint = import_weasyprint()
    from weasyprint.pdf import fonts

    choice = os.environ.get("PK_FONT_SUBSET", "auto")
    if choice == "fonttools":
        fonts.harfbuzz_subset = None  # WeasyPrint's fallback, as on a machine without the library
    try:
        import uharfbuzz
    except ImportError:
        uharfbuzz = None
    if (
        choice == "auto"
        and uharfbuzz is not None
        and weasyprint.__version__.startswith(SUPPORTED_WEASYPRINT)
        and _parameters(fonts.Font.subset) == ["self", "to_unicode", "hinting"]
    ):
        fonts.Font.subset = _subset_method
        _installed = f"uharfbuzz {uharfbuzz.__version__}"
    elif fonts.harfbuzz_subset:
        _installed = "system HarfBuzz-Subset"
    else:
        import fontTools

        _installed = f"fontTools {fontTools.version}"
    return _installed
