"""Rendering one PDF with WeasyPrint, confined and strict; runs in worker processes.

Everything a job needs travels in :class:`RenderJob` (plain, picklable data), so a job can
run in this process or in a pool of worker processes alike.
"""

from __future__ import annotations

import logging
import mimetypes
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

# Options given to WeasyPrint for every PDF. Part of the cache key.
PDF_OPTIONS: dict[str, Any] = {
    "pdf_variant": "pdf/ua-1",  # tagged PDF, /Lang, XMP with pdfuaid:part=1
    "pdf_identifier": True,  # /ID computed from the content: deterministic
    "optimize_images": False,
    "full_fonts": False,  # embed subsets
}


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


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        # An image the editor left without alternative text is decorative here (alt="");
        # `check` warns about it. Every other warning or error fails the report.
        if "has no required alt description" in record.getMessage():
            return
        if not record.name.startswith("weasyprint.progress"):
            self.messages.append(f"{record.levelname}: {record.getMessage()}")


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
            return URLFetcherResponse(url, Path(path).read_bytes(),
                                      headers={"Content-Type": mime})

    return LocalFetcher()


def render_job(job: RenderJob) -> str | None:
    """Render ``job``; return None on success, else a message (never raises)."""
    try:
        from weasyprint import CSS, HTML

        refused: list[str] = []
        capture = _Capture()
        logger = logging.getLogger("weasyprint")
        previous_level = logger.level
        logger.addHandler(capture)
        if logger.getEffectiveLevel() > logging.WARNING:
            logger.setLevel(logging.WARNING)
        try:
            fetcher = _fetcher(job.resources, refused)
            document = HTML(string=job.html, base_url=job.base_url, url_fetcher=fetcher)
            stylesheet = CSS(string=job.css, base_url=job.base_url, url_fetcher=fetcher)
            data = document.write_pdf(stylesheets=[stylesheet], **PDF_OPTIONS)
        finally:
            logger.removeHandler(capture)
            logger.setLevel(previous_level)
        problems = [f"refused URL {url}" for url in refused] + capture.messages
        if problems:
            return "; ".join(dict.fromkeys(problems))
        assert isinstance(data, bytes)
        target = Path(job.target)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".pdf")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
        return None
    except Exception as error:  # a worker reports; the parent raises ReportError
        return f"{type(error).__name__}: {error}"
