"""What the parts of the search index share: the documents, the results, the errors."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

BUNDLE_DIR = "pagefind"
"""Folder of the search bundle, relative to the site folder."""


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


@dataclass(frozen=True)
class SearchDocument:
    """One page to index: its site-relative URL (``projets/x/``) and its HTML."""

    url: str
    html: str
    title: str = ""
    summary: str = ""
    """Title and summary as written: the indexed copy spells ligatures out, the results
    page shows these (metadata ``titre`` and ``resume``)."""
