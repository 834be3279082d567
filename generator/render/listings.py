"""Listing pages: all sheets and write-ups, countries, themes, organisations,
programmes, good practices, licence, search, downloads."""

from __future__ import annotations

import posixpath

from markupsafe import Markup, escape

from .. import urls
from ..catalogue import GroupIndex, Project, Writeup
from ..french import plural
from ..urls import media_url, relative
from . import listing_filters
from .map_page import country_map
from .page_specs import (
    HREF_SLOT,
    Entry,
    Section,
    listing_page_url,
    pager_numbers,
    paginate,
)
from .planner_base import PlannerBase
from .thumbnails import Thumbnail, thumbnail

Document = Project | Writeup

SRC_SLOT = "\x00src\x00"
"""Stands for a card's thumbnail address (relative to the document's page) while the card
is rendered once for all pages."""

SVG_AS_THUMBNAIL = 50_000
"""An SVG image up to this size (bytes) is its own card thumbnail; a larger one gets none."""

_thumbnails: dict[tuple[str, int, int, str], Thumbnail | None] = {}
"""(image, its modification time and size, cache folder) -> its thumbnail: the site is
planned twice in a build (before and after the PDFs) and again at each preview change."""


class ListingPages(PlannerBase):
    def report_block(self, page: str) -> str:
        """The download block of the report of ``page``'s subject ('' when there is none)."""
        reports = self.reports_of(page)
        return str(self.render("report-links.html", page, reports=reports)) if reports else ""

    def listing(
        self,
        url: str,
        title: str,
        description: str,
        sections: list[Section],
        intro: str = "",
        facts: list[tuple[str, str, str]] | None = None,
        empty: str = "",
        kind: str = "listing",
        header: str = "",
        *,
        order: str = "titre",
        filters: bool = True,
    ) -> None:
        """A listing page; past ``listing_page_size`` cards, more pages at ``<url>page/<n>/``.

        A country or a programme of a thousand sheets is cut into pages a phone can load.

        The cards of all sections are cut in order into pages; each page repeats the heading
        (with the total count) of every section it shows part of, and a pager links them,
        above and below the cards. With ``filters`` (and two cards or more), the listing gets
        its filter data (:mod:`.listing_filters`), which ``assets/listing.js`` reads to filter
        and sort the whole listing; ``order``: the pages' own order (``titre``, ``recent``).
        """
        size = self.settings.options.listing_page_size
        pages = paginate(sections, size)
        filters_url = self.filter_file(url, sections, size, order) if filters else ""
        for number, page_sections in enumerate(pages, start=1):
            page_url = listing_page_url(url, number)
            suffix = f" (page {number} sur {len(pages)})" if len(pages) > 1 else ""
            pager = [(n, listing_page_url(url, n)) for n in pager_numbers(number, len(pages))]
            html = self.render(
                "listing.html",
                page_url,
                title=title + suffix,
                intro=intro if number == 1 else "",
                header=Markup(header) if number == 1 else "",
                sections=page_sections,
                facts=(facts or []) if number == 1 else [],
                empty=empty if not sections else "",
                pager=pager if len(pages) > 1 else [],
                page=number,
                pages=len(pages),
                prev_url=listing_page_url(url, number - 1) if number > 1 else "",
                next_url=listing_page_url(url, number + 1) if number < len(pages) else "",
                first_url=url,
                filters_url=filters_url,
            )
            self.add(
                f"{page_url}index.md", page_url, title + suffix, description + suffix, html, kind
            )

    def filter_file(self, url: str, sections: list[Section], size: int, order: str) -> str:
        """Publish the filter data of the listing at ``url``; its site path ('' if none)."""
        catalogue = self.catalogue
        documents: list[Document] = []
        for section in sections:
            documents += [catalogue.projects[s] for s in section.projects]
            documents += [catalogue.writeups[s] for s in section.writeups]
        if len(documents) < 2:
            return ""
        labels = {p: self.credits.programme_label(p) for p in catalogue.programmes}
        data = listing_filters.filter_data(catalogue, documents, size, order, labels)
        site_path = f"{url}{listing_filters.FILE_NAME}"
        try:
            self.assets[site_path] = listing_filters.cached_file(
                listing_filters.encode(data), self.settings.cache_dir
            )
        except OSError:
            # a cache that cannot be written: plain pages (the PDFs' step says what is wrong)
            return ""
        return site_path

    def card_thumbnail(self, doc: Document) -> Thumbnail | None:
        """The card thumbnail of a sheet's image (None: no image, or one that cannot be read)."""
        if not isinstance(doc, Project) or doc.meta.image is None:
            return None
        image = doc.meta.image
        known: dict[str, Thumbnail | None] = self.__dict__.setdefault("_card_thumbnails", {})
        if doc.url not in known:
            known[doc.url] = self._find_thumbnail(doc, image.src)
        return known[doc.url]

    def _find_thumbnail(self, doc: Project, src: str) -> Thumbnail | None:
        source = (doc.path.parent / src).resolve()
        cache = self.settings.cache_dir
        try:
            stat = source.stat()
        except OSError:
            return None
        if source.suffix.lower() == ".svg":
            # a drawing (checked to be safe): small as it is, and sharp at any size
            if stat.st_size > SVG_AS_THUMBNAIL:
                return None
            return Thumbnail(media_url(self.settings.rel(source)), source)
        key = (str(source), stat.st_mtime_ns, stat.st_size, str(cache))
        known = _thumbnails.get(key)
        if known is None or not known.source.is_file():  # a cache emptied meanwhile
            _thumbnails[key] = thumbnail(source, doc.slug, cache)
        return _thumbnails[key]

    def card(self, template: str, name: str, doc: Document, href: str) -> Markup:
        """A listing card, rendered once per document; only its links differ by page.

        The card shows the sheet's thumbnail, published at its media address; its address
        is written relative to the document's page, then joined to the card's link.
        """
        key = (template, doc.url)
        card = self._cards.get(key)
        thumb = self.card_thumbnail(doc)
        if card is None:
            context: dict[str, object] = {name: doc, "href": HREF_SLOT, "thumb_src": ""}
            if thumb is not None and isinstance(doc, Project) and doc.meta.image is not None:
                context.update(thumb_src=SRC_SLOT, thumb_alt=doc.meta.image.alt)
            context["countries"] = (
                doc.meta.countries if isinstance(doc, Project) else list(doc.countries)
            )
            card = self.env.get_template(template).render(context)
            if card.count(HREF_SLOT) != 1:
                raise ValueError(f"{template} must use {{{{ href }}}} exactly once")
            self._cards[key] = card
        if thumb is not None:
            self.assets[thumb.site_path] = thumb.source
            src = posixpath.normpath(posixpath.join(href, relative(thumb.site_path, doc.url)))
            card = card.replace(SRC_SLOT, str(escape(src)))
        # relative addresses made of slugs and slashes: nothing to escape
        return Markup(card.replace(HREF_SLOT, str(escape(href))))

    def index_page(
        self,
        url: str,
        title: str,
        description: str,
        section: str,
        heading: str,
        entries: list[Entry],
        empty: str,
        more: list[Section] | None = None,
    ) -> None:
        """The index of countries, themes, organisations or programmes: one entry each;
        ``more``: sections after it (the themes with nothing under them yet)."""
        sections = [Section(section, heading, len(entries), entries=entries)] if entries else []
        sections += more or []
        self.listing(url, title, description, sections, empty=empty, filters=False)

    def document_listings(self) -> None:
        catalogue = self.catalogue
        projects = self.by_title(catalogue.projects)
        self.listing(
            urls.PROJECTS,
            "Fiches projet",
            "Toutes les fiches projet",
            [Section("toutes-les-fiches", "Toutes les fiches", len(projects), projects=projects)]
            if projects
            else [],
            empty="Aucune fiche projet pour le moment.",
        )
        writeups = [w.slug for w in catalogue.writeups_newest_first()]
        self.listing(
            urls.WRITEUPS,
            "Comptes-rendus",
            "Tous les comptes-rendus, du plus récent au plus ancien",
            [
                Section(
                    "tous-les-comptes-rendus",
                    "Du plus récent au plus ancien",
                    len(writeups),
                    writeups=writeups,
                )
            ]
            if writeups
            else [],
            empty="Aucun compte-rendu pour le moment.",
            kind="writeups",
            order="recent",
        )
        inspiring = self.by_title(catalogue.inspiring)
        self.listing(
            urls.INSPIRING,
            "Exemples inspirants",
            "Les projets signalés comme inspirants ou présentés lors d’une session",
            [Section("exemples", "Les exemples", len(inspiring), projects=inspiring)]
            if inspiring
            else [],
            intro="Les projets signalés comme inspirants ou présentés comme exemples "
            "lors d’une session.",
            empty="Aucun exemple inspirant pour le moment.",
        )

    def country_pages(self) -> None:
        entries = []
        for country in self.catalogue.countries():
            slugs = self.by_title(self.catalogue.by_country[country.code])
            writeups = self.catalogue.writeups_by_country.get(country.code, [])
            sections = [Section("fiches", "Fiches projet", len(slugs), projects=slugs)]
            note = plural(len(slugs), "fiche")
            if writeups:
                sections.append(
                    Section("comptes-rendus", "Comptes-rendus", len(writeups), writeups=writeups)
                )
                note += ", " + plural(len(writeups), "compte-rendu", "comptes-rendus")
            entries.append(Entry(country.url, country.name, note))
            self.listing(
                country.url,
                country.name,
                f"Les projets au pays : {country.name}",
                sections,
                kind="country",
                header=country_map(self, country.code) + self.report_block(country.url),
            )
        self.index_page(
            urls.COUNTRIES,
            "Pays",
            "Les projets par pays",
            "pays",
            "Tous les pays",
            entries,
            "Aucun pays pour le moment.",
        )

    def group_sections(self, group: GroupIndex) -> list[Section]:
        """The sheets, then the write-ups, of a theme or a programme."""
        sections = []
        if group.projects:
            sections.append(
                Section(
                    "fiches",
                    "Fiches projet",
                    len(group.projects),
                    projects=self.by_title(group.projects),
                )
            )
        if group.writeups:
            sections.append(
                Section(
                    "comptes-rendus", "Comptes-rendus", len(group.writeups), writeups=group.writeups
                )
            )
        return sections

    def theme_pages(self) -> None:
        entries: list[Entry] = []
        empty_themes: list[Entry] = []
        for theme_id, theme in self.catalogue.themes.items():
            group = self.catalogue.by_theme[theme_id]
            url = urls.theme(theme_id)
            sections = self.group_sections(group)
            counts = []
            if group.projects:
                counts.append(plural(len(group.projects), "fiche"))
            if group.writeups:
                counts.append(plural(len(group.writeups), "compte-rendu", "comptes-rendus"))
            if counts:
                entries.append(Entry(url, theme.label, ", ".join(counts)))
            else:  # still reachable, but apart, and with no « 0 fiche »
                empty_themes.append(Entry(url, theme.label))
            self.listing(
                url,
                theme.label,
                theme.description or f"Thème : {theme.label}",
                sections,
                intro=theme.description or "",
                empty="Rien sous ce thème pour le moment.",
                kind="theme",
                header=self.report_block(url),
            )
        self.index_page(
            urls.THEMES,
            "Thèmes",
            "Les projets et comptes-rendus par thème",
            "themes",
            "Tous les thèmes",
            entries,
            "Aucun thème pour le moment.",
            [
                Section(
                    "themes-vides", "Pas encore de contenu", len(empty_themes), entries=empty_themes
                )
            ]
            if empty_themes
            else [],
        )
