"""PDF reports: open the built files and check what readers and tools rely on.

One module-scoped build of a copy of the example content (plus a write-up that attaches its
own PDF) is shared; rebuild tests reuse its cache.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pytest

from generator import urls
from generator.catalogue import Catalogue
from generator.loader import load_catalogue
from generator.render.markdown_body import BodyRenderer
from generator.reports import ReportError, ReportFile, build_reports
from generator.reports.htmltext import NNBSP, french_spacing, prefix_anchors
from generator.settings import load_settings

from .conftest import ROOT
from .helpers import example_site
from .optional_tools import need_program

THEME = ROOT / "theme"
SHEET = "femmes-poisson-seche-senegal"
ATTACHED = "caac-avec-rapport"


@pytest.fixture(autouse=True, scope="module")
def _pdftotext() -> None:
    need_program("pdftotext", "poppler-utils", "the PDFs' text cannot be read")


@dataclass
class Build:
    root: Path
    cache: Path
    catalogue: Catalogue
    bodies: dict[str, str]
    assets: dict[str, Path]
    reports: dict[str, ReportFile]
    progress: list[tuple[int, int]]


def load(root: Path) -> tuple[Catalogue, dict[str, str], dict[str, Path]]:
    result = load_catalogue(load_settings(root))
    catalogue = result.catalogue
    assert catalogue is not None
    docs = [*catalogue.projects.values(), *catalogue.writeups.values()]
    pages = {d.path.resolve(): d.url for d in docs}
    renderer = BodyRenderer(catalogue.settings.root, [], {}, pages.get)
    bodies: dict[str, str] = {}
    assets: dict[str, Path] = {}
    for doc in docs:
        rendered = renderer.render(doc.body, doc.path, doc.url)
        assert not rendered.problems
        bodies[doc.url] = rendered.html
        assets.update(rendered.assets)
    return catalogue, bodies, assets


def tiny_pdf(path: Path) -> None:
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    pdf.docinfo["/Title"] = "Rapport joint"
    pdf.save(path)


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Build]:
    root = tmp_path_factory.mktemp("site")
    for name in ("content", "projects"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    writeups = root / "content" / "comptes-rendus"
    text = (writeups / "caac-cooperer-autrement.md").read_text(encoding="utf-8")
    text = text.replace("\n---\n", "\nreport: fichiers/rapport-joint.pdf\n---\n", 1)
    (writeups / "fichiers").mkdir()
    tiny_pdf(writeups / "fichiers" / "rapport-joint.pdf")
    (writeups / f"{ATTACHED}.md").write_text(text, encoding="utf-8")
    catalogue, bodies, assets = load(root)
    cache = root / "cache"
    progress: list[tuple[int, int]] = []
    reports = build_reports(
        catalogue,
        bodies,
        assets,
        THEME,
        cache,
        workers=2,
        progress=lambda done, total: progress.append((done, total)),
    ).files
    yield Build(root, cache, catalogue, bodies, assets, reports, progress)


def page_text(path: Path, first: int = 1, last: int = 1) -> str:
    """Text of the pages, with line breaks and non-breaking spaces as plain spaces."""
    out = subprocess.run(
        ["pdftotext", "-f", str(first), "-l", str(last), str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return re.sub(r"[\s\u00a0\u202f]+", " ", out)


def flat(text: str) -> str:
    return re.sub(r"[\s\u00a0\u202f]+", " ", text)


def test_every_document_and_programme_has_a_report(build: Build) -> None:
    cat = build.catalogue
    expected = {d.url for d in [*cat.projects.values(), *cat.writeups.values()]}
    expected |= {urls.programme(p) for p, g in cat.by_programme.items() if g.projects or g.writeups}
    assert set(build.reports) == expected
    for doc in [*cat.projects.values(), *cat.writeups.values()]:
        report = build.reports[doc.url]
        assert report.site_path == doc.pdf
        assert report.source.is_file() and report.size == report.source.stat().st_size
    assert build.reports[urls.programme("caac")].site_path == "telechargements/rapport-caac.pdf"
    rendered = [r for r in build.reports.values() if r.rendered]
    assert build.progress[-1] == (len(rendered), len(rendered))


@pytest.mark.parametrize("kind", ["project", "writeup"])
def test_first_page_shows_title_authors_licence_and_metadata(build: Build, kind: str) -> None:
    cat = build.catalogue
    doc = cat.projects[SHEET] if kind == "project" else cat.writeups["caac-cooperer-autrement"]
    report = build.reports[doc.url]
    assert report.rendered and report.kind == kind
    first = page_text(report.source)
    assert flat(doc.title) in first
    assert doc.licence.name in first and doc.licence.short_name in first
    with pikepdf.open(report.source) as pdf:
        info = pdf.docinfo
        assert str(info["/Title"]) == doc.title
        assert str(info["/Subject"]) == doc.meta.summary
        assert str(info["/Keywords"])
        author = str(info["/Author"])
        if kind == "project":
            lead = cat.organisations[cat.projects[SHEET].meta.lead].name
            assert lead in author
            assert cat.organisation_label(cat.projects[SHEET].meta.lead) in first
        else:
            for person in cat.writeups["caac-cooperer-autrement"].meta.authors:
                assert person.name in author and person.name in first
        assert "Page 1 sur" in first


def test_pdfs_are_tagged_in_french_with_embedded_fonts(build: Build) -> None:
    for report in build.reports.values():
        if report.kind == "writeup" and not report.rendered:
            continue  # the attached file is the editors' own
        with pikepdf.open(report.source) as pdf:
            root = pdf.Root
            assert "/StructTreeRoot" in root
            assert bool(root.MarkInfo.Marked)
            assert str(root.Lang) == "fr"
            with pdf.open_metadata() as xmp:
                assert xmp.get("pdfuaid:part") == "1"
            fonts = 0
            for page in pdf.pages:
                for font in page.Resources.get("/Font", {}).values():
                    for descendant in font.get("/DescendantFonts", [font]):
                        descriptor = descendant.FontDescriptor
                        assert any(
                            k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
                        ), descendant
                        fonts += 1
            assert fonts


def test_attached_report_offered_unchanged(build: Build) -> None:
    writeup = build.catalogue.writeups[ATTACHED]
    report = build.reports[writeup.url]
    attached = build.root / "content/comptes-rendus/fichiers/rapport-joint.pdf"
    assert report.source == attached.resolve()
    assert report.source.read_bytes() == attached.read_bytes()
    assert not report.rendered
    assert report.site_path == "medias/content/comptes-rendus/fichiers/rapport-joint.pdf"


def test_programme_report_has_cover_toc_documents_and_credits(build: Build) -> None:
    report = build.reports[urls.programme("caac")]
    text = page_text(report.source, 1, 99)
    assert "Sommaire" in text
    for slug in build.catalogue.by_programme["caac"].projects:
        title = flat(build.catalogue.projects[slug].title)
        assert re.search(re.escape(title) + r" ?\.{3,} ?\d+", text), title
    assert "Crédits et licences" in text
    assert build.catalogue.settings.site_licence.name in page_text(report.source)
    with pikepdf.open(report.source) as pdf:
        assert len(pdf.pages) > 3
        assert "/StructTreeRoot" in pdf.Root


def test_links_are_clickable(build: Build) -> None:
    report = build.reports[build.catalogue.writeups["caac-cooperer-autrement"].url]
    with pikepdf.open(report.source) as pdf:
        uris = [
            str(a.A.URI)
            for page in pdf.pages
            for a in page.get("/Annots", [])
            if "/A" in a and "/URI" in a.A
        ]
    assert "https://cfsi.asso.fr/?p=2710" in uris


def test_second_build_renders_nothing(build: Build) -> None:
    progress: list[tuple[int, int]] = []
    again = build_reports(
        build.catalogue,
        build.bodies,
        build.assets,
        THEME,
        build.cache,
        progress=lambda d, t: progress.append((d, t)),
    ).files
    assert not [url for url, r in again.items() if r.rendered]
    assert {u: r.source for u, r in again.items()} == {
        u: r.source for u, r in build.reports.items()
    }
    assert not progress


def test_one_changed_sheet_renders_only_its_pdfs(build: Build) -> None:
    path = build.root / "projects" / f"{SHEET}.md"
    original = path.read_text(encoding="utf-8")
    try:
        path.write_text(original + "\nUne phrase ajoutée pour le test.\n", encoding="utf-8")
        catalogue, bodies, assets = load(build.root)
        again = build_reports(catalogue, bodies, assets, THEME, build.cache, workers=1).files
    finally:
        path.write_text(original, encoding="utf-8")
    programme = catalogue.projects[SHEET].meta.programme
    assert {u for u, r in again.items() if r.rendered} == {
        urls.project(SHEET),
        urls.programme(programme),
    }
    assert "Une phrase ajoutée pour le test." in page_text(again[urls.project(SHEET)].source, 1, 9)


def test_same_input_gives_same_bytes(build: Build, tmp_path: Path) -> None:
    project = build.catalogue.projects[SHEET]
    cache = tmp_path / "cache"
    shutil.copytree(build.cache, cache)
    (cache / build.reports[project.url].source.name).unlink()
    again = build_reports(
        build.catalogue, build.bodies, build.assets, THEME, cache, workers=1
    ).files
    assert again[project.url].rendered
    assert again[project.url].source.read_bytes() == build.reports[project.url].source.read_bytes()


@pytest.mark.parametrize(
    "src", ["../../medias/absent.png", "https://tracker.example/x.png", "file:///etc/passwd"]
)
def test_missing_or_foreign_image_fails_naming_the_document(build: Build, src: str) -> None:
    project = build.catalogue.projects[SHEET]
    bodies = dict(build.bodies)
    bodies[project.url] += f'<p><img src="{src}" alt="x"></p>'
    with pytest.raises(ReportError) as caught:
        build_reports(build.catalogue, bodies, build.assets, THEME, build.cache, workers=1)
    assert project.source in str(caught.value)
    assert project.source in caught.value.sources


def test_french_spacing_touches_text_only() -> None:
    html = (
        '<p title="a : b">Pourquoi ? Parce que : « oui » ; <a href="https://x.org/?q=1">'
        "https://x.org</a> à 10:30</p><pre>a : b</pre>"
    )
    out = french_spacing(html)
    assert f"Pourquoi{NNBSP}?" in out and f"que{NNBSP}:" in out
    assert f"«{NNBSP}oui{NNBSP}»" in out and f"»{NNBSP};" in out
    assert 'title="a : b"' in out and 'href="https://x.org/?q=1"' in out
    assert "10:30" in out and "<pre>a : b</pre>" in out


def test_prefix_anchors_keeps_external_links() -> None:
    html = '<h2 id="contexte">C</h2><a href="#contexte">x</a><a href="https://a.b/#c">y</a>'
    out = prefix_anchors(html, "fiche-x--")
    assert 'id="fiche-x--contexte"' in out and 'href="#fiche-x--contexte"' in out
    assert 'href="https://a.b/#c"' in out


def test_large_programme_report_comes_in_volumes(
    build: Build, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.reports import build as report_build

    monkeypatch.setattr(report_build, "VOLUME_SIZE", 2)
    group = build.catalogue.by_programme["caac"]
    count = len(group.writeups) + len(group.projects)
    volumes = -(-count // 2)
    assert volumes >= 2
    reports = build_reports(
        build.catalogue, build.bodies, build.assets, THEME, tmp_path / "cache", workers=1
    ).files
    assert urls.programme("caac") not in reports
    found = [reports[f"{urls.programme('caac')}#tome-{n}"] for n in range(1, volumes + 1)]
    assert [r.site_path for r in found] == [
        f"telechargements/rapport-caac-tome-{n}.pdf" for n in range(1, volumes + 1)
    ]
    titles_seen: list[str] = []
    for number, report in enumerate(found, start=1):
        with pikepdf.open(report.source) as pdf:
            assert str(pdf.docinfo["/Title"]).endswith(f", tome {number} sur {volumes}")
        text = page_text(report.source, 1, 99)
        assert f"Tome {number} sur {volumes}" in text
        titles_seen += [
            flat(p.title)
            for p in build.catalogue.projects.values()
            if p.slug in group.projects and flat(p.title) in text
        ]
    # every sheet of the programme is in one volume or another
    assert {flat(build.catalogue.projects[s].title) for s in group.projects} <= set(titles_seen)


def test_reports_per_theme_and_country_on_request(build: Build, tmp_path: Path) -> None:
    """``reports: [theme, country]``: one compiled report per theme and per country, with
    the documents that page lists, in folders of their own; no programme report; cached."""
    root = tmp_path / "site"
    shutil.copytree(build.root, root, ignore=shutil.ignore_patterns("cache"))
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "      projects_dir: projects\n" in config
    config = config.replace(
        "      projects_dir: projects\n",
        "      projects_dir: projects\n      reports: [theme, country]\n",
    )
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    catalogue, bodies, assets = load(root)
    made = build_reports(catalogue, bodies, assets, THEME, tmp_path / "cache", workers=2)
    reports = made.files
    assert not any(key.startswith(urls.PROGRAMMES) for key in reports)
    for theme_id, theme in catalogue.themes.items():
        group = catalogue.by_theme[theme_id]
        if not (group.projects or group.writeups):
            continue
        report = reports[urls.theme(theme_id)]
        assert report.site_path == f"telechargements/themes/rapport-{theme_id}.pdf"
        assert (report.kind, report.title) == ("theme", f"Rapport thématique : {theme.label}")
        text = page_text(report.source, 1, 99)
        assert "Rapport thématique" in text and flat(theme.label) in text
        for slug in group.projects:
            assert flat(catalogue.projects[slug].title) in text, (theme_id, slug)
        for slug in group.writeups:
            assert flat(catalogue.writeups[slug].title) in text, (theme_id, slug)
    for country in catalogue.countries():
        report = reports[country.url]
        assert report.kind == "country" and report.site_path.startswith("telechargements/pays/")
        assert report.title == f"Rapport par pays : {country.name}"
        text = page_text(report.source, 1, 99)
        for slug in catalogue.by_country[country.code]:
            assert flat(catalogue.projects[slug].title) in text, (country.code, slug)
    again = build_reports(catalogue, bodies, assets, THEME, tmp_path / "cache", workers=2)
    assert not [url for url, r in again.files.items() if r.rendered]


def _with_options(build: Build, root: Path, options: str, photo: bool = False) -> Path:
    """A copy of the built repository with plugin ``options`` added (and a large photo as
    the Kindia sheet's image when ``photo``)."""
    shutil.copytree(build.root, root, ignore=shutil.ignore_patterns("cache"))
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace(
        "      projects_dir: projects\n", f"      projects_dir: projects\n{options}"
    )
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    if photo:
        from PIL import Image

        noise = Image.effect_noise((2400, 1600), 64).convert("RGB")
        noise.save(root / "projects" / "images" / "photo.jpg", quality=95)
        sheet = root / "projects" / "jeunes-ruraux-kindia-guinee.md"
        text = sheet.read_text(encoding="utf-8")
        sheet.write_text(text.replace("images/kindia-jeunes.svg", "images/photo.jpg"))
    return root


def _largest_image_width(path: Path) -> int:
    with pikepdf.open(path) as pdf:
        return max(
            int(image.Width)
            for page in pdf.pages
            for image in page.get_images().values()
            if "/Width" in image
        )


def test_print_shop_option_adds_bleed_and_crop_marks(build: Build, tmp_path: Path) -> None:
    root = _with_options(build, tmp_path / "site", "      pdf_bleed: true\n")
    catalogue, bodies, assets = load(root)
    reports = build_reports(catalogue, bodies, assets, THEME, tmp_path / "cache", workers=2).files
    sheet = reports[urls.project("jeunes-ruraux-kindia-guinee")].source
    a4 = (595.276, 841.89)
    with pikepdf.open(sheet) as pdf:
        page = pdf.pages[0]
        media = [float(v) for v in page.MediaBox]
        trim = [float(v) for v in page.TrimBox]
        bleed = [float(v) for v in page.BleedBox]
    assert trim[2] - trim[0] == pytest.approx(a4[0], abs=0.5)
    assert trim[3] - trim[1] == pytest.approx(a4[1], abs=0.5)
    three_mm = 3 / 25.4 * 72
    assert bleed[2] - bleed[0] == pytest.approx(a4[0] + 2 * three_mm, abs=0.5)
    assert media == pytest.approx(bleed)
    # crop marks: dark strokes in the bleed, outside the trim box, at the top left corner
    import pypdfium2

    document = pypdfium2.PdfDocument(sheet)
    image = document[0].render(scale=2).to_pil().convert("L")
    corner = image.crop((0, 0, int(three_mm * 2), int(three_mm * 2)))
    assert corner.getextrema()[0] < 128, "no crop mark in the bleed"
    document.close()
    with pikepdf.open(build.reports[urls.project("jeunes-ruraux-kindia-guinee")].source) as pdf:
        plain = [float(v) for v in pdf.pages[0].MediaBox]
    assert plain[2] - plain[0] == pytest.approx(a4[0], abs=0.5)


def test_light_option_makes_smaller_images(build: Build, tmp_path: Path) -> None:
    heavy_root = _with_options(build, tmp_path / "heavy", "", photo=True)
    light_root = _with_options(build, tmp_path / "light", "      pdf_light: true\n", photo=True)
    sizes = {}
    widths = {}
    for name, root in (("heavy", heavy_root), ("light", light_root)):
        catalogue, bodies, assets = load(root)
        reports = build_reports(
            catalogue, bodies, assets, THEME, tmp_path / f"cache-{name}", workers=2
        ).files
        sheet = reports[urls.project("jeunes-ruraux-kindia-guinee")].source
        sizes[name] = sheet.stat().st_size
        widths[name] = _largest_image_width(sheet)
    assert widths["heavy"] == 2400
    # 150 dpi over the text width (172 mm, under 7 inches): about 1,000 pixels
    assert widths["light"] <= 1100
    assert sizes["light"] < sizes["heavy"] / 2


def test_programme_report_carries_its_published_barometer_results(build: Build) -> None:
    barometer = build.catalogue.barometers["reciprocite"]
    report = build.reports[urls.programme(barometer.meta.programme or "")].source
    text = page_text(report, 1, 99)
    assert f"{flat(barometer.meta.title)} : résultats publiés" in text
    for row in barometer.published():
        assert flat(row["dimension"].title) in text
        scores = " ".join(str(score) for _year, score in row["scores"])
        assert f"{flat(row['dimension'].title)} {scores}" in text


def _without_updated(root: Path) -> Path:
    """The sheets of ``root`` without their front matter's ``updated`` date."""
    for sheet in (root / "projects").glob("*.md"):
        text = sheet.read_text("utf-8")
        sheet.write_text(re.sub(r"^updated: .*\n", "", text, flags=re.M), "utf-8")
    return root


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_report_of_sheets_without_updated_is_dated_by_their_last_commit(tmp_path: Path) -> None:
    """Sheets need no ``updated``: committed, they are dated by Git, and so is the cover of a
    report that holds only sheets (its « Publié le »), as the pages are."""
    from generator.reports.build import _Composer

    from .test_document_pages import git

    root = _without_updated(example_site(tmp_path / "repo"))
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "un", date="2023-02-03T10:00:00+00:00")
    catalogue, bodies, assets = load(root)
    composer = _Composer(catalogue, bodies, assets, root / "theme")
    sheets = list(catalogue.projects.values())
    assert sheets and all(s.meta.updated is None for s in sheets)
    assert {composer.modified(s) for s in sheets} == {"2023-02-03"}
    theme = next(t for t in catalogue.themes if t in catalogue.by_theme)
    cover = composer.theme(theme)[0].html
    assert "<dt>Publié le</dt><dd>3 février 2023</dd>" in cover


def test_a_report_of_uncommitted_sheets_without_updated_has_no_invented_date(
    tmp_path: Path,
) -> None:
    """Without Git and without ``updated`` there is no date to print: none is made up (the
    build time would make every build differ)."""
    from generator.reports.build import _Composer

    root = _without_updated(example_site(tmp_path / "repo"))
    catalogue, bodies, assets = load(root)
    composer = _Composer(catalogue, bodies, assets, root / "theme")
    assert {composer.modified(s) for s in catalogue.projects.values()} == {""}
