"""The French wording of attribution, shared by the pages and the PDF reports.

One place decides how a programme is named and how authors, reviewers and organisations
are credited, so that a page and its PDF always say the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable

from .catalogue import Catalogue, Project, Writeup
from .french import enumerate_fr, of, the
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

    def org(self, org_id: str) -> str:
        """An organisation in a sentence: « le Comité français… (CFSI) », « la Fonda »."""
        org = self.catalogue.organisations[org_id]
        return the(self.catalogue.organisation_name(org_id), org.article)

    def of_org(self, org_id: str) -> str:
        """« du Comité français… (CFSI) », « de la Fonda », « d’Essentiel »."""
        org = self.catalogue.organisations[org_id]
        return of(self.catalogue.organisation_name(org_id), org.article)

    def person(self, person: Person) -> str:
        """« Luc Hansen (Fonda) »: in a list of names, the organisation's short form."""
        if person.organisation:
            return f"{person.name} ({self.catalogue.organisation_label(person.organisation)})"
        return person.name

    def person_of(self, person: Person) -> str:
        """« Luc Hansen, de la Fonda »: in a sentence, the organisation in full."""
        if person.organisation:
            return f"{person.name}, {self.of_org(person.organisation)}"
        return person.name

    def people(self, persons: Iterable[Person]) -> str:
        return enumerate_fr([self.person(p) for p in persons])

    def project(self, project: Project) -> str:
        """« Projet porté par le … avec la …, dans le cadre du programme …. »"""
        meta = project.meta
        text = f"Projet porté par {self.org(meta.lead)}"
        if meta.partners:
            text += " avec " + enumerate_fr([self.org(o) for o in meta.partners])
        return text + f", dans le cadre du programme {self.programme_label(meta.programme)}."

    def writeup(self, writeup: Writeup) -> str:
        """« Ce compte-rendu a été rédigé par …, de la …, relu par …, du …. »"""
        meta = writeup.meta
        text = "Ce compte-rendu a été rédigé par " + enumerate_fr(
            [self.person_of(p) for p in meta.authors]
        )
        if meta.reviewers:
            text += ", relu par " + enumerate_fr([self.person_of(p) for p in meta.reviewers])
        if meta.event:
            text += f", à la suite de la session « {meta.title} » ({meta.event})"
        return text + "."

    def of(self, doc: Project | Writeup) -> str:
        return self.project(doc) if isinstance(doc, Project) else self.writeup(doc)
