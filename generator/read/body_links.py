"""The links and images of a body, found in its Markdown text with their line and column.

``check`` does not render bodies (that takes seconds at thousands of documents); it reads
their links and images from the text, so that what the build would refuse (a missing file,
a remote image, a file of a type that is not published) is reported by ``check`` already,
at its own line. The build's renderer applies the same policy (:mod:`.publishable`) to the
rendered HTML and stays the final gate.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..messages import Said, say
from .publishable import file_problem, is_remote, not_a_file, refusal

# ![alt](url "title") and [text](url "title"); <url> form too
# the address stops at a bracket or parenthesis and is never backtracked into (``*+``):
# "[a](" repeated 50,000 times took 236 s with a plain ``*``, now milliseconds. An address
# holding parentheses is left to the build's renderer, which applies the same policy.
# the text may run over lines (not over a blank line): "[la\nfiche](x.md)" is one link
_INLINE = re.compile(
    r"(!?)\[(?:[^\[\]\n]|\n(?![ \t]*\n)|\[[^\[\]]*\])*\]"
    r"\(\s*<?([^()\[\]\s<>]*+)>?(?:\s+[\"'(][^()]*+)?\)"
)
_REFERENCE_USE = re.compile(r"(!?)\[(?:[^\[\]]|\[[^\[\]]*\])*\]\[([^\]]*)\]")
_REFERENCE_DEF = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s.*)?$")
# only <img src> and <a href> survive the sanitiser (generator/render/sanitise.py): other
# tags (iframe, object…) are removed from the page, so they load nothing
# [^<>]: a tag never holds "<", so a run of unclosed "<a " costs one pass, not its square
# a value quoted either way or not at all (``<img src=x>``: browsers and the sanitiser read it)
_HTML_ATTR = re.compile(
    r"<\s*(img|a)\b[^<>]*?\b(src|href)\s*=\s*(?:\"([^\"]*)|'([^']*)|([^\s\"'=<>`]+))", re.I
)
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
# an inline code span (`![x](y)` shown as text): its backquotes run, the text, the same run
_CODE_SPAN = re.compile(r"(?<!`)(`++)(?!`)(.+?)(?<!`)\1(?!`)")


def _blank_code_spans(line: str) -> str:
    """``line`` with its inline code spans blanked (same length, so columns still hold)."""
    if "`" not in line:
        return line
    return _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


@dataclass(frozen=True)
class BodyLink:
    line: int
    column: int
    url: str
    embedded: bool
    """An image or other resource the page loads (not a link the reader follows)."""


def body_links(body: str, first_line: int) -> Iterator[BodyLink]:
    """Every link and image of ``body`` (whose first line is ``first_line``), in order.

    Code blocks (fenced or indented by four spaces) and inline code spans are skipped, as
    Markdown shows them as text.
    """
    lines = [_blank_code_spans(line) for line in body.split("\n")]
    # every definition of a name, not only the last: Markdown takes the last one, unless
    # an HTML block left open (``<details>`` without its end) swallows the text after the
    # first, which the build then takes; checking them all, ``check`` refuses whatever
    # the build might use
    definitions: dict[str, list[tuple[int, int, str]]] = {}
    in_fence = ""
    code_lines: set[int] = set()
    for index, text in enumerate(lines):
        fence = _FENCE.match(text)
        if fence:
            marker = fence.group(1)
            if not in_fence:
                in_fence = marker
            elif marker == in_fence:
                in_fence = ""
            code_lines.add(index)
            continue
        if in_fence or text.startswith(("    ", "\t")):
            code_lines.add(index)
            continue
        match = _REFERENCE_DEF.match(text)
        if match:
            name = match.group(1).strip().lower()
            definitions.setdefault(name, []).append((index, match.start(2), match.group(2)))
    # inline links over the whole text (code lines blanked), placed by their offset
    scan = "\n".join("" if i in code_lines else line for i, line in enumerate(lines))
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    for match in _INLINE.finditer(scan) if "](" in scan else ():
        index = bisect_right(starts, match.start(2)) - 1
        column = match.start(2) - starts[index] + 1
        yield BodyLink(first_line + index, column, match.group(2), match.group(1) == "!")
    for index, text in enumerate(lines):
        if index in code_lines or ("][" not in text and "<" not in text):
            continue
        for match in _REFERENCE_USE.finditer(text):
            if match.group(1) == "!":
                for def_index, column, url in definitions.get(match.group(2).strip().lower(), ()):
                    yield BodyLink(first_line + def_index, column + 1, url, True)
        for match in _HTML_ATTR.finditer(text):
            tag, attr = match.group(1).lower(), match.group(2).lower()
            value = next(group for group in (3, 4, 5) if match.group(group) is not None)
            yield BodyLink(
                first_line + index,
                match.start(value) + 1,
                match.group(value),
                not (tag == "a" and attr == "href"),
            )
    for found in definitions.values():
        for def_index, column, url in found:
            yield BodyLink(first_line + def_index, column + 1, url, False)


def link_problem(
    link: BodyLink, document: Path, root: str, publish_from: list[Path], pages: set[str]
) -> Said | None:
    """What the build would say of a link it refuses, or None.

    ``root``: the repository, resolved; ``pages``: the Markdown files that become pages
    (absolute paths as listed). Paths are joined as strings (links inside the repository
    were checked by :mod:`.content_tree`): a thousand links cost milliseconds, not the
    tenth of a second ``Path.resolve`` takes.
    """
    url = link.url.strip()
    if link.embedded and is_remote(url):
        host = urlsplit(url).netloc or url
        return say("image-distante", hint="indice-copier-image", url=url, host=host)
    if link.embedded and not_a_file(url):
        return say("image-pas-un-fichier", hint="indice-exemple-image", url=url)
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path or url.startswith(("#", "/")):
        return None
    target = os.path.normpath(os.path.join(str(document.parent), unquote(parts.path)))
    if target != root and not target.startswith(root + os.sep):
        return say("lien-hors-depot", hint="indice-copier-dans-depot", url=url)
    if target.endswith(".md"):
        if link.embedded:  # found by the property test: the PDF then fetched the page itself
            return say("page-en-image", hint="indice-lier-page", url=url)
        if target in pages or os.path.isfile(target):
            return None
        return say("page-introuvable", hint="indice-verifier-chemin", url=url)
    if not os.path.isfile(target):
        return say("lien-fichier-introuvable", hint="indice-verifier-chemin", url=url)
    problem = file_problem(Path(target).resolve(), publish_from)
    if problem:
        return refusal(url, problem)
    return None
