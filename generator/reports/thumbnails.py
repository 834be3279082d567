"""The first page of each PDF as a small WebP image: the cover shown beside a download link.

Rendered with PDFium (pypdfium2's wheels carry it: no poppler or other system library) and
encoded with Pillow. A thumbnail is named by the SHA-256 of its PDF's bytes and kept in
``<cache>/thumbnails/``, so each is made once; like the PDF cache, thumbnails no build has
used for :data:`~generator.reports.cache.PRUNE_AFTER_DAYS` days are removed.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import tempfile
import time
from pathlib import Path

from .cache import PRUNE_AFTER_DAYS

WIDTH = 240
"""Pixels: twice the 120 px the pages show, for sharp screens; about 10 KB each."""
QUALITY = 70
FOLDER = "thumbnails"
_NAME = re.compile(r"^([0-9a-f]{64})\.webp$")


class ThumbnailError(Exception):
    """A PDF whose first page could not be drawn (the download link stays, without image)."""


def thumbnail(pdf: Path, cache_dir: Path) -> Path:
    """The cached WebP of ``pdf``'s first page, made if needed; raises ThumbnailError."""
    digest = hashlib.sha256(pdf.read_bytes()).hexdigest()
    target = cache_dir / FOLDER / f"{digest}.webp"
    if target.is_file() and target.stat().st_size > 0:
        os.utime(target)  # marks it as used, for pruning
        return target
    data = first_page_webp(pdf)
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".webp")
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
    os.replace(temporary, target)
    return target


def first_page_webp(pdf: Path, width: int = WIDTH) -> bytes:
    """The first page drawn ``width`` pixels wide, as WebP bytes (the same for the same PDF)."""
    import pypdfium2 as pdfium  # a wheel with PDFium: imported only when PDFs are made

    try:
        document = pdfium.PdfDocument(str(pdf))
    except pdfium.PdfiumError as error:
        raise ThumbnailError(f"{pdf}: {error}") from error
    try:
        if len(document) == 0:
            raise ThumbnailError(f"{pdf}: no page")
        page = document[0]
        scale = width / max(1.0, page.get_width())
        image = page.render(scale=scale).to_pil().convert("RGB")
        page.close()
    finally:
        document.close()
    buffer = io.BytesIO()
    image.save(buffer, "WEBP", quality=QUALITY, method=6)
    return buffer.getvalue()


def prune_thumbnails(cache_dir: Path, used: set[Path], now: float | None = None) -> None:
    """Remove thumbnails not in ``used`` that no build has used for the pruning delay."""
    now = time.time() if now is None else now
    folder = cache_dir / FOLDER
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return
    limit = now - PRUNE_AFTER_DAYS * 86400
    for name in names:
        path = folder / name
        try:
            if (_NAME.match(name) and path not in used and path.stat().st_mtime < limit) or (
                name.startswith(".tmp-") and path.stat().st_mtime < now - 86400
            ):
                path.unlink()
        except OSError:
            continue
