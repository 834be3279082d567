"""Worker processes end with the process that started them.

A build killed with SIGKILL cannot stop its workers; on Linux each worker asks the kernel
to kill it when its parent dies (``prctl(PR_SET_PDEATHSIG)``), so no PDF or Markdown worker
goes on alone. Elsewhere this is a no-op (the workers then end when their pipe closes).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import multiprocessing
import multiprocessing.context
import os
import signal
import sys

PR_SET_PDEATHSIG = 1


def _libc() -> ctypes.CDLL:
    try:
        return ctypes.CDLL("libc.so.6", use_errno=True)
    except OSError:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so", use_errno=True)


def die_with_parent() -> None:
    """Initializer of every worker pool: this process ends when its parent does."""
    if not sys.platform.startswith("linux"):
        return
    try:
        # glibc's name first: find_library runs ldconfig (40 ms of every worker's start)
        libc = _libc()
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before the call: go now
        os._exit(1)


def preloaded_context(modules: list[str]) -> multiprocessing.context.BaseContext:
    """A context whose workers start with ``modules`` already imported.

    On Linux: the fork server, a process started cleanly (no threads of ours, like spawn)
    that imports ``modules`` once and forks each worker from itself. A spawned PDF worker
    spent 0.85 s of CPU importing WeasyPrint and its libraries before its first PDF (5 pools
    of 2 workers: 8.6 s of CPU, 11 s wall; forked from the server: 1.5 s wall, measured 3
    December 2026), and the PDF stage starts fresh workers for every batch and for the
    compiled reports. Elsewhere: spawn. :func:`stop_preloaded` ends the server.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(modules)
    return context


def stop_preloaded(at_once: bool = False) -> None:
    """End the fork server, if one runs, and wait for it: its memory goes back at once and
    the CPU time of the workers it forked is counted as this process's children's.

    ``at_once`` (the build was interrupted, say by Ctrl-C while a pool was starting): kill
    it, and its workers end with it (:mod:`generator.reports.fork_server`); a worker left
    behind by the interruption would otherwise keep the server waiting for it. Else the
    server ends when its last worker has (``ForkServer._stop``, what CPython's own tests
    call; without it the server ends anyway with this process)."""
    from multiprocessing import forkserver

    server = getattr(forkserver, "_forkserver", None)
    pid = getattr(server, "_forkserver_pid", None)
    if at_once and isinstance(pid, int):
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    stop = getattr(server, "_stop", None)
    if callable(stop):
        stop()
