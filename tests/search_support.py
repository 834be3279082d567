"""Shared pieces of the browser tests of search: build, serve, drive chromium, read the page.

Used by ``test_search.py`` (the example site) and ``test_search_fixture.py`` (the search
fixture corpus). Each module builds its site with ``python -m generator build`` (which
indexes it with Pagefind), serves it on 127.0.0.1 and drives the Debian chromium
(``/usr/bin/chromium``) through Playwright; no browser is downloaded. Each module keeps one
browser for its tests (module-scoped fixtures), so only one is alive at a time.
"""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .conftest import ROOT
from .optional_tools import missing, need_program

CHROMIUM = Path("/usr/bin/chromium")

Filters = Mapping[str, str | Sequence[str]]


def build_site(site: Path, root: Path = ROOT) -> None:
    """``python -m generator build`` into ``site``; the build indexes the site itself."""
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--root", str(root), "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (site / "pagefind" / "pagefind.js").is_file(), "the build did not index the site"
    assert (site / "recherche" / "index.html").is_file(), "the build made no search page"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve ``site`` on 127.0.0.1; yields the base URL (ending with /)."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def launch_browser(purpose: str = "the browser tests of search cannot run") -> Iterator[Any]:
    """Debian's chromium through Playwright, or a skip saying what is missing."""
    need_program(str(CHROMIUM), "chromium", purpose)
    try:
        from playwright import sync_api
    except ImportError:
        missing("the Python package playwright is not installed (pip install playwright)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Visit:
    """One page in the browser, with what it logged and fetched."""

    page: Any
    base: str
    errors: list[str] = field(default_factory=list)
    fetched: dict[str, int] = field(default_factory=dict)
    """Every address fetched from the site, with its size (-1 when sizes are not recorded)."""
    outside: list[str] = field(default_factory=list)


@contextmanager
def visiting(context: Any, base: str, *, sizes: bool = False) -> Iterator[Visit]:
    """A new page in ``context``; on exit, no console error and no request off the site.

    ``sizes`` records the size of every response in ``Visit.fetched`` (it costs a round trip
    to the browser per response, so only the tests that weigh the page ask for it).
    """
    page = context.new_page()
    found = Visit(page, base)
    page.on("console", lambda m: found.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: found.errors.append(str(e)))

    def on_response(response: Any) -> None:
        if not response.url.startswith(base):
            found.outside.append(response.url)
            return
        if not sizes:
            found.fetched[response.url] = -1
            return
        try:
            found.fetched[response.url] = len(response.body())
        except Exception:  # a redirect has no body
            found.fetched[response.url] = 0

    page.on("response", on_response)
    yield found
    page.close()
    assert not found.outside, found.outside
    assert not found.errors, found.errors


@contextmanager
def shared_tab(browser: Any, base: str) -> Iterator[Visit]:
    """One page in its own context, for every query test of a module (the search bundle
    stays in the page's cache)."""
    context = browser.new_context()
    try:
        with visiting(context, base) as found:
            yield found
    finally:
        context.close()


@contextmanager
def clean(visit: Visit) -> Iterator[Visit]:
    """Reuse a page for one more test: it too must log no error and fetch nothing outside."""
    visit.errors.clear()
    visit.outside.clear()
    yield visit
    assert not visit.outside, visit.outside
    assert not visit.errors, visit.errors


def search_url(base: str, query: str = "", filters: Filters | None = None) -> str:
    """The address of recherche/ for a query and filters (several values per facet allowed)."""
    params = [f"q={quote(query)}"] if query else []
    for key, values in (filters or {}).items():
        for value in [values] if isinstance(values, str) else values:
            params.append(f"{key}={quote(value)}")
    return f"{base}recherche/?{'&'.join(params)}"


def wait_ready(page: Any) -> None:
    """Wait until the search page has shown its first results."""
    page.wait_for_selector("[data-pk-search][data-ready]")


def generation(page: Any) -> str:
    """Which update the page shows (``data-ready`` counts the updates)."""
    return str(page.get_attribute("[data-pk-search]", "data-ready"))


def wait_update(page: Any, before: str) -> None:
    """Wait until the page shows an update after the one numbered ``before``."""
    page.wait_for_function(
        "before => document.querySelector('[data-pk-search]').dataset.ready !== before", arg=before
    )


def result_urls(page: Any) -> list[str]:
    """Every result link, in order (site-absolute paths such as /projets/x/), after
    pressing « Plus de résultats » as long as it is shown (ten results at a time)."""
    more = page.locator(".pk-search-app__more")
    while more.is_visible():
        shown = page.locator(".pk-result").count()
        more.click()
        page.wait_for_function("n => document.querySelectorAll('.pk-result').length > n", arg=shown)
    return [
        str(u)
        for u in page.eval_on_selector_all(".pk-result", "items => items.map(li => li.dataset.url)")
    ]


def open_search(visit: Visit, query: str = "", filters: Filters | None = None) -> list[str]:
    """Open recherche/ with a query string; return the result URLs in order."""
    visit.page.goto(search_url(visit.base, query, filters))
    wait_ready(visit.page)
    return result_urls(visit.page)


def facet_counts(page: Any, facet: str) -> dict[str, int]:
    """The values of one facet as shown, with their counts."""
    rows = page.eval_on_selector_all(
        f'fieldset[data-facet="{facet}"] .pk-facet__option',
        # the value filtered on (an organisation's short name; the page shows its full name)
        "rows => rows.map(r => [r.querySelector('input').value,"
        " Number(r.querySelector('.pk-facet__count').textContent)])",
    )
    return {str(k): int(v) for k, v in rows}


def all_facet_counts(page: Any) -> dict[str, dict[str, int]]:
    """Every facet shown, with its values and counts."""
    facets = page.eval_on_selector_all(
        "fieldset[data-facet]", "sets => sets.map(f => f.dataset.facet)"
    )
    return {str(f): facet_counts(page, str(f)) for f in facets}


def checked_values(page: Any) -> dict[str, list[str]]:
    """The ticked filter boxes, per facet."""
    rows = page.eval_on_selector_all(
        "fieldset[data-facet] input:checked", "boxes => boxes.map(b => [b.name, b.value])"
    )
    out: dict[str, list[str]] = {}
    for name, value in rows:
        out.setdefault(str(name), []).append(str(value))
    return out


def status_text(page: Any) -> str:
    return str(page.locator(".pk-search-app__status").inner_text())


def results_text(count: int) -> str:
    """What the page says for ``count`` results."""
    if count == 0:
        return "Aucun résultat. Essayez un autre mot ou retirez un filtre."
    return f"{count} résultat{'s' if count > 1 else ''}"


def no_axe_violation(page: Any) -> None:
    """axe-core (tests/quality/install.sh) on the page as it is, filters open: no WCAG 2.1
    A or AA violation. Skipped without the checkers."""
    axe = ROOT / "tests" / "quality" / "node_modules" / "axe-core" / "axe.min.js"
    if not axe.is_file():
        return  # test_quality.py says the checkers are missing (and fails in CI)
    page.add_script_tag(path=str(axe))
    result = page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})"
    )
    found = [(v["id"], [n["html"][:120] for n in v["nodes"]]) for v in result["violations"]]
    assert not found, found
