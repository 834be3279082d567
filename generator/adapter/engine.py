"""Which engine builds the site: MkDocs 1.6, or ProperDocs (its maintained drop-in fork).

ProperDocs answers ``import mkdocs.…`` with its own modules once ``properdocs.replacement``
is imported, which its command line does first. ``python -m generator build`` does the
same when ``PROGRAMME_ENGINE=properdocs`` (or ``--engine properdocs``); the plugin and
Material then run unchanged. It must happen before anything imports ``mkdocs``.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys

ENGINES = ("mkdocs", "properdocs")


class EngineMissing(RuntimeError):
    """The engine asked for is not installed: a problem of the machine."""


def chosen(requested: str | None = None) -> str:
    """The engine asked for by ``requested`` or ``PROGRAMME_ENGINE`` (default ``mkdocs``)."""
    name = (requested or os.environ.get("PROGRAMME_ENGINE") or "mkdocs").strip().lower()
    if name not in ENGINES:
        raise EngineMissing(f"unknown engine '{name}': choose one of {', '.join(ENGINES)}")
    return name


def use(requested: str | None = None) -> str:
    """Make ``mkdocs.*`` the chosen engine's modules in this process; return its name."""
    name = chosen(requested)
    if name == "properdocs":
        if importlib.util.find_spec("properdocs") is None:
            raise EngineMissing(
                "ProperDocs is not installed: pip install -e '.[properdocs]' (or choose "
                "PROGRAMME_ENGINE=mkdocs)"
            )
        loaded = sys.modules.get("mkdocs")
        if loaded is not None and not loaded.__name__.startswith("properdocs"):
            raise EngineMissing("MkDocs was imported before ProperDocs could be chosen")
        importlib.import_module("properdocs.replacement")
    elif importlib.util.find_spec("mkdocs") is None:
        raise EngineMissing("MkDocs is not installed: make site installs it")
    return name
