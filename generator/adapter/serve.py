"""What the plugin changes in MkDocs' preview server (``mkdocs serve``).

- :func:`guard_preview_server`: the request guard (:mod:`generator.serve_guard`) in front of
  every request;
- :func:`keep_serving`: a rebuild that fails still ends, on the error page
  (:mod:`generator.error_page`), instead of leaving the browser waiting;
- :func:`reload_error_pages`: a page the site lacks (``404.html``) reloads like the others;
- :func:`share_terminal_with_core`: the core's log lines printed as MkDocs prints its own.

They rely on MkDocs 1.6's ``LiveReloadServer`` (and ProperDocs', the same code): MkDocs 1.x
is frozen, so what they wrap stays what it is.
"""

from __future__ import annotations

import functools
import logging
import os
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.exceptions import MkDocsException
from mkdocs.livereload import LiveReloadServer
from mkdocs.utils import CountHandler

from ..serve_guard import allowed_hosts, guarded

_log = logging.getLogger("mkdocs.plugins.programme")

CORE_LOGGER = "generator"
"""The core's loggers (content warnings, the content errors of the preview): outside
``mkdocs``, so that MkDocs' ``strict: true`` never counts them."""


def guard_preview_server(extra_hosts: tuple[str, ...]) -> None:
    """Put :func:`.serve_guard.guarded` in front of every preview server made from now on.

    ``on_startup`` runs before ``mkdocs serve`` makes its server, and ``on_serve`` only runs
    with live reload on, so the class's request handler is wrapped (once; MkDocs 1.x is
    frozen, so ``serve_request`` stays what it is).
    """
    original = LiveReloadServer.serve_request
    original = getattr(original, "unguarded", original)

    def serve_request(
        server: LiveReloadServer, environ: dict[str, Any], start_response: Any
    ) -> Any:
        hosts = allowed_hosts(str(server.server_address[0]), extra_hosts)
        app = guarded(functools.partial(original, server), hosts)
        return app(environ, start_response)

    serve_request.unguarded = original  # type: ignore[attr-defined]
    LiveReloadServer.serve_request = serve_request  # type: ignore[method-assign, assignment]


def _engine_logger() -> logging.Logger:
    """The logger that prints the engine's lines: ``mkdocs``; under ProperDocs, which makes
    ``mkdocs`` a child of its own logger, ``properdocs`` (the first that stops propagating)."""
    logger = logging.getLogger("mkdocs")
    while logger.propagate and logger.parent is not None and logger.parent is not logger.root:
        logger = logger.parent
    return logger


class _Heard(logging.Handler):
    """The warnings and errors logged during one build, for the error page."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if not record.name.startswith("mkdocs.livereload"):  # requests, not the build
            self.messages.append(record.getMessage())


def _said(error: BaseException) -> str:
    """An exception's text, with its file and line when it has them (a template's syntax
    error), the file relative to the folder the preview runs in."""
    said = str(error).strip() or type(error).__name__
    filename, line = getattr(error, "filename", None), getattr(error, "lineno", None)
    if isinstance(filename, str) and isinstance(line, int) and filename not in said:
        if os.path.isabs(filename) and Path(filename).is_relative_to(Path.cwd()):
            filename = Path(filename).relative_to(Path.cwd()).as_posix()
        said = f"{filename}:{line}: {said}"
    return said


def _chain(error: BaseException) -> list[str]:
    """The texts of ``error`` and of the exceptions under it, outermost first."""
    texts = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        texts.append(_said(current))
        current = current.__cause__ or current.__context__
    return texts


def keep_serving(
    server: LiveReloadServer, show_failure: Callable[[list[str], Exception], None]
) -> None:
    """Make every rebuild end: one that raises calls ``show_failure`` with what it said
    and the exception.

    When MkDocs' builder raises, its build loop keeps the old site and never makes the new
    version visible: the browser's live-reload request waits, and any page asked for
    meanwhile waits for a build that never ends, until a later save builds. Content errors
    do not raise in the preview (the plugin builds the error page itself); this catches the
    rest (``mkdocs.yml`` unreadable, a template error, ``strict: true`` stopping on a
    warning): ``show_failure`` gets the warnings and errors logged during the build and the
    exception's texts, and writes the error page, and the build loop goes on as after a
    build that succeeded. The first build, before the server starts, is not wrapped: MkDocs
    calls it directly, and stops when it fails.
    """
    build = server.builder

    def builder() -> None:
        heard = _Heard()
        loggers = [_engine_logger(), logging.getLogger(CORE_LOGGER)]
        for logger in loggers:
            logger.addHandler(heard)
        try:
            build()
        except Exception as error:  # MkDocs' Abort is a SystemExit and an Exception
            for logger in loggers:
                logger.removeHandler(heard)
            if not isinstance(error, MkDocsException):
                traceback.print_exc()  # a bug: its traceback, for whoever reports it
            notes = list(dict.fromkeys(heard.messages))
            for said in _chain(error):
                if not any(said in note for note in notes):  # not logged (mkdocs.yml unread)
                    _log.error(said)
                    notes.append(said)
            show_failure(notes, error)
        finally:
            for logger in loggers:
                logger.removeHandler(heard)

    server.builder = builder


def reload_error_pages(server: LiveReloadServer) -> None:
    """Give the pages MkDocs answers for an address the site lacks the live-reload script.

    MkDocs adds its script to every HTML file it serves, but not to ``404.html``, served by
    its error handler: a browser left there (on the error page, say, after a first build
    that failed) would never come back by itself. Without live reload (no ``on_serve``)
    nothing changes.
    """
    inject = getattr(server, "_inject_js_into_html", None)
    if inject is None or not hasattr(server, "_visible_epoch"):
        return
    answer = server.error_handler

    def error_handler(code: int) -> bytes | None:
        content = answer(code)
        if content is None:
            return None
        page: bytes = inject(content, server._visible_epoch)
        return page

    server.error_handler = error_handler


def share_terminal_with_core() -> Callable[[], None]:
    """Print the core's log lines with MkDocs' terminal handler; returns what undoes it.

    ``mkdocs serve`` prints the ``mkdocs`` loggers only: the core's (:data:`CORE_LOGGER`)
    would go, bare, to Python's last resort (or nowhere). They get MkDocs' handlers except
    its ``strict`` counter, and stop propagating to the root logger meanwhile (no line
    twice).
    """
    core = logging.getLogger(CORE_LOGGER)
    shared = [
        handler
        for handler in _engine_logger().handlers
        if not isinstance(handler, CountHandler) and handler not in core.handlers
    ]
    propagate = core.propagate
    for handler in shared:
        core.addHandler(handler)
    if shared:
        core.propagate = False

    def undo() -> None:
        for handler in shared:
            core.removeHandler(handler)
        core.propagate = propagate

    return undo
