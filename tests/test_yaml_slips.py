"""Editors' usual YAML slips: each is named at the line to change, in French, with that line
as it should be written (:mod:`generator.read.yaml_lines`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.messages import set_language
from generator.read.yaml_lines import after_error, before_parsing

from .helpers import ORGANISATIONS, SHEET, only_error, replace, set_field


@pytest.fixture
def french() -> object:
    set_language("fr")
    yield None
    set_language("en")


# (what the editor wrote in place of `period`, the line it starts at + offset, code, fixed)
SLIPS = [
    ("period:\n\tstart: 2019\n  end: 2021", 1, "yaml-tabulation", "  start: 2019"),
    ("period:\n  start:2019\n  end: 2021", 1, "yaml-deux-points-sans-espace", "  start: 2019"),
    ("period:\nstart: 2019\n  end: 2021", 1, "yaml-indentation", "  start: 2019"),
    ("period:\n  start: 2019\n    end: 2021", 2, "yaml-indentation", "  end: 2021"),
    ('period:\n  start: "2019\n  end: 2021', 1, "yaml-guillemet-non-ferme", '  start: "2019"'),
]


@pytest.mark.parametrize(("written", "offset", "code", "fixed"), SLIPS)
def test_a_slip_in_a_block_is_named_at_its_line_with_the_fix(
    example_repo: Path, french: object, written: str, offset: int, code: str, fixed: str
) -> None:
    line = set_field(example_repo, SHEET, "period", written) + offset
    error = only_error(example_repo)
    assert (error.line, error.code) == (line, code), error.as_text()
    assert error.suggestion == f"écrivez la ligne {line} ainsi : « {fixed} »"
    assert error.field.startswith("period"), error.field


def test_a_dash_without_its_space_is_named(example_repo: Path, french: object) -> None:
    line = set_field(example_repo, SHEET, "themes", "themes:\n  - peche\n  -genre")
    error = only_error(example_repo)
    assert (error.line, error.code, error.field) == (
        line + 2,
        "yaml-tiret-sans-espace",
        "themes[2]",
    )
    assert error.message == "il manque une espace après le tiret de cet élément de liste"
    assert error.suggestion == f"écrivez la ligne {line + 2} ainsi : «   - genre »"


def test_an_item_indented_under_another_is_realigned(example_repo: Path, french: object) -> None:
    line = set_field(example_repo, SHEET, "themes", "themes:\n  - peche\n    - genre")
    error = only_error(example_repo)
    assert (error.line, error.code) == (line + 2, "yaml-indentation")
    assert error.suggestion.endswith("«   - genre »")


def test_a_key_one_space_in_is_aligned_on_the_one_above(example_repo: Path, french: object) -> None:
    line = set_field(example_repo, SHEET, "status", "status: ongoing\n updated: 2024-01-01")
    error = only_error(example_repo)
    assert (error.line, error.code) == (line + 1, "yaml-indentation")
    assert error.suggestion.endswith("« updated: 2024-01-01 »")


def test_an_unquoted_colon_in_a_value_gets_the_quoted_line(
    example_repo: Path, french: object
) -> None:
    line = set_field(example_repo, SHEET, "title", "title: Bilan: la pêche")
    error = only_error(example_repo)
    assert (error.line, error.code) == (line, "deux-points-non-proteges")
    assert error.suggestion == f'écrivez la ligne {line} ainsi : « title: "Bilan: la pêche" »'


def test_an_unclosed_bracket_gets_it_closed(example_repo: Path, french: object) -> None:
    line = set_field(example_repo, SHEET, "countries", "countries: [SN, GN")
    error = only_error(example_repo)
    assert (error.line, error.code) == (line, "yaml-crochet")
    assert error.suggestion == f"écrivez la ligne {line} ainsi : « countries: [SN, GN] »"


def test_slips_in_a_registry_too(example_repo: Path, french: object) -> None:
    line = replace(example_repo, ORGANISATIONS, "  name: ", "  name:")
    error = only_error(example_repo)
    assert (error.path, error.line, error.code) == (
        ORGANISATIONS,
        line,
        "yaml-deux-points-sans-espace",
    )
    assert error.field == "organisations[1].name"


@pytest.mark.parametrize(
    "text",
    [
        "url: https://example.org/a",  # a web address is no key
        "time: 12:30",
        "items:\n  - -5\n  - 3",  # a negative number
        "text: |\n  -not a list\n  but a block",  # inside a block scalar after `|`
        'title: "a: b"',
    ],
)
def test_what_is_not_a_slip_is_left_alone(text: str) -> None:
    assert before_parsing(text) is None or "|" in text
    assert after_error(text, 0, "mapping values are not allowed here") is None or "|" in text
