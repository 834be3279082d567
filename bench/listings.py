"""Weight of the listings' filter data and of a sheet page on a first visit (issue 18, item 10).

Budgets: a listing's ``filtres.json`` at most 50 KB compressed (gzip) at 5,000 sheets; a
sheet page at most 150 KB compressed on a first visit (its HTML, the CSS and JavaScript it
loads, the card thumbnails it shows). Builds the demo corpus (PDFs off, one sheet in ten
given a photo so that cards carry thumbnails) and weighs the built files::

    .venv/bin/python bench/listings.py --projects 5000 --writeups 200 --work DIR \
        [--out bench/listings.md]

``DIR`` is made for the run (an earlier run's folder is reused: the demo command replaces
only its own corpus).
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FILTER_BUDGET = 50_000
PAGE_BUDGET = 150_000
NOTE = """The demo's photos are flat drawings, so their thumbnails weigh under 1 KB; a real photo's
320 × 180 WebP at quality 60 is expected to weigh 5 to 12 KB (an estimate, not measured
here). A sheet page shows at most five related cards, so their thumbnails add at most about
60 KB, still within budget; the page's own image is published as the editors gave it (its
weight is theirs; `check` refuses more than 40 megapixels). Thumbnails load lazily
(`loading="lazy"`): a first visit fetches only those on screen.
"""
_ASSET = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src|img[^>]+src)="([^"]+)"')


def compressed(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9, mtime=0))


def add_photos(root: Path, every: int = 10) -> int:
    """Give one sheet in ``every`` a 1600 × 1000 JPEG photo (the demo has no images)."""
    from PIL import Image, ImageDraw

    sheets = sorted((root / "projects").glob("*.md"))
    images = root / "projects" / "images"
    images.mkdir(exist_ok=True)
    count = 0
    for index, sheet in enumerate(sheets[::every]):
        photo = images / f"{sheet.stem}.jpg"
        picture = Image.new("RGB", (1600, 1000), (40 + index % 180, 110, 70))
        ImageDraw.Draw(picture).ellipse((300, 200, 1300, 900), fill=(220, 190, 60))
        picture.save(photo, "JPEG", quality=85)
        text = sheet.read_text(encoding="utf-8")
        if "\nimage:" not in text:
            head, body = text.split("\n---\n", 1)
            head += f'\nimage:\n  src: images/{sheet.stem}.jpg\n  alt: "Photo : {sheet.stem}"'
            head += '\n  credit: "Photo : démonstration"'
            sheet.write_text(f"{head}\n---\n{body}", encoding="utf-8")
        count += 1
    return count


def page_weight(site: Path, page: str) -> tuple[int, dict[str, int]]:
    """Compressed bytes of ``page`` (a site path ending in /) and of what it loads."""
    html_path = site / page / "index.html"
    html = html_path.read_text(encoding="utf-8")
    parts = {"HTML": compressed(html_path)}
    base = "https://site.invalid/" + page
    for href in sorted(set(_ASSET.findall(html))):
        address = urljoin(base, href.replace("&amp;", "&"))
        if not address.startswith("https://site.invalid/"):
            continue
        path = site / urlsplit(address).path.lstrip("/")
        if path.is_file():
            parts[path.relative_to(site).as_posix()] = compressed(path)
    return sum(parts.values()), parts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=5000)
    parser.add_argument("--writeups", type=int, default=200)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    root, site = args.work / "corpus", args.work / "site"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PROGRAMME_PDF": "0", "PK_LANG": "en"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    python = sys.executable
    demo = ["demo", "--projects", str(args.projects), "--writeups", str(args.writeups)]
    subprocess.run(
        [python, "-m", "generator", *demo, "--out", str(root)],
        check=True,
        env=env,
    )
    photos = add_photos(root)
    started = time.perf_counter()
    subprocess.run(
        [
            python,
            "-m",
            "generator",
            "build",
            "--root",
            str(root),
            "--site-dir",
            str(site),
            "--force",
        ],
        check=True,
        env=env,
    )
    seconds = time.perf_counter() - started
    filters = sorted(site.rglob("filtres.json"))
    weights = sorted(
        ((compressed(f), f.stat().st_size, f.relative_to(site).as_posix()) for f in filters),
        reverse=True,
    )
    sheets = sorted(p.parent.name for p in (site / "projets").glob("*/index.html"))
    with_photo = sorted(p.stem for p in (root / "projects" / "images").glob("*.jpg"))
    pages = [f"projets/{sheets[len(sheets) // 2]}/", f"projets/{with_photo[0]}/"]
    lines = [
        "# Listings: filter data and page weight",
        "",
        f"Demo corpus: {args.projects} sheets, {args.writeups} write-ups, {photos} sheets "
        f"with a photo; built with PDFs off in {seconds:.0f} s (`bench/listings.py`).",
        "",
        f"## Filter data (`filtres.json`, budget {FILTER_BUDGET // 1000} KB gzip)",
        "",
        f"{len(filters)} listings have one. The heaviest:",
        "",
        "| listing | bytes | gzip | within budget |",
        "| --- | ---: | ---: | --- |",
    ]
    for gz, raw, name in weights[:5]:
        lines.append(f"| `{name}` | {raw:,} | {gz:,} | {'yes' if gz <= FILTER_BUDGET else 'NO'} |")
    lines += [
        "",
        f"## A sheet page on a first visit (budget {PAGE_BUDGET // 1000} KB gzip)",
        "",
        "Everything the page's HTML names: stylesheets, scripts and images (all images "
        "counted, although the cards' thumbnails load lazily).",
        "",
    ]
    for page in pages:
        total, parts = page_weight(site, page)
        verdict = "within budget" if total <= PAGE_BUDGET else "OVER BUDGET"
        lines += [f"`{page}`: {total:,} bytes gzip, {verdict}.", "", "| file | gzip |"]
        lines += ["| --- | ---: |"]
        lines += [f"| `{name}` | {size:,} |" for name, size in parts.items()]
        lines.append("")
    lines.append(NOTE)
    report = "\n".join(lines)
    print(report)
    if args.out:
        args.out.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
