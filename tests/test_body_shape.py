"""The bounds on a body's shape (generator/read/body_shape.py): each holds at its limit and
refuses one step beyond it, at the right place, and ``check`` reports it at the file's line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.read import body_shape as shape

from .conftest import ROOT
from .helpers import append, run_cli

LIMIT_CASES: list[tuple[str, int, Callable[[int], str], str]] = [
    (
        "quotes",
        shape.MAX_NESTING,
        lambda n: "texte\n\n" + "> " * n + "citation\n",
        "quotes are nested",
    ),
    (
        "lists",
        shape.MAX_NESTING,
        lambda n: "texte\n\n" + "".join("    " * i + "- x\n" for i in range(n + 1)),
        "indented more than",
    ),
    (
        "html",
        shape.MAX_NESTING,
        lambda n: "texte\n\n" + "<div>" * n + "x" + "</div>" * n + "\n",
        "HTML elements are nested",
    ),
    (
        "brackets",
        shape.MAX_OPEN_BRACKETS,
        lambda n: "texte\n\n" + "[" * n + "x\n",
        "'[' are open at once",
    ),
    (
        "addresses",
        shape.MAX_OPEN_ADDRESSES,
        lambda n: "texte\n\n" + "[a](" * n + "\n",
        "link addresses are open at once",
    ),
    (
        "unclosed tags",
        shape.MAX_UNCLOSED_TAGS,
        lambda n: "texte\n\n" + "<a " * n + "\n",
        "never closed",
    ),
    (
        "definitions",
        shape.MAX_DEFINITIONS,
        lambda n: "texte\n\nterme\n" + ": définition\n" * n,
        "definitions",
    ),
    ("headings", shape.MAX_HEADINGS, lambda n: "texte\n\n" + "## Titre\n\n" * n, "headings"),
    (
        "footnotes",
        shape.MAX_FOOTNOTES,
        lambda n: "texte\n\n" + "".join(f"[^{i}]: note\n" for i in range(n)),
        "footnotes",
    ),
]


@pytest.mark.parametrize(
    ("name", "limit", "make", "message"), LIMIT_CASES, ids=[case[0] for case in LIMIT_CASES]
)
def test_each_bound_holds_at_its_limit_and_refuses_beyond(
    name: str, limit: int, make: Callable[[int], str], message: str
) -> None:
    assert list(shape.problems(make(limit))) == []
    found = list(shape.problems(make(limit + 1)))
    assert [message in problem.said.message for problem in found] == [True], found
    # the problem is placed after the harmless first paragraph, where the construct is
    assert found[0].offset >= len("texte\n\n")


def test_long_text_is_refused_before_anything_else() -> None:
    body = "[" * 20 + "m" * shape.MAX_BODY_CHARS
    found = list(shape.problems(body))
    assert len(found) == 1 and "characters long" in found[0].said.message
    assert list(shape.problems("m" * shape.MAX_BODY_CHARS)) == []


def test_what_is_harmless_is_not_counted() -> None:
    # escaped brackets, closed links, a code fence full of brackets and tags, brackets
    # spread over many paragraphs, closed and void HTML elements, a '<' in a comparison
    fence = "```\n" + "[" * 50 + "<a " * 50 + "\n" + "> " * 50 + "\n```\n"
    body = "\n\n".join(
        [
            "\\[" * 50,
            "[lien](a.md) " * 100,
            fence,
            ("[" * 5 + "\n\n") * 20,
            "<div><p>a</p><br><img src='x.png'></div>" * 100,
            "si a < b et c <= d " * 50,
            "<ul>" + "<li>élément" * 30 + "</ul>",
        ]
    )
    assert list(shape.problems(body)) == []


def test_line_is_counted_from_the_body_start() -> None:
    body = "a\nb\n\n" + "> " * 30 + "x\n"
    (problem,) = shape.problems(body)
    assert shape.line_of(body, problem.offset, 12) == 15


def test_check_reports_the_line_of_a_deep_quote(example_repo: Path) -> None:
    path = "projects/femmes-poisson-seche-senegal.md"
    line = append(example_repo, path, "\n" + "> " * 5000 + "citation\n") + 1
    checked = run_cli("check", "--root", str(example_repo), timeout=30)
    assert checked.returncode == 1
    assert f"{path}:{line}: (body): quotes are nested more than 20 deep" in checked.stdout


def test_the_documented_bounds_are_the_enforced_ones() -> None:
    limits = (ROOT / "docs" / "limits.md").read_text(encoding="utf-8")
    for expected in (
        f"{shape.MAX_BODY_CHARS:,} characters",
        f"{shape.MAX_NESTING} deep",
        f"{shape.MAX_OPEN_BRACKETS} `[` open",
        f"{shape.MAX_OPEN_ADDRESSES} `](` open",
        f"{shape.MAX_UNCLOSED_TAGS} `<tag`",
        f"{shape.MAX_DEFINITIONS} definitions",
        f"{shape.MAX_HEADINGS} headings",
        f"{shape.MAX_FOOTNOTES:,} footnotes",
    ):
        assert expected in limits, expected
