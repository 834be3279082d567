"""The bundled example content passes the checker cleanly."""

from __future__ import annotations

import subprocess
import sys

from generator.loader import load_catalogue
from generator.settings import load_settings

from .conftest import ROOT


def test_example_content_has_no_problem() -> None:
    result = load_catalogue(load_settings(ROOT))
    assert [d.as_text() for d in result.diagnostics] == []
    catalogue = result.catalogue
    assert catalogue is not None
    assert "femmes-poisson-seche-senegal" in catalogue.projects
    assert catalogue.projects["femmes-poisson-seche-senegal"].cited_by == [
        "caac-cooperer-autrement"
    ]


def test_check_command_exits_zero_on_example_content() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "generator", "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == ""
