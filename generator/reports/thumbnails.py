"""The first page of each PDF as a small WebP image: the cover shown beside a download link.

Rendered with PDFium (pypdfium2's wheels carry it: no poppler or other system library) and
encoded with Pillow. A thumbnail is named by the SHA-256 of its PDF's bytes and kept in
``<cache>/thumbnails/``, so each is made once; like the PDF cache, thumbnails no build has
used for :data:`~generator.cache_pruning.PRUNE_AFTER_DAYS` days are removed.

Cost, measured on 40 sheet PDFs of the demo corpus (one run, 3 December 2026): 3 ms to draw
a first page at 240 px, 8 ms more to encode it with WebP ``method=4``, 3 ms with
``method=2`` (8.8 KB instead of 8.6 KB: 2 % more bytes for half the time; ``method=6`` took
four times as long as 4 for 3 % fewer bytes). So a first build of 5,000 sheets spends about
30 s here; later builds only hash the PDFs.
"""

from __future__ import annotations

import hashlib
import io
import multiprocessing
import os
import re
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..cache_pruning import remove_unused
from ..processes import die_with_parent

WIDTH = 240
"""Pixels: twice the 120 px the pages show, for sharp screens; about 10 KB each."""
QUALITY = 70
POOL_FROM = 400
"""Thumbnails to make from which worker processes pay for their start: at 6 ms each, 400
take 2.4 s in one process, and starting two spawned workers (each imports PDFium and
Pillow) costs about half a second of both cores; 16, the first guess, started them for a
tenth of a second of work."""
FOLDER = "thumbnails"
_NAME = re.compile(r"^([0-9a-f]{64})\.webp$")


class ThumbnailError(Exception):
    """A PDF whose first page could not be drawn (the download link stays, without image)."""


def make_thumbnails(
    pdfs: dict[str, Path], cache_dir: Path, workers: int | None = None
) -> tuple[dict[str, Path], dict[str, str]]:
    """Key -> the cached WebP of that PDF's first page, made where missing; and key -> why
    it could not be made. Unused thumbnails are pruned."""
    folder = cache_dir / FOLDER
    targets: dict[str, Path] = {}
    missing: dict[Path, Path] = {}  # target -> a PDF to draw it from
    failures: dict[str, str] = {}
    for key, pdf in sorted(pdfs.items()):
        try:
            target = folder / f"{hashlib.sha256(pdf.read_bytes()).hexdigest()}.webp"
        except OSError as error:
            failures[key] = str(error.strerror or error)
            continue
        targets[key] = target
        if target.is_file() and target.stat().st_size > 0:
            os.utime(target)  # marks it as used, for pruning
        else:
            missing.setdefault(target, pdf)
    reasons: dict[Path, str] = {}
    for target, result in _draw(missing, workers).items():
        if isinstance(result, bytes):
            _write(target, result)
        else:
            reasons[target] = result
    made = {}
    for key, target in targets.items():
        if target in reasons:
            failures[key] = reasons[target]
        else:
            made[key] = target
    prune_thumbnails(cache_dir, set(made.values()))
    return made, failures


def _draw(missing: dict[Path, Path], workers: int | None) -> dict[Path, bytes | str]:
    """Target -> the WebP bytes, or the reason it failed; in worker processes when many."""
    items = sorted(missing.items())
    count = min(workers or os.cpu_count() or 1, len(items))
    if count <= 1 or len(items) < POOL_FROM:
        return {target: _attempt(pdf) for target, pdf in items}
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(count, mp_context=context, initializer=die_with_parent) as pool:
        drawn = pool.map(_attempt, [pdf for _target, pdf in items], chunksize=8)
        return dict(zip([target for target, _pdf in items], drawn, strict=True))


def _attempt(pdf: Path) -> bytes | str:
    try:
        return first_page_webp(pdf)
    except (ThumbnailError, OSError, ValueError) as error:
        return str(error)


def _write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".webp")
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
    os.replace(temporary, target)


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
    image.save(buffer, "WEBP", quality=QUALITY, method=2)
    return buffer.getvalue()


def prune_thumbnails(cache_dir: Path, used: set[Path], now: float | None = None) -> None:
    """Remove thumbnails not in ``used`` that no build has used for the pruning delay."""

    def last_use(name: str, path: Path) -> float | None:
        return path.stat().st_mtime if _NAME.match(name) and path not in used else None

    remove_unused(cache_dir / FOLDER, last_use, time.time() if now is None else now)
