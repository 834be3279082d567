"""Writing what ``new`` made without ever replacing what someone else wrote.

A new file is written whole under a temporary name in its own folder, then given its name
with a hard link, which fails if the name is taken meanwhile: the file appears complete or
not at all, and never over another. A registry entry is appended by writing the registry's
bytes, unchanged, then the entry, to a temporary file that replaces the registry only if
the registry still holds those bytes: an editor's change saved meanwhile is never lost.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path


class Taken(Exception):
    """The name is taken: nothing was written."""


class Changed(Exception):
    """The registry changed while the entry was being written: nothing was written."""


def _temporary(path: Path) -> Path:
    return path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")


def _write_exclusive(path: Path, data: bytes, mode: int = 0o666) -> None:
    """Create ``path`` holding ``data``; FileExistsError if it exists (the umask applies)."""
    descriptor = os.open(
        path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode
    )
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def write_new(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8, ``\\n`` line ends) to the new file ``path``; :class:`Taken`
    if something is already there. Its folder is made if missing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() or path.is_symlink():
        raise Taken(path)
    data = text.encode("utf-8")
    temporary = _temporary(path)
    _write_exclusive(temporary, data)
    try:
        try:
            os.link(temporary, path)
        except FileExistsError as error:
            raise Taken(path) from error
        except OSError:
            # a file system without hard links (FAT drives, some network shares): create
            # the file exclusively and write it in place (complete, but not in one step)
            try:
                _write_exclusive(path, data)
            except FileExistsError as taken:
                raise Taken(path) from taken
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


def append(path: Path, before: bytes, addition: bytes) -> None:
    """Make ``path`` hold ``before`` + ``addition``, if it still holds ``before``
    (:class:`Changed` otherwise). The file keeps its permissions."""
    mode = stat.S_IMODE(path.stat().st_mode)
    temporary = _temporary(path)
    _write_exclusive(temporary, before + addition)
    try:
        os.chmod(temporary, mode)
        if path.read_bytes() != before:
            raise Changed(path)
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
