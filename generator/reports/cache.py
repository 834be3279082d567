"""The PDF cache: entries that cannot lie, and that do not pile up.

An entry is ``<key>.pdf`` (the key: a SHA-256 of everything that goes into the PDF) and
``<key>.sha256``, the SHA-256 of the PDF's bytes, written after it. An entry is used only
when both exist and the bytes match (hashing the 5,600 PDFs of 5,000 sheets takes about
0.2 s); a damaged one (truncated, replaced, its checksum missing) is made again, and the
build says so once.

Pruning: after each build that made its PDFs, entries that this build did not use and that
no build has used for :data:`PRUNE_AFTER_DAYS` days are removed (each use touches the
checksum file), and so are the temporary files of workers that were killed, after a day
(:mod:`generator.cache_pruning`). Only files named as this cache names them are removed.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import time
from pathlib import Path

from ..cache_pruning import PRUNE_AFTER_DAYS, modified, remove_unused

_ENTRY = re.compile(r"^([0-9a-f]{64})\.(pdf|sha256)$")


def checksum_path(entry: Path) -> Path:
    return entry.with_suffix(".sha256")


def write_entry(target: Path, data: bytes) -> None:
    """Write the PDF, then its checksum, each atomically (a reader never sees half)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    for path, content in (
        (target, data),
        (checksum_path(target), hashlib.sha256(data).hexdigest().encode()),
    ):
        descriptor, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=".tmp-", suffix=path.suffix
        )
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
        os.replace(temporary, path)


def is_valid(entry: Path) -> bool | None:
    """True: a sound entry (now marked as used). None: no entry. False: a damaged one."""
    checksum = checksum_path(entry)
    pdf_there, checksum_there = entry.is_file(), checksum.is_file()
    if not pdf_there and not checksum_there:
        return None
    try:
        expected = checksum.read_text("ascii").strip()
        actual = hashlib.sha256(entry.read_bytes()).hexdigest()
    except (OSError, UnicodeDecodeError):
        return False
    if actual != expected:
        return False
    os.utime(checksum)
    return True


def prune(cache_dir: Path, used: set[str], now: float | None = None) -> list[Path]:
    """Remove entries not in ``used`` (keys) and unused for :data:`PRUNE_AFTER_DAYS` days."""

    def last_use(name: str, path: Path) -> float | None:
        match = _ENTRY.match(name)
        if match is None or match.group(1) in used:
            return None
        return max(path.stat().st_mtime, modified(checksum_path(path)))

    return remove_unused(cache_dir, last_use, time.time() if now is None else now)


__all__ = ["PRUNE_AFTER_DAYS", "checksum_path", "is_valid", "prune", "write_entry"]
