"""Sheet and write-up pages: breadcrumbs, « En bref », dates, download block, « Citer cette
page », derived countries, headings once, the table of contents.

The fast tests read the catalogue and the citation files; the slow ones build a copy of the
example content in a throw-away Git repository with two commits of known dates.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import bibtexparser
import lxml.html
import pytest
import rispy
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle
from citeproc import formatter as citeproc_formatter
from citeproc.source.json import CiteProcJSON

from generator.catalogue import Catalogue
from generator.citations import bibtex, csl_json, ris, work
from generator.loader import load_catalogue
from generator.read.git_history import file_dates, parse_log
from generator.render.document_pages import headings
from generator.settings import load_settings

from .conftest import ROOT
from .helpers import run_cli

WRITEUP = "caac-cooperer-autrement"
SHEET = "femmes-poisson-seche-senegal"
GIT = shutil.which("git")
need_git = pytest.mark.skipif(GIT is None, reason="git is not installed")


def git(root: Path, *args: str, date: str = "2024-01-01T12:00:00+00:00") -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(root),
    }
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def catalogue_of(root: Path) -> Catalogue:
    result = load_catalogue(load_settings(root))
    assert result.catalogue is not None, result.diagnostics
    return result.catalogue


# --- Git dates ---------------------------------------------------------------------------


def test_parse_log_newest_first() -> None:
    top = Path("/r")
    log = "\x1e2024-05-02\0\na.md\0b.md\0\x1e2024-01-01\0\na.md\0"
    dates = parse_log(log, top)
    assert dates[top / "a.md"].first.isoformat() == "2024-01-01"
    assert dates[top / "a.md"].last.isoformat() == "2024-05-02"
    assert dates[top / "b.md"].first == dates[top / "b.md"].last


@need_git
def test_second_commit_gives_the_update(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    page = tmp_path / "content" / "a.md"
    page.write_text("un\n")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "one", date="2023-02-03T10:00:00+00:00")
    page.write_text("deux\n")
    git(tmp_path, "commit", "-qam", "two", date="2024-06-07T10:00:00+00:00")
    (tmp_path / "content" / "new.md").write_text("jamais commité\n")
    dates = file_dates(tmp_path, [tmp_path / "content"])
    assert dates[page.resolve()].first.isoformat() == "2023-02-03"
    assert dates[page.resolve()].last.isoformat() == "2024-06-07"
    assert (tmp_path / "content" / "new.md").resolve() not in dates


def test_outside_a_repository_no_dates(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    env_dir = tmp_path / "content"
    os.environ["GIT_CEILING_DIRECTORIES"] = str(tmp_path)
    try:
        assert file_dates(tmp_path, [env_dir]) == {}
    finally:
        del os.environ["GIT_CEILING_DIRECTORIES"]


@need_git
def test_one_git_log_for_thousands_of_files(tmp_path: Path) -> None:
    """5,000 files in two commits: the dates of all of them in well under a second."""
    folder = tmp_path / "projects"
    folder.mkdir()
    for n in range(5000):
        (folder / f"fiche-{n:04d}.md").write_text(f"{n}\n")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "one", date="2023-02-03T10:00:00+00:00")
    for n in range(0, 5000, 2):
        (folder / f"fiche-{n:04d}.md").write_text(f"{n} bis\n")
    git(tmp_path, "commit", "-qam", "two", date="2024-06-07T10:00:00+00:00")
    start = time.perf_counter()
    dates = file_dates(tmp_path, [folder])
    seconds = time.perf_counter() - start
    assert len(dates) == 5000
    assert dates[(folder / "fiche-0002.md").resolve()].last.isoformat() == "2024-06-07"
    assert dates[(folder / "fiche-0003.md").resolve()].last.isoformat() == "2023-02-03"
    assert seconds < 3, seconds  # about 0.05 s here; one process per file took minutes


# --- catalogue: a write-up's countries and themes -----------------------------------------


def test_writeup_takes_its_examples_countries_and_themes() -> None:
    catalogue = catalogue_of(ROOT)
    writeup = catalogue.writeups[WRITEUP]
    examples = [catalogue.projects[s] for s in writeup.meta.examples]
    codes = {c for sheet in examples for c in sheet.meta.countries}
    assert set(writeup.countries) == codes and codes
    for code in codes:
        assert WRITEUP in catalogue.writeups_by_country[code]
        assert code in catalogue.by_country
    themes = {t for sheet in examples for t in sheet.meta.themes} | set(writeup.meta.themes)
    assert set(writeup.themes) == themes
    assert writeup.themes[: len(writeup.meta.themes)] == writeup.meta.themes
    for theme_id in themes:
        assert catalogue.by_theme[theme_id].writeups.count(WRITEUP) == 1


def test_a_generated_heading_the_body_has_is_reworded() -> None:
    body = [{"level": 2, "id": "x", "name": "Les exemples inspirants", "children": []}]
    chosen = headings(
        [("exemples-inspirants", "Les exemples inspirants"), ("pk-citer", "Citer cette page")],
        body,
    )
    assert [h.title for h in chosen] == ["Les exemples inspirants en fiches", "Citer cette page"]


# --- citation files, read back by real parsers ---------------------------------------------


@pytest.mark.parametrize("slug", [WRITEUP, SHEET])
def test_citation_files_parse(slug: str) -> None:
    catalogue = catalogue_of(ROOT)
    doc = catalogue.writeups.get(slug) or catalogue.projects[slug]
    cited = work(doc, catalogue)
    url = "https://example.org/savoirs/" + doc.url
    assert cited.url == url

    entries = bibtexparser.loads(bibtex(cited)).entries
    assert len(entries) == 1
    entry = entries[0]
    assert entry["title"].strip("{}") == doc.title
    assert entry["url"] == url
    records = rispy.loads(ris(cited))
    assert len(records) == 1
    record = records[0]
    assert record["title"] == doc.title
    assert record["urls"] == [url]
    items = json.loads(csl_json(cited))
    source = CiteProcJSON(items)
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, source, citeproc_formatter.plain)
    bibliography.register(Citation([CitationItem(cited.key)]))
    text = str(bibliography.bibliography()[0])
    assert doc.title in text

    if slug == WRITEUP:
        names = [(p.name.rsplit(" ", 1)[1], p.name.rsplit(" ", 1)[0]) for p in doc.meta.authors]
        assert entry["author"] == " and ".join(f"{f}, {g}" for f, g in names)
        assert record["authors"] == [f"{f}, {g}" for f, g in names]
        assert items[0]["author"] == [{"family": f, "given": g} for f, g in names]
        assert entry["date"] == "2022-03-18" and record["date"] == "2022/03/18"
        assert items[0]["issued"] == {"date-parts": [[2022, 3, 18]]}
        assert "Hansen" in text and "2022" in text
    else:
        lead = catalogue.organisations[doc.meta.lead].name
        assert entry["author"] == "{" + lead + "}"
        assert record["authors"] == [lead]
        assert items[0]["author"] == [{"literal": lead}]


def test_bibtex_escapes_what_latex_reads() -> None:
    catalogue = catalogue_of(ROOT)
    cited = work(catalogue.writeups[WRITEUP], catalogue)
    tricky = type(cited)(**{**cited.__dict__, "title": "50 % & {accolades} #1 a_b ~ ^"})
    entry = bibtexparser.loads(bibtex(tricky)).entries[0]
    assert (
        entry["title"] == r"{50 \% \& \{accolades\} \#1 a\_b \textasciitilde{} \textasciicircum{}}"
    )


# --- the built pages ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    if GIT is None:
        pytest.skip("git is not installed")
    root = tmp_path_factory.mktemp("docpages")
    for name in ("content", "projects"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "theme", root / "theme")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "one", date="2023-02-03T10:00:00+00:00")
    writeup = root / "content" / "comptes-rendus" / f"{WRITEUP}.md"
    writeup.write_text(writeup.read_text() + "\nUne phrase de plus.\n")
    git(root, "commit", "-qam", "two", date="2024-06-07T10:00:00+00:00")
    out = root / "site"
    done = run_cli("build", "--root", str(root), "--site-dir", str(out), cwd=root, timeout=600)
    assert done.returncode == 0, done.stderr
    yield out


def page(site: Path, url: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((site / url / "index.html").read_bytes())


def words(node: lxml.html.HtmlElement) -> str:
    return " ".join(node.text_content().split())


def facts(tree: lxml.html.HtmlElement) -> dict[str, str]:
    box = tree.get_element_by_id("reperes").getparent()
    return {words(dt): words(dt.getnext()) for dt in box.iter("dt") if dt.getnext() is not None}


@pytest.mark.slow
def test_breadcrumbs(built: Path) -> None:
    for url, middle in (
        (f"comptes-rendus/{WRITEUP}/", ("Comptes-rendus", "../")),
        (f"projets/{SHEET}/", ("Fiches projet", "../")),
    ):
        tree = page(built, url)
        navs = tree.xpath('//nav[@aria-label="Fil d’Ariane"]')
        assert len(navs) == 1, url
        items = navs[0].xpath(".//li")
        assert [words(i) for i in items][:2] == ["Accueil", middle[0]]
        assert items[0].xpath("./a/@href") == ["../../"]
        assert items[1].xpath("./a/@href") == [middle[1]]
        assert items[2].xpath("./span/@aria-current") == ["page"]
        assert words(items[2]) == words(tree.xpath("//h1")[0])
        data = json.loads(tree.xpath('//script[@type="application/ld+json"]')[0].text)
        steps = data["mainEntityOfPage"]["breadcrumb"]["itemListElement"]
        assert [s["position"] for s in steps] == [1, 2, 3]
        assert steps[-1]["item"] == "https://example.org/savoirs/" + url


@pytest.mark.slow
def test_en_bref_facts(built: Path) -> None:
    catalogue = catalogue_of(ROOT)
    writeup = facts(page(built, f"comptes-rendus/{WRITEUP}/"))
    assert writeup["Date"] == "18 mars 2022"
    assert writeup["Événement"] == "Université du Faire ensemble (la Fonda)"
    assert writeup["Programme"].startswith("Coopérer autrement en acteurs du changement")
    assert writeup["Pays"] == "Guinée, Sénégal"
    assert writeup["Exemples inspirants"] == "2 fiches projet"
    sheet = facts(page(built, f"projets/{SHEET}/"))
    meta = catalogue.projects[SHEET].meta
    assert sheet["Porteur"] == catalogue.organisation_label(meta.lead)
    assert sheet["Partenaires"] == ", ".join(catalogue.organisation_label(p) for p in meta.partners)
    assert sheet["Pays"] == "Sénégal"
    assert sheet["Période"] == "2019–2021"
    assert sheet["Statut"] == "Terminé"
    assert sheet["Présentée dans"] == "1 compte-rendu"


@pytest.mark.slow
def test_dates_come_from_git(built: Path) -> None:
    writeup = page(built, f"comptes-rendus/{WRITEUP}/").xpath('//p[@class="pk-dates"]')[0]
    assert words(writeup) == "Publié le 3 février 2023 · Mis à jour le 7 juin 2024"
    assert writeup.xpath(".//time/@datetime") == ["2023-02-03", "2024-06-07"]
    sheet = page(built, f"projets/{SHEET}/").xpath('//p[@class="pk-dates"]')[0]
    assert words(sheet) == "Publiée le 3 février 2023"


@pytest.mark.slow
def test_download_block_with_webp_thumbnail(built: Path) -> None:
    for url in (f"comptes-rendus/{WRITEUP}/", f"projets/{SHEET}/"):
        box = page(built, url).xpath('//div[@class="pk-download-box"]')[0]
        assert "PDF, " in words(box) and "Ko" in words(box)
        image = box.xpath(".//img/@src")[0]
        data = (built / url / image).read_bytes()
        assert data[:4] == b"RIFF" and data[8:12] == b"WEBP", url
        assert len(data) < 40_000


@pytest.mark.slow
def test_citation_files_in_the_site(built: Path) -> None:
    tree = page(built, f"comptes-rendus/{WRITEUP}/")
    section = tree.get_element_by_id("pk-citer").getparent()
    assert "Luc Hansen, « Coopérer autrement" in words(section)
    links = section.xpath('.//p[@class="pk-cite__files"]/a/@href')
    assert links == [f"{WRITEUP}.bib", f"{WRITEUP}.ris", f"{WRITEUP}.csl.json"]
    folder = built / "comptes-rendus" / WRITEUP
    assert bibtexparser.loads((folder / links[0]).read_text()).entries[0]["ID"] == WRITEUP
    assert rispy.loads((folder / links[1]).read_text())[0]["type_of_reference"] == "RPRT"
    assert json.loads((folder / links[2]).read_text())[0]["id"] == WRITEUP


@pytest.mark.slow
def test_each_heading_once_and_all_in_the_toc(built: Path) -> None:
    for url in (f"comptes-rendus/{WRITEUP}/", f"projets/{SHEET}/"):
        tree = page(built, url)
        article = tree.xpath("//article")[0]
        titles = [words(h) for h in article.xpath(".//h2")]
        assert len(titles) == len(set(titles)), titles
        toc = [words(a) for a in tree.xpath('//nav[contains(@class, "md-nav--secondary")]//a')]
        for title in titles:
            assert title in toc, (url, title)
        assert toc[0] == "En bref"
        assert toc[-2:] == ["Citer cette page", "Licence et crédits"]
    writeup = page(built, f"comptes-rendus/{WRITEUP}/")
    assert writeup.xpath("//h2[@id='exemples-inspirants']")[0].text == (
        "Les exemples inspirants en fiches"
    )


@pytest.mark.slow
def test_writeup_on_its_examples_country_page(built: Path) -> None:
    tree = page(built, "pays/sn/")
    assert f"../../comptes-rendus/{WRITEUP}/" in tree.xpath("//main//a/@href")


# --- thumbnails ----------------------------------------------------------------------------


def _pdf(path: Path, width: int) -> Path:
    import pikepdf

    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(width, 300))
    pdf.save(path)
    return path


def test_thumbnails_made_once_in_workers_and_a_bad_pdf_said(tmp_path: Path) -> None:
    from generator.reports.thumbnails import POOL_FROM, make_thumbnails

    pdfs = {f"d{n}": _pdf(tmp_path / f"d{n}.pdf", 200 + n) for n in range(POOL_FROM + 1)}
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.7 not really")
    pdfs["bad"] = tmp_path / "bad.pdf"
    cache = tmp_path / "cache"
    made, failures = make_thumbnails(pdfs, cache, workers=2)
    assert sorted(failures) == ["bad"]
    assert len(made) == POOL_FROM + 1
    for path in made.values():
        data = path.read_bytes()
        assert data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    stamps = {p: p.stat().st_mtime_ns for p in made.values()}
    again, _ = make_thumbnails(pdfs, cache, workers=2)
    assert again == made
    assert {p: p.read_bytes() for p in again.values()} == {p: p.read_bytes() for p in made.values()}
    assert all(p.stat().st_mtime_ns >= stamps[p] for p in again.values())
