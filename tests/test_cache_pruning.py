"""One pruning rule for the build's caches (generator/cache_pruning.py): the first-page
thumbnails' cache, as the PDF cache (tests/test_environment.py) and the plan's files
(tests/test_listings.py)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from generator.cache_pruning import PRUNE_AFTER_DAYS
from generator.reports.thumbnails import FOLDER, prune_thumbnails


def test_thumbnails_unused_for_the_delay_go_and_nothing_else(tmp_path: Path) -> None:
    folder = tmp_path / FOLDER
    folder.mkdir()
    used, old, recent = (folder / f"{c * 64}.webp" for c in "abc")
    stranger, temporary, fresh_temporary = (
        folder / "notes.webp",
        folder / ".tmp-1.webp",
        folder / ".tmp-2.webp",
    )
    for path in (used, old, recent, stranger, temporary, fresh_temporary):
        path.write_bytes(b"x")
    long_ago = time.time() - (PRUNE_AFTER_DAYS + 1) * 86400
    two_days_ago = time.time() - 2 * 86400
    for path in (used, old, stranger):
        os.utime(path, (long_ago, long_ago))
    os.utime(temporary, (two_days_ago, two_days_ago))
    prune_thumbnails(tmp_path, {used})
    left = sorted(p.name for p in folder.iterdir())
    assert left == sorted(p.name for p in (used, recent, stranger, fresh_temporary))
