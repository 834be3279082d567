"""The preview's pages of incomplete drafts: what a draft has, and what it still lacks.

A draft that lacks required facts cannot be a sheet or a write-up yet (its page, listings
and exports need those facts); in the preview (``Settings.show_drafts``) it still gets a
page at its future address, with the « brouillon » banner, the facts to write and its text,
so that an editor sees the text as it will read.
"""

from __future__ import annotations

from ..catalogue import DraftStub
from ..diagnostics import Diagnostic
from .planner_base import PlannerBase


class DraftPages(PlannerBase):
    def draft_pages(self) -> None:
        for stub in self.catalogue.incomplete_drafts:
            rendered = self.renderer.render(stub.body, stub.path, stub.url)
            for problem in rendered.problems:
                self.problems.append(Diagnostic.of(stub.source, stub.body_line, "(body)", problem))
            self.assets.update(rendered.assets)
            html = self.render("draft.html", stub.url, stub=stub, body=rendered.html)
            self.add(
                _uri(stub),
                stub.url,
                stub.title,
                stub.summary,
                html,
                "draft",
                None,
                rendered.toc_tokens,
            )


def _uri(stub: DraftStub) -> str:
    return stub.url.rstrip("/") + ".md"
