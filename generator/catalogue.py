"""The catalogue: every validated document and registry, cross-references resolved.

Built once, after all files are read and validated, so that every page and export sees the
same consistent whole. Every collection is sorted with a stable key so that the same input
gives the same output.
"""

from __future__ import annotations

import datetime as dt
import heapq
import posixpath
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from itertools import compress
from pathlib import Path, PurePosixPath

from . import urls
from .countries import french_name
from .french import fold
from .licences import Licence
from .read.git_history import FileDates, file_dates
from .settings import Settings
from .validate.barometer import Barometer
from .validate.schema import (
    OrganisationEntry,
    ProgrammeEntry,
    ProjectMeta,
    ThemeEntry,
    WriteupMeta,
)

STATUS_LABELS = {"planned": "En projet", "ongoing": "En cours", "completed": "Terminé"}


@dataclass(frozen=True)
class Country:
    code: str
    name: str

    @property
    def url(self) -> str:
        return urls.country(self.code)


@dataclass
class Project:
    """A project sheet (fiche projet)."""

    slug: str
    source: str
    path: Path
    meta: ProjectMeta
    body: str
    body_line: int
    licence: Licence
    cited_by: list[str] = field(default_factory=list)

    kind = "project"

    @property
    def url(self) -> str:
        return urls.project(self.slug)

    @property
    def pdf(self) -> str:
        return urls.project_pdf(self.slug)

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def organisations(self) -> list[str]:
        """Lead first, then partners."""
        return [self.meta.lead, *self.meta.partners]

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.meta.status]


@dataclass
class Writeup:
    """A session write-up (compte-rendu)."""

    slug: str
    source: str
    path: Path
    meta: WriteupMeta
    body: str
    body_line: int
    licence: Licence
    countries: list[str] = field(default_factory=list)
    """The countries of the sheets it presents (its inspiring examples), by French name: a
    write-up has no country of its own, and this is how it reaches the country pages."""
    themes: list[str] = field(default_factory=list)
    """Its own themes, then those of its examples that it does not name, in registry order."""

    kind = "writeup"

    @property
    def url(self) -> str:
        return urls.writeup(self.slug)

    @property
    def attached_report(self) -> Path | None:
        """The PDF file the editors attached, if any (already checked to exist)."""
        if self.meta.report is None:
            return None
        return (self.path.parent / PurePosixPath(self.meta.report.replace("\\", "/"))).resolve()

    @property
    def pdf(self) -> str:
        if self.meta.report is None:
            return urls.writeup_pdf(self.slug)
        # repository path of the attached file (checked to lie inside the repository)
        report = self.meta.report.replace("\\", "/")
        return urls.writeup_pdf(
            self.slug, posixpath.normpath(posixpath.join(posixpath.dirname(self.source), report))
        )

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def authoring_organisations(self) -> list[str]:
        ids = [p.organisation for p in [*self.meta.authors, *self.meta.reviewers]]
        return sorted({i for i in ids if i})


@dataclass
class OrganisationIndex:
    """What one organisation takes part in."""

    leads: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    presented: list[str] = field(default_factory=list)
    authored: list[str] = field(default_factory=list)


@dataclass
class GroupIndex:
    """The sheets and write-ups under one theme or programme."""

    projects: list[str] = field(default_factory=list)
    writeups: list[str] = field(default_factory=list)


@dataclass
class DraftStub:
    """A draft that still lacks required facts: the preview shows it on a page of its own
    (banner, the facts it lacks, its text); it is in no listing, search or PDF."""

    kind: str
    slug: str
    source: str
    path: Path
    body: str
    body_line: int
    title: str
    summary: str
    missing: list[str]

    @property
    def url(self) -> str:
        return urls.project(self.slug) if self.kind == "project" else urls.writeup(self.slug)


@dataclass
class Catalogue:
    settings: Settings
    organisations: dict[str, OrganisationEntry]
    programmes: dict[str, ProgrammeEntry]
    themes: dict[str, ThemeEntry]
    projects: dict[str, Project]
    writeups: dict[str, Writeup]
    inspiring: list[str] = field(default_factory=list)
    by_country: dict[str, list[str]] = field(default_factory=dict)
    """Country code -> its sheets (by slug)."""
    writeups_by_country: dict[str, list[str]] = field(default_factory=dict)
    """Country code -> the write-ups presenting a sheet of it (:attr:`Writeup.countries`),
    newest first; every code here is also in :attr:`by_country`."""
    by_theme: dict[str, GroupIndex] = field(default_factory=dict)
    by_programme: dict[str, GroupIndex] = field(default_factory=dict)
    by_organisation: dict[str, OrganisationIndex] = field(default_factory=dict)
    incomplete_drafts: list[DraftStub] = field(default_factory=list)
    """Preview only (``Settings.show_drafts``): drafts that cannot be documents yet."""
    editorial_pages: list[tuple[str, str]] = field(default_factory=list)
    """The editorial pages of ``content/`` (about, guide…): (path in it, title), sorted."""
    barometers: dict[str, Barometer] = field(default_factory=dict)
    """The questionnaires of ``content/_data/barometres/`` by id (issue 19)."""

    # --- lookups used by pages and exports ---

    def country(self, code: str) -> Country:
        return Country(code, french_name(code))

    def countries(self) -> list[Country]:
        """Countries in use, sorted by French name."""
        return sorted((self.country(c) for c in self.by_country), key=_country_key)

    @cached_property
    def history(self) -> dict[Path, FileDates]:
        """Resolved source path -> its first and last commit days (one ``git log`` for the
        whole site, on first use; empty without Git)."""
        settings = self.settings
        return file_dates(settings.root, [settings.content_dir, settings.projects_dir])

    @cached_property
    def _history_by_url(self) -> dict[str, FileDates]:
        """Document URL -> its commit days (each source path resolved once)."""
        history = self.history
        found: dict[str, FileDates] = {}
        documents: list[Project | Writeup] = [*self.projects.values()]
        documents += self.writeups.values()
        for doc in documents:
            dates = history.get(doc.path.resolve())
            if dates is not None:
                found[doc.url] = dates
        return found

    def inherit_history(self, older: Catalogue, changed: list[Project | Writeup]) -> None:
        """Take ``older``'s commit dates instead of asking Git again (the preview's quick
        pass, :func:`generator.loader.reload_documents`: ``git log`` took 0.3 s at 5,000
        sheets, and resolving every document's path 0.2 s more). The same commits give
        the same dates; only the ``changed`` documents are looked up again."""
        if "history" not in older.__dict__:
            return  # never asked: this catalogue asks when it needs them
        history = older.history
        by_url = dict(older._history_by_url)
        for doc in changed:
            by_url.pop(doc.url, None)
            dates = history.get(doc.path.resolve())
            if dates is not None:
                by_url[doc.url] = dates
        self.__dict__["history"] = history
        self.__dict__["_history_by_url"] = by_url

    def published(self, doc: Project | Writeup) -> dt.date | None:
        """The day the document was first committed; None without Git history."""
        dates = self._history_by_url.get(doc.url)
        return dates.first if dates else None

    def updated(self, doc: Project | Writeup) -> dt.date | None:
        """The day of its last commit, else its front matter's ``updated`` (sheets)."""
        dates = self._history_by_url.get(doc.url)
        if dates is not None:
            return dates.last
        return doc.meta.updated if isinstance(doc, Project) else None

    def writeups_newest_first(self) -> list[Writeup]:
        return sorted(self.writeups.values(), key=lambda w: (-w.meta.date.toordinal(), w.slug))

    def organisation_label(self, org_id: str) -> str:
        """The short form, for cards and tags: the acronym when there is one."""
        org = self.organisations[org_id]
        return org.short_name or org.name

    def organisation_name(self, org_id: str) -> str:
        """The name in full, for sentences and reports, with the acronym in parentheses when
        it says something the name does not: « Confédération française démocratique du
        travail (CFDT) », but « La Fonda » (short name « Fonda »)."""
        org = self.organisations[org_id]
        if org.short_name and fold(org.short_name) not in fold(org.name):
            return f"{org.name} ({org.short_name})"
        return org.name

    def related(self, slug: str, limit: int = 5) -> list[Project]:
        """Sheets sharing themes, countries or organisations, most shared first."""
        shared: Counter[str] = Counter()
        for facet in _facets(self.projects[slug]):
            shared.update(self._sheets_by_facet[facet])
        del shared[slug]
        if not shared:
            return []
        # The limit-th highest count, found by C code; only sheets at or above it are sorted
        # in Python (most shared first, then by slug).
        floor = heapq.nlargest(limit, shared.values())[-1]
        close = compress(shared.keys(), map(floor.__le__, shared.values()))  # C-level filter
        best = sorted((-shared[other], other) for other in close)
        return [self.projects[other] for _count, other in best[:limit]]

    @cached_property
    def _sheets_by_facet(self) -> dict[tuple[str, str], list[str]]:
        """Facet -> sheets having it: related sheets without comparing every pair."""
        index: dict[tuple[str, str], list[str]] = defaultdict(list)
        for project in self.projects.values():
            for facet in _facets(project):
                index[facet].append(project.slug)
        return index


def _country_key(country: Country) -> tuple[str, str]:
    return (fold(country.name), country.code)


def _facets(project: Project) -> set[tuple[str, str]]:
    meta = project.meta
    return (
        {("theme", t) for t in meta.themes}
        | {("country", c) for c in meta.countries}
        | {("org", o) for o in project.organisations}
    )


def _derive_places_and_themes(writeup: Writeup, catalogue: Catalogue) -> None:
    """Give ``writeup`` the countries of its examples, and their themes after its own."""
    examples = [catalogue.projects[slug] for slug in writeup.meta.examples]
    codes = {code for sheet in examples for code in sheet.meta.countries}
    writeup.countries = [
        c.code for c in sorted((catalogue.country(code) for code in codes), key=_country_key)
    ]
    own = list(writeup.meta.themes)
    theirs = {t for sheet in examples for t in sheet.meta.themes} - set(own)
    writeup.themes = own + [t for t in catalogue.themes if t in theirs]


def build_catalogue(
    settings: Settings,
    organisations: list[OrganisationEntry],
    programmes: list[ProgrammeEntry],
    themes: list[ThemeEntry],
    projects: list[Project],
    writeups: list[Writeup],
) -> Catalogue:
    """Resolve references and build every index. Inputs are already validated."""
    catalogue = Catalogue(
        settings=settings,
        organisations={o.id: o for o in sorted(organisations, key=lambda o: o.id)},
        programmes={p.id: p for p in sorted(programmes, key=lambda p: p.id)},
        themes={t.id: t for t in themes},  # registry order is the editors' order
        projects={p.slug: p for p in sorted(projects, key=lambda p: p.slug)},
        writeups={w.slug: w for w in sorted(writeups, key=lambda w: w.slug)},
    )
    newest = catalogue.writeups_newest_first()
    for writeup in newest:
        for slug in writeup.meta.examples:
            catalogue.projects[slug].cited_by.append(writeup.slug)
    catalogue.inspiring = [
        p.slug for p in catalogue.projects.values() if p.meta.inspiring or p.cited_by
    ]

    by_country: dict[str, list[str]] = defaultdict(list)
    by_theme: dict[str, GroupIndex] = {t: GroupIndex() for t in catalogue.themes}
    by_programme: dict[str, GroupIndex] = {p: GroupIndex() for p in catalogue.programmes}
    by_org: dict[str, OrganisationIndex] = {o: OrganisationIndex() for o in catalogue.organisations}
    for project in catalogue.projects.values():
        meta = project.meta
        for code in meta.countries:
            by_country[code].append(project.slug)
        for theme_id in meta.themes:
            by_theme[theme_id].projects.append(project.slug)
        by_programme[meta.programme].projects.append(project.slug)
        by_org[meta.lead].leads.append(project.slug)
        for partner in meta.partners:
            by_org[partner].partners.append(project.slug)
    writeups_by_country: dict[str, list[str]] = defaultdict(list)
    for writeup in newest:
        _derive_places_and_themes(writeup, catalogue)
        for code in writeup.countries:
            writeups_by_country[code].append(writeup.slug)
        wmeta = writeup.meta
        for theme_id in writeup.themes:
            by_theme[theme_id].writeups.append(writeup.slug)
        if wmeta.programme:
            by_programme[wmeta.programme].writeups.append(writeup.slug)
        for org_id in wmeta.organisations:
            by_org[org_id].presented.append(writeup.slug)
        for org_id in writeup.authoring_organisations:
            by_org[org_id].authored.append(writeup.slug)
    catalogue.by_country = {code: by_country[code] for code in sorted(by_country)}
    catalogue.writeups_by_country = {
        code: writeups_by_country[code] for code in sorted(writeups_by_country)
    }
    catalogue.by_theme = by_theme
    catalogue.by_programme = by_programme
    catalogue.by_organisation = by_org
    return catalogue
