"""A valid corpus plus one mistake per file: each is found, at its file, line and field.

The base corpus (``tests/fixtures/corpus-mistakes/base``) is small and frozen, so that line
numbers below are stable. Each mistake becomes its own file, a copy of the base sheet or
write-up with one change; one ``check`` run must report exactly one error per such file.
"""

# ruff: noqa: E501  (one mistake per line reads best in the table below)

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostic

from .helpers import diagnostics, run_cli

BASE = Path(__file__).parent / "fixtures" / "corpus-mistakes" / "base"
SHEET = "projects/puits.md"
WRITEUP = "content/comptes-rendus/atelier.md"

# (file slug, copy of, text replaced, replacement, expected line, expected field)
# fmt: off
MISTAKES: list[tuple[str, str, str, str, int, str]] = [
    ("m-title-missing", SHEET, 'title: "Des puits partagés"\n', "", 2, "title"),
    ("m-title-short", SHEET, 'title: "Des puits partagés"', 'title: "P"', 2, "title"),
    ("m-title-number", SHEET, 'title: "Des puits partagés"', "title: 2022", 2, "title"),
    ("m-title-colon", SHEET, 'title: "Des puits partagés"', "title: Puits : bilan: 2020", 2, "title"),
    ("m-title-unclosed-quote", SHEET, 'title: "Des puits partagés"', 'title: "Des puits partagés', 2, "title"),
    ("m-summary-long", SHEET, 'summary: "Deux', 'summary: "' + "x" * 400 + "Deux", 3, "summary"),
    ("m-programme-unknown", SHEET, "programme: prog", "programme: progr", 4, "programme"),
    ("m-lead-unknown", SHEET, "lead: asso-nord", "lead: asso-nordd", 5, "lead"),
    ("m-lead-is-partner", SHEET, "  - asso-sud\n", "  - asso-sud\n  - asso-nord\n", 8, "partners[2]"),
    ("m-partner-twice", SHEET, "  - asso-sud\n", "  - asso-sud\n  - asso-sud\n", 8, "partners[2]"),
    ("m-country-lower", SHEET, '  - "SN"', "  - sn", 9, "countries[1]"),
    ("m-country-name", SHEET, '  - "SN"', "  - Sénégal", 9, "countries[1]"),
    ("m-country-norway", SHEET, '  - "SN"', "  - NO", 9, "countries[1]"),
    ("m-countries-empty", SHEET, 'countries:\n  - "SN"', "countries: []", 8, "countries"),
    ("m-countries-pays", SHEET, "countries:", "pays:", 8, "pays"),
    ("m-countries-typo", SHEET, "countries:", "countires:", 8, "countires"),
    ("m-theme-unknown", SHEET, "  - eau", "  - eaux", 13, "themes[1]"),
    ("m-period-order", SHEET, "  end: 2020", "  end: 2017", 16, "period.end"),
    ("m-period-year-text", SHEET, "  start: 2018", "  start: deux-mille", 15, "period.start"),
    ("m-period-tab", SHEET, "  start: 2018", "\tstart: 2018", 15, "period.start"),
    ("m-period-duplicate-key", SHEET, "  end: 2020", "  end: 2020\n  end: 2021", 17, "period.end"),
    ("m-status-french", SHEET, "status: completed", "status: terminé", 17, "status"),
    ("m-inspiring-text", SHEET, "status: completed", 'status: completed\ninspiring: "oui"', 18, "inspiring"),
    ("m-updated-invalid", SHEET, "status: completed", "status: completed\nupdated: 2022-02-30", 18, "updated"),
    ("m-updated-datetime", SHEET, "status: completed", "status: completed\nupdated: 2022-02-03 08:00", 18, "updated"),
    ("m-image-missing", SHEET, "src: images/puits.svg", "src: images/puit.svg", 19, "image.src"),
    ("m-image-outside", SHEET, "src: images/puits.svg", "src: ../../../puits.svg", 19, "image.src"),
    ("m-image-absolute", SHEET, "src: images/puits.svg", "src: /srv/puits.svg", 19, "image.src"),
    ("m-image-extension", SHEET, "src: images/puits.svg", "src: images/puits.txt", 19, "image.src"),
    ("m-image-no-alt", SHEET, '  alt: "Un puits"\n', "", 18, "image.alt"),
    ("m-link-javascript", SHEET, 'url: "https://nord.example.org/puits"', 'url: "javascript:alert(1)"', 24, "links[1].url"),
    ("m-link-no-scheme", SHEET, 'url: "https://nord.example.org/puits"', "url: nord.example.org/puits", 24, "links[1].url"),
    ("m-link-unknown-key", SHEET, '    url: "https://nord.example.org/puits"', '    url: "https://nord.example.org/puits"\n    titre: x', 25, "links[1].titre"),
    ("m-licence-unknown", SHEET, "status: completed", "status: completed\nlicence: CC-ZZ", 18, "licence"),
    ("m-anchor-alias", SHEET, "lead: asso-nord", "lead: &l asso-nord\nx: *l", 6, "x"),
    ("m-writeup-date-invalid", WRITEUP, "date: 2022-03-18", "date: 2022-02-30", 4, "date"),
    ("m-writeup-date-french", WRITEUP, "date: 2022-03-18", "date: 18/03/2022", 4, "date"),
    ("m-writeup-date-missing", WRITEUP, "date: 2022-03-18\n", "", 2, "date"),
    ("m-writeup-author-org", WRITEUP, "    organisation: reseau", "    organisation: reseaux", 8, "authors[1].organisation"),
    ("m-writeup-author-no-name", WRITEUP, '  - name: "Ana Lopes"\n    organisation', "  - organisation", 7, "authors[1].name"),
    ("m-writeup-auteurs", WRITEUP, "authors:", "auteurs:", 6, "auteurs"),
    ("m-writeup-example-missing", WRITEUP, "  - puits", "  - puit", 12, "examples[1]"),
    ("m-writeup-practice-number", WRITEUP, '  - "Entretenir ensemble."', "  - 2022", 14, "good_practices[1]"),
    ("m-writeup-bib-year", WRITEUP, "    year: 2020", "    year: vingt", 18, "bibliography[1].year"),
    ("m-writeup-bib-no-title", WRITEUP, '    title: "Guide des puits"\n', "", 16, "bibliography[1].title"),
    ("m-writeup-report-missing", WRITEUP, "programme: prog", "programme: prog\nreport: rapport.pdf", 6, "report"),
    ("m-writeup-report-escape", WRITEUP, "programme: prog", "programme: prog\nreport: ../../../../etc/r.pdf", 6, "report"),
    ("m-writeup-themes-scalar", WRITEUP, "themes:\n  - eau", "themes: eau", 9, "themes"),
]
# fmt: on

MISTAKE_FILES = {name: f"{Path(base).parent.as_posix()}/{name}.md" for name, base, *_ in MISTAKES}


def build_corpus(root: Path) -> Path:
    shutil.copytree(BASE, root, dirs_exist_ok=True)
    for name, base, old, new, _line, _field in MISTAKES:
        text = (BASE / base).read_text(encoding="utf-8")
        assert old in text, (name, old)
        (root / MISTAKE_FILES[name]).write_text(text.replace(old, new, 1), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def found(corpus: Path) -> dict[str, list[Diagnostic]]:
    by_file: dict[str, list[Diagnostic]] = {}
    for diagnostic in diagnostics(corpus):
        by_file.setdefault(diagnostic.path, []).append(diagnostic)
    return by_file


def test_base_corpus_is_clean() -> None:
    assert diagnostics(BASE) == []


@pytest.mark.parametrize(
    ("name", "line", "field"), [pytest.param(m[0], m[4], m[5], id=m[0]) for m in MISTAKES]
)
def test_each_mistake_is_found_at_its_place(
    found: dict[str, list[Diagnostic]], name: str, line: int, field: str
) -> None:
    rel = MISTAKE_FILES[name]
    errors = [d for d in found.get(rel, []) if d.is_error]
    assert [(d.line, d.field) for d in errors] == [(line, field)], [d.as_text() for d in errors]
    assert errors[0].message


def test_no_error_outside_the_mistaken_files(found: dict[str, list[Diagnostic]]) -> None:
    assert set(found) <= set(MISTAKE_FILES.values())


def test_check_exits_1_with_every_mistake_and_no_traceback(corpus: Path) -> None:
    done = run_cli("check", "--root", str(corpus))
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == len(MISTAKES)
    for name, _base, _old, _new, line, field in MISTAKES:
        assert any(text.startswith(f"{MISTAKE_FILES[name]}:{line}: {field}: ") for text in lines), (
            name
        )
    assert done.stderr.strip() == f"{len(MISTAKES)} error(s), 0 warning(s)"


def test_check_format_github(corpus: Path) -> None:
    done = run_cli("check", "--root", str(corpus), "--format", "github")
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert len(lines) == len(MISTAKES)
    name, _base, _old, _new, line, field = MISTAKES[0]
    expected = f"::error file={MISTAKE_FILES[name]},line={line},title={field}::"
    assert any(text.startswith(expected) for text in lines), lines
    assert all(text.startswith("::error file=") for text in lines)


def test_check_format_json(corpus: Path) -> None:
    done = run_cli("check", "--root", str(corpus), "--format", "json")
    assert done.returncode == 1
    items = json.loads(done.stdout)
    assert len(items) == len(MISTAKES)
    assert {(i["path"], i["line"], i["field"]) for i in items} == {
        (MISTAKE_FILES[m[0]], m[4], m[5]) for m in MISTAKES
    }
    assert all(i["severity"] == "error" and i["message"] for i in items)


def test_clean_corpus_exits_0(tmp_path: Path) -> None:
    shutil.copytree(BASE, tmp_path, dirs_exist_ok=True)
    for fmt, out in (("text", ""), ("json", "[]\n"), ("github", "")):
        done = run_cli("check", "--root", str(tmp_path), "--format", fmt)
        assert (done.returncode, done.stdout) == (0, out), done.stderr


def test_warning_does_not_fail_unless_strict(tmp_path: Path) -> None:
    shutil.copytree(BASE, tmp_path, dirs_exist_ok=True)
    sheet = tmp_path / SHEET
    sheet.write_text(sheet.read_text().replace('  credit: "Dessin : l’équipe"\n', ""))
    done = run_cli("check", "--root", str(tmp_path))
    assert done.returncode == 0
    assert done.stdout == (
        f"{SHEET}:18: warning: image.credit: the image has no credit "
        "(add `credit: …` naming the author or source of the image) [image-sans-credit]\n"
    )
    assert run_cli("check", "--root", str(tmp_path), "--strict").returncode == 1
    github = run_cli("check", "--root", str(tmp_path), "--format", "github").stdout
    assert github.startswith(f"::warning file={SHEET},line=18,title=image.credit::")


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["frobnicate"],
        ["check", "--format", "xml"],
        ["check", "--bogus"],
        ["check", "--root", "/nonexistent/folder"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    done = run_cli(*args)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stdout == ""


def test_broken_mkdocs_yml_is_a_diagnostic_not_a_traceback(tmp_path: Path) -> None:
    shutil.copytree(BASE, tmp_path, dirs_exist_ok=True)
    (tmp_path / "mkdocs.yml").write_text("site_name: Essai\nnav: [\n", encoding="utf-8")
    done = run_cli("check", "--root", str(tmp_path))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stdout.startswith("mkdocs.yml:2: nav: YAML syntax error")
