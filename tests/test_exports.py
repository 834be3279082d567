"""Open data exports: catalogue.json, the CSV of sheets, the Atom feed and JSON-LD."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from generator import exports, linked_data
from generator.catalogue import Catalogue
from generator.loader import load_catalogue
from generator.settings import load_settings

from .conftest import ROOT

ATOM = "{http://www.w3.org/2005/Atom}"
SITE_URL = "https://example.org/savoirs/"
EVIL = "</script><script>alert(1)</script>"


def _load(root: Path) -> Catalogue:
    result = load_catalogue(load_settings(root))
    assert [d.as_text() for d in result.errors] == []
    assert result.catalogue is not None
    return result.catalogue


@pytest.fixture
def catalogue() -> Catalogue:
    return _load(ROOT)


def _front_matter_keys(path: Path) -> set[str]:
    """Top-level keys of a Markdown file's front matter, read independently of the loader."""
    front = path.read_text(encoding="utf-8-sig").split("---\n")[1]
    data = yaml.safe_load(front)
    assert isinstance(data, dict)
    return {str(key) for key in data}


def _set_front_matter(path: Path, key: str, value: str) -> None:
    """Replace one top-level scalar of a Markdown file's front matter."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for index, line in enumerate(lines):
        if line.startswith(f"{key}:"):
            lines[index] = f"{key}: {json.dumps(value, ensure_ascii=False)}\n"
            break
    else:
        raise AssertionError(f"{key} not found in {path}")
    path.write_text("".join(lines), encoding="utf-8")


# --- catalogue.json -------------------------------------------------------------------


def test_catalogue_json_has_every_document_and_field(catalogue: Catalogue) -> None:
    data = json.loads(exports.catalogue_json(catalogue))
    for key in ("projects", "writeups", "organisations", "programmes", "themes"):
        assert isinstance(data[key], list)
    projects = {p["slug"]: p for p in data["projects"]}
    writeups = {w["slug"]: w for w in data["writeups"]}
    assert set(projects) == {p.stem for p in (ROOT / "projects").glob("*.md")}
    assert set(writeups) == {p.stem for p in (ROOT / "content" / "comptes-rendus").glob("*.md")}
    project_fields = set(exports.CSV_COLUMNS) - {"period_start", "period_end"}
    project_fields |= {"period", "image", "links"}
    for slug, entry in projects.items():
        assert project_fields <= set(entry)
        assert _front_matter_keys(ROOT / "projects" / f"{slug}.md") <= set(entry)
        assert entry["url"] == f"projets/{slug}/"
        assert entry["pdf"] == catalogue.projects[slug].pdf
        assert entry["pdf"].startswith(entry["url"]) and entry["pdf"].endswith(".pdf")
        assert entry["licence"] == catalogue.projects[slug].licence.id
        assert set(entry["period"]) == {"start", "end"}
    for slug, entry in writeups.items():
        assert _front_matter_keys(ROOT / "content" / "comptes-rendus" / f"{slug}.md") <= set(entry)
        assert entry["url"] == f"comptes-rendus/{slug}/"
        assert entry["pdf"] == catalogue.writeups[slug].pdf


def test_catalogue_json_values(catalogue: Catalogue) -> None:
    data = json.loads(exports.catalogue_json(catalogue))
    projects = {p["slug"]: p for p in data["projects"]}
    sheet = projects["femmes-poisson-seche-senegal"]
    assert sheet["lead"] == "cfdt"
    assert sheet["partners"] == ["essentiel", "unsas"]
    assert sheet["countries"] == ["SN"]
    assert sheet["period"] == {"start": 2019, "end": 2021}
    assert sheet["cited_by"] == ["caac-cooperer-autrement"]
    assert sheet["inspiring_effective"] is True
    assert sheet["image"] is None  # optional fields are present, as null
    assert projects["exemple-jardins-nantes-porto-novo"]["updated"] == "2026-01-15"
    kindia = projects["jeunes-ruraux-kindia-guinee"]
    assert kindia["image"]["src"] == "images/kindia-jeunes.svg"
    writeup = data["writeups"][0]
    assert writeup["date"] == "2022-03-18"
    assert writeup["authors"] == [{"name": "Luc Hansen", "organisation": "fonda"}]
    assert writeup["examples"] == ["femmes-poisson-seche-senegal", "jeunes-ruraux-kindia-guinee"]
    assert writeup["report"] is None
    assert data["licence"]["id"] == "CC-BY-NC-SA-3.0-FR"
    assert {o["id"] for o in data["organisations"]} >= {"cfdt", "cfsi", "fonda"}
    assert [t["id"] for t in data["themes"]] == list(catalogue.themes)


def test_catalogue_json_is_deterministic(example_repo: Path) -> None:
    first = exports.catalogue_json(_load(example_repo))
    second = exports.catalogue_json(_load(example_repo))
    assert first == second
    assert first.endswith(b"}\n")
    assert "Sénégal".encode() in first  # not \u-escaped


# --- CSV ------------------------------------------------------------------------------


def _csv_rows(data: bytes) -> list[dict[str, str]]:
    assert not data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def test_projects_csv_parses_back(catalogue: Catalogue) -> None:
    data = exports.projects_csv(catalogue)
    assert data == exports.projects_csv(catalogue)
    header = next(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    assert tuple(header) == exports.CSV_COLUMNS
    rows = _csv_rows(data)
    assert len(rows) == len(catalogue.projects)
    row = {r["slug"]: r for r in rows}["femmes-poisson-seche-senegal"]
    assert row["partners"] == "essentiel; unsas"
    assert row["places"] == "Yenne; Mbao"
    assert row["period_start"] == "2019" and row["period_end"] == "2021"
    assert row["inspiring"] == "true"
    assert row["url"] == "projets/femmes-poisson-seche-senegal/"
    assert row["title"] == catalogue.projects["femmes-poisson-seche-senegal"].title


def test_projects_csv_guards_against_formulas(example_repo: Path) -> None:
    sheet = example_repo / "projects" / "femmes-poisson-seche-senegal.md"
    _set_front_matter(sheet, "title", '=HYPERLINK("http://evil.example","clic")')
    _set_front_matter(sheet, "summary", '@SUM(1+1), "quoted", and a\nnew line')
    rows = {r["slug"]: r for r in _csv_rows(exports.projects_csv(_load(example_repo)))}
    row = rows["femmes-poisson-seche-senegal"]
    assert row["title"] == '\'=HYPERLINK("http://evil.example","clic")'
    assert row["summary"].startswith('\'@SUM(1+1), "quoted"')
    assert len(rows) == 5


# --- Atom feed ------------------------------------------------------------------------


def test_feed_parses_and_lists_the_writeup(catalogue: Catalogue) -> None:
    data = exports.writeups_feed(catalogue, SITE_URL)
    assert data == exports.writeups_feed(catalogue, SITE_URL)
    root = ET.fromstring(data)
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == len(catalogue.writeups)
    entry = entries[0]
    writeup = catalogue.writeups["caac-cooperer-autrement"]
    assert entry.findtext(f"{ATOM}title") == writeup.title
    assert entry.findtext(f"{ATOM}updated") == "2022-03-18T00:00:00Z"
    assert root.findtext(f"{ATOM}updated") == "2022-03-18T00:00:00Z"
    links = {link.get("rel"): link.get("href") for link in entry.findall(f"{ATOM}link")}
    assert links["alternate"] == SITE_URL + "comptes-rendus/caac-cooperer-autrement/"
    assert entry.findtext(f"{ATOM}id") == links["alternate"]
    assert entry.findtext(f"{ATOM}summary") == writeup.meta.summary
    assert entry.findtext(f"{ATOM}author/{ATOM}name", "").startswith("Luc Hansen")
    assert entry.findtext(f"{ATOM}rights") == writeup.licence.name


def test_feed_without_site_url_uses_relative_links(catalogue: Catalogue) -> None:
    root = ET.fromstring(exports.writeups_feed(catalogue, ""))
    entry = root.findall(f"{ATOM}entry")[0]
    hrefs = [link.get("href") or "" for link in entry.findall(f"{ATOM}link")]
    assert "comptes-rendus/caac-cooperer-autrement/" in hrefs
    assert entry.findtext(f"{ATOM}id", "").startswith("urn:uuid:")


def test_feed_escapes_untrusted_text(example_repo: Path) -> None:
    path = example_repo / "content" / "comptes-rendus" / "caac-cooperer-autrement.md"
    _set_front_matter(path, "title", f"A & B {EVIL} ]]>")
    data = exports.writeups_feed(_load(example_repo), "")
    assert b"<script>" not in data
    entry = ET.fromstring(data).findall(f"{ATOM}entry")[0]
    assert entry.findtext(f"{ATOM}title") == f"A & B {EVIL} ]]>"


# --- JSON-LD --------------------------------------------------------------------------


def test_json_ld_for_sheet(catalogue: Catalogue) -> None:
    project = catalogue.projects["femmes-poisson-seche-senegal"]
    data = json.loads(linked_data.json_ld(project, catalogue, SITE_URL))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "CreativeWork"
    assert data["name"] == project.title
    assert data["description"] == project.meta.summary
    assert data["license"] == project.licence.url
    assert data["inLanguage"] == "fr"
    assert data["author"]["@type"] == "Organization"
    assert len(data["contributor"]) == 2
    assert data["isPartOf"]["name"] == catalogue.programmes["caac"].name
    assert data["url"] == SITE_URL + "projets/femmes-poisson-seche-senegal/"
    assert {"@type": "Country", "name": "Sénégal", "identifier": "SN"} in data["spatialCoverage"]


def test_json_ld_for_writeup(catalogue: Catalogue) -> None:
    writeup = catalogue.writeups["caac-cooperer-autrement"]
    data = json.loads(linked_data.json_ld(writeup, catalogue, ""))
    assert data["@type"] == "Report"
    assert data["datePublished"] == "2022-03-18"
    assert data["author"][0]["@type"] == "Person"
    assert data["author"][0]["name"] == "Luc Hansen"
    assert data["author"][0]["affiliation"]["@type"] == "Organization"
    assert data["contributor"][0]["name"] == "Astrid Frey"
    assert data["license"] == writeup.licence.url
    assert "url" not in data  # no site URL: no relative IRI that would resolve wrongly


def test_json_ld_cannot_close_the_script_element(example_repo: Path) -> None:
    _set_front_matter(
        example_repo / "projects" / "femmes-poisson-seche-senegal.md",
        "title",
        f"Poisson {EVIL} & <!-- co",
    )
    _set_front_matter(
        example_repo / "content" / "comptes-rendus" / "caac-cooperer-autrement.md",
        "summary",
        f"Résumé {EVIL}",
    )
    catalogue = _load(example_repo)
    for doc in (
        catalogue.projects["femmes-poisson-seche-senegal"],
        catalogue.writeups["caac-cooperer-autrement"],
    ):
        text = linked_data.json_ld(doc, catalogue, SITE_URL)
        assert "</script" not in text.lower()
        assert "<" not in text and ">" not in text and "&" not in text
        data = json.loads(text)
        assert data["name"] == doc.title
        assert data["description"] == doc.meta.summary
    project = catalogue.projects["femmes-poisson-seche-senegal"]
    assert json.loads(linked_data.json_ld(project, catalogue, ""))["name"].startswith(
        f"Poisson {EVIL}"
    )


def test_export_files_paths(catalogue: Catalogue) -> None:
    files = exports.export_files(catalogue, SITE_URL)
    assert set(files) == {"data/catalogue.json", "data/fiches-projet.csv", "feed.xml"}


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_start_is_neutralised(start: str) -> None:
    assert exports._safe_cell(f"{start}1+1") == f"'{start}1+1"
    assert exports._safe_cell(f"a{start}") == f"a{start}"


def test_feed_without_writeups_is_still_valid(example_repo: Path) -> None:
    for path in (example_repo / "content" / "comptes-rendus").glob("*.md"):
        path.unlink()
    catalogue = _load(example_repo)
    root = ET.fromstring(exports.writeups_feed(catalogue, SITE_URL))
    assert root.findall(f"{ATOM}entry") == []
    assert root.findtext(f"{ATOM}updated") == "1970-01-01T00:00:00Z"
    data = json.loads(exports.catalogue_json(catalogue))
    assert data["writeups"] == []
    assert all(p["cited_by"] == [] for p in data["projects"])
