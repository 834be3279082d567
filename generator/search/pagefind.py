"""Running Pagefind: on handed documents while the site is built, or on a written site."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

from ..processes import die_with_parent
from .bundle import UNUSED_BUNDLE_FILES, bundle_stats, normalise_bundle
from .shared import BUNDLE_DIR, BundleShapeError, SearchDocument, SearchIndexError, SearchStats
from .text import write_documents

WRITE_ELSEWHERE = 300
"""From this many documents, their indexed copies are written by another process."""


def pagefind_executable() -> Path:
    """The Pagefind binary shipped by the ``pagefind_bin`` (``pagefind[bin]``) wheel."""
    try:
        from pagefind_bin import get_executable  # type: ignore[import-untyped]
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise SearchIndexError("Pagefind is not installed: pip install 'pagefind[bin]'") from error
    try:
        return Path(get_executable())
    except FileNotFoundError as error:  # pragma: no cover - broken wheel
        raise SearchIndexError(f"Pagefind binary missing: {error}") from error


class IndexingRun:
    """Pagefind run in the background over documents written to a scratch folder.

    Documents come in batches (:meth:`add`); :meth:`start` says there are no more, and
    Pagefind starts as soon as the last batch is written. Writing the indexed copies
    (elisions split, ligatures spelled out) is itself a few seconds of Python at thousands
    of pages: from a batch of :data:`WRITE_ELSEWHERE` documents on, batches are written by
    a spawned process while the caller plans the next ones; a thread of this process then
    starts Pagefind and waits for it, so the caller goes on rendering pages meanwhile.
    """

    def __init__(self, language: str = "fr") -> None:
        _remove_abandoned_scratch()
        self.scratch = Path(tempfile.mkdtemp(prefix=SCRATCH_PREFIX))
        (self.scratch / SCRATCH_OWNER).write_text(str(os.getpid()), "ascii")
        self.output = self.scratch / "bundle"
        self.language = language
        self.pages = 0
        self.process: subprocess.Popen[bytes] | None = None
        self._result: tuple[int, bytes, bytes] | None = None
        self._error: BaseException | None = None
        self._lock = threading.Lock()
        self._cancelled = False
        self._finished = False
        self._executor: ProcessPoolExecutor | None = None
        self._written: list[Future[int]] = []
        self._thread: threading.Thread | None = None
        try:
            self._executable = str(pagefind_executable())
            (self.scratch / "pages").mkdir()
        except BaseException:
            shutil.rmtree(self.scratch, ignore_errors=True)
            raise

    def add(self, documents: Iterable[SearchDocument]) -> None:
        """Write the indexed copies of ``documents`` (here, or in the writing process)."""
        if self._thread is not None or self._cancelled:
            raise SearchIndexError("this search index no longer takes documents")
        documents = list(documents)
        if not documents:
            return
        try:
            if self._executor is None and len(documents) >= WRITE_ELSEWHERE:
                self._executor = ProcessPoolExecutor(
                    1, mp_context=multiprocessing.get_context("spawn"), initializer=die_with_parent
                )
            if self._executor is not None:
                self._written.append(
                    self._executor.submit(write_documents, documents, self.scratch / "pages")
                )
            else:
                written: Future[int] = Future()
                written.set_result(write_documents(documents, self.scratch / "pages"))
                self._written.append(written)
        except BaseException:
            self.cancel()
            raise

    def start(self) -> None:
        """No more documents: Pagefind runs once every batch is written."""
        if self._thread is not None or self._cancelled:
            return
        self._thread = threading.Thread(target=self._run, name="pagefind", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self.pages = sum(written.result() for written in self._written)
            if not self.pages:
                return  # nothing to index (a new site): Pagefind would fail; no bundle
            command = [
                self._executable,
                "--site",
                str(self.scratch / "pages"),
                "--output-path",
                str(self.output),
                "--force-language",
                self.language,
                "--silent",
            ]
            with self._lock:
                if self._cancelled:
                    return
                process = self.process = subprocess.Popen(
                    command,
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                )
            stdout, stderr = process.communicate()
            self._result = (process.returncode, stdout, stderr)
            # thousands of small files: removed here, while the caller may still be busy
            shutil.rmtree(self.scratch / "pages", ignore_errors=True)
        except BaseException as error:  # reported by install()
            self._error = error

    def install(self, site_dir: Path) -> SearchStats:
        """Wait for Pagefind, then put its bundle at ``site_dir/pagefind/``."""
        with self._lock:
            if self._cancelled or self._finished:
                raise SearchIndexError("this search index was already installed or cancelled")
            self._finished = True
        self.start()
        assert self._thread is not None
        try:
            self._thread.join()
            self._shutdown()
            if self._error is not None:
                if isinstance(self._error, SearchIndexError):
                    raise self._error
                raise SearchIndexError(f"the pages could not be prepared: {self._error}")
            bundle = Path(site_dir) / BUNDLE_DIR
            if not self.pages:  # nothing indexed: no bundle, and no stale one either
                _remove_old_bundle(bundle)
                return SearchStats(0, 0, 0, 0, bundle)
            assert self._result is not None
            returncode, stdout, stderr = self._result
            if returncode != 0 or not (self.output / "pagefind.js").is_file():
                detail = (stderr or stdout).decode("utf-8", "replace").strip()
                raise SearchIndexError(f"Pagefind failed: {detail or f'exit status {returncode}'}")
            for name in UNUSED_BUNDLE_FILES:
                (self.output / name).unlink(missing_ok=True)
            warnings: tuple[str, ...] = ()
            try:
                normalise_bundle(self.output)
            except BundleShapeError as error:
                warnings = (
                    f"the search index could not be made reproducible: {error} "
                    "(the search works; two builds of the same content may give "
                    "different pagefind/ files)",
                )
            _remove_old_bundle(bundle)
            shutil.move(str(self.output), str(bundle))
            return replace(bundle_stats(bundle, self.pages), warnings=warnings)
        finally:
            shutil.rmtree(self.scratch, ignore_errors=True)

    def cancel(self) -> None:
        """Stop Pagefind (if running) and remove the scratch folder."""
        with self._lock:
            self._cancelled = True
            if self.process is not None and self.process.poll() is None:
                self.process.kill()
        if self._thread is not None:
            self._thread.join()
        self._shutdown()
        shutil.rmtree(self.scratch, ignore_errors=True)

    def _shutdown(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None


SCRATCH_PREFIX = "pk-search-"
SCRATCH_OWNER = "owner.pid"


def _remove_abandoned_scratch() -> None:
    """Remove scratch folders whose build was killed (their owner process is gone).

    Only folders named like ours that hold an owner file are looked at."""
    for folder in Path(tempfile.gettempdir()).glob(f"{SCRATCH_PREFIX}*"):
        try:
            pid = int((folder / SCRATCH_OWNER).read_text("ascii"))
        except (OSError, ValueError):
            continue
        if pid == os.getpid():
            continue
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except PermissionError:
            continue  # alive, another user's


def _remove_old_bundle(bundle: Path) -> None:
    """Remove a previous search bundle, and nothing else: a folder at that place that
    Pagefind did not write is refused."""
    if not bundle.exists() and not bundle.is_symlink():
        return
    if bundle.is_symlink() or not (bundle / "pagefind.js").is_file():
        raise SearchIndexError(
            f"{bundle} exists and is not a search bundle written by "
            "Pagefind; it was left as it is (move it away)"
        )
    shutil.rmtree(bundle)


def start_indexing(documents: Iterable[SearchDocument], *, language: str = "fr") -> IndexingRun:
    """Start Pagefind over ``documents``; :meth:`IndexingRun.install` finishes the job.

    ``language`` forces one index language (French stemming for every page, whatever
    a page's ``lang`` says), so the whole site is searched with one index.
    """
    run = IndexingRun(language)
    run.add(documents)
    run.start()
    return run


def index_site(site_dir: Path, *, language: str = "fr") -> SearchStats:
    """Index the pages already written in ``site_dir`` into ``site_dir/pagefind/``.

    Only pages that carry ``data-pagefind-body`` are indexed. An older bundle is replaced,
    so that no stale chunk survives. Raises :class:`SearchIndexError`.
    """
    site_dir = Path(site_dir)
    if not site_dir.is_dir():
        raise SearchIndexError(f"no site to index at {site_dir}")
    documents = []
    for page in sorted(site_dir.rglob("*.html")):
        relative = page.relative_to(site_dir)
        if relative.parts[0] == BUNDLE_DIR:
            continue
        html = page.read_text("utf-8")
        if "data-pagefind-body" in html:
            documents.append(SearchDocument(relative.parent.as_posix() + "/", html))
    return start_indexing(documents, language=language).install(site_dir)
