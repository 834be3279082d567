"""Keeping a body's ids apart from the ids of the page around it.

A document's page puts generated sections around its body (« Repères », « Bonnes
pratiques », « Ressources bibliographiques »…), each with an id that its table of contents
and its ``aria-labelledby`` point at. A body heading ``## Bonnes pratiques`` gets the same
id from Python-Markdown's ``toc`` extension, and an editor can set any id with
``{#titre}`` or raw HTML. Two elements with one id make the contents and the landmarks
point at the wrong one, so every id of a body that a generated part of the page uses, that
belongs to the theme (Material's ids start with ``__``, ours with ``pk-``), or that the
body already used, gets a suffix (``bonnes-pratiques_1``), the way ``toc`` makes its own
ids unique (a theme id gets an ``id-`` prefix first: ``id-__drawer_1``).
"""

from __future__ import annotations

import re
from typing import Any

GENERATED_IDS = frozenset(
    {
        # theme/fragments/project.html and writeup.html
        "titre",
        "reperes",
        "cite-par",
        "projets-proches",
        "exemples-inspirants",
        "bonnes-pratiques",
        "difficultes",
        "bibliographie",
        "licence",
        # theme/fragments/home.html (the home introduction is a body too)
        "derniers-comptes-rendus",
        "exemples",
        "parcourir",
        "par-pays",
        "par-theme",
        "par-programme",
        "rapports",
        "contribuer",
    }
)
"""Ids that the page templates around a body use (``tests/test_heading_ids.py`` checks
that every literal id of ``theme/fragments/`` is here)."""

THEME_PREFIXES = ("__", "pk-")

_ID_ATTR = re.compile(r'(<(h[1-6]|[a-z][a-z0-9]*)\b[^>]*?\sid=")([^"]*)(")')


def _taken(value: str) -> bool:
    return value in GENERATED_IDS or value.startswith(THEME_PREFIXES)


def separate_ids(html: str, toc_tokens: list[dict[str, Any]]) -> str:
    """Return ``html`` with its ids made unique and free of the page's; fix ``toc_tokens``.

    ``toc_tokens`` (Python-Markdown's nested headings) are changed in place: the n-th token
    with an id follows the n-th heading element with that id.
    """
    present = {match.group(3) for match in _ID_ATTR.finditer(html)}
    used: set[str] = set()
    renamed_headings: dict[str, list[str]] = {}

    def rename(match: re.Match[str]) -> str:
        tag, value = match.group(2), match.group(3)
        new = value
        if _taken(value) or value in used:
            # "_" would become "__1", a theme id: such a value gets the "id-" prefix too
            base = f"id-{value}" if f"{value}_1".startswith(THEME_PREFIXES) else value
            number = 1
            while _taken(new := f"{base}_{number}") or new in used or new in present:
                number += 1
        used.add(new)
        if tag.startswith("h") and len(tag) == 2:
            renamed_headings.setdefault(value, []).append(new)
        return f"{match.group(1)}{new}{match.group(4)}"

    result = _ID_ATTR.sub(rename, html)

    def follow(tokens: list[dict[str, Any]]) -> None:
        for token in tokens:
            queue = renamed_headings.get(token.get("id", ""))
            if queue:
                token["id"] = queue.pop(0)
            follow(token.get("children", []))

    follow(toc_tokens)
    return result
