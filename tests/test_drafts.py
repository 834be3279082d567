"""Drafts (``draft: true``): out of the published site, in the preview with a banner; an
incomplete draft gets a page of its own in the preview, naming the facts it lacks."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

from generator.loader import load_catalogue
from generator.render.site_plan import plan_site
from generator.settings import load_settings
from tests.helpers import ROOT, replace

SHEET = "projects/exemple-jardins-nantes-porto-novo.md"
URL = "projets/exemple-jardins-nantes-porto-novo/"


def pages(root: Path, preview: bool) -> dict[str, str]:
    if not (root / "theme").exists():
        shutil.copytree(ROOT / "theme", root / "theme")
    settings = dataclasses.replace(load_settings(root), show_drafts=preview)
    result = load_catalogue(settings)
    assert result.catalogue is not None, [d.as_text() for d in result.errors]
    plan = plan_site(result.catalogue, body_workers=1)
    return {spec.url: spec.html for spec in plan.pages.values()}


def test_a_complete_draft_is_previewed_with_its_banner_and_never_published(
    example_repo: Path,
) -> None:
    replace(example_repo, SHEET, "status: planned\n", "status: planned\ndraft: true\n")
    published = pages(example_repo, preview=False)
    assert URL not in published
    assert not any("jardins partagés entre Nantes" in html for html in published.values())
    preview = pages(example_repo, preview=True)
    assert "<strong>Brouillon</strong>" in preview[URL]
    assert "jardins partagés entre Nantes" in preview[URL]


def test_an_incomplete_draft_is_previewed_with_what_it_lacks(example_repo: Path) -> None:
    replace(example_repo, SHEET, "status: planned\n", "draft: true\n")
    replace(example_repo, SHEET, "lead: jardins-chimeres\n", "")
    assert URL not in pages(example_repo, preview=False)
    html = pages(example_repo, preview=True)[URL]
    assert "Brouillon incomplet" in html
    assert "<code>lead</code>, <code>status</code>" in html
    assert "Exemple fictif\u202f: des jardins partagés entre Nantes et Porto-Novo</h1>" in html
    assert "<h2" in html and "Contexte" in html  # and its text, rendered
