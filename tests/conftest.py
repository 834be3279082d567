"""Shared fixtures: the repository root and a copy of the example content to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def example_repo(tmp_path: Path) -> Path:
    """A throw-away copy of the bundled example content (content/, projects/, mkdocs.yml)."""
    for name in ("content", "projects"):
        shutil.copytree(ROOT / name, tmp_path / name)
    if (ROOT / "mkdocs.yml").exists():
        shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path
