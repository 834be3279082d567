"""Rendered bodies kept from one build to the next: only changed bodies are rendered again.

Rendering the Markdown bodies is about half of the page planning. A body's HTML depends on
its text, its file and page address, the Markdown configuration, the addresses of the other
documents (links between them), which files exist under the root (a link to a missing file
is reported, a file is published under ``medias/``), the language of the messages and the
generator's code. :func:`fingerprint` digests all but the body's own text, file and address;
an entry's key adds those. When anything of the fingerprint changes (a sheet renamed, an
image added, the generator updated) every body is rendered again; when one body's text
changes, only it is.

The cache is one JSON file in the build cache (``bodies.json``), written whole after each
planning with only the entries that planning used, so it never grows past the site.

Measured on a demonstration corpus of 1,000 sheets (2 shared cores, PDFs off), loading and
planning in one process: 3.0 and 3.9 s with the bodies kept, 4.2 and 4.7 s without (about
a quarter less; two runs each, bench/results.md, issue 21).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from .. import __version__
from ..build_manifest import input_stats
from ..messages import Said, language
from .markdown_body import RenderedBody

FORMAT = 1
FILE_NAME = "bodies.json"


def fingerprint(
    root: Path,
    extensions: list[Any],
    extension_configs: dict[str, Any],
    sources: dict[Path, str],
    publish_from: tuple[Path, ...],
    skip: list[Path],
) -> str:
    """A digest of everything a body's HTML depends on besides its text, file and address.

    Files under the root count by name and size (``.md`` files by name only: a body links
    to a document's page, whatever the document says); the generator's own files by name,
    size and time; ``skip``: folders not read (the cache itself). An extension given as an
    object counts by its ``repr``: when that differs from build to build, nothing is
    reused, which is slower but never wrong.
    """
    files = []
    for name, stat in sorted(input_stats(root, skip).items()):
        if name.startswith("generator:"):
            files.append([name, stat.st_size, stat.st_mtime_ns])
        elif name.endswith(".md"):
            files.append([name])
        else:
            files.append([name, stat.st_size])
    described = {
        "format": FORMAT,
        "generator": __version__,
        "language": language(),
        "root": str(root.resolve()),
        "extensions": [repr(e) for e in extensions],
        "configs": repr(sorted(extension_configs.items(), key=lambda item: str(item[0]))),
        "sources": sorted((str(path), url) for path, url in sources.items()),
        "publish_from": [str(p) for p in publish_from],
        "files": files,
    }
    return hashlib.sha256(json.dumps(described, ensure_ascii=False).encode()).hexdigest()


def _key(print_: str, url: str, source: Path, text: str) -> str:
    digest = hashlib.sha256()
    for part in (print_, url, str(source), text):
        digest.update(part.encode() + b"\0")
    return digest.hexdigest()


def _encode(body: RenderedBody) -> dict[str, Any]:
    return {
        "html": body.html,
        "toc": body.toc_tokens,
        "assets": {url: str(path) for url, path in body.assets.items()},
        "problems": [[p.code, p.message, p.suggestion] for p in body.problems],
    }


def _decode(data: dict[str, Any]) -> RenderedBody:
    return RenderedBody(
        data["html"],
        data["toc"],
        {url: Path(path) for url, path in data["assets"].items()},
        [Said(code, message, suggestion) for code, message, suggestion in data["problems"]],
    )


class BodyCache:
    """The bodies of the last planning with the same fingerprint."""

    def __init__(self, cache_dir: Path, print_: str) -> None:
        self.path = cache_dir / FILE_NAME
        self.print = print_
        self.entries: dict[str, dict[str, Any]] = {}
        self.used: dict[str, dict[str, Any]] = {}
        try:
            data = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(data, dict) and data.get("fingerprint") == print_:
            self.entries = data.get("bodies", {})

    def get(self, url: str, source: Path, text: str) -> RenderedBody | None:
        key = _key(self.print, url, source, text)
        data = self.entries.get(key)
        if data is None:
            return None
        try:
            body = _decode(data)
        except (KeyError, TypeError, ValueError):
            return None
        self.used[key] = data
        return body

    def put(self, url: str, source: Path, text: str, body: RenderedBody) -> None:
        self.used[_key(self.print, url, source, text)] = _encode(body)

    def save(self) -> None:
        """Write the entries of this planning (atomically; a failure costs only time)."""
        data = {"fingerprint": self.print, "bodies": dict(sorted(self.used.items()))}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(
                dir=self.path.parent, prefix=".tmp-", suffix=".json"
            )
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                json.dump(data, handle, ensure_ascii=False, separators=(",", ":"))
            os.replace(temporary, self.path)
        except OSError:
            return
