"""The copies of the pages that Pagefind reads: French elisions split, ignored parts out.

The published HTML is left as it is; Pagefind reads a scratch copy of the indexed pages in
which every elided article or pronoun is followed by a space (« l’ insertion ») outside
filter values, and « œ » is spelt « oe », as ``search.js`` does with the query.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape
from pathlib import Path

from ..french import LIGATURES
from .shared import SearchDocument, SearchIndexError

ELISION = re.compile(
    r"(?<![\w’'])((?:jusqu|lorsqu|puisqu|quoiqu|presqu|qu|[cdjlmnst])[’'])(?=\w)",
    re.IGNORECASE,
)
"""An elided word (« l’ », « d' », « qu’ », « jusqu’ »…) glued to the next word."""

_TEXT_RUN = re.compile(r"(<[^>]*>)([^<]*['’œŒæÆ][^<]*)")
"""A tag and the text after it, when that text holds an apostrophe or a ligature."""

_IGNORED = re.compile(
    r"<(section|div|p)\b[^>]*\bdata-pagefind-ignore\b[^>]*>(?:(?!<\1\b).)*?</\1>", re.S
)
"""An element Pagefind is told to skip (related cards, licence notice…), not nesting its kind."""


def split_elisions(html: str) -> str:
    """Put a space after each elision in the text of ``html`` (not in tags, not in filters),
    and spell ligatures out (« cœur » -> « coeur »).

    >>> split_elisions('<p>l’insertion, d’Ivoire</p><b data-pagefind-filter="pays">d’Ivoire</b>')
    '<p>l’ insertion, d’ Ivoire</p><b data-pagefind-filter="pays">d’Ivoire</b>'
    """

    def text_run(match: re.Match[str]) -> str:
        tag, text = match.group(1), match.group(2)
        if "data-pagefind-filter" in tag or tag.startswith(("<script", "<style")):
            return match.group(0)
        return tag + ELISION.sub(r"\1 ", text).translate(LIGATURES)

    return _TEXT_RUN.sub(text_run, html)


def _without_ignored(html: str) -> str:
    """``html`` without the ignored elements that hold no filter or metadata.

    Pagefind would parse them only to skip them: at thousands of pages, about a tenth of
    its time.
    """

    def drop(match: re.Match[str]) -> str:
        text = match.group(0)
        return text if "data-pagefind-filter" in text or "data-pagefind-meta" in text else ""

    return _IGNORED.sub(drop, html)


def write_documents(documents: Iterable[SearchDocument], folder: Path) -> int:
    """Write each document as ``<url>index.html`` under ``folder``, elisions split."""
    count = 0
    for document in documents:
        parts = [part for part in document.url.split("/") if part]
        if any(part in {".", ".."} for part in parts):
            raise SearchIndexError(f"unexpected page address: {document.url!r}")
        target = folder.joinpath(*parts, "index.html")
        target.parent.mkdir(parents=True, exist_ok=True)
        html = split_elisions(_without_ignored(document.html))
        if "<html" not in html[:200].lower():
            shown = "".join(
                f'<span hidden data-pagefind-meta="{key}[data-value]" '
                f'data-value="{escape(value)}"></span>'
                for key, value in (("titre", document.title), ("resume", document.summary))
                if value
            )
            html = (
                '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">'
                f"<title>{escape(document.title)}</title></head>"
                f"<body>{shown}{html}</body></html>"
            )
        target.write_text(html, "utf-8")
        count += 1
    return count


# --- same input, same bundle ---
