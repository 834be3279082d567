"""Blocks that Python-Markdown reads otherwise than CommonMark (and so GitHub's preview).

Each processor replaces or comes just before one of Python-Markdown's, for one rule:

- :class:`Heading`: ``#`` then a space (``#hashtag`` is text), up to three spaces before it;
- :class:`Setext`: an underlined title takes the whole paragraph above its line;
- :class:`QuoteEnd` and :class:`Quote`: a quote's lazy lines continue only its paragraph, and
  a quote after a blank line is a new quote;
- :class:`TableAfterSentence`: a table may follow a sentence without a blank line;
- :class:`IndentedCodeInItem`: an indented block in a list item is code;
- :class:`BlankLines`: lines of spaces are blank;
- :class:`Alerts`: GitHub's ``> [!NOTE]`` as the site's admonitions.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.blockprocessors import BlockProcessor, BlockQuoteProcessor, HashHeaderProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from .gfm_lists import SETEXT_UNDERLINE, continues_paragraph, lazy_line, starts_block


class Heading(HashHeaderProcessor):
    """Titles as CommonMark has them: ``#`` then a space (``#hashtag`` is text, the rule of
    ``pymdownx.saneheaders``), up to three spaces before it, ``#`` alone an empty title."""

    RE = re.compile(
        r"(?:^|\n) {0,3}(?P<level>#{1,6})(?=[ ]|\n|$)"
        r"(?P<header>(?:\\.|[^\\#\n]|#+(?=[^#\n]))*?)(?:[ ]#*)?[ ]*(?:\n|$)"
    )


class Setext(BlockProcessor):
    """A title underlined with ``===`` or ``---``, as CommonMark has it: the whole paragraph
    above the line is the title (Python-Markdown took one line, and ``---`` under two lines
    was a rule), and the line may be indented by up to three spaces."""

    def _underline(self, block: str) -> int | None:
        lines = block.split("\n")
        if not lines[0].strip() or lines[0].startswith("    ") or starts_block(lines[0]):
            return None
        for index in range(1, len(lines)):
            if SETEXT_UNDERLINE.fullmatch(lines[index]):
                return index
            if not lines[index].strip() or starts_block(lines[index]):
                return None
        return None

    def test(self, parent: etree.Element, block: str) -> bool:
        return self._underline(block) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        block = blocks.pop(0)
        index = self._underline(block)
        assert index is not None
        lines = block.split("\n")
        level = 1 if lines[index].strip().startswith("=") else 2
        heading = etree.SubElement(parent, f"h{level}")
        heading.text = "\n".join(line.strip() for line in lines[:index])
        if index + 1 < len(lines):
            blocks.insert(0, "\n".join(lines[index + 1 :]))


class QuoteEnd(BlockProcessor):
    """A quote's lazy lines by CommonMark's rules: a line without ``>`` belongs to the
    quote only if it goes on with the quote's paragraph (Python-Markdown took every
    following line of the block), and stays text there (``===`` does not underline a
    title, ``2. a`` does not start a list)."""

    PREFIX = re.compile(r" {0,3}> ?")

    def _split(self, block: str) -> tuple[list[str], list[str]] | None:
        """The quote's lines (lazy ones made text) and the lines after it; None when
        Python-Markdown's own reading is right."""
        lines = block.split("\n")
        if not self.PREFIX.match(lines[0]):
            return None
        in_paragraph = False
        quote: list[str] = []
        for index, line in enumerate(lines):
            content = line
            while (prefix := self.PREFIX.match(content)) is not None:
                content = content[prefix.end() :]
            if content is not line:
                in_paragraph = bool(content.strip()) and (
                    content.startswith("    ") or not starts_block(content)
                )
                quote.append(line)
            elif not in_paragraph or not continues_paragraph(line):
                return quote, lines[index:]
            else:
                quote.append(lazy_line(line))
        return (quote, []) if quote != lines else None

    def test(self, parent: etree.Element, block: str) -> bool:
        return self._split(block) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        split = self._split(blocks.pop(0))
        assert split is not None
        quote, rest = split
        blocks[0:0] = ["\n".join(quote), *(["\n".join(rest)] if rest else [])]
        self.parser.blockprocessors["quote"].run(parent, blocks)


class Quote(BlockQuoteProcessor):
    """Python-Markdown's quotes, but a quote after a blank line is a new quote (it went on
    with the quote before, as one)."""

    def lastChild(self, parent: etree.Element) -> etree.Element | None:
        return None


class TableAfterSentence(BlockProcessor):
    """A table right after a sentence (no blank line) is a table, as on GitHub: the block
    is cut before its header row, which ``tables`` then reads."""

    DELIMITER_ROW = re.compile(r" {0,3}\|?(?: *:?-+:? *\|)*(?: *:?-+:? *)\|? *")

    @staticmethod
    def _cells(row: str) -> int:
        return len(re.split(r"(?<!\\)\|", row.strip().strip("|")))

    def _header(self, block: str) -> int | None:
        lines = block.split("\n")
        for index in range(2, len(lines)):
            row, header = lines[index], lines[index - 1]
            if "|" in row and self.DELIMITER_ROW.fullmatch(row):
                same = "|" in header and self._cells(header) == self._cells(row)
                return index - 1 if same and not starts_block(header) else None
        return None

    def test(self, parent: etree.Element, block: str) -> bool:
        return self._header(block) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        block = blocks.pop(0)
        index = self._header(block)
        assert index is not None
        lines = block.split("\n")
        self.parser.parseBlocks(parent, ["\n".join(lines[:index])])
        blocks.insert(0, "\n".join(lines[index:]))


ALERTS = {
    "note": ("note", "Remarque"),
    "tip": ("tip", "Astuce"),
    "important": ("info", "Important"),
    "warning": ("warning", "Attention"),
    "caution": ("danger", "Prudence"),
}
"""GitHub's alerts (``> [!NOTE]``): the Material admonition that shows each, and its
title on the page (GitHub's own, in French)."""

_ALERT = re.compile(r"\[!([A-Za-z]+)\][ \t]*(?:\n|$)")


class Alerts(Treeprocessor):
    """``> [!NOTE]`` and the other alerts of GitHub, as the site's admonitions (a box with
    a title) instead of a quote that starts with ``[!NOTE]``."""

    def run(self, root: etree.Element) -> None:
        for quote in root.iter("blockquote"):
            first = quote[0] if len(quote) else None
            if first is None or first.tag != "p" or not first.text:
                continue
            found = _ALERT.match(first.text)
            if found is None or found.group(1).lower() not in ALERTS:
                continue
            kind, title = ALERTS[found.group(1).lower()]
            first.text = first.text[found.end() :]
            if not first.text.strip() and not len(first):
                quote.remove(first)
            quote.tag = "div"
            quote.set("class", f"admonition {kind}")
            heading = etree.Element("p", {"class": "admonition-title"})
            heading.text = title
            quote.insert(0, heading)


class BlankLines(Preprocessor):
    """Lines of spaces are blank lines, the first one too (Python-Markdown keeps a first
    line of spaces, which then starts a code block)."""

    def run(self, lines: list[str]) -> list[str]:
        return ["" if not line.strip(" ") else line for line in lines]


class IndentedCodeInItem(BlockProcessor):
    """An indented block inside a list item is code (CommonMark), not a nested item.

    Python-Markdown's ``def_list`` registers an ``indent`` processor of its own that also
    takes indented blocks inside ``li``; this one, just above it, hands them to ``code``.
    """

    def test(self, parent: etree.Element, block: str) -> bool:
        return parent.tag == "li" and block.startswith("    ")

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        self.parser.blockprocessors["code"].run(parent, blocks)
