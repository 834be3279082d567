"""Shared fixtures: the repository root and a copy of the example content to break."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent

# Property tests draw the same examples on every run (a landing never fails on a draw that
# the previous one did not make); PK_HYPOTHESIS=explore draws new ones, to look for bugs.
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("PK_HYPOTHESIS", "repeatable"))

# The tool speaks French unless told otherwise; the tests written before it did read its
# English (PK_LANG=en, inherited by the commands they run). Tests of the French messages
# ask for French themselves (tests/test_messages.py).
os.environ["PK_LANG"] = "en"
from generator.messages import set_language  # noqa: E402

set_language("en")


@pytest.fixture
def example_repo(tmp_path: Path) -> Path:
    """A throw-away copy of the bundled example content (content/, projects/, mkdocs.yml)."""
    for name in ("content", "projects"):
        shutil.copytree(ROOT / name, tmp_path / name)
    if (ROOT / "mkdocs.yml").exists():
        shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """How many tests skipped, grouped by reason (a missing optional tool, mostly)."""
    reasons: dict[str, int] = {}
    for report in terminalreporter.stats.get("skipped", []):
        longrepr = report.longrepr
        reason = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
        reason = reason.removeprefix("Skipped: ")
        reasons[reason] = reasons.get(reason, 0) + 1
    if reasons:
        terminalreporter.section("skipped, by reason")
        for reason, count in sorted(reasons.items(), key=lambda item: (-item[1], item[0])):
            terminalreporter.write_line(f"{count:4d}  {reason}")


SLOW_MODULES = {
    "test_adapter",
    "test_attacks",
    "test_build_messages",
    "test_demo_cli",
    "test_engines",
    "test_environment",
    "test_faults",
    "test_nothing_lost",
    "test_parallel",
    "test_pdf_quality",
    "test_property_build",
    "test_quality",
    "test_reference_page",
    "test_reports",
    "test_search",
    "test_search_fixture",
    "test_search_index",
    "test_serve",
    "test_site",
}
"""Modules that build sites, render PDFs, run Pagefind or drive a browser: `make quick` leaves
them out (``-m "not slow"``); `make test` and CI run everything."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.stem in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)
