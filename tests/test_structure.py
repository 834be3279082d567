"""The structure of the package (docs/architecture.md) holds: rooms and the direction of
imports, only the adapter on MkDocs, a thin plugin, long modules that say why, no dead
code, and plans that do not depend on the order content is read in."""

from __future__ import annotations

import ast
import random
import subprocess
import sys
import tomllib
from pathlib import Path

import grimp
import pytest

from generator.demo import generate_corpus
from generator.loader import load_catalogue
from generator.render.site_plan import plan_site
from generator.settings import load_settings

from .conftest import ROOT

PACKAGE = ROOT / "generator"
LONG = 400
ADAPTER_MAX = 165  # "about 150 lines", as `ruff format` lays them out


def _contracts() -> list[dict[str, object]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts: list[dict[str, object]] = config["tool"]["importlinter"]["contracts"]
    return contracts


def test_import_rules_hold() -> None:
    lint_imports = Path(sys.executable).parent / "lint-imports"
    if not lint_imports.exists():
        pytest.skip("import-linter is not installed (pip install -e '.[dev]')")
    done = subprocess.run(
        [str(lint_imports), "--no-cache"], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout, done.stdout


def test_every_module_sits_in_a_layer() -> None:
    layers = next(c for c in _contracts() if c["type"] == "layers")["layers"]
    assert isinstance(layers, list)
    placed = {name.strip() for line in layers for name in str(line).split("|")}
    modules = {
        f"generator.{path.stem if path.is_file() else path.name}"
        for path in PACKAGE.iterdir()
        if (path.suffix == ".py" and path.stem != "__init__")
        or (path.is_dir() and (path / "__init__.py").exists())
    }
    assert modules - placed == set(), "add these to a layer in pyproject.toml"
    assert placed - modules == set(), "these layers name modules that do not exist"


def test_only_the_adapter_imports_mkdocs() -> None:
    graph = grimp.build_graph("generator", include_external_packages=True)
    for engine in ("mkdocs", "material"):
        if engine not in graph.modules:
            continue
        importers = graph.find_modules_that_directly_import(engine)
        importers |= {
            m
            for sub in graph.modules
            if sub.startswith(engine + ".")
            for m in graph.find_modules_that_directly_import(sub)
        }
        outside = {m for m in importers if m.startswith("generator.")} - {
            m for m in importers if m.startswith("generator.adapter")
        }
        assert outside == set(), f"{engine} imported outside generator.adapter: {outside}"


def test_the_plugin_is_thin() -> None:
    plugin = PACKAGE / "adapter" / "plugin.py"
    assert len(plugin.read_text(encoding="utf-8").splitlines()) <= ADAPTER_MAX
    tree = ast.parse(plugin.read_text(encoding="utf-8"))
    (cls,) = [n for n in tree.body if isinstance(n, ast.ClassDef)]
    # state lives on the instance: the class holds only MkDocs' schema
    class_state = [n for n in cls.body if isinstance(n, (ast.Assign, ast.AnnAssign))]
    names = {
        t.id
        for n in class_state
        for t in (n.targets if isinstance(n, ast.Assign) else [n.target])
        if isinstance(t, ast.Name)
    }
    assert names == {"config_scheme"}


def test_long_modules_say_why() -> None:
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if len(text.splitlines()) <= LONG:
            continue
        docstring = ast.get_docstring(ast.parse(text)) or ""
        assert "Why one module:" in docstring, (
            f"{path.relative_to(ROOT)} has {len(text.splitlines())} lines: split it, or say "
            "at its top why it is one module ('Why one module: …')"
        )


def test_no_dead_code() -> None:
    pytest.importorskip("vulture")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "vulture",
            "generator",
            ".ci/vulture-whitelist.py",
            "--min-confidence",
            "60",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_plan_does_not_depend_on_the_order_content_is_read_in(tmp_path: Path) -> None:
    generate_corpus(tmp_path, 40, 6, seed=7)
    first = load_catalogue(load_settings(tmp_path)).catalogue
    second = load_catalogue(load_settings(tmp_path)).catalogue
    assert first is not None and second is not None
    shuffle = random.Random(5)
    # (themes keep the registry's order: that order is the editors' choice)
    for name in ("projects", "writeups", "organisations", "programmes"):
        items = list(getattr(second, name).items())
        shuffle.shuffle(items)
        getattr(second, name).clear()
        getattr(second, name).update(items)
    plans = [plan_site(catalogue, body_workers=1) for catalogue in (first, second)]
    assert list(plans[0].pages) == list(plans[1].pages)
    assert plans[0].nav == plans[1].nav
    for url, page in plans[0].pages.items():
        assert page.html == plans[1].pages[url].html, url


def test_the_slow_modules_exist() -> None:
    from .conftest import SLOW_MODULES

    assert {p.stem for p in (ROOT / "tests").glob("test_*.py")} >= SLOW_MODULES
