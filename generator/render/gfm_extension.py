"""A Python-Markdown extension for what pymdown-extensions leaves to do for GitHub's preview.

- lists by CommonMark's rules (:mod:`.gfm_lists`), replacing Python-Markdown's ``olist``,
  ``ulist`` and ``indent`` processors;
- a backslash at the end of a line is a line break (as two trailing spaces are);
- a backslash escapes any ASCII punctuation (Python-Markdown escapes 16 characters, so
  ``\\$`` or ``\\"`` kept their backslash), and nothing else (``C:\\Users`` stays as typed);
- ``~texte~`` (one tilde each side) is struck through, as ``~~texte~~`` is.

Loaded by name (``generator.render.gfm_extension``) from :data:`generator.render.gfm.EXTENSIONS`,
so that worker processes and MkDocs build the same renderer.
"""

from __future__ import annotations

import re
import string
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.blockprocessors import BlockProcessor, BlockQuoteProcessor, HashHeaderProcessor
from markdown.inlinepatterns import SimpleTagInlineProcessor, SubstituteTagInlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from pymdownx import emoji

from .gfm_lists import (
    SETEXT_UNDERLINE,
    ListProcessor,
    continues_paragraph,
    lazy_line,
    starts_block,
)

LIST_PRIORITY = 87
"""Above ``code`` (80), ``tables`` (75) and ``hashheader`` (70), which look for their
syntax on any line of a block: a list that interrupts a paragraph is found first."""

_BACKSLASH_BREAK = r"\\\n"
_SINGLE_TILDE = r"(?<![~\\])(~)(?![~\s])(.+?)(?<![~\s\\])~(?!~)"


class _Heading(HashHeaderProcessor):
    """Titles as CommonMark has them: ``#`` then a space (``#hashtag`` is text, the rule of
    ``pymdownx.saneheaders``), up to three spaces before it, ``#`` alone an empty title."""

    RE = re.compile(
        r"(?:^|\n) {0,3}(?P<level>#{1,6})(?=[ ]|\n|$)"
        r"(?P<header>(?:\\.|[^\\#\n]|#+(?=[^#\n]))*?)(?:[ ]#*)?[ ]*(?:\n|$)"
    )


class _Setext(BlockProcessor):
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


class _QuoteEnd(BlockProcessor):
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


class _Quote(BlockQuoteProcessor):
    """Python-Markdown's quotes, but a quote after a blank line is a new quote (it went on
    with the quote before, as one)."""

    def lastChild(self, parent: etree.Element) -> etree.Element | None:
        return None


class _TableAfterSentence(BlockProcessor):
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


class _Alerts(Treeprocessor):
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


class _BlankLines(Preprocessor):
    """Lines of spaces are blank lines, the first one too (Python-Markdown keeps a first
    line of spaces, which then starts a code block)."""

    def run(self, lines: list[str]) -> list[str]:
        return ["" if not line.strip(" ") else line for line in lines]


class _IndentedCodeInItem(BlockProcessor):
    """An indented block inside a list item is code (CommonMark), not a nested item.

    Python-Markdown's ``def_list`` registers an ``indent`` processor of its own that also
    takes indented blocks inside ``li``; this one, just above it, hands them to ``code``.
    """

    def test(self, parent: etree.Element, block: str) -> bool:
        return parent.tag == "li" and block.startswith("    ")

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        self.parser.blockprocessors["code"].run(parent, blocks)


class GfmExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        for name in ("olist", "ulist", "indent"):
            if name in md.parser.blockprocessors:
                md.parser.blockprocessors.deregister(name)
        md.preprocessors.register(_BlankLines(md), "gfm_blank_lines", 29)
        md.parser.blockprocessors.register(_Heading(md.parser), "hashheader", 70)
        md.parser.blockprocessors.register(_Setext(md.parser), "setextheader", 60)
        md.parser.blockprocessors.register(_TableAfterSentence(md.parser), "gfm_table_cut", 76)
        md.parser.blockprocessors.register(_QuoteEnd(md.parser), "gfm_quote_end", 21)
        md.parser.blockprocessors.register(_Quote(md.parser), "quote", 20)
        md.parser.blockprocessors.register(ListProcessor(md.parser), "gfm_list", LIST_PRIORITY)
        md.parser.blockprocessors.register(_IndentedCodeInItem(md.parser), "gfm_item_code", 86)
        md.inlinePatterns.register(
            SubstituteTagInlineProcessor(_BACKSLASH_BREAK, "br"), "gfm_backslash_break", 175
        )
        md.inlinePatterns.register(
            SimpleTagInlineProcessor(_SINGLE_TILDE, "del"), "gfm_single_tilde", 59
        )
        md.treeprocessors.register(_Alerts(md), "gfm_alerts", 22)
        # :smile: as GitHub shows it, the character itself (GitHub's own list of names)
        md.registerExtensions(
            ["pymdownx.emoji"],
            {"pymdownx.emoji": {"emoji_index": emoji.gemoji, "emoji_generator": emoji.to_alt}},
        )
        for char in string.punctuation:
            if char not in md.ESCAPED_CHARS:
                md.ESCAPED_CHARS.append(char)
        md.registerExtension(self)


def makeExtension(**kwargs: Any) -> GfmExtension:
    return GfmExtension(**kwargs)
