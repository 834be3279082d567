"""The preview's side of the plugin (``mkdocs serve``): its server, and its error page.

A build stops on content errors (``build``: nothing is written, the errors and warnings are
logged). The preview builds instead the error page (:mod:`generator.error_page`) at every
address of the last site built: it is a build that succeeds, so the browser's live reload
takes it there within a second of the save, and the next build that succeeds brings the
pages back. A rebuild that fails for another reason ends on the same page
(:func:`.serve.keep_serving`).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer

from ..diagnostics import ContentError
from ..error_page import error_page, html_pages, write_error_site
from ..messages import text
from ..site_build import MachineError, ProgramFault
from .serve import (
    CORE_LOGGER,
    guard_preview_server,
    keep_serving,
    reload_error_pages,
    share_terminal_with_core,
)

log = logging.getLogger("mkdocs.plugins.programme")
content_log = logging.getLogger(f"{CORE_LOGGER}.content")
"""Content warnings, and the preview's content errors: outside ``mkdocs``, so that
``strict: true`` never counts them (the preview's error page is a build that succeeds)."""


def failure_message(error: Exception) -> str:
    """What stopped a build before (the machine) or after (the search index) MkDocs."""
    if isinstance(error, ProgramFault):
        return str(error)  # says it is a bug, and what to do
    if isinstance(error, MachineError):
        return text("serve-machine", detail=str(error))
    return text("serve-index-recherche", detail=str(error))


class Preview:
    """What the plugin keeps for the preview: the error page of this build, if any, and the
    addresses of the last site built (where the error page goes)."""

    def __init__(self) -> None:
        self.serving = False
        self.page: str | None = None
        self.site_pages: tuple[str, ...] = ()
        self.site_name = ""
        self._unshare: Callable[[], None] | None = None

    def start(self, extra_hosts: tuple[str, ...]) -> None:
        """``on_startup`` of ``serve``: the request guard, the core's log in the terminal."""
        self.serving = True
        guard_preview_server(extra_hosts)
        if self._unshare is None:
            self._unshare = share_terminal_with_core()

    def stop(self) -> None:
        self.serving = False
        if self._unshare is not None:
            self._unshare()
            self._unshare = None

    def begin(self, config: MkDocsConfig) -> None:
        """A new build: no error page yet."""
        self.page = None
        self.site_name = config.site_name or ""

    @property
    def showing(self) -> bool:
        """Whether this build writes the error page instead of the site."""
        return self.page is not None

    def failed(self, config: MkDocsConfig, error: Exception) -> MkDocsConfig:
        """The content has errors, or the machine or the search index failed, before
        anything was built: ``build`` stops (:class:`PluginError`), the preview says why."""
        if isinstance(error, ContentError):
            return self._content_failed(config, error)
        message = failure_message(error)
        if not self.serving:
            raise PluginError(message) from error
        content_log.error(message)
        return self._show(config, error_page([], [message], self.site_name))

    def _content_failed(self, config: MkDocsConfig, error: ContentError) -> MkDocsConfig:
        """Logs the errors and warnings, in order; ``build`` stops, the preview shows them."""
        problems = sorted(set(error.diagnostics))
        errors = sum(1 for item in problems if item.is_error)
        for item in problems:
            if not item.is_error:
                content_log.warning(item.as_text())
            elif self.serving:
                content_log.error(item.as_text())
            else:
                log.error(item.as_text())
        if not self.serving:
            raise PluginError(text("serve-rien-construit", errors=errors)) from error
        content_log.error(text("serve-page-affichee", errors=errors))
        return self._show(config, error_page(problems, site_name=self.site_name))

    def _show(self, config: MkDocsConfig, page: str) -> MkDocsConfig:
        """This build writes ``page`` instead of the site: the plugin keeps no file
        (``on_files``) and :meth:`write` writes it (``on_post_build``)."""
        self.page = page
        config.theme.static_templates.clear()  # Material's 404 page and sitemap: the site's
        return config

    def write(self, site_dir: Path) -> bool:
        """``on_post_build``: the error page, if this build shows it; whether it did."""
        if self.page is None:
            return False
        write_error_site(site_dir, self.page, self.site_pages)
        return True

    def built(self, site_dir: Path) -> None:
        """``on_post_build`` of a site built: in the preview, its addresses."""
        if self.serving:
            self.site_pages = html_pages(site_dir)

    def attach(
        self, server: LiveReloadServer, watched: list[Path], shown: Callable[[], None]
    ) -> LiveReloadServer:
        """``on_serve``: the folders watched besides ``docs_dir`` (sheets, theme); rebuilds
        that fail end on the error page (and call ``shown``: the site served is no longer
        the last one built); 404 pages reload too."""
        for folder in watched:
            server.watch(str(folder))
        keep_serving(server, functools.partial(self._show_failure, Path(server.root), shown))
        reload_error_pages(server)
        return server

    def _show_failure(
        self, site_dir: Path, shown: Callable[[], None], notes: list[str], error: Exception
    ) -> None:
        """A rebuild raised: the error page, with the content's problems when that is what
        stopped it (``serve --clean`` builds as ``build`` does), else what was said."""
        cause: BaseException | None = error
        while cause is not None and not isinstance(cause, ContentError):
            cause = cause.__cause__ or cause.__context__
        if isinstance(cause, ContentError):
            page = error_page(cause.diagnostics, site_name=self.site_name)
        else:
            page = error_page([], notes, self.site_name)
        write_error_site(site_dir, page, self.site_pages)
        shown()
        content_log.error(text("serve-echec-affiche"))
