"""A PDF worker parses the print stylesheet once (generator/reports/render.py): the PDFs it
makes after the first are the same, byte for byte, as those made each in a new process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.reports.render import RenderJob

from .conftest import ROOT

CSS = "@page { size: A5; margin: 2cm; } body { font-family: 'DejaVu Sans'; } h1 { color: #336; }"
DOCUMENTS = {
    "premier": "<h1>Premier document</h1><p>Du texte, des <em>mots</em> et un chiffre : 12.</p>",
    "second": "<h1>Second</h1><ul><li>Une liste</li><li>de deux éléments</li></ul>",
}


def _job(name: str, folder: Path, css: str = CSS) -> RenderJob:
    html = (
        f"<html lang='fr'><head><title>{name}</title></head><body>{DOCUMENTS[name]}</body></html>"
    )
    return RenderJob(f"projects/{name}.md", html, css, "https://x.invalid/", {}, str(folder / name))


def _in_a_process(names: list[str], folder: Path, css: str = CSS) -> tuple[str, int]:
    """Render ``names`` one after the other in a new process, as a PDF worker does (in a
    process of its own: WeasyPrint leaves its colour profile's file open, which pytest
    would report). Its problems, and how many stylesheets it kept."""
    script = (
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]);"
        "from tests.test_pdf_stylesheet_cache import _job;"
        "from generator.reports import render;"
        "problems = [render.render_job(_job(n, Path(sys.argv[2]), sys.argv[3])).problem"
        " for n in sys.argv[4:]];"
        "print(repr([p for p in problems if p]), len(render._STYLESHEETS))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(ROOT), str(folder), css, *names],
        check=True,
        timeout=120,
        capture_output=True,
        text=True,
    )
    problems, kept = done.stdout.strip().rsplit(" ", 1)
    return problems, int(kept)


def test_pdfs_after_the_first_in_a_worker_are_those_of_a_fresh_process(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    assert _in_a_process(["premier", "second"], shared) == ("[]", 1)  # parsed once, kept
    for name in ("second", "premier"):
        folder = tmp_path / f"alone-{name}"
        folder.mkdir()
        assert _in_a_process([name], folder) == ("[]", 1)
        assert (folder / name).read_bytes() == (shared / name).read_bytes(), name
        assert (folder / name).read_bytes().startswith(b"%PDF-")


def test_a_stylesheet_that_fetches_is_parsed_for_each_job(tmp_path: Path) -> None:
    """What a stylesheet fetches is the job's own resources: such a stylesheet is not kept."""
    css = CSS + " body { background: url(https://x.invalid/fond.png); }"
    problems, kept = _in_a_process(["premier", "second"], tmp_path, css)
    assert problems.count("fond.png") == 2  # refused (not a local file), for each job
    assert kept == 0
