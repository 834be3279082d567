"""Where each kind of page lives in the site, relative to the site root.

Kept in the core so that pages, exports, search and reports agree on every address.
"""

from __future__ import annotations

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


def country(code: str) -> str:
    return f"{COUNTRIES}{code.lower()}/"


def theme(theme_id: str) -> str:
    return f"{THEMES}{theme_id}/"


def organisation(org_id: str) -> str:
    return f"{ORGANISATIONS}{org_id}/"


def programme(programme_id: str) -> str:
    return f"{PROGRAMMES}{programme_id}/"
