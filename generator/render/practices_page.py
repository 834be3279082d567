"""``bonnes-pratiques/``: the practices, difficulties and lessons of the whole programme.

Each text is shown once, under its main theme (:mod:`.gathered_practices` says how it is
chosen), with a link to every document that says it and its other themes as tags. A table
of contents at the top and the page's own table of contents jump to each theme. The page
stays short on a large corpus without JavaScript: past :data:`VISIBLE_ITEMS` items a group
continues in a ``<details>``, and past :data:`VISIBLE_SOURCES` sources an item's other
sources do too.
"""

from __future__ import annotations

from typing import Any

from .. import urls
from ..french import NNBSP
from .gathered_practices import KINDS, ThemeGroup, gather
from .listings import ListingPages
from .planner_base import _spaced_toc

VISIBLE_ITEMS = 6
"""Items of one kind shown under a theme before « Voir les … autres »."""
VISIBLE_SOURCES = 1
"""Sources shown beside an item before « et … autres documents » (a title can take three
lines on a phone)."""
VISIBLE_TAGS = 3
"""Other themes named beside an item (the most shared first) before « et … autres thèmes »."""

_MORE = {
    "practice": ("l’autre bonne pratique", "autres bonnes pratiques"),
    "difficulty": ("l’autre difficulté", "autres difficultés"),
    "lesson": ("l’autre enseignement", "autres enseignements"),
}


def more_items(kind: str, count: int) -> str:
    """« Voir les 4 autres bonnes pratiques », « Voir l’autre difficulté »."""
    one, many = _MORE[kind]
    return f"Voir {one}" if count == 1 else f"Voir les {count} {many}"


def counted(count: int, singular: str, plural_form: str) -> str:
    """« 1 fiche », « 1 000 fiches » (thousands set apart by a narrow no-break space)."""
    word = singular if count <= 1 else plural_form
    return f"{count:,}".replace(",", NNBSP) + " " + word


def total_line(groups: list[ThemeGroup]) -> str:
    """« 12 bonnes pratiques, 8 difficultés et 30 enseignements, tirés de 4 comptes-rendus
    et 20 fiches. »"""
    counts = {kind: 0 for kind in KINDS}
    writeups: set[str] = set()
    sheets: set[str] = set()
    for group in groups:
        for kind, items in group.items.items():
            counts[kind] += len(items)
            for item in items:
                for source in item.sources:
                    (sheets if source.kind == "project" else writeups).add(source.slug)
    words = {
        "practice": ("bonne pratique", "bonnes pratiques"),
        "difficulty": ("difficulté", "difficultés"),
        "lesson": ("enseignement", "enseignements"),
    }
    parts = [counted(counts[k], *words[k]) for k in KINDS if counts[k]]
    origins = [
        counted(len(writeups), "compte-rendu", "comptes-rendus") if writeups else "",
        counted(len(sheets), "fiche", "fiches") if sheets else "",
    ]
    said = " et ".join(o for o in origins if o)
    if not parts:
        return ""
    listed = ", ".join(parts[:-1]) + " et " + parts[-1] if len(parts) > 1 else parts[0]
    return f"{listed}, tirés de {said}."


def practices_toc(groups: list[ThemeGroup], themes: dict[str, Any]) -> list[dict[str, Any]]:
    """The page's table of contents (Python-Markdown's tokens): each theme, each kind."""
    return [
        {
            "level": 2,
            "id": f"theme-{group.theme}",
            "name": themes[group.theme].label,
            "children": [
                {
                    "level": 3,
                    "id": f"theme-{group.theme}-{kind}",
                    "name": KINDS[kind],
                    "children": [],
                }
                for kind in group.items
            ],
        }
        for group in groups
    ]


class PracticesPage(ListingPages):
    def practices_page(self) -> None:
        groups = gather(self.catalogue)
        header = self.render(
            "practices.html",
            urls.PRACTICES,
            groups=groups,
            kinds=KINDS,
            total=total_line(groups),
            visible_items=VISIBLE_ITEMS,
            visible_sources=VISIBLE_SOURCES,
            visible_tags=VISIBLE_TAGS,
            more=counted,
            more_items=more_items,
            shown={group.theme for group in groups},
        )
        self.listing(
            urls.PRACTICES,
            "Bonnes pratiques et difficultés",
            "Les bonnes pratiques et difficultés relevées dans les comptes-rendus, "
            "et les enseignements des fiches projet, par thème",
            [],
            intro="Rassemblées depuis tous les comptes-rendus et toutes les fiches, par thème : "
            "chacune n’apparaît qu’une fois, sous le thème de la plupart des documents qui la "
            "citent, et renvoie à ces documents.",
            empty="" if groups else "Aucune bonne pratique pour le moment.",
            header=header,
            kind="practices",
        )
        # the page's own table of contents (Material's right column) lists the themes too
        page = self.pages[f"{urls.PRACTICES}index.md"]
        page.toc_tokens = _spaced_toc(practices_toc(groups, self.catalogue.themes))
