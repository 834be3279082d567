"""What the machine lacks for the PDFs: a warning about the environment, never a content error.

WeasyPrint logs warnings of two kinds. Some come from a document (an image it cannot read,
a link it may not fetch): they fail that document's PDF. Others come from the machine (no
HarfBuzz subsetter, no font for some characters): the PDF is still right, only slower or
less complete, and the editor can do nothing about it. :func:`classify` tells them apart;
the build finishes and says once, per kind, what is missing, what it changes and how to
install it (:func:`describe`).
"""

from __future__ import annotations

import re
import warnings
from types import ModuleType


class MissingLibrary(Exception):
    """A library the PDFs cannot do without is missing from the machine (not content)."""


# message of a WeasyPrint warning -> kind of environment note
_KINDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"Using fontTools instead of HarfBuzz-Subset"), "font-subset"),
    (re.compile(r"Unable to subset .* with (HarfBuzz|fontTools)"), "font-subset-failed"),
    (re.compile(r"harfbuzz-vector|COLR emoji fonts"), "colour-fonts"),
    (re.compile(r"\.notdef glyph rendered|Too many glyphs missing"), "missing-glyphs"),
)

_NOTES = {
    "font-subset": (
        "no HarfBuzz subsetter on this machine (neither the Python package uharfbuzz nor "
        "the system library libharfbuzz-subset): WeasyPrint subsets fonts with fontTools "
        "instead. The PDFs are complete and correct, but each takes about 0.3 s longer to "
        "make. To fix: `.venv/bin/pip install uharfbuzz` (installed by `make site` where "
        "a wheel exists), or on Debian/Ubuntu `sudo apt install libharfbuzz-subset0`."
    ),
    "font-subset-failed": (
        "a font could not be subset: the whole font is embedded, so the PDFs are larger "
        "than needed. Check the fonts installed (`fc-list`) or reinstall them."
    ),
    "colour-fonts": (
        "colour (emoji) fonts need HarfBuzz 13 with harfbuzz-vector, which this machine "
        "lacks: colour glyphs are drawn in black. To fix: install a newer HarfBuzz."
    ),
    "cache-damaged": (
        "some entries of the PDF cache (.cache/pdf) were damaged on disk (truncated or "
        "changed since they were written): those PDFs were made again. If this happens "
        "again, check the disk, or delete .cache/pdf."
    ),
    "missing-glyphs": (
        "some characters have no glyph in the fonts installed on this machine: they show "
        "as empty boxes in the PDFs. To fix: install fonts that cover them (on "
        "Debian/Ubuntu, for example `sudo apt install fonts-noto-core fonts-noto-cjk`)."
    ),
}


def classify(message: str) -> str | None:
    """The kind of environment note a WeasyPrint warning is, or None if a document caused it."""
    for pattern, kind in _KINDS:
        if pattern.search(message):
            return kind
    return None


def describe(kind: str, sources: list[str]) -> str:
    """One sentence for a kind of note; ``sources``: documents concerned, when it depends."""
    text = f"environment: {_NOTES[kind]}"
    if kind in ("missing-glyphs", "cache-damaged") and sources:
        shown = ", ".join(sources[:5]) + (
            f" and {len(sources) - 5} more" if len(sources) > 5 else ""
        )
        text += f" Documents concerned: {shown}."
    return text


def import_weasyprint() -> ModuleType:
    """WeasyPrint, imported without its own notice about a missing HarfBuzz-Subset.

    WeasyPrint raises a DeprecationWarning at import when ``libharfbuzz-subset`` is absent;
    the generator subsets with uharfbuzz then (:mod:`generator.reports.fontsubset`) or says
    what is missing once. Without Pango, WeasyPrint cannot load at all: that is a
    :class:`MissingLibrary`, with the package to install.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message="HarfBuzz-Subset will be required", category=DeprecationWarning
        )
        try:
            import weasyprint
        except OSError as error:
            raise MissingLibrary(
                "PDF reports need the Pango library, which this machine lacks "
                f"({error}). On Debian/Ubuntu: `sudo apt install libpango-1.0-0 "
                "libpangoft2-1.0-0`; on macOS: `brew install pango`. Or build without PDFs: "
                "`PROGRAMME_PDF=0 make site`."
            ) from error
    module: ModuleType = weasyprint
    return module
