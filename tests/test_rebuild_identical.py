"""A site rebuilt after edits equals a cold build of the same content, byte for byte.

Issue 21: ``build`` keeps the site when nothing changed (:mod:`generator.build_manifest`).
That must never leave a stale page. Hypothesis draws sequences of the edits an editor makes
(a body, a title, a sheet deleted or renamed, a registry entry, a file saved again with the
same bytes, a change of the same size saved at once, someone touching the built site) and
after each one the site rebuilt in place, with its manifest and PDF cache, is compared file
by file with a cold build of a fresh copy of the same content (no cache, no manifest).
Both builds run from the command line, as an editor runs them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import ROOT
from .helpers import run_cli

pytestmark = pytest.mark.slow

EDITS = st.tuples(
    st.sampled_from(
        [
            "body",
            "same-size",
            "title",
            "delete",
            "rename",
            "registry",
            "touch",
            "nothing",
            "site-edited",
            "site-file-removed",
        ]
    ),
    st.integers(min_value=0, max_value=1000),
)


def _demo(target: Path, sheets: int) -> None:
    made = subprocess.run(
        [
            *(sys.executable, "-m", "generator", "demo", "--out", str(target)),
            *("--projects", str(sheets), "--writeups", "2"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert made.returncode == 0, made.stderr


@pytest.fixture(scope="module")
def demo_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("demo") / "corpus"
    _demo(root, 8)
    return root


def _build(root: Path, site: Path, pdf: bool) -> subprocess.CompletedProcess[str]:
    return run_cli(
        "build",
        "--root",
        str(root),
        "--site-dir",
        str(site),
        env={"PROGRAMME_PDF": "1" if pdf else "0"},
        timeout=600,
    )


def _files(site: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def _sheets(root: Path) -> list[Path]:
    return sorted((root / "projects").glob("*.md"))


def _edit(root: Path, site: Path, kind: str, number: int) -> None:
    sheets = _sheets(root)
    sheet = sheets[number % len(sheets)]
    text = sheet.read_text(encoding="utf-8")
    if kind == "body":
        sheet.write_text(text + f"\nUne phrase ajoutée ({number}).\n", encoding="utf-8")
    elif kind == "same-size":
        # same length, saved at once: only its hash tells (the "racy" case)
        position = text.rindex("e")
        sheet.write_text(text[:position] + "a" + text[position + 1 :], encoding="utf-8")
    elif kind == "title":
        sheet.write_text(text.replace('title: "', f'title: "N° {number} ', 1), encoding="utf-8")
    elif kind == "delete" and len(sheets) > 2:
        sheet.unlink()
    elif kind == "rename":
        sheet.rename(sheet.with_name(f"renommee-{number}.md"))
    elif kind == "registry":
        registry = root / "content" / "_data" / "organisations.yml"
        registry.write_text(
            registry.read_text(encoding="utf-8").replace('name: "', f'name: "({number}) ', 1),
            encoding="utf-8",
        )
    elif kind == "touch":
        os.utime(sheet)
    elif kind == "site-edited" and (site / "index.html").is_file():
        with (site / "index.html").open("a", encoding="utf-8") as handle:
            handle.write("<!-- changed by hand -->")
    elif kind == "site-file-removed" and (site / "index.html").is_file():
        (site / "index.html").unlink()


def _cold(root: Path, work: Path, pdf: bool) -> tuple[int, dict[str, bytes]]:
    fresh, site = work / "cold", work / "cold-site"
    shutil.rmtree(fresh, ignore_errors=True)
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(root, fresh, ignore=shutil.ignore_patterns(".cache"))
    built = _build(fresh, site, pdf)
    return built.returncode, _files(site) if built.returncode == 0 else {}


def _same_as_cold(
    root: Path, site: Path, work: Path, edits: list[tuple[str, int]], pdf: bool
) -> None:
    first = _build(root, site, pdf)
    assert first.returncode == 0, first.stderr
    for kind, number in edits:
        _edit(root, site, kind, number)
        rebuilt = _build(root, site, pdf)
        code, cold = _cold(root, work, pdf)
        assert rebuilt.returncode == code, (kind, rebuilt.stderr)
        if code == 0:
            files = _files(site)
            assert sorted(files) == sorted(cold), kind
            differing = [name for name in files if files[name] != cold[name]]
            assert not differing, (kind, differing[:5])


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(edits=st.lists(EDITS, min_size=1, max_size=4))
def test_rebuilds_equal_a_cold_build(
    demo_corpus: Path, tmp_path: Path, edits: list[tuple[str, int]]
) -> None:
    work = tmp_path / f"run-{abs(hash(tuple(edits)))}"
    root = work / "corpus"
    shutil.copytree(demo_corpus, root)
    _same_as_cold(root, work / "site", work, edits, pdf=False)
    shutil.rmtree(work)


def test_nothing_changed_keeps_the_site(demo_corpus: Path, tmp_path: Path) -> None:
    """The second build says the site is up to date and leaves every file as it was."""
    root = tmp_path / "corpus"
    shutil.copytree(demo_corpus, root)
    site = tmp_path / "site"
    assert _build(root, site, pdf=False).returncode == 0
    before = {p: p.stat().st_mtime_ns for p in site.rglob("*")}
    again = _build(root, site, pdf=False)
    assert again.returncode == 0
    assert "up to date" in again.stderr
    assert {p: p.stat().st_mtime_ns for p in site.rglob("*")} == before


def test_rebuilds_with_pdfs_equal_a_cold_build(demo_corpus: Path, tmp_path: Path) -> None:
    """With PDFs: a body changed, then a registry entry, then nothing."""
    root = tmp_path / "corpus"
    shutil.copytree(demo_corpus, root)
    edits = [("body", 3), ("registry", 0), ("nothing", 0)]
    _same_as_cold(root, tmp_path / "site", tmp_path, edits, pdf=True)
