"""One build of the site, from the settings to the finished folder, in the core's terms.

The MkDocs adapter (:mod:`generator.adapter.plugin`) holds one :class:`SiteRun` per build and
calls it from its hooks: :meth:`SiteRun.prepare` (content, pages, PDFs, the search index
started), :meth:`SiteRun.publishes` and :meth:`SiteRun.generated` (which files the site
has), :meth:`SiteRun.page_html` (each page's HTML), :meth:`SiteRun.finish` (open data, the
site's marker, the search index). Nothing here imports MkDocs, so each step is tested
directly and another engine could drive the same steps.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from markupsafe import escape

from .dates import set_source_date_epoch
from .licences import Licence
from .not_found import relative_not_found
from .owned_folders import write_site_marker
from .render.page_specs import PageSpec
from .render.sanitise import sanitise
from .search import IndexingRun, SearchDocument, SearchIndexError, SearchStats
from .settings import Settings
from .site_build import PreparedSite, add_reports, prepare_site, timed, write_exports
from .urls import absolute_url

stage_log = logging.getLogger("mkdocs.plugins.programme.stages")
plugin_log = logging.getLogger("mkdocs.plugins.programme")
content_log = logging.getLogger("generator.content")
environment_log = logging.getLogger("generator.environment")

THEME_ONLY = ("print/", "fragments/")
"""Folders of the theme for the core only (print stylesheets, page fragments)."""


class SearchFeed:
    """Hands the planned sheets and write-ups to the search index, batch by batch.

    The planner calls :meth:`add` as pages are planned; the index writes its copies on
    another core meanwhile, and Pagefind starts at :meth:`close`, before the listings are
    planned. Their PDF links, added later, sit in parts the index ignores. Handing them
    over after planning instead took 16 % longer at 5,000 sheets (bench/tricks.md).
    """

    def __init__(self, run: IndexingRun) -> None:
        self.run = run
        self.seconds = 0.0

    def add(self, pages: list[PageSpec]) -> None:
        started = time.perf_counter()
        self.run.add(
            SearchDocument(spec.url, spec.html, spec.title, spec.description)
            for spec in pages
            if "data-pagefind-body" in spec.html
        )
        self.seconds += time.perf_counter() - started

    def close(self) -> None:
        self.run.start()
        stage_log.info("stage search (start): %.2f s", self.seconds)


def licence_meta(licence: Licence) -> dict[str, str]:
    """A licence as the templates read it (``page.meta.pk_licence``)."""
    return {"url": licence.url, "name": licence.name, "short_name": licence.short_name}


class SiteRun:
    """One build: created when the configuration is read, dropped after the site is written."""

    def __init__(self, settings: Settings, pdfs: bool) -> None:
        self.settings = settings
        self.pdfs = pdfs
        self.search: IndexingRun | None = None
        self.site: PreparedSite | None = None
        self.render_started = 0.0
        self._published_elsewhere: set[str] | None = None

    @classmethod
    def of(cls, settings: Settings, site: PreparedSite) -> SiteRun:
        """A run of a site already prepared (the preview's quick pass): no search index,
        no PDFs, nothing for :meth:`finish` to do but the pages."""
        run = cls(settings, pdfs=False)
        run.site = site
        return run

    def prepare(self) -> PreparedSite:
        """Content, pages and PDFs; the search index starts on another core meanwhile.

        Raises :class:`.ContentError`, :class:`.MachineError` or :class:`.SearchIndexError`;
        on any failure the search index is stopped.
        """
        try:
            self.search = IndexingRun()
            site = prepare_site(
                self.settings, feed=SearchFeed(self.search), documents_only=self.pdfs
            )
            if self.pdfs:
                site = add_reports(site)
        except BaseException:
            self.cancel()
            raise
        for item in site.warnings:  # outside the "mkdocs" logger: never fail `--strict`
            content_log.warning(item.as_text())
        for note in site.environment:
            environment_log.warning(note)  # the machine, not content: never fails the build
        set_source_date_epoch(site.catalogue)
        self.site = site
        return site

    @property
    def prepared(self) -> PreparedSite:
        if self.site is None:
            raise RuntimeError("SiteRun.prepare() has not run")
        return self.site

    def publishes(self, uri: str, source: str | None, is_page: bool) -> bool:
        """Whether the content file at ``uri`` (its path ``source``) is published as it is.

        Not: theme files for the core only, registries, the write-ups and sheets (their pages
        are generated), editorial pages that a generated page replaces, and files published
        at their media address (an image, an attached report) instead.
        """
        plan = self.prepared.plan
        if not is_page and uri.startswith(THEME_ONLY):
            return False
        if uri.startswith("_data/") or uri in plan.pages:
            return False
        if uri.startswith("comptes-rendus/") and uri.count("/") == 1 and uri.endswith(".md"):
            return False
        return is_page or source is None or str(Path(source).resolve()) not in self._elsewhere()

    def _elsewhere(self) -> set[str]:
        """The files published at another address (resolved once per run: it was asked
        for each file of ``content/``, 0.6 s of a preview's quick pass at 5,000 sheets)."""
        if self._published_elsewhere is None:
            site = self.prepared
            reports = [r.source for r in (site.reports or {}).values()]
            paths = [*site.plan.assets.values(), *reports]
            self._published_elsewhere = {str(Path(p).resolve()) for p in paths}
        return self._published_elsewhere

    def generated(self) -> tuple[dict[str, str], dict[str, Path]]:
        """The generated pages (source URI -> a stub whose HTML :meth:`page_html` gives)
        and the files published at their own address (site URL -> the file)."""
        site = self.prepared
        self.render_started = time.perf_counter()  # the engine renders from now on
        pages = {uri: f"# {spec.title}\n" for uri, spec in site.plan.pages.items()}
        files = {r.site_path: r.source for r in (site.reports or {}).values()}
        files.update(site.plan.assets)
        return pages, files

    def planned(self, uri: str) -> PageSpec | None:
        return self.site.plan.pages.get(uri) if self.site else None

    def page_meta(self, spec: PageSpec) -> dict[str, object]:
        """What the page template reads of a planned page (``page.meta``); the image of
        link previews is an absolute address, so only a site with ``site_url`` has one."""
        site_url = self.settings.site_url
        return {
            "title": spec.title,
            "description": spec.description,
            "pk_kind": spec.kind,
            "pk_jsonld": spec.jsonld,
            "pk_licence": licence_meta(spec.licence),
            "pk_image": absolute_url(site_url, spec.image) if spec.image and site_url else "",
            "pk_image_alt": spec.image_alt,
        }

    @staticmethod
    def editorial_html(html: str, title: object) -> str:
        """An editorial page's HTML, sanitised, with its front-matter title as its heading.

        (Material would print the front-matter title as the heading, unescaped.)
        """
        clean = sanitise(html)
        if isinstance(title, str) and "<h1" not in clean:
            clean = f"<h1>{escape(title)}</h1>\n{clean}"
        return clean

    def finish(self, site_dir: Path) -> SearchStats:
        """Open data, the site's marker and the search index, into the written site."""
        stage_log.info("stage render (MkDocs): %.2f s", time.perf_counter() - self.render_started)
        site = self.prepared
        write_exports(site.catalogue, site_dir, self.settings.site_url, site.reports)
        write_site_marker(site_dir)
        relative_not_found(site_dir, self.settings.site_url)
        search, self.search = self.search, None
        if search is None:
            raise SearchIndexError("the search index was not started")
        with timed("search (wait and install)"):
            stats = search.install(site_dir)
        plugin_log.info("search index: %d pages, %d bytes", stats.pages, stats.bytes)
        for warning in stats.warnings:
            environment_log.warning(warning)  # the Pagefind version, not content
        return stats

    def cancel(self) -> None:
        """Stop the search index (a failed or abandoned build)."""
        if self.search is not None:
            self.search.cancel()
            self.search = None
