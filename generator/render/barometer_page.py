"""The page of each barometer (``barometre/<id>/``): the questionnaire as a form.

The whole questionnaire is written into the page as HTML (fieldsets, legends, radio
groups, labels), so that it reads and prints without JavaScript and a screen reader meets
ordinary form controls; ``theme/assets/barometre.js`` then keeps the answers in the
browser's local storage, computes the scores, exports and imports answer files. The
script reads the questionnaire's structure from the page's ``data-`` attributes: no
second copy of it, and nothing fetched. Published results are drawn here, in SVG.
"""

from __future__ import annotations

from html import escape
from typing import Any

from .. import urls
from .planner_base import PlannerBase


class BarometerPages(PlannerBase):
    def barometer_pages(self) -> None:
        for barometer_id in sorted(self.catalogue.barometers):
            barometer = self.catalogue.barometers[barometer_id]
            url = urls.barometer(barometer_id)
            html = self.render(
                "barometre.html",
                url,
                b=barometer,
                meta=barometer.meta,
                paragraphs=_paragraphs(barometer.meta.introduction),
                dimensions=[(d, barometer.statements_of(d.id)) for d in barometer.meta.dimensions],
                published=barometer.published(),
                programme=(
                    self.catalogue.programmes.get(barometer.meta.programme)
                    if barometer.meta.programme
                    else None
                ),
            )
            self.add(
                f"{url}index.md",
                url,
                barometer.meta.title,
                barometer.meta.summary,
                html,
                "barometer",
                licence=barometer.licence,
            )

    def barometer_nav(self) -> list[dict[str, Any]]:
        """The menu's entry: the barometer itself, or a section when there are several."""
        entries = [
            # Material prints menu titles as they are (MkDocs does not escape)
            {escape(b.meta.title): f"{urls.barometer(b.id)}index.md"}
            for b in (self.catalogue.barometers[k] for k in sorted(self.catalogue.barometers))
        ]
        if len(entries) > 1:
            return [{"Baromètres": entries}]
        return entries


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]
