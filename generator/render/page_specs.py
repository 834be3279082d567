"""What a plan is made of: page specifications, listing sections, the plan itself, and
the pure helpers that cut listings into pages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from .. import urls
from ..catalogue import Project, Writeup
from ..diagnostics import Diagnostic
from ..licences import Licence
from .markdown_body import RenderedBody

Document = Project | Writeup


@dataclass
class PageSpec:
    """One generated page: where it goes, what it says, under which licence."""

    uri: str
    url: str
    title: str
    description: str
    html: str
    licence: Licence
    kind: str
    toc_tokens: list[dict[str, Any]] = field(default_factory=list)
    jsonld: str = ""
    image: str = ""
    """The page's image, as a site path (``medias/…``), for link previews; '' for none."""
    image_alt: str = ""


@dataclass
class PdfLink:
    """A downloadable report: where it is in the site, its size in French, what it is."""

    url: str
    size: str
    kind: str = ""
    title: str = ""
    date: str = ""
    thumbnail: str = ""
    """Site path of the WebP image of its first page; '' when none could be made."""
    pages: int = 0
    """Its number of pages (0: not known, e.g. a report attached that cannot be read)."""


@dataclass
class SitePlan:
    pages: dict[str, PageSpec]
    assets: dict[str, Path]
    nav: list[Any]
    problems: list[Diagnostic]
    rendered: dict[str, RenderedBody] = field(default_factory=dict)
    """Document URL -> its rendered body (links relative to the document's page)."""

    @property
    def bodies(self) -> dict[str, str]:
        """Document URL -> its sanitised body HTML, as the PDF reports take it."""
        return {url: body.html for url, body in self.rendered.items()}


@dataclass
class Section:
    id: str
    title: str
    count: int
    projects: list[str] = field(default_factory=list)
    writeups: list[str] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)


@dataclass
class Entry:
    url: str
    label: str
    note: str = ""


@dataclass
class Group:
    title: str
    items: list[tuple[str, Writeup]]


FEED_BATCH = 500
"""Document pages handed to a :class:`DocumentFeed` at a time."""


class DocumentFeed(Protocol):
    """Takes the sheet and write-up pages while the rest of the site is planned.

    The search index is one: it prepares each batch on another core while the next one
    is planned, and starts indexing at ``close()``.
    """

    def add(self, pages: list[PageSpec]) -> None: ...

    def close(self) -> None: ...


def document_uri(document: Document) -> str:
    """The generated source path of a sheet's or write-up's page."""
    folder = urls.PROJECTS if isinstance(document, Project) else urls.WRITEUPS
    return f"{folder}{document.slug}.md"


HREF_SLOT = "\x00href\x00"
"""Stands for a card's link while the card is rendered once for all pages."""


def listing_page_url(url: str, number: int) -> str:
    return url if number == 1 else f"{url}page/{number}/"


def paginate(sections: list[Section], size: int) -> list[list[Section]]:
    """Cut the cards of ``sections`` into pages of at most ``size`` cards (at least one page).

    Sections without cards (an index of countries, gathered practices) stay whole on the
    page where they come.
    """
    pages: list[list[Section]] = [[]]
    room = size
    for section in sections:
        cards = [("p", s) for s in section.projects] + [("w", s) for s in section.writeups]
        if not cards:
            pages[-1].append(section)
            continue
        while cards:
            if room == 0:
                pages.append([])
                room = size
            taken, cards = cards[:room], cards[room:]
            room -= len(taken)
            pages[-1].append(
                replace(
                    section,
                    projects=[s for kind, s in taken if kind == "p"],
                    writeups=[s for kind, s in taken if kind == "w"],
                )
            )
    return pages


def pager_numbers(current: int, total: int) -> list[int]:
    """Page numbers to link: the first, the last, and two either side of ``current``."""
    shown = {1, total, *range(max(1, current - 2), min(total, current + 2) + 1)}
    return sorted(shown)


def natural_key(text: str) -> tuple[tuple[int, str], ...]:
    """Sort key that puts « tome 2 » before « tome 10 »."""
    return tuple(
        (int(part), "") if part.isdigit() else (-1, part) for part in re.split(r"(\d+)", text)
    )
