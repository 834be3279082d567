"""The Jinja environment of the theme's fragments and print templates.

Autoescaping is on, so every value from content is escaped where a template prints it, and
an undefined name is an error rather than an empty string.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined


def environment(folder: Path) -> Environment:
    """Templates of ``folder`` (``theme/fragments`` or ``theme/print``)."""
    return Environment(
        loader=FileSystemLoader(str(folder)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
