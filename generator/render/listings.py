"""Listing pages: all sheets and write-ups, countries, themes, organisations,
programmes, good practices, licence, search, downloads."""

from __future__ import annotations

from markupsafe import Markup

from .. import urls
from ..catalogue import GroupIndex, Project, Writeup
from ..french import plural
from .map_page import country_map
from .page_specs import (
    Entry,
    Section,
    listing_page_url,
    pager_numbers,
    paginate,
)
from .planner_base import PlannerBase

Document = Project | Writeup


class ListingPages(PlannerBase):
    def listing(
        self,
        url: str,
        title: str,
        description: str,
        sections: list[Section],
        intro: str = "",
        facts: list[tuple[str, str, str]] | None = None,
        empty: str = "",
        kind: str = "listing",
        header: str = "",
    ) -> None:
        """A listing page; past ``listing_page_size`` cards, more pages at ``<url>page/<n>/``.

        A country or a programme of a thousand sheets is cut into pages a phone can load.

        The cards of all sections are cut in order into pages; each page repeats the heading
        (with the total count) of every section it shows part of, and a pager links them.
        """
        pages = paginate(sections, self.settings.options.listing_page_size)
        for number, page_sections in enumerate(pages, start=1):
            page_url = listing_page_url(url, number)
            suffix = f" (page {number} sur {len(pages)})" if len(pages) > 1 else ""
            pager = [(n, listing_page_url(url, n)) for n in pager_numbers(number, len(pages))]
            html = self.render(
                "listing.html",
                page_url,
                title=title + suffix,
                intro=intro if number == 1 else "",
                header=Markup(header) if number == 1 else "",
                sections=page_sections,
                facts=(facts or []) if number == 1 else [],
                empty=empty if not sections else "",
                pager=pager if len(pages) > 1 else [],
                page=number,
                pages=len(pages),
                prev_url=listing_page_url(url, number - 1) if number > 1 else "",
                next_url=listing_page_url(url, number + 1) if number < len(pages) else "",
            )
            self.add(
                f"{page_url}index.md", page_url, title + suffix, description + suffix, html, kind
            )

    def index_page(
        self,
        url: str,
        title: str,
        description: str,
        section: str,
        heading: str,
        entries: list[Entry],
        empty: str,
    ) -> None:
        """The index of countries, themes, organisations or programmes: one entry each."""
        sections = [Section(section, heading, len(entries), entries=entries)] if entries else []
        self.listing(url, title, description, sections, empty=empty)

    def document_listings(self) -> None:
        catalogue = self.catalogue
        projects = self.by_title(catalogue.projects)
        self.listing(
            urls.PROJECTS,
            "Fiches projet",
            "Toutes les fiches projet",
            [Section("toutes-les-fiches", "Toutes les fiches", len(projects), projects=projects)]
            if projects
            else [],
            empty="Aucune fiche projet pour le moment.",
        )
        writeups = [w.slug for w in catalogue.writeups_newest_first()]
        self.listing(
            urls.WRITEUPS,
            "Comptes-rendus",
            "Tous les comptes-rendus, du plus récent au plus ancien",
            [
                Section(
                    "tous-les-comptes-rendus",
                    "Du plus récent au plus ancien",
                    len(writeups),
                    writeups=writeups,
                )
            ]
            if writeups
            else [],
            empty="Aucun compte-rendu pour le moment.",
            kind="writeups",
        )
        inspiring = self.by_title(catalogue.inspiring)
        self.listing(
            urls.INSPIRING,
            "Exemples inspirants",
            "Les projets signalés comme inspirants ou présentés lors d’une session",
            [Section("exemples", "Les exemples", len(inspiring), projects=inspiring)]
            if inspiring
            else [],
            intro="Les projets signalés comme inspirants ou présentés comme exemples "
            "lors d’une session.",
            empty="Aucun exemple inspirant pour le moment.",
        )

    def country_pages(self) -> None:
        entries = []
        for country in self.catalogue.countries():
            slugs = self.by_title(self.catalogue.by_country[country.code])
            entries.append(Entry(country.url, country.name, plural(len(slugs), "fiche")))
            self.listing(
                country.url,
                country.name,
                f"Les projets au pays : {country.name}",
                [Section("fiches", "Fiches projet", len(slugs), projects=slugs)],
                kind="country",
                header=country_map(self, country.code),
            )
        self.index_page(
            urls.COUNTRIES,
            "Pays",
            "Les projets par pays",
            "pays",
            "Tous les pays",
            entries,
            "Aucun pays pour le moment.",
        )

    def group_sections(self, group: GroupIndex) -> list[Section]:
        """The sheets, then the write-ups, of a theme or a programme."""
        sections = []
        if group.projects:
            sections.append(
                Section(
                    "fiches",
                    "Fiches projet",
                    len(group.projects),
                    projects=self.by_title(group.projects),
                )
            )
        if group.writeups:
            sections.append(
                Section(
                    "comptes-rendus", "Comptes-rendus", len(group.writeups), writeups=group.writeups
                )
            )
        return sections

    def theme_pages(self) -> None:
        entries = []
        for theme_id, theme in self.catalogue.themes.items():
            group = self.catalogue.by_theme[theme_id]
            url = urls.theme(theme_id)
            sections = self.group_sections(group)
            note = f"{plural(len(group.projects), 'fiche')}, " + plural(
                len(group.writeups), "compte-rendu", "comptes-rendus"
            )
            entries.append(Entry(url, theme.label, note))
            self.listing(
                url,
                theme.label,
                theme.description or f"Thème : {theme.label}",
                sections,
                intro=theme.description or "",
                empty="Rien sous ce thème pour le moment.",
                kind="theme",
            )
        self.index_page(
            urls.THEMES,
            "Thèmes",
            "Les projets et comptes-rendus par thème",
            "themes",
            "Tous les thèmes",
            entries,
            "Aucun thème pour le moment.",
        )
