"""How many pages a PDF has, read from its page tree without a PDF library.

The downloads page says « 11 pages » of each report. WeasyPrint (pydyf) packs the page tree
into compressed object streams, so the ``/Type /Pages`` dictionaries are looked for both in
the file's text and inside its ``/ObjStm`` streams (zlib); the root of the tree has the
largest ``/Count``. An attached report written by another tool is read the same way; one
that cannot be read gives 0 (the page then says no number, rather than a wrong one).
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path

_PAGES = re.compile(rb"<<(?:(?!<<|>>).)*?/Type\s*/Pages\b(?:(?!<<|>>).)*>>", re.S)
_COUNT = re.compile(rb"/Count\s+(\d+)")
_OBJECT_STREAM = re.compile(
    rb"<<(?:(?!<<|>>).)*?/Type\s*/ObjStm\b(?:(?!<<|>>).)*>>\s*stream\r?\n", re.S
)
MAX_BYTES = 200 * 1024 * 1024


def page_count(path: Path) -> int:
    """The number of pages of the PDF at ``path`` (0 if it cannot be told)."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return 0
        data = path.read_bytes()
    except OSError:
        return 0
    texts = [data]
    for found in _OBJECT_STREAM.finditer(data):
        end = data.find(b"endstream", found.end())
        if end < 0:
            continue
        try:
            texts.append(zlib.decompressobj().decompress(data[found.end() : end]))
        except zlib.error:
            continue
    counts = [
        int(count.group(1))
        for text in texts
        for tree in _PAGES.finditer(text)
        for count in _COUNT.finditer(tree.group(0))
    ]
    return max(counts, default=0)
