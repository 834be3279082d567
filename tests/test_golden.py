"""Golden cases: the exact text ``check`` prints for small broken corpora.

``tests/golden/<case>/files`` is laid over the base corpus; the diagnostics printed as text
must equal ``tests/golden/<case>/expected.txt``. ``UPDATE_GOLDEN=1`` rewrites the expected
files instead of comparing (review their diff before committing).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.diagnostics import format_diagnostics
from generator.messages import CATALOGUE, set_language

from .helpers import diagnostics
from .test_corpus_mistakes import BASE

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "files").is_dir())


def render(case: str, root: Path) -> str:
    shutil.copytree(BASE, root, dirs_exist_ok=True)
    shutil.copytree(GOLDEN / case / "files", root, dirs_exist_ok=True)
    items = diagnostics(root)
    return format_diagnostics(items, "text") + "\n" if items else ""


@pytest.mark.parametrize("case", CASES)
def test_golden(case: str, tmp_path: Path) -> None:
    actual = render(case, tmp_path)
    expected_file = GOLDEN / case / "expected.txt"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        expected_file.write_text(actual, encoding="utf-8")
        return
    assert expected_file.is_file(), f"run UPDATE_GOLDEN=1 to create {expected_file}"
    expected = expected_file.read_text(encoding="utf-8")
    assert actual.splitlines() == expected.splitlines()


def test_every_case_has_expected_output() -> None:
    assert CASES
    for case in CASES:
        assert (GOLDEN / case / "expected.txt").is_file(), case


@pytest.mark.parametrize("case", CASES)
def test_every_diagnostic_has_a_code_of_the_catalogue_in_french_too(
    case: str, tmp_path: Path
) -> None:
    """Codes are stable and the same in both languages; the French text is French."""
    shutil.copytree(BASE, tmp_path, dirs_exist_ok=True)
    shutil.copytree(GOLDEN / case / "files", tmp_path, dirs_exist_ok=True)
    english = diagnostics(tmp_path)
    set_language("fr")
    try:
        french = diagnostics(tmp_path)
    finally:
        set_language("en")
    assert english, case
    assert [d.code for d in french] == [d.code for d in english]
    for item in french:
        assert item.code in CATALOGUE, item.as_text()
        assert CATALOGUE[item.code].kind == ("error" if item.is_error else "warning")
    changed = [f for f, e in zip(french, english, strict=True) if f.message != e.message]
    assert len(changed) == len(french), [d.as_text() for d in french if d not in changed]
