"""The preview's quick pass (generator/preview_update.py, generator/adapter/quick_pass.py):
an edited or new sheet is served within two (three) seconds of the save, made by a quick
pass; the listings follow with the full build a moment later, and then the preview serves
what a fresh preview of the same files serves.

Each test starts ``mkdocs serve`` on a copy of the example (helpers of test_serve_errors);
the browser test drives Debian's chromium through Playwright at phone width.
"""

from __future__ import annotations

import importlib.util
import re
import time
from pathlib import Path

import pytest

from .search_support import launch_browser
from .test_serve_errors import SHEET, SHEET_TITLE, SHEET_URL, _edit, _example, _within, serving

pytestmark = pytest.mark.slow

EDITED_WITHIN = 2.0
"""Seconds from the save to the edited sheet's new text (issue 21)."""
NEW_WITHIN = 3.0
"""Seconds from the save to a new sheet's page (issue 21)."""
FOLLOWED_WITHIN = 30.0
"""Seconds from the save to the listings: the full build after the quick pass."""
LISTING = "/savoirs/projets/"
NEW_SHEET = "projects/nouvelle-fiche-de-l-apercu.md"
NEW_URL = "/savoirs/projets/nouvelle-fiche-de-l-apercu/"


def _main(page: str) -> str:
    """A page's content, without what changes from one serve to the next (the live-reload
    script's epoch and request id, the port in the site's address)."""
    page = re.sub(r"livereload\(\d+, \d+\)", "livereload()", page)
    return re.sub(r"127\.0\.0\.1:\d+", "127.0.0.1:PORT", page)


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_an_edit_and_a_new_sheet_are_served_quickly_then_the_listings_follow(
    tmp_path: Path, engine: str
) -> None:
    if importlib.util.find_spec(engine) is None:
        pytest.skip(f"{engine} is not installed (pip install -e '.[dev]')")
    root = _example(tmp_path)
    with serving(root, engine) as preview:
        assert SHEET_TITLE in preview.get(SHEET_URL)[1]
        _edit(
            root, SHEET, 'title: "Exemple fictif : des puits', 'title: "Exemple fictif : les puits'
        )
        took = _within(
            EDITED_WITHIN, lambda: "les puits partagés" in preview.get(SHEET_URL)[1], "edit"
        )
        text = (root / SHEET).read_text("utf-8")
        (root / NEW_SHEET).write_text(
            text.replace("les puits partagés", "une fiche neuve"), "utf-8"
        )
        made = _within(NEW_WITHIN, lambda: preview.get(NEW_URL)[0] == 200, "new sheet")
        by_quick_pass = _main(preview.get(NEW_URL)[1])  # before the full build (2 s later)
        assert "une fiche neuve" in by_quick_pass
        _within(
            FOLLOWED_WITHIN,
            lambda: (
                "une fiche neuve" in preview.get(LISTING)[1]
                and "les puits partagés" in preview.get(LISTING)[1]
            ),
            "the listing after the full build",
        )
        time.sleep(1)
        served = {path: _main(preview.get(path)[1]) for path in (SHEET_URL, NEW_URL, LISTING)}
        terminal = preview.terminal()
    assert terminal.count("aperçu rapide : 1 page(s) refaite(s)") >= 2, terminal[-3000:]
    assert "Traceback" not in terminal
    # the same files, previewed afresh: the same pages
    with serving(root, engine) as fresh:
        again = {path: _main(fresh.get(path)[1]) for path in served}
    assert again == served
    # the page the quick pass made is the one a full build makes
    assert by_quick_pass == again[NEW_URL]
    print(f"edit served after {took:.2f} s, new sheet after {made:.2f} s")


def test_the_browser_shows_the_edit_within_two_seconds(tmp_path: Path) -> None:
    purpose = "the browser test of the preview's quick pass cannot run"
    with launch_browser(purpose) as browser, serving(_example(tmp_path)) as preview:
        from playwright.sync_api import expect

        context = browser.new_context(viewport={"width": 390, "height": 844})
        page = context.new_page()
        page.goto(preview.url(SHEET_URL))
        expect(page.locator("h1")).to_have_text(SHEET_TITLE)
        _edit(
            preview.root,
            SHEET,
            'title: "Exemple fictif : des puits',
            'title: "Exemple fictif : les puits',
        )
        saved = time.monotonic()
        expect(page.locator("h1")).to_contain_text("les puits", timeout=EDITED_WITHIN * 1000)
        shown = time.monotonic() - saved
        context.close()
        terminal = preview.terminal()
    assert "aperçu rapide" in terminal
    print(f"the browser showed the edit {shown:.2f} s after the save")
