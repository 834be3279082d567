"""Files the plan keeps in the build cache (thumbnails, filter data): used, kept, pruned.

Each is named by a SHA-256 of what it holds, so an old one is never wrong, only unused. A
file is marked as used (its modification time) at most once a day; the first time a process
writes into a folder, the files of that folder nobody used for :data:`PRUNE_AFTER_DAYS` days
are removed, as the PDF cache's are (:mod:`generator.cache_pruning`). Only names this cache
gives (64 hex digits and the folder's suffix, or a worker's ``.tmp-`` file) are removed.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path

from ..cache_pruning import remove_unused

_DAY = 86400
_pruned: set[str] = set()


def mark_used(path: Path) -> None:
    """Note that ``path`` is still in use (once a day is enough for pruning by age)."""
    try:
        if path.stat().st_mtime < time.time() - _DAY:
            os.utime(path)
    except OSError:
        pass


def write_once(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` atomically (a reader never sees half a file)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    prune(target.parent, target.suffix)
    descriptor, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=".tmp-", suffix=target.suffix
    )
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
    os.replace(temporary, target)


def prune(folder: Path, suffix: str, now: float | None = None) -> list[Path]:
    """Remove, once per process and folder, the files unused for PRUNE_AFTER_DAYS days."""
    if str(folder) in _pruned and now is None:
        return []
    _pruned.add(str(folder))
    ours = re.compile(rf"^[0-9a-f]{{64}}{re.escape(suffix)}$")
    return remove_unused(
        folder,
        lambda name, path: path.stat().st_mtime if ours.match(name) else None,
        time.time() if now is None else now,
    )
