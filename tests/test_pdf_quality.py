"""Quality gates for the PDFs of the built site, judged by outside tools.

Both the example site and the fixture site (tests/fixtures/site-corpus) are built once for
this module, with PDFs, into a temporary copy (so the repository's .cache/pdf is left alone).
Every PDF of each site must pass:

- ``qpdf --check``: exit status 0 and no warning;
- ``pdfinfo`` (poppler-utils): ``Tagged: yes`` and a Title equal to the document's title (its
  link text on the downloads page, and the heading of the page it belongs to);
- ``pdffonts``: every font embedded;
- pikepdf: a StructTreeRoot, MarkInfo/Marked true and ``/Lang`` French (``fr`` or ``fr-FR``).

Every PDF listed on the downloads page (telechargements/) exists, and every built PDF is
listed there. Without qpdf or poppler-utils the tests that need them are skipped with the
reason, unless ``PK_QUALITY_REQUIRED=1`` (set in CI), where a missing tool is a failure.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pikepdf
import pytest

from generator import urls

from .conftest import ROOT
from .optional_tools import need_program

FIXTURE_CORPUS = ROOT / "tests" / "fixtures" / "site-corpus"
FRENCH = ("fr", "fr-fr")
TOOLS = {"qpdf": "qpdf", "pdfinfo": "poppler-utils", "pdffonts": "poppler-utils"}


def _need(tool: str) -> str:
    return need_program(tool, TOOLS[tool], "the PDFs cannot be checked with it")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(args),
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        check=False,
        timeout=60,
    )


def _plain(text: str) -> str:
    """Whitespace (non-breaking spaces included) collapsed to one space, ends trimmed."""
    return re.sub(r"[\s\u00a0\u202f]+", " ", text).strip()


# --------------------------------------------------------------------------- sites


@dataclass
class PdfSite:
    name: str
    root: Path  # the built site
    error: str = ""  # why the site could not be built
    pdfs: list[str] = field(default_factory=list)  # site paths, "projets/x/fiche-x.pdf"
    listed: dict[str, str] = field(default_factory=dict)  # downloads page: path -> link text

    def label(self, path: str) -> str:
        return f"{self.name} site: {path}"


class _Downloads(HTMLParser):
    """The PDF links of a page and their text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []  # (href, text)
        self._href: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href and urlsplit(href).path.lower().endswith(".pdf"):
            self._href, self._text = href, ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.links.append((self._href, _plain(self._text)))
            self._href = None

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text += data


class _Heading(HTMLParser):
    """The text of the page's first <h1>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: str | None = None
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "h1" and self.text is None:
            self._inside, self.text = True, ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1":
            self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside and self.text is not None:
            self.text += data


def _listed_pdfs(site_dir: Path) -> dict[str, str]:
    """PDF links of the downloads page, as site paths, with their link text."""
    page = site_dir / urls.DOWNLOADS / "index.html"
    parser = _Downloads()
    parser.feed(page.read_text(encoding="utf-8"))
    base = f"http://site.invalid/{urls.DOWNLOADS}"
    listed: dict[str, str] = {}
    for href, text in parser.links:
        target = urlsplit(urljoin(base, href))
        assert target.netloc == "site.invalid", f"{urls.DOWNLOADS}: PDF link {href} leaves the site"
        # the first link names the document (the report's title); its button follows
        listed.setdefault(unquote(target.path).lstrip("/"), text)
    return listed


def _page_heading(site_dir: Path, pdf: str) -> str | None:
    """The <h1> of the page a document PDF sits beside (not the downloads page)."""
    folder = Path(pdf).parent.as_posix() + "/"
    page = site_dir / folder / "index.html"
    if folder == urls.DOWNLOADS or not page.is_file():
        return None
    parser = _Heading()
    parser.feed(page.read_text(encoding="utf-8"))
    return _plain(parser.text) if parser.text is not None else None


def _start_build(root: Path, site_dir: Path) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k != "PROGRAMME_PDF"}  # PDFs always on
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator",
            "build",
            "--root",
            str(root),
            "--site-dir",
            str(site_dir),
        ],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _source_copy(corpus: Path, target: Path) -> Path:
    """A copy of a corpus (content/, projects/) with the repository's mkdocs.yml and theme,
    so that its .cache/pdf is fresh and private to this module."""
    for name in ("content", "projects"):
        shutil.copytree(corpus / name, target / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    (target / "theme").symlink_to(ROOT / "theme", target_is_directory=True)
    return target


@pytest.fixture(scope="module")
def pdf_sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, PdfSite]]:
    """The example site and the fixture site, built with PDFs (both at once)."""
    base = tmp_path_factory.mktemp("pdf-quality")
    corpora = {"example": ROOT}
    if FIXTURE_CORPUS.is_dir():
        corpora["fixture"] = FIXTURE_CORPUS
    running: dict[str, tuple[PdfSite, subprocess.Popen[str]]] = {}
    for name, corpus in corpora.items():
        source = _source_copy(corpus, base / f"{name}-source")
        site = PdfSite(name, base / f"{name}-site")
        running[name] = (site, _start_build(source, site.root))
    built: dict[str, PdfSite] = {}
    for name, (site, process) in running.items():
        try:
            output, _ = process.communicate(timeout=300)
        except subprocess.TimeoutExpired:
            process.kill()
            output, _ = process.communicate()
            site.error = f"build of the {name} site timed out:\n{output}"
        else:
            if process.returncode != 0:
                site.error = f"build of the {name} site failed:\n{output}"
        if not site.error:
            site.pdfs = sorted(
                p.relative_to(site.root).as_posix() for p in site.root.rglob("*.pdf")
            )
            site.listed = _listed_pdfs(site.root)
        built[name] = site
    yield built


@pytest.fixture(params=["example", "fixture"])
def site(request: pytest.FixtureRequest, pdf_sites: dict[str, PdfSite]) -> PdfSite:
    found = pdf_sites.get(request.param)
    if found is None:
        pytest.skip(f"no {request.param} site (tests/fixtures/site-corpus is absent)")
    if found.error:
        pytest.fail(found.error, pytrace=False)
    assert found.pdfs, f"{found.name} site: no PDF was built"
    return found


def _report(problems: list[str], what: str) -> None:
    assert not problems, f"{len(problems)} PDF(s) {what}:\n" + "\n".join(problems)


# --------------------------------------------------------------------------- downloads page


def test_every_listed_pdf_exists_and_every_pdf_is_listed(site: PdfSite) -> None:
    assert site.listed, f"{site.name} site: the downloads page lists no PDF"
    missing = [site.label(path) for path in site.listed if not (site.root / path).is_file()]
    assert not missing, f"listed on {urls.DOWNLOADS} but not built:\n" + "\n".join(missing)
    unlisted = [site.label(path) for path in site.pdfs if path not in site.listed]
    assert not unlisted, f"built but not listed on {urls.DOWNLOADS}:\n" + "\n".join(unlisted)


# --------------------------------------------------------------------------- outside tools


def test_qpdf_check_is_clean(site: PdfSite) -> None:
    qpdf = _need("qpdf")
    problems = []
    for path in site.pdfs:
        done = _run(qpdf, "--check", str(site.root / path))
        output = (done.stdout + done.stderr).strip()
        if done.returncode != 0 or re.search(r"warning|error:", output, re.IGNORECASE):
            problems.append(
                f"{site.label(path)}: qpdf --check exit {done.returncode}\n"
                f"    {output.replace(chr(10), chr(10) + '    ')}"
            )
    _report(problems, "fail qpdf --check")


def _pdfinfo(pdfinfo: str, file: Path) -> dict[str, str]:
    done = _run(pdfinfo, "-enc", "UTF-8", str(file))
    assert done.returncode == 0, f"pdfinfo {file}: exit {done.returncode}: {done.stderr}"
    info: dict[str, str] = {}
    for line in done.stdout.splitlines():
        key, colon, value = line.partition(":")
        if colon and key and key not in info:
            info[key.strip()] = value.strip()
    return info


def test_pdfinfo_tagged_with_the_document_title(site: PdfSite) -> None:
    pdfinfo = _need("pdfinfo")
    problems = []
    for path in site.pdfs:
        info = _pdfinfo(pdfinfo, site.root / path)
        if info.get("Tagged") != "yes":
            problems.append(f"{site.label(path)}: pdfinfo Tagged: {info.get('Tagged')!r}")
        title = _plain(info.get("Title", ""))
        expected = {t for t in (site.listed.get(path), _page_heading(site.root, path)) if t}
        if not title:
            problems.append(f"{site.label(path)}: no Title")
        elif not expected:
            problems.append(
                f"{site.label(path)}: no document title to compare with (not "
                f"listed on {urls.DOWNLOADS} and no page beside it)"
            )
        elif expected != {title}:
            problems.append(
                f"{site.label(path)}: Title {title!r}, document title "
                f"{' / '.join(sorted(expected))!r}"
            )
    _report(problems, "without tags or the document's title")


def _fonts(pdffonts: str, file: Path) -> list[dict[str, str]]:
    """The rows of ``pdffonts``, cut along its dashed header line."""
    done = _run(pdffonts, str(file))
    assert done.returncode == 0, f"pdffonts {file}: exit {done.returncode}: {done.stderr}"
    lines = done.stdout.splitlines()
    assert len(lines) >= 2 and set(lines[1]) <= {"-", " "}, f"pdffonts {file}:\n{done.stdout}"
    spans = [m.span() for m in re.finditer(r"-+", lines[1])]
    names = [lines[0][start:end].strip() for start, end in spans]
    rows = []
    for line in lines[2:]:
        cells = [
            line[start : end if n < len(spans) - 1 else None].strip()
            for n, (start, end) in enumerate(spans)
        ]
        rows.append(dict(zip(names, cells, strict=True)))
    return rows


def test_pdffonts_every_font_embedded(site: PdfSite) -> None:
    pdffonts = _need("pdffonts")
    problems = []
    for path in site.pdfs:
        rows = _fonts(pdffonts, site.root / path)
        if not rows:
            problems.append(f"{site.label(path)}: pdffonts lists no font")
        for row in rows:
            if row.get("emb") != "yes":
                problems.append(
                    f"{site.label(path)}: font {row.get('name')!r} "
                    f"({row.get('type')}) is not embedded"
                )
    _report(problems, "with fonts not embedded")


# --------------------------------------------------------------------------- structure


def test_structure_tree_marked_and_french(site: PdfSite) -> None:
    problems = []
    for path in site.pdfs:
        with pikepdf.open(site.root / path) as pdf:
            root = pdf.Root
            if "/StructTreeRoot" not in root:
                problems.append(f"{site.label(path)}: no /StructTreeRoot")
            mark_info = root.get("/MarkInfo")
            if not isinstance(mark_info, pikepdf.Dictionary) or not bool(
                mark_info.get("/Marked", False)
            ):
                problems.append(f"{site.label(path)}: /MarkInfo /Marked is not true")
            lang = str(root.get("/Lang", ""))
            if lang.lower() not in FRENCH:
                problems.append(f"{site.label(path)}: /Lang is {lang!r}, not fr or fr-FR")
    _report(problems, "without structure, marking or French language")


def test_pdf_a3a_and_pdf_ua1_claims_hold_where_tools_here_can_tell(site: PdfSite) -> None:
    """What veraPDF would look at first, checked with pikepdf (veraPDF is not installable
    here: its Maven artifacts are out of reach; see the README's « Reports » section)."""
    problems = []
    for path in site.pdfs:
        label = site.label(path)
        with pikepdf.open(site.root / path) as pdf:
            if not str(pdf.docinfo.get("/Producer", "")).startswith("WeasyPrint"):
                continue  # a write-up's own attached report, published as it is
            with pdf.open_metadata() as xmp:
                claims = {
                    key: str(xmp.get(key, ""))
                    for key in ("pdfaid:part", "pdfaid:conformance", "pdfuaid:part", "dc:title")
                }
            if (claims["pdfaid:part"], claims["pdfaid:conformance"]) != ("3", "A"):
                problems.append(f"{label}: XMP does not claim PDF/A-3a: {claims}")
            if claims["pdfuaid:part"] != "1":
                problems.append(f"{label}: XMP does not claim PDF/UA-1: {claims}")
            if _plain(claims["dc:title"]) != _plain(str(pdf.docinfo.get("/Title", ""))):
                problems.append(f"{label}: XMP title and document title differ")
            if pdf.is_encrypted or "/ID" not in pdf.trailer:
                problems.append(f"{label}: encrypted, or no file identifier")
            intents = pdf.Root.get("/OutputIntents", [])
            if not any(
                str(i.get("/S")) == "/GTS_PDFA1" and "/DestOutputProfile" in i for i in intents
            ):
                problems.append(f"{label}: no PDF/A output intent with an ICC profile")
            preferences = pdf.Root.get("/ViewerPreferences", {})
            if not bool(preferences.get("/DisplayDocTitle", False)):
                problems.append(f"{label}: the viewer is not told to show the title")
            if "/JavaScript" in pdf.Root.get("/Names", {}) or "/AA" in pdf.Root:
                problems.append(f"{label}: scripts or automatic actions")
            for number, page in enumerate(pdf.pages, start=1):
                for annotation in page.get("/Annots", []):
                    if not int(annotation.get("/F", 0)) & 4:
                        problems.append(f"{label} page {number}: an annotation is not printed")
                    if str(annotation.get("/Subtype")) == "/Link" and (
                        "/StructParent" not in annotation
                    ):
                        problems.append(f"{label} page {number}: a link outside the tags")
    _report(problems, "that break what PDF/A-3a or PDF/UA-1 require")


# --------------------------------------------------------------------------- programme reports


def _reports(site: PdfSite) -> list[str]:
    found = [p for p in site.pdfs if p.startswith(urls.DOWNLOADS) and "/rapport-" in "/" + p]
    assert found, f"{site.name} site: no programme report"
    return found


def _outline(path: Path) -> list[tuple[int, str]]:
    """The bookmarks as (depth, title), in order."""
    entries: list[tuple[int, str]] = []
    with pikepdf.open(path) as pdf, pdf.open_outline() as outline:

        def walk(items: list[pikepdf.OutlineItem], depth: int) -> None:
            for item in items:
                entries.append((depth, _plain(item.title)))
                walk(item.children, depth + 1)

        walk(outline.root, 0)
    return entries


def test_report_bookmarks_follow_part_document_section(site: PdfSite) -> None:
    """Parts at the top, each document inside its part, its sections inside it."""
    problems = []
    for path in _reports(site):
        outline = _outline(site.root / path)
        tops = [title for depth, title in outline if depth == 0]
        if "Crédits et licences" not in tops or not {"Comptes-rendus", "Fiches projet"} & set(tops):
            problems.append(f"{site.label(path)}: top-level bookmarks {tops}")
        for (depth, title), (next_depth, _next) in itertools.pairwise(outline):
            if next_depth > depth + 1:
                problems.append(f"{site.label(path)}: a level skipped after {title!r}")
        in_part = False
        for depth, title in outline:
            if depth == 0:
                in_part = title in ("Comptes-rendus", "Fiches projet")
            elif depth == 1 and not in_part and title != "Colophon":
                problems.append(f"{site.label(path)}: {title!r} is not inside a part")
        titles = [title for _depth, title in outline]
        if "Contexte" in titles and (0, "Contexte") in outline:
            problems.append(f"{site.label(path)}: a document's section sits beside the parts")
    _report(problems, "with bookmarks that do not follow the outline")


def _page_text(path: Path, page: int, *crop: str) -> str:
    pdftotext = need_program("pdftotext", "poppler-utils", "the PDF's text cannot be read")
    done = _run(pdftotext, "-layout", "-f", str(page), "-l", str(page), *crop, str(path), "-")
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_report_cover_says_date_period_and_contents(site: PdfSite) -> None:
    problems = []
    for path in _reports(site):
        cover = _plain(_page_text(site.root / path, 1))
        date = re.search(r"Publié le (1er|\d{1,2}) [a-zéû]+ \d{4}", cover)
        period = re.search(r"Période (\d{4})(–\d{4})?", cover)
        if not date or not period or "Contenu" not in cover or "Licence" not in cover:
            problems.append(f"{site.label(path)}: cover {cover[:300]!r}")
        colophon = _plain(_page_text(site.root / path, 2))
        if not colophon.startswith("Colophon") and "Colophon" not in colophon[:200]:
            problems.append(f"{site.label(path)}: page 2 is not the colophon")
    _report(problems, "with a cover that lacks its facts")


def test_report_running_headers_and_contents_on_one_line(site: PdfSite) -> None:
    """The top margin of every page holds one line; each contents entry is one line."""
    problems = []
    for path in _reports(site):
        with pikepdf.open(site.root / path) as pdf:
            pages = len(pdf.pages)
        for page in range(2, pages + 1):
            # the top margin (22 mm = 62 pt) of an A4 page at 72 dpi
            top = _page_text(site.root / path, page, "-x", "0", "-y", "0", "-W", "595", "-H", "55")
            lines = [line for line in top.splitlines() if line.strip()]
            if len(lines) > 1:
                problems.append(f"{site.label(path)} page {page}: header on {len(lines)} lines")
        toc = _page_text(site.root / path, 3)
        if "Sommaire" not in toc:
            continue  # a contents longer than a page starts on page 3 all the same
        entries = [line for line in toc.splitlines()[1:] if line.strip()]
        body = [line for line in entries if line.strip() not in ("Comptes-rendus", "Fiches projet")]
        unnumbered = [line for line in body if not re.search(r"\d+\s*$", line)]
        if unnumbered and not all("Sommaire" in line for line in unnumbered):
            problems.append(f"{site.label(path)}: contents lines without a page: {unnumbered}")
    _report(problems, "with a header or contents entry on two lines")
