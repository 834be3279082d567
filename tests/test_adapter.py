"""The MkDocs adapter holds nothing from one build to the next, and derives its options
from the one settings model."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.adapter.config import CONFIG_SCHEME
from generator.adapter.plugin import ProgrammePlugin
from generator.settings import Options

from .conftest import ROOT
from .helpers import replace

SHEET = "projects/femmes-poisson-seche-senegal.md"


def _files(site: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def test_two_builds_with_one_plugin_give_what_a_cold_build_gives(
    example_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PROGRAMME_PDF", "0")
    shutil.copytree(ROOT / "theme", example_repo / "theme")
    config_file = str(example_repo / "mkdocs.yml")
    warm = load_config(config_file, site_dir=str(tmp_path / "warm"))
    (plugin,) = [p for p in warm.plugins.values() if isinstance(p, ProgrammePlugin)]
    build(warm)
    first = _files(tmp_path / "warm")
    replace(example_repo, SHEET, 'title: "', 'title: "Nouveau titre : ')
    build(warm)  # the same config, so the same plugin instance
    assert plugin.run is None  # nothing kept once the site is written
    cold = load_config(config_file, site_dir=str(tmp_path / "cold"))
    build(cold)
    second, expected = _files(tmp_path / "warm"), _files(tmp_path / "cold")
    assert second == expected
    assert second != first
    page = second["projets/femmes-poisson-seche-senegal/index.html"].decode()
    assert "Nouveau titre" in page


def test_the_plugin_options_are_the_settings_model() -> None:
    assert [name for name, _ in CONFIG_SCHEME] == list(Options.model_fields)
    defaults = {name: option.default for name, option in CONFIG_SCHEME}
    assert defaults == Options().model_dump()
