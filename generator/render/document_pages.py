"""The page of each sheet and write-up: its body, facts, JSON-LD and links."""

from __future__ import annotations

from typing import Any

from ..catalogue import Project, Writeup
from ..diagnostics import Diagnostic
from ..urls import media_url, relative
from .page_specs import Document, PageSpec, document_uri
from .planner_base import PlannerBase


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
        from ..linked_data import json_ld

        return json_ld(doc, self.catalogue, self.settings.site_url, self.pdfs)

    def project_page(self, project: Project) -> None:
        body, toc = self.body(project)
        image_url, media = "", ""
        if project.meta.image is not None:
            source = (project.path.parent / project.meta.image.src).resolve()
            media = media_url(self.settings.rel(source))
            self.assets[media] = source
            image_url = relative(media, project.url)
        html = self.render(
            "project.html",
            project.url,
            doc=project,
            body=body,
            image_url=image_url,
            related=[p.slug for p in self.catalogue.related(project.slug)],
            pdf=self.pdfs.get(project.url),
            credits=self.credits.project(project),
        )
        self.add(
            document_uri(project),
            project.url,
            project.title,
            project.meta.summary,
            html,
            "project",
            project.licence,
            toc,
            self.jsonld(project),
            (media, project.meta.image.alt if project.meta.image else ""),
        )

    def writeup_page(self, writeup: Writeup) -> None:
        body, toc = self.body(writeup)
        html = self.render(
            "writeup.html",
            writeup.url,
            doc=writeup,
            body=body,
            pdf=self.pdfs.get(writeup.url),
            credits=self.credits.writeup(writeup),
        )
        self.add(
            document_uri(writeup),
            writeup.url,
            writeup.meta.title,
            writeup.meta.summary,
            html,
            "writeup",
            writeup.licence,
            toc,
            self.jsonld(writeup),
        )

    def document_page(self, document: Document) -> PageSpec:
        if isinstance(document, Project):
            self.project_page(document)
        else:
            self.writeup_page(document)
        return self.pages[document_uri(document)]
