"""Where a new document goes and the name it gets: the first free one made from its title."""

from __future__ import annotations

from pathlib import Path

from ..settings import Settings
from ..validate.schema import MAX_SLUG
from .kinds import Kind
from .starting_points import Places


def folder_of(kind: Kind, settings: Settings) -> Path:
    return settings.projects_dir if kind.name == "sheet" else settings.writeups_dir


def places_of(settings: Settings) -> Places:
    return Places(settings.rel(settings.data_dir), settings.rel(settings.projects_dir))


def taken_names(folder: Path) -> set[str]:
    """Names of the folder's Markdown files, in lower case (``X.md`` takes ``x`` where
    the file system ignores case)."""
    if not folder.is_dir():
        return set()
    return {p.stem.lower() for p in folder.iterdir() if p.suffix.lower() in (".md", ".markdown")}


def free_name(base: str, taken: set[str]) -> str:
    """``base``, else ``base-2``, ``base-3``…: the first not taken, at most 80 characters."""
    if not base:
        return ""
    number = 1
    while True:
        suffix = "" if number == 1 else f"-{number}"
        candidate = base[: MAX_SLUG - len(suffix)].rstrip("-") + suffix
        if candidate not in taken:
            return candidate
        number += 1
