"""The machine is not content: a missing optional library never fails the build.

WeasyPrint warns when it subsets fonts without HarfBuzz-Subset; the generator subsets with
the uharfbuzz wheel, and when that path is not taken (forced here with
``PK_FONT_SUBSET=fonttools``, which is what WeasyPrint does on a machine without the system
library) the build still makes every PDF and says once what is missing and how to fix it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.reports.environment import classify, describe
from generator.reports.fontsubset import subset_font
from generator.settings import load_settings
from generator.site_build import MachineError, add_reports, prepare_site

from .conftest import ROOT
from .helpers import run_cli

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _pdfs(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.pdf"))


def test_build_without_harfbuzz_subset_makes_every_pdf_and_says_so_once(
    example_repo: Path, tmp_path: Path
) -> None:
    shutil.copytree(ROOT / "theme", example_repo / "theme")
    site = tmp_path / "site"
    built = run_cli(
        "build",
        "--root",
        str(example_repo),
        "--site-dir",
        str(site),
        env={"PK_FONT_SUBSET": "fonttools"},
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    assert "content error" not in built.stderr and "Traceback" not in built.stderr
    notes = [line for line in built.stderr.splitlines() if "environment:" in line]
    assert len(notes) == 1, built.stderr
    assert notes[0].startswith("warning: environment: no HarfBuzz subsetter")
    assert "apt install libharfbuzz-subset0" in notes[0] and "uharfbuzz" in notes[0]
    assert "Using fontTools instead" not in built.stderr  # WeasyPrint's own words: not shown
    catalogue_docs = len(list((example_repo / "projects").glob("*.md"))) + len(
        list((example_repo / "content" / "comptes-rendus").glob("*.md"))
    )
    programmes = 2
    assert len(_pdfs(site)) == catalogue_docs + programmes
    for pdf in site.rglob("*.pdf"):
        assert pdf.read_bytes().startswith(b"%PDF-")


def test_default_build_subsets_with_the_wheel_and_warns_of_nothing(
    example_repo: Path, tmp_path: Path
) -> None:
    shutil.copytree(ROOT / "theme", example_repo / "theme")
    site = tmp_path / "site"
    built = run_cli(
        "build", "-v", "--root", str(example_repo), "--site-dir", str(site), timeout=300
    )
    assert built.returncode == 0, built.stderr
    assert "PDF: fonts subset by uharfbuzz" in built.stderr
    assert "warning" not in built.stderr.lower(), built.stderr


@pytest.mark.skipif(not DEJAVU.is_file(), reason="DejaVu Sans is not installed")
def test_wheel_subsetting_keeps_the_glyphs_asked_for() -> None:
    import io

    from fontTools.ttLib import TTFont

    data = DEJAVU.read_bytes()
    glyphs = [3, 36, 68, 200]
    subset = subset_font(data, 0, glyphs, hinting=False, notdef_outline=False)
    assert subset is not None and len(subset) < len(data) / 5
    font = TTFont(io.BytesIO(subset))
    # ids kept up to the last one used (and the components a composite glyph needs)
    assert max(glyphs) + 1 <= font["maxp"].numGlyphs < max(glyphs) + 10
    glyf = font["glyf"]
    order = font.getGlyphOrder()
    assert all(glyf[order[g]].numberOfContours != 0 for g in glyphs if g != 3)  # 3: space
    assert glyf[order[37]].numberOfContours == 0  # not asked for: emptied
    assert "GSUB" not in font and "GPOS" not in font


def test_warnings_are_sorted_into_machine_and_document() -> None:
    assert (
        classify(
            'Using fontTools instead of HarfBuzz-Subset for font "DejaVu Sans". '
            "This will be unsupported"
        )
        == "font-subset"
    )
    assert (
        classify('.notdef glyph rendered for Unicode string unsupported by fonts: "中"')
        == "missing-glyphs"
    )
    assert classify("Failed to load image at 'https://site.invalid/medias/x.png'") is None
    assert classify("Ignored `colr: red` at 3:1, unknown property.") is None
    text = describe("missing-glyphs", [f"projects/p{i}.md" for i in range(7)])
    assert text.startswith("environment: ") and "projects/p0.md" in text
    assert "and 2 more" in text


def test_a_machine_without_pango_is_a_machine_error_not_a_content_error(
    example_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator import site_build
    from generator.reports import MissingLibrary

    def no_pango(*args: object, **kwargs: object) -> None:
        raise MissingLibrary("PDF reports need the Pango library, which this machine lacks")

    monkeypatch.setattr(site_build, "build_reports", no_pango)
    settings = load_settings(example_repo)
    shutil.copytree(ROOT / "theme", example_repo / "theme")
    site = prepare_site(settings)
    with pytest.raises(MachineError, match="Pango") as caught:
        add_reports(site, cache_dir=tmp_path / "cache")
    assert isinstance(caught.value.__cause__, MissingLibrary)


def test_a_pdf_over_its_time_limit_fails_alone(tmp_path: Path) -> None:
    """Each PDF has a time limit in its worker; one that exceeds it fails with a message,
    the others are made."""
    from generator.reports.build import _render_all
    from generator.reports.render import RenderJob

    css = "@page { size: A4; } body { font-family: 'DejaVu Sans'; }"
    slow = "<html lang='fr'><body>" + "<p>Un paragraphe de texte à mettre en page.</p>" * 20000
    quick = "<html lang='fr'><head><title>Court</title></head><body><p>Court.</p></body></html>"
    jobs = [
        RenderJob(
            "projects/lente.md",
            slow + "</body></html>",
            css,
            "https://x.invalid/",
            {},
            str(tmp_path / "lente.pdf"),
            time_limit=1,
        ),
        RenderJob(
            "projects/courte.md", quick, css, "https://x.invalid/", {}, str(tmp_path / "courte.pdf")
        ),
    ]
    outcomes = _render_all(jobs, 2, None)
    problem = outcomes[str(tmp_path / "lente.pdf")].problem
    assert problem is not None and "took longer than 1 s" in problem
    assert outcomes[str(tmp_path / "courte.pdf")].problem is None
    assert (tmp_path / "courte.pdf").read_bytes().startswith(b"%PDF-")
    assert not (tmp_path / "lente.pdf").exists()


def test_a_damaged_cache_entry_is_made_again_and_said(example_repo: Path, tmp_path: Path) -> None:
    shutil.copytree(ROOT / "theme", example_repo / "theme")
    site = tmp_path / "site"
    first = run_cli("build", "--root", str(example_repo), "--site-dir", str(site), timeout=300)
    assert first.returncode == 0, first.stderr
    cache = example_repo / ".cache" / "pdf"
    entries = sorted(cache.glob("*.pdf"))
    assert entries and all(e.with_suffix(".sha256").is_file() for e in entries)
    published = {p.name: p.read_bytes() for p in site.rglob("*.pdf")}
    entries[0].write_bytes(entries[0].read_bytes()[:100])  # truncated
    entries[1].write_bytes(b"garbage" * 100)  # replaced
    # --force: the site itself is intact, so a plain rebuild keeps it (the build manifest);
    # the cache is checked when a build uses it
    again = run_cli(
        "build",
        "-v",
        "--force",
        "--root",
        str(example_repo),
        "--site-dir",
        str(site),
        timeout=300,
    )
    assert again.returncode == 0, again.stderr
    assert "PDF: 2 rendered" in again.stderr
    notes = [line for line in again.stderr.splitlines() if "cache" in line and "warning" in line]
    assert len(notes) == 1 and "were damaged on disk" in notes[0], again.stderr
    assert {p.name: p.read_bytes() for p in site.rglob("*.pdf")} == published


def test_old_unused_cache_entries_are_pruned(tmp_path: Path) -> None:
    import os
    import time

    from generator.reports.cache import PRUNE_AFTER_DAYS, prune, write_entry

    used, old, recent = "a" * 64, "b" * 64, "c" * 64
    for key in (used, old, recent):
        write_entry(tmp_path / f"{key}.pdf", b"%PDF-1.4 " + key.encode())
    long_ago = time.time() - (PRUNE_AFTER_DAYS + 1) * 86400
    for key in (used, old):
        for suffix in (".pdf", ".sha256"):
            os.utime(tmp_path / f"{key}{suffix}", (long_ago, long_ago))
    (tmp_path / "notes.txt").write_text("mine")  # not the cache's: never removed
    (tmp_path / ".tmp-x.pdf").write_bytes(b"half")
    os.utime(tmp_path / ".tmp-x.pdf", (long_ago, long_ago))
    prune(tmp_path, {used})
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted(
        [f"{used}.pdf", f"{used}.sha256", f"{recent}.pdf", f"{recent}.sha256", "notes.txt"]
    )
