"""The page of each sheet and write-up: its body, facts, JSON-LD and links.

Around the body, a page has parts the generator writes (« En bref », the examples, the
practices, the bibliography, « Citer cette page », the licence). Their headings go into the
table of contents with the body's, and a generated heading that the body already has (an
editor's ``## Les exemples inspirants``) is reworded, so that every heading appears once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from .. import urls
from ..catalogue import Project, Writeup
from ..citations import FORMATS, citation_path, citation_text
from ..diagnostics import Diagnostic
from ..french import fold
from ..linked_data import json_ld_data, script_safe_json
from ..urls import absolute_url, media_url, relative
from .page_specs import Document, PageSpec, document_uri
from .planner_base import PlannerBase

HOME_LABEL = "Accueil"
SECTION_LABELS = {"project": "Fiches projet", "writeup": "Comptes-rendus"}
"""The breadcrumbs' middle step, as the menu names it."""

REWORDED = {
    "En bref": "En bref : les repères",
    "Les exemples inspirants": "Les exemples inspirants en fiches",
    "Bonnes pratiques": "Bonnes pratiques retenues",
    "Difficultés": "Difficultés relevées",
    "Ressources bibliographiques": "Ressources bibliographiques citées",
    "Présenté dans": "Présenté dans les comptes-rendus",
    "Projets proches": "Projets proches de celui-ci",
    "Citer cette page": "Citer cette page : références",
}
"""A generated heading's second wording, used when the body already has the first."""


@dataclass(frozen=True)
class Heading:
    """A generated section: its id (a fixed one of the templates) and its title."""

    id: str
    title: str


def trail(doc: Document) -> list[tuple[str, str]]:
    """(label, site address) of each step: Accueil, Fiches projet, the title."""
    folder = urls.PROJECTS if isinstance(doc, Project) else urls.WRITEUPS
    return [(HOME_LABEL, ""), (SECTION_LABELS[doc.kind], folder), (doc.title, doc.url)]


def breadcrumb_ld(steps: list[tuple[str, str]], site_url: str) -> dict[str, Any]:
    """schema.org ``BreadcrumbList`` of ``steps`` (absolute addresses: only with a site URL)."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": number,
                "name": label,
                "item": absolute_url(site_url, url),
            }
            for number, (label, url) in enumerate(steps, start=1)
        ],
    }


def _body_titles(tokens: list[dict[str, Any]]) -> set[str]:
    """The folded text of every body heading (names are HTML; tags are rare in them)."""
    found: set[str] = set()
    for token in tokens:
        name = Markup(str(token.get("name", ""))).striptags()
        found.add(fold(" ".join(name.split())))
        found |= _body_titles(list(token.get("children", [])))
    return found


def headings(wanted: list[tuple[str, str]], body_toc: list[dict[str, Any]]) -> list[Heading]:
    """The generated sections' headings, each reworded if the body already uses it."""
    taken = _body_titles(body_toc)
    chosen = []
    for section_id, title in wanted:
        if fold(title) in taken:
            title = REWORDED.get(title, f"{title} (page)")
        chosen.append(Heading(section_id, title))
    return chosen


def toc_entry(heading: Heading) -> dict[str, Any]:
    return {"level": 2, "id": heading.id, "name": str(Markup.escape(heading.title)), "children": []}


class DocumentPages(PlannerBase):
    def body(self, doc: Document) -> tuple[str, list[dict[str, Any]]]:
        rendered = self.rendered.get(doc.url)
        if rendered is None:
            rendered = self.renderer.render(doc.body, doc.path, doc.url)
            self.rendered[doc.url] = rendered
        for problem in rendered.problems:
            self.problems.append(Diagnostic.of(doc.source, doc.body_line, "(body)", problem))
        self.assets.update(rendered.assets)
        return rendered.html, rendered.toc_tokens

    def jsonld(self, doc: Document) -> str:
        """The page's JSON-LD: the document, and (with a site URL) the page that shows it,
        with its breadcrumbs and its dates."""
        site_url = self.settings.site_url
        data = json_ld_data(doc, self.catalogue, site_url, self.pdfs)
        published, updated = self.catalogue.published(doc), self.catalogue.updated(doc)
        if updated:
            data["dateModified"] = updated.isoformat()
        if published and isinstance(doc, Project):
            data["datePublished"] = published.isoformat()
        if site_url:
            data["mainEntityOfPage"] = {
                "@type": "WebPage",
                "@id": absolute_url(site_url, doc.url),
                "breadcrumb": breadcrumb_ld(trail(doc), site_url),
            }
        return script_safe_json(data)

    def common(self, doc: Document) -> dict[str, Any]:
        """What both kinds of page show the same way: trail, dates, download, citation."""
        return {
            "doc": doc,
            "trail": trail(doc),
            "published": self.catalogue.published(doc),
            "updated": self.catalogue.updated(doc),
            "pdf": self.pdfs.get(doc.url),
            "citation_text": citation_text(doc, self.catalogue),
            "citation_files": [
                (citation_path(doc, suffix), name, media) for suffix, name, media in FORMATS
            ],
        }

    def full_toc(
        self, before: list[Heading], body_toc: list[dict[str, Any]], after: list[Heading]
    ) -> list[dict[str, Any]]:
        return [
            *(toc_entry(h) for h in before),
            *json.loads(json.dumps(body_toc)),  # a copy: the rendered body is shared
            *(toc_entry(h) for h in after),
        ]

    def project_page(self, project: Project) -> None:
        body, body_toc = self.body(project)
        image_url, media = "", ""
        if project.meta.image is not None:
            source = (project.path.parent / project.meta.image.src).resolve()
            media = media_url(self.settings.rel(source))
            self.assets[media] = source
            image_url = relative(media, project.url)
        related = [p.slug for p in self.catalogue.related(project.slug)]
        wanted = [("reperes", "En bref")]
        if project.cited_by:
            wanted.append(("cite-par", "Présenté dans"))
        if related:
            wanted.append(("projets-proches", "Projets proches"))
        wanted += [("pk-citer", "Citer cette page"), ("licence", "Licence et crédits")]
        titles = headings(wanted, body_toc)
        html = self.render(
            "project.html",
            project.url,
            **self.common(project),
            body=body,
            image_url=image_url,
            related=related,
            credits=self.credits.project(project),
            titles={h.id: h.title for h in titles},
        )
        self.add(
            document_uri(project),
            project.url,
            project.title,
            project.meta.summary,
            html,
            "project",
            project.licence,
            self.full_toc(titles[:1], body_toc, titles[1:]),
            self.jsonld(project),
            (media, project.meta.image.alt if project.meta.image else ""),
        )

    def writeup_page(self, writeup: Writeup) -> None:
        body, body_toc = self.body(writeup)
        meta = writeup.meta
        wanted = [("reperes", "En bref")]
        if meta.examples:
            wanted.append(("exemples-inspirants", "Les exemples inspirants"))
        if meta.good_practices:
            wanted.append(("bonnes-pratiques", "Bonnes pratiques"))
        if meta.difficulties:
            wanted.append(("difficultes", "Difficultés"))
        if meta.bibliography:
            wanted.append(("bibliographie", "Ressources bibliographiques"))
        wanted += [("pk-citer", "Citer cette page"), ("licence", "Licence et crédits")]
        titles = headings(wanted, body_toc)
        html = self.render(
            "writeup.html",
            writeup.url,
            **self.common(writeup),
            body=body,
            credits=self.credits.writeup(writeup),
            titles={h.id: h.title for h in titles},
        )
        self.add(
            document_uri(writeup),
            writeup.url,
            writeup.meta.title,
            writeup.meta.summary,
            html,
            "writeup",
            writeup.licence,
            self.full_toc(titles[:1], body_toc, titles[1:]),
            self.jsonld(writeup),
        )

    def document_page(self, document: Document) -> PageSpec:
        if isinstance(document, Project):
            self.project_page(document)
        else:
            self.writeup_page(document)
        return self.pages[document_uri(document)]
