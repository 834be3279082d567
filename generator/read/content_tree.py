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
from ..messages import Said, say, word

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
    said: Said


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return word("mot-tube")
    if stat.S_ISSOCK(mode):
        return word("mot-socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return word("mot-peripherique")
    return word("mot-fichier-special")


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
def _package_theme_files() -> tuple[str, ...]:
    """Material's files (its package does not change while the generator runs)."""
    spec = importlib.util.find_spec("material")
    found: list[str] = []
    if spec is not None and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            found += _files_of(Path(location) / "templates")
    return tuple(found)


def _files_of(base: Path) -> list[str]:
    found: list[str] = []
    if not base.is_dir():
        return found
    for directory, folders, names in os.walk(base):
        folders[:] = [name for name in folders if not name.startswith(".")]  # as MkDocs
        for name in names:
            if not name.startswith("."):
                found.append((Path(directory) / name).relative_to(base).as_posix())
    return found


def theme_files(custom_theme: Path) -> dict[str, str]:
    """Site path -> where it comes from, for every file a theme puts in the site.

    Material's files are found through its package's location, without importing it (the
    core does not import the engine); the project's ``theme/`` overrides come too.
    """
    material, ours = word("mot-theme-material"), word("mot-dossier-theme")
    found = {relative: f"{material} ({relative})" for relative in _package_theme_files()}
    found.update({relative: f"{ours} ({relative})" for relative in _files_of(custom_theme)})
    return found


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
                    TreeProblem(path, say("nom-avec-controle", hint="indice-nom-simple"))
                )
                continue
            problem = _entry_problem(entry, path, allowed)
            if problem is not None:
                problems.append(problem)
                continue
            if top == content_dir and not entry.is_dir(follow_symlinks=False):
                clash = _clash(path.relative_to(content_dir).as_posix(), theme)
                if clash is not None:
                    problems.append(TreeProblem(path, clash))
    return problems


def _entry_problem(entry: os.DirEntry[str], path: Path, allowed: list[Path]) -> TreeProblem | None:
    # the listing tells files, folders and links apart (no system call for each)
    if entry.is_file(follow_symlinks=False) or entry.is_dir(follow_symlinks=False):
        return None
    try:
        mode = entry.stat(follow_symlinks=False).st_mode
    except OSError as error:
        return TreeProblem(path, say("fichier-illisible", reason=error.strerror))
    if stat.S_ISLNK(mode):
        try:
            target = path.resolve(strict=True)
            target_mode = target.stat().st_mode
        except (OSError, RuntimeError):
            return TreeProblem(path, say("lien-symbolique-casse", hint="indice-lien-casse"))
        if not any(target == folder or target.is_relative_to(folder) for folder in allowed):
            return TreeProblem(path, say("lien-symbolique-sortant", hint="indice-copier-ici"))
        if stat.S_ISDIR(target_mode):
            return TreeProblem(path, say("lien-symbolique-dossier", hint="indice-deplacer-dossier"))
        kind = not_regular(target_mode)
        if kind:
            return TreeProblem(
                path, say("lien-symbolique-special", hint="indice-retirer-fichier", kind=kind)
            )
        return None
    kind = not_regular(mode)
    if kind and not stat.S_ISDIR(mode):
        return TreeProblem(path, say("entree-speciale", hint="indice-retirer-fichier", kind=kind))
    return None


def _clash(relative: str, theme: dict[str, str]) -> Said | None:
    hint = "indice-ne-pas-remplacer"
    if relative in theme:
        return say("chemin-du-theme", hint=hint, owner=theme[relative])
    if relative in GENERATED_FILES or relative.startswith(GENERATED_FOLDERS):
        return say(
            "chemin-du-site", hint=hint, rel=relative, files=", ".join(sorted(GENERATED_FILES))
        )
    return None
