"""docs/limits.md says the limits that the checker's models enforce."""

from __future__ import annotations

import re
from pathlib import Path

from generator.limits import table
from generator.read.publishable import MAX_PIXELS
from generator.read.sourcefile import MAX_FILE_BYTES
from generator.reports.build import VOLUME_SIZE
from generator.reports.render import PDF_MEMORY_LIMIT, PDF_TIME_LIMIT

from .conftest import ROOT
from .helpers import errors, set_field

DOC = (ROOT / "docs" / "limits.md").read_text(encoding="utf-8")


def test_the_table_of_field_limits_is_the_models() -> None:
    written = DOC.split("<!-- limits: start -->\n", 1)[1].split("<!-- limits: end -->", 1)[0]
    assert written == table(), "run: python -m generator.limits and paste it in docs/limits.md"


def test_the_limits_of_files_and_work_are_the_code() -> None:
    assert f"{MAX_FILE_BYTES // 1024**2} MB" in DOC
    assert f"{MAX_PIXELS // 1_000_000} megapixels" in DOC
    assert f"{PDF_TIME_LIMIT} seconds and {PDF_MEMORY_LIMIT // 1024**3} GB" in DOC
    assert f"at most {VOLUME_SIZE} documents" in DOC


def test_every_limit_of_the_table_is_enforced_at_its_bound(example_repo: Path) -> None:
    """One text and one list of the table, each one over its bound, refused by check."""
    rows = re.findall(r"\| project sheet [^|]*\| `(\w+)` \| (.*?) \|", table())
    limits = dict(rows)
    sheet = "projects/femmes-poisson-seche-senegal.md"
    high = int(limits["title"].split()[-2])
    set_field(example_repo, sheet, "title", f'title: "{"x" * (high + 1)}"')
    items = int(limits["places"].split()[-2])
    places = "\n".join(f'  - "Lieu {i}"' for i in range(items + 1))
    set_field(example_repo, sheet, "places", f"places:\n{places}")
    found = {(d.field, d.message) for d in errors(example_repo) if d.path == sheet}
    assert ("title", f"must be 3 to {high} characters long (it has {high + 1})") in found
    assert any(field == "places" and str(items) in message for field, message in found), found
