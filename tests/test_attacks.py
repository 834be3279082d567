"""Hostile inputs (tests/attacks/cases.yml): each one, on a fresh copy of the example
content, is refused by ``check`` with a message naming the file (and its line), within a
time limit (a named pipe or an endless device must not hang it), without a traceback."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import ROOT
from .helpers import png_header, replace, run_cli, set_field

CASES: list[dict[str, Any]] = yaml.safe_load(
    (ROOT / "tests" / "attacks" / "cases.yml").read_text(encoding="utf-8")
)


FILLERS = {"{long}": "mot " * 23750, "{long5k}": "N" * 5000}


_REPEAT = re.compile(r"\{(\d+)\*([^}]*)\}")


def fill(text: str) -> str:
    """``text`` with its fillers spelt out: ``{long}``…, and ``{N*TEXT}`` for TEXT N times."""
    for key, value in FILLERS.items():
        text = text.replace(key, value)
    return _REPEAT.sub(lambda m: m.group(2) * int(m.group(1)), text)


def apply(root: Path, case: dict[str, Any]) -> int:
    """Carry out the case's operations; return the first appended line (0 if none)."""
    appended = 0
    if "png" in case:
        spec = case["png"]
        (root / spec["path"]).write_bytes(png_header(spec["width"], spec["height"]))
    if "append_field" in case:
        spec = case["append_field"]
        key = spec["text"].split(":", 1)[0]
        set_field(root, spec["path"], key, fill(spec["text"]))
    if "replace" in case:
        spec = case["replace"]
        replace(root, spec["path"], spec["old"], fill(spec["new"]))
    if "places" in case:
        spec = case["places"]
        items = "\n".join(f'  - "Lieu {i}"' for i in range(spec["count"]))
        set_field(root, spec["path"], "places", f"places:\n{items}")
    if "mkdir" in case:
        (root / case["mkdir"]).mkdir(parents=True, exist_ok=True)
    if "write" in case:
        target = root / case["write"]["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(case["write"]["text"], encoding="utf-8")
    if "append" in case:
        target = root / case["append"]["path"]
        current = target.read_text(encoding="utf-8")
        if not current.endswith("\n"):
            current += "\n"
        text = fill(case["append"]["text"])
        appended = current.count("\n") + 1 + (len(text) - len(text.lstrip("\n")))
        target.write_text(current + text, encoding="utf-8")
    if "symlink" in case:
        os.symlink(case["symlink"]["target"], root / case["symlink"]["path"])
    if "fifo" in case:
        os.mkfifo(root / case["fifo"])
    return appended


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_hostile_input_is_refused(case: dict[str, Any], tmp_path: Path) -> None:
    root = tmp_path / "repo"
    for name in ("content", "projects"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "theme", root / "theme")
    appended = apply(root, case)
    checked = run_cli("check", "--root", str(root), timeout=30)
    output = checked.stdout + checked.stderr
    assert "Traceback" not in output
    warned = "warned" in case
    assert checked.returncode == (0 if warned else 1), output
    expected = case["warned" if warned else "refused"]
    line = expected.get("line")
    if line == "appended":
        line = appended
    prefix = f"{expected['path']}:{line}:" if line else f"{expected['path']}:"
    matching = [
        text
        for text in checked.stdout.splitlines()
        if text.startswith(prefix) and expected["message"] in text and ("warning" in text) == warned
    ]
    assert matching, f"expected {prefix} … {expected['message']!r} in:\n{output}"
    for text in checked.stdout.splitlines():  # every line names a file of the copy
        assert text.split(":", 1)[0].startswith(("content/", "projects/", "mkdocs.yml")), text


def test_an_address_in_text_the_sanitiser_escaped_is_left_as_text() -> None:
    """An unclosed ``<iframe src="//e.org">`` becomes text (``&lt;iframe src="//e.org"&gt;``)
    that loads nothing: the body renders, as `check` says, with no « remote image » error
    (found by tests/test_property_build.py)."""
    from generator.render.markdown_body import BodyRenderer

    renderer = BodyRenderer(ROOT, [], {}, lambda _path: None)
    body = '<iframe src="//e.org">\n\n<iframe src="//e.org">\n\nFin.'
    rendered = renderer.render(body, ROOT / "projects" / "x.md", "projets/x/")
    assert not rendered.problems
    assert "<iframe" not in rendered.html and "&lt;iframe" in rendered.html
    real = renderer.render("![x](https://e.org/a.png)", ROOT / "projects" / "x.md", "projets/x/")
    assert [p.code for p in real.problems] == ["image-distante"]
