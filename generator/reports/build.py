"""Downloadable reports: one PDF per sheet and write-up, one compiled report per programme.

The print HTML is composed here from the catalogue and the same rendered bodies as the
pages, with the Jinja templates and CSS of ``theme/print``. Each PDF is cached under a
SHA-256 of everything that goes into it; only missing entries are rendered, in worker
processes when there are several.

Why one module: it composes each kind of report (sheet, write-up, programme volumes) and
decides what goes into that report's cache key; the two must change together, or a cached
PDF would be stale.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import posixpath
import re
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from .. import __version__, urls
from ..catalogue import Catalogue, Project, Writeup
from ..countries import french_name
from ..credits import Credits
from ..french import (
    citation,
    counted,
    enumerate_fr,
    french_date,
    period_text,
    slug,
    spacing,
    volume_label,
)
from ..messages import say
from ..processes import preloaded_context, stop_preloaded
from ..read.yamlsource import guess_field
from ..templates import environment
from ..urls import media_url
from ..validate.barometer import Barometer
from .cache import is_valid, prune
from .fontsubset import use_wheel_harfbuzz
from .htmltext import (
    absolutise,
    fragments_to_page,
    french_spacing,
    prefix_anchors,
    printed_lists,
    referenced_urls,
    shift_headings,
    short_line,
)
from .render import BLEED_CSS, RenderJob, RenderOutcome, pdf_options, render_job, start_pdf_worker

Document = Project | Writeup
VOLUME_SIZE = 50


@dataclass(frozen=True)
class _Subject:
    """What a compiled report gathers: a programme, a theme or a country."""

    kind: str
    """« programme », « theme » or « country » (the PdfLink kind)."""
    page: str
    """The site page of the subject: the report's key in the PDF links, and its source."""
    pdf: Callable[[int], str]
    """Volume number (0: one volume) -> the report's site path."""
    source: str
    """How a failure names the report."""
    kind_label: str
    label: str
    title: str
    description: str
    facts: list[tuple[str, str]] = field(default_factory=list)
    """Cover facts before the date and the period."""
    more_facts: list[tuple[str, str]] = field(default_factory=list)
    """Cover facts after the contents."""
    url: str = ""
    lead: str = ""
    """« le Comité… (CFSI) »: who carries it, in a sentence ('' for none)."""
    authors: list[str] = field(default_factory=list)


COLLECTION_KINDS = frozenset({"programme", "theme", "country"})
"""Kinds of the compiled reports (the others are one document each)."""
RUNNING_HEADER_CHARS = 62
"""A running header's characters on one line (8 pt DejaVu Sans in 60 % of the text width)."""
CONTENTS_CHARS = 84
"""A contents entry's characters on one line, leaders and page number beside (10 pt)."""
"""Most documents in one PDF of a programme's compiled report; more make volumes (a
volume of 50 sheets is about 150 pages and takes a worker a few hundred megabytes)."""
WORKER_MODULES = [
    "generator.reports.fork_server",  # first: the server ends with the build
    "generator.reports.render",
    "weasyprint",
    "weasyprint.text.fonts",
    "pydyf",
]
"""What the PDF workers' fork server imports once (:func:`~..processes.preloaded_context`)."""
LIGHT_JOBS_PER_WORKER = 200
"""A worker rendering single documents is replaced after this many (its memory grows)."""
_URL = re.compile(r"(?:https?|file|data):[^\s'\"<>;,)]+")
FALLBACK_BASE = "https://site.invalid/"
"""Public root used for absolute links when the site has no ``site_url``."""


@dataclass(frozen=True)
class ReportFailure:
    """One PDF that could not be made, and where to look in content."""

    source: str
    """The file to fix (a document, or the programme registry), relative to the root."""
    line: int
    field: str
    message: str
    code: str = "pdf-non-fait"


class ReportFault(Exception):
    """A PDF could not be made because of a bug in the generator's own code: not the
    document's fault, said as such (with the document it was making)."""


class ReportError(Exception):
    """PDFs could not be made; one :class:`ReportFailure` per cause, each said once."""

    def __init__(self, failures: list[ReportFailure]) -> None:
        self.failures = sorted(failures, key=lambda f: (f.source, f.line, f.field, f.message))
        super().__init__(
            f"{len(self.failures)} PDF(s) not made:\n"
            + "\n".join(f"{f.source}:{f.line}: {f.field}: {f.message}" for f in self.failures)
        )

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.source for f in self.failures))


@dataclass
class Reports:
    """What :func:`build_reports` made."""

    files: dict[str, ReportFile]
    """Document URL (or programme URL, for compiled reports) -> :class:`ReportFile`."""
    environment: dict[str, list[str]] = field(default_factory=dict)
    """Kind of environment note (:mod:`.environment`) -> sources of the PDFs that raised it."""
    subsetter: str = ""
    """The font subsetting backend used (see :func:`.fontsubset.use_wheel_harfbuzz`)."""


@dataclass(frozen=True)
class ReportFile:
    site_path: str
    """Where it goes in the site, e.g. ``projets/<slug>/fiche-<slug>.pdf``."""
    source: Path
    """The file to copy there: a cache entry, or the attached report unchanged."""
    size: int
    kind: str
    """``project``, ``writeup`` or ``programme``."""
    title: str
    rendered: bool
    """True if rendered in this run (False: cache hit or attached file)."""


@dataclass
class _Prepared:
    key: str
    site_path: str
    kind: str
    title: str
    source: str
    """For messages: the document's file, or ``programme <id>``."""
    html: str
    resources: dict[str, str]
    documents: tuple[Document, ...] = ()
    """The documents it holds (one, or a programme volume's)."""


class _Composer:
    """Composes the print HTML of each report and its cache key."""

    def __init__(
        self, catalogue: Catalogue, bodies: dict[str, str], assets: dict[str, Path], theme_dir: Path
    ) -> None:
        self.catalogue = catalogue
        self.credits = Credits(catalogue)
        self.settings = catalogue.settings
        self.bodies = bodies
        self.base = (
            (self.settings.site_url.rstrip("/") + "/") if self.settings.site_url else FALLBACK_BASE
        )
        self.assets = dict(assets)
        print_dir = theme_dir / "print"
        self.css = (print_dir / "print.css").read_text(encoding="utf-8")
        if self.settings.options.pdf_bleed:
            self.css += BLEED_CSS
        self.options = pdf_options(self.settings.options.pdf_light)
        templates = sorted(p for p in print_dir.rglob("*") if p.is_file())
        self.env = environment(print_dir)
        self.env.globals.update(
            catalogue=catalogue,
            site=self.site,
            french_date=french_date,
            country_names=lambda codes: ", ".join(french_name(c) for c in codes),
            org_names=lambda ids: enumerate_fr([catalogue.organisation_name(i) for i in ids]),
            theme_labels=lambda ids: ", ".join(catalogue.themes[i].label for i in ids),
            programme_label=self.credits.programme_label,
            period=period_text,
            citation=citation,
            people=self.credits.people,
            running=lambda text: spacing(short_line(text, RUNNING_HEADER_CHARS)),
            toc_entry=lambda text: short_line(text, CONTENTS_CHARS),
            site_name=self.settings.site_name or "Savoirs de programme",
            generator=f"programme-knowledge-generator {__version__}",
        )
        self.subsetter = use_wheel_harfbuzz()  # raises MissingLibrary without Pango
        import pydyf
        import weasyprint

        digest = hashlib.sha256()
        for item in (
            __version__,
            weasyprint.__version__,
            pydyf.__version__,
            self.subsetter,
            json.dumps(self.options, sort_keys=True),
            self.css,
        ):
            digest.update(item.encode() + b"\0")
        for path in templates:
            digest.update(path.relative_to(print_dir).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
        self.fixed_digest = digest.hexdigest()
        self._file_digests: dict[Path, str] = {}

    # --- helpers for templates ---

    def site(self, url: str) -> str:
        return urljoin(self.base, url)

    def authors(self, doc: Document) -> list[str]:
        if isinstance(doc, Project):
            return [self.catalogue.organisations[o].name for o in doc.organisations]
        return [p.name for p in doc.meta.authors]

    def keywords(self, doc: Document) -> list[str]:
        words = [self.catalogue.themes[t].label for t in doc.meta.themes]
        if isinstance(doc, Project):
            words += [french_name(c) for c in doc.meta.countries]
            words.append(self.credits.programme_label(doc.meta.programme))
        elif doc.meta.programme:
            words.append(self.credits.programme_label(doc.meta.programme))
        return list(dict.fromkeys(words))

    # --- composing ---

    def body(self, doc: Document, anchor_prefix: str = "") -> str:
        if doc.url not in self.bodies:
            raise ReportError(
                [
                    ReportFailure(
                        doc.source,
                        doc.body_line,
                        "(body)",
                        say(
                            "pdf-non-fait", problem=f"no rendered body given for {doc.url}"
                        ).message,
                    )
                ]
            )
        html = fragments_to_page(
            absolutise(self.bodies[doc.url], doc.url, self.base), self.site(doc.url)
        )
        html = printed_lists(html)
        return prefix_anchors(html, anchor_prefix) if anchor_prefix else html

    def modified(self, doc: Document) -> str:
        """A content date for the PDF metadata and a report's « Publié le » (never the build
        time: the output stays reproducible): a write-up's date; a sheet's last commit, else
        its front matter's ``updated``, else "" (the pages say the same)."""
        if isinstance(doc, Writeup):
            return doc.meta.date.isoformat()
        updated = self.catalogue.updated(doc)
        return updated.isoformat() if updated else ""

    def image_url(self, doc: Document) -> str:
        if not isinstance(doc, Project) or doc.meta.image is None:
            return ""
        source = (doc.path.parent / doc.meta.image.src).resolve()
        media = media_url(self.settings.rel(source))
        self.assets.setdefault(media, source)
        return self.site(media)

    def document(self, doc: Document) -> _Prepared:
        html = self.env.get_template("document.html").render(
            doc=doc,
            body=self.body(doc),
            image_url=self.image_url(doc),
            credits=self.credits.of(doc),
            authors=self.authors(doc),
            keywords=self.keywords(doc),
            modified=self.modified(doc),
            example_link=lambda slug: self.site(urls.project(slug)),
        )
        return self.prepare(doc.pdf, doc.kind, doc.title, doc.source, html, (doc,))

    def programme(self, programme_id: str) -> list[_Prepared]:
        """The compiled report of a programme: one PDF, or volumes of at most VOLUME_SIZE."""
        programme = self.catalogue.programmes[programme_id]
        group = self.catalogue.by_programme[programme_id]
        label = self.credits.programme_label(programme_id)
        facts = []
        if programme.organisation:
            facts.append(("Porté par", self.catalogue.organisation_name(programme.organisation)))
        subject = _Subject(
            "programme",
            urls.programme(programme_id),
            lambda number: urls.programme_report_pdf(programme_id, number),
            f"programme {programme_id}",
            "Rapport de programme",
            label,
            f"Rapport du programme {label}",
            programme.description or "",
            facts,
            [("Lancé en", str(programme.started))] if programme.started else [],
            programme.url or "",
            self.credits.org(programme.organisation) if programme.organisation else "",
            [self.catalogue.organisations[programme.organisation].name]
            if programme.organisation
            else [],
        )
        barometers = [
            b
            for _id, b in sorted(self.catalogue.barometers.items())
            if b.meta.programme == programme_id and b.meta.results
        ]
        return self.collection(subject, group.projects, group.writeups, barometers)

    def theme(self, theme_id: str) -> list[_Prepared]:
        """The compiled report of a theme (``reports: [theme]``)."""
        theme = self.catalogue.themes[theme_id]
        group = self.catalogue.by_theme[theme_id]
        subject = _Subject(
            "theme",
            urls.theme(theme_id),
            lambda number: urls.collection_report_pdf("theme", theme_id, number),
            f"thème {theme_id}",
            "Rapport thématique",
            theme.label,
            f"Rapport thématique : {theme.label}",
            theme.description or "",
        )
        return self.collection(subject, group.projects, group.writeups)

    def country(self, code: str) -> list[_Prepared]:
        """The compiled report of a country (``reports: [country]``): its sheets."""
        name = french_name(code)
        subject = _Subject(
            "country",
            urls.country(code),
            lambda number: urls.collection_report_pdf("country", slug(name), number),
            f"pays {code}",
            "Rapport par pays",
            name,
            f"Rapport par pays : {name}",
            "",
        )
        return self.collection(subject, list(self.catalogue.by_country[code]), [])

    def collection(
        self,
        subject: _Subject,
        project_slugs: Iterable[str],
        writeup_slugs: Iterable[str],
        barometers: Sequence[Barometer] = (),
    ) -> list[_Prepared]:
        """A compiled report: one PDF, or volumes of at most VOLUME_SIZE.

        Write-ups come first, then sheets by title. A report of a thousand sheets would
        need gigabytes of memory in WeasyPrint (it lays out the whole document at once;
        measured: about 3 GB for 1,100 documents) and would be re-rendered whole when one
        sheet changes; volumes keep both bounded.
        """
        writeups = [self.catalogue.writeups[s] for s in writeup_slugs]
        projects = sorted(
            (self.catalogue.projects[s] for s in project_slugs),
            key=lambda p: (p.title.casefold(), p.slug),
        )
        docs: list[Document] = [*writeups, *projects]
        count = -(-len(docs) // VOLUME_SIZE)
        return [
            self.volume(
                subject,
                docs[i * VOLUME_SIZE : (i + 1) * VOLUME_SIZE],
                i + 1,
                count,
                barometers if i == 0 else (),
            )
            for i in range(count)
        ]

    def volume(
        self,
        subject: _Subject,
        docs: list[Document],
        number: int,
        count: int,
        barometers: Sequence[Barometer] = (),
    ) -> _Prepared:
        """One volume; the first carries the programme's published barometer results."""
        writeups = [d for d in docs if isinstance(d, Writeup)]
        projects = [d for d in docs if isinstance(d, Project)]
        in_report = {p.slug for p in projects}

        def anchor(doc: Document) -> str:
            return f"{'fiche' if isinstance(doc, Project) else 'cr'}-{doc.slug}"

        def item(doc: Document) -> dict[str, Any]:
            return {
                "doc": doc,
                "anchor": anchor(doc),
                "credits": self.credits.of(doc),
                "body": shift_headings(self.body(doc, anchor(doc) + "--"), 2),
                "image_url": self.image_url(doc),
            }

        parts = [
            {"title": "Comptes-rendus", "entries": [item(w) for w in writeups]},
            {"title": "Fiches projet", "entries": [item(p) for p in projects]},
        ]
        authors = list(subject.authors)
        for doc in docs:
            authors += self.authors(doc)
        licence = self.settings.site_licence
        title = subject.title
        volume = volume_label(number, count).capitalize()
        if volume:
            title += ", " + volume_label(number, count)
        dates = [d for d in (self.modified(doc) for doc in docs) if d]
        years = [w.meta.date.year for w in writeups]
        for project in projects:
            years += [project.meta.period.start, project.meta.period.end or 0]
        first, last = min(y for y in years if y), max(years)
        period = str(first) if first == last else f"{first}–{last}"
        contributors = list(dict.fromkeys(authors))
        counts = ", ".join(
            counted(len(group), singular, plural_form, feminine=feminine)
            for group, singular, plural_form, feminine in (
                (writeups, "compte-rendu", "comptes-rendus", False),
                (projects, "fiche projet", "fiches projet", True),
            )
            if group
        )
        led = f"Programme porté par {subject.lead}. " if subject.lead else ""
        credits = (
            "Rapport compilé à partir des contenus publiés sur le site. "
            + led
            + "Contributions : "
            + enumerate_fr(contributors)
            + "."
        )
        cover_credits = (
            led + "Les organisations et les personnes qui ont contribué sont nommées au colophon."
        )
        html = self.env.get_template("programme.html").render(
            subject=subject,
            barometers=[(b, b.published(), self.site(urls.barometer(b.id))) for b in barometers],
            title=title,
            description=subject.description or title,
            parts=parts,
            licence=licence,
            other_licences=any(d.licence.id != licence.id for d in docs),
            authors=contributors,
            counts=counts,
            credits=credits,
            cover_credits=cover_credits,
            covered=period,
            published=french_date(dt.date.fromisoformat(max(dates))) if dates else "",
            keywords=list(dict.fromkeys(k for d in docs for k in self.keywords(d))),
            modified=max(dates) if dates else "",
            volume=volume,
            example_link=lambda slug: (
                f"#fiche-{slug}" if slug in in_report else self.site(urls.project(slug))
            ),
        )
        return self.prepare(
            subject.pdf(number if count > 1 else 0),
            subject.kind,
            title,
            subject.source,
            html,
            tuple(docs),
        )

    def prepare(
        self,
        site_path: str,
        kind: str,
        title: str,
        source: str,
        html: str,
        documents: tuple[Document, ...],
    ) -> _Prepared:
        html = french_spacing(html)
        resources: dict[str, str] = {}
        digest = hashlib.sha256(self.fixed_digest.encode() + b"\0" + html.encode())
        for url in sorted(set(referenced_urls(html))):
            if not url.startswith(self.base):
                continue
            path = self.assets.get(url[len(self.base) :].split("#", 1)[0])
            if path is None:
                continue  # a link to a page: nothing to fetch
            resources[url] = str(path)
            digest.update(url.encode() + b"\0" + self.file_digest(path).encode())
        return _Prepared(
            digest.hexdigest(), site_path, kind, title, source, html, resources, documents
        )

    def locate(self, doc: Document, problem: str) -> ReportFailure:
        """The failure of ``doc``'s PDF, at the line of the image or link it names."""
        needles = []
        for url in _URL.findall(problem):
            if url.startswith(self.base):
                needles.append(posixpath.basename(urlsplit(url).path) or url)
            else:
                needles.append(url)
        line, where = 1, "(pdf)"
        try:
            text = doc.path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            text = ""
        lines = text.split("\n")
        for index, content in enumerate(lines):
            if needles and any(needle in content for needle in needles):
                line = index + 1
                where = (
                    "(body)"
                    if line >= doc.body_line
                    else (guess_field("\n".join(lines[1 : doc.body_line]), index - 1) or "(pdf)")
                )
                break
        return ReportFailure(doc.source, line, where, say("pdf-non-fait", problem=problem).message)

    def locate_programme(self, item: _Prepared, problem: str) -> ReportFailure:
        """A compiled report that failed although its documents did not: at its registry."""
        programme_id = item.source.removeprefix("programme ")
        registry = self.settings.data_dir / "programmes.yml"
        line = 1
        try:
            for index, content in enumerate(registry.read_text(encoding="utf-8-sig").split("\n")):
                if re.fullmatch(
                    rf"\s*-?\s*id:\s*[\"']?{re.escape(programme_id)}[\"']?\s*", content
                ):
                    line = index + 1
                    break
        except (OSError, UnicodeDecodeError):
            pass
        return ReportFailure(
            self.settings.rel(registry),
            line,
            "id",
            say(
                "rapport-non-fait", programme=programme_id, title=item.title, problem=problem
            ).message,
            "rapport-non-fait",
        )

    def file_digest(self, path: Path) -> str:
        if path not in self._file_digests:
            self._file_digests[path] = hashlib.sha256(path.read_bytes()).hexdigest()
        return self._file_digests[path]


def build_reports(
    catalogue: Catalogue,
    bodies: dict[str, str],
    assets: dict[str, Path],
    theme_dir: Path,
    cache_dir: Path,
    *,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Reports:
    """Make (or find in the cache) every report of the catalogue.

    ``bodies``: document URL -> sanitised body HTML, links relative to that page.
    ``assets``: site path (``medias/...``) -> source file. Raises :class:`ReportError` with
    one failure per cause: a document whose PDF could not be made, or a programme report
    that failed although each of its documents rendered alone. Raises
    :class:`~.environment.MissingLibrary` when WeasyPrint cannot run on this machine.
    """
    composer = _Composer(catalogue, bodies, assets, theme_dir)
    cache_dir.mkdir(parents=True, exist_ok=True)
    results: dict[str, ReportFile] = {}
    prepared: dict[str, _Prepared] = {}
    for project in catalogue.projects.values():
        prepared[project.url] = composer.document(project)
    for writeup in catalogue.writeups.values():
        attached = writeup.attached_report
        if attached is not None:
            results[writeup.url] = ReportFile(
                writeup.pdf, attached, attached.stat().st_size, "writeup", writeup.title, False
            )
        else:
            prepared[writeup.url] = composer.document(writeup)
    wanted = catalogue.settings.options.reports
    collections: list[tuple[str, list[_Prepared]]] = []
    if "programme" in wanted:
        collections += [(urls.programme(i), composer.programme(i)) for i in catalogue.programmes]
    if "theme" in wanted:
        collections += [(urls.theme(i), composer.theme(i)) for i in catalogue.themes]
    if "country" in wanted:
        collections += [(c.url, composer.country(c.code)) for c in catalogue.countries()]
    for key, volumes in collections:
        for number, report in enumerate(volumes, start=1):
            prepared[key if len(volumes) == 1 else f"{key}#tome-{number}"] = report

    def entry(item: _Prepared) -> Path:
        return cache_dir / f"{item.key}.pdf"

    todo: dict[str, _Prepared] = {}
    damaged: list[str] = []
    for item in prepared.values():
        if item.key in todo:
            continue  # identical inputs render once
        sound = is_valid(entry(item))
        if not sound:
            todo[item.key] = item
            if sound is False:
                damaged.append(item.source)
    outcomes = _render_all(
        [
            RenderJob(
                i.source,
                i.html,
                composer.css,
                composer.base,
                i.resources,
                str(entry(i)),
                options=composer.options,
            )
            for i in todo.values()
        ],
        workers,
        progress,
        frozenset(str(entry(i)) for i in todo.values() if i.kind in COLLECTION_KINDS),
    )
    faults = [
        f"{item.source}: {outcome.problem}"
        for item in todo.values()
        if (outcome := outcomes[str(entry(item))]).fault
    ]
    if faults:
        raise ReportFault("; ".join(faults))
    environment: dict[str, list[str]] = {"cache-damaged": damaged} if damaged else {}
    for item in todo.values():
        for kind in outcomes[str(entry(item))].environment:
            environment.setdefault(kind, []).append(item.source)
    failures = _failures(
        composer,
        todo.values(),
        {key: outcome.problem for key, outcome in outcomes.items() if outcome.problem},
        entry,
    )
    if failures:
        raise ReportError(failures)
    prune(cache_dir, {item.key for item in prepared.values()})
    for url, item in prepared.items():
        path = entry(item)
        results[url] = ReportFile(
            item.site_path, path, path.stat().st_size, item.kind, item.title, str(path) in outcomes
        )
    return Reports(
        dict(sorted(results.items())),
        {kind: sorted(set(sources)) for kind, sources in sorted(environment.items())},
        composer.subsetter,
    )


def _failures(
    composer: _Composer,
    rendered: Iterable[_Prepared],
    problems: dict[str, str],
    entry: Callable[[_Prepared], Path],
) -> list[ReportFailure]:
    """One failure per cause. A programme volume fails whenever one of its documents does
    (the same body, the same image): that is said once, at the document."""
    failures: list[ReportFailure] = []
    failed_documents: set[str] = set()
    items = list(rendered)
    for item in items:
        problem = problems.get(str(entry(item)))
        if problem and item.kind != "programme":
            failures.append(composer.locate(item.documents[0], problem))
            failed_documents.add(item.documents[0].source)
    for item in items:
        problem = problems.get(str(entry(item)))
        if (
            problem
            and item.kind == "programme"
            and not any(doc.source in failed_documents for doc in item.documents)
        ):
            failures.append(composer.locate_programme(item, problem))
    return failures


def _render_all(
    jobs: list[RenderJob],
    workers: int | None,
    progress: Callable[[int, int], None] | None,
    heavy: frozenset[str] = frozenset(),
) -> dict[str, RenderOutcome]:
    """Render ``jobs``; in a process pool when there are several. Outcomes by target.

    ``heavy``: targets of compiled reports. WeasyPrint keeps a whole document's layout in
    memory and a worker process does not give that memory back, so heavy jobs run after the
    light ones, in fresh pools of as many workers as jobs (a worker rarely gets two);
    workers of light jobs are replaced every :data:`LIGHT_JOBS_PER_WORKER` jobs. Two workers
    stay within a few hundred megabytes each (measured at 5,000 sheets: under 2 GB for the
    whole build).
    """
    total = len(jobs)
    outcomes: dict[str, RenderOutcome] = {}
    count = max(1, min(workers or os.cpu_count() or 1, total))

    def finished(job: RenderJob, outcome: RenderOutcome) -> None:
        outcomes[job.target] = outcome
        if progress:
            progress(len(outcomes), total)

    if total:
        # Always in worker processes, even for one PDF: their memory and time are bounded
        # (start_pdf_worker, RenderJob.time_limit), which this process must not be.
        # Never a fork of this process (it may run threads: mkdocs serve, watchers): the
        # workers come from a clean fork server that has imported WeasyPrint once.
        context = preloaded_context(WORKER_MODULES)
        light = [job for job in jobs if job.target not in heavy]
        heavy_jobs = [job for job in jobs if job.target in heavy]
        # Fresh workers for every batch (ProcessPoolExecutor's max_tasks_per_child can hang
        # on Python 3.11 when workers retire while jobs wait).
        batches = [
            light[i : i + LIGHT_JOBS_PER_WORKER * count]
            for i in range(0, len(light), LIGHT_JOBS_PER_WORKER * count)
        ]
        batches += [heavy_jobs[i : i + count] for i in range(0, len(heavy_jobs), count)]
        try:
            for batch in batches:
                with ProcessPoolExecutor(
                    max_workers=min(count, len(batch)),
                    mp_context=context,
                    initializer=start_pdf_worker,
                ) as pool:
                    futures = {pool.submit(render_job, job): job for job in batch}
                    for future in as_completed(futures):
                        try:
                            outcome = future.result()
                        except BrokenProcessPool:  # killed by the system (memory), or crashed
                            outcome = RenderOutcome(
                                "the PDF worker stopped while making it (out of memory?)"
                            )
                        finished(futures[future], outcome)
        except BaseException:
            stop_preloaded(at_once=True)
            raise
        stop_preloaded()
    return outcomes
