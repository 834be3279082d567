"""What may lie in ``content/`` and ``projects/``: regular files of the repository, and
nothing that would replace a file of the theme or of the generated site.

MkDocs publishes every file of ``content/`` (its docs folder) and follows symbolic links;
a theme file and a content file at the same path give the content file. So, before
anything is read or built, the two folders are walked once (without following links and
without opening a file):

- a symbolic link must lead to a regular file inside ``content/`` or ``projects/``: a link
  to ``/etc/passwd``, to a folder, or to ``mkdocs.yml`` would publish it;
- a named pipe, a socket or a device is refused (reading one hangs or never ends);
- a content file at the path of a theme file (``assets/javascripts/bundle….js``,
  ``assets/search.js``) or of a generated file (``medias/…``, ``pagefind/…``,
  ``feed.xml``…) is refused, with both paths named.

Entries whose name starts with a dot are skipped, as MkDocs skips them.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .. import urls

GENERATED_FOLDERS = (urls.MEDIA, "pagefind/")
"""Site folders the build fills: no content file may sit there."""
GENERATED_FILES = frozenset(
    {
        f"{urls.DATA}catalogue.json",
        f"{urls.DATA}fiches-projet.csv",
        "feed.xml",
        "sitemap.xml",
        "sitemap.xml.gz",
        ".programme-site",
    }
)


@dataclass(frozen=True)
class TreeProblem:
    path: Path
    """The entry (as listed: a link is not followed)."""
    message: str
    suggestion: str = ""


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def not_regular(mode: int) -> str | None:
    """Why a file of this mode is refused, or None for a regular file."""
    return None if stat.S_ISREG(mode) else _kind(mode)


def _walk(folder: Path) -> Iterator[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        yield entry
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))


@functools.cache
def _package_theme_files() -> dict[str, str]:
    """Material's files (its package does not change while the generator runs)."""
    spec = importlib.util.find_spec("material")
    found: dict[str, str] = {}
    if spec is not None and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            found.update(_files_of(Path(location) / "templates", "mkdocs-material's theme"))
    return found


def _files_of(base: Path, label: str) -> dict[str, str]:
    found: dict[str, str] = {}
    if not base.is_dir():
        return found
    for directory, folders, names in os.walk(base):
        folders[:] = [name for name in folders if not name.startswith(".")]  # as MkDocs
        for name in names:
            if not name.startswith("."):
                relative = (Path(directory) / name).relative_to(base).as_posix()
                found[relative] = f"{label} ({relative})"
    return found


def theme_files(custom_theme: Path) -> dict[str, str]:
    """Site path -> where it comes from, for every file a theme puts in the site.

    Material's files are found through its package's location, without importing it (the
    core does not import the engine); the project's ``theme/`` overrides come too.
    """
    return {**_package_theme_files(), **_files_of(custom_theme, "the theme folder theme/")}


def check_tree(content_dir: Path, projects_dir: Path, custom_theme: Path) -> list[TreeProblem]:
    """Every problem of the entries of ``content_dir`` and ``projects_dir`` (see the module)."""
    problems: list[TreeProblem] = []
    allowed = [content_dir.resolve(), projects_dir.resolve()]
    theme = theme_files(custom_theme)
    for top in (content_dir, projects_dir):
        if not top.is_dir():
            continue
        for entry in _walk(top):
            path = Path(entry.path)
            if not entry.name.isprintable():
                problems.append(
                    TreeProblem(
                        path,
                        "the file name holds a control character (a line break, a tab…)",
                        "rename it with letters, digits and hyphens",
                    )
                )
                continue
            problem = _entry_problem(entry, path, allowed)
            if problem is not None:
                problems.append(problem)
                continue
            if top == content_dir and not entry.is_dir(follow_symlinks=False):
                clash = _clash(path.relative_to(content_dir).as_posix(), theme)
                if clash:
                    problems.append(
                        TreeProblem(
                            path,
                            clash,
                            "rename or move it: content cannot replace "
                            "a file of the theme or of the site",
                        )
                    )
    return problems


def _entry_problem(entry: os.DirEntry[str], path: Path, allowed: list[Path]) -> TreeProblem | None:
    # the listing tells files, folders and links apart (no system call for each)
    if entry.is_file(follow_symlinks=False) or entry.is_dir(follow_symlinks=False):
        return None
    try:
        mode = entry.stat(follow_symlinks=False).st_mode
    except OSError as error:
        return TreeProblem(path, f"cannot be read: {error.strerror}")
    if stat.S_ISLNK(mode):
        try:
            target = path.resolve(strict=True)
            target_mode = target.stat().st_mode
        except (OSError, RuntimeError):
            return TreeProblem(
                path,
                "symbolic link to nothing (broken, or a loop)",
                "remove it, or put the file itself here",
            )
        if not any(target == folder or target.is_relative_to(folder) for folder in allowed):
            return TreeProblem(
                path,
                "symbolic link that leads outside content/ and "
                "projects/: what it points to would be published",
                "copy the file here instead of linking to it",
            )
        if stat.S_ISDIR(target_mode):
            return TreeProblem(
                path,
                "symbolic link to a folder: links to folders are not followed",
                "move or copy the folder here",
            )
        kind = not_regular(target_mode)
        if kind:
            return TreeProblem(
                path, f"symbolic link to {kind}: only ordinary files are read", "remove it"
            )
        return None
    kind = not_regular(mode)
    if kind and not stat.S_ISDIR(mode):
        return TreeProblem(
            path,
            f"{kind}, not an ordinary file: it is not read (reading it could hang or never end)",
            "remove it",
        )
    return None


def _clash(relative: str, theme: dict[str, str]) -> str:
    if relative in theme:
        return f"has the same path as a file of {theme[relative]}, which it would replace"
    if relative in GENERATED_FILES or relative.startswith(GENERATED_FOLDERS):
        return (
            f"lies where the build writes its own '{relative}' "
            "(generated folders: medias/, pagefind/; files: "
            + ", ".join(sorted(GENERATED_FILES))
            + ")"
        )
    return ""
