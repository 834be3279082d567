"""``python -m generator build``: an MkDocs build into a fresh folder, swapped in at the end.

A build that fails (content errors, template errors) leaves the previous output exactly
as it was: MkDocs writes into a sibling temporary folder, which replaces the target only
once everything succeeded.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from .settings import load_settings


class _PlainFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        if record.name == "mkdocs.plugins.programme":
            return record.getMessage()  # already `path:line: field: message`
        return f"{record.levelname}: {record.getMessage()}"


def _setup_logging(verbose: bool) -> logging.Handler:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_PlainFormatter())
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    handler.setLevel(logging.INFO if verbose else logging.WARNING)
    return handler


def build_site(root: Path, site_dir: Path | None = None, verbose: bool = False) -> int:
    """Build the site; return 0 on success, 1 on failure (previous output untouched)."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    root = root.resolve()
    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        print(f"error: no mkdocs.yml in {root}", file=sys.stderr)
        return 2
    settings = load_settings(root)
    target = (site_dir or settings.site_dir).resolve()
    building = target.parent / f".{target.name}.building-{os.getpid()}"
    handler = _setup_logging(verbose)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(building, ignore_errors=True)
        config = load_config(str(config_file), site_dir=str(building))
        mkdocs_build(config)
    except (PluginError, Abort, ConfigurationError) as error:
        shutil.rmtree(building, ignore_errors=True)
        if not isinstance(error, Abort):
            print(f"error: {error}", file=sys.stderr)
        print(f"build failed; {target} was left as it was", file=sys.stderr)
        return 1
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    _swap(building, target)
    print(f"site built in {target}", file=sys.stderr)
    return 0


def _swap(new: Path, target: Path) -> None:
    old = target.parent / f".{target.name}.old-{os.getpid()}"
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)
