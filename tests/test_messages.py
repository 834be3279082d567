"""The catalogue of messages: both languages, every key used, every code explained; and
``check`` speaking French by default, English with ``--lang en``."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from generator.messages import CATALOGUE
from tests.helpers import ROOT, run_cli, set_field

SOURCES = sorted((ROOT / "generator").rglob("*.py"))
KEY_USE = re.compile(r"""(?:\b(?:say|text|word|_error)\(|hint=)\s*"([a-z0-9-]+)\"""")
LITERAL = re.compile(r""""([a-z0-9]+(?:-[a-z0-9]+)+)\"""")


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_both_languages_fill_the_same_blanks() -> None:
    for entry in CATALOGUE.values():
        assert _fields(entry.fr) == _fields(entry.en), entry.key
        assert entry.fr.strip() and entry.en.strip(), entry.key


def test_every_key_used_exists_and_every_entry_is_used() -> None:
    said: set[str] = set()
    used: set[str] = set()
    for path in SOURCES:
        if "messages" in path.parts:
            continue
        source = path.read_text(encoding="utf-8")
        said |= set(KEY_USE.findall(source))
        used |= set(LITERAL.findall(source))  # keys chosen by a condition or a table
    missing = sorted(said - set(CATALOGUE))
    assert not missing, f"used but not in the catalogue: {missing}"
    dynamic = {key for key in CATALOGUE if key.startswith("mot-")}  # words picked by tables
    unused = sorted(set(CATALOGUE) - used - dynamic)
    assert not unused, f"in the catalogue but never said: {unused}"


def test_codes_are_explained_with_an_example() -> None:
    for entry in CATALOGUE.values():
        if entry.kind in ("error", "warning"):
            assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", entry.key), entry.key
            assert len(entry.about) > 20, entry.key


def test_check_speaks_french_by_default_and_english_when_asked(example_repo: Path) -> None:
    sheet = sorted((example_repo / "projects").glob("*.md"))[0]
    set_field(example_repo, f"projects/{sheet.name}", "themes", "themes:\n  - eau-potable")
    french = run_cli("check", "--root", str(example_repo), env={"PK_LANG": ""})
    assert french.returncode == 1
    assert "n'est pas un id de thème" in french.stdout, french.stdout
    assert "[theme-inconnu]" in french.stdout
    assert "erreur(s)" in french.stderr
    english = run_cli("check", "--root", str(example_repo), "--lang", "en")
    assert "is not a theme id" in english.stdout and "[theme-inconnu]" in english.stdout


@pytest.mark.parametrize("folder", ["content", "projects", "content/_data"])
def test_check_finds_the_project_from_a_folder_inside_it(example_repo: Path, folder: str) -> None:
    result = run_cli("check", cwd=example_repo / folder, env={"PK_LANG": "fr"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "contenu correct" in result.stderr


def test_check_outside_a_project_says_so(tmp_path: Path) -> None:
    result = run_cli("check", cwd=tmp_path, env={"PK_LANG": "fr"})
    assert result.returncode == 2
    assert "pas de mkdocs.yml" in result.stderr and "Traceback" not in result.stderr
