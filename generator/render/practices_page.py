"""The good practices and difficulties gathered from the write-ups, by theme."""

from __future__ import annotations

from .. import urls
from .listings import ListingPages
from .page_specs import Group, Section


class PracticesPage(ListingPages):
    def practices_page(self) -> None:
        sections = []
        for theme_id, items in self.catalogue.practices_by_theme().items():
            practices = [(text, w) for w, kind, text in items if kind == "practice"]
            difficulties = [(text, w) for w, kind, text in items if kind == "difficulty"]
            groups = []
            if practices:
                groups.append(Group("Bonnes pratiques", practices))
            if difficulties:
                groups.append(Group("Difficultés", difficulties))
            sections.append(
                Section(
                    f"theme-{theme_id}",
                    self.catalogue.themes[theme_id].label,
                    len(items),
                    groups=groups,
                )
            )
        self.listing(
            urls.PRACTICES,
            "Bonnes pratiques et difficultés",
            "Les bonnes pratiques et difficultés relevées dans les comptes-rendus",
            sections,
            intro="Rassemblées depuis tous les comptes-rendus, par thème ; "
            "chacune renvoie au compte-rendu d’où elle vient.",
            empty="Aucune bonne pratique pour le moment.",
        )
