"""The search index: Pagefind run offline into ``site/pagefind/``.

Pagefind reads HTML (only elements marked ``data-pagefind-body``, i.e. project sheets and
write-ups), stems French, folds accents at query time, and writes a chunked index that the
browser fetches piecemeal (see ``theme/assets/search.js``).

Two ways in. During a build, an :class:`IndexingRun` is handed the planned page fragments
(the ``data-pagefind-body`` article of every sheet and write-up) in batches as they are
planned (:meth:`IndexingRun.add`); Pagefind then runs in its own process while MkDocs
renders the pages, on the other core, and :meth:`IndexingRun.install` moves its bundle into
the site at the end. Indexing the fragments rather than the written pages also spares
Pagefind Material's header, menus and footer. :func:`index_site` indexes an already
written site the same way.

Pagefind 1.5 writes its filter files and metadata in hash-map order, so two runs over the
same pages differ. :func:`normalise_bundle` sorts them and renames them after their new
content, so that the same input gives the same bundle, byte for byte.

The bundled binary of the ``pagefind[bin]`` package is run in a subprocess rather than
through the asynchronous ``pagefind.index`` API: the binary is the same, but a plain
synchronous call needs no event loop inside MkDocs' hooks, its errors arrive as an exit
status and stderr, and nothing is downloaded (the executable ships in the wheel). This
module imports nothing from MkDocs.

French elisions: Pagefind keeps « l’insertion » and « d’Ivoire » as single words
(« linsertion », « divoire »), so « insertion » or « Ivoire » would not find them. The
published HTML is left as it is; Pagefind reads a scratch copy of the indexed pages in
which every elided article or pronoun is followed by a space (« l’ insertion ») outside
filter values. ``search.js`` strips the same elisions from the query and removes that
space again from the excerpts it shows.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import multiprocessing
import os
import re
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from html import escape
from pathlib import Path
from typing import Any

import cbor2

from .processes import die_with_parent

BUNDLE_DIR = "pagefind"
"""Folder of the search bundle, relative to the site folder."""

WRITE_ELSEWHERE = 300
"""From this many documents, their indexed copies are written by another process."""


ELISION = re.compile(
    r"(?<![\w’'])((?:jusqu|lorsqu|puisqu|quoiqu|presqu|qu|[cdjlmnst])[’'])(?=\w)",
    re.IGNORECASE,
)
"""An elided word (« l’ », « d' », « qu’ », « jusqu’ »…) glued to the next word."""

_TEXT_RUN = re.compile(r"(<[^>]*>)([^<]*['’œŒæÆ][^<]*)")
"""A tag and the text after it, when that text holds an apostrophe or a ligature."""

_IGNORED = re.compile(
    r"<(section|div|p)\b[^>]*\bdata-pagefind-ignore\b[^>]*>(?:(?!<\1\b).)*?</\1>", re.S)
"""An element Pagefind is told to skip (related cards, licence notice…), not nesting its kind."""

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae"})
"""Pagefind does not fold « œ » to « oe »: the indexed copy spells it out, as the query does."""

UNUSED_BUNDLE_FILES = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
)
"""Pagefind's own UIs, not used by ``search.js``; removed from the bundle."""


class SearchIndexError(RuntimeError):
    """Pagefind could not be found or failed; the message says why."""


class BundleShapeError(SearchIndexError):
    """Pagefind's bundle is not in the shape :func:`normalise_bundle` knows."""


@dataclass(frozen=True)
class SearchStats:
    """What the indexing produced."""

    pages: int
    """HTML pages that carry ``data-pagefind-body`` (the indexed documents)."""
    files: int
    """Files in the bundle."""
    bytes: int
    """Total size of the bundle on disk."""
    index_bytes: int
    """Size of the index proper (fragments, index chunks, filters, metadata)."""
    bundle_dir: Path
    warnings: tuple[str, ...] = ()
    """Problems that leave the index usable (a bundle that could not be normalised)."""


def pagefind_executable() -> Path:
    """The Pagefind binary shipped by the ``pagefind_bin`` (``pagefind[bin]``) wheel."""
    try:
        from pagefind_bin import get_executable  # type: ignore[import-untyped]
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise SearchIndexError(
            "Pagefind is not installed: pip install 'pagefind[bin]'"
        ) from error
    try:
        return Path(get_executable())
    except FileNotFoundError as error:  # pragma: no cover - broken wheel
        raise SearchIndexError(f"Pagefind binary missing: {error}") from error


@dataclass(frozen=True)
class SearchDocument:
    """One page to index: its site-relative URL (``projets/x/``) and its HTML."""

    url: str
    html: str
    title: str = ""
    summary: str = ""
    """Title and summary as written: the indexed copy spells ligatures out, the results
    page shows these (metadata ``titre`` and ``resume``)."""


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
                    1, mp_context=multiprocessing.get_context("spawn"),
                    initializer=die_with_parent)
            if self._executor is not None:
                self._written.append(self._executor.submit(
                    _write_documents, documents, self.scratch / "pages"))
            else:
                written: Future[int] = Future()
                written.set_result(_write_documents(documents, self.scratch / "pages"))
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
            command = [self._executable, "--site", str(self.scratch / "pages"),
                       "--output-path", str(self.output), "--force-language", self.language,
                       "--silent"]
            with self._lock:
                if self._cancelled:
                    return
                process = self.process = subprocess.Popen(
                    command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE)
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
                raise SearchIndexError(
                    f"Pagefind failed: {detail or f'exit status {returncode}'}")
            for name in UNUSED_BUNDLE_FILES:
                (self.output / name).unlink(missing_ok=True)
            warnings: tuple[str, ...] = ()
            try:
                normalise_bundle(self.output)
            except BundleShapeError as error:
                warnings = (f"the search index could not be made reproducible: {error} "
                            "(the search works; two builds of the same content may give "
                            "different pagefind/ files)",)
            _remove_old_bundle(bundle)
            shutil.move(str(self.output), str(bundle))
            return replace(_stats(bundle, self.pages), warnings=warnings)
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
        raise SearchIndexError(f"{bundle} exists and is not a search bundle written by "
                               "Pagefind; it was left as it is (move it away)")
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


def split_elisions(html: str) -> str:
    """Put a space after each elision in the text of ``html`` (not in tags, not in filters),
    and spell ligatures out (« cœur » -> « coeur »).

    >>> split_elisions('<p>l’insertion, d’Ivoire</p><b data-pagefind-filter="pays">d’Ivoire</b>')
    '<p>l’ insertion, d’ Ivoire</p><b data-pagefind-filter="pays">d’Ivoire</b>'
    """

    def text_run(match: re.Match[str]) -> str:
        tag, text = match.group(1), match.group(2)
        if "data-pagefind-filter" in tag or tag.startswith(("<script", "<style")):
            return match.group(0)
        return tag + ELISION.sub(r"\1 ", text).translate(_LIGATURES)

    return _TEXT_RUN.sub(text_run, html)


def _without_ignored(html: str) -> str:
    """``html`` without the ignored elements that hold no filter or metadata.

    Pagefind would parse them only to skip them: at thousands of pages, about a tenth of
    its time.
    """

    def drop(match: re.Match[str]) -> str:
        text = match.group(0)
        return text if "data-pagefind-filter" in text or "data-pagefind-meta" in text else ""

    return _IGNORED.sub(drop, html)


def _write_documents(documents: Iterable[SearchDocument], folder: Path) -> int:
    """Write each document as ``<url>index.html`` under ``folder``, elisions split."""
    count = 0
    for document in documents:
        parts = [part for part in document.url.split("/") if part]
        if any(part in {".", ".."} for part in parts):
            raise SearchIndexError(f"unexpected page address: {document.url!r}")
        target = folder.joinpath(*parts, "index.html")
        target.parent.mkdir(parents=True, exist_ok=True)
        html = split_elisions(_without_ignored(document.html))
        if "<html" not in html[:200].lower():
            shown = "".join(
                f'<span hidden data-pagefind-meta="{key}[data-value]" '
                f'data-value="{escape(value)}"></span>'
                for key, value in (("titre", document.title), ("resume", document.summary))
                if value)
            html = ('<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">'
                    f"<title>{escape(document.title)}</title></head>"
                    f"<body>{shown}{html}</body></html>")
        target.write_text(html, "utf-8")
        count += 1
    return count


# --- same input, same bundle ---

_PAGEFIND_SIGNATURE = b"pagefind_dcd"


def _read_packed(path: Path) -> Any:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(_PAGEFIND_SIGNATURE):
        raise ValueError(f"not a Pagefind file: {path.name}")
    return cbor2.loads(data[len(_PAGEFIND_SIGNATURE):])


def _write_packed(folder: Path, prefix: str, suffix: str, value: Any, digits: int) -> str:
    """Write ``value`` as Pagefind does (signature + CBOR, gzipped); name after content."""
    data = _PAGEFIND_SIGNATURE + cbor2.dumps(value, canonical=True)
    name = f"{prefix}{hashlib.sha256(data).hexdigest()[:digits]}"
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(data, 9, mtime=0))
    return name


def normalise_bundle(bundle: Path) -> None:
    """Sort Pagefind's filter values and filter list; rename the files after their content.

    Pagefind names its files ``<language>_<hash>``; only the entry file points to the
    metadata and only the metadata points to the filter files, so rewriting those two
    levels is enough. The browser code reads filters as maps, so order carries no meaning.
    Raises :class:`BundleShapeError` (bundle left as it is) if the files are not in the
    expected shape, for instance after a Pagefind upgrade.
    """
    entry_path = bundle / "pagefind-entry.json"
    try:
        entry = json.loads(entry_path.read_text("utf-8"))
        languages = entry["languages"]
        plans = []
        for language, info in languages.items():
            meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
            meta = _read_packed(meta_path)
            filters = meta[3]
            if not (isinstance(meta, list) and isinstance(filters, list)):
                raise BundleShapeError(f"{meta_path.name} is not a list of the known shape")
            loaded = []
            for name, filter_hash in filters:
                path = bundle / "filter" / f"{filter_hash}.pf_filter"
                content = _read_packed(path)
                if not (isinstance(content, list) and len(content) == 2
                        and isinstance(content[1], list)):
                    raise BundleShapeError(f"filter/{path.name} is not of the known shape")
                loaded.append((name, path, content))
            plans.append((language, info, meta_path, meta, loaded))
    except (OSError, ValueError, KeyError, IndexError, TypeError, EOFError,
            cbor2.CBORDecodeError) as error:
        raise BundleShapeError(f"Pagefind's files are not in the shape this generator "
                               f"knows ({type(error).__name__}: {error})") from error
    for language, info, meta_path, meta, loaded in plans:
        new_filters = []
        for name, path, content in loaded:
            content[1].sort(key=lambda value: str(value[0]))
            path.unlink()
            new_filters.append([name, _write_packed(bundle / "filter", f"{language}_",
                                                    ".pf_filter", content, 7)])
        meta[3] = sorted(new_filters)
        meta_path.unlink()
        info["hash"] = _write_packed(bundle, f"pagefind.{language}_", ".pf_meta", meta,
                                     10).removeprefix("pagefind.")
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")),
                          "utf-8")


def _stats(bundle: Path, pages: int) -> SearchStats:
    files = [p for p in bundle.rglob("*") if p.is_file()]
    index_suffixes = (".pf_fragment", ".pf_index", ".pf_filter", ".pf_meta")
    return SearchStats(
        pages=pages,
        files=len(files),
        bytes=sum(p.stat().st_size for p in files),
        index_bytes=sum(p.stat().st_size for p in files if p.name.endswith(index_suffixes)),
        bundle_dir=bundle,
    )
