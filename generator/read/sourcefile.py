"""Reading a Markdown file with front matter: encoding, line endings, the ``---`` block."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ..messages import say
from .bidi import BIDI_CONTROLS
from .yamlsource import Located, YamlProblem, guess_field, parse_yaml, prefix_field

BOM = "\ufeff"
MAX_FILE_BYTES = 8 * 1024 * 1024


@dataclass
class SourceFile:
    """A Markdown source: front matter (located) and body, with the body's first line."""

    path: Path
    rel: str
    front: Located
    body: str
    body_line: int
    bidi: bool = False
    """Whether the file holds a bidirectional control anywhere (see :mod:`.bidi`)."""


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at ``path``, if it holds at most ``limit`` of them.

    Never blocks on a named pipe nor reads a device without end: the file is opened without
    blocking, checked to be a regular file, and at most ``limit + 1`` bytes are read.
    Raises :class:`YamlProblem` otherwise.
    """
    too_large = YamlProblem(
        1, say("fichier-trop-gros", hint="indice-diviser", size=limit // (1024 * 1024))
    )
    descriptor = os.open(
        path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    )
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise YamlProblem(1, say("fichier-special", hint="indice-retirer-fichier"))
        if info.st_size > limit:
            raise too_large
        # as many system calls as Path.read_bytes (one read of the size, one to see the end)
        chunks = []
        remaining = limit + 1
        want = info.st_size + 1
        while remaining > 0:
            chunk = os.read(descriptor, min(want, remaining))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
            want = 1 << 16
    finally:
        os.close(descriptor)
    data = b"".join(chunks)
    if len(data) > limit:
        raise too_large
    return data


def read_text(path: Path, *, markdown: bool = True) -> str:
    """Read UTF-8 text (BOM accepted), normalising CRLF and CR to LF.

    Raises :class:`YamlProblem` (line 1 or the line of the bad byte) for other encodings.
    """
    raw = read_bounded(path, MAX_FILE_BYTES)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(raw):
        raise YamlProblem(1, say("fichier-utf16", hint="indice-utf8"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlProblem(
            line,
            say("fichier-non-utf8", hint="indice-utf8", byte=f"0x{raw[exc.start]:02x}"),
            _field_at(raw, line, markdown),
        ) from exc
    if text.startswith(BOM):
        text = text[1:]
    if "\x00" in text:
        raise YamlProblem(
            text[: text.index("\x00")].count("\n") + 1,
            say("fichier-binaire"),
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_utf16(raw: bytes) -> bool:
    """UTF-16 without a byte-order mark: every other byte of ASCII text is NUL."""
    head = raw[:400]
    return len(head) >= 4 and head.count(b"\x00") * 3 >= len(head)


def _field_at(raw: bytes, line: int, markdown: bool) -> str:
    """The field a bad byte sits in (``(body)`` past the front matter), to name it."""
    text = raw.decode("utf-8", "replace").lstrip(BOM).replace("\r\n", "\n")
    if not markdown:
        return guess_field(text, line - 1)
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return "(body)"
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return guess_field(text, line - 1) if line - 1 < index else "(body)"
    return guess_field(text, line - 1)


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """Return (front matter text, body, first body line), or None without front matter.

    Raises :class:`YamlProblem` when the block is opened but never closed.
    """
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            front = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :])
            return front, body, index + 2
    raise YamlProblem(1, say("entete-non-fermee", hint="indice-fermer-entete"))


def load_markdown(path: Path, rel: str, *, require_front_matter: bool = True) -> SourceFile:
    """Read and parse one Markdown file. Raises :class:`YamlProblem`."""
    text = read_text(path)
    parts = split_front_matter(text)
    if parts is None:
        if require_front_matter:
            raise YamlProblem(1, say("entete-absente", hint="indice-ouvrir-entete"))
        return SourceFile(path, rel, Located(data={}), text, 1, _has_bidi(text))
    front_text, body, body_line = parts
    located = parse_yaml(front_text, line_offset=1)
    if located.data is None:
        located.data = {}
    if not isinstance(located.data, dict):
        raise YamlProblem(2, say("entete-pas-des-champs", hint="indice-yaml-indentation"))
    return SourceFile(path, rel, located, body, body_line, _has_bidi(text))


def _has_bidi(text: str) -> bool:
    return BIDI_CONTROLS.search(text) is not None


def load_yaml_file(path: Path, label: str = "") -> Located:
    """Read a registry (plain YAML file). Raises :class:`YamlProblem`.

    ``label`` (the registry's name) prefixes the field paths of problems.
    """
    try:
        text = read_text(path, markdown=False)
    except YamlProblem as problem:
        problem.field = prefix_field(label, problem.field)
        raise
    return parse_yaml(text, label=label)
