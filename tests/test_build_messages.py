"""A failing build names the file and line of each problem, once, and keeps its cause."""

from __future__ import annotations

import re
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


def test_an_image_check_cannot_read_is_refused_at_its_line(repo: Path, tmp_path: Path) -> None:
    (repo / "projects" / "images" / "faux.png").write_text("ceci n'est pas une image", "utf-8")
    line = append(repo, SHEET, "\n![Un faux graphique](images/faux.png)\n") + 1
    built = run_cli("build", "--root", str(repo), "--site-dir", str(tmp_path / "site"), timeout=300)
    assert built.returncode == 1
    found = [ln for ln in built.stderr.splitlines() if "faux.png" in ln]
    assert found == [
        f"{SHEET}:{line}: (body): column 22: 'images/faux.png' cannot be read as "
        "an image (cannot identify image file) [fichier-refuse]"
    ], built.stderr


def test_a_pdf_failure_is_said_once_at_its_line(repo: Path, tmp_path: Path) -> None:
    """A document whose PDF fails (here: an outside image that a renderer let through; a
    clean `check` leaves no such case) gives one diagnostic, at the line that names it;
    its programme's report, which fails for the same reason, is not reported again."""
    from generator.diagnostics import ContentError
    from generator.settings import load_settings
    from generator.site_build import add_reports, prepare_site

    url = "https://tracker.example/pixel.png"
    line = append(repo, SHEET, f"\n```\n{url}\n```\n") + 2
    settings = load_settings(repo)
    site = prepare_site(settings)
    sheet_url = "projets/femmes-poisson-seche-senegal/"
    site.plan.rendered[sheet_url].html += f'<p><img src="{url}" alt="x"></p>'
    with pytest.raises(ContentError) as caught:
        add_reports(site, cache_dir=tmp_path / "cache")
    found = [d.as_text() for d in caught.value.diagnostics]
    assert len(found) == 1, found
    assert found[0].startswith(f"{SHEET}:{line}: (body): PDF not made: refused URL {url}")


def test_verbose_shows_the_cause(repo: Path, tmp_path: Path) -> None:
    replace(repo, SHEET, "  - sante\n", "  - sant\n")
    built = run_cli(
        "build", "-v", "--root", str(repo), "--site-dir", str(tmp_path / "s"), timeout=300
    )
    assert built.returncode == 1
    assert "caused by ContentError: 1 content error(s)" in built.stderr
    lines = built.stderr.splitlines()
    assert len([ln for ln in lines if "'sant'" in ln]) == 1, built.stderr


def test_a_failed_build_says_its_warnings_too_in_french(repo: Path, tmp_path: Path) -> None:
    replace(repo, SHEET, "  - sante\n", "  - sant\n")
    draft = "projects/exemple-mutuelle-marches-bouake.md"
    line = replace(repo, draft, "\nsummary: ", "\ndraft: true\n# summary: ")
    built = run_cli(
        "build", "--root", str(repo), "--site-dir", str(tmp_path / "s"), env={"PK_LANG": ""}
    )
    assert built.returncode == 1
    lines = built.stderr.splitlines()
    assert f"{draft}:{line}: avertissement : summary: brouillon : summary manque encore" in (
        built.stderr
    )
    assert any(ln.startswith(f"{SHEET}:") and "« sant »" in ln for ln in lines), built.stderr
    assert "1 erreur(s) dans le contenu : rien n'a été construit" in built.stderr
    assert not (tmp_path / "s").exists()


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
    copies = [
        p.relative_to(site).as_posix() for p in site.rglob("*.pdf") if p.read_bytes() == original
    ]
    address = "medias/content/comptes-rendus/fichiers/rapport-original.pdf"
    assert copies == [address]
    page = (site / "comptes-rendus" / "caac-cooperer-autrement" / "index.html").read_text("utf-8")
    downloads = (site / "telechargements" / "index.html").read_text("utf-8")
    assert f'href="../../{address}"' in page
    assert f'href="../{address}"' in downloads


def test_failures_are_said_once_per_cause(example_repo: Path) -> None:
    from generator.loader import load_catalogue
    from generator.reports.build import _Composer, _failures
    from generator.settings import load_settings

    catalogue = load_catalogue(load_settings(example_repo)).catalogue
    assert catalogue is not None
    bodies = {
        d.url: "<p>x</p>" for d in [*catalogue.projects.values(), *catalogue.writeups.values()]
    }
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
        "content/_data/programmes.yml",
        3,
        "id",
    )
    assert "compiled report of programme 'caac'" in said[0].message


def test_without_pdfs_nothing_points_to_a_pdf(repo: Path, tmp_path: Path) -> None:
    import json

    site = tmp_path / "site"
    built = run_cli(
        "build",
        "--root",
        str(repo),
        "--site-dir",
        str(site),
        env={"PROGRAMME_PDF": "0"},
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    assert not list(site.rglob("*.pdf"))
    data = json.loads((site / "data" / "catalogue.json").read_text("utf-8"))
    assert all(r["pdf"] is None for r in [*data["projects"], *data["writeups"]])
    for path in [
        p
        for p in site.rglob("*")
        if p.suffix in {".html", ".xml", ".csv", ".json"} and "pagefind" not in p.parts
    ]:
        text = path.read_text("utf-8")
        if path.parts[-2:] == ("listes", "index.html"):  # the guide's examples name a .pdf
            text = re.sub(r"<code>[^<]*</code>", "", text)
        assert ".pdf" not in text, path
