"""Work split over processes gives exactly what one process gives.

Reading and validating (a forked process takes part of the files) and rendering Markdown
bodies (spawned workers) are compared with the same work done in one process.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import loader
from generator.demo import generate_corpus
from generator.loader import load_catalogue
from generator.render import site_plan
from generator.render.body_pool import MIN_PARALLEL, worker_count
from generator.render.site_plan import plan_site
from generator.settings import load_settings

EXTENSIONS = ["toc", "tables", "attr_list", "admonition", "footnotes", "def_list"]


def test_parallel_and_serial_plans_are_identical(tmp_path: Path) -> None:
    generate_corpus(tmp_path, 30, 4, seed=3)
    result = load_catalogue(load_settings(tmp_path))
    assert result.catalogue is not None, [d.as_text() for d in result.errors]
    # a problem only the renderer sees (`check` reports this one too, from the text)
    first = sorted(result.catalogue.projects.values(), key=lambda p: p.slug)[0]
    first.body += "\nVoir [une fiche absente](absente.md).\n"
    plans = [plan_site(result.catalogue, body_workers=workers) for workers in (1, 2)]
    serial, parallel = plans
    assert len(serial.pages) > 34
    assert {u: p.html for u, p in parallel.pages.items()} == {
        u: p.html for u, p in serial.pages.items()
    }
    assert parallel.assets == serial.assets
    assert [d.as_text() for d in parallel.problems] == [d.as_text() for d in serial.problems]
    assert any("absente.md" in d.as_text() for d in serial.problems)


def test_small_sites_render_in_one_process() -> None:
    assert worker_count(MIN_PARALLEL - 1) == 1
    assert worker_count(10, requested=3) == 3
    assert worker_count(100_000) >= 1


def test_parallel_and_serial_loading_are_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    generate_corpus(tmp_path, 40, 6, seed=5)
    sheets = sorted((tmp_path / "projects").glob("*.md"))
    writeups = sorted((tmp_path / "content" / "comptes-rendus").glob("*.md"))
    for path in (sheets[1], sheets[-2], writeups[-1]):  # mistakes on both sides of the split
        path.write_text(path.read_text("utf-8").replace("summary:", "sumary:", 1), "utf-8")
    (tmp_path / "projects" / "Mauvais_Nom.md").write_bytes(sheets[0].read_bytes())
    assert loader._fork_is_safe()  # otherwise both runs would be serial
    results = []
    for threshold in (10**9, 1):
        monkeypatch.setattr(loader, "PARALLEL_MIN", threshold)
        results.append(loader.load_catalogue(load_settings(tmp_path)))
    serial, parallel = results
    assert [d.as_text() for d in parallel.diagnostics] == [d.as_text() for d in serial.diagnostics]
    assert sum("sumary" in d.as_text() for d in serial.errors) == 3
    assert any("Mauvais_Nom" in d.as_text() for d in serial.errors)

    for path in (sheets[1], sheets[-2], writeups[-1]):
        path.write_text(path.read_text("utf-8").replace("sumary:", "summary:", 1), "utf-8")
    (tmp_path / "projects" / "Mauvais_Nom.md").unlink()
    results = []
    for threshold in (10**9, 1):
        monkeypatch.setattr(loader, "PARALLEL_MIN", threshold)
        results.append(loader.load_catalogue(load_settings(tmp_path)))
    serial, parallel = results
    assert serial.catalogue is not None and parallel.catalogue is not None
    assert list(parallel.catalogue.projects) == list(serial.catalogue.projects)
    assert list(parallel.catalogue.writeups) == list(serial.catalogue.writeups)
    assert [p.meta for p in parallel.catalogue.projects.values()] == [
        p.meta for p in serial.catalogue.projects.values()
    ]


def test_document_pages_reach_the_feed_in_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The search index gets every sheet and write-up page, in batches, then ``close()``,
    before the listings are planned; the plan is the one made without a feed."""
    generate_corpus(tmp_path, 9, 2, seed=4)
    result = load_catalogue(load_settings(tmp_path))
    assert result.catalogue is not None
    catalogue = result.catalogue
    monkeypatch.setattr(site_plan, "FEED_BATCH", 4)
    events: list[object] = []

    class Feed:
        def add(self, pages: list[site_plan.PageSpec]) -> None:
            events.append([page.url for page in pages])

        def close(self) -> None:
            events.append("close")

    home = site_plan._Planner.home

    def first_listing(planner: site_plan._Planner) -> None:
        events.append("listings")
        home(planner)

    monkeypatch.setattr(site_plan._Planner, "home", first_listing)
    fed = plan_site(catalogue, feed=Feed())
    expected = [p.url for p in catalogue.projects.values()] + [
        w.url for w in catalogue.writeups.values()
    ]
    assert [len(e) for e in events if isinstance(e, list)] == [4, 4, 3]
    assert [u for e in events if isinstance(e, list) for u in e] == expected
    assert events[-2:] == ["close", "listings"]
    plain = plan_site(catalogue)
    assert {u: p.html for u, p in fed.pages.items()} == {u: p.html for u, p in plain.pages.items()}
