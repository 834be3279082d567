"""A failing build names the file and line of each problem, once, and keeps its cause."""

from __future__ import annotations

import shutil
from pathlib import Path

import pikepdf
import pytest

from .conftest import ROOT
from .helpers import SHEET, WRITEUP, append, replace, run_cli


@pytest.fixture
def repo(example_repo: Path) -> Path:
    shutil.copytree(ROOT / "theme", example_repo / "theme")
    return example_repo


def test_an_unreadable_image_fails_once_at_its_line(repo: Path, tmp_path: Path) -> None:
    (repo / "projects" / "images" / "faux.png").write_text("ceci n'est pas une image", "utf-8")
    line = append(repo, SHEET, "\n![Un faux graphique](images/faux.png)\n") + 1
    site = tmp_path / "site"
    built = run_cli("build", "--root", str(repo), "--site-dir", str(site), timeout=300)
    assert built.returncode == 1
    lines = built.stderr.splitlines()
    failures = [ln for ln in lines if "PDF not made" in ln]
    # one sheet failed: said once, at its line; its programme's report (which holds the
    # same image) is not reported again
    assert len(failures) == 1, built.stderr
    assert failures[0].startswith(f"{SHEET}:{line}: (body): PDF not made: ")
    assert "faux.png" in failures[0]
    assert "compiled report" not in built.stderr
    assert len(lines) == len(set(lines)), built.stderr  # no line repeated
    assert "1 content error(s); nothing was built" in built.stderr
    assert not site.exists()


def test_verbose_shows_the_cause(repo: Path, tmp_path: Path) -> None:
    (repo / "projects" / "images" / "faux.png").write_text("pas une image", "utf-8")
    append(repo, SHEET, "\n![x](images/faux.png)\n")
    built = run_cli("build", "-v", "--root", str(repo), "--site-dir", str(tmp_path / "s"),
                    timeout=300)
    assert built.returncode == 1
    assert "caused by ContentError: 1 content error(s)" in built.stderr
    assert "caused by ReportError: 1 PDF(s) not made" in built.stderr
    lines = built.stderr.splitlines()
    assert len([ln for ln in lines if "faux.png" in ln]) == 1, built.stderr


def test_an_attached_report_is_published_once(repo: Path, tmp_path: Path) -> None:
    folder = repo / "content" / "comptes-rendus" / "fichiers"
    folder.mkdir()
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    pdf.save(folder / "rapport-original.pdf")
    replace(repo, WRITEUP, "\n---\n", "\nreport: fichiers/rapport-original.pdf\n---\n")
    site = tmp_path / "site"
    built = run_cli("build", "--root", str(repo), "--site-dir", str(site), timeout=300)
    assert built.returncode == 0, built.stderr
    original = (folder / "rapport-original.pdf").read_bytes()
    copies = [p.relative_to(site).as_posix() for p in site.rglob("*.pdf")
              if p.read_bytes() == original]
    address = "medias/content/comptes-rendus/fichiers/rapport-original.pdf"
    assert copies == [address]
    page = (site / "comptes-rendus" / "caac-cooperer-autrement" / "index.html").read_text(
        "utf-8")
    downloads = (site / "telechargements" / "index.html").read_text("utf-8")
    assert f'href="../../{address}"' in page
    assert f'href="../{address}"' in downloads


def test_failures_are_said_once_per_cause(example_repo: Path) -> None:
    from generator.loader import load_catalogue
    from generator.reports.build import _Composer, _failures
    from generator.settings import load_settings

    catalogue = load_catalogue(load_settings(example_repo)).catalogue
    assert catalogue is not None
    bodies = {d.url: "<p>x</p>" for d in [*catalogue.projects.values(),
                                          *catalogue.writeups.values()]}
    composer = _Composer(catalogue, bodies, {}, ROOT / "theme")
    sheet = catalogue.projects["femmes-poisson-seche-senegal"]
    items = [composer.document(sheet), *composer.programme("caac")]

    def entry(item: object) -> Path:
        return Path(f"/cache/{id(item)}.pdf")

    both = {str(entry(i)): "boom" for i in items}
    said = _failures(composer, items, both, entry)
    assert [(f.source, f.message) for f in said] == [(SHEET, "PDF not made: boom")]
    report_only = {str(entry(items[1])): "layout failed"}
    said = _failures(composer, items, report_only, entry)
    assert len(said) == 1
    assert (said[0].source, said[0].line, said[0].field) == (
        "content/_data/programmes.yml", 3, "id")
    assert "compiled report of programme 'caac'" in said[0].message
