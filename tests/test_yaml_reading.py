"""Reading files: encodings, line endings, front matter and the YAML surprises refused."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from generator.read.yamlsource import YamlProblem, guess_field, parse_yaml

from .helpers import ORGANISATIONS, SHEET, WRITEUP, errors, only_error, replace, set_field


def _bytes(root: Path, rel: str) -> bytes:
    return (root / rel).read_bytes()


# --- encodings and line endings ----------------------------------------------------------


@pytest.mark.parametrize("rel", [SHEET, WRITEUP, ORGANISATIONS])
@pytest.mark.parametrize(
    "transform",
    [
        pytest.param(lambda b: b"\xef\xbb\xbf" + b, id="bom"),
        pytest.param(lambda b: b.replace(b"\n", b"\r\n"), id="crlf"),
        pytest.param(lambda b: b"\xef\xbb\xbf" + b.replace(b"\n", b"\r\n"), id="bom-crlf"),
        pytest.param(lambda b: b.replace(b"\n", b"\r"), id="old-mac-cr"),
    ],
)
def test_utf8_bom_and_line_endings_are_accepted(
    example_repo: Path, rel: str, transform: object
) -> None:
    assert callable(transform)
    (example_repo / rel).write_bytes(transform(_bytes(example_repo, rel)))
    assert errors(example_repo) == []


def test_crlf_keeps_line_numbers(example_repo: Path) -> None:
    line = set_field(example_repo, SHEET, "status", "status: fini")
    path = example_repo / SHEET
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    error = only_error(example_repo)
    assert (error.line, error.field) == (line, "status")


def test_latin1_is_refused_naming_the_encoding(example_repo: Path) -> None:
    path = example_repo / SHEET
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1", "replace"))
    error = only_error(example_repo)
    assert error.path == SHEET
    assert error.line == 2 and error.field == "title"  # the first é is in the title
    assert "not valid UTF-8" in error.message and "Latin-1" in error.message
    assert error.suggestion == "save it as UTF-8"


def test_latin1_in_the_body_names_the_body(example_repo: Path) -> None:
    path = example_repo / SHEET
    path.write_bytes(path.read_bytes() + "\nMise à jour\n".encode("latin-1"))
    error = only_error(example_repo)
    assert error.field == "(body)"
    assert error.line == path.read_bytes().count(b"\n")


def test_latin1_registry_is_refused(example_repo: Path) -> None:
    path = example_repo / ORGANISATIONS
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1252", "replace"))
    error = only_error(example_repo)
    assert error.path == ORGANISATIONS
    assert error.field.startswith("organisations")
    assert "not valid UTF-8" in error.message


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be"])
def test_utf16_is_refused_naming_the_encoding(example_repo: Path, codec: str) -> None:
    path = example_repo / SHEET
    path.write_bytes(path.read_text(encoding="utf-8").encode(codec))
    error = only_error(example_repo)
    assert (error.path, error.line) == (SHEET, 1)
    assert "UTF-16" in error.message


def test_utf16_without_bom_is_refused(example_repo: Path) -> None:
    path = example_repo / SHEET
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16-le"))
    error = only_error(example_repo)
    assert error.path == SHEET
    assert "UTF" in error.message


# --- front matter ----------------------------------------------------------------------------


def test_no_front_matter(example_repo: Path) -> None:
    path = example_repo / SHEET
    path.write_text("# Une fiche sans en-tête\n", encoding="utf-8")
    error = only_error(example_repo)
    assert (error.path, error.line, error.field) == (SHEET, 1, "(front matter)")
    assert "does not start with a front-matter block" in error.message


def test_unclosed_front_matter(example_repo: Path) -> None:
    text = (example_repo / SHEET).read_text(encoding="utf-8")
    head, _, body = text.partition("\n---\n")
    (example_repo / SHEET).write_text(head + "\n\n" + body, encoding="utf-8")
    error = only_error(example_repo)
    assert (error.path, error.line, error.field) == (SHEET, 1, "(front matter)")
    assert "never closed" in error.message


@pytest.mark.parametrize("front", ["- a\n- b", "juste du texte", "42"])
def test_front_matter_that_is_not_a_mapping(example_repo: Path, front: str) -> None:
    (example_repo / SHEET).write_text(f"---\n{front}\n---\ncorps\n", encoding="utf-8")
    error = only_error(example_repo)
    assert (error.path, error.line) == (SHEET, 2)
    assert "must be a set of fields" in error.message


def test_empty_front_matter_reports_each_required_field(example_repo: Path) -> None:
    (example_repo / WRITEUP).write_text("---\n---\ncorps\n", encoding="utf-8")
    assert sorted(e.field for e in errors(example_repo)) == [
        "authors",
        "date",
        "summary",
        "themes",
        "title",
    ]


# --- YAML syntax -------------------------------------------------------------------------------


def test_unquoted_colon_names_line_and_field(example_repo: Path) -> None:
    line = set_field(example_repo, SHEET, "title", "title: Sénégal : bilan: 2022")
    error = only_error(example_repo)
    assert (error.line, error.field, error.code) == (line, "title", "deux-points-non-proteges")
    assert error.suggestion == f"write line {line} as: 'title: \"Sénégal : bilan: 2022\"'"


def test_unclosed_quote_points_at_its_line(example_repo: Path) -> None:
    line = set_field(
        example_repo, WRITEUP, "authors", 'authors:\n  - name: "Luc Hansen\n    organisation: fonda'
    )
    error = only_error(example_repo)
    assert (error.line, error.field) == (line + 1, "authors[1].name")
    assert "quote" in error.message


def test_unclosed_bracket_points_at_its_line(example_repo: Path) -> None:
    line = set_field(example_repo, SHEET, "countries", "countries: [SN, GN")
    error = only_error(example_repo)
    assert (error.line, error.field) == (line, "countries")


def test_bad_indentation_names_a_line(example_repo: Path) -> None:
    line = set_field(example_repo, SHEET, "period", "period:\n  start: 2019\n    end: 2021")
    error = only_error(example_repo)
    assert (error.line, error.code) == (line + 2, "yaml-indentation")
    assert error.field.startswith("period")
    assert error.suggestion == f"write line {line + 2} as: '  end: 2021'"


def test_tab_in_indentation(example_repo: Path) -> None:
    line = set_field(example_repo, SHEET, "period", "period:\n\tstart: 2019")
    error = only_error(example_repo)
    assert (error.line, error.field) == (line + 1, "period.start")
    assert error.full_message() == (
        f"a tab indents this line: YAML accepts spaces only (write line {line + 1} as: "
        "'  start: 2019')"
    )


def test_tab_inside_a_value_is_fine(example_repo: Path) -> None:
    set_field(example_repo, SHEET, "places", 'places:\n  - "Yenne\tplage"')
    assert errors(example_repo) == []


def test_duplicate_key(example_repo: Path) -> None:
    line = set_field(example_repo, SHEET, "status", "status: completed\nstatus: ongoing")
    error = only_error(example_repo)
    assert (error.line, error.field) == (line + 1, "status")
    assert error.message == f"duplicate key 'status' (first given at line {line})"


def test_duplicate_key_nested(example_repo: Path) -> None:
    line = set_field(example_repo, SHEET, "period", "period:\n  start: 2019\n  start: 2020")
    error = only_error(example_repo)
    assert (error.line, error.field) == (line + 2, "period.start")


def test_duplicate_key_in_registry(example_repo: Path) -> None:
    line = replace(
        example_repo, ORGANISATIONS, '  name: "La Fonda"\n', '  name: "La Fonda"\n  name: "Fonda"\n'
    )
    error = only_error(example_repo)
    assert error.line == line + 1
    assert error.field.startswith("organisations[") and error.field.endswith("].name")
    assert "duplicate key 'name'" in error.message


# --- anchors, aliases, merge keys, tags ------------------------------------------------------

BILLION_LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(9)
)


def test_billion_laughs_is_refused_fast(example_repo: Path) -> None:
    path = example_repo / SHEET
    path.write_text("---\n" + BILLION_LAUGHS + path.read_text()[4:], encoding="utf-8")
    started = time.perf_counter()
    error = only_error(example_repo)
    assert time.perf_counter() - started < 1.0
    assert error.path == SHEET
    assert error.line == 3 and error.field.startswith("b")
    assert "anchors and aliases" in error.message


def test_billion_laughs_in_parse_yaml_is_fast() -> None:
    started = time.perf_counter()
    with pytest.raises(YamlProblem, match="anchors and aliases"):
        parse_yaml(BILLION_LAUGHS * 1)
    assert time.perf_counter() - started < 0.5


def test_alias_is_refused(example_repo: Path) -> None:
    set_field(example_repo, SHEET, "programme", "programme: &p caac")
    line = set_field(example_repo, SHEET, "lead", "lead: *p")
    found = errors(example_repo)
    assert [(e.line, e.field) for e in found] == [(line, "lead")], found
    assert "anchors and aliases" in found[0].message


def test_undefined_alias_is_refused(example_repo: Path) -> None:
    line = set_field(example_repo, SHEET, "lead", "lead: *porteur")
    error = only_error(example_repo)
    assert (error.line, error.field) == (line, "lead")
    assert "anchors and aliases" in error.message


def test_merge_key_is_refused(example_repo: Path) -> None:
    line = set_field(example_repo, SHEET, "period", "period:\n  <<: {start: 2019}\n  end: 2021")
    error = only_error(example_repo)
    assert (error.line, error.field) == (line + 1, "period")
    assert "merge keys (<<) are not allowed" in error.message


def test_python_tag_is_refused(example_repo: Path) -> None:
    line = set_field(example_repo, SHEET, "lead", "lead: !!python/object/apply:os.system [ls]")
    error = only_error(example_repo)
    assert (error.line, error.field) == (line, "lead")
    assert "is not allowed" in error.message


def test_deep_nesting_is_refused(example_repo: Path) -> None:
    line = set_field(example_repo, SHEET, "places", "places: " + "[" * 100 + "]" * 100)
    error = only_error(example_repo)
    assert error.line == line and error.field.startswith("places")
    assert "nested too deeply" in error.message


def test_very_deep_flow_nesting_is_refused(example_repo: Path) -> None:
    line = set_field(example_repo, SHEET, "places", "places: " + "[" * 5000 + "]" * 5000)
    error = only_error(example_repo)
    assert error.line == line and error.field.startswith("places")


def test_huge_front_matter_is_refused(example_repo: Path) -> None:
    set_field(example_repo, SHEET, "places", "places:\n" + '  - "lieu"\n' * 60000)
    error = only_error(example_repo)
    assert "larger than" in error.message


def test_non_text_key(example_repo: Path) -> None:
    line = set_field(example_repo, SHEET, "places", "? [a, b]\n: c")
    error = only_error(example_repo)
    assert error.line == line
    assert "a key must be a plain name" in error.message


# --- field guessing for problems found before YAML is read -----------------------------


@pytest.mark.parametrize(
    ("text", "index", "field"),
    [
        ("title: a: b", 0, "title"),
        ("period:\n  start: 2019\n\tend: 2021", 2, "period.end"),
        (
            "authors:\n  - name: a\n    organisation: b\n  - name: c\n    organisation: x",
            4,
            "authors[2].organisation",
        ),
        ("authors:\n- name: a\n- name: c\n  organisation: x", 3, "authors[2].organisation"),
        ("- id: a\n  name: b\n- id: c\n  name: d", 3, "[2].name"),
        ("themes:\n  - a\n\n  # note\n  - b", 4, "themes[2]"),
        ("", 0, ""),
        ("a: 1", 10, "a"),
    ],
)
def test_guess_field(text: str, index: int, field: str) -> None:
    assert guess_field(text, index) == field


def test_control_character_is_named(example_repo: Path) -> None:
    line = set_field(example_repo, SHEET, "status", "status: completed\x1f")
    error = only_error(example_repo)
    assert (error.path, error.line, error.field) == (SHEET, line, "status")
    assert error.message == (
        "the text contains a control character (U+001F) that YAML does not accept"
    )
