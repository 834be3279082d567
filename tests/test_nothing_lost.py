"""No command deletes or overwrites a file it did not write.

Each command that replaces a folder is aimed at a folder holding files it did not write:
it refuses with a clear message and exit status 2, and every file is still there, byte for
byte. A folder it wrote itself (its marker file says so) is replaced as before.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.owned_folders import DEMO_MARKER, SITE_MARKER

from .conftest import ROOT
from .helpers import run_cli


def tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def personal_folder(path: Path) -> Path:
    path.mkdir(parents=True)
    (path / "lettre.odt").write_bytes(b"mes notes")
    (path / "photos").mkdir()
    (path / "photos" / "2021.jpg").write_bytes(b"\xff\xd8 une photo")
    return path


# --- demo --out ---------------------------------------------------------------------


def test_demo_refuses_a_real_project(example_repo: Path) -> None:
    before = tree(example_repo)
    made = run_cli("demo", "--projects", "3", "--out", str(example_repo))
    assert made.returncode == 2, made.stderr
    assert "is not empty and is not a demo corpus written by this generator" in made.stderr
    assert "Traceback" not in made.stderr
    assert tree(example_repo) == before


def test_demo_refuses_any_folder_of_other_files(tmp_path: Path) -> None:
    folder = personal_folder(tmp_path / "Documents")
    before = tree(folder)
    made = run_cli("demo", "--projects", "3", "--out", str(folder))
    assert made.returncode == 2
    assert "lettre.odt" in made.stderr  # says what it found
    assert tree(folder) == before


def test_demo_replaces_its_own_output_and_only_that(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    assert run_cli("demo", "--projects", "5", "--writeups", "2", "--out", str(out)).returncode == 0
    assert (out / DEMO_MARKER).is_file()
    # the user adds files of their own to the demo folder
    (out / "notes.md").write_text("à garder", "utf-8")
    (out / "projects" / "ma-fiche.md").write_text("à garder aussi", "utf-8")
    again = run_cli("demo", "--projects", "2", "--writeups", "1", "--out", str(out))
    assert again.returncode == 0, again.stderr
    assert (out / "notes.md").read_text("utf-8") == "à garder"
    assert (out / "projects" / "ma-fiche.md").read_text("utf-8") == "à garder aussi"
    sheets = sorted(p.name for p in (out / "projects").glob("*.md"))
    assert len(sheets) == 3 and "ma-fiche.md" in sheets  # two new ones, none of the five
    assert len(list((out / "content" / "comptes-rendus").glob("*.md"))) == 1


def test_demo_into_a_new_or_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    for out in (tmp_path / "empty", tmp_path / "new" / "deeper"):
        made = run_cli("demo", "--projects", "2", "--out", str(out))
        assert made.returncode == 0, made.stderr
        assert len(list((out / "projects").glob("*.md"))) == 2


# --- build --site-dir ------------------------------------------------------------------


@pytest.fixture
def repo(example_repo: Path) -> Path:
    shutil.copytree(ROOT / "theme", example_repo / "theme")
    return example_repo


NO_PDF = {"PROGRAMME_PDF": "0"}


def test_build_refuses_a_folder_of_other_files(repo: Path, tmp_path: Path) -> None:
    folder = personal_folder(tmp_path / "Documents")
    before = tree(folder)
    built = run_cli("build", "--root", str(repo), "--site-dir", str(folder), env=NO_PDF)
    assert built.returncode == 2, built.stderr
    assert "is not empty and is not a site folder written by this generator" in built.stderr
    assert "--force" in built.stderr and "Traceback" not in built.stderr
    assert tree(folder) == before
    assert not list(tmp_path.glob(".Documents*"))  # no temporary folder left either


def test_build_replaces_its_own_site_and_force_replaces_any(repo: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert (
        run_cli("build", "--root", str(repo), "--site-dir", str(site), env=NO_PDF).returncode == 0
    )
    assert (site / SITE_MARKER).is_file() and (site / "index.html").is_file()
    (site / "stale.html").write_text("old", "utf-8")  # inside a build: the build's to replace
    again = run_cli("build", "--root", str(repo), "--site-dir", str(site), env=NO_PDF)
    assert again.returncode == 0, again.stderr
    assert not (site / "stale.html").exists()
    folder = personal_folder(tmp_path / "other")
    forced = run_cli("build", "--force", "--root", str(repo), "--site-dir", str(folder), env=NO_PDF)
    assert forced.returncode == 0, forced.stderr
    assert (folder / "index.html").is_file() and not (folder / "lettre.odt").exists()
    assert not [p.name for p in tmp_path.iterdir() if ".building-" in p.name or ".old-" in p.name]


@pytest.mark.parametrize(
    "target", [".", "content", "projects", "content/comptes-rendus", "theme", "schemas", ".."]
)
def test_build_never_replaces_the_project_even_forced(repo: Path, target: str) -> None:
    before = tree(repo)
    built = run_cli(
        "build", "--force", "--root", str(repo), "--site-dir", str(repo / target), env=NO_PDF
    )
    assert built.returncode == 2, built.stderr
    assert "is the project or holds its sources" in built.stderr
    assert tree(repo) == before


def test_build_refuses_a_file_where_the_site_goes(repo: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    target.write_text("un fichier", "utf-8")
    built = run_cli("build", "--root", str(repo), "--site-dir", str(target), env=NO_PDF)
    assert built.returncode == 2
    assert "is not a folder" in built.stderr
    assert target.read_text("utf-8") == "un fichier"


def test_mkdocs_build_refuses_a_site_dir_of_other_files(repo: Path, tmp_path: Path) -> None:
    """MkDocs itself empties site_dir before building; the plugin stops it first."""
    folder = personal_folder(repo / "site")
    before = tree(folder)
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q"],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "PROGRAMME_PDF": "0", "NO_MKDOCS_2_WARNING": "1"},
    )
    assert built.returncode != 0
    assert "is not a site folder written by this generator" in built.stderr
    assert tree(folder) == before


def test_benchmark_refuses_a_work_folder_of_other_files(tmp_path: Path) -> None:
    folder = personal_folder(tmp_path / "Documents")
    before = tree(folder)
    ran = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "benchmark.py"),
            "--sizes",
            "1",
            "--work",
            str(folder),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert ran.returncode != 0
    assert "is not empty and is not a benchmark work folder" in ran.stderr
    assert tree(folder) == before
