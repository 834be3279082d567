"""The preview's quick pass (generator/preview_update.py): after an edit, the pages it makes
again are exactly those a full planning makes, and anything it cannot vouch for is left to
a full build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.preview_update import PreviewMemory, QuickSite, quick_site, snapshot_inputs
from generator.settings import load_settings
from generator.site_build import prepare_site

from .helpers import example_site

SHEET = "projects/femmes-poisson-seche-senegal.md"
"""A sheet that the example write-up presents (« Présenté dans »)."""
WRITEUP = "content/comptes-rendus/caac-cooperer-autrement.md"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    example_site(root)
    return root


def _memory(root: Path) -> PreviewMemory:
    settings = load_settings(root)
    snapshot = snapshot_inputs(settings, None)
    return PreviewMemory(prepare_site(settings), snapshot)


def _quick(root: Path, memory: PreviewMemory) -> QuickSite | None:
    settings = load_settings(root)
    return quick_site(settings, memory, snapshot_inputs(settings, memory))


def _edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text("utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), "utf-8")


def _same_as_a_full_planning(root: Path, quick: QuickSite) -> None:
    full = prepare_site(load_settings(root))
    assert quick.pages
    for uri in quick.pages:
        assert quick.site.plan.pages[uri] == full.plan.pages[uri], uri
    assert set(quick.site.catalogue.projects) == set(full.catalogue.projects)
    for slug, sheet in full.catalogue.projects.items():
        assert quick.site.catalogue.projects[slug].cited_by == sheet.cited_by, slug


def test_an_edited_sheet_is_planned_again_as_a_full_planning_would(root: Path) -> None:
    memory = _memory(root)
    with (root / SHEET).open("a", encoding="utf-8") as sheet:
        sheet.write("\nUne phrase ajoutée pendant l'aperçu.\n")
    _edit(root, SHEET, '\ntitle: "', '\ntitle: "Nouveau titre — ')
    quick = _quick(root, memory)
    assert quick is not None
    assert quick.pages == ["projets/femmes-poisson-seche-senegal.md"]
    spec = quick.site.plan.pages[quick.pages[0]]
    assert "Une phrase ajoutée pendant" in spec.html, spec.html[-800:]
    assert spec.title.startswith("Nouveau titre")
    assert "Présenté dans" in spec.html  # the write-up that presents it, once
    assert spec.html.count("Présenté dans") == memory.site.plan.pages[quick.pages[0]].html.count(
        "Présenté dans"
    )
    _same_as_a_full_planning(root, quick)
    # the listings are the last full build's until the full build that follows
    listing = "projets/index.md"
    assert quick.site.plan.pages[listing] == memory.site.plan.pages[listing]


def test_an_edited_writeup_and_a_new_sheet_are_planned_as_a_full_planning_would(
    root: Path,
) -> None:
    memory = _memory(root)
    _edit(root, WRITEUP, "\n## ", "\nUn paragraphe de plus.\n\n## ")
    new = (root / SHEET).read_text("utf-8").replace("femmes-poisson", "autre")
    (root / "projects" / "nouvelle-fiche-apercu.md").write_text(new, "utf-8")
    quick = _quick(root, memory)
    assert quick is not None
    assert "projets/nouvelle-fiche-apercu.md" in quick.pages
    assert len(quick.pages) == 2
    _same_as_a_full_planning(root, quick)


@pytest.mark.parametrize(
    "change",
    ["registry", "deleted", "error", "draft", "image", "editorial", "template"],
)
def test_what_the_quick_pass_cannot_vouch_for_goes_to_a_full_build(root: Path, change: str) -> None:
    memory = _memory(root)
    if change == "registry":
        _edit(root, "content/_data/themes.yml", "label: ", "label: Nouveau ")
    elif change == "deleted":
        (root / "projects" / "exemple-puits-partages-segou.md").unlink()
    elif change == "error":
        _edit(root, SHEET, "  - sante\n", "  - pas-un-theme\n")
    elif change == "draft":
        _edit(root, SHEET, "\ntitle: ", "\ndraft: true\ntitle: ")
    elif change == "image":
        image = root / "projects" / "images" / "kindia-jeunes.svg"
        image.write_text(image.read_text("utf-8") + "\n<!-- retouchée -->\n", "utf-8")
    elif change == "editorial":
        page = next(p for p in sorted((root / "content").glob("*.md")))
        page.write_text(page.read_text("utf-8") + "\nUne ligne.\n", "utf-8")
    elif change == "template":
        fragment = next(p for p in sorted((root / "theme" / "fragments").glob("*.html")))
        fragment.write_text(fragment.read_text("utf-8") + "\n", "utf-8")
    assert _quick(root, memory) is None


def test_a_sheet_saved_again_unchanged_needs_nothing(root: Path) -> None:
    memory = _memory(root)
    sheet = root / SHEET
    sheet.write_text(sheet.read_text("utf-8"), "utf-8")  # same bytes, new time
    quick = _quick(root, memory)
    assert quick is not None and quick.pages == []  # nothing to make, nothing to follow
    assert quick.site is memory.site


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_in_a_repository_the_commit_dates_are_those_of_a_full_planning(root: Path) -> None:
    """The quick pass keeps the last build's commit dates (no second ``git log``): the page
    it makes still says what a full planning says."""
    from .test_document_pages import git

    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "un", date="2023-02-03T10:00:00+00:00")
    memory = _memory(root)
    assert "history" in memory.site.catalogue.__dict__  # the pages asked Git
    with (root / SHEET).open("a", encoding="utf-8") as sheet:
        sheet.write("\nModifiée après le commit.\n")
    quick = _quick(root, memory)
    assert quick is not None
    assert "3 février 2023" in quick.site.plan.pages[quick.pages[0]].html
    _same_as_a_full_planning(root, quick)
