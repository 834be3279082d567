"""Everything the site needs from content, computed once per build, without MkDocs.

:func:`prepare_site` loads and validates all content, then plans every generated page;
:func:`write_exports` writes the open-data files. The MkDocs plugin calls both.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .catalogue import Catalogue
from .citations import citation_files
from .diagnostics import ContentError, Diagnostic
from .exports import export_files
from .french import DOCUMENT_KINDS, french_date, size_fr
from .loader import load_catalogue
from .messages import text
from .progress import ProgressBar
from .render.page_specs import DocumentFeed, PdfLink, SitePlan
from .render.pdf_pages import page_count
from .render.site_plan import plan_site
from .reports import (
    MissingLibrary,
    ReportError,
    ReportFault,
    ReportFile,
    build_reports,
    describe,
)
from .reports.thumbnails import make_thumbnails
from .settings import Settings

log = logging.getLogger("mkdocs.plugins.programme.stages")


@contextmanager
def timed(stage: str) -> Iterator[None]:
    """Log how long a build stage took, at info level."""
    start = time.perf_counter()
    yield
    log.info("stage %s: %.2f s", stage, time.perf_counter() - start)


class MachineError(Exception):
    """The machine lacks something the build needs: not a content error; says what to do."""


class ProgramFault(MachineError):
    """A bug of the generator itself stopped the build: neither the content nor the
    machine; said as a bug to report, with what it was doing."""


@dataclass
class PreparedSite:
    catalogue: Catalogue
    plan: SitePlan
    warnings: list[Diagnostic]
    reports: dict[str, ReportFile] | None = None
    environment: list[str] = field(default_factory=list)
    """Warnings about the machine (a missing optional library): each said once."""


def prepare_site(
    settings: Settings,
    feed: DocumentFeed | None = None,
    body_workers: int | None = None,
    documents_only: bool = False,
) -> PreparedSite:
    """Load, validate and plan; raises :class:`ContentError` with every problem found.

    ``feed``: see :func:`plan_site` (the plugin hands the pages to the search index there).
    ``documents_only``: plan only the pages that :func:`add_reports` needs (it plans the
    whole site again with the PDF links).
    """
    with timed("load+validate"):
        result = load_catalogue(settings)
    if result.errors or result.catalogue is None:
        raise ContentError(result.diagnostics)
    with timed("pages"):
        plan = plan_site(
            result.catalogue, feed=feed, body_workers=body_workers, documents_only=documents_only
        )
    if plan.problems:
        raise ContentError(sorted(plan.problems))
    return PreparedSite(result.catalogue, plan, result.warnings)


def add_reports(
    site: PreparedSite, workers: int | None = None, cache_dir: Path | None = None
) -> PreparedSite:
    """Make every PDF (cached), then plan the pages again with their download links.

    ``cache_dir``: the PDF cache (default: the settings' ``cache_dir``).
    """
    catalogue = site.catalogue
    cache_dir = cache_dir or catalogue.settings.cache_dir

    bar = ProgressBar("PDF")  # drawn on a terminal only

    def progress(done: int, total: int) -> None:
        bar.update(done, total)
        if not bar.shown and total >= 20 and (done == total or done % max(1, total // 10) == 0):
            log.info("PDF %d/%d", done, total)

    with timed("pdf"):
        try:
            made = build_reports(
                catalogue,
                site.plan.bodies,
                site.plan.assets,
                catalogue.settings.theme_dir,
                cache_dir,
                workers=workers,
                progress=progress,
            )
        except MissingLibrary as error:
            raise MachineError(str(error)) from error
        except ReportFault as error:
            raise ProgramFault(text("bogue-pdf", detail=str(error))) from error
        except OSError as error:  # content files were read by `check`: this is the cache
            raise MachineError(
                text("cache-pdf-impossible", folder=cache_dir, reason=error.strerror)
            ) from error
        except ReportError as error:
            raise ContentError(
                [
                    Diagnostic(f.source, f.line, f.field, f.message, code=f.code)
                    for f in error.failures
                ]
            ) from error
    reports = made.files
    log.info("PDF: fonts subset by %s", made.subsetter)
    rendered = sum(1 for r in reports.values() if r.rendered)
    log.info("PDF: %d rendered, %d from cache or attached", rendered, len(reports) - rendered)
    dates = {w.url: french_date(w.meta.date) for w in catalogue.writeups.values()}
    for project in catalogue.projects.values():  # as its page and its PDF say (Git first)
        if updated := catalogue.updated(project):
            dates[project.url] = french_date(updated)
    environment = [describe(kind, sources) for kind, sources in made.environment.items()]
    with timed("thumbnails"):
        thumbnails, notes = first_pages(reports, cache_dir)
    environment += notes
    pdfs = {
        url: PdfLink(
            report.site_path,
            size_fr(report.size),
            DOCUMENT_KINDS.get(report.kind, ""),
            report.title,
            dates.get(url, ""),
            thumbnail_path(report.site_path) if url in thumbnails else "",
            pages=page_count(report.source),
        )
        for url, report in sorted(reports.items())
    }
    with timed("pages (with PDF links)"):
        plan = plan_site(catalogue, site.plan, pdfs=pdfs)
    plan.assets = dict(
        sorted(
            {
                **plan.assets,
                **{
                    thumbnail_path(reports[url].site_path): path for url, path in thumbnails.items()
                },
            }.items()
        )
    )
    return PreparedSite(catalogue, plan, site.warnings, reports, environment)


def thumbnail_path(pdf_site_path: str) -> str:
    """Where a PDF's first-page image goes in the site: beside it, ``.webp`` for ``.pdf``."""
    stem = pdf_site_path[:-4] if pdf_site_path.lower().endswith(".pdf") else pdf_site_path
    return stem + ".webp"


def first_pages(
    reports: dict[str, ReportFile], cache_dir: Path
) -> tuple[dict[str, Path], list[str]]:
    """Document URL -> the cached WebP of its PDF's first page; and what went wrong, said
    once per file (a PDF whose page cannot be drawn keeps its link, without image)."""
    try:
        import pypdfium2  # noqa: F401  (a dependency; its absence only costs the images)
    except ImportError:
        return {}, [text("vignettes-sans-pypdfium2")]
    made, failures = make_thumbnails({url: r.source for url, r in reports.items()}, cache_dir)
    notes = [
        text("vignette-impossible", file=reports[url].site_path, reason=reason)
        for url, reason in sorted(failures.items())
    ]
    return made, notes


def write_exports(
    catalogue: Catalogue, site_dir: Path, site_url: str, pdfs: dict[str, ReportFile] | None
) -> None:
    """The open-data files; ``pdfs``: the reports built (None: PDFs off, so no PDF address)."""
    with timed("exports"):
        files = export_files(catalogue, site_url, set(pdfs or {}))
        files.update(citation_files(catalogue))  # « Citer cette page », next to each page
        for relative_path, data in files.items():
            target = site_dir / relative_path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
