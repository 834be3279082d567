"""Lists as GitHub's preview shows them: CommonMark's list rules, for Python-Markdown.

Python-Markdown follows the original Markdown.pl for lists, and editors who check their
text in the preview of GitHub or GitLab see something else:

- a list right after a sentence (no blank line) stays part of the paragraph;
- a list nested by two spaces (what GitHub's editor does) is flattened: it needs four;
- a second paragraph indented by two spaces falls out of the item;
- ``3.`` starts at 1, ``1)`` is not a list, ``-`` and ``*`` lists run together.

:class:`ListProcessor` replaces Python-Markdown's list processors with CommonMark's rules
(https://spec.commonmark.org/0.31.2/#lists, which GitHub Flavored Markdown keeps): an
item's content is whatever is indented to the column of its text (``- `` two, ``1. ``
three), with lazy continuation lines; a bullet list, or an ordered list starting at 1, may
interrupt a paragraph; a list is loose (its items' paragraphs in ``<p>``) when a blank line
separates two items or two blocks of one item; another bullet character or delimiter
starts another list; ``<ol start>`` keeps the first number. The content of an item is
parsed by Python-Markdown's own block parser, so everything else (headings, quotes, code,
tables, admonitions…) inside items works as before.

Tabs are already expanded (Python-Markdown's first preprocessor does it), so columns are
counted in spaces.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from markdown.blockprocessors import BlockProcessor
from markdown.util import HTML_PLACEHOLDER_RE, nearing_recursion_limit

_MARKER = re.compile(r"( {0,3})([-+*]|[0-9]{1,9}[.)])(?:( +)(.*))?")
_MARKER_STARTS = frozenset("-+*0123456789")
_THEMATIC_BREAK = re.compile(r" {0,3}(?:(?:-[ ]*){3,}|(?:\*[ ]*){3,}|(?:_[ ]*){3,})")
_ATX_HEADING = re.compile(r" {0,3}#{1,6}(?: |$)")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_QUOTE = re.compile(r" {0,3}>")
_PLACEHOLDER = re.compile(rf" {{0,3}}{HTML_PLACEHOLDER_RE.pattern}")
"""A block of raw HTML or a fenced code block, already taken out of the text."""


@dataclass(frozen=True)
class Marker:
    """The start of a list item: ``- text``, ``3. text``, ``1) text``."""

    kind: str
    """The bullet character, or the delimiter of an ordered item (``.`` or ``)``)."""
    number: int | None
    """The number of an ordered item."""
    content_column: int
    """Where the item's text starts; its other lines must be indented that far."""
    first_line: str
    """The item's text on the marker's line ("" for an item that starts blank)."""

    @property
    def ordered(self) -> bool:
        return self.number is not None


def marker(line: str) -> Marker | None:
    """The list item that ``line`` starts (up to three spaces before its marker), or None."""
    if line.lstrip(" ")[:1] not in _MARKER_STARTS:
        return None  # most lines: no regular expression
    found = _MARKER.fullmatch(line)
    if found is None or _THEMATIC_BREAK.fullmatch(line):
        return None
    indent, token, spaces, rest = found.group(1), found.group(2), found.group(3), found.group(4)
    before_text = len(indent) + len(token)
    if not rest:  # "-" alone, or "- " and nothing: an item that starts blank
        column, first = before_text + 1, ""
    elif len(spaces) > 4:  # "-      code": one space, then an indented code block
        column, first = before_text + 1, " " * (len(spaces) - 1) + rest
    else:
        column, first = before_text + len(spaces), rest
    number = int(token[:-1]) if token[-1] in ".)" else None
    return Marker(token[-1], number, column, first)


def may_interrupt_paragraph(line: str) -> bool:
    """A list may start right after a sentence: a bullet, or ``1.``, with some text."""
    found = marker(line)
    return found is not None and bool(found.first_line.strip()) and found.number in (None, 1)


def starts_block(line: str) -> bool:
    """Whether ``line`` ends a paragraph that an item holds (it is not a lazy continuation)."""
    return bool(
        marker(line)
        or _THEMATIC_BREAK.fullmatch(line)
        or _ATX_HEADING.match(line)
        or _FENCE.match(line)
        or _QUOTE.match(line)
        or _PLACEHOLDER.match(line)
    )


def continues_paragraph(line: str) -> bool:
    """Whether ``line``, right after a line of a paragraph, is more of that paragraph."""
    if not starts_block(line):
        return True
    return marker(line) is not None and not may_interrupt_paragraph(line)


SETEXT_UNDERLINE = re.compile(r" {0,3}(?:=+|-+) *")


def lazy_line(line: str) -> str:
    """A lazy continuation line (less indented than its item or quote, yet part of its
    paragraph), made to stay text wherever the paragraph's container is parsed again:
    unindented, and with the character that would start a block or underline a title
    escaped (``1. a`` → ``1\\. a``, ``===`` → ``\\===``: the same text once rendered)."""
    text = line.lstrip(" ")
    if not (starts_block(text) or SETEXT_UNDERLINE.fullmatch(text)):
        return text
    numbered = re.match(r"[0-9]+(?=[.)])", text)
    if numbered:
        return f"{numbered.group()}\\{text[numbered.end() :]}"
    return f"\\{text}"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _blank(line: str) -> bool:
    return not line.strip()


class _Lines:
    """The lines of the current block and, when a list reads on, of the blocks after it."""

    def __init__(self, block: str, blocks: list[str]) -> None:
        self.lines = block.split("\n")
        self.blocks = blocks

    def get(self, index: int) -> str | None:
        while index >= len(self.lines):
            if not self.blocks:
                return None
            # Python-Markdown split the text at blank lines ("\n\n"): put one back
            self.lines.append("")
            self.lines.extend(self.blocks.pop(0).split("\n"))
        return self.lines[index]

    def next_filled(self, index: int) -> int | None:
        """The first line at or after ``index`` that is not blank."""
        while (line := self.get(index)) is not None:
            if not _blank(line):
                return index
            index += 1
        return None

    def give_back(self, index: int) -> None:
        """Return the lines from ``index`` on (blank lines first skipped) to the parser."""
        start = self.next_filled(index)
        if start is not None:
            self.blocks[0:0] = "\n".join(self.lines[start:]).split("\n\n")


@dataclass
class _Item:
    lines: list[str]
    """The item's content, unindented to its own column."""


class _Fence:
    """Whether a line is inside a fenced code block, line after line."""

    def __init__(self) -> None:
        self.open = ""

    def feed(self, line: str) -> bool:
        """Take ``line``; True if it belongs to a fenced block (its fences included)."""
        found = _FENCE.match(line)
        if self.open:
            fence = found.group(1) if found else ""
            closes = fence[:1] == self.open[0] and len(fence) >= len(self.open)
            if found and closes and not line[found.end() :].strip():
                self.open = ""
            return True
        if found:
            self.open = found.group(1)
            return True
        return False


def _holds_paragraph(inner: str, in_paragraph: bool) -> bool:
    """Whether, after ``inner`` (a line of an item's content, not blank and not in a fenced
    block), the item's innermost block is a paragraph that a lazy line would continue."""
    if in_paragraph and continues_paragraph(inner):
        return True
    if _indent(inner) >= 4:
        return False  # indented code
    nested = marker(inner)
    if nested is not None:
        return bool(nested.first_line.strip()) and _holds_paragraph(nested.first_line, False)
    return bool(_QUOTE.match(inner)) or not starts_block(inner)


def _read_item(lines: _Lines, start: int, first: Marker) -> tuple[_Item, int]:
    """The item that starts at line ``start``; and the index of the line after it."""
    column = first.content_column
    content = [first.first_line]
    fence = _Fence()
    in_paragraph = False
    if first.first_line.strip() and not fence.feed(first.first_line):
        in_paragraph = _holds_paragraph(first.first_line, False)
    index = start + 1
    while (line := lines.get(index)) is not None:
        if _blank(line):
            following = lines.next_filled(index)
            if following is None or content == [""]:
                break  # an item starts with at most one blank line
            if _indent(lines.lines[following]) < column:
                break
            content.extend([""] * (following - index))
            index, in_paragraph = following, False
            continue
        if _indent(line) >= column:
            inner = line[column:]
            in_paragraph = not fence.feed(inner) and _holds_paragraph(inner, in_paragraph)
        elif fence.open or not in_paragraph or starts_block(line):
            break
        else:
            inner = lazy_line(line)
        content.append(inner)
        index += 1
    return _Item(content), index


def _is_loose(item: _Item) -> bool:
    """A blank line between two blocks that the item holds itself (not a nested list)."""
    lines = item.lines
    fence = _Fence()
    started = seen_blank = in_paragraph = False
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if fence.open:
            fence.feed(line)
            continue
        if _blank(line):
            seen_blank = started
            in_paragraph = False
            continue
        if seen_blank:
            return True
        started = True
        if fence.feed(line):
            in_paragraph = False
            continue
        found = marker(line)
        if found is not None and (not in_paragraph or may_interrupt_paragraph(line)):
            # a nested list: its own blank lines make it loose, not this item
            index += _list_length(_Lines("\n".join(lines[index - 1 :]), []), found) - 1
            in_paragraph = False
            continue
        in_paragraph = _holds_paragraph(line, in_paragraph)
    return False


def _list_length(lines: _Lines, first: Marker) -> int:
    """How many lines the list at line 0 of ``lines`` takes (not its trailing blanks)."""
    index = 0
    found: Marker | None = first
    while found is not None and found.kind == first.kind:
        _item, index = _read_item(lines, index, found)
        following = lines.next_filled(index)
        if following is None:
            break
        found = marker(lines.lines[following])
        if found is not None and found.kind == first.kind:
            index = following
    return index


class ListProcessor(BlockProcessor):
    """Bullet and ordered lists by CommonMark's rules (see the module's docstring)."""

    @staticmethod
    def _start(block: str) -> int | None:
        """The line of ``block`` where a list starts, or None.

        Right after a sentence, only a list that may interrupt a paragraph starts; after a
        title, a rule or a quote's line (and its lazy lines), any list: the quote ends
        there, its paragraph does not go on.
        """
        lines = block.split("\n")
        in_paragraph = in_quote = False
        for index, line in enumerate(lines):
            if _blank(line):
                in_paragraph = in_quote = False
                continue
            found = marker(line)
            if found is not None and (
                not in_paragraph or in_quote or may_interrupt_paragraph(line)
            ):
                return index
            if _QUOTE.match(line):
                in_quote = in_paragraph = True
                continue
            in_quote = in_quote and in_paragraph and continues_paragraph(line)  # lazy
            if not in_paragraph and _indent(line) >= 4:
                return None  # indented code (an item's continuation is read with its item)
            elif in_paragraph and SETEXT_UNDERLINE.fullmatch(line):
                in_paragraph = False  # the underline of a title
            else:
                in_paragraph = found is not None or not starts_block(line)
        return None

    def test(self, parent: etree.Element, block: str) -> bool:
        # (bodies are bounded in depth by check: read/body_shape.py; this is the last guard)
        return not nearing_recursion_limit() and self._start(block) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        block = blocks.pop(0)
        start = self._start(block)
        assert start is not None
        if start > 0:
            parts = block.split("\n", start)
            self.parser.parseBlocks(parent, ["\n".join(parts[:start])])
            block = parts[start]
        lines = _Lines(block, blocks)
        first = marker(lines.lines[0])
        assert first is not None
        items: list[_Item] = []
        loose = False
        index = 0
        found: Marker | None = first
        while found is not None and found.kind == first.kind:
            item, index = _read_item(lines, index, found)
            items.append(item)
            loose = loose or _is_loose(item)
            following = lines.next_filled(index)
            if following is None:
                break
            found = marker(lines.lines[following])
            if found is None or found.kind != first.kind:
                break
            loose = loose or following > index
            index = following
        lines.give_back(index)
        self._build(parent, first, items, loose)

    def _build(self, parent: etree.Element, first: Marker, items: list[_Item], loose: bool) -> None:
        tag = "ol" if first.ordered else "ul"
        element = etree.SubElement(parent, tag)
        if first.number is not None and first.number != 1:
            element.set("start", str(first.number))
        for item in items:
            li = etree.SubElement(element, "li")
            text = "\n".join(item.lines).strip("\n")
            if not text.strip():
                continue
            # not the state "list": Python-Markdown would put a tight item's paragraphs
            # in the tail of the block before them, where a code block's tail is lost
            self.parser.state.set("gfm-list-item")
            self.parser.parseChunk(li, text)
            self.parser.state.reset()
            if not loose:
                _unwrap_paragraphs(li)


def _unwrap_paragraphs(li: etree.Element) -> None:
    """A tight item's own paragraphs are its text, without ``<p>`` (as CommonMark has it)."""
    children = list(li)
    if not any(child.tag == "p" for child in children):
        return
    for child in children:
        li.remove(child)

    def add(text: str | None) -> None:
        if not text or not text.strip():
            return
        if len(li):
            last = li[-1]
            last.tail = f"{last.tail.rstrip()}\n{text}" if last.tail and last.tail.strip() else text
        else:
            li.text = f"{li.text.rstrip()}\n{text}" if li.text and li.text.strip() else text

    for child in children:
        if child.tag != "p" or (len(li) and li[-1].tag == "pre"):
            # (pymdownx.highlight replaces a code block by a placeholder, and its tail
            # with it: text after a code block stays a paragraph)
            li.append(child)
            continue
        add(child.text)
        for grandchild in list(child):
            li.append(grandchild)
        add(child.tail)
