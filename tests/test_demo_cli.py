"""`python -m generator demo` writes a corpus that `check` accepts."""

from __future__ import annotations

from pathlib import Path

from .helpers import run_cli


def test_demo_command_writes_a_valid_corpus(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    made = run_cli("demo", "--projects", "6", "--writeups", "2", "--out", str(out))
    assert made.returncode == 0, made.stderr
    assert len(list((out / "projects").glob("*.md"))) == 6
    assert len(list((out / "content" / "comptes-rendus").glob("*.md"))) == 2
    checked = run_cli("check", "--root", str(out))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout == ""


def test_a_network_without_any_sheet_yet_gets_a_site(tmp_path: Path) -> None:
    """Registries and editorial pages, no sheet, no write-up: the site builds (with its
    PDF step), listings say so, and there is no search bundle to fetch."""
    out = tmp_path / "demo"
    made = run_cli("demo", "--projects", "0", "--writeups", "0", "--out", str(out))
    assert made.returncode == 0, made.stderr
    site = tmp_path / "site"
    built = run_cli("build", "--root", str(out), "--site-dir", str(site))
    assert built.returncode == 0, built.stdout + built.stderr
    assert "Traceback" not in built.stderr
    assert (site / "recherche" / "index.html").is_file()
    assert "Aucune fiche projet pour le moment." in (site / "projets" / "index.html").read_text(
        "utf-8"
    )
    assert not (site / "pagefind").exists()
