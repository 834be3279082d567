"""The licence, search and downloads pages."""

from __future__ import annotations

from dataclasses import dataclass, replace

from .. import urls
from ..catalogue import GroupIndex, Project
from ..french import fold, french_date, period_text, sort_key
from .page_specs import Document, PdfLink, natural_key
from .planner_base import PlannerBase


class UtilityPages(PlannerBase):
    def licence_page(self) -> None:
        site = self.settings.site_licence
        others = [d for d in self.documents() if d.licence.id != site.id]
        html = self.render("licence.html", urls.LICENCE, licence=site, others=others)
        self.add(
            f"{urls.LICENCE}index.md",
            urls.LICENCE,
            "Licence et réutilisation",
            "La licence des contenus et comment les créditer",
            html,
            "licence",
        )

    def search_page(self) -> None:
        # the organisation filter's values are short names; the page shows full names
        org_names = {
            org.short_name: org.name
            if fold(org.short_name) in fold(org.name)
            else f"{org.name} ({org.short_name})"
            for _, org in sorted(self.catalogue.organisations.items())
            if org.short_name and org.short_name != org.name
        }
        html = self.render("search.html", urls.SEARCH, org_names=dict(sorted(org_names.items())))
        self.add(
            f"{urls.SEARCH}index.md",
            urls.SEARCH,
            "Rechercher et parcourir",
            "Rechercher dans les fiches projet et les comptes-rendus ; filtrer par pays, "
            "thème, organisation, programme, statut, année",
            html,
            "search",
        )

    def downloads_page(self) -> None:
        """Programme reports first (each with its cover, date, size, pages and volumes), then
        the PDF of every sheet and write-up, grouped by programme."""
        catalogue = self.catalogue
        programmes: list[DownloadGroup] = []
        documents: dict[str, DownloadGroup] = {}
        for programme_id in sorted(catalogue.programmes):
            key = urls.programme(programme_id)
            volumes = [link for link, _words in self.reports_of(key)]
            label = self.credits.programme_label(programme_id)
            group = catalogue.by_programme.get(programme_id)
            if volumes:
                programmes.append(
                    DownloadGroup(programme_id, label, key, volumes, self.programme_date(group))
                )
            documents[programme_id] = DownloadGroup(programme_id, label, key, [], "")
        documents[""] = DownloadGroup("", "Hors programme", "", [], "")
        pages = {d.url: d for d in self.documents()}
        for url, link in self.pdfs.items():
            doc = pages.get(url)
            if doc is None:
                continue
            programme = doc.meta.programme or ""
            documents[programme if programme in documents else ""].links.append(
                replace(link, date=link.date or self.document_date(doc))
            )
        themes = [
            DownloadGroup(theme_id, theme.label, urls.theme(theme_id), volumes, "")
            for theme_id, theme in catalogue.themes.items()
            if (volumes := [link for link, _words in self.reports_of(urls.theme(theme_id))])
        ]
        countries = [
            DownloadGroup(country.code, country.name, country.url, volumes, "")
            for country in catalogue.countries()
            if (volumes := [link for link, _words in self.reports_of(country.url)])
        ]
        groups = [g for g in documents.values() if g.links]
        for g in groups:
            g.links.sort(key=lambda r: (r.kind, natural_key(sort_key(r.title)), r.url))
        html = self.render(
            "downloads.html",
            urls.DOWNLOADS,
            programmes=programmes,
            collections=[
                ("rapports-thematiques", "Rapports thématiques", "la page du thème", themes),
                ("rapports-par-pays", "Rapports par pays", "la page du pays", countries),
            ],
            groups=groups,
            total=sum(len(g.links) for g in groups),
        )
        self.add(
            f"{urls.DOWNLOADS}index.md",
            urls.DOWNLOADS,
            "Téléchargements",
            "Les rapports de programme, puis le PDF de chaque fiche projet et compte-rendu",
            html,
            "downloads",
        )

    def document_date(self, doc: Document) -> str:
        """A date to show for a document whose PDF has none: a sheet's years."""
        if isinstance(doc, Project):
            return period_text(doc.meta.period)
        return french_date(doc.meta.date)

    def programme_date(self, group: GroupIndex | None) -> str:
        """A programme report is as recent as its latest write-up or sheet update."""
        if group is None:
            return ""
        dates = [self.catalogue.writeups[s].meta.date for s in group.writeups]
        dates += [
            p.meta.updated
            for p in (self.catalogue.projects[s] for s in group.projects)
            if p.meta.updated
        ]
        if dates:
            return f"à jour au {french_date(max(dates))}"
        periods = [self.catalogue.projects[s].meta.period for s in group.projects]
        if not periods:
            return ""
        start = min(p.start for p in periods)
        end = max(p.end or p.start for p in periods)
        return f"projets de {start} à {end}" if end > start else f"projets de {start}"


@dataclass
class DownloadGroup:
    """A programme on the downloads page: its reports, or its documents' PDFs."""

    id: str
    label: str
    url: str
    links: list[PdfLink]
    date: str
