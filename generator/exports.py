"""Open data: the catalogue as JSON, the sheets as CSV, the write-ups as an Atom feed.

JSON-LD, which pages embed, is in :mod:`generator.linked_data`.

Plain functions from a validated :class:`~generator.catalogue.Catalogue` to bytes or text, with
no MkDocs import, so that the site build only has to write what they return
(:func:`export_files` gives every file with its place in the site).

Every output is deterministic: the same catalogue gives the same bytes. Nothing depends on the
build time, the machine or dictionary insertion accidents; dates come from the content.

Choices that readers of these files rely on:

- ``data/catalogue.json`` (:func:`catalogue_json`): UTF-8, keys sorted, two-space indent, a
  trailing newline. Every front-matter field of every sheet and write-up is present, optional
  ones as ``null`` or ``[]``; dates are ``YYYY-MM-DD`` strings; references are ids. ``licence``
  is the licence that applies (the document's own, else the site's), not only what was
  written; ``inspiring`` is the editors' flag and ``inspiring_effective`` adds the sheets that a
  write-up cites. Paths written in front matter (``image.src``, ``report``) are kept as written,
  relative to the Markdown file; ``url`` and ``pdf`` are relative to the site root.
- ``data/fiches-projet.csv`` (:func:`projects_csv`): RFC 4180 (comma, double quotes, CRLF) via
  the :mod:`csv` module, UTF-8 **without** a byte-order mark (spreadsheet programs that need
  one can import it as UTF-8), lists joined with ``"; "``. As a guard against CSV (formula)
  injection, a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
  gets a leading apostrophe, so that a spreadsheet shows it as text instead of evaluating it.
- ``feed.xml`` (:func:`writeups_feed`): Atom 1.0, newest write-ups first, at most
  :data:`FEED_LIMIT`. Built with :mod:`xml.etree.ElementTree`, which escapes all text.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Collection
from typing import Any

from . import __version__, urls
from .catalogue import Catalogue, Project, Writeup
from .linked_data import built_pdf, licence_data
from .urls import absolute_url
from .validate.schema import Person

CATALOGUE_JSON_PATH = f"{urls.DATA}catalogue.json"
PROJECTS_CSV_PATH = f"{urls.DATA}fiches-projet.csv"
FEED_PATH = "feed.xml"
"""At the site root, so that the relative links of a feed without ``site_url`` resolve."""
FEED_LIMIT = 50
FORMAT_VERSION = 1

CSV_COLUMNS = (
    "slug",
    "title",
    "summary",
    "programme",
    "lead",
    "partners",
    "countries",
    "places",
    "themes",
    "period_start",
    "period_end",
    "status",
    "inspiring",
    "licence",
    "updated",
    "url",
    "pdf",
)
LIST_SEPARATOR = "; "
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

ATOM_NS = "http://www.w3.org/2005/Atom"
_EPOCH = "1970-01-01T00:00:00Z"  # feed <updated> when there is no write-up at all


# --- shared helpers -------------------------------------------------------------------


# --- catalogue.json -------------------------------------------------------------------


def _document_record(doc: Project | Writeup, pdfs: Collection[str] | None) -> dict[str, Any]:
    """Every front-matter field of ``doc``, its slug, licence and addresses."""
    record: dict[str, Any] = doc.meta.model_dump(mode="json")
    record.update(
        slug=doc.slug,
        licence=doc.licence.id,
        licence_url=doc.licence.url,
        url=doc.url,
        pdf=built_pdf(doc, pdfs),
    )
    return record


def project_record(project: Project, pdfs: Collection[str] | None = None) -> dict[str, Any]:
    """One sheet as open data: slug, every front-matter field, its addresses and links.

    ``pdfs``: URLs of the documents whose PDF was built (None: all of them)."""
    record = _document_record(project, pdfs)
    record.update(
        cited_by=list(project.cited_by),
        inspiring_effective=bool(project.meta.inspiring or project.cited_by),
    )
    return record


def writeup_record(writeup: Writeup, pdfs: Collection[str] | None = None) -> dict[str, Any]:
    """One write-up as open data: slug, every front-matter field, its addresses."""
    record = _document_record(writeup, pdfs)
    return record


def catalogue_data(catalogue: Catalogue, pdfs: Collection[str] | None = None) -> dict[str, Any]:
    """The whole catalogue as plain JSON-ready data (see :func:`catalogue_json`)."""
    settings = catalogue.settings
    organisations = []
    for org in catalogue.organisations.values():
        entry = org.model_dump(mode="json")
        entry["page"] = urls.organisation(org.id)  # ``url`` is the organisation's own site
        organisations.append(entry)
    programmes = []
    for programme in catalogue.programmes.values():
        entry = programme.model_dump(mode="json")
        entry["page"] = urls.programme(programme.id)
        programmes.append(entry)
    themes = []
    for theme in catalogue.themes.values():
        entry = theme.model_dump(mode="json")
        entry["page"] = urls.theme(theme.id)
        themes.append(entry)
    return {
        "format_version": FORMAT_VERSION,
        "generator": {"name": "programme-knowledge-generator", "version": __version__},
        "site": {"name": settings.site_name, "url": settings.site_url},
        "licence": licence_data(settings.site_licence),
        "projects": [project_record(p, pdfs) for p in catalogue.projects.values()],
        "writeups": [writeup_record(w, pdfs) for w in catalogue.writeups_newest_first()],
        "organisations": organisations,
        "programmes": programmes,
        "themes": themes,
    }


def catalogue_json(catalogue: Catalogue, pdfs: Collection[str] | None = None) -> bytes:
    """``site/data/catalogue.json``: the whole validated catalogue as open data.

    Sheets are sorted by slug, write-ups newest first (then by slug), organisations and
    programmes by id, themes in the editors' order of ``themes.yml``.
    """
    return _json_one_record_per_line(catalogue_data(catalogue, pdfs)).encode("utf-8")


def _json_one_record_per_line(data: dict[str, Any]) -> str:
    """``data`` as JSON, each list item on a line of its own.

    Still readable and diffable, and written by the C encoder, which an ``indent`` would
    turn off (the indented file took a good part of the exports stage at 5,000 sheets).
    """

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    lines = []
    for key in sorted(data):
        value = data[key]
        if isinstance(value, list) and value:
            items = ",\n    ".join(dump(item) for item in value)
            lines.append(f"  {dump(key)}: [\n    {items}\n  ]")
        else:
            lines.append(f"  {dump(key)}: {dump(value)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


# --- fiches-projet.csv ----------------------------------------------------------------


def _safe_cell(value: str) -> str:
    """Neutralise a cell a spreadsheet would read as a formula (CSV injection)."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def _csv_row(project: Project, pdfs: Collection[str] | None = None) -> list[str]:
    meta = project.meta
    values = {
        "slug": project.slug,
        "title": meta.title,
        "summary": meta.summary,
        "programme": meta.programme,
        "lead": meta.lead,
        "partners": LIST_SEPARATOR.join(meta.partners),
        "countries": LIST_SEPARATOR.join(meta.countries),
        "places": LIST_SEPARATOR.join(meta.places),
        "themes": LIST_SEPARATOR.join(meta.themes),
        "period_start": str(meta.period.start),
        "period_end": "" if meta.period.end is None else str(meta.period.end),
        "status": meta.status,
        "inspiring": "true" if meta.inspiring else "false",
        "licence": project.licence.id,
        "updated": meta.updated.isoformat() if meta.updated else "",
        "url": project.url,
        "pdf": built_pdf(project, pdfs) or "",
    }
    return [_safe_cell(values[column]) for column in CSV_COLUMNS]


def projects_csv(catalogue: Catalogue, pdfs: Collection[str] | None = None) -> bytes:
    """``site/data/fiches-projet.csv``: one row per project sheet, sorted by slug.

    Columns are :data:`CSV_COLUMNS`; ``inspiring`` is the editors' flag (``true``/``false``)
    and ``licence`` the licence that applies. See the module docstring for encoding, quoting
    and the formula-injection guard.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, dialect="excel", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for project in catalogue.projects.values():
        writer.writerow(_csv_row(project, pdfs))
    return buffer.getvalue().encode("utf-8")


# --- Atom feed ------------------------------------------------------------------------


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def _timestamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _entry_id(site_url: str, writeup: Writeup) -> str:
    """The page's absolute URL, or without a site URL a name-based UUID of the slug.

    Both are stable across builds, as Atom ids must be.
    """
    if site_url:
        return absolute_url(site_url, writeup.url)
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"writeup:{writeup.slug}"))


def _person(parent: ET.Element, tag: str, person: Person, catalogue: Catalogue) -> None:
    element = _sub(parent, tag)
    name = person.name
    if person.organisation:
        name += f" ({catalogue.organisations[person.organisation].name})"
    _sub(element, "name", name)


def writeups_feed(
    catalogue: Catalogue, site_url: str, pdfs: Collection[str] | None = None
) -> bytes:
    """Atom 1.0 feed of the write-ups, newest first, at most :data:`FEED_LIMIT` entries.

    Timestamps are the write-up dates at midnight UTC, and the feed's ``<updated>`` is the
    newest of them, so the feed changes only when the content does. With an empty
    ``site_url`` every link is relative to the site root, where the feed is published
    (:data:`FEED_PATH`), and entry ids are ``urn:uuid:`` names derived from the slugs.
    """
    settings = catalogue.settings
    writeups = catalogue.writeups_newest_first()[:FEED_LIMIT]
    # The Atom namespace is declared as a plain ``xmlns`` attribute on unqualified names:
    # ElementTree's ``default_namespace`` option refuses unqualified attributes (``rel``).
    feed = ET.Element("feed", {"xmlns": ATOM_NS, "xml:lang": "fr"})
    title = settings.site_name or "Comptes-rendus"
    _sub(feed, "title", f"{title} : comptes-rendus")
    _sub(feed, "subtitle", "Les derniers comptes-rendus de sessions")
    _sub(
        feed,
        "id",
        absolute_url(site_url, FEED_PATH)
        if site_url
        else "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, "feed:writeups")),
    )
    _sub(feed, "updated", _timestamp(writeups[0].meta.date) if writeups else _EPOCH)
    _sub(
        feed,
        "link",
        rel="self",
        type="application/atom+xml",
        href=absolute_url(site_url, FEED_PATH),
    )
    _sub(
        feed, "link", rel="alternate", type="text/html", href=absolute_url(site_url, urls.WRITEUPS)
    )
    _sub(feed, "link", rel="license", href=settings.site_licence.url)
    _sub(feed, "rights", settings.site_licence.name)
    _sub(feed, "generator", "programme-knowledge-generator", version=__version__)
    for writeup in writeups:
        meta = writeup.meta
        entry = _sub(feed, "entry")
        _sub(entry, "title", meta.title)
        _sub(entry, "id", _entry_id(site_url, writeup))
        _sub(entry, "updated", _timestamp(meta.date))
        _sub(entry, "published", _timestamp(meta.date))
        links = [("alternate", "text/html", writeup.url)]
        if built_pdf(writeup, pdfs):
            links.append(("enclosure", "application/pdf", writeup.pdf))
        for rel, kind, path in links:
            _sub(entry, "link", rel=rel, type=kind, href=absolute_url(site_url, path))
        _sub(entry, "link", rel="license", href=writeup.licence.url)
        for author in meta.authors:
            _person(entry, "author", author, catalogue)
        for reviewer in meta.reviewers:
            _person(entry, "contributor", reviewer, catalogue)
        for theme_id in meta.themes:
            _sub(entry, "category", term=theme_id, label=catalogue.themes[theme_id].label)
        _sub(entry, "summary", meta.summary, type="text")
        _sub(entry, "rights", writeup.licence.name)
    ET.indent(feed)
    xml: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return xml + b"\n"


# --- JSON-LD --------------------------------------------------------------------------


def export_files(
    catalogue: Catalogue, site_url: str, pdfs: Collection[str] | None = None
) -> dict[str, bytes]:
    """Every export file by its path relative to the site root.

    ``pdfs``: URLs of the documents whose PDF this build made (None: all); the others get
    no PDF address, so that no export points to a file that is not there."""
    return {
        CATALOGUE_JSON_PATH: catalogue_json(catalogue, pdfs),
        PROJECTS_CSV_PATH: projects_csv(catalogue, pdfs),
        FEED_PATH: writeups_feed(catalogue, site_url, pdfs),
    }
