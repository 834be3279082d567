"""Helpers to break a copy of the content one field at a time and read the diagnostics."""

from __future__ import annotations

import re
import shutil
import socket
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

from generator.diagnostics import Diagnostic
from generator.loader import load_catalogue
from generator.settings import load_settings

from .conftest import ROOT

SHEET = "projects/femmes-poisson-seche-senegal.md"
WRITEUP = "content/comptes-rendus/caac-cooperer-autrement.md"
ORGANISATIONS = "content/_data/organisations.yml"
PROGRAMMES = "content/_data/programmes.yml"
THEMES = "content/_data/themes.yml"


def example_site(root: Path) -> Path:
    """A copy of the bundled example site at ``root`` (content, sheets, theme, mkdocs.yml):
    one to edit, build or serve."""
    for name in ("content", "projects", "theme"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


def diagnostics(root: Path) -> list[Diagnostic]:
    return load_catalogue(load_settings(root)).diagnostics


def errors(root: Path) -> list[Diagnostic]:
    return [d for d in diagnostics(root) if d.is_error]


def only_error(root: Path) -> Diagnostic:
    """The one error of the corpus (fails with the whole list otherwise)."""
    found = errors(root)
    assert len(found) == 1, "\n".join(d.as_text() for d in found)
    return found[0]


def _front_bounds(lines: list[str]) -> int:
    """Index of the closing ``---`` line."""
    assert lines[0].rstrip() == "---"
    for index in range(1, len(lines)):
        if lines[index].rstrip() == "---":
            return index
    raise AssertionError("no closing ---")


def set_field(root: Path, rel: str, key: str, text: str | None) -> int:
    """Replace the top-level field ``key`` (its whole block) by ``text`` (raw YAML lines).

    ``text`` None removes the field. The field is added at the end of the front matter
    when absent. Returns the 1-based line where ``text`` starts (or where the field was).
    """
    path = root / rel
    lines = path.read_text(encoding="utf-8").split("\n")
    end = _front_bounds(lines)
    start = next((i for i in range(1, end) if re.match(rf"^{re.escape(key)}\s*:", lines[i])), None)
    if start is None:
        start = stop = end
    else:
        stop = start + 1
        while stop < end and (lines[stop].startswith((" ", "-")) or not lines[stop].strip()):
            stop += 1
    new = [] if text is None else text.split("\n")
    lines[start:stop] = new
    path.write_text("\n".join(lines), encoding="utf-8")
    return start + 1


def replace(root: Path, rel: str, old: str, new: str) -> int:
    """Replace the first ``old`` by ``new``; return the 1-based line where it starts."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    index = text.index(old)
    path.write_text(text[:index] + new + text[index + len(old) :], encoding="utf-8")
    return text[:index].count("\n") + 1


def append(root: Path, rel: str, text: str) -> int:
    """Append ``text`` to a file; return the 1-based line where it starts."""
    path = root / rel
    current = path.read_text(encoding="utf-8")
    if not current.endswith("\n"):
        current += "\n"
    path.write_text(current + text, encoding="utf-8")
    return current.count("\n") + 1


def run_cli(
    *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None, timeout: int = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "PK_LANG": "en", **(env or {})},
    )


def png_header(width: int, height: int) -> bytes:
    """A PNG that says it is ``width`` × ``height`` (no pixels): a reader of headers sees
    its size, a decoder would fail."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", b"") + chunk(b"IEND", b"")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_for_server(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    """Until ``process`` (``serve``) accepts connections on ``port``; fails with its
    output if it ends first, or after 120 s."""
    deadline = time.monotonic() + 120
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            assert process.poll() is None, log.read_text(encoding="utf-8", errors="replace")
            assert time.monotonic() < deadline, "serve did not start in 120 s"
            time.sleep(0.2)
