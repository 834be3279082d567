"""Imported first by the PDF workers' fork server, and only there: it ties that process's
life to the build's.

The workers are forked from the server (:func:`generator.processes.preloaded_context`), so
their parent is the server, and each keeps the server's « alive » pipe open: a build killed
with SIGKILL would leave the server and its workers running, each waiting for the other.
With this the kernel ends the server when the build dies, and each worker (whose
initializer asks the same, :func:`generator.reports.render.start_pdf_worker`) when the
server does. Importing a module for its effect is unusual; it is the one hook a fork server
offers (``set_forkserver_preload``).
"""

from __future__ import annotations

from ..processes import die_with_parent

die_with_parent()
