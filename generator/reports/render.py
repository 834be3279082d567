"""Rendering one PDF with WeasyPrint, confined and strict; runs in worker processes.

Everything a job needs travels in :class:`RenderJob` (plain, picklable data), so a job can
run in this process or in a pool of worker processes alike.
"""

from __future__ import annotations

import logging
import mimetypes
import signal
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from ..processes import die_with_parent
from .cache import write_entry
from .conformance import PDF_VARIANT, claim_pdf_ua
from .environment import MissingLibrary, classify
from .fontsubset import use_wheel_harfbuzz

# Options given to WeasyPrint for every PDF. Part of the cache key.
PDF_OPTIONS: dict[str, Any] = {
    "pdf_variant": PDF_VARIANT,  # PDF/A-3a, and PDF/UA-1 through claim_pdf_ua
    "pdf_identifier": True,  # /ID computed from the content: deterministic
    "optimize_images": False,
    "full_fonts": False,  # embed subsets
}


LIGHT_OPTIONS: dict[str, Any] = {"optimize_images": True, "dpi": 150, "jpeg_quality": 70}
"""``pdf_light: true``: images resampled to 150 dpi (enough on a screen) and re-encoded."""
BLEED_CSS = "@page { bleed: 3mm; marks: crop cross; }\n"
"""``pdf_bleed: true``: what a print shop asks for (the trim box stays A4)."""


def pdf_options(light: bool) -> dict[str, Any]:
    """WeasyPrint's options for this build's PDFs."""
    return {**PDF_OPTIONS, **(LIGHT_OPTIONS if light else {})}


PDF_TIME_LIMIT = 300
"""Seconds one PDF may take (a sheet takes well under one; a volume of 50 documents about
thirty); a document that exceeds it fails with its file named, and the others are made."""
PDF_MEMORY_LIMIT = 3 * 1024**3
"""Address space of a PDF worker, in bytes (WeasyPrint holds about 3 MB of layout per
document, so a volume of 50 stays far below). A document whose layout needs more (an
enormous image) fails with its file named instead of taking the machine's memory."""


class _TimeLimit(Exception):
    pass


def start_pdf_worker() -> None:
    """Initializer of the PDF worker processes: end with the parent, bounded memory."""
    die_with_parent()
    try:
        import resource

        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = PDF_MEMORY_LIMIT if hard == resource.RLIM_INFINITY else min(PDF_MEMORY_LIMIT, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, ValueError, OSError):
        pass  # not on this system: the time limit still holds


@contextmanager
def _time_limit(seconds: int) -> Iterator[None]:
    """Raise :class:`_TimeLimit` in the body after ``seconds`` (main thread of a worker)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGALRM"):
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise _TimeLimit

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@dataclass(frozen=True)
class RenderJob:
    source: str
    """What the PDF is made from (a document's source path), for messages."""
    html: str
    css: str
    base_url: str
    resources: dict[str, str]
    """Absolute URL -> local file: the only URLs the renderer may fetch."""
    target: str
    """Final path of the PDF (written atomically)."""
    time_limit: int = PDF_TIME_LIMIT
    options: dict[str, Any] = field(default_factory=lambda: dict(PDF_OPTIONS))
    """WeasyPrint's options (:func:`pdf_options`)."""


@dataclass(frozen=True)
class RenderOutcome:
    problem: str | None
    """None when the PDF was written; else why not (caused by the document or the theme)."""
    environment: tuple[str, ...] = ()
    """Kinds of environment notes WeasyPrint raised (:mod:`.environment`): never a failure."""
    fault: bool = False
    """The problem is a bug of the generator's own code (raised there), not the document's."""


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []
        self.environment: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        # An image the editor left without alternative text is decorative here (alt="");
        # `check` warns about it.
        if "has no required alt description" in message or record.name.startswith(
            "weasyprint.progress"
        ):
            return
        kind = classify(message)
        if kind is not None:  # the machine, not the document: said once by the build
            if kind not in self.environment:
                self.environment.append(kind)
        else:  # every other warning or error fails the report
            self.messages.append(message)


def _fetcher(resources: dict[str, str], refused: list[str]) -> Any:
    from weasyprint.urls import (
        URLFetcher,
        URLFetcherResponse,
    )

    class LocalFetcher(URLFetcher):  # type: ignore[misc]
        """Serves the job's known local files; refuses every other URL."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            key = url.split("#", 1)[0]
            path = resources.get(key) or resources.get(unquote(key))
            if path is None:
                refused.append(url)
                raise ValueError(f"refused URL (not a local file of the site): {url}")
            mime = mimetypes.guess_type(path)[0] or "application/octet-stream"
            return URLFetcherResponse(url, Path(path).read_bytes(), headers={"Content-Type": mime})

    return LocalFetcher()


def _with_reason(message: str) -> str:
    """WeasyPrint's « Failed to load image at '…': » can end with an empty reason."""
    if message.startswith("Failed to load image") and message.rstrip().endswith(":"):
        return message.rstrip() + " the file is not an image that can be read"
    return message


_STYLESHEETS: dict[tuple[str, str], tuple[Any, Any]] = {}
"""(CSS text, base URL) -> (WeasyPrint ``CSS``, its ``FontConfiguration``), per process.

Every job of a build brings the same print stylesheet; parsing it took 19 ms of a sheet's
120 ms (profile of 20 demo sheets in one process, 3 December 2026), so a worker parses it
once: 120.7 -> 102.6 ms of CPU per sheet PDF, same bytes. Only a stylesheet that fetches
nothing is kept (no ``url(`` or ``@import``): what it would fetch would be the first job's
resources, not the next one's."""


def _stylesheet(job: RenderJob, fetcher: Any) -> tuple[Any, Any]:
    """The job's stylesheet and the font configuration it was parsed with."""
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    key = (job.css, job.base_url)
    known = _STYLESHEETS.get(key)
    if known is not None:
        return known
    fonts = FontConfiguration()
    made = (
        CSS(string=job.css, base_url=job.base_url, url_fetcher=fetcher, font_config=fonts),
        fonts,
    )
    if "url(" not in job.css and "@import" not in job.css:
        _STYLESHEETS.clear()  # one stylesheet per build: never more than one kept
        _STYLESHEETS[key] = made
    return made


def render_job(job: RenderJob) -> RenderOutcome:
    """Render ``job`` and write its PDF; say what went wrong, if anything (never raises)."""
    capture = _Capture()
    try:
        use_wheel_harfbuzz()
        from weasyprint import HTML

        refused: list[str] = []
        logger = logging.getLogger("weasyprint")
        previous_level = logger.level
        logger.addHandler(capture)
        if logger.getEffectiveLevel() > logging.WARNING:
            logger.setLevel(logging.WARNING)
        try:
            fetcher = _fetcher(job.resources, refused)
            with _time_limit(job.time_limit):
                document = HTML(string=job.html, base_url=job.base_url, url_fetcher=fetcher)
                stylesheet, fonts = _stylesheet(job, fetcher)
                data = document.write_pdf(
                    stylesheets=[stylesheet],
                    font_config=fonts,
                    finisher=claim_pdf_ua,
                    **job.options,
                )
        finally:
            logger.removeHandler(capture)
            logger.setLevel(previous_level)
        # a refused URL is also logged by WeasyPrint ("Failed to load image at …"): once
        problems = [f"refused URL {url}" for url in refused] + [
            _with_reason(m) for m in capture.messages if not any(url in m for url in refused)
        ]
        environment = tuple(capture.environment)
        if problems:
            return RenderOutcome("; ".join(dict.fromkeys(problems)), environment)
        assert isinstance(data, bytes)
        write_entry(Path(job.target), data)
        return RenderOutcome(None, environment)
    except MissingLibrary as error:
        return RenderOutcome(f"environment: {error}", tuple(capture.environment))
    except _TimeLimit:
        return RenderOutcome(
            f"took longer than {job.time_limit} s, the time limit of one PDF "
            "(shorten the document, or split it)",
            tuple(capture.environment),
        )
    except MemoryError:
        return RenderOutcome(
            f"needed more than {PDF_MEMORY_LIMIT // 1024**3} GB of memory, the "
            "limit of one PDF (an image too large?)",
            tuple(capture.environment),
        )
    except RecursionError:  # check bounds nesting (body_shape); this is the last guard
        return RenderOutcome(
            "the text is nested too deeply to lay out (quotes, lists or "
            "HTML elements inside one another)",
            tuple(capture.environment),
        )
    except Exception as error:  # a worker reports; the parent raises ReportError
        return RenderOutcome(
            f"{type(error).__name__}: {error}", tuple(capture.environment), _raised_by_us(error)
        )


_PACKAGE = str(Path(__file__).resolve().parent.parent) + "/"


def _raised_by_us(error: BaseException) -> bool:
    """Whether ``error`` was raised in the generator's own code (a bug to report), not in
    WeasyPrint or a library it calls on the document's behalf."""
    frames = traceback.extract_tb(error.__traceback__)
    return bool(frames) and str(Path(frames[-1].filename).resolve()).startswith(_PACKAGE)
