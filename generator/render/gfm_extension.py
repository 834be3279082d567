"""A Python-Markdown extension for what pymdown-extensions leaves to do for GitHub's preview.

- lists by CommonMark's rules (:mod:`.gfm_lists`), replacing Python-Markdown's ``olist``,
  ``ulist`` and ``indent`` processors;
- titles, quotes, tables after a sentence and GitHub's alerts (:mod:`.gfm_blocks`);
- ``:emoji:`` names as their characters (``pymdownx.emoji`` with GitHub's list);
- a backslash at the end of a line is a line break (as two trailing spaces are);
- a backslash escapes any ASCII punctuation (Python-Markdown escapes 16 characters, so
  ``\\$`` or ``\\"`` kept their backslash), and nothing else (``C:\\Users`` stays as typed);
- ``~texte~`` (one tilde each side) is struck through, as ``~~texte~~`` is.

Loaded by name (``generator.render.gfm_extension``) from :data:`generator.render.gfm.EXTENSIONS`,
so that worker processes and MkDocs build the same renderer.
"""

from __future__ import annotations

import string
from typing import Any

from markdown import Extension, Markdown
from markdown.inlinepatterns import SimpleTagInlineProcessor, SubstituteTagInlineProcessor
from pymdownx import emoji

from .gfm_blocks import (
    Alerts,
    BlankLines,
    Heading,
    IndentedCodeInItem,
    Quote,
    QuoteEnd,
    Setext,
    TableAfterSentence,
)
from .gfm_lists import ListProcessor

LIST_PRIORITY = 87
"""Above ``code`` (80), ``tables`` (75) and ``hashheader`` (70), which look for their
syntax on any line of a block: a list that interrupts a paragraph is found first."""

_BACKSLASH_BREAK = r"\\\n"
_SINGLE_TILDE = r"(?<![~\\])(~)(?![~\s])(.+?)(?<![~\s\\])~(?!~)"


class GfmExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        for name in ("olist", "ulist", "indent"):
            if name in md.parser.blockprocessors:
                md.parser.blockprocessors.deregister(name)
        md.preprocessors.register(BlankLines(md), "gfm_blank_lines", 29)
        md.parser.blockprocessors.register(Heading(md.parser), "hashheader", 70)
        md.parser.blockprocessors.register(Setext(md.parser), "setextheader", 60)
        md.parser.blockprocessors.register(TableAfterSentence(md.parser), "gfm_table_cut", 76)
        md.parser.blockprocessors.register(QuoteEnd(md.parser), "gfm_quote_end", 21)
        md.parser.blockprocessors.register(Quote(md.parser), "quote", 20)
        md.parser.blockprocessors.register(ListProcessor(md.parser), "gfm_list", LIST_PRIORITY)
        md.parser.blockprocessors.register(IndentedCodeInItem(md.parser), "gfm_item_code", 86)
        md.inlinePatterns.register(
            SubstituteTagInlineProcessor(_BACKSLASH_BREAK, "br"), "gfm_backslash_break", 175
        )
        md.inlinePatterns.register(
            SimpleTagInlineProcessor(_SINGLE_TILDE, "del"), "gfm_single_tilde", 59
        )
        md.treeprocessors.register(Alerts(md), "gfm_alerts", 22)
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
