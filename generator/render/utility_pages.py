"""The licence, search and downloads pages."""

from __future__ import annotations

from .. import urls
from ..french import fold, sort_key
from .page_specs import natural_key
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
        html = self.render(
            "downloads.html",
            urls.DOWNLOADS,
            reports=sorted(
                self.pdfs.values(),
                key=lambda r: (r.kind, natural_key(sort_key(r.title)), r.url),
            ),
        )
        self.add(
            f"{urls.DOWNLOADS}index.md",
            urls.DOWNLOADS,
            "Téléchargements",
            "Tous les rapports à télécharger en PDF",
            html,
            "downloads",
        )
