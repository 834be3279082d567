"""Pagefind's bundle made reproducible: filter files and metadata sorted and renamed.

Pagefind 1.5 writes its filter files and metadata in hash-map order, so two runs over the
same pages differ. :func:`normalise_bundle` sorts them and renames them after their new
content, so that the same input gives the same bundle, byte for byte.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

import cbor2

from .shared import BundleShapeError, SearchStats

UNUSED_BUNDLE_FILES = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)
"""Pagefind's own UIs, not used by ``search.js``; removed from the bundle."""


_PAGEFIND_SIGNATURE = b"pagefind_dcd"


def _read_packed(path: Path) -> Any:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(_PAGEFIND_SIGNATURE):
        raise ValueError(f"not a Pagefind file: {path.name}")
    return cbor2.loads(data[len(_PAGEFIND_SIGNATURE) :])


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
                if not (
                    isinstance(content, list) and len(content) == 2 and isinstance(content[1], list)
                ):
                    raise BundleShapeError(f"filter/{path.name} is not of the known shape")
                loaded.append((name, path, content))
            plans.append((language, info, meta_path, meta, loaded))
    except (
        OSError,
        ValueError,
        KeyError,
        IndexError,
        TypeError,
        EOFError,
        cbor2.CBORDecodeError,
    ) as error:
        raise BundleShapeError(
            f"Pagefind's files are not in the shape this generator "
            f"knows ({type(error).__name__}: {error})"
        ) from error
    for language, info, meta_path, meta, loaded in plans:
        new_filters = []
        for name, path, content in loaded:
            content[1].sort(key=lambda value: str(value[0]))
            path.unlink()
            new_filters.append(
                [name, _write_packed(bundle / "filter", f"{language}_", ".pf_filter", content, 7)]
            )
        meta[3] = sorted(new_filters)
        meta_path.unlink()
        info["hash"] = _write_packed(
            bundle, f"pagefind.{language}_", ".pf_meta", meta, 10
        ).removeprefix("pagefind.")
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8")


def bundle_stats(bundle: Path, pages: int) -> SearchStats:
    files = [p for p in bundle.rglob("*") if p.is_file()]
    index_suffixes = (".pf_fragment", ".pf_index", ".pf_filter", ".pf_meta")
    return SearchStats(
        pages=pages,
        files=len(files),
        bytes=sum(p.stat().st_size for p in files),
        index_bytes=sum(p.stat().st_size for p in files if p.name.endswith(index_suffixes)),
        bundle_dir=bundle,
    )
