"""Benchmark: check, HTML build, PDFs and search at 100, 1,000 and 5,000 sheets (+10 %).

Run from the repository root::

    .venv/bin/python bench/benchmark.py                    # sizes 100,1000,5000
    .venv/bin/python bench/benchmark.py --sizes 100,1000 --repeat 3 --pdf-sizes 100

For every size it generates a demonstration corpus (``generator.demo``, seed 0), then
measures, in the same run and each as a subprocess:

- ``python -m generator check``: wall time and files per second (sheets + write-ups
  divided by the wall time, interpreter start-up included);
- ``python -m generator build`` with ``PROGRAMME_PDF=0`` (HTML and search index, no PDF)
  against ``mkdocs build`` of a plain mkdocs-material site holding the same sheets' and
  write-ups' Markdown bodies as ordinary pages, with a short navigation
  (``nav: [index.md]``), the same Markdown extensions, ``language: fr``, ``font: false``
  and Material's default search plugin; the ratio of the two medians is the figure that
  counts;
- peak memory of each build: the largest sum of the resident memory of the build and all
  its child processes (worker processes, Pagefind), sampled every 50 ms from ``/proc``;
- the size of the built site (``du -sk``) and the weight of one sheet page on first
  visit: its HTML plus every stylesheet, script and image it references (``link
  rel=stylesheet``, ``script src``, ``img src``) and the fonts those stylesheets load, as
  stored and gzip-compressed (what a server that compresses text sends);
- search: Pagefind's own time on the built site (:func:`generator.search.index_site`,
  in a subprocess; during a build it overlaps MkDocs' rendering), and the bytes a browser
  fetches for a first query (Debian chromium through Playwright, page ``recherche/?q=…``:
  search code, WebAssembly, index chunks, filters and result fragments);
- PDFs (sizes in ``--pdf-sizes``): a full build with PDFs from an empty cache, a rebuild
  with no change (the site is kept: :mod:`generator.build_manifest`), a rebuild after one
  sheet's text changed and one after an organisation's name changed in the registry, with
  how many PDFs each rendered (the log line ``PDF: n rendered``); the no-change and
  one-change figures are also given as ratios to the plain mkdocs-material build.

Each check, build and plain-build figure is the median of ``--repeat`` runs (default 3); the
PDF and search figures come from one run each (a cold PDF build of 5,000 sheets takes a
quarter of an hour). The table is printed and written to ``bench/results.md``.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from serve_preview import PreviewRun, launch_chromium, measure_preview  # noqa: E402
from serve_preview import table as preview_table  # noqa: E402

from generator.demo import generate_corpus  # noqa: E402
from generator.owned_folders import FolderNotOurs, ensure_replaceable  # noqa: E402

PYTHON = sys.executable
BENCH_MARKER = ".programme-bench"
STAGE_RE = re.compile(r"stage ([^:]+): ([0-9.]+) s")
PDF_RE = re.compile(r"PDF: (\d+) rendered, (\d+) from cache")
UP_TO_DATE_RE = re.compile(r"est à jour|is up to date")
SEARCH_QUERY = "senegal"
FRONT_RE = re.compile(r"\A---\n.*?\n---\n", re.S)
TITLE_RE = re.compile(r'^title: (".*")$', re.M)

MARKDOWN_EXTENSIONS = """\
markdown_extensions:
  - toc:
      permalink: false
  - tables
  - attr_list
  - admonition
  - footnotes
  - def_list
"""


@dataclass
class Run:
    seconds: float
    cpu: float
    max_rss_kb: int
    stderr: str
    tree_peak_kb: int = 0
    """Largest sum of resident memory over the process and its descendants (sampled)."""


@dataclass
class PdfRun:
    seconds: float
    rendered: int
    cached: int
    peak_mb: float = 0.0


@dataclass
class Row:
    sheets: int
    writeups: int
    repeat: int
    check_s: float = 0.0
    build_s: float = 0.0
    plain_s: float = 0.0
    check_cpu: float = 0.0
    build_cpu: float = 0.0
    plain_cpu: float = 0.0
    build_mb: float = 0.0
    plain_mb: float = 0.0
    site_mb: float = 0.0
    plain_site_mb: float = 0.0
    page_kb: float = 0.0
    page_gzip_kb: float = 0.0
    page_parts: str = ""
    stages: dict[str, float] = field(default_factory=dict)
    search_s: float = 0.0
    search_mb: float = 0.0
    page_browser_kb: float = 0.0
    page_browser_sent_kb: float = 0.0
    page_files: int = 0
    query_kb: float = 0.0
    query_sent_kb: float = 0.0
    query_files: int = 0
    pdf: list[PdfRun] = field(default_factory=list)
    pdf_expected: int = 0

    @property
    def files_per_s(self) -> float:
        return (self.sheets + self.writeups) / self.check_s if self.check_s else 0.0

    @property
    def ratio(self) -> float:
        return self.build_s / self.plain_s if self.plain_s else 0.0

    @property
    def cpu_ratio(self) -> float:
        return self.build_cpu / self.plain_cpu if self.plain_cpu else 0.0


def _tree_rss_kb(root_pid: int) -> int:
    """Resident memory (KiB) of ``root_pid`` and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{entry}/statm", encoding="utf-8") as statm:
                pages = int(statm.read().split()[1])
        except (OSError, IndexError, ValueError):
            continue
        parents[int(entry)] = int(fields[1])
        rss[int(entry)] = pages * (os.sysconf("SC_PAGE_SIZE") // 1024)
    total, todo = 0, [root_pid]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(child for child, parent in parents.items() if parent == pid)
    return total


def timed(command: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    """Run ``command``; wall time, CPU time and peak memory (of the child, of its tree)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0", **(env or {})}
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.05):
            peak[0] = max(peak[0], _tree_rss_kb(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    assert process.stderr is not None
    stderr = process.stderr.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    done.set()
    sampler.join()
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"failed ({process.returncode}): {' '.join(command)}\n{stderr}")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, cpu, int(usage.ru_maxrss), stderr, peak[0])  # KiB on Linux


def plain_site(corpus: Path, target: Path) -> None:
    """The same Markdown as a plain mkdocs-material site with a short navigation."""
    docs = target / "docs"
    shutil.rmtree(target, ignore_errors=True)
    (docs / "projets").mkdir(parents=True)
    (docs / "comptes-rendus").mkdir(parents=True)
    (docs / "index.md").write_text(
        "# Savoirs de programme\n\nSite de comparaison.\n", encoding="utf-8"
    )
    for folder, out in (
        (corpus / "projects", "projets"),
        (corpus / "content" / "comptes-rendus", "comptes-rendus"),
    ):
        for path in sorted(folder.glob("*.md")):
            text = path.read_text(encoding="utf-8")
            title_match = TITLE_RE.search(text)
            title = title_match.group(1)[1:-1] if title_match else path.stem
            body = FRONT_RE.sub("", text).replace("../../projects/", "../projets/")
            (docs / out / path.name).write_text(f"# {title}\n{body}", encoding="utf-8")
    (target / "mkdocs.yml").write_text(
        "site_name: Savoirs de programme (plain)\n"
        "site_url: https://example.org/plain/\n"
        "use_directory_urls: true\n"
        "nav:\n  - index.md\n"
        "theme:\n  name: material\n  language: fr\n  font: false\n"
        + MARKDOWN_EXTENSIONS
        + "validation:\n  nav:\n    omitted_files: ignore\n"
        "  links:\n    not_found: info\n",
        encoding="utf-8",
    )


def du_mb(path: Path) -> float:
    out = subprocess.run(["du", "-sk", str(path)], capture_output=True, text=True, check=True)
    return int(out.stdout.split()[0]) / 1024


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "link" and "stylesheet" in values.get("rel", "").split():
            self.refs.append(("css", values.get("href", "")))
        elif tag == "script" and values.get("src"):
            self.refs.append(("js", values["src"]))
        elif tag == "img" and values.get("src"):
            self.refs.append(("img", values["src"]))


CSS_URL_RE = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
FONT_SUFFIXES = (".woff2", ".woff", ".ttf", ".otf", ".eot")


def _local(site: Path, page_dir: Path, ref: str) -> Path | None:
    if re.match(r"^[a-z]+:|^//|^data:", ref):
        return None  # external or inline: not fetched from this site
    ref = ref.split("#", 1)[0].split("?", 1)[0]
    path = (site / ref.lstrip("/")) if ref.startswith("/") else (page_dir / ref)
    path = path.resolve()
    return path if path.is_file() and path.is_relative_to(site.resolve()) else None


def page_weight(site: Path, page: Path) -> tuple[int, int, str]:
    """Bytes of ``page`` and what it loads on first visit (raw, gzip -6), and a breakdown."""
    html = page.read_bytes()
    parser = _Refs()
    parser.feed(html.decode("utf-8"))
    sizes = {"html": len(html), "css": 0, "js": 0, "img": 0, "fonts": 0}
    gz = len(gzip.compress(html, 6))
    seen: set[Path] = set()
    for kind, ref in parser.refs:
        path = _local(site, page.parent, ref)
        if path is None or path in seen:
            continue
        seen.add(path)
        data = path.read_bytes()
        sizes[kind] += len(data)
        gz += len(gzip.compress(data, 6))
        if kind == "css":
            for font_ref in CSS_URL_RE.findall(data.decode("utf-8", "replace")):
                if font_ref.lower().split("?")[0].endswith(FONT_SUFFIXES):
                    font = _local(site, path.parent, font_ref)
                    if font is not None and font not in seen:
                        seen.add(font)
                        sizes["fonts"] += font.stat().st_size
                        gz += font.stat().st_size  # fonts are already compressed
    parts = ", ".join(f"{k} {v / 1024:.0f}" for k, v in sizes.items())
    return sum(sizes.values()), gz, parts


def first_sheet_page(site: Path) -> Path:
    pages = sorted((site / "projets").glob("*/index.html"))
    if not pages:
        raise SystemExit(f"no sheet page under {site / 'projets'}")
    return pages[0]


def search_time(site: Path) -> tuple[float, float]:
    """Pagefind alone over the built site: seconds and bundle size in MB."""
    code = (
        "import sys; from pathlib import Path; from generator.search import index_site; "
        "s = index_site(Path(sys.argv[1])); print(s.bytes, file=sys.stderr)"
    )
    run = timed([PYTHON, "-c", code, str(site)], cwd=REPO)
    return run.seconds, int(run.stderr.strip().splitlines()[-1]) / 1e6


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def fetched_by_browser(
    site: Path, path: str, ready: str = "", only: tuple[str, ...] = ()
) -> tuple[int, int, int]:
    """What Debian's chromium fetches to show ``path`` of ``site`` (served on 127.0.0.1).

    Returns bytes as served by a plain static server, bytes as sent by one that compresses
    text (HTML, CSS, JavaScript, JSON, XML gzipped; Pagefind's index files and WebAssembly
    are stored compressed already), and the number of files. ``ready``: a CSS selector to
    wait for; ``only``: count only URLs containing one of these strings.
    """
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    fetched: dict[str, tuple[int, int]] = {}
    try:
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            page = browser.new_page()

            def on_response(response: object) -> None:
                url = getattr(response, "url", "")
                if only and not any(part in url for part in only):
                    return
                try:
                    body = response.body()  # type: ignore[attr-defined]
                except Exception:  # a redirect has no body
                    body = b""
                name = url.split("?")[0]
                text = name.endswith((".js", ".json", ".css", ".xml", ".html", "/"))
                fetched[url] = (len(body), len(gzip.compress(body, 6)) if text else len(body))

            page.on("response", on_response)
            page.goto(base + path)
            if ready:
                page.wait_for_selector(ready, timeout=60_000)
            page.wait_for_load_state("networkidle")
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return (
        sum(raw for raw, _sent in fetched.values()),
        sum(sent for _raw, sent in fetched.values()),
        len(fetched),
    )


def first_query_bytes(site: Path, query: str = SEARCH_QUERY) -> tuple[int, int, int]:
    """Search code, WebAssembly, index, filters and result fragments of a first query."""
    return fetched_by_browser(
        site, f"recherche/?q={query}", ".pk-result", ("/pagefind/", "/search.js")
    )


def measure_pdfs(corpus: Path, work: Path, size: int) -> tuple[list[PdfRun], int]:
    """Cold PDF build, rebuild without change, rebuild after one sheet changed."""
    root = work / f"pdf-{size}"
    site = work / f"pdf-site-{size}"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(corpus, root, ignore=shutil.ignore_patterns(".cache"))
    command = [
        PYTHON,
        "-m",
        "generator",
        "build",
        "-v",
        "--root",
        str(root),
        "--site-dir",
        str(site),
    ]
    runs = []

    def build(label: str) -> None:
        print(f"[{size}] PDF build: {label}", file=sys.stderr)
        run = timed(command, cwd=REPO)
        match = PDF_RE.search(run.stderr)
        if match is None and not UP_TO_DATE_RE.search(run.stderr):
            raise SystemExit(f"no 'PDF: n rendered' line in the build log:\n{run.stderr}")
        rendered, cached = (int(match.group(1)), int(match.group(2))) if match else (0, 0)
        runs.append(
            PdfRun(run.seconds, rendered, cached, max(run.max_rss_kb, run.tree_peak_kb) / 1024)
        )

    build("cold cache")
    build("no change")
    sheet = sorted((root / "projects").glob("*.md"))[0]
    text = sheet.read_text(encoding="utf-8")
    sheet.write_text(text + "\nUne phrase ajoutée pour le banc d’essai.\n", encoding="utf-8")
    build(f"one sheet changed ({sheet.name})")
    registry = root / "content" / "_data" / "organisations.yml"
    registry.write_text(
        registry.read_text(encoding="utf-8").replace('name: "', 'name: "Nouvelle ', 1),
        encoding="utf-8",
    )
    build("one organisation renamed in the registry")
    # its own PDF, plus its programme's compiled report when it belongs to one
    expected = 1 + (1 if re.search(r"^programme: ", text, re.M) else 0)
    return runs, expected


def measure(size: int, repeat: int, work: Path, pdf: bool) -> Row:
    writeups = max(1, size // 10)
    corpus = work / f"corpus-{size}"
    plain = work / f"plain-{size}"
    print(f"[{size}] generating {size} sheets + {writeups} write-ups", file=sys.stderr)
    generate_corpus(corpus, size, writeups, seed=0)
    plain_site(corpus, plain)
    row = Row(size, writeups, repeat)

    checks, builds, plains, build_mem, plain_mem = [], [], [], [], []
    check_cpu, build_cpu, plain_cpu = [], [], []
    stage_runs: dict[str, list[float]] = {}
    site = work / f"site-{size}"
    plain_out = work / f"plain-site-{size}"
    for attempt in range(repeat):
        print(f"[{size}] run {attempt + 1}/{repeat}: check", file=sys.stderr)
        run = timed([PYTHON, "-m", "generator", "check", "--root", str(corpus)], cwd=REPO)
        checks.append(run.seconds)
        check_cpu.append(run.cpu)
        print(f"[{size}] run {attempt + 1}/{repeat}: generator build", file=sys.stderr)
        shutil.rmtree(site, ignore_errors=True)
        run = timed(
            [
                PYTHON,
                "-m",
                "generator",
                "build",
                "-v",
                "--root",
                str(corpus),
                "--site-dir",
                str(site),
            ],
            cwd=REPO,
            env={"PROGRAMME_PDF": "0"},
        )
        builds.append(run.seconds)
        build_cpu.append(run.cpu)
        build_mem.append(max(run.max_rss_kb, run.tree_peak_kb))
        for stage, seconds in STAGE_RE.findall(run.stderr):
            stage_runs.setdefault(stage, []).append(float(seconds))
        print(f"[{size}] run {attempt + 1}/{repeat}: plain mkdocs-material build", file=sys.stderr)
        shutil.rmtree(plain_out, ignore_errors=True)
        run = timed(
            [
                PYTHON,
                "-m",
                "mkdocs",
                "build",
                "-f",
                str(plain / "mkdocs.yml"),
                "-d",
                str(plain_out),
            ],
            cwd=plain,
        )
        plains.append(run.seconds)
        plain_cpu.append(run.cpu)
        plain_mem.append(max(run.max_rss_kb, run.tree_peak_kb))
    row.check_s = statistics.median(checks)
    row.build_s = statistics.median(builds)
    row.plain_s = statistics.median(plains)
    row.check_cpu = statistics.median(check_cpu)
    row.build_cpu = statistics.median(build_cpu)
    row.plain_cpu = statistics.median(plain_cpu)
    row.build_mb = statistics.median(build_mem) / 1024
    row.plain_mb = statistics.median(plain_mem) / 1024
    row.stages = {k: statistics.median(v) for k, v in stage_runs.items()}
    row.site_mb = du_mb(site)
    row.plain_site_mb = du_mb(plain_out)
    sheet = first_sheet_page(site)
    total, gz, parts = page_weight(site, sheet)
    row.page_kb, row.page_gzip_kb, row.page_parts = total / 1024, gz / 1024, parts
    raw, sent, row.page_files = fetched_by_browser(
        site, sheet.parent.relative_to(site).as_posix() + "/"
    )
    row.page_browser_kb, row.page_browser_sent_kb = raw / 1024, sent / 1024
    print(f"[{size}] search: Pagefind alone, then a first query in chromium", file=sys.stderr)
    row.search_s, row.search_mb = search_time(site)
    query_bytes, sent_bytes, row.query_files = first_query_bytes(site)
    row.query_kb, row.query_sent_kb = query_bytes / 1024, sent_bytes / 1024
    if pdf:
        row.pdf, row.pdf_expected = measure_pdfs(corpus, work, size)
    print(
        f"[{size}] check {row.check_s:.2f} s, build {row.build_s:.2f} s, plain "
        f"{row.plain_s:.2f} s, ratio {row.ratio:.2f}",
        file=sys.stderr,
    )
    return row


def _pdf_cells(r: Row) -> str:
    if not r.pdf:
        return "not measured | not measured | not measured | not measured"
    cold, again, changed, registry = r.pdf
    return (
        f"{cold.seconds:.1f} ({cold.rendered:,} rendered, peak {cold.peak_mb:,.0f} MB) "
        f"| {again.seconds:.1f} ({again.rendered} rendered, {again.seconds / r.plain_s:.2f}× "
        f"plain) | {changed.seconds:.1f} ({changed.rendered} rendered, "
        f"{r.pdf_expected} contain the sheet; {changed.seconds / r.plain_s:.2f}× plain) "
        f"| {registry.seconds:.1f} ({registry.rendered} rendered)"
    )


def table(rows: list[Row]) -> str:
    head = (
        "| sheets + write-ups | runs | check s (files/s) | build HTML s | plain "
        "mkdocs-material s | ratio build/plain | CPU s build / plain | peak memory MB "
        "build / plain | site MB (plain) | sheet page KB raw / gzip | PDF cold s "
        "| PDF rebuild, no change s | PDF rebuild, 1 sheet changed s "
        "| PDF rebuild, 1 organisation renamed s | Pagefind alone s "
        "(index MB) | first query KB as served / compressed (files) |"
    )
    sep = "|" + "---|" * (head.count("|") - 1)
    lines = [head, sep]
    for r in rows:
        lines.append(
            f"| {r.sheets:,} + {r.writeups:,} | {r.repeat} | {r.check_s:.2f} "
            f"({r.files_per_s:,.0f}) | {r.build_s:.2f} | {r.plain_s:.2f} | **{r.ratio:.2f}** "
            f"| {r.build_cpu:.1f} / {r.plain_cpu:.1f} | {r.build_mb:,.0f} / {r.plain_mb:,.0f} "
            f"| {r.site_mb:.0f} ({r.plain_site_mb:.0f}) | {r.page_browser_kb:.0f} / "
            f"{r.page_browser_sent_kb:.0f} ({r.page_files}) "
            f"| {_pdf_cells(r)} | {r.search_s:.1f} ({r.search_mb:.1f}) "
            f"| {r.query_kb:.0f} / {r.query_sent_kb:.0f} ({r.query_files}) |"
        )
    return "\n".join(lines)


def details(rows: list[Row]) -> str:
    lines = [
        "",
        "Stage durations of `python -m generator build -v` (HTML only; median, "
        "seconds; MkDocs' own rendering and writing of the pages is the rest of the "
        "build; `search (start)` is the time spent handing the sheet and write-up "
        "pages to the search index, in batches, while they are planned, `search "
        "(wait and install)` is what remains of Pagefind after MkDocs has finished):",
        "",
    ]
    for r in rows:
        stages = ", ".join(f"{k} {v:.2f}" for k, v in r.stages.items()) or "none logged"
        lines.append(f"- {r.sheets:,} sheets: {stages}; whole build {r.build_s:.2f}")
    lines += [
        "",
        "Sheet page weight from its HTML and what it references (KB, as stored; "
        "the browser figure in the table also counts what scripts fetch):",
        "",
    ]
    lines += [
        f"- {r.sheets:,} sheets: {r.page_parts}; total {r.page_kb:.0f}, gzip {r.page_gzip_kb:.0f}"
        for r in rows
    ]
    return "\n".join(lines)


def environment() -> str:
    import mkdocs
    import yaml

    try:
        from importlib.metadata import version

        material = version("mkdocs-material")
    except Exception:  # pragma: no cover - reporting only
        material = "?"
    return (
        f"Python {platform.python_version()}, {os.cpu_count()} CPU(s), "
        f"{platform.system()} {platform.machine()}; mkdocs {mkdocs.__version__}, "
        f"mkdocs-material {material}, PyYAML C loader: {yaml.__with_libyaml__}"
    )


def kept_sections(output: Path) -> str:
    """The hand-written sections (``## …``) at the end of the results file, kept as they are:
    the measurements of one issue, say, which this table does not repeat."""
    try:
        previous = output.read_text(encoding="utf-8")
    except OSError:
        return ""
    start = previous.find("\n## ")
    return "" if start < 0 else previous[start:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else "")
    parser.add_argument(
        "--sizes",
        default="100,1000,5000",
        help="comma-separated numbers of sheets (default 100,1000,5000)",
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs per check and build figure (default 3)"
    )
    parser.add_argument(
        "--work",
        type=Path,
        default=None,
        help="folder for corpora and sites (default: a temporary folder)",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=REPO / "bench" / "results.md",
        help="Markdown file for the results (default bench/results.md)",
    )
    parser.add_argument(
        "--pdf-sizes", default=None, help="sizes at which PDFs are measured (default: every size)"
    )
    parser.add_argument(
        "--serve-sizes",
        default=None,
        help="sizes at which the preview is measured in chromium (default: those of 1,000 "
        "sheets and more; 'none' for none)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    pdf_sizes = (
        sizes
        if args.pdf_sizes is None
        else [int(s.replace("_", "")) for s in args.pdf_sizes.split(",") if s.strip()]
    )
    work = args.work or Path(tempfile.mkdtemp(prefix="pk-bench-"))
    try:  # the benchmark replaces folders inside --work: only in a folder of its own
        ensure_replaceable(
            work, BENCH_MARKER, "benchmark work folder", "Give --work a new or empty folder."
        )
    except FolderNotOurs as error:
        raise SystemExit(f"error: {error}") from error
    work.mkdir(parents=True, exist_ok=True)
    (work / BENCH_MARKER).write_text("Work folder of bench/benchmark.py.\n", encoding="utf-8")
    serve_sizes = (
        [s for s in sizes if s >= 1000]
        if args.serve_sizes is None
        else [int(s.replace("_", "")) for s in args.serve_sizes.split(",") if s.strip().isdigit()]
    )
    rows = []
    previews: list[PreviewRun] = []
    try:
        for size in sizes:
            rows.append(measure(size, max(1, args.repeat), work, size in pdf_sizes))
            if size in serve_sizes:
                print(f"[{size}] the preview: edits to the browser", file=sys.stderr)
                previews.append(measure_preview(work / f"corpus-{size}", size))
    finally:
        if not args.keep and args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    command = (
        f"--sizes {','.join(str(s) for s in sizes)}"
        + f" --repeat {args.repeat}"
        + (f" --pdf-sizes {args.pdf_sizes}" if args.pdf_sizes is not None else "")
    )
    text = (
        "# Benchmark results\n\n"
        f"Produced by `python bench/benchmark.py {command}` on "
        f"{time.strftime('%Y-%m-%d')}.\n"
        f"Environment: {environment()}.\n\n"
        "Corpus: `generator.demo`, seed 0, write-ups = 10 % of the sheets. Times are wall "
        "clock of a subprocess (interpreter start-up included), median of *runs*. The "
        "plain build is `mkdocs build` of the same Markdown bodies as ordinary pages with "
        "`nav: [index.md]`, theme material, language fr, font false, same Markdown "
        "extensions, Material's default search. The HTML build includes the Pagefind index "
        "(`PROGRAMME_PDF=0` only turns PDFs off). CPU seconds are user + system of the "
        "process and the children it waited for. Peak memory is the largest sum of resident "
        "memory over the build and its child processes, sampled every 50 ms. The sheet "
        "page weight is what chromium fetched to show the first sheet page (HTML, CSS, JS, "
        "images, fonts and anything the scripts fetch), as served by a plain static server "
        "/ as sent by one that compresses text. PDF columns: "
        "wall time of a full build with PDFs and how many PDFs it rendered (the rest came "
        "from the cache). Search: Pagefind alone on the built site (during a build it runs "
        "while MkDocs renders), and what chromium fetched for the first query "
        f"« {SEARCH_QUERY} » on `recherche/` (search code, WebAssembly, index, filters, "
        "result fragments), as served by a plain static server / as sent by one that "
        "compresses text (JavaScript gzipped; Pagefind's index files and WebAssembly are "
        "stored compressed already).\n\n" + table(rows) + "\n" + details(rows) + "\n"
    )
    if previews:
        text += (
            "\nThe preview (`mkdocs serve`, PDFs off), one run, from `bench/serve_preview.py`: "
            "seconds from a save to what chromium shows on the sheet's page open at 390 px "
            "(live reload), to a new sheet's page answering, and to the new sheet in the "
            "sheets' listing (the full build that follows the quick pass).\n\n"
            + preview_table(previews)
            + "\n"
        )
    args.output.write_text(text + kept_sections(args.output), encoding="utf-8")
    print(table(rows))
    print(details(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
