"""JSON-LD (schema.org) of the sheet and write-up pages: what search engines and link
previews read. Used by the pages (:mod:`generator.render`) and the open data
(:mod:`generator.exports`); safe to embed verbatim in a ``<script>`` element.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from typing import Any

from . import urls
from .catalogue import Catalogue, Project, Writeup
from .countries import french_name
from .licences import Licence
from .urls import absolute_url
from .validate.schema import Person

_SCRIPT_ESCAPES: dict[str, str] = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
"""Characters that would end or confuse a ``<script>`` element, as JSON escapes."""


def licence_data(licence: Licence) -> dict[str, str]:
    return {"id": licence.id, "name": licence.name, "url": licence.url}


def built_pdf(doc: Project | Writeup, pdfs: Collection[str] | None) -> str | None:
    """The document's PDF address, or None when this build made no PDF of it."""
    return doc.pdf if pdfs is None or doc.url in pdfs else None


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
        ]
        + [{"@type": "Place", "name": place} for place in meta.places],
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
            "@type": "Event",
            "name": meta.event,
            "startDate": meta.date.isoformat(),
        }
    if meta.examples:
        data["mentions"] = [
            _link_ld(
                "CreativeWork", catalogue.projects[s].title, catalogue.projects[s].url, site_url
            )
            for s in meta.examples
        ]
    if meta.bibliography:
        citations = []
        for ref in meta.bibliography:
            citation: dict[str, Any] = {
                "@type": "CreativeWork",
                "name": ref.title,
                "author": ref.author,
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


def json_ld_data(
    doc: Project | Writeup, catalogue: Catalogue, site_url: str, pdfs: Collection[str] | None = None
) -> dict[str, Any]:
    """The schema.org description of a sheet or write-up page, as plain data.

    ``url`` (and the URLs of linked pages) are given only with a ``site_url``: a relative
    IRI would resolve against the page's own address, which is not the site root.
    """
    if isinstance(doc, Project):
        data = _project_ld(doc, catalogue, site_url)
    else:
        data = _writeup_ld(doc, catalogue, site_url)
    data.update(
        {
            "@context": "https://schema.org",
            "name": doc.title,
            "description": doc.meta.summary,
            "inLanguage": "fr",
            "license": doc.licence.url,
        }
    )
    if site_url:
        data["url"] = absolute_url(site_url, doc.url)
    if site_url and built_pdf(doc, pdfs):
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
    for char, escaped in _SCRIPT_ESCAPES.items():
        if char in text:
            text = text.replace(char, escaped)
    return text


def json_ld(
    doc: Project | Writeup, catalogue: Catalogue, site_url: str, pdfs: Collection[str] | None = None
) -> str:
    """JSON-LD for a sheet (``CreativeWork``) or write-up (``Report``) page.

    Safe to place verbatim inside ``<script type="application/ld+json">``.
    """
    return script_safe_json(json_ld_data(doc, catalogue, site_url, pdfs))


# --- everything at once ---------------------------------------------------------------
