"""A PDF that fails because of a bug in the generator's own code is said to be a bug (with
the document it was making), not a content error of that document."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator import site_build
from generator.adapter.preview import failure_message
from generator.reports import ReportFault
from generator.site_build import MachineError, ProgramFault

from .conftest import ROOT

SCRIPT = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from generator.reports import render
from generator.reports.render import RenderJob

where = sys.argv[3]
def broken(document, pdf):
    raise RuntimeError("WeasyPrint wrote no XMP metadata: cannot claim PDF/UA-1")
# ours: without a PDF variant there is no XMP metadata, and claim_pdf_ua (generator code)
# raises; elsewhere: the same exception raised by a function of this script
options = {**render.PDF_OPTIONS, "pdf_variant": None}
if where != "ours":
    render.claim_pdf_ua = broken
job = RenderJob("projects/x.md", "<html lang='fr'><title>t</title><p>x</p></html>", "p {}",
                "https://x.invalid/", {}, str(Path(sys.argv[2]) / "x.pdf"), options=options)
outcome = render.render_job(job)
print(outcome.fault, outcome.problem)
"""


@pytest.mark.parametrize(("where", "fault"), [("ours", True), ("elsewhere", False)])
def test_an_exception_raised_in_our_code_is_a_fault(
    tmp_path: Path, where: str, fault: bool
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(ROOT), str(tmp_path), where],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    said, problem = done.stdout.strip().split(" ", 1)
    assert said == str(fault)
    assert problem == "RuntimeError: WeasyPrint wrote no XMP metadata: cannot claim PDF/UA-1"


def test_a_fault_stops_the_build_as_a_bug_to_report(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.settings import load_settings

    def broken(*args: object, **kwargs: object) -> None:
        raise ReportFault("projects/x.md: RuntimeError: a bug in the finisher")

    monkeypatch.setattr(site_build, "build_reports", broken)
    prepared = site_build.prepare_site(load_settings(ROOT), documents_only=True)
    with pytest.raises(ProgramFault) as raised:
        site_build.add_reports(prepared)
    assert isinstance(raised.value, MachineError)  # never a content error
    message = failure_message(raised.value)
    assert message.startswith("internal error of the generator (a bug")  # PK_LANG=en here
    assert "projects/x.md: RuntimeError: a bug in the finisher" in message
    assert "please report it" in message
