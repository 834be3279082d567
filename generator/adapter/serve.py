"""The request guard (:mod:`generator.serve_guard`) in front of MkDocs' preview server."""

from __future__ import annotations

import functools
from typing import Any

from mkdocs.livereload import LiveReloadServer

from ..serve_guard import allowed_hosts, guarded


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
