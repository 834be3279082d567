"""Bounds on the shape of a Markdown body, so that rendering it stays quick and safe.

Python-Markdown and WeasyPrint are recursive and, for a few constructs, quadratic. Measured
on this machine (one body, HTML only unless said):

- 300 nested list levels, 600 terms in one definition list: ``RecursionError``; 200 nested
  quotes or 1,000 nested HTML elements: the PDF fails with ``RecursionError``;
- 16,000 ``[`` left open in a paragraph: 29 s (4,000: 1.8 s), 1,000 in a 500 KB paragraph:
  53 s; 16,000 ``[a](`` with no ``)``: 46 s (4,000: 2.9 s); 100 unclosed HTML tags (``<a ``
  with no ``>``) in 500 KB: 4.4 s;
- 4,000 headings with the same title: 3.3 s (their ids are made unique one by one);
  16,000 footnotes: 11 s;
- 460 KB of ordinary prose (emphasis, links, lists, code): 1.2 s, linear; its PDF (320
  pages): 66 s.

:func:`problems` finds what goes beyond the bounds below with regular expressions and one
pass over the text (20 ms for 460 KB), so that ``check`` refuses the body at its line
instead of the build hanging or failing later. At the bounds, on 490 KB built to be slow
(each construct repeated up to its bound all through the text), a body renders in 0.3 to
5 s: 10 open ``[`` in every paragraph 1.1 s, 20 unclosed tags 1.1 s, 20 nested quotes,
lists or HTML elements 0.3 to 0.7 s, 300 headings of one title 1.7 s, definition lists of
50 entries (the whole text) 5.1 s; with 200 entries and 1,000 headings it took 7.8 and
5.4 s. ``docs/limits.md`` lists the bounds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..messages import Said, say

MAX_BODY_CHARS = 500_000
"""About 250 printed pages: the longest real write-up we know is under 60,000 characters."""
MAX_NESTING = 20
"""Quotes inside quotes, lists inside lists, indentation levels, HTML elements inside others."""
MAX_OPEN_BRACKETS = 10
"""``[`` open at once in one paragraph (each one open makes Python-Markdown read on)."""
MAX_OPEN_ADDRESSES = 10
"""``](`` whose address is not closed by ``)`` yet, at once in one paragraph (same reason)."""
MAX_UNCLOSED_TAGS = 20
"""``<tag`` with no ``>`` before the next ``<`` in a body."""
MAX_DEFINITIONS = 50
"""Definition lines (``: …``) in one definition list (a block with no blank line)."""
MAX_HEADINGS = 300
MAX_FOOTNOTES = 1000

_QUOTES = re.compile(rf"^ {{0,3}}(?:> *){{{MAX_NESTING + 1},}}", re.M)
_INDENT = re.compile(rf"^(?: {{4}}| {{0,3}}\t){{{MAX_NESTING + 1},}}(?=\S)", re.M)
_TOO_DEEP = (
    (_QUOTES, "citations-trop-imbriquees", "indice-aplatir-citation"),
    (_INDENT, "listes-trop-imbriquees", "indice-listes-moins-profondes"),
)
_HEADING = re.compile(r"^ {0,3}(?:#{1,6}(?:[ \t]|$)|=+[ \t]*$)", re.M)
_FOOTNOTE = re.compile(r"^ {0,3}\[\^[^\]\n]+\]:", re.M)
_DEFINITION = re.compile(r"^ {0,3}:[ \t]", re.M)
_BLANK = re.compile(r"\n[ \t]*\n")
_BRACKET = re.compile(r"\\.|[\[\]]|\n[ \t]*(?=\n)")
_ADDRESS = re.compile(r"\\.|\]\(|\)|\n[ \t]*(?=\n)")
_ANGLE = re.compile(r"[<>]")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?(/?)>")
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }
)
_OPTIONAL_END = frozenset({"li", "p", "dt", "dd", "tr", "td", "th", "option"})
_FENCE = re.compile(r"^ {0,3}(```|~~~)[^\n]*$", re.M)


@dataclass(frozen=True)
class ShapeProblem:
    offset: int
    """Where in the body (characters from its start)."""
    said: Said


def line_of(body: str, offset: int, first_line: int) -> int:
    return first_line + body.count("\n", 0, offset)


def problems(body: str) -> Iterator[ShapeProblem]:
    """What in ``body`` goes beyond the bounds above (at most one problem per bound)."""
    if len(body) > MAX_BODY_CHARS:
        yield ShapeProblem(
            0,
            say(
                "texte-trop-long",
                hint="indice-diviser-texte",
                size=len(body),
                limit=MAX_BODY_CHARS,
            ),
        )
        return
    text = _without_fences(body)
    for pattern, code, hint in _TOO_DEEP:
        found = pattern.search(text)
        if found:
            yield ShapeProblem(found.start(), say(code, hint=hint, limit=MAX_NESTING))
    yield from _count(text, _HEADING, MAX_HEADINGS, "trop-de-titres", "indice-diviser-pages")
    yield from _count(text, _FOOTNOTE, MAX_FOOTNOTES, "trop-de-notes", "indice-bibliographie")
    if "\n:" in text or text.startswith(":"):
        yield from _definitions(text)
    yield from _open_at_once(text)
    if "<" in text:
        yield from _tags(text)


def _without_fences(body: str) -> str:
    """``body`` with the lines of fenced code blocks blanked (kept as empty lines)."""
    if "```" not in body and "~~~" not in body:
        return body
    lines = body.split("\n")
    inside = ""
    for index, line in enumerate(lines):
        fence = _FENCE.match(line)
        if fence and (not inside or fence.group(1) == inside):
            inside = "" if inside else fence.group(1)
            lines[index] = ""
        elif inside:
            lines[index] = ""
    return "\n".join(lines)


def _count(
    text: str, pattern: re.Pattern[str], limit: int, code: str, hint: str
) -> Iterator[ShapeProblem]:
    for index, found in enumerate(pattern.finditer(text)):
        if index == limit:
            yield ShapeProblem(found.start(), say(code, hint=hint, limit=limit))
            return


def _definitions(text: str) -> Iterator[ShapeProblem]:
    start = 0
    for block in _BLANK.split(text):
        found = list(_DEFINITION.finditer(block))
        if len(found) > MAX_DEFINITIONS:
            yield ShapeProblem(
                start + found[MAX_DEFINITIONS].start(),
                say(
                    "trop-de-definitions", hint="indice-grouper-definitions", limit=MAX_DEFINITIONS
                ),
            )
            return
        start += len(block) + 2


_OPEN_AT_ONCE = (
    ("[", _BRACKET, "]", MAX_OPEN_BRACKETS, "crochets-ouverts", "indice-fermer-crochets"),
    ("](", _ADDRESS, ")", MAX_OPEN_ADDRESSES, "adresses-ouvertes", "indice-fermer-adresses"),
)


def _open_at_once(text: str) -> Iterator[ShapeProblem]:
    for opener, tokens, closer, limit, code, hint in _OPEN_AT_ONCE:
        if text.count(opener) > limit:
            at = _first_too_open(text, tokens, opener, closer, limit)
            if at is not None:
                yield ShapeProblem(at, say(code, hint=hint, limit=limit))


def _first_too_open(
    text: str, tokens: re.Pattern[str], opener: str, closer: str, limit: int
) -> int | None:
    """Where more than ``limit`` ``opener`` are open at once in a paragraph, or None."""
    depth = 0
    for found in tokens.finditer(text):
        token = found.group()
        if token == opener:
            depth += 1
            if depth > limit:
                return found.start()
        elif token == closer:
            depth = max(0, depth - 1)
        elif token.startswith("\n"):
            depth = 0  # a blank line ends the paragraph
    return None


def _tags(text: str) -> Iterator[ShapeProblem]:
    unclosed = 0
    waiting = -1
    """Where a '<' that starts a tag waits for its '>' (-1: none)."""
    last = 0
    for found in _ANGLE.finditer(text):
        if found.group() == ">":
            waiting = -1
            continue
        if waiting >= 0:
            unclosed, last = unclosed + 1, waiting
        following = text[found.end() : found.end() + 1]
        starts_tag = (following.isascii() and following.isalpha()) or following in ("/", "!", "?")
        waiting = found.start() if starts_tag else -1
    if waiting >= 0:
        unclosed, last = unclosed + 1, waiting
    if unclosed > MAX_UNCLOSED_TAGS:
        yield ShapeProblem(
            last,
            say(
                "balises-non-fermees",
                hint="indice-fermer-balises",
                count=unclosed,
                limit=MAX_UNCLOSED_TAGS,
            ),
        )
        return
    yield from _html_depth(text)


def _html_depth(text: str) -> Iterator[ShapeProblem]:
    stack: list[str] = []
    for found in _TAG.finditer(text):
        closing, name, self_closing = found.group(1), found.group(2).lower(), found.group(3)
        if closing:
            if name in stack:
                del stack[len(stack) - 1 - stack[::-1].index(name) :]
        elif not self_closing and name not in _VOID:
            # <li>a<li>b, <p>a<p>b: the second closes the first, as in a browser
            while stack and stack[-1] in _OPTIONAL_END and stack[-1] in (name, "p"):
                stack.pop()
            stack.append(name)
            if len(stack) > MAX_NESTING:
                yield ShapeProblem(
                    found.start(),
                    say("html-trop-imbrique", hint="indice-simplifier-html", limit=MAX_NESTING),
                )
                return
