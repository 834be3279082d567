"""French spacing in rendered HTML: before « : ; ! ? », inside « », outside code.

Pages and PDFs share it (:func:`french_spacing`), so that a text from content reads the
same on the site and in a report. Only text is touched: tags and their attributes, and the
insides of ``code``, ``pre``, ``kbd``, ``samp``, ``script``, ``style``, ``title`` and of
elements marked :data:`KEEP_SPACING`, stay as they are.

A page of the example site holds a few dozen such marks in 19 KB of markup, so the marks
are found first and only the white space next to them is looked at: measured on the
example site's pages (whole pages, one run), 0.40 ms a page against 4.7 ms for the walk
over every text node that this replaces (kept in ``tests/test_typography.py`` as the
oracle the two are compared with).
"""

from __future__ import annotations

import bisect
import re

from .french import NNBSP

KEEP_SPACING = "data-keep-spacing"
"""An element carrying this attribute keeps its text as written."""
_RAW = ("script", "style", "pre", "code", "kbd", "samp", "title")
_MARK = re.compile("[:;?!«»]")
_SPACE = frozenset(" \u00a0\u202f\t\n")
_RAW_OPEN = re.compile(r"<\s*(" + "|".join(_RAW) + r")\b[^>]*>", re.I)
_TAG_NAME = re.compile(r"<\s*([a-zA-Z0-9]+)")


def french_spacing(markup: str) -> str:
    """French spacing in every text node of ``markup`` (see the module).

    The same as :func:`generator.french.spacing` applied to each text node: a space before
    ``:`` becomes a no-break space, before ``; ? !`` a narrow one; « » get a no-break space
    inside. The marks are found with one scan of a character class; only the white space
    next to them is looked at.
    """
    out: list[str] = []
    last = 0  # the end of what is written to ``out``
    spans: list[tuple[int, int]] | None = None
    starts: list[int] = []
    for found in _MARK.finditer(markup):
        at = found.start()
        if markup.rfind("<", 0, at) > markup.rfind(">", 0, at):
            continue  # inside a tag: an attribute's value
        if spans is None:
            spans = _protected(markup)
            starts = [start for start, _end in spans]
        index = bisect.bisect_right(starts, at) - 1
        if index >= 0 and at < spans[index][1]:
            continue
        mark = markup[at]
        if mark == "«":
            end = at + 1
            while end < len(markup) and markup[end] in _SPACE:
                end += 1
            out += (markup[last:at], "«" + NNBSP)
            last = end
            continue
        start = at
        while start > last and markup[start - 1] in _SPACE:
            start -= 1
        if mark == "»":
            glued = start == last and out and out[-1].endswith(NNBSP)  # « » : one space
            out += (markup[last:start], "»" if glued else NNBSP + "»")
        elif start < at:
            out += (markup[last:start], NNBSP + mark)
        else:
            continue  # no space before it: « 12:30 », « https:// »
        last = at + 1
    if not out:
        return markup
    out.append(markup[last:])
    return "".join(out)


def _protected(markup: str) -> list[tuple[int, int]]:
    """(start, end) of the raw elements and of those marked :data:`KEEP_SPACING`."""
    spans: list[tuple[int, int]] = []
    for found in _RAW_OPEN.finditer(markup):
        if found.group().rstrip().endswith("/>"):
            continue
        spans.append((found.start(), _closing(markup, found.group(1).lower(), found.end())))
    at = markup.find(KEEP_SPACING)
    while at >= 0:
        start = markup.rfind("<", 0, at)
        name = _TAG_NAME.match(markup, start)
        end = markup.find(">", at)
        if name is not None and not markup[start : end + 1].rstrip(" >").endswith("/"):
            spans.append((start, _closing(markup, name.group(1).lower(), end + 1)))
        at = markup.find(KEEP_SPACING, at + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:  # nested spans (code in pre) become one
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _closing(markup: str, name: str, after: int) -> int:
    """Where the element ``name`` opened before ``after`` ends (the end of the markup when
    it is never closed), counting the same elements opened inside it."""
    tags = re.compile(rf"<\s*(/?)\s*{name}\b[^>]*>", re.I)
    depth = 1
    for found in tags.finditer(markup, after):
        if found.group(1):
            depth -= 1
            if depth == 0:
                return found.end()
        elif not found.group().rstrip().endswith("/>"):
            depth += 1
    return len(markup)
