"""The build manifest trusts a site only when every input, the context and the site match."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator import build_manifest
from generator.build_manifest import RACY_NS, check, record
from generator.owned_folders import SITE_MARKER


def _project(tmp_path: Path) -> tuple[Path, Path, Path]:
    root = tmp_path / "root"
    (root / "projects").mkdir(parents=True)
    (root / "mkdocs.yml").write_text("site_name: x\n", "utf-8")
    (root / "projects" / "a.md").write_text("---\ntitle: A\n---\nTexte.\n", "utf-8")
    site = root / "site"
    site.mkdir()
    (site / SITE_MARKER).write_text("site\n", "utf-8")
    (site / "index.html").write_text("<p>A</p>\n", "utf-8")
    return root, site, root / ".cache" / "pdf"


def _age(root: Path, seconds: int = 10) -> None:
    """Make every file older than the racy window (as files saved a while ago are)."""
    for path in root.rglob("*"):
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - seconds * 1_000_000_000))


def _built(root: Path, site: Path, cache: Path, warnings: list[str] | None = None) -> None:
    _age(root)
    verdict = check(root, [site, cache], site, cache)
    record(verdict.snapshot, site, cache, warnings or [])


def test_no_manifest_means_a_build(tmp_path: Path) -> None:
    root, site, cache = _project(tmp_path)
    verdict = check(root, [site, cache], site, cache)
    assert not verdict.up_to_date
    assert "no manifest" in verdict.reason


def test_nothing_changed_is_up_to_date_and_says_its_warnings(tmp_path: Path) -> None:
    root, site, cache = _project(tmp_path)
    _built(root, site, cache, ["projects/a.md:1: warning"])
    verdict = check(root, [site, cache], site, cache)
    assert verdict.up_to_date, verdict.reason
    assert verdict.warnings == ["projects/a.md:1: warning"]


def test_a_changed_input_or_a_new_file_means_a_build(tmp_path: Path) -> None:
    root, site, cache = _project(tmp_path)
    _built(root, site, cache)
    (root / "projects" / "b.md").write_text("nouveau\n", "utf-8")
    verdict = check(root, [site, cache], site, cache)
    assert not verdict.up_to_date
    assert "projects/b.md" in verdict.reason


def test_same_size_change_saved_at_once_is_seen(tmp_path: Path) -> None:
    """A file saved again within the time resolution keeps size and perhaps time: hashed."""
    root, site, cache = _project(tmp_path)
    sheet = root / "projects" / "a.md"
    verdict = check(root, [site, cache], site, cache)
    record(verdict.snapshot, site, cache, [])
    stat = sheet.stat()
    sheet.write_text(sheet.read_text("utf-8").replace("Texte", "Texto"), "utf-8")
    os.utime(sheet, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same time
    assert stat.st_mtime_ns > verdict.snapshot.taken_ns - RACY_NS
    assert not check(root, [site, cache], site, cache).up_to_date


def test_a_touched_file_with_the_same_bytes_is_up_to_date(tmp_path: Path) -> None:
    root, site, cache = _project(tmp_path)
    _built(root, site, cache)
    os.utime(root / "projects" / "a.md")
    verdict = check(root, [site, cache], site, cache)
    assert verdict.up_to_date, verdict.reason
    assert verdict.restated


def test_a_site_edited_or_missing_a_file_means_a_build(tmp_path: Path) -> None:
    root, site, cache = _project(tmp_path)
    _built(root, site, cache)
    (site / "index.html").write_text("<p>changé</p>\n", "utf-8")
    assert not check(root, [site, cache], site, cache).up_to_date
    _built(root, site, cache)
    (site / "index.html").unlink()
    assert not check(root, [site, cache], site, cache).up_to_date


def test_another_environment_means_a_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root, site, cache = _project(tmp_path)
    monkeypatch.setenv("PROGRAMME_PDF", "1")
    _built(root, site, cache)
    monkeypatch.setenv("PROGRAMME_PDF", "0")
    assert not check(root, [site, cache], site, cache).up_to_date


def test_the_generator_files_count_when_outside_the_root(tmp_path: Path) -> None:
    root, _site, _cache = _project(tmp_path)
    names = build_manifest.input_stats(root, [])
    assert "generator:build_manifest.py" in names
    assert "site/index.html" not in names  # a site folder is output, not input


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_new_commit_means_a_build(tmp_path: Path) -> None:
    """Pages show each file's commit days: a commit changes them, though no file changed."""
    root, site, cache = _project(tmp_path)

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-C", str(root), *args],
            check=True,
            capture_output=True,
            env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        )

    git("init", "-q")
    git("-c", "user.name=a", "-c", "user.email=a@b", "commit", "-q", "--allow-empty", "-m", "1")
    _built(root, site, cache)
    assert check(root, [site, cache], site, cache).up_to_date
    git("-c", "user.name=a", "-c", "user.email=a@b", "commit", "-q", "--allow-empty", "-m", "2")
    verdict = check(root, [site, cache], site, cache)
    assert not verdict.up_to_date
    assert "environment" in verdict.reason
