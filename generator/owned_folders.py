"""Folders a command may replace: only the ones it wrote itself.

A command deletes or overwrites only what it wrote. A folder it makes carries a marker file
at its root; a later run replaces the folder only if it is absent, empty or carries that
marker. Anything else (a mistyped ``--site-dir ~/Documents``, a real project given to
``demo --out``) is refused with :class:`FolderNotOurs`, before any work is done.
"""

from __future__ import annotations

from pathlib import Path

from .messages import text

SITE_MARKER = ".programme-site"
SITE_MARKER_TEXT = (
    "This folder was written by `python -m generator build` (programme-knowledge-generator).\n"
    "The next build replaces it whole: do not keep other files here.\n"
)
DEMO_MARKER = ".programme-demo"
"""At the root of a demo corpus; lists the files the demo wrote, one per line after the
comment lines, so that the next run removes exactly those."""


class FolderNotOurs(Exception):
    """The folder holds files this generator did not write; nothing was touched."""


def _sample(folder: Path) -> str:
    names = sorted(p.name for p in folder.iterdir())
    shown = ", ".join(names[:3])
    return text("dossier-et-autres", shown=shown, count=len(names) - 3) if len(names) > 3 else shown


def ensure_replaceable(target: Path, marker: str | tuple[str, ...], what: str, hint: str) -> None:
    """Raise :class:`FolderNotOurs` unless ``target`` may be replaced whole.

    Allowed: no such path, an empty folder, or a folder whose ``marker`` file says a
    previous run wrote it. ``what`` names the folder in the message (``site folder``),
    ``hint`` says how to go on.
    """
    if not target.exists() and not target.is_symlink():
        return
    if target.is_symlink() or not target.is_dir():
        raise FolderNotOurs(text("dossier-pas-un-dossier", target=target, hint=hint))
    markers = (marker,) if isinstance(marker, str) else marker
    if any((target / name).is_file() for name in markers):
        return
    try:
        if not any(target.iterdir()):
            return
        sample = _sample(target)
    except OSError as error:
        raise FolderNotOurs(
            text("dossier-illisible", target=target, reason=error.strerror, hint=hint)
        ) from error
    raise FolderNotOurs(
        text(
            "dossier-pas-a-nous",
            target=target,
            what=what,
            marker=markers[0],
            sample=sample,
            hint=hint,
        )
    )


def write_site_marker(site_dir: Path) -> None:
    (site_dir / SITE_MARKER).write_text(SITE_MARKER_TEXT, encoding="utf-8")
