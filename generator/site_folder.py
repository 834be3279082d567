"""Replacing the site folder so that no fault loses it: a lock, a fresh folder, one exchange.

A build writes into a new sibling folder (``.site.building-XXXX``), then swaps it with the
site in one system call (Linux ``renameat2(RENAME_EXCHANGE)``): at every moment ``site/``
is a complete site, the old one or the new one, whatever kills the build. Where the
exchange is not available (another system, another file system), two renames follow each
other (a moment without ``site/``, said in the README).

A lock (a file in the temporary folder named after the site folder's path) keeps a second
build from working on the same site folder at the same time: it stops with a clear message.
The folders a killed build left (they carry :data:`BUILDING_MARKER`) are removed by the
next build, under the lock; nothing else is.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import fcntl
import hashlib
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from .messages import text, word
from .owned_folders import SITE_MARKER, ensure_replaceable

BUILDING_MARKER = ".programme-building"
"""Written first into every folder a build creates beside the site."""
RENAME_EXCHANGE = 2


class SiteFolderError(Exception):
    """The site folder cannot be written or replaced (the machine, not content)."""


def ensure_engine_may_empty(site_dir: Path) -> None:
    """Raise :class:`.FolderNotOurs` unless ``site_dir`` is absent, empty or the build's own.

    MkDocs empties its ``site_dir`` before it writes: run directly (``mkdocs build``), it
    must not delete a folder of other files.
    """
    ensure_replaceable(
        site_dir,
        (SITE_MARKER, BUILDING_MARKER),
        word("mot-dossier-site"),
        text("cmd-vider-site-dir"),
    )


def lock_path(target: Path) -> Path:
    """The lock file of the site folder ``target``: in the temporary folder, named after
    the folder's absolute path, so that it leaves nothing beside the site and survives
    the exchange of the folder itself."""
    digest = hashlib.sha256(os.fsencode(target.absolute())).hexdigest()[:24]
    return Path(tempfile.gettempdir()) / f"programme-site-{digest}.lock"


@contextlib.contextmanager
def locked(target: Path, wait: float = 0.0) -> Iterator[None]:
    """Hold the lock of ``target`` (waiting up to ``wait`` seconds) for the ``with`` body."""
    try:
        handle = lock_path(target).open("a+")
    except OSError as error:
        raise SiteFolderError(
            text(
                "dossier-verrou-impossible",
                target=target,
                folder=tempfile.gettempdir(),
                reason=error.strerror,
            )
        ) from error
    with handle:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise SiteFolderError(
                        text("dossier-autre-construction", target=target)
                    ) from None
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def new_building_folder(target: Path) -> Path:
    """A new, empty folder beside ``target``, marked as the build's own."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
    except OSError as error:
        raise SiteFolderError(
            text(
                "dossier-creation-impossible",
                target=target,
                reason=error.strerror,
                parent=target.parent,
            )
        ) from error
    (folder / BUILDING_MARKER).write_text("A build in progress writes here.\n", "utf-8")
    return folder


def remove_building_folder(folder: Path) -> None:
    """Remove a folder made by :func:`new_building_folder` (and only such a folder)."""
    if (folder / BUILDING_MARKER).is_file() or (folder / ".programme-site").is_file():
        shutil.rmtree(folder, ignore_errors=True)


def clean_leftovers(target: Path) -> list[Path]:
    """Remove the folders that killed builds of ``target`` left; return them.

    Only folders named like a build's and holding its marker are removed (call this with
    the lock held, so that no running build's folder is taken).
    """
    removed = []
    for candidate in sorted(target.parent.glob(f".{target.name}.building-*")):
        if (
            candidate.is_dir()
            and not candidate.is_symlink()
            and (
                (candidate / BUILDING_MARKER).is_file() or (candidate / ".programme-site").is_file()
            )
        ):
            shutil.rmtree(candidate, ignore_errors=True)
            removed.append(candidate)
    return removed


def _renameat2() -> object | None:
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name or "libc.so.6", use_errno=True)
        function = libc.renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    function.restype = ctypes.c_int
    return function


_AT_FDCWD = -100


def exchange(new: Path, target: Path) -> bool:
    """Swap the folders ``new`` and ``target`` in one step; False if the system cannot."""
    function = _renameat2()
    if function is None:
        return False
    result = function(
        _AT_FDCWD,
        os.fsencode(new),
        _AT_FDCWD,
        os.fsencode(target),  # type: ignore[operator]
        RENAME_EXCHANGE,
    )
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False  # not supported by this system or file system
    raise SiteFolderError(
        text("dossier-remplacement-impossible", target=target, reason=os.strerror(code))
    )


def install_site(new: Path, target: Path) -> None:
    """Put the finished site ``new`` at ``target``; the old site is removed afterwards."""
    if os.path.ismount(target):
        raise SiteFolderError(text("cmd-point-de-montage", target=target))
    (new / BUILDING_MARKER).unlink(missing_ok=True)
    if not target.exists() and not target.is_symlink():
        new.rename(target)
        return
    if exchange(new, target):
        shutil.rmtree(new, ignore_errors=True)  # `new` now holds the old site
        return
    old = new.with_name(new.name.replace(".building-", ".building-old-"))
    try:  # no exchange here: two renames, a moment without a site
        target.rename(old)
        new.rename(target)
    except OSError as error:
        raise SiteFolderError(
            text("dossier-remplacement-impossible", target=target, reason=error.strerror)
        ) from error
    shutil.rmtree(old, ignore_errors=True)
