"""Open data and machine-readable views of the catalogue: JSON, CSV, Atom feed, JSON-LD.

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
- JSON-LD (:func:`json_ld`): schema.org, safe to embed in a ``<script>`` element.
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
from .countries import french_name
from .licences import Licence
from .schema import Person

CATALOGUE_JSON_PATH = f"{urls.DATA}catalogue.json"
PROJECTS_CSV_PATH = f"{urls.DATA}fiches-projet.csv"
FEED_PATH = "feed.xml"
"""At the site root, so that the relative links of a feed without ``site_url`` resolve."""
FEED_LIMIT = 50
FORMAT_VERSION = 1

CSV_COLUMNS = (
    "slug", "title", "summary", "programme", "lead", "partners", "countries", "places",
    "themes", "period_start", "period_end", "status", "inspiring", "licence", "updated", "url",
    "pdf",
)
LIST_SEPARATOR = "; "
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

ATOM_NS = "http://www.w3.org/2005/Atom"
_EPOCH = "1970-01-01T00:00:00Z"  # feed <updated> when there is no write-up at all

_JSON_LD_ESCAPES: dict[str, str] = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


# --- shared helpers -------------------------------------------------------------------


def absolute_url(site_url: str, path: str) -> str:
    """``path`` (relative to the site root) under ``site_url``; ``path`` itself if no site URL.

    ``urljoin`` is not used: it would drop the last segment of a site URL without a trailing
    slash (``https://example.org/savoirs`` + ``projets/x/``).
    """
    if not site_url:
        return path
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def _licence_data(licence: Licence) -> dict[str, str]:
    return {"id": licence.id, "name": licence.name, "url": licence.url}


# --- catalogue.json -------------------------------------------------------------------


def _pdf(doc: Project | Writeup, pdfs: Collection[str] | None) -> str | None:
    """The document's PDF address, or None when this build made no PDF of it."""
    return doc.pdf if pdfs is None or doc.url in pdfs else None


def project_record(project: Project, pdfs: Collection[str] | None = None) -> dict[str, Any]:
    """One sheet as open data: slug, every front-matter field, its addresses and links.

    ``pdfs``: URLs of the documents whose PDF was built (None: all of them)."""
    record: dict[str, Any] = project.meta.model_dump(mode="json")
    record.update(
        slug=project.slug,
        licence=project.licence.id,
        licence_url=project.licence.url,
        url=project.url,
        pdf=_pdf(project, pdfs),
        cited_by=list(project.cited_by),
        inspiring_effective=bool(project.meta.inspiring or project.cited_by),
    )
    return record


def writeup_record(writeup: Writeup, pdfs: Collection[str] | None = None) -> dict[str, Any]:
    """One write-up as open data: slug, every front-matter field, its addresses."""
    record: dict[str, Any] = writeup.meta.model_dump(mode="json")
    record.update(
        slug=writeup.slug,
        licence=writeup.licence.id,
        licence_url=writeup.licence.url,
        url=writeup.url,
        pdf=_pdf(writeup, pdfs),
    )
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
        "licence": _licence_data(settings.site_licence),
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
        "pdf": _pdf(project, pdfs) or "",
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


def writeups_feed(catalogue: Catalogue, site_url: str, pdfs: Collection[str] | None = None
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
    _sub(feed, "id", absolute_url(site_url, FEED_PATH) if site_url
         else "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, "feed:writeups")))
    _sub(feed, "updated", _timestamp(writeups[0].meta.date) if writeups else _EPOCH)
    _sub(feed, "link", rel="self", type="application/atom+xml",
         href=absolute_url(site_url, FEED_PATH))
    _sub(feed, "link", rel="alternate", type="text/html",
         href=absolute_url(site_url, urls.WRITEUPS))
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
        _sub(entry, "link", rel="alternate", type="text/html",
             href=absolute_url(site_url, writeup.url))
        if _pdf(writeup, pdfs):
            _sub(entry, "link", rel="enclosure", type="application/pdf",
                 href=absolute_url(site_url, writeup.pdf))
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


def _organisation_ld(catalogue: Catalogue, org_id: str) -> dict[str, Any]:
    org = catalogue.organisations[org_id]
    data: dict[str, Any] = {"@type": "Organization", "name": org.name}
    if org.short_name and org.short_name != org.name:
        data["alternateName"] = org.short_name
    if org.url:
        data["url"] = org.url
    return data


def _person_ld(catalogue: Catalogue, person: Person) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": "Person", "name": person.name}
    if person.organisation:
        data["affiliation"] = _organisation_ld(catalogue, person.organisation)
    return data


def _programme_ld(catalogue: Catalogue, programme_id: str, site_url: str) -> dict[str, Any]:
    programme = catalogue.programmes[programme_id]
    data: dict[str, Any] = {"@type": "Collection", "name": programme.name}
    if site_url:
        data["url"] = absolute_url(site_url, urls.programme(programme_id))
    return data


def _themes_ld(catalogue: Catalogue, theme_ids: list[str]) -> list[dict[str, Any]]:
    return [
        {"@type": "DefinedTerm", "name": catalogue.themes[t].label, "termCode": t}
        for t in theme_ids
    ]


def _project_ld(project: Project, catalogue: Catalogue, site_url: str) -> dict[str, Any]:
    meta = project.meta
    data: dict[str, Any] = {
        "@type": "CreativeWork",
        "genre": "Fiche projet",
        "author": _organisation_ld(catalogue, meta.lead),
        "about": _themes_ld(catalogue, meta.themes),
        "keywords": [catalogue.themes[t].label for t in meta.themes],
        "spatialCoverage": [
            {"@type": "Country", "name": french_name(code), "identifier": code}
            for code in meta.countries
        ] + [{"@type": "Place", "name": place} for place in meta.places],
        "temporalCoverage": f"{meta.period.start}/{meta.period.end or '..'}",
        "isPartOf": _programme_ld(catalogue, meta.programme, site_url),
    }
    if meta.partners:
        data["contributor"] = [_organisation_ld(catalogue, o) for o in meta.partners]
    if meta.updated:
        data["dateModified"] = meta.updated.isoformat()
    if project.cited_by:
        data["subjectOf"] = [
            _link_ld("Report", catalogue.writeups[s].title, catalogue.writeups[s].url, site_url)
            for s in project.cited_by
        ]
    if meta.image and meta.image.credit:
        data["creditText"] = meta.image.credit
    return data


def _writeup_ld(writeup: Writeup, catalogue: Catalogue, site_url: str) -> dict[str, Any]:
    meta = writeup.meta
    data: dict[str, Any] = {
        "@type": "Report",
        "genre": "Compte-rendu",
        "headline": meta.title,
        "datePublished": meta.date.isoformat(),
        "dateCreated": meta.date.isoformat(),
        "author": [_person_ld(catalogue, p) for p in meta.authors],
        "about": _themes_ld(catalogue, meta.themes),
        "keywords": [catalogue.themes[t].label for t in meta.themes],
    }
    if meta.reviewers:
        data["contributor"] = [_person_ld(catalogue, p) for p in meta.reviewers]
    if meta.organisations:
        data["sourceOrganization"] = [_organisation_ld(catalogue, o) for o in meta.organisations]
    if meta.programme:
        data["isPartOf"] = _programme_ld(catalogue, meta.programme, site_url)
    if meta.event:
        data["recordedAt"] = {
            "@type": "Event", "name": meta.event, "startDate": meta.date.isoformat(),
        }
    if meta.examples:
        data["mentions"] = [
            _link_ld("CreativeWork", catalogue.projects[s].title, catalogue.projects[s].url,
                     site_url)
            for s in meta.examples
        ]
    if meta.bibliography:
        citations = []
        for ref in meta.bibliography:
            citation: dict[str, Any] = {
                "@type": "CreativeWork", "name": ref.title, "author": ref.author,
            }
            if ref.year is not None:
                citation["datePublished"] = str(ref.year)
            if ref.publisher:
                citation["publisher"] = ref.publisher
            if ref.url:
                citation["url"] = ref.url
            citations.append(citation)
        data["citation"] = citations
    return data


def _link_ld(kind: str, name: str, path: str, site_url: str) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": kind, "name": name}
    if site_url:
        data["url"] = absolute_url(site_url, path)
    return data


def json_ld_data(doc: Project | Writeup, catalogue: Catalogue, site_url: str,
                 pdfs: Collection[str] | None = None) -> dict[str, Any]:
    """The schema.org description of a sheet or write-up page, as plain data.

    ``url`` (and the URLs of linked pages) are given only with a ``site_url``: a relative
    IRI would resolve against the page's own address, which is not the site root.
    """
    if isinstance(doc, Project):
        data = _project_ld(doc, catalogue, site_url)
    else:
        data = _writeup_ld(doc, catalogue, site_url)
    data.update({
        "@context": "https://schema.org",
        "name": doc.title,
        "description": doc.meta.summary,
        "inLanguage": "fr",
        "license": doc.licence.url,
    })
    if site_url:
        data["url"] = absolute_url(site_url, doc.url)
    if site_url and _pdf(doc, pdfs):
        data["encoding"] = {
            "@type": "MediaObject",
            "encodingFormat": "application/pdf",
            "contentUrl": absolute_url(site_url, doc.pdf),
        }
    return data


def script_safe_json(data: Any) -> str:
    """JSON text that cannot end a ``<script>`` element or open a comment inside it.

    ``<``, ``>`` and ``&`` only ever occur inside JSON strings, where ``\\u003c`` and so on
    mean the same character, so the escaped text parses to the same data.
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escaped in _JSON_LD_ESCAPES.items():
        if char in text:
            text = text.replace(char, escaped)
    return text


def json_ld(doc: Project | Writeup, catalogue: Catalogue, site_url: str,
            pdfs: Collection[str] | None = None) -> str:
    """JSON-LD for a sheet (``CreativeWork``) or write-up (``Report``) page.

    Safe to place verbatim inside ``<script type="application/ld+json">``.
    """
    return script_safe_json(json_ld_data(doc, catalogue, site_url, pdfs))


# --- everything at once ---------------------------------------------------------------


def export_files(catalogue: Catalogue, site_url: str, pdfs: Collection[str] | None = None
                 ) -> dict[str, bytes]:
    """Every export file by its path relative to the site root.

    ``pdfs``: URLs of the documents whose PDF this build made (None: all); the others get
    no PDF address, so that no export points to a file that is not there."""
    return {
        CATALOGUE_JSON_PATH: catalogue_json(catalogue, pdfs),
        PROJECTS_CSV_PATH: projects_csv(catalogue, pdfs),
        FEED_PATH: writeups_feed(catalogue, site_url, pdfs),
    }
