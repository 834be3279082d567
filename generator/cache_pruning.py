"""What the build's caches no longer use goes, and nothing else: one rule for all of them.

The PDF cache, its first-page thumbnails and the plan's files (card thumbnails, listing
filter data) name each file by a SHA-256 of what it holds, so an old file is never wrong,
only unused. :func:`remove_unused` removes a file of a cache's folder when the cache gives
its last use (a name it gave, not used by this build) and that use is older than
:data:`PRUNE_AFTER_DAYS` days; and a worker's temporary file (``.tmp-…``, left by a worker
that was killed) after a day. Any other file of the folder stays.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

PRUNE_AFTER_DAYS = 30
DAY = 86400
TEMPORARY_PREFIX = ".tmp-"
"""How the caches name a file being written (``tempfile.mkstemp(prefix=…)``)."""


def remove_unused(
    folder: Path, last_use: Callable[[str, Path], float | None], now: float
) -> list[Path]:
    """Remove the files of ``folder`` that ``last_use(name, path)`` dates to more than
    :data:`PRUNE_AFTER_DAYS` days before ``now`` (None: not the cache's, or in use), and
    temporary files older than a day. Returns what was removed, by name."""
    removed: list[Path] = []
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return removed
    for name in names:
        path = folder / name
        try:
            if name.startswith(TEMPORARY_PREFIX):
                stale = path.stat().st_mtime < now - DAY
            else:
                used = last_use(name, path)
                stale = used is not None and used < now - PRUNE_AFTER_DAYS * DAY
            if stale:
                path.unlink()
                removed.append(path)
        except OSError:
            continue
    return removed


def modified(path: Path) -> float:
    """A file's modification time (0 when it is gone: as old as can be)."""
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
