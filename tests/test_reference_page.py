"""The editors' reference page (``listes/``) and the guide: generated from the registries
and the message catalogue at each build, so they cannot fall behind."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

from generator.messages import CATALOGUE
from tests.helpers import ROOT, append, run_cli


def build(root: Path) -> Path:
    if not (root / "theme").exists():
        shutil.copytree(ROOT / "theme", root / "theme")
    site = root / "site"
    result = run_cli("build", "--root", str(root), env={"PROGRAMME_PDF": "0"}, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def page_text(path: Path) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")))


def test_a_theme_added_to_the_registry_is_listed_at_the_next_build(example_repo: Path) -> None:
    append(
        example_repo,
        "content/_data/themes.yml",
        "- id: peche-artisanale\n  label: Pêche artisanale\n"
        "  description: Les métiers de la mer.\n",
    )
    site = build(example_repo)
    text = page_text(site / "listes" / "index.html")
    assert re.search(r"peche-artisanale\s+Pêche artisanale\s+Les métiers de la mer", text)
    for registry, word in (("organisations", "name"), ("programmes", "name")):
        source = (example_repo / "content/_data" / f"{registry}.yml").read_text(encoding="utf-8")
        for identifier in re.findall(r"^- id: (\S+)", source, re.MULTILINE):
            assert identifier in text, (registry, identifier, word)
    assert re.search(r"\bSN\s+Sénégal\s+sur le site", text)  # a country in use, marked
    assert re.search(r"\bNO\s+Norvège\b", text)


def test_every_code_is_explained_on_the_page(example_repo: Path) -> None:
    site = build(example_repo)
    page = (site / "listes" / "index.html").read_text(encoding="utf-8")
    text = " ".join(page_text(site / "listes" / "index.html").split())
    codes = [e for e in CATALOGUE.values() if e.kind in ("error", "warning")]
    assert len(codes) > 40
    for entry in codes:
        assert f'id="code-{entry.key}"' in page, entry.key
        assert " ".join(entry.about.split("`")[0].split()) in text, entry.key


def test_the_guide_links_to_the_lists_and_the_lists_back(example_repo: Path) -> None:
    site = build(example_repo)
    guide = (site / "contribuer" / "index.html").read_text(encoding="utf-8")
    assert 'href="../listes/"' in guide and 'href="../listes/#messages"' in guide
    lists = (site / "listes" / "index.html").read_text(encoding="utf-8")
    assert 'href="../contribuer/"' in lists
