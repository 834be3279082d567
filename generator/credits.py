"""The French wording of attribution, shared by the pages and the PDF reports.

One place decides how a programme is named and how authors, reviewers and organisations
are credited, so that a page and its PDF always say the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable

from .catalogue import Catalogue, Project, Writeup
from .french import enumerate_fr
from .validate.schema import Person


class Credits:
    """Labels and credit sentences for the documents of one catalogue."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue

    def programme_label(self, programme_id: str) -> str:
        """« Coopérer autrement en acteurs du changement (CAAC) »."""
        programme = self.catalogue.programmes[programme_id]
        if programme.short_name and programme.short_name != programme.name:
            return f"{programme.name} ({programme.short_name})"
        return programme.name

    def person(self, person: Person, joiner: str = " ({})") -> str:
        """« Luc Hansen (Fonda) », or with ``joiner=" de {}"`` « Luc Hansen de Fonda »."""
        if person.organisation:
            return person.name + joiner.format(
                self.catalogue.organisation_label(person.organisation)
            )
        return person.name

    def people(self, persons: Iterable[Person]) -> str:
        return enumerate_fr([self.person(p) for p in persons])

    def project(self, project: Project) -> str:
        """« Projet porté par … avec …, dans le cadre du programme …. »"""
        meta = project.meta
        label = self.catalogue.organisation_label
        text = f"Projet porté par {label(meta.lead)}"
        if meta.partners:
            text += " avec " + enumerate_fr([label(o) for o in meta.partners])
        return text + f", dans le cadre du programme {self.programme_label(meta.programme)}."

    def writeup(self, writeup: Writeup) -> str:
        """« Ce compte-rendu a été rédigé par … de …, relu par … de …. »"""
        meta = writeup.meta
        text = "Ce compte-rendu a été rédigé par " + enumerate_fr(
            [self.person(p, " de {}") for p in meta.authors]
        )
        if meta.reviewers:
            text += ", relu par " + enumerate_fr([self.person(p, " de {}") for p in meta.reviewers])
        if meta.event:
            text += f", à la suite de la session « {meta.title} » ({meta.event})"
        return text + "."

    def of(self, doc: Project | Writeup) -> str:
        return self.project(doc) if isinstance(doc, Project) else self.writeup(doc)
