"""``python -m generator build``: an MkDocs build into a fresh folder, swapped in at the end.

A build that fails (content errors, template errors) leaves the previous output exactly
as it was: MkDocs writes into a sibling temporary folder, which replaces the target only
once everything succeeded.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from .. import build_manifest
from ..messages import text, word
from ..owned_folders import SITE_MARKER, FolderNotOurs, ensure_replaceable
from ..settings import load_settings
from ..site_folder import (
    SiteFolderError,
    clean_leftovers,
    install_site,
    locked,
    new_building_folder,
    remove_building_folder,
)


class _PlainFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        if record.name == "mkdocs.plugins.programme" or record.name == "generator.content":
            return record.getMessage()  # already `path:line: field: message`
        if record.name == "generator.environment":
            return f"warning: {record.getMessage()}"
        return f"{record.levelname}: {record.getMessage()}"


def _setup_logging(verbose: bool) -> logging.Handler:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_PlainFormatter())
    handler.setLevel(logging.INFO if verbose else logging.WARNING)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    # content and environment warnings: outside the "mkdocs" logger, so that they never
    # fail `strict: true`; printed by the same handler
    generator_logger = logging.getLogger("generator")
    generator_logger.addHandler(handler)
    generator_logger.propagate = False
    return handler


class _Warnings(logging.Handler):
    """The warnings of a build, as printed: said again when a later build has nothing to do."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.setFormatter(_PlainFormatter())
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


def _causes(error: BaseException) -> list[str]:
    """The chain of exceptions under ``error`` (``raise … from``), outermost first."""
    lines = []
    seen = {id(error)}
    said = {str(error).strip()}
    cause = error.__cause__ or error.__context__
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        # first line only: the problems themselves were printed once already
        text = (str(cause).strip().splitlines() or [""])[0].rstrip(":")
        if text not in said and not (isinstance(error, Abort) and isinstance(cause, PluginError)):
            # (MkDocs printed the PluginError under an Abort as its ERROR line)
            said.add(text)
            lines.append(f"  caused by {type(cause).__name__}: {text}")
        cause = cause.__cause__ or cause.__context__
    return lines


def build_site(
    root: Path, site_dir: Path | None = None, verbose: bool = False, force: bool = False
) -> int:
    """Build the site; return 0 on success, 1 on failure (previous output untouched).

    The target is replaced only if it is absent, empty or a previous build (its marker
    file), or with ``force``; otherwise 2, and nothing is touched.
    """
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    root = root.resolve()
    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        print(text("cmd-erreur") + text("cmd-pas-de-mkdocs", root=root), file=sys.stderr)
        return 2
    settings = load_settings(root)
    target = (site_dir or settings.site_dir).resolve()
    sources = [settings.content_dir, settings.projects_dir]
    sources += [root / "theme", root / "schemas", root / ".git"]
    if (
        target == root
        or target in root.parents
        or any(
            target == folder or folder.resolve() in target.parents
            for folder in (f.resolve() for f in sources)
        )
    ):
        print(text("cmd-erreur") + text("cmd-site-dans-sources", target=target), file=sys.stderr)
        return 2
    if not force:
        try:
            ensure_replaceable(
                target,
                SITE_MARKER,
                word("mot-dossier-site"),
                text("cmd-autre-site-dir"),
            )
        except FolderNotOurs as error:
            print(text("cmd-erreur") + str(error), file=sys.stderr)
            return 2
    if os.path.ismount(target):
        print(text("cmd-erreur") + text("cmd-point-de-montage", target=target), file=sys.stderr)
        return 2
    handler = _setup_logging(verbose)
    warnings = _Warnings()
    logging.getLogger("mkdocs").addHandler(warnings)
    logging.getLogger("generator").addHandler(warnings)
    building: Path | None = None
    try:
        with locked(target):
            for leftover in clean_leftovers(target):
                print(text("cmd-reste-supprime", name=leftover.name), file=sys.stderr)
            skip = [target, settings.cache_dir]
            started = time.perf_counter()
            verdict = build_manifest.check(root, skip, target, settings.cache_dir)
            if verbose:
                seconds = time.perf_counter() - started
                print(f"INFO: stage manifest (what changed): {seconds:.2f} s", file=sys.stderr)
            if verdict.up_to_date and not force:
                for line in verdict.warnings:
                    print(line, file=sys.stderr)
                if verdict.restated:
                    _record(verdict.snapshot, target, settings.cache_dir, verdict.warnings)
                print(text("cmd-site-a-jour", target=target), file=sys.stderr)
                return 0
            if verbose:
                print(f"INFO: build needed: {verdict.reason}", file=sys.stderr)
            building = new_building_folder(target)
            config = load_config(str(config_file), site_dir=str(building))
            mkdocs_build(config)
            install_site(building, target)
            building = None
            _record(verdict.snapshot, target, settings.cache_dir, warnings.lines)
    except (PluginError, Abort, ConfigurationError) as error:
        if not isinstance(error, Abort):  # MkDocs printed an Abort's reason already
            print(text("cmd-erreur") + str(error), file=sys.stderr)
        if verbose and _causes(error):
            print("\n".join(_causes(error)), file=sys.stderr)
        print(text("cmd-echec-construction", target=target), file=sys.stderr)
        return 1
    except SiteFolderError as error:
        print(text("cmd-erreur") + str(error), file=sys.stderr)
        print(text("cmd-echec-construction", target=target), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(text("cmd-construction-interrompue", target=target), file=sys.stderr)
        return 130
    finally:
        if building is not None:
            remove_building_folder(building)
        for logger in (logging.getLogger("mkdocs"), logging.getLogger("generator")):
            logger.removeHandler(handler)
            logger.removeHandler(warnings)
        logging.getLogger("generator").propagate = True
    print(text("cmd-site-construit", target=target), file=sys.stderr)
    return 0


def _record(
    snapshot: build_manifest.Snapshot, target: Path, cache_dir: Path, warnings: list[str]
) -> None:
    """The manifest of the site just installed; without it the next build simply runs."""
    try:
        build_manifest.record(snapshot, target, cache_dir, warnings)
    except OSError as error:
        print(f"warning: {cache_dir}: {error.strerror}", file=sys.stderr)
