"""When each content file was first and last committed, from one ``git log``.

The pages show a « Publié le » and a « Mis à jour le » date; the history of the repository
knows them better than any front matter. One ``git log --name-only`` over the content
folders gives every file at once: newest commit first, so the first time a file is seen is
its last change and the last time is its first commit. (Asking Git once per file
would cost a process per file: minutes at thousands of sheets; the single call takes about
0.3 s for 5,000 files and 50 commits on a busy two-core machine.)

Without Git, outside a repository, or for a file never committed, a file has no entry and
the page falls back to its front matter. The dates are the committer's calendar dates
(``%cs``), so the same history always gives the same pages.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

RECORD = "\x1e"
"""Starts each commit in the log's output (a byte no file name or date holds)."""

TIMEOUT_SECONDS = 120


@dataclass(frozen=True)
class FileDates:
    first: dt.date
    """The day of the oldest commit that touched the file (its publication)."""
    last: dt.date
    """The day of the newest one (its last update)."""


def file_dates(root: Path, folders: list[Path]) -> dict[Path, FileDates]:
    """Resolved path -> its commit dates, for every committed file under ``folders``.

    Empty when Git is missing, ``root`` is not in a repository, or Git fails: the build
    never depends on Git.
    """
    git = shutil.which("git")
    if git is None:
        return {}
    try:
        top = _run([git, "-C", str(root), "rev-parse", "--show-toplevel"]).strip()
        if not top:
            return {}
        output = _run(
            [
                git,
                "-C",
                str(root),
                "-c",
                "log.showSignature=false",
                "log",
                "--no-renames",
                "--no-merges",
                f"--format={RECORD}%cs",
                "-z",
                "--name-only",
                "--",
                *(str(folder.resolve()) for folder in folders),
            ]
        )
    except (OSError, subprocess.SubprocessError, UnicodeDecodeError):
        return {}
    return parse_log(output, Path(top).resolve())


def parse_log(output: str, top: Path) -> dict[Path, FileDates]:
    """Read ``git log --format=<RECORD>%cs -z --name-only`` (newest commit first)."""
    found: dict[Path, FileDates] = {}
    for record in output.split(RECORD):
        fields = [field.strip("\n") for field in record.split("\0")]
        if not fields or not fields[0]:
            continue
        try:
            day = dt.date.fromisoformat(fields[0])
        except ValueError:
            continue
        for name in fields[1:]:
            if not name:
                continue
            path = top / name
            known = found.get(path)
            found[path] = FileDates(day, day if known is None else known.last)
    return found


def _run(command: list[str]) -> str:
    completed = subprocess.run(
        command,
        capture_output=True,
        check=True,
        timeout=TIMEOUT_SECONDS,
        stdin=subprocess.DEVNULL,
    )
    return completed.stdout.decode("utf-8")
