"""The planner's common ground: templates, cards, page registration, document order.

:class:`PlannerBase` holds what every kind of page needs; :mod:`.document_pages` and
:mod:`.listings` add the pages themselves, and :mod:`.site_plan` puts them in order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from .. import urls
from ..catalogue import Catalogue
from ..countries import french_name
from ..credits import Credits
from ..diagnostics import Diagnostic
from ..french import citation, french_date, period_text, sort_key, spacing
from ..licences import Licence
from ..templates import environment
from ..typography import french_spacing
from ..urls import relative
from .body_pool import RendererSettings
from .markdown_body import RenderedBody
from .page_specs import HREF_SLOT, Document, DocumentFeed, PageSpec, PdfLink, SitePlan, natural_key


def download_words(title: str) -> str:
    """« Télécharger le rapport du programme CAAC » for « Rapport du programme CAAC »."""
    if title.startswith("Rapport "):
        return "Télécharger le r" + title[1:]
    return f"Télécharger « {title} »" if title else "Télécharger le rapport"


def document_sources(catalogue: Catalogue) -> dict[Path, str]:
    """Each sheet's and write-up's resolved path -> its page's URL (for links between them)."""
    sources = {p.path.resolve(): p.url for p in catalogue.projects.values()}
    sources.update({w.path.resolve(): w.url for w in catalogue.writeups.values()})
    return sources


class PlannerBase:
    def __init__(
        self,
        catalogue: Catalogue,
        previous: SitePlan | None = None,
        feed: DocumentFeed | None = None,
        pdfs: Mapping[str, PdfLink] | None = None,
        body_workers: int | None = None,
        sources: dict[Path, str] | None = None,
    ) -> None:
        """``sources``: each document's resolved path -> its URL, when known already (the
        preview's quick pass: resolving 5,500 paths took 0.24 s)."""
        self.catalogue = catalogue
        self.settings = settings = catalogue.settings
        self.pdfs = dict(pdfs or {})
        self.body_workers = body_workers
        self.pages: dict[str, PageSpec] = {}
        self.assets: dict[str, Path] = {}
        self.problems: list[Diagnostic] = []
        self.rendered: dict[str, RenderedBody] = dict(previous.rendered) if previous else {}
        if sources is None:
            sources = document_sources(catalogue)
        self.renderer_settings = RendererSettings(
            self.settings.root,
            list(settings.extensions),
            dict(settings.extension_configs),
            sources,
            (self.settings.content_dir.resolve(), self.settings.projects_dir.resolve()),
        )
        self.renderer = self.renderer_settings.renderer()
        self.credits = Credits(catalogue)
        self.site_name = settings.title
        self.env = environment(settings.theme_dir / "fragments")
        self.env.globals.update(
            catalogue=catalogue,
            urls=urls,
            french_date=french_date,
            country_name=french_name,
            country_names=lambda codes: ", ".join(french_name(c) for c in codes),
            org_label=catalogue.organisation_label,
            programme_label=self.credits.programme_label,
            period=period_text,
            citation=citation,
            people=self.credits.people,
            site_name=self.site_name,
            project_card=self.project_card,
            writeup_card=self.writeup_card,
        )
        self._cards: dict[tuple[str, str], str] = {}
        self.feed = feed

    @cached_property
    def _title_keys(self) -> dict[str, tuple[str, str]]:
        """Each sheet's sort key by title (for listings only: a preview's quick pass lays
        out a document page and needs none)."""
        return {slug: (sort_key(p.title), slug) for slug, p in self.catalogue.projects.items()}

    def documents(self) -> list[Document]:
        """The sheets, then the write-ups, each by slug: whatever order the catalogue has."""
        catalogue = self.catalogue
        return [
            *(catalogue.projects[slug] for slug in sorted(catalogue.projects)),
            *(catalogue.writeups[slug] for slug in sorted(catalogue.writeups)),
        ]

    # --- helpers exposed to templates ---

    def card(self, template: str, name: str, doc: Document, href: str) -> Markup:
        """A listing card, rendered once per document; only its link differs by page.

        Rendering each card once saves 9 % of a build at 5,000 sheets (bench/tricks.md).
        """
        key = (template, doc.url)
        card = self._cards.get(key)
        if card is None:
            card = self.env.get_template(template).render({name: doc, "href": HREF_SLOT})
            if card.count(HREF_SLOT) != 1:
                raise ValueError(f"{template} must use {{{{ href }}}} exactly once")
            self._cards[key] = card
        # a relative address made of slugs and slashes: nothing to escape
        return Markup(card.replace(HREF_SLOT, str(escape(href))))

    def project_card(self, slug: str, href: str) -> Markup:
        return self.card("card-project.html", "p", self.catalogue.projects[slug], href)

    def writeup_card(self, slug: str, href: str) -> Markup:
        return self.card("card-writeup.html", "w", self.catalogue.writeups[slug], href)

    # --- rendering ---

    def render(self, template: str, page_url: str, **context: Any) -> str:
        link: Callable[[str], str] = lambda target: relative(target, page_url)  # noqa: E731
        return self.env.get_template(template).render(link=link, **context)

    def add(
        self,
        uri: str,
        url: str,
        title: str,
        description: str,
        html: str,
        kind: str,
        licence: Licence | None = None,
        toc: list[dict[str, Any]] | None = None,
        jsonld: str = "",
        image: tuple[str, str] = ("", ""),
    ) -> None:
        """Plan the page ``uri`` at ``url``; ``image``: its image's site path and text."""
        # French spacing (« : », « ? », « » ») in what the page shows: its text, title,
        # description and table of contents, as in the PDFs (generator/typography.py)
        self.pages[uri] = PageSpec(
            uri,
            url,
            spacing(title),
            spacing(description),
            french_spacing(html),
            licence or self.settings.site_licence,
            kind,
            _spaced_toc(toc or []),
            jsonld,
            *image,
        )

    def by_title(self, slugs: Iterable[str]) -> list[str]:
        return sorted(slugs, key=self._title_keys.__getitem__)

    def reports_of(self, page: str) -> list[tuple[PdfLink, str]]:
        """The compiled report of the subject of ``page`` (a programme, a theme, a country),
        or its volumes in order (``<page>#tome-<n>``), each with its button's words."""
        found = [
            (name, link)
            for name, link in self.pdfs.items()
            if name == page or name.startswith(f"{page}#tome-")
        ]
        return [
            (link, download_words(link.title))
            for _, link in sorted(found, key=lambda pair: natural_key(pair[0]))
        ]


def _spaced_toc(tokens: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The table of contents' entries with French spacing in their names (Python-Markdown's
    tokens: ``name`` is HTML, ``children`` the entries below)."""
    return [
        {
            **token,
            "name": french_spacing(str(token.get("name", ""))),
            "children": _spaced_toc(list(token.get("children", []))),
        }
        for token in tokens
    ]
