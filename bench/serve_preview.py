"""Benchmark of the preview (``mkdocs serve``): from a save to what the browser shows.

Run from the repository root::

    .venv/bin/python bench/serve_preview.py --sizes 1000,5000

For each size it writes a demonstration corpus (``generator.demo``, seed 0), starts
``mkdocs serve`` on it (PDFs off, as the preview is by default), opens the first sheet's page
in Debian's chromium (Playwright, 390 px wide) and measures, one run each:

- the first build (from the start of ``mkdocs serve`` to the page answering);
- a sheet's body edited: seconds from the save to the new text on the page open in the
  browser (MkDocs' live reload reloads it);
- its title edited: the same, to the new heading;
- a new sheet: seconds from the save to its page answering (HTTP);
- the listings: seconds from that save to the new sheet on the sheets' listing (its title
  begins « Aaaa », so it opens the first page of the listing): the full build after the
  quick pass;
- the quick passes' own build times and the full build that follows, from the terminal.

It prints a Markdown table; the figures go to bench/results.md by hand, with the day and
the machine's load.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.demo import generate_corpus  # noqa: E402

BUILT_RE = re.compile(r"Documentation built in ([0-9.]+) seconds")
BASE = "/savoirs/"


@dataclass
class PreviewRun:
    size: int
    first_build: float
    body_shown: float
    title_shown: float
    new_served: float
    listing_after: float
    builds: list[float]
    """Every build's time from the terminal (the first, the quick passes, the full ones)."""


def launch_chromium(playwright: Any) -> Any:
    """Debian's chromium, headless, as every browser measurement of the benchmark starts it
    (no downloads work on this machine: Playwright's own browsers are not used)."""
    return playwright.chromium.launch(
        executable_path="/usr/bin/chromium",
        args=[
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
        ],
    )


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(port: int, path: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def _until(condition: Callable[[], bool], limit: float = 600) -> float:
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > limit:
            raise TimeoutError("not within the limit")
        time.sleep(0.02)
    return time.monotonic() - start


def measure_preview(corpus: Path, size: int) -> PreviewRun:
    from playwright.sync_api import sync_playwright

    sheets = sorted((corpus / "projects").glob("*.md"))
    sheet = sheets[len(sheets) // 2]
    url = f"{BASE}projets/{sheet.stem}/"
    port = _port()
    log = corpus.parent / f"serve-{size}.log"
    started = time.monotonic()
    with log.open("wb") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=corpus,
            stdout=output,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1", "NO_MKDOCS_2_WARNING": "1"},
            start_new_session=True,
        )
    original = sheet.read_text("utf-8")
    try:

        def answers() -> bool:
            try:
                return _get(port, url)[0] == 200
            except OSError:
                return False

        _until(answers)
        first = time.monotonic() - started
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
            page.goto(f"http://127.0.0.1:{port}{url}")
            page.wait_for_selector("h1")
            sheet.write_text(original + "\nUne phrase écrite pour le banc d'essai.\n", "utf-8")
            saved = time.monotonic()
            page.get_by_text("Une phrase écrite pour le banc").wait_for(timeout=600_000)
            body = time.monotonic() - saved
            time.sleep(4)  # past the full build that follows, which a page waits for
            _until(lambda: _get(port, url)[0] == 200)
            edited = re.sub(
                r'^title: ".*"$',
                'title: "Un titre changé pour le banc d’essai"',
                sheet.read_text("utf-8"),
                count=1,
                flags=re.M,
            )
            sheet.write_text(edited, "utf-8")
            saved = time.monotonic()
            page.locator("h1", has_text="Un titre changé").wait_for(timeout=600_000)
            title = time.monotonic() - saved
            browser.close()
        time.sleep(4)
        _until(lambda: _get(port, url)[0] == 200)
        new = corpus / "projects" / "fiche-neuve-du-banc-d-essai.md"
        new.write_text(original.replace('title: "', 'title: "Aaaa fiche neuve — ', 1), "utf-8")
        saved = time.monotonic()
        new_url = f"{BASE}projets/{new.stem}/"
        served = _until(lambda: _get(port, new_url)[0] == 200)
        # sorted by title, « Aaaa… » opens the first page of the sheets' listing
        listing = _until(lambda: "Aaaa fiche neuve" in _get(port, f"{BASE}projets/")[1])
        listing += served
        new.unlink()
    finally:
        sheet.write_text(original, "utf-8")
        time.sleep(1)
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
    builds = [float(m) for m in BUILT_RE.findall(log.read_text("utf-8", "replace"))]
    return PreviewRun(size, first, body, title, served, listing, builds)


def table(runs: list[PreviewRun]) -> str:
    lines = [
        "| sheets + write-ups | first build s | body edit → browser s | title edit → browser s "
        "| new sheet → served s | new sheet → in the listing s | builds in the terminal s |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in runs:
        lines.append(
            f"| {r.size:,} + {r.size // 10:,} | {r.first_build:.1f} | **{r.body_shown:.2f}** "
            f"| **{r.title_shown:.2f}** | **{r.new_served:.2f}** | {r.listing_after:.1f} "
            f"| {', '.join(f'{b:.2f}' for b in r.builds)} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else "")
    parser.add_argument("--sizes", default="1000,5000", help="comma-separated sheet counts")
    args = parser.parse_args(argv)
    runs = []
    with tempfile.TemporaryDirectory(prefix="pk-bench-serve-") as work:
        for size in [int(s) for s in args.sizes.split(",") if s.strip()]:
            corpus = Path(work) / f"corpus-{size}"
            generate_corpus(corpus, size, size // 10, seed=0)
            runs.append(measure_preview(corpus, size))
            print(table(runs[-1:]), flush=True)
    print(table(runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
