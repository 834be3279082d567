"""What the Git host's preview shows otherwise than the site, found in a body's text.

Bodies render as GitHub's preview renders them (:mod:`generator.render.gfm`), save for a
few things that the site cannot or should not do; ``check`` warns at their line, so that an
editor who trusts the preview learns where the page will differ:

- Markdown inside a block of HTML (``<details>``, ``<div align="center">``) after a blank
  line: GitHub formats it, the site keeps the element's content as HTML;
- blocks of code that GitHub draws (``mermaid`` diagrams, ``geojson``/``topojson`` maps,
  ``stl`` objects): the site shows their code;
- mathematical formulas (``$$`` blocks, ``$…$`` holding a LaTeX command): the site shows
  the code;
- GitLab's ``[[_TOC_]]``: the site shows it as typed (it has a table of contents beside
  every page).

One pass over the lines, like :mod:`.body_shape`: fenced code is skipped (save its first
line, whose language is read).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..messages import Said, say

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})\s*([^\s`{]*)")
_HTML_BLOCK = re.compile(
    r" {0,3}<(address|article|aside|blockquote|center|details|dialog|div|dl|fieldset|"
    r"figure|footer|form|header|main|nav|ol|section|table|ul)(?=[\s>/]|$)",
    re.IGNORECASE,
)
_DRAWN = frozenset({"mermaid", "geojson", "topojson", "stl"})
_MATH_BLOCK = re.compile(r" {0,3}\$\$")
_MATH_INLINE = re.compile(r"(?<![\\$])\$(?=[^\s$])[^$\n]*\\[A-Za-z]+[^$\n]*(?<=[^\s\\])\$(?!\d)")
_GITLAB_TOC = re.compile(r" {0,3}(\[\[_TOC_\]\])\s*$")
_CODE_SPAN = re.compile(r"(?<!`)(`++)(?!`)(.+?)(?<!`)\1(?!`)")
_CLUES = ("<", "```", "~~~", "$", "[[_TOC_]]")


@dataclass(frozen=True)
class PreviewDifference:
    index: int
    """The line, counted from 0 at the body's first line."""
    said: Said = field(compare=False)


def differences(body: str) -> Iterator[PreviewDifference]:
    """Where the preview of GitHub or GitLab and the site differ, line by line."""
    if not any(clue in body for clue in _CLUES):
        return
    lines = body.split("\n")
    fence = ""
    html_tag = ""
    html_start = blank_seen = 0
    for index, line in enumerate(lines):
        found = _FENCE.match(line)
        if fence:
            if found and found.group(1)[0] == fence[0] and len(found.group(1)) >= len(fence):
                fence = ""
            continue
        if found:
            fence = found.group(1)
            language = found.group(2).lower()
            if language in _DRAWN:
                yield PreviewDifference(
                    index,
                    say(
                        "diagramme-non-affiche", hint="indice-diagramme-en-image", language=language
                    ),
                )
            continue
        if html_tag:
            if re.search(rf"</{html_tag}\s*>", line, re.IGNORECASE):
                html_tag = ""
            elif not line.strip():
                blank_seen = True
            elif blank_seen:
                yield PreviewDifference(
                    html_start,
                    say("markdown-dans-html", hint="indice-markdown-dans-html", tag=html_tag),
                )
                html_tag = ""
            continue
        opening = _HTML_BLOCK.match(line)
        if opening and not re.search(rf"</{opening.group(1)}\s*>", line, re.IGNORECASE):
            html_tag, html_start, blank_seen = opening.group(1).lower(), index, False
            continue
        if "$" in line and (
            _MATH_BLOCK.match(line) or _MATH_INLINE.search(_CODE_SPAN.sub("", line))
        ):
            yield PreviewDifference(index, say("formule-non-affichee", hint="indice-formule"))
        toc = _GITLAB_TOC.match(line)
        if toc:
            yield PreviewDifference(
                index, say("sommaire-gitlab", hint="indice-supprimer-ligne", marker=toc.group(1))
            )
