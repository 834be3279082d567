"""Worker processes end with the process that started them.

A build killed with SIGKILL cannot stop its workers; on Linux each worker asks the kernel
to kill it when its parent dies (``prctl(PR_SET_PDEATHSIG)``), so no PDF or Markdown worker
goes on alone. Elsewhere this is a no-op (the workers then end when their pipe closes).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys

PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Initializer of every worker pool: this process ends when its parent does."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before the call: go now
        os._exit(1)
