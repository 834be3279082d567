"""The search index: Pagefind run over the built site, offline, into ``site/pagefind/``.

Pagefind reads the HTML that was written (only elements marked ``data-pagefind-body``,
i.e. project sheets and write-ups), stems French, folds accents at query time, and writes
a chunked index that the browser fetches piecemeal (see ``theme/assets/search.js``).

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

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

BUNDLE_DIR = "pagefind"
"""Folder of the search bundle, relative to the site folder."""


ELISION = re.compile(
    r"(?<![\w’'])((?:jusqu|lorsqu|puisqu|quoiqu|presqu|qu|[cdjlmnst])[’'])(?=\w)",
    re.IGNORECASE,
)
"""An elided word (« l’ », « d' », « qu’ », « jusqu’ »…) glued to the next word."""

_TEXT_RUN = re.compile(r"(<[^>]*>)([^<]*)")

UNUSED_BUNDLE_FILES = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
)
"""Pagefind's own UIs, not used by ``search.js``; removed from the bundle."""


class SearchIndexError(RuntimeError):
    """Pagefind could not be found or failed; the message says why."""


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


def index_site(site_dir: Path, *, language: str = "fr") -> SearchStats:
    """Index the built site in ``site_dir``; the bundle goes to ``site_dir/pagefind/``.

    ``language`` forces one index language (French stemming for every page, whatever
    a page's ``lang`` says), so the whole site is searched with one index. An older bundle
    is removed first so that no stale chunk survives. Raises :class:`SearchIndexError`.
    """
    site_dir = Path(site_dir)
    if not site_dir.is_dir():
        raise SearchIndexError(f"no site to index at {site_dir}")
    bundle = site_dir / BUNDLE_DIR
    if bundle.exists():
        shutil.rmtree(bundle)
    executable = pagefind_executable()
    with tempfile.TemporaryDirectory(prefix="pk-search-") as scratch:
        pages = _prepare_copy(site_dir, Path(scratch))
        command = [
            str(executable),
            "--site", scratch,
            "--output-path", str(bundle.resolve()),
            "--force-language", language,
            "--silent",
        ]
        result = subprocess.run(command, capture_output=True, text=True, check=False,
                                stdin=subprocess.DEVNULL)
    if result.returncode != 0 or not (bundle / "pagefind.js").is_file():
        detail = (result.stderr or result.stdout).strip() or f"exit status {result.returncode}"
        raise SearchIndexError(f"Pagefind failed on {site_dir}: {detail}")
    for name in UNUSED_BUNDLE_FILES:
        (bundle / name).unlink(missing_ok=True)
    return _stats(bundle, pages)


def split_elisions(html: str) -> str:
    """Put a space after each elision in the text of ``html`` (not in tags, not in filters).

    >>> split_elisions('<p>l’insertion, d’Ivoire</p><b data-pagefind-filter="pays">d’Ivoire</b>')
    '<p>l’ insertion, d’ Ivoire</p><b data-pagefind-filter="pays">d’Ivoire</b>'
    """

    def text_run(match: re.Match[str]) -> str:
        tag, text = match.group(1), match.group(2)
        if "data-pagefind-filter" in tag or tag.startswith(("<script", "<style")):
            return match.group(0)
        return tag + ELISION.sub(r"\1 ", text)

    return _TEXT_RUN.sub(text_run, html)


def _prepare_copy(site_dir: Path, scratch: Path) -> int:
    """Copy the pages Pagefind will index into ``scratch``, elisions split; their count."""
    count = 0
    for page in sorted(site_dir.rglob("*.html")):
        relative = page.relative_to(site_dir)
        if relative.parts[0] == BUNDLE_DIR:
            continue
        html = page.read_text("utf-8")
        if "data-pagefind-body" not in html:
            continue
        target = scratch / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(split_elisions(html), "utf-8")
        count += 1
    return count


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
