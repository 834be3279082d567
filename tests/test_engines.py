"""The example site builds with MkDocs and with ProperDocs, its maintained fork, and the two
give the same pages (but for the « generator » meta tag, which names the engine)."""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path

import pytest

from .conftest import ROOT
from .helpers import run_cli
from .optional_tools import missing

pytestmark = pytest.mark.slow

_GENERATOR_META = re.compile(rb'<meta name="generator" content="[^"]*">')


def _pages(site: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): _GENERATOR_META.sub(b"", p.read_bytes())
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def test_mkdocs_and_properdocs_build_the_same_site(example_repo: Path, tmp_path: Path) -> None:
    if importlib.util.find_spec("properdocs") is None:
        missing("ProperDocs is not installed (pip install -e '.[properdocs]')")
    shutil.copytree(ROOT / "theme", example_repo / "theme")
    sites = {}
    for engine in ("mkdocs", "properdocs"):
        site = tmp_path / engine
        built = run_cli(
            "build",
            "--root",
            str(example_repo),
            "--site-dir",
            str(site),
            "--engine",
            engine,
            env={"PROGRAMME_PDF": "0"},
            timeout=300,
        )
        assert built.returncode == 0, built.stderr
        sites[engine] = _pages(site)
    assert sites["mkdocs"] == sites["properdocs"]
    assert b"ProperDocs" in (tmp_path / "properdocs" / "index.html").read_bytes()


def test_an_engine_that_is_not_installed_is_a_machine_problem(example_repo: Path) -> None:
    built = run_cli("build", "--root", str(example_repo), env={"PROGRAMME_ENGINE": "hugo"})
    assert built.returncode == 2
    assert "unknown engine 'hugo'" in built.stderr
    assert "Traceback" not in built.stderr
