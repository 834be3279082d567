"""The MkDocs plugin ``programme``: each hook hands MkDocs what the core computed.

:class:`generator.site_run.SiteRun` does the work; the hooks translate MkDocs' objects and
keep nothing between builds (``on_config`` starts a new run; ``serve`` reuses the plugin).
"""

from __future__ import annotations

import functools
import gc
import logging
import posixpath
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.templates import TemplateContext

from ..diagnostics import ContentError
from ..owned_folders import FolderNotOurs
from ..render.fragment_cache import SLOT, FragmentCache
from ..search import SearchIndexError
from ..site_build import MachineError
from ..site_folder import ensure_engine_may_empty
from ..site_run import SiteRun, licence_meta
from .config import CONFIG_SCHEME, options_of, render_as_github, settings_of
from .preview import Preview, failure_message
from .quick_pass import QuickPreview
from .site_files import site_files

log = logging.getLogger("mkdocs.plugins.programme")


class ProgrammePlugin(BasePlugin):  # type: ignore[type-arg, no-untyped-call]
    config_scheme = CONFIG_SCHEME

    def __init__(self) -> None:
        self.serving = False
        self.run: SiteRun | None = None
        self.nav_pages: set[int] = set()
        self.watched: list[Path] = []
        self.preview = Preview()
        self.quick = QuickPreview()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        if self.serving:
            self.preview.start(tuple(self.config["serve_hosts"]))

    def on_shutdown(self) -> None:
        self.preview.stop()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.on_build_error(error=None)  # a run left by a build that stopped early
        self.preview.begin(config)
        render_as_github(config)
        try:
            options = options_of(self.config)
            if not self.serving:
                ensure_engine_may_empty(Path(config.site_dir))
        except (ValueError, FolderNotOurs) as error:
            raise PluginError(str(error)) from error
        settings = settings_of(config, options, self.serving)
        self.watched = settings.watched  # known before reading: a failed first build watches
        if self.serving and (run := self.quick.start(settings, config)) is not None:
            self.run = run  # only the edited documents' pages (generator/preview_update.py)
            return config
        self.run = SiteRun(settings, options.makes_pdfs(self.serving))
        try:
            site = self.run.prepare()
        except (ContentError, MachineError, SearchIndexError, OSError) as error:
            return self.preview.failed(config, error)  # `build` stops; `serve` shows them
        config.nav = site.plan.nav
        config.extra["pk_licence"] = licence_meta(self.run.settings.site_licence)
        gc.freeze()  # catalogue and plan live to the end: 6 % of a build (bench/tricks.md)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if self.preview.showing:
            return Files([])
        assert self.run is not None
        return self.quick.files(site_files(self.run, files, config))

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav_pages = {id(page) for page in nav.pages}
        return nav

    def on_env(
        self, env: jinja2.Environment, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        env.bytecode_cache = self.quick.compiled
        env.globals["pk_cached"] = FragmentCache()
        env.globals["pk_slot"] = SLOT
        return env

    def on_pre_page(self, page: Page, config: MkDocsConfig, files: Files) -> Page:
        if self.run is not None and self.run.planned(page.file.src_uri):
            # its HTML comes from the plan: no Markdown pass, 8 % of a build (bench/tricks.md)
            page.render = functools.partial(_no_markdown, page)  # type: ignore[method-assign]
        return page

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        run = self.run
        spec = run.planned(page.file.src_uri) if run else None
        if run is None or spec is None:
            page.meta.setdefault("pk_licence", config.extra["pk_licence"])
        else:
            page.meta.update(run.page_meta(spec))
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        spec = self.run.planned(page.file.src_uri) if self.run else None
        if spec is None:
            return SiteRun.editorial_html(html, page.meta.get("title"))
        page.toc = get_toc(spec.toc_tokens)  # type: ignore[arg-type]
        return spec.html

    def on_page_context(
        self, context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        # Pages outside the navigation share one menu per parent folder (pk_cached)
        folder = posixpath.dirname(page.url.rstrip("/"))
        key = None if id(page) in self.nav_pages else folder
        context["pk_nav_key"] = key  # type: ignore[typeddict-unknown-key]
        return context

    def on_post_build(self, config: MkDocsConfig) -> None:
        run, self.run = self.run, None
        gc.unfreeze()
        if self.quick.finish() or self.preview.write(Path(config.site_dir)):
            return
        assert run is not None
        try:
            run.finish(Path(config.site_dir))
        except (SearchIndexError, OSError) as error:
            raise PluginError(failure_message(error)) from error
        self.quick.built(run.site)
        self.preview.built(Path(config.site_dir))

    def on_build_error(self, *, error: Exception | None) -> None:
        gc.unfreeze()
        self.quick.failed(error)
        if self.run is not None:
            self.run.cancel()
            self.run = None

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> Any:
        self.quick.follow_up.server = server
        return self.preview.attach(server, self.watched, self.quick.forget)


def _no_markdown(page: Page, config: MkDocsConfig, files: Files) -> None:
    """``Page.render`` of a planned page: on_page_content gives its HTML."""
    page.content = ""
