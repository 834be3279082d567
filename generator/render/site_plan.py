"""The whole site as a plan: every generated page with its content, and files to publish.

The plan is computed from the catalogue alone, before any engine renders anything; the
MkDocs adapter only places it into the theme. Page content is rendered with Jinja
templates from ``theme/fragments`` with autoescaping on, so every value from content is
escaped; document bodies are sanitised HTML (see :mod:`.markdown_body`).
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

from .. import urls
from ..catalogue import Catalogue, Project, Writeup
from .barometer_page import BarometerPages
from .body_cache import BodyCache, fingerprint
from .body_pool import start_rendering
from .document_pages import DocumentPages
from .draft_pages import DraftPages
from .home_page import HomePage
from .listings import ListingPages
from .map_page import MapPages
from .page_specs import (
    FEED_BATCH,
    DocumentFeed,
    PageSpec,
    PdfLink,
    SitePlan,
)
from .practices_page import PracticesPage
from .profile_pages import ProfilePages
from .reference_lists import ReferencePages
from .utility_pages import UtilityPages

Document = Project | Writeup


class _Planner(
    DocumentPages,
    HomePage,
    ProfilePages,
    PracticesPage,
    ListingPages,
    MapPages,
    UtilityPages,
    ReferencePages,
    DraftPages,
    BarometerPages,
):
    documents_only = False
    """Plan only the documents' and drafts' pages (see :func:`plan_site`)."""

    # --- the plan ---

    def plan(self) -> SitePlan:
        documents = self.documents()
        cache = self.body_cache() if not self.rendered else None
        if cache is not None:
            for d in documents:
                kept = cache.get(d.url, d.path, d.body)
                if kept is not None:
                    self.rendered[d.url] = kept
        jobs = [(d.url, d.body, d.path) for d in documents if d.url not in self.rendered]
        pending = start_rendering(
            jobs, self.renderer_settings, lambda: self.renderer, self.body_workers
        )

        def document_pages() -> None:
            made = pending.results()
            self.rendered.update(made)
            if cache is not None:
                for url, text, path in jobs:
                    cache.put(url, path, text, made[url])
                cache.save()
            batch: list[PageSpec] = []
            for document in documents:
                spec = self.document_page(document)
                if self.feed is not None:
                    batch.append(spec)
                    if len(batch) == FEED_BATCH:
                        self.feed.add(batch)
                        batch = []
            if self.feed is not None:
                self.feed.add(batch)
                self.feed.close()

        # Listings need no body. Without a feed they are laid out while the bodies are
        # rendered elsewhere; with one, document pages come first, handed over in batches
        # (the search index prepares each batch on another core while the next is planned),
        # and the index runs while the listings are laid out.
        if self.feed is not None:
            document_pages()
        if not self.documents_only:
            self.home()
            self.document_listings()
            self.country_pages()
            self.map_page()
            self.theme_pages()
            self.organisation_pages()
            self.programme_pages()
            self.practices_page()
            self.licence_page()
            self.search_page()
            self.references_page()
        self.draft_pages()
        if not self.documents_only:
            self.barometer_pages()
        if self.pdfs:
            self.downloads_page()
        if self.feed is None:
            document_pages()
        return SitePlan(
            dict(sorted(self.pages.items())),
            dict(sorted(self.assets.items())),
            self.nav(),
            self.problems,
            self.rendered,
        )

    def body_cache(self) -> BodyCache:
        """The bodies of the last build with the same fingerprint (:mod:`.body_cache`)."""
        settings = self.renderer_settings
        return BodyCache(
            self.settings.cache_dir,
            fingerprint(
                settings.root,
                settings.extensions,
                settings.extension_configs,
                settings.sources,
                settings.publish_from,
                [self.settings.cache_dir, self.settings.site_dir],
            ),
        )

    def nav(self) -> list[Any]:
        """The site's menu (MkDocs' ``nav``)."""
        downloads = [{"Téléchargements": f"{urls.DOWNLOADS}index.md"}] if self.pdfs else []
        return [
            {"Accueil": "index.md"},
            {"Fiches projet": f"{urls.PROJECTS}index.md"},
            {"Comptes-rendus": f"{urls.WRITEUPS}index.md"},
            {"Exemples inspirants": f"{urls.INSPIRING}index.md"},
            {"Bonnes pratiques": f"{urls.PRACTICES}index.md"},
            {"Rechercher": f"{urls.SEARCH}index.md"},
            *self.barometer_nav(),
            {
                "Parcourir": [
                    {"Pays": f"{urls.COUNTRIES}index.md"},
                    {"Thèmes": f"{urls.THEMES}index.md"},
                    {"Organisations": f"{urls.ORGANISATIONS}index.md"},
                    {"Programmes": f"{urls.PROGRAMMES}index.md"},
                ]
            },
            *downloads,
            {
                "Le site": [
                    # Material prints menu titles as they are (MkDocs does not escape)
                    *({escape(title): path} for path, title in self.catalogue.editorial_pages),
                    {"Listes de référence": f"{urls.REFERENCE}index.md"},
                    {"Licence": f"{urls.LICENCE}index.md"},
                ]
            },
        ]


def plan_site(
    catalogue: Catalogue,
    previous: SitePlan | None = None,
    feed: DocumentFeed | None = None,
    pdfs: Mapping[str, PdfLink] | None = None,
    body_workers: int | None = None,
    documents_only: bool = False,
) -> SitePlan:
    """Compute every generated page of the site from the catalogue.

    With ``previous`` (a plan of the same catalogue), document bodies are not rendered again:
    only the pages around them change, e.g. once PDF links are known. ``feed`` receives the
    sheet and write-up pages in batches as they are planned, then ``close()``, all before
    the listings are planned. ``pdfs``: document URL -> its PDF, once reports exist;
    ``body_workers``: processes rendering bodies (None: as many as cores for large sites).
    ``documents_only``: only the sheets', write-ups' and drafts' pages (the only ones that
    report problems), for a first planning that PDFs follow: the pages planned again with
    the PDF links replace everything else, so laying out the listings twice was wasted
    (at 1,000 sheets with PDFs, one body changed: this planning took 1.7 s instead of 5.0 s;
    bench/results.md, issue 21).
    """
    planner = _Planner(catalogue, previous, feed, pdfs, body_workers)
    planner.documents_only = documents_only
    return planner.plan()
