"""Optional outside tools (chromium, Java, qpdf, poppler-utils, npm checkers): a test that
needs a missing one skips with the reason, except in CI (``PK_QUALITY_REQUIRED=1``), where
it fails: there every test must run."""

from __future__ import annotations

import os
import shutil
from typing import NoReturn

import pytest

REQUIRED = os.environ.get("PK_QUALITY_REQUIRED", "") not in ("", "0")


def missing(reason: str) -> NoReturn:
    if REQUIRED:
        pytest.fail(f"{reason} (PK_QUALITY_REQUIRED is set)")
    pytest.skip(reason)


def need_program(name: str, package: str, purpose: str) -> str:
    """The path of program ``name`` (a name on PATH or an absolute path), or a skip.

    ``shutil.which`` also refuses a path that is not an executable file (CI hides packages
    by mounting /dev/null over their programs)."""
    found = shutil.which(name)
    if found is None:
        missing(f"{name} is not installed (Debian package {package}): {purpose}")
    return found
