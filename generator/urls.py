"""Where each kind of page lives in the site, relative to the site root.

Kept in the core so that pages, exports, search and reports agree on every address.
"""

from __future__ import annotations

import posixpath
from pathlib import PurePosixPath

PROJECTS = "projets/"
WRITEUPS = "comptes-rendus/"
COUNTRIES = "pays/"
THEMES = "themes/"
ORGANISATIONS = "organisations/"
PROGRAMMES = "programmes/"
INSPIRING = "exemples-inspirants/"
PRACTICES = "bonnes-pratiques/"
DOWNLOADS = "telechargements/"
LICENCE = "licence/"
DATA = "data/"
SEARCH = "recherche/"
MEDIA = "medias/"
REFERENCE = "listes/"
MAP = "carte/"
BAROMETERS = "barometre/"


def project(slug: str) -> str:
    return f"{PROJECTS}{slug}/"


def writeup(slug: str) -> str:
    return f"{WRITEUPS}{slug}/"


def project_pdf(slug: str) -> str:
    return f"{PROJECTS}{slug}/fiche-{slug}.pdf"


def media(repo_relative: str) -> str:
    """Where a repository file (an image, an attachment) is published: one address per file,
    whatever links to it (a body, a sheet's image, a write-up's attached report)."""
    return MEDIA + repo_relative.lstrip("/")


def writeup_pdf(slug: str, attached: str | None = None) -> str:
    """A write-up's PDF; ``attached``: the repository path of the report its editors attached
    (published at its own media address, see :func:`media`)."""
    if attached:
        return media(attached)
    return f"{WRITEUPS}{slug}/compte-rendu-{slug}.pdf"


def programme_report_pdf(programme_id: str, volume: int = 0) -> str:
    """The compiled report of a programme; ``volume`` (1, 2…) when it is split in volumes."""
    suffix = f"-tome-{volume}" if volume else ""
    return f"{DOWNLOADS}rapport-{programme_id}{suffix}.pdf"


def collection_report_pdf(kind: str, key: str, volume: int = 0) -> str:
    """The compiled report of a theme (``kind`` « theme ») or a country (« country »), in a
    folder of its own so that no id can meet a programme's report name."""
    folder = {"theme": "themes", "country": "pays"}[kind]
    suffix = f"-tome-{volume}" if volume else ""
    return f"{DOWNLOADS}{folder}/rapport-{key.lower()}{suffix}.pdf"


def country(code: str) -> str:
    return f"{COUNTRIES}{code.lower()}/"


def theme(theme_id: str) -> str:
    return f"{THEMES}{theme_id}/"


def organisation(org_id: str) -> str:
    return f"{ORGANISATIONS}{org_id}/"


def programme(programme_id: str) -> str:
    return f"{PROGRAMMES}{programme_id}/"


def absolute_url(site_url: str, path: str) -> str:
    """``path`` (relative to the site root) under ``site_url``; ``path`` itself if no site URL.

    ``urljoin`` is not used: it would drop the last segment of a site URL without a trailing
    slash (``https://example.org/savoirs`` + ``projets/x/``).
    """
    if not site_url:
        return path
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def relative(target: str, from_page: str) -> str:
    """Link from the page at ``from_page`` (site-relative, ``a/b/``) to ``target``.

    Both are site-root-relative; directory URLs end with ``/``. The result works offline
    and under any ``site_url`` prefix. Same result as ``posixpath.relpath`` on the two
    paths, computed directly: it runs for every link of every page.
    """
    fragment = ""
    if "#" in target:
        target, fragment = target.split("#", 1)
        fragment = "#" + fragment
    base_parts = [p for p in from_page.split("/")[:-1] if p and p != "."]
    target_parts = [p for p in target.split("/") if p and p != "."]
    if ".." in base_parts or ".." in target_parts:
        return _relpath(target, from_page) + fragment
    common = 0
    for base_part, target_part in zip(base_parts, target_parts, strict=False):
        if base_part != target_part:
            break
        common += 1
    parts = [".."] * (len(base_parts) - common) + target_parts[common:]
    path = "/".join(parts) or "."
    if target.endswith("/") or target == "":
        path = "./" if path == "." else path + "/"
    return path + fragment


def _relpath(target: str, from_page: str) -> str:
    base = "/" + from_page
    base_dir = base if base.endswith("/") else posixpath.dirname(base) + "/"
    path = posixpath.relpath("/" + target, base_dir)
    if target.endswith("/") or target == "":
        path = "./" if path == "." else path + "/"
    return path


def media_url(repo_relative: str) -> str:
    """Where a repository file (an image, an attachment) is published in the site."""
    return media(PurePosixPath(repo_relative).as_posix())


def barometer(barometer_id: str) -> str:
    """A barometer's page, where partners answer it (``barometre/<id>/``)."""
    return f"{BAROMETERS}{barometer_id}/"
