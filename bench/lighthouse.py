"""Lighthouse (mobile) scores of four page types of the built site: a benchmark, not a test.

Run from the repository root, after ``npm ci --prefix bench`` (installs Lighthouse into
bench/node_modules; no browser is downloaded)::

    .venv/bin/python bench/lighthouse.py                 # builds the example site
    .venv/bin/python bench/lighthouse.py --site site/ --runs 3

It builds the example site into a temporary folder (or takes ``--site DIR``, a built site),
serves it on 127.0.0.1 under the path of ``site_url`` (``/savoirs/``), gzip-compressing text
responses as a production server would, and runs Lighthouse in Debian's chromium
(``CHROME_PATH``, default /usr/bin/chromium) with Lighthouse's default mobile settings
(emulated phone, simulated slow 4G and 4x CPU slowdown) on a sheet page, a write-up page, a
listing (a country page), each the largest HTML of its kind, and the home page. Each score is
the median of ``--runs`` runs (default 3). The four category scores (performance,
accessibility, best-practices, seo), the main metrics and every audit that lost points
outside performance are printed as Markdown and written to ``bench/lighthouse.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gzip
import io
import json
import mimetypes
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, BinaryIO, ClassVar
from urllib.parse import unquote, urlsplit

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
OUTPUT = BENCH / "lighthouse.md"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
)
METRICS = (
    ("first-contentful-paint", "FCP"),
    ("largest-contentful-paint", "LCP"),
    ("total-blocking-time", "TBT"),
    ("cumulative-layout-shift", "CLS"),
    ("speed-index", "Speed Index"),
)
COMPRESSIBLE = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "image/svg+xml",
    "application/atom+xml",
    "application/manifest+json",
)


# --------------------------------------------------------------------------- serving


class _Handler(SimpleHTTPRequestHandler):
    """Static files under ``prefix``, gzip-compressed when the client accepts it."""

    protocol_version = "HTTP/1.1"  # keep-alive, as any real server
    prefix = "/"
    _gzipped: ClassVar[dict[tuple[str, float], bytes]] = {}
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def _inside(self) -> bool:
        bare = unquote(urlsplit(self.path).path)
        return bare.startswith(self.prefix) or bare + "/" == self.prefix

    def translate_path(self, path: str) -> str:
        bare = urlsplit(path).path
        return super().translate_path("/" + bare[len(self.prefix) :])

    def send_head(self) -> BinaryIO | None:
        if not self._inside():
            self.send_error(404, "outside the site")
            return None
        path = self.translate_path(self.path)
        if os.path.isdir(path) and urlsplit(self.path).path.endswith("/"):
            path = os.path.join(path, "index.html")
        kind, encoding = mimetypes.guess_type(path)
        kind = kind or "application/octet-stream"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (
            accepts and encoding is None and os.path.isfile(path) and kind.startswith(COMPRESSIBLE)
        ):
            return super().send_head()
        stat = os.stat(path)
        key = (path, stat.st_mtime)
        with self._lock:
            body = self._gzipped.get(key)
            if body is None:
                body = gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)
                self._gzipped[key] = body
        self.send_response(200)
        self.send_header(
            "Content-Type", f"{kind}; charset=utf-8" if kind.startswith("text/") else kind
        )
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", formatdate(stat.st_mtime, usegmt=True))
        self.end_headers()
        return io.BytesIO(body)

    def list_directory(self, path: str | os.PathLike[str]) -> io.BytesIO | None:
        self.send_error(404, "no index.html here")  # as static hosts do
        return None

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(site: Path, prefix: str) -> Iterator[str]:
    """Serve the built ``site`` at ``http://127.0.0.1:<port><prefix>``; yield that address."""
    handler = type("Handler", (_Handler,), {"prefix": prefix})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


# --------------------------------------------------------------------------- site


def site_prefix() -> str:
    """The path of ``site_url`` in mkdocs.yml (``/savoirs/``), so pages are served where
    they are published."""
    for line in (REPO / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("site_url:"):
            path = urlsplit(line.split(":", 1)[1].strip().strip("'\"")).path
            return "/" + path.strip("/") + "/" if path.strip("/") else "/"
    return "/"


def _revision() -> str:
    """The commit the site is built from, marked when the work tree has changes."""
    done = subprocess.run(
        ["git", "-C", str(REPO), "describe", "--always", "--dirty"],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        return "the repository"
    name = done.stdout.strip()
    if name.endswith("-dirty"):
        return f"commit {name.removesuffix('-dirty')} with uncommitted changes"
    return f"commit {name}"


def build_example(target: Path) -> None:
    print(f"building the example site into {target} ...", file=sys.stderr)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "build",
            "--root",
            str(REPO),
            "--site-dir",
            str(target),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if done.returncode != 0:
        sys.exit(f"lighthouse.py: the build failed:\n{done.stdout}{done.stderr}")


def _largest_page(site: Path, section: str) -> str:
    """The heaviest page inside a section (``projets/<slug>/``): the largest index.html,
    ties broken by name, so the choice is stable and errs on the slow side."""
    folder = site / section
    pages = list(folder.glob("*/index.html")) if folder.is_dir() else []
    if not pages:
        sys.exit(f"lighthouse.py: no page under {section} in {site}")
    chosen = max(pages, key=lambda p: (p.stat().st_size, p.parent.name))
    return f"{section}{chosen.parent.name}/"


def choose_pages(site: Path) -> list[tuple[str, str]]:
    """(label, path) of a sheet, a write-up, a listing (country page) and the home page."""
    if not (site / "index.html").is_file():
        sys.exit(f"lighthouse.py: {site} has no index.html (not a built site)")
    return [
        ("sheet", _largest_page(site, "projets/")),
        ("write-up", _largest_page(site, "comptes-rendus/")),
        ("listing (country)", _largest_page(site, "pays/")),
        ("home", ""),
    ]


# --------------------------------------------------------------------------- Lighthouse


@dataclass
class PageResult:
    label: str
    path: str
    scores: dict[str, list[float | None]] = field(default_factory=dict)
    reports: list[dict[str, Any]] = field(default_factory=list)

    def score(self, category: str) -> str:
        values = [v for v in self.scores.get(category, []) if v is not None]
        if not values:
            return "error"
        return str(round(statistics.median(values) * 100))

    def median_report(self) -> dict[str, Any]:
        """The run whose performance score is the median one."""
        ranked = sorted(self.reports, key=lambda r: _category_score(r, "performance") or 0)
        return ranked[(len(ranked) - 1) // 2]


def _category_score(report: dict[str, Any], category: str) -> float | None:
    value = report.get("categories", {}).get(category, {}).get("score")
    return float(value) if isinstance(value, int | float) else None


def run_lighthouse(url: str, chrome: str, workdir: Path) -> dict[str, Any]:
    out = workdir / "report.json"
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={out}",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
    ]
    env = {**os.environ, "CHROME_PATH": chrome}
    done = subprocess.run(
        command, env=env, capture_output=True, text=True, check=False, timeout=300
    )
    if done.returncode != 0 or not out.is_file():
        sys.exit(
            f"lighthouse.py: lighthouse failed on {url} (exit {done.returncode}):\n"
            f"{done.stdout}{done.stderr}"
        )
    report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    out.unlink()
    if report.get("runtimeError"):
        sys.exit(f"lighthouse.py: {url}: {report['runtimeError']}")
    for warning in report.get("runWarnings", []):
        print(f"lighthouse warning ({url}): {warning}", file=sys.stderr)
    return report


def chromium_version(chrome: str) -> str:
    done = subprocess.run(
        [chrome, "--version"], capture_output=True, text=True, check=False, timeout=60
    )
    words = done.stdout.split()
    return " ".join(words[:2]) if done.returncode == 0 and words else "unknown"


# --------------------------------------------------------------------------- report


def _throttling(report: dict[str, Any], runs: int) -> str:
    settings = report.get("configSettings", {})
    method = {
        "simulate": "simulated (Lantern)",
        "devtools": "DevTools-applied",
        "provided": "no",
    }.get(str(settings.get("throttlingMethod")), "?")
    throttle = settings.get("throttling", {})
    screen = settings.get("screenEmulation", {})
    return (
        f"{settings.get('formFactor', '?')} form factor "
        f"({screen.get('width', '?')}x{screen.get('height', '?')} px), "
        f"{method} throttling (Lighthouse default: "
        f"{throttle.get('rttMs', '?')} ms RTT, "
        f"{round(float(throttle.get('throughputKbps', 0)))} kb/s, "
        f"CPU slowdown x{throttle.get('cpuSlowdownMultiplier', '?')}); "
        f"{'median of ' + str(runs) + ' runs' if runs > 1 else 'one run'} per page, "
        "served gzip-compressed from 127.0.0.1; host CPU benchmarkIndex "
        f"{report.get('environment', {}).get('benchmarkIndex', '?')}"
    )


def _lost_points(report: dict[str, Any]) -> list[str]:
    """Audits of the non-performance categories that did not pass."""
    lost = []
    audits = report.get("audits", {})
    for category in CATEGORIES[1:]:
        for ref in report.get("categories", {}).get(category, {}).get("auditRefs", []):
            audit = audits.get(ref.get("id"), {})
            score = audit.get("score")
            if ref.get("weight", 0) > 0 and isinstance(score, int | float) and score < 1:
                lost.append(f"{category}: `{ref['id']}` ({audit.get('title', '')})")
    return lost


def markdown(results: list[PageResult], versions: dict[str, str], note: str, source: str) -> str:
    lines = [
        "# Lighthouse (mobile)",
        "",
        "Written by `bench/lighthouse.py`; a benchmark, not a test.",
        "",
        f"- Date: {versions['date']}",
        f"- Lighthouse {versions['lighthouse']}, {versions['chromium']} "
        f"(Debian, headless), Node {versions['node']}",
        f"- Site: {source}",
        f"- Throttling: {note}",
        "",
        "| page | address | performance | accessibility | best-practices | seo |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for result in results:
        scores = " | ".join(result.score(c) for c in CATEGORIES)
        lines.append(f"| {result.label} | `{result.path or '/'}` | {scores} |")
    lines += [
        "",
        "Metrics of the median run:",
        "",
        "| page | " + " | ".join(name for _, name in METRICS) + " |",
        "| --- | " + " | ".join("---:" for _ in METRICS) + " |",
    ]
    for result in results:
        audits = result.median_report().get("audits", {})
        cells = [
            str(audits.get(key, {}).get("displayValue", "?")).replace("\u00a0", " ")
            for key, _ in METRICS
        ]
        lines.append(f"| {result.label} | " + " | ".join(cells) + " |")
    lost = [(r.label, item) for r in results for item in _lost_points(r.median_report())]
    lines += ["", "Audits that lost points outside performance (median run):", ""]
    lines += [f"- {label}: {item}" for label, item in lost] or ["- none"]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Lighthouse (mobile) scores of a sheet, a write-up, a listing and the "
        "home page; writes bench/lighthouse.md."
    )
    parser.add_argument(
        "--site", type=Path, help="a built site to measure (default: build the example site)"
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=3,
        help="Lighthouse runs per page; scores are medians (default: 3)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=OUTPUT,
        help=f"Markdown report (default: {OUTPUT.relative_to(REPO)})",
    )
    parser.add_argument(
        "--chrome",
        default=os.environ.get("CHROME_PATH", "/usr/bin/chromium"),
        help="chromium binary (default: $CHROME_PATH or /usr/bin/chromium)",
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be 1 or more")
    if not LIGHTHOUSE.exists():
        sys.exit("lighthouse.py: Lighthouse is not installed: run `npm ci --prefix bench`")
    if not Path(args.chrome).exists():
        sys.exit(f"lighthouse.py: no chromium at {args.chrome} (Debian package chromium)")
    prefix = site_prefix()
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as temp:
        workdir = Path(temp)
        if args.site is None:
            site = workdir / "site"
            build_example(site)
            source = f"the example site, built by this script from {_revision()}"
        else:
            site = args.site.resolve()
            source = f"`{args.site}`"
        pages = choose_pages(site)
        results = [PageResult(label, path) for label, path in pages]
        with serve(site, prefix) as base:
            for result in results:
                for run in range(args.runs):
                    print(f"lighthouse {run + 1}/{args.runs}: {base}{result.path}", file=sys.stderr)
                    report = run_lighthouse(base + result.path, args.chrome, workdir)
                    result.reports.append(report)
                    for category in CATEGORIES:
                        result.scores.setdefault(category, []).append(
                            _category_score(report, category)
                        )
    first = results[0].reports[0]
    node = (
        subprocess.run(["node", "--version"], capture_output=True, text=True, check=False)
        .stdout.strip()
        .lstrip("v")
        or "?"
    )
    versions = {
        "date": dt.datetime.now(dt.UTC).date().isoformat(),
        "lighthouse": str(first.get("lighthouseVersion", "?")),
        "chromium": chromium_version(args.chrome),
        "node": node,
    }
    text = markdown(results, versions, _throttling(first, args.runs), source)
    print(text)
    args.out.write_text(text, encoding="utf-8")
    print(f"written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    if shutil.which("node") is None:
        sys.exit("lighthouse.py: node is not installed (Debian packages nodejs, npm)")
    sys.exit(main())
