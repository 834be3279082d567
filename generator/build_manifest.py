"""Nothing changed, nothing done: the manifest that lets ``build`` keep the site it wrote.

After each successful ``build``, a manifest in the cache folder records every input of the
build as it was when the build started (each file's size, modification time and SHA-256),
what else the output depends on (the Python, the installed packages' folders, the
generator's own files, the Git commit checked out since pages show commit dates, the
environment variables the build reads, the engine, the site folder's path) and the site
folder as the build left it (each file's size and time).

The next ``build`` first compares: when every input has the same size and time (or, where
either differs, the same SHA-256), when the context is the same and when the site folder
still holds exactly the files the build wrote, unchanged, the site is up to date and
nothing is built; the warnings of that build are said again. Anything else (one byte of
one sheet, a file added anywhere under the root, a file of the site touched or removed, a
package installed) and the build runs as before, whole. A manifest is never trusted in
part.

Files modified within :data:`RACY_NS` of the moment their state was recorded are always
hashed again: a file saved twice within the file system's time resolution would keep its
time and size (the "racy" files of Git). The inputs are recorded before the build reads
them, so a file saved during a build makes the next build run.

Measured on demonstration corpora (2 shared cores, bench/results.md, issue 21): deciding
that nothing changed takes 0.13 s at 1,000 sheets with PDFs (the whole command 0.5 s,
0.13× plain mkdocs-material, where the rebuild took 15.2 s) and 0.35 s at 5,000 sheets
(HTML site of 28,932 files; the command 0.7 s).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__
from .owned_folders import SITE_MARKER

FORMAT = 1
"""The manifest's layout; another value is not read (a full build follows)."""
RACY_NS = 2_000_000_000
"""Files whose time is this close to the recording are hashed again at the next build."""
SKIPPED_FOLDERS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        ".cache",
        ".venv",
        "venv",
        "node_modules",
        "__pycache__",
        ".pytest_cache",
        ".mypy_cache",
        ".ruff_cache",
        ".hypothesis",
    }
)
"""Folders under the root that no build reads (tools' caches, version control)."""
ENVIRONMENT_PREFIXES = ("PROGRAMME_", "PK_", "MKDOCS_")
ENVIRONMENT_NAMES = ("SOURCE_DATE_EPOCH", "_GENERATOR_SET_SOURCE_DATE_EPOCH", "LANG", "LC_ALL")
"""Environment variables the output may depend on (PDFs on or off, the engine, the date)."""

FileState = tuple[int, int, str]
"""(size in bytes, modification time in nanoseconds, SHA-256 or '' when not hashed)."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _walk(
    folder: Path,
    skip: frozenset[Path],
    prefix: str,
    out: dict[str, os.stat_result],
    seen: set[tuple[int, int]] | None = None,
) -> None:
    """Every regular file under ``folder`` (links followed, as the build does; each folder
    once, so that a link to a folder above ends)."""
    seen = set() if seen is None else seen
    try:
        itself = os.stat(folder)
        if (itself.st_dev, itself.st_ino) in seen:
            return
        seen.add((itself.st_dev, itself.st_ino))
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        try:
            if entry.is_dir():
                path = Path(entry.path)  # folders only: a Path per file was half the walk
                if entry.name in SKIPPED_FOLDERS or path.resolve() in skip or _is_site(path):
                    continue
                _walk(path, skip, f"{prefix}{entry.name}/", out, seen)
            elif entry.is_file():
                out[prefix + entry.name] = entry.stat()
        except OSError:
            continue


def _is_site(folder: Path) -> bool:
    """A site folder (this build's or another's) or a build's folder beside it."""
    return (folder / SITE_MARKER).is_file() or (folder / ".programme-building").is_file()


def input_stats(root: Path, skip: list[Path]) -> dict[str, os.stat_result]:
    """The files a build may read: everything under ``root`` but site folders, caches and
    version control, and the generator's own files (named ``generator:…``)."""
    skipped = frozenset(p.resolve() for p in skip)
    found: dict[str, os.stat_result] = {}
    _walk(root.resolve(), skipped, "", found)
    package = Path(__file__).resolve().parent
    if root.resolve() not in package.parents:
        _walk(package, skipped, "generator:", found)
    return found


def git_head(root: Path) -> str:
    """The commit checked out at ``root`` ('' without Git): pages show each file's first and
    last commit days, so a new commit changes the site although no file did."""
    git = shutil.which("git")
    if git is None:
        return ""
    try:
        done = subprocess.run(
            [git, "-C", str(root), "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return done.stdout.strip() if done.returncode == 0 else ""


def context(target: Path, root: Path) -> dict[str, Any]:
    """What the output depends on besides the files: the interpreter, the installed
    packages (their folders' times change when a package is installed or removed), the
    environment variables the build reads, the engine's modules and the site's path."""
    folders = {}
    for entry in sys.path:
        # the time of a folder of packages only: the current folder changes with each build
        # when the site is beside it
        packages = entry.endswith(("site-packages", "dist-packages"))
        try:
            folders[entry] = os.stat(entry).st_mtime_ns if packages else 0
        except OSError:
            continue
    mkdocs = sys.modules.get("mkdocs")
    return {
        "generator": __version__,
        "python": sys.version,
        "executable": sys.executable,
        "path": folders,
        "engine": getattr(mkdocs, "__file__", "") if mkdocs else "",
        "environment": {
            name: value
            for name, value in sorted(os.environ.items())
            if name.startswith(ENVIRONMENT_PREFIXES) or name in ENVIRONMENT_NAMES
        },
        "target": str(target.absolute()),
        "git": git_head(root),
    }


def output_listing(site: Path) -> dict[str, list[int]]:
    """Each file of the site folder: [size, modification time in nanoseconds]."""
    found: dict[str, os.stat_result] = {}
    _walk_all(site, "", found)
    return {name: [stat.st_size, stat.st_mtime_ns] for name, stat in sorted(found.items())}


def _walk_all(folder: Path, prefix: str, out: dict[str, os.stat_result]) -> None:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            _walk_all(Path(entry.path), f"{prefix}{entry.name}/", out)
        else:
            out[prefix + entry.name] = entry.stat(follow_symlinks=False)


@dataclass
class Snapshot:
    """The inputs of one build as they were when it started."""

    files: dict[str, FileState]
    taken_ns: int
    context: dict[str, Any]
    changed: list[str] = field(default_factory=list)
    """Inputs that differ from the previous manifest (for ``-v``; all of them: no manifest)."""


def manifest_path(cache_dir: Path, target: Path) -> Path:
    """One manifest per site folder, in the cache folder."""
    digest = hashlib.sha256(os.fsencode(target.absolute())).hexdigest()[:24]
    return cache_dir / f"build-{digest}.json"


def _read(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("format") == FORMAT else None


def take_snapshot(
    root: Path, skip: list[Path], target: Path, previous: dict[str, Any] | None
) -> Snapshot:
    """The inputs now; hashes are reused from ``previous`` where size and time match."""
    now = time.time_ns()
    known: dict[str, list[Any]] = (previous or {}).get("files", {})
    known_taken = int((previous or {}).get("taken_ns", 0))
    files: dict[str, FileState] = {}
    changed: list[str] = []
    for name, stat in input_stats(root, skip).items():
        size, mtime = stat.st_size, stat.st_mtime_ns
        old = known.get(name)
        same_stat = old is not None and old[0] == size and old[1] == mtime
        if same_stat and old is not None and mtime < known_taken - RACY_NS:
            files[name] = (size, mtime, str(old[2]))
            continue
        try:
            digest = _sha256(_resolve(root, name))
        except OSError:  # unreadable now: changed, and the build says why
            digest = f"unreadable {now}"
        files[name] = (size, mtime, digest)
        if old is None or old[2] != digest:
            changed.append(name)
    changed += sorted(set(known) - set(files))
    return Snapshot(files, now, context(target, root), changed)


def _resolve(root: Path, name: str) -> Path:
    if name.startswith("generator:"):
        return Path(__file__).resolve().parent / name.removeprefix("generator:")
    return root.resolve() / name


@dataclass
class Verdict:
    """What the manifest says before a build."""

    up_to_date: bool
    snapshot: Snapshot
    warnings: list[str]
    """The warnings of the build that wrote the site (said again when nothing is built)."""
    reason: str
    """Why a build is needed ('' when it is not): for ``-v``."""
    restated: bool = False
    """Up to date, but some inputs were touched (same bytes): the manifest is written again
    so that the next build need not hash them."""


def check(root: Path, skip: list[Path], target: Path, cache_dir: Path) -> Verdict:
    """Compare the inputs, the context and the site folder with the manifest."""
    previous = _read(manifest_path(cache_dir, target))
    snapshot = take_snapshot(root, skip, target, previous)
    if previous is None:
        return Verdict(False, snapshot, [], "no manifest of a previous build")
    if previous.get("context") != json.loads(json.dumps(snapshot.context)):
        return Verdict(
            False, snapshot, [], "the Python, packages, environment, Git commit or site path"
        )
    if snapshot.changed:
        shown = ", ".join(snapshot.changed[:3])
        more = f" (+{len(snapshot.changed) - 3})" if len(snapshot.changed) > 3 else ""
        return Verdict(False, snapshot, [], f"changed: {shown}{more}")
    if not (target / SITE_MARKER).is_file() or output_listing(target) != previous.get("site"):
        return Verdict(False, snapshot, [], "the site folder is not as the last build left it")
    warnings = [str(w) for w in previous.get("warnings", [])]
    known = previous.get("files", {})
    restated = any(
        known[name][:2] != [size, mtime] for name, (size, mtime, _) in snapshot.files.items()
    )
    return Verdict(True, snapshot, warnings, "", restated)


def record(snapshot: Snapshot, target: Path, cache_dir: Path, warnings: list[str]) -> None:
    """Write the manifest of a build that succeeded (``target``: the site it installed)."""
    data = {
        "format": FORMAT,
        "taken_ns": snapshot.taken_ns,
        "context": snapshot.context,
        "files": {name: list(state) for name, state in sorted(snapshot.files.items())},
        "site": output_listing(target),
        "warnings": warnings,
    }
    path = manifest_path(cache_dir, target)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".tmp-{path.name}")
    temporary.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
    os.replace(temporary, path)
