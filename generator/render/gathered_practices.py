"""The programme's lessons in one place: good practices and difficulties of the write-ups,
lessons of the sheets, each text once.

A write-up under three themes used to show its practices three times on
``bonnes-pratiques/``, and the demo's sheets share a few lessons among hundreds of them.
Here an item is one text of one kind (the same words, whitespace and case aside), with
every document that says it and every theme of those documents. It is shown under one
theme, its *main* theme: the one most of its sources have (ties: the one more sources name
first, then the registry's order), because the page is read by theme and that is where a
reader looks for it first; its other themes are shown as tags beside it.

The lessons of a sheet are the list items of its « Enseignements » section (any heading
level; a section of paragraphs only, such as « les enseignements seront ajoutés », gives
none): that is where the content format puts them (docs/content-format.md).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..catalogue import Catalogue, Project, Writeup
from ..french import fold

Document = Project | Writeup

KINDS = {
    "practice": "Bonnes pratiques",
    "difficulty": "Difficultés",
    "lesson": "Enseignements des fiches",
}
"""Item kinds, in the order a theme shows them, with their heading."""

LESSONS_HEADING = "enseignements"

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
_ITEM = re.compile(r"^[ ]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+(.*)$")
_FENCE = re.compile(r"^[ ]{0,3}(```|~~~)")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")
_SPACES = re.compile(r"\s+")


@dataclass
class Item:
    """One text of one kind, once, with all that say it."""

    kind: str
    text: str
    sources: list[Document] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    """The main theme first, then the others, the most shared first (ties: registry order)."""

    @property
    def theme(self) -> str:
        return self.themes[0]


@dataclass
class ThemeGroup:
    theme: str
    items: dict[str, list[Item]]
    """Kind -> items, in the order of :data:`KINDS`, only kinds that have some."""

    @property
    def count(self) -> int:
        return sum(len(items) for items in self.items.values())


def sheet_lessons(body: str) -> list[str]:
    """The list items of the « Enseignements » section of a sheet's Markdown body, as text.

    Continuation lines of an item are joined to it; inline markup (emphasis, code, links) is
    reduced to its words: the page shows text, never the body's HTML.
    """
    lessons: list[str] = []
    level = 0  # heading level of the section being read, 0 outside it
    fence = ""
    current: list[str] | None = None
    for line in body.splitlines():
        fenced = _FENCE.match(line)
        if fence or fenced:
            if fenced and (not fence or fenced.group(1) == fence):
                fence = "" if fence else fenced.group(1)
            current = None
            continue
        heading = _HEADING.match(line)
        if heading:
            depth = len(heading.group(1))
            if level and depth <= level:
                level = 0
            if not level and fold(heading.group(2)).strip(" :") == LESSONS_HEADING:
                level = depth
            current = None
            continue
        if not level:
            continue
        item = _ITEM.match(line)
        if item:
            current = [item.group(1)]
            lessons.append("")
        elif current is not None and line.strip() and line[:1] in " \t":
            current.append(line.strip())
        elif not line.strip():
            continue
        else:
            current = None
            continue
        lessons[-1] = _plain(" ".join(current))
    return [text for text in lessons if text]


def _plain(markdown: str) -> str:
    text = _LINK.sub(r"\1", markdown)
    return _SPACES.sub(" ", _EMPHASIS.sub("", text)).strip()


def _key(kind: str, text: str) -> tuple[str, str]:
    return (kind, fold(_SPACES.sub(" ", text).strip()))


def gather(catalogue: Catalogue) -> list[ThemeGroup]:
    """Every practice, difficulty and lesson once, grouped under its main theme.

    Themes come in the registry's order; within a kind, items in the order first met:
    write-ups newest first, then sheets by slug, each document's items in its own order.
    """
    items: dict[tuple[str, str], Item] = {}

    def add(kind: str, text: str, source: Document) -> None:
        text = _SPACES.sub(" ", text).strip()
        if not text:
            return
        item = items.setdefault(_key(kind, text), Item(kind, text))
        if source not in item.sources:
            item.sources.append(source)

    for writeup in catalogue.writeups_newest_first():
        for text in writeup.meta.good_practices:
            add("practice", text, writeup)
        for text in writeup.meta.difficulties:
            add("difficulty", text, writeup)
    for slug in sorted(catalogue.projects):
        project = catalogue.projects[slug]
        for text in sheet_lessons(project.body):
            add("lesson", text, project)

    order = {theme_id: index for index, theme_id in enumerate(catalogue.themes)}
    groups: dict[str, dict[str, list[Item]]] = {}
    for item in items.values():
        having = Counter(t for source in item.sources for t in source.meta.themes)
        first = Counter(source.meta.themes[0] for source in item.sources)
        item.themes = sorted(having, key=lambda t: (-having[t], -first[t], order[t]))
        groups.setdefault(item.theme, {}).setdefault(item.kind, []).append(item)
    return [
        ThemeGroup(
            theme_id,
            {kind: groups[theme_id][kind] for kind in KINDS if kind in groups[theme_id]},
        )
        for theme_id in catalogue.themes
        if theme_id in groups
    ]
