"""Rewriting rendered HTML for print: French spacing, absolute links, unique anchors.

Rendered bodies are sanitised HTML (see :mod:`generator.render.markdown_body`), so a tag
never holds a raw ``<`` or ``>`` inside an attribute value: finding tags with a regular
expression is safe. French spacing is :mod:`generator.typography`'s, shared with the pages.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

from ..french import NBSP, NNBSP
from ..typography import french_spacing

__all__ = [
    "NBSP",
    "NNBSP",
    "absolutise",
    "fragments_to_page",
    "french_spacing",
    "prefix_anchors",
    "printed_lists",
    "shift_headings",
    "short_line",
]

_TAG = re.compile(r"(<[^>]*>)")
_URL_ATTR = re.compile(r'\b(src|href)="([^"]*)"')
_ID_ATTR = re.compile(r'(?<![\w-])id="([^"]*)"')


def _map_tags(markup: str, on_tag: Callable[[str], str]) -> str:
    """Apply ``on_tag`` to every tag of ``markup``; text is left as it is."""
    return _TAG.sub(lambda match: on_tag(match.group()), markup)


def absolutise(markup: str, page_url: str, base: str) -> str:
    """Make relative ``src``/``href`` absolute: resolved against ``base + page_url``.

    ``base`` is the site's public root (ends with ``/``). Fragment-only links stay as they
    are, so that in-document anchors keep working.
    """
    page = urljoin(base, page_url)

    def attr(match: re.Match[str]) -> str:
        name, value = match.group(1), html.unescape(match.group(2))
        if value.startswith("#") or urlsplit(value).scheme:
            return match.group(0)
        return f'{name}="{html.escape(urljoin(page, value), quote=True)}"'

    return _map_tags(markup, lambda tag: _URL_ATTR.sub(attr, tag))


def fragments_to_page(markup: str, page: str) -> str:
    """Send in-document links whose target is not in ``markup`` to ``page`` (absolute).

    A body may link to a section that the web page puts around it (``#reperes``); the PDF
    has no such anchor (WeasyPrint refuses a link to a missing one), so the link leads
    to that section of the page on the site instead.
    """
    ids = {match.group(1) for match in _ID_ATTR.finditer(markup)}

    def href(match: re.Match[str]) -> str:
        target = html.unescape(match.group(1))
        if target and target in ids:
            return match.group(0)
        address = page + (f"#{target}" if target else "")
        return f'href="{html.escape(address, quote=True)}"'

    return _map_tags(markup, lambda tag: re.sub(r'\bhref="#([^"]*)"', href, tag))


def prefix_anchors(markup: str, prefix: str) -> str:
    """Prefix every ``id`` and in-document ``href="#…"``, so bodies can share one file."""

    def tag(part: str) -> str:
        part = _ID_ATTR.sub(lambda m: f'id="{prefix}{m.group(1)}"', part)
        return re.sub(r'\bhref="#([^"]+)"', lambda m: f'href="#{prefix}{m.group(1)}"', part)

    return _map_tags(markup, tag)


_HEADING_TAG = re.compile(r"^<(/?)h([1-6])\b", re.IGNORECASE)


def shift_headings(markup: str, by: int) -> str:
    """Move every heading ``by`` levels down (at most ``h6``).

    In a programme report a document's title is an ``h3`` under its part's ``h2``: its body's
    ``## Contexte`` must be an ``h4``, or the tagged structure and the bookmarks (which
    follow heading levels) put « Contexte » beside the parts instead of inside the document.
    """

    def tag(part: str) -> str:
        match = _HEADING_TAG.match(part)
        if not match:
            return part
        level = min(6, int(match.group(2)) + by)
        return f"<{match.group(1)}h{level}" + part[match.end() :]

    return _map_tags(markup, tag)


def short_line(text: str, limit: int) -> str:
    """``text`` cut at a word before ``limit`` characters, with « … »: one printed line.

    Running headers and contents entries are set on one line; a long title would wrap (or
    push the page number off). The limit is in characters, measured for DejaVu at the sizes
    print.css gives them.
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:–-") + "…"


_TASK_BOX = re.compile(r"<input\b[^>]*>")
_TICKED = re.compile(r"\schecked\b")
_OL_START = re.compile(r'<ol\b([^>]*?)\sstart="(-?[0-9]{1,9})"')


def printed_lists(markup: str) -> str:
    """Lists as WeasyPrint should print them.

    - An ordered list's first number (``<ol start="3">``, from ``3.``): WeasyPrint ignores
      the attribute, and counts from the ``list-item`` counter set here.
    - A task list's checkboxes (``- [x] fait``) as the characters ☐ and ☑: WeasyPrint
      draws a form field on a line of its own and a PDF reader has no text for it; a
      character stays on the item's line and is read aloud and copied with it. The
      sanitiser lets no other ``input`` through (:mod:`generator.render.sanitise`).
    """

    def box(match: re.Match[str]) -> str:
        ticked = bool(_TICKED.search(match.group()))
        return f'<span class="pk-task">{"☑" if ticked else "☐"}</span>'

    def start(match: re.Match[str]) -> str:
        first = int(match.group(2))
        return f'{match.group(0)} style="counter-reset: list-item {first - 1}"'

    def tag(part: str) -> str:
        if part.startswith("<input"):
            return _TASK_BOX.sub(box, part)
        return _OL_START.sub(start, part) if part.startswith("<ol") else part

    return _map_tags(markup, tag)


def referenced_urls(markup: str) -> list[str]:
    """Every ``src`` and ``href`` value, unescaped, in document order."""
    return [html.unescape(m.group(2)) for m in _URL_ATTR.finditer(markup)]
