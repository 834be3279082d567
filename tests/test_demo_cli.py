"""`python -m generator demo` writes a corpus that `check` accepts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_demo_command_writes_a_valid_corpus(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    made = subprocess.run(
        [sys.executable, "-m", "generator", "demo", "--projects", "6", "--writeups", "2",
         "--out", str(out)],
        capture_output=True, text=True, check=False,
    )
    assert made.returncode == 0, made.stderr
    assert len(list((out / "projects").glob("*.md"))) == 6
    assert len(list((out / "content" / "comptes-rendus").glob("*.md"))) == 2
    checked = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--root", str(out)],
        capture_output=True, text=True, check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout == ""
