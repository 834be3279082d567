"""Organisation and programme pages: who is who in the network, and each programme."""

from __future__ import annotations

from .. import urls
from ..countries import french_name
from ..french import plural, sort_key
from ..urls import relative
from .listings import ListingPages
from .page_specs import Entry, Section


class ProfilePages(ListingPages):
    def organisation_pages(self) -> None:
        entries = []
        orgs = sorted(self.catalogue.organisations.values(), key=lambda o: (sort_key(o.name), o.id))
        for org in orgs:
            index = self.catalogue.by_organisation[org.id]
            url = urls.organisation(org.id)
            sections = []
            for section_id, label, slugs, is_project in (
                ("porteur", "Projets portés", index.leads, True),
                ("partenaire", "Projets en partenariat", index.partners, True),
                ("presentes", "Comptes-rendus présentés", index.presented, False),
                ("rediges", "Comptes-rendus rédigés ou relus", index.authored, False),
            ):
                if slugs and is_project:
                    sections.append(
                        Section(section_id, label, len(slugs), projects=self.by_title(slugs))
                    )
                elif slugs:
                    sections.append(Section(section_id, label, len(slugs), writeups=slugs))
            facts: list[tuple[str, str, str]] = [("Nom", org.name, "")]
            if org.short_name:
                facts.append(("Sigle", org.short_name, ""))
            if org.country:
                facts.append(("Pays", french_name(org.country), ""))
            if org.url:
                facts.append(("Site web", org.url, org.url))
            count = len(index.leads) + len(index.partners)
            entries.append(Entry(url, org.name, plural(count, "projet")))
            self.listing(
                url,
                org.name,
                org.description or org.name,
                sections,
                intro=org.description or "",
                facts=facts,
                empty="Aucune fiche ni aucun compte-rendu pour le moment.",
                kind="organisation",
            )
        self.index_page(
            urls.ORGANISATIONS,
            "Organisations",
            "Les organisations du réseau",
            "organisations",
            "Toutes les organisations",
            entries,
            "Aucune organisation pour le moment.",
        )

    def programme_pages(self) -> None:
        entries = []
        for programme in sorted(self.catalogue.programmes.values(), key=lambda p: p.id):
            group = self.catalogue.by_programme[programme.id]
            url = urls.programme(programme.id)
            facts: list[tuple[str, str, str]] = [("Nom", programme.name, "")]
            if programme.organisation:
                facts.append(
                    (
                        "Porté par",
                        self.catalogue.organisations[programme.organisation].name,
                        relative(urls.organisation(programme.organisation), url),
                    )
                )
            if programme.started:
                facts.append(("Lancé en", str(programme.started), ""))
            if programme.url:
                facts.append(("Site web", programme.url, programme.url))
            sections = self.group_sections(group)
            entries.append(
                Entry(
                    url,
                    self.credits.programme_label(programme.id),
                    plural(len(group.projects), "fiche"),
                )
            )
            self.listing(
                url,
                self.credits.programme_label(programme.id),
                programme.description or programme.name,
                sections,
                intro=programme.description or "",
                facts=facts,
                empty="Rien dans ce programme pour le moment.",
                kind="programme",
            )
        self.index_page(
            urls.PROGRAMMES,
            "Programmes",
            "Les programmes",
            "programmes",
            "Tous les programmes",
            entries,
            "Aucun programme pour le moment.",
        )
