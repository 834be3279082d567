"""The MkDocs adapter: a thin plugin whose hooks hand MkDocs what the core computed.

All logic lives in plain modules (:mod:`generator.site_build` and below); each hook here
only moves data between MkDocs and the core.
"""

from __future__ import annotations

import functools
import gc
import logging
import os
import posixpath
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.templates import TemplateContext

from .dates import set_source_date_epoch
from .diagnostics import ContentError
from .owned_folders import SITE_MARKER, FolderNotOurs, ensure_replaceable, write_site_marker
from .render.sanitise import sanitise
from .render.site_plan import PageSpec
from .search import IndexingRun, SearchDocument, SearchIndexError
from .serve_guard import allowed_hosts, guarded
from .settings import settings_from_config
from .site_build import (
    MachineError,
    PreparedSite,
    add_reports,
    prepare_site,
    site_options,
    timed,
    write_exports,
)
from .site_folder import BUILDING_MARKER

log = logging.getLogger("mkdocs.plugins.programme")
stage_log = logging.getLogger("mkdocs.plugins.programme.stages")
content_log = logging.getLogger("generator.content")
environment_log = logging.getLogger("generator.environment")


THEME_ONLY = ("print/", "fragments/")


class ProgrammeConfig(Config):  # type: ignore[no-untyped-call]
    licence = c.Type(str, default="CC-BY-NC-SA-3.0-FR")
    """Site-wide default licence id."""
    licences = c.Type(dict, default={})
    """More licences by id: ``{ID: {name: …, url: …, short_name: …}}``."""
    projects_dir = c.Type(str, default="projects")
    """Folder of project sheets, relative to ``mkdocs.yml``."""
    pdf = c.Type(bool, default=True)
    """Make a PDF of every document and programme (``mkdocs build``)."""
    serve_pdf = c.Type(bool, default=False)
    """Also make PDFs in ``mkdocs serve`` (slower reloads); env PROGRAMME_SERVE_PDF=1 too."""
    serve_hosts = c.ListOfItems(c.Type(str), default=[])
    """More host names the preview (``serve``) answers to, besides localhost and its IPs."""
    cache_dir = c.Type(str, default=".cache/pdf")
    """PDF cache, relative to ``mkdocs.yml``."""
    listing_page_size = c.Type(int, default=100)
    """Cards on one listing page (all sheets, a country, a theme…); more make more pages."""


SLOT = "\x00pk-slot\x00"
"""Stands for a per-page value in a fragment cached by ``pk_cached`` (see ``cached``)."""


class SearchFeed:
    """Hands the planned sheets and write-ups to the search index, batch by batch.

    The planner calls :meth:`add` as pages are planned; the index writes its copies on
    another core meanwhile, and Pagefind starts at :meth:`close`, before the listings are
    planned. Their PDF links, added later, sit in parts the index ignores.
    """

    def __init__(self) -> None:
        self.run = IndexingRun()
        self.seconds = 0.0

    def add(self, pages: list[PageSpec]) -> None:
        started = time.perf_counter()
        try:
            self.run.add(SearchDocument(spec.url, spec.html, spec.title, spec.description)
                         for spec in pages if "data-pagefind-body" in spec.html)
        except (SearchIndexError, OSError) as error:
            raise PluginError(f"search index: {error}") from error
        self.seconds += time.perf_counter() - started

    def close(self) -> None:
        self.run.start()
        stage_log.info("stage search (start): %.2f s", self.seconds)


class ProgrammePlugin(BasePlugin[ProgrammeConfig]):  # type: ignore[no-untyped-call]
    site: PreparedSite | None = None
    search: IndexingRun | None = None
    serving = False
    render_started = 0.0
    fragments: dict[tuple[str | None, ...], Markup]
    _nav_ids: tuple[Navigation, set[int]] | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        if self.serving:
            _guard_preview_server(tuple(self.config.serve_hosts))

    def wants_pdf(self) -> bool:
        if not self.config.pdf or os.environ.get("PROGRAMME_PDF") == "0":
            return False
        if self.serving:
            return self.config.serve_pdf or os.environ.get("PROGRAMME_SERVE_PDF") == "1"
        return True

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.config.listing_page_size < 1:
            raise PluginError("mkdocs.yml: plugins.programme.listing_page_size must be a "
                              f"whole number of at least 1 (got {self.config.listing_page_size})")
        root = Path(config.config_file_path).resolve().parent
        if not self.serving:  # MkDocs empties site_dir before it builds: only a build's own
            try:
                ensure_replaceable(Path(config.site_dir), (SITE_MARKER, BUILDING_MARKER),
                                   "site folder", "Choose another site_dir, or empty it "
                                   "yourself.")
            except FolderNotOurs as error:
                raise PluginError(str(error)) from error
        raw: dict[str, Any] = {
            "docs_dir": config.docs_dir,
            "site_dir": config.site_dir,
            "site_name": config.site_name,
            "site_url": config.site_url,
            "plugins": [{"programme": dict(self.config)}],
        }
        settings = settings_from_config(root, raw)
        settings.content_dir = Path(config.docs_dir)
        options = site_options(root, {**raw, "markdown_extensions": config.markdown_extensions,
                                      "mdx_configs": config.mdx_configs})
        self.stop_search()
        try:
            feed = SearchFeed()
        except (SearchIndexError, OSError) as error:
            raise PluginError(f"search index: {error}") from error
        self.search = feed.run
        try:
            self.site = prepare_site(settings, options, feed=feed)
            if self.wants_pdf():
                self.site = add_reports(self.site, options, root / self.config.cache_dir)
        except ContentError as error:
            self.stop_search()
            for item in error.diagnostics:
                if item.is_error:
                    log.error(item.as_text())
            raise PluginError(f"{len([d for d in error.diagnostics if d.is_error])} content "
                              "error(s); nothing was built") from error
        except MachineError as error:
            self.stop_search()
            raise PluginError(f"environment: {error}") from error
        except BaseException:
            self.stop_search()
            raise
        for item in self.site.warnings:
            # outside the "mkdocs" logger: content warnings are shown, never fail `--strict`
            content_log.warning(item.as_text())
        for note in self.site.environment:
            environment_log.warning(note)  # the machine, not content: never fails the build
        set_source_date_epoch(self.site.catalogue)
        config.nav = self.site.plan.nav
        licence = settings.site_licence
        config.extra["pk_licence"] = {"url": licence.url, "name": licence.name,
                                      "short_name": licence.short_name}
        # The catalogue and the plan live until the end of the build: leave them out of the
        # garbage collector's full passes while MkDocs renders (~0.5 s at 5,000 sheets).
        gc.freeze()
        return config

    def stop_search(self) -> None:
        if self.search is not None:
            self.search.cancel()
            self.search = None

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.site is not None
        self.render_started = time.perf_counter()
        plan = self.site.plan
        reports = {r.site_path: r.source for r in (self.site.reports or {}).values()}
        # a file of content published at its media address (an image, an attached report)
        # is published there only, not also where it lies in content/
        elsewhere = {str(Path(p).resolve()) for p in [*plan.assets.values(), *reports.values()]}
        for file in list(files):
            uri = file.src_uri
            if not file.is_documentation_page() and uri.startswith(THEME_ONLY):
                files.remove(file)  # print stylesheets and fragments are for the core only
            elif uri.startswith("_data/") or uri in plan.pages or (
                uri.startswith("comptes-rendus/") and uri.count("/") == 1 and uri.endswith(".md")
            ) or (not file.is_documentation_page() and file.abs_src_path is not None
                  and str(Path(file.abs_src_path).resolve()) in elsewhere):
                files.remove(file)
        for uri, spec in plan.pages.items():
            files.append(File.generated(config, uri, content=f"# {spec.title}\n"))
        for url, source in {**reports, **plan.assets}.items():
            files.append(File.generated(config, url, abs_src_path=str(source)))
        return files

    def on_env(self, env: jinja2.Environment, config: MkDocsConfig, files: Files
               ) -> jinja2.Environment:
        self.fragments = {}
        env.globals["pk_cached"] = self.cached
        env.globals["pk_slot"] = SLOT
        # MkDocs makes a new environment for every build (and every reload of `serve`), so
        # templates need not be checked for changes on each of thousands of pages.
        env.auto_reload = False
        return env

    def cached(self, *key: str | None, caller: Callable[[], str],
               slot: str | None = None) -> Markup:
        """``{% call pk_cached(key…) %}…{% endcall %}``: the body rendered once per key.

        A key holding ``None`` (a page in the navigation, whose menu and header are its own)
        is not shared: the body is rendered for that page alone. With ``slot=value``, the
        body is rendered with ``pk_slot`` where the value goes (one that differs from page
        to page, such as the title) and ``value`` is put there.
        """
        html = self.fragments.get(key) if None not in key else None
        if html is None:
            html = Markup(caller())
            if slot is not None and html.count(SLOT) != 1:
                raise PluginError(f"pk_cached{key!r}: pk_slot must appear exactly once")
            if None not in key:
                self.fragments[key] = html
        # str.replace: Markup.replace would escape ``slot``, which the template escaped
        return html if slot is None else Markup(str.replace(html, SLOT, slot))

    def on_pre_page(self, page: Page, config: MkDocsConfig, files: Files) -> Page:
        if self.site is not None and page.file.src_uri in self.site.plan.pages:
            # the page is HTML already (on_page_content): no Markdown pass over its stub
            page.render = functools.partial(_skip_markdown, page)  # type: ignore[method-assign]
        return page

    def on_page_context(self, context: TemplateContext, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        # Pages outside the navigation share one menu per parent folder (its links are
        # relative to the page: projets/a/ and projets/b/ say the same, pays/sn/ does not).
        in_nav = id(page) in self._nav_pages(nav)
        folder = posixpath.dirname(page.url.rstrip("/"))
        context["pk_nav_key"] = None if in_nav else folder  # type: ignore[typeddict-unknown-key]
        return context

    def _nav_pages(self, nav: Navigation) -> set[int]:
        if self._nav_ids is None or self._nav_ids[0] is not nav:
            self._nav_ids = (nav, {id(p) for p in nav.pages})
        return self._nav_ids[1]

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        spec = self.site.plan.pages.get(page.file.src_uri) if self.site else None
        licence = config.extra["pk_licence"]
        if spec is None:
            page.meta.setdefault("pk_licence", licence)
            return markdown
        page.meta.update(
            title=spec.title,
            description=spec.description,
            pk_kind=spec.kind,
            pk_jsonld=spec.jsonld,
            pk_licence={"url": spec.licence.url, "name": spec.licence.name,
                        "short_name": spec.licence.short_name},
        )
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        spec = self.site.plan.pages.get(page.file.src_uri) if self.site else None
        if spec is None:
            clean = sanitise(html)
            title = page.meta.get("title")
            if isinstance(title, str) and "<h1" not in clean:
                # Material would print the front-matter title as the heading, unescaped
                clean = f"<h1>{escape(title)}</h1>\n{clean}"
            return clean
        page.toc = get_toc(spec.toc_tokens)  # type: ignore[arg-type]
        return spec.html

    def on_post_build(self, config: MkDocsConfig) -> None:
        try:
            assert self.site is not None
            stage_log.info("stage render (MkDocs): %.2f s",
                           time.perf_counter() - self.render_started)
            write_exports(self.site.catalogue, Path(config.site_dir), config.site_url or "",
                          self.site.reports)
            write_site_marker(Path(config.site_dir))
            search, self.search = self.search, None
            assert search is not None
            with timed("search (wait and install)"):
                try:
                    stats = search.install(Path(config.site_dir))
                except (SearchIndexError, OSError) as error:
                    raise PluginError(f"search index: {error}") from error
            log.info("search index: %d pages, %d bytes", stats.pages, stats.bytes)
            for warning in stats.warnings:
                environment_log.warning(warning)  # the Pagefind version, not content
        finally:
            gc.unfreeze()

    def on_build_error(self, *, error: Exception) -> None:
        gc.unfreeze()
        self.stop_search()

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> Any:
        root = Path(config.config_file_path).resolve().parent
        for folder in (root / self.config.projects_dir, root / "theme"):
            if folder.is_dir():
                server.watch(str(folder))
        return server


def _guard_preview_server(extra_hosts: tuple[str, ...]) -> None:
    """Put :func:`.serve_guard.guarded` in front of every preview server made from now on.

    ``on_startup`` runs before ``mkdocs serve`` makes its server, and ``on_serve`` only runs
    with live reload on, so the class's request handler is wrapped (once; MkDocs 1.x is
    frozen, so ``serve_request`` stays what it is).
    """
    original = LiveReloadServer.serve_request
    original = getattr(original, "unguarded", original)

    def serve_request(server: LiveReloadServer, environ: dict[str, Any],
                      start_response: Any) -> Any:
        hosts = allowed_hosts(str(server.server_address[0]), extra_hosts)
        app = guarded(functools.partial(original, server), hosts)
        return app(environ, start_response)

    serve_request.unguarded = original  # type: ignore[attr-defined]
    LiveReloadServer.serve_request = serve_request  # type: ignore[method-assign, assignment]


def _skip_markdown(page: Page, config: MkDocsConfig, files: Files) -> None:
    """Stands for ``Page.render`` on planned pages: on_page_content gives their HTML."""
    page.content = ""
