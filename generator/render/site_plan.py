"""The whole site as a plan: every generated page with its content, and files to publish.

The plan is computed from the catalogue alone, before any engine renders anything; the
MkDocs adapter only places it into the theme. Page content is rendered with Jinja
templates from ``theme/fragments`` with autoescaping on, so every value from content is
escaped; document bodies are sanitised HTML (see :mod:`.markdown_body`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from .. import urls
from ..catalogue import Catalogue, GroupIndex, Project, Writeup
from ..countries import french_name
from ..credits import Credits
from ..diagnostics import Diagnostic, Severity
from ..licences import Licence
from ..schema import Period, Reference
from .body_pool import RendererSettings, start_rendering
from .frenchtext import french_date, plural, sort_key
from .links import media_url, relative
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


@dataclass
class PdfLink:
    """A downloadable report: where it is in the site, its size in French, what it is."""

    url: str
    size: str
    kind: str = ""
    title: str = ""
    date: str = ""


@dataclass
class SiteOptions:
    theme_dir: Path
    site_name: str = ""
    site_url: str = ""
    extensions: list[Any] = field(default_factory=list)
    extension_configs: dict[str, Any] = field(default_factory=dict)
    home_intro: Path | None = None
    pdfs: dict[str, PdfLink] = field(default_factory=dict)
    """Site-relative document URL -> its PDF, once reports exist."""
    body_workers: int | None = None
    """Processes rendering Markdown bodies; None: as many as cores for large sites."""
    listing_page_size: int = 100
    """Cards on one listing page; longer listings get more pages."""


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


class _Planner:
    def __init__(self, catalogue: Catalogue, options: SiteOptions,
                 previous: SitePlan | None = None, feed: DocumentFeed | None = None) -> None:
        self.catalogue = catalogue
        self.options = options
        self.settings = catalogue.settings
        self.pages: dict[str, PageSpec] = {}
        self.assets: dict[str, Path] = {}
        self.problems: list[Diagnostic] = []
        self.rendered: dict[str, RenderedBody] = dict(previous.rendered) if previous else {}
        sources = {p.path.resolve(): p.url for p in catalogue.projects.values()}
        sources.update({w.path.resolve(): w.url for w in catalogue.writeups.values()})
        self.renderer_settings = RendererSettings(
            self.settings.root, list(options.extensions), dict(options.extension_configs),
            sources, (self.settings.content_dir.resolve(), self.settings.projects_dir.resolve()))
        self.renderer = self.renderer_settings.renderer()
        self.credits = Credits(catalogue)
        self.site_name = options.site_name or "Savoirs de programme"
        self.env = Environment(
            loader=FileSystemLoader(str(options.theme_dir / "fragments")),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,  # one plan, one read of each template: no stat per render
        )
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
        self._title_keys = {slug: (sort_key(p.title), slug)
                            for slug, p in catalogue.projects.items()}

    # --- helpers exposed to templates ---

    def card(self, template: str, name: str, doc: Document, href: str) -> Markup:
        """A listing card, rendered once per document; only its link differs by page."""
        key = (template, doc.url)
        card = self._cards.get(key)
        if card is None:
            card = self.env.get_template(template).render({name: doc, "href": _HREF_SLOT})
            if card.count(_HREF_SLOT) != 1:
                raise ValueError(f"{template} must use {{{{ href }}}} exactly once")
            self._cards[key] = card
        # a relative address made of slugs and slashes: nothing to escape
        return Markup(card.replace(_HREF_SLOT, str(escape(href))))

    def project_card(self, slug: str, href: str) -> Markup:
        return self.card("card-project.html", "p", self.catalogue.projects[slug], href)

    def writeup_card(self, slug: str, href: str) -> Markup:
        return self.card("card-writeup.html", "w", self.catalogue.writeups[slug], href)

    # --- rendering ---

    def render(self, template: str, page_url: str, **context: Any) -> str:
        link: Callable[[str], str] = lambda target: relative(target, page_url)  # noqa: E731
        return self.env.get_template(template).render(link=link, **context)

    def add(self, uri: str, url: str, title: str, description: str, html: str, kind: str,
            licence: Licence | None = None, toc: list[dict[str, Any]] | None = None,
            jsonld: str = "") -> None:
        self.pages[uri] = PageSpec(uri, url, title, description, html,
                                   licence or self.settings.site_licence, kind, toc or [], jsonld)

    def body(self, doc: Document) -> tuple[str, list[dict[str, Any]]]:
        rendered = self.rendered.get(doc.url)
        if rendered is None:
            rendered = self.renderer.render(doc.body, doc.path, doc.url)
            self.rendered[doc.url] = rendered
        for problem in rendered.problems:
            self.problems.append(Diagnostic(doc.source, doc.body_line, "(body)", problem,
                                            "fix or remove the link", Severity.ERROR))
        self.assets.update(rendered.assets)
        return rendered.html, rendered.toc_tokens

    def jsonld(self, doc: Document) -> str:
        from ..exports import json_ld

        return json_ld(doc, self.catalogue, self.options.site_url, self.options.pdfs)

    def project_page(self, project: Project) -> None:
        body, toc = self.body(project)
        image_url = ""
        if project.meta.image is not None:
            source = (project.path.parent / project.meta.image.src).resolve()
            media = media_url(self.settings.rel(source))
            self.assets[media] = source
            image_url = relative(media, project.url)
        html = self.render(
            "project.html", project.url, doc=project, body=body, image_url=image_url,
            related=[p.slug for p in self.catalogue.related(project.slug)],
            pdf=self.options.pdfs.get(project.url), credits=self.credits.project(project),
        )
        self.add(document_uri(project), project.url, project.title,
                 project.meta.summary,
                 html, "project", project.licence, toc, self.jsonld(project))

    def writeup_page(self, writeup: Writeup) -> None:
        body, toc = self.body(writeup)
        html = self.render(
            "writeup.html", writeup.url, doc=writeup, body=body,
            pdf=self.options.pdfs.get(writeup.url), credits=self.credits.writeup(writeup),
        )
        self.add(document_uri(writeup), writeup.url, writeup.meta.title,
                 writeup.meta.summary, html, "writeup", writeup.licence, toc,
                 self.jsonld(writeup))

    def document_page(self, document: Document) -> PageSpec:
        if isinstance(document, Project):
            self.project_page(document)
        else:
            self.writeup_page(document)
        return self.pages[document_uri(document)]

    def listing(self, url: str, title: str, description: str, sections: list[Section],
                intro: str = "", facts: list[tuple[str, str, str]] | None = None,
                empty: str = "", kind: str = "listing") -> None:
        """A listing page; past ``listing_page_size`` cards, more pages at ``<url>page/<n>/``.

        A country or a programme of a thousand sheets is cut into pages a phone can load.

        The cards of all sections are cut in order into pages; each page repeats the heading
        (with the total count) of every section it shows part of, and a pager links them.
        """
        pages = paginate(sections, max(1, self.options.listing_page_size))
        for number, page_sections in enumerate(pages, start=1):
            page_url = listing_page_url(url, number)
            suffix = f" (page {number} sur {len(pages)})" if len(pages) > 1 else ""
            pager = [(n, listing_page_url(url, n)) for n in pager_numbers(number, len(pages))]
            html = self.render("listing.html", page_url, title=title + suffix,
                               intro=intro if number == 1 else "", sections=page_sections,
                               facts=(facts or []) if number == 1 else [],
                               empty=empty if not sections else "",
                               pager=pager if len(pages) > 1 else [], page=number,
                               pages=len(pages),
                               prev_url=listing_page_url(url, number - 1) if number > 1 else "",
                               next_url=listing_page_url(url, number + 1)
                               if number < len(pages) else "")
            self.add(f"{page_url}index.md", page_url, title + suffix, description + suffix,
                     html, kind)

    # --- the plan ---

    def plan(self) -> SitePlan:
        catalogue = self.catalogue
        documents: list[Document] = [*catalogue.projects.values(), *catalogue.writeups.values()]
        pending = start_rendering(
            [(d.url, d.body, d.path) for d in documents if d.url not in self.rendered],
            self.renderer_settings, lambda: self.renderer, self.options.body_workers)

        def document_pages() -> None:
            self.rendered.update(pending.results())
            batch: list[PageSpec] = []
            for document in documents:
                spec = self.document_page(document)
                if self.feed is not None:
                    batch.append(spec)
                    if len(batch) == FEED_BATCH:
                        self.feed.add(batch)
                        batch = []
            if self.feed is not None:
                self.feed.add(batch)
                self.feed.close()

        # Listings need no body. Without a feed they are laid out while the bodies are
        # rendered elsewhere; with one, document pages come first, handed over in batches
        # (the search index prepares each batch on another core while the next is planned),
        # and the index runs while the listings are laid out.
        if self.feed is not None:
            document_pages()
        self.home()
        self.document_listings()
        self.country_pages()
        self.theme_pages()
        self.organisation_pages()
        self.programme_pages()
        self.practices_page()
        self.licence_page()
        self.search_page()
        if self.options.pdfs:
            self.downloads_page()
        if self.feed is None:
            document_pages()
        return SitePlan(dict(sorted(self.pages.items())), dict(sorted(self.assets.items())),
                        self.nav(), self.problems, self.rendered)

    def by_title(self, slugs: Iterable[str]) -> list[str]:
        return sorted(slugs, key=self._title_keys.__getitem__)

    def home(self) -> None:
        intro_html = ""
        intro = self.options.home_intro
        if intro is not None and intro.is_file():
            from ..sourcefile import load_markdown

            source = load_markdown(intro, self.settings.rel(intro), require_front_matter=False)
            intro_html = self.renderer.render(source.body, intro, "").html
        catalogue = self.catalogue
        latest = [w.slug for w in catalogue.writeups_newest_first()[:5]]
        inspiring = self.by_title(catalogue.inspiring)[:6]
        html = self.render("home.html", "", latest=latest, inspiring=inspiring,
                           intro_html=intro_html)
        self.add("index.md", "", self.site_name,
                 "Fiches projet, comptes-rendus et exemples inspirants", html, "home")

    def document_listings(self) -> None:
        catalogue = self.catalogue
        projects = self.by_title(catalogue.projects)
        self.listing(urls.PROJECTS, "Fiches projet", "Toutes les fiches projet",
                     [Section("toutes-les-fiches", "Toutes les fiches", len(projects),
                              projects=projects)] if projects else [],
                     empty="Aucune fiche projet pour le moment.")
        writeups = [w.slug for w in catalogue.writeups_newest_first()]
        self.listing(urls.WRITEUPS, "Comptes-rendus", "Tous les comptes-rendus, du plus récent "
                     "au plus ancien",
                     [Section("tous-les-comptes-rendus", "Du plus récent au plus ancien",
                              len(writeups), writeups=writeups)] if writeups else [],
                     empty="Aucun compte-rendu pour le moment.", kind="writeups")
        inspiring = self.by_title(catalogue.inspiring)
        self.listing(urls.INSPIRING, "Exemples inspirants",
                     "Les projets signalés comme inspirants ou présentés lors d’une session",
                     [Section("exemples", "Les exemples", len(inspiring), projects=inspiring)]
                     if inspiring else [],
                     intro="Les projets signalés comme inspirants ou présentés comme exemples "
                     "lors d’une session.", empty="Aucun exemple inspirant pour le moment.")

    def country_pages(self) -> None:
        entries = []
        for country in self.catalogue.countries():
            slugs = self.by_title(self.catalogue.by_country[country.code])
            entries.append(Entry(country.url, country.name, plural(len(slugs), "fiche")))
            self.listing(country.url, country.name, f"Les projets au pays : {country.name}",
                         [Section("fiches", "Fiches projet", len(slugs), projects=slugs)],
                         kind="country")
        self.listing(urls.COUNTRIES, "Pays", "Les projets par pays",
                     [Section("pays", "Tous les pays", len(entries), entries=entries)]
                     if entries else [], empty="Aucun pays pour le moment.")

    def group_sections(self, group: GroupIndex) -> list[Section]:
        """The sheets, then the write-ups, of a theme or a programme."""
        sections = []
        if group.projects:
            sections.append(Section("fiches", "Fiches projet", len(group.projects),
                                    projects=self.by_title(group.projects)))
        if group.writeups:
            sections.append(Section("comptes-rendus", "Comptes-rendus", len(group.writeups),
                                    writeups=group.writeups))
        return sections

    def theme_pages(self) -> None:
        entries = []
        for theme_id, theme in self.catalogue.themes.items():
            group = self.catalogue.by_theme[theme_id]
            url = urls.theme(theme_id)
            sections = self.group_sections(group)
            note = f"{plural(len(group.projects), 'fiche')}, " + plural(
                len(group.writeups), "compte-rendu", "comptes-rendus")
            entries.append(Entry(url, theme.label, note))
            self.listing(url, theme.label, theme.description or f"Thème : {theme.label}",
                         sections, intro=theme.description or "",
                         empty="Rien sous ce thème pour le moment.", kind="theme")
        self.listing(urls.THEMES, "Thèmes", "Les projets et comptes-rendus par thème",
                     [Section("themes", "Tous les thèmes", len(entries), entries=entries)]
                     if entries else [], empty="Aucun thème pour le moment.")

    def organisation_pages(self) -> None:
        entries = []
        orgs = sorted(self.catalogue.organisations.values(), key=lambda o: (sort_key(o.name), o.id))
        for org in orgs:
            index = self.catalogue.by_organisation[org.id]
            url = urls.organisation(org.id)
            sections = []
            for section_id, label, slugs, is_project in (
                ("porteur", "Projets portés", index.leads, True),
                ("partenaire", "Projets en partenariat", index.partners, True),
                ("presentes", "Comptes-rendus présentés", index.presented, False),
                ("rediges", "Comptes-rendus rédigés ou relus", index.authored, False),
            ):
                if slugs and is_project:
                    sections.append(Section(section_id, label, len(slugs),
                                            projects=self.by_title(slugs)))
                elif slugs:
                    sections.append(Section(section_id, label, len(slugs), writeups=slugs))
            facts: list[tuple[str, str, str]] = [("Nom", org.name, "")]
            if org.short_name:
                facts.append(("Sigle", org.short_name, ""))
            if org.country:
                facts.append(("Pays", french_name(org.country), ""))
            if org.url:
                facts.append(("Site web", org.url, org.url))
            count = len(index.leads) + len(index.partners)
            entries.append(Entry(url, org.name, plural(count, "projet")))
            self.listing(url, org.name, org.description or org.name, sections,
                         intro=org.description or "", facts=facts,
                         empty="Aucune fiche ni aucun compte-rendu pour le moment.",
                         kind="organisation")
        self.listing(urls.ORGANISATIONS, "Organisations", "Les organisations du réseau",
                     [Section("organisations", "Toutes les organisations", len(entries),
                              entries=entries)] if entries else [],
                     empty="Aucune organisation pour le moment.")

    def programme_pages(self) -> None:
        entries = []
        for programme in self.catalogue.programmes.values():
            group = self.catalogue.by_programme[programme.id]
            url = urls.programme(programme.id)
            facts: list[tuple[str, str, str]] = [("Nom", programme.name, "")]
            if programme.organisation:
                facts.append(("Porté par", self.catalogue.organisations[programme.organisation]
                              .name, relative(urls.organisation(programme.organisation), url)))
            if programme.started:
                facts.append(("Lancé en", str(programme.started), ""))
            if programme.url:
                facts.append(("Site web", programme.url, programme.url))
            sections = self.group_sections(group)
            entries.append(Entry(url, self.credits.programme_label(programme.id),
                                 plural(len(group.projects), "fiche")))
            self.listing(url, self.credits.programme_label(programme.id),
                         programme.description or programme.name, sections,
                         intro=programme.description or "", facts=facts,
                         empty="Rien dans ce programme pour le moment.", kind="programme")
        self.listing(urls.PROGRAMMES, "Programmes", "Les programmes",
                     [Section("programmes", "Tous les programmes", len(entries), entries=entries)]
                     if entries else [], empty="Aucun programme pour le moment.")

    def practices_page(self) -> None:
        sections = []
        for theme_id, items in self.catalogue.practices_by_theme().items():
            practices = [(text, w) for w, kind, text in items if kind == "practice"]
            difficulties = [(text, w) for w, kind, text in items if kind == "difficulty"]
            groups = []
            if practices:
                groups.append(Group("Bonnes pratiques", practices))
            if difficulties:
                groups.append(Group("Difficultés", difficulties))
            sections.append(Section(f"theme-{theme_id}", self.catalogue.themes[theme_id].label,
                                    len(items), groups=groups))
        self.listing(urls.PRACTICES, "Bonnes pratiques et difficultés",
                     "Les bonnes pratiques et difficultés relevées dans les comptes-rendus",
                     sections, intro="Rassemblées depuis tous les comptes-rendus, par thème ; "
                     "chacune renvoie au compte-rendu d’où elle vient.",
                     empty="Aucune bonne pratique pour le moment.")

    def licence_page(self) -> None:
        site = self.settings.site_licence
        documents: list[Document] = [*self.catalogue.projects.values(),
                                     *self.catalogue.writeups.values()]
        others = [d for d in documents if d.licence.id != site.id]
        html = self.render("licence.html", urls.LICENCE, licence=site, others=others)
        self.add(f"{urls.LICENCE}index.md", urls.LICENCE, "Licence et réutilisation",
                 "La licence des contenus et comment les créditer", html, "licence")

    def search_page(self) -> None:
        html = self.render("search.html", urls.SEARCH)
        self.add(f"{urls.SEARCH}index.md", urls.SEARCH, "Rechercher et parcourir",
                 "Rechercher dans les fiches projet et les comptes-rendus ; filtrer par pays, "
                 "thème, organisation, programme, statut, année", html, "search")

    def downloads_page(self) -> None:
        html = self.render("downloads.html", urls.DOWNLOADS,
                           reports=sorted(self.options.pdfs.values(),
                                          key=lambda r: (r.kind, _natural(sort_key(r.title)),
                                                         r.url)))
        self.add(f"{urls.DOWNLOADS}index.md", urls.DOWNLOADS, "Téléchargements",
                 "Tous les rapports à télécharger en PDF", html, "downloads")

    def nav(self) -> list[Any]:
        downloads = [{"Téléchargements": f"{urls.DOWNLOADS}index.md"}] if self.options.pdfs else []
        return [
            {"Accueil": "index.md"},
            {"Fiches projet": f"{urls.PROJECTS}index.md"},
            {"Comptes-rendus": f"{urls.WRITEUPS}index.md"},
            {"Exemples inspirants": f"{urls.INSPIRING}index.md"},
            {"Bonnes pratiques": f"{urls.PRACTICES}index.md"},
            {"Rechercher": f"{urls.SEARCH}index.md"},
            {"Parcourir": [
                {"Pays": f"{urls.COUNTRIES}index.md"},
                {"Thèmes": f"{urls.THEMES}index.md"},
                {"Organisations": f"{urls.ORGANISATIONS}index.md"},
                {"Programmes": f"{urls.PROGRAMMES}index.md"},
            ]},
            *downloads,
            {"Licence": f"{urls.LICENCE}index.md"},
        ]


def period_text(period: Period) -> str:
    if period.end is None:
        return f"depuis {period.start}"
    if period.end == period.start:
        return str(period.start)
    return f"{period.start}–{period.end}"


def citation(ref: Reference) -> Markup:
    """One consistent style: AUTEUR, « Titre », éditeur, année, [en ligne]. Note."""
    parts: list[Markup] = [escape(ref.author), Markup("« {} »").format(ref.title)]
    if ref.publisher and ref.publisher != ref.author:
        parts.append(escape(ref.publisher))
    if ref.year:
        parts.append(escape(str(ref.year)))
    if ref.url:
        parts.append(Markup('<a href="{}">[en ligne]</a>').format(ref.url))
    text = Markup(", ").join(parts) + Markup(".")
    if ref.note:
        text += Markup(" ") + escape(ref.note)
    return text


_HREF_SLOT = "\x00href\x00"
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
            pages[-1].append(replace(section,
                                     projects=[s for kind, s in taken if kind == "p"],
                                     writeups=[s for kind, s in taken if kind == "w"]))
    return pages


def pager_numbers(current: int, total: int) -> list[int]:
    """Page numbers to link: the first, the last, and two either side of ``current``."""
    shown = {1, total, *range(max(1, current - 2), min(total, current + 2) + 1)}
    return sorted(shown)


def _natural(text: str) -> tuple[tuple[int, str], ...]:
    """Sort key that puts « tome 2 » before « tome 10 »."""
    return tuple((int(part), "") if part.isdigit() else (-1, part)
                 for part in re.split(r"(\d+)", text))


def plan_site(catalogue: Catalogue, options: SiteOptions,
              previous: SitePlan | None = None,
              feed: DocumentFeed | None = None) -> SitePlan:
    """Compute every generated page of the site from the catalogue.

    With ``previous`` (a plan of the same catalogue), document bodies are not rendered again:
    only the pages around them change, e.g. once PDF links are known. ``feed`` receives the
    sheet and write-up pages in batches as they are planned, then ``close()``, all before
    the listings are planned.
    """
    return _Planner(catalogue, options, previous, feed).plan()

