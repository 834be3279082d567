"""The demonstration corpus: deterministic, and valid content."""

from __future__ import annotations

from pathlib import Path

from generator.demo import generate_corpus
from generator.loader import load_catalogue
from generator.settings import load_settings


def _tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_same_arguments_give_the_same_bytes(tmp_path: Path) -> None:
    generate_corpus(tmp_path / "a", 20, 3, seed=7)
    generate_corpus(tmp_path / "b", 20, 3, seed=7)
    first, second = _tree(tmp_path / "a"), _tree(tmp_path / "b")
    assert first == second
    assert len([p for p in first if p.startswith("projects/")]) == 20
    assert len([p for p in first if p.startswith("content/comptes-rendus/")]) == 3


def test_another_seed_gives_another_corpus(tmp_path: Path) -> None:
    generate_corpus(tmp_path / "a", 5, 1, seed=1)
    generate_corpus(tmp_path / "b", 5, 1, seed=2)
    assert _tree(tmp_path / "a") != _tree(tmp_path / "b")


def test_corpus_passes_check(tmp_path: Path) -> None:
    generate_corpus(tmp_path, 20, 3)
    result = load_catalogue(load_settings(tmp_path))
    assert [d.as_text() for d in result.errors] == []
    assert result.catalogue is not None
    assert len(result.catalogue.projects) == 20
    assert len(result.catalogue.writeups) == 3
    examples = {s for w in result.catalogue.writeups.values() for s in w.meta.examples}
    assert examples and examples <= set(result.catalogue.projects)


def test_regenerating_replaces_the_previous_corpus(tmp_path: Path) -> None:
    generate_corpus(tmp_path, 10, 2)
    generate_corpus(tmp_path, 4, 1)
    assert len(list((tmp_path / "projects").glob("*.md"))) == 4
    assert len(list((tmp_path / "content" / "comptes-rendus").glob("*.md"))) == 1


def test_related_sheets_match_a_pairwise_count(tmp_path: Path) -> None:
    """The facet index gives what comparing every pair of sheets gives."""
    generate_corpus(tmp_path, 150, 0, seed=3)
    catalogue = load_catalogue(load_settings(tmp_path)).catalogue
    assert catalogue is not None

    def facets(slug: str) -> set[tuple[str, str]]:
        project = catalogue.projects[slug]
        return (
            {("theme", t) for t in project.meta.themes}
            | {("country", c) for c in project.meta.countries}
            | {("org", o) for o in project.organisations}
        )

    ties = 0
    for slug in catalogue.projects:
        counts = {
            other: len(facets(slug) & facets(other))
            for other in catalogue.projects
            if other != slug
        }
        ranked = sorted((-n, other) for other, n in counts.items() if n)
        expected = [other for _n, other in ranked[:5]]
        assert [p.slug for p in catalogue.related(slug)] == expected, slug
        ties += len(ranked) > 5 and ranked[4][0] == ranked[5][0]
    assert ties, "the corpus should have ties at the fifth place, to test the slug order"
