"""Command line: ``python -m generator check|build|new|schemas|edit|demo``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from .diagnostics import Diagnostic, format_diagnostics
from .loader import load_catalogue
from .messages import say, set_language, text
from .read.yamlsource import guess_field
from .settings import load_settings

FORMATS = ("text", "github", "gitlab", "json")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Validate and publish programme knowledge: project sheets and write-ups.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="validate all content and report every problem")
    _add_root(check)
    check.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text (path:line: field: message [code]), github annotations, a gitlab Code "
        "Quality report, or json",
    )
    check.add_argument("--strict", action="store_true", help="warnings fail the check too")

    build = commands.add_parser("build", help="validate, then build the whole site")
    _add_root(build)
    build.add_argument(
        "--site-dir",
        type=Path,
        default=None,
        help="output folder (default: site_dir of mkdocs.yml, i.e. site/)",
    )
    build.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="show progress, the duration of each stage and causes of errors",
    )
    build.add_argument(
        "--force",
        action="store_true",
        help="replace the site folder even if it holds files the build did "
        "not write (they are deleted)",
    )
    build.add_argument(
        "--engine",
        choices=("mkdocs", "properdocs"),
        default=None,
        help="MkDocs 1.6 or ProperDocs, its maintained fork (default: PROGRAMME_ENGINE, "
        "else mkdocs)",
    )

    schemas = commands.add_parser(
        "schemas",
        help="write the JSON Schemas of the content format (schemas/*.schema.json) and "
        "the browser editor's configuration (content/admin/config.yml)",
    )
    _add_root(schemas)
    schemas.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 listing the schema files that differ from the models",
    )

    new = commands.add_parser(
        "new",
        help="start a sheet, a write-up, or a registry entry (every field present and "
        "explained; it never overwrites a file)",
    )
    from .new.command import add_arguments as new_arguments

    new_arguments(new)
    _add_root(new)

    from .demo import add_arguments

    edit = commands.add_parser(
        "edit",
        help="the browser editor on the working copy: decap-server and the preview "
        "(forms at http://127.0.0.1:8000/admin/)",
    )
    _add_root(edit)
    add_arguments(commands.add_parser("demo", help="write a deterministic demonstration corpus"))
    return parser


def _add_root(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--root",
        type=Path,
        default=None,
        help="repository root holding mkdocs.yml (default: the current folder, or the "
        "nearest folder above it that holds one)",
    )
    _add_lang(command)


def _add_lang(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--lang",
        choices=("fr", "en"),
        default=None,
        help="language of the messages (default: PK_LANG, else fr)",
    )


def find_root(start: Path) -> Path | None:
    """The folder holding ``mkdocs.yml``: ``start`` or the nearest one above it, so that a
    command run from ``content/`` or ``projects/`` finds its project (as git does)."""
    start = start.absolute()
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    return None


def _root(given: Path | None) -> Path | None:
    if given is not None:
        return given
    found = find_root(Path.cwd())
    if found is None:
        print(text("cmd-erreur") + text("cmd-projet-introuvable", root=Path.cwd()), file=sys.stderr)
    return found


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    set_language(getattr(args, "lang", None))
    root: Path | None = None
    if args.command in ("check", "build", "schemas", "new", "edit"):
        root = _root(args.root)
        if root is None:
            return 2
    if args.command == "check" and root is not None:
        return check(root, args.format, args.strict)
    if args.command == "build" and root is not None:
        from .adapter import engine

        try:
            engine.use(args.engine)
        except engine.EngineMissing as error:
            print(text("cmd-erreur") + str(error), file=sys.stderr)
            return 2
        from .adapter.build import build_site  # the engine is imported only to build

        return build_site(root, args.site_dir, args.verbose, args.force)
    if args.command == "schemas" and root is not None:
        from . import decap_config
        from .json_schemas import main as schemas_main

        found = schemas_main(root, args.check)
        if found == 2:
            return found
        return max(found, decap_config.main(root, args.check))
    if args.command == "new" and root is not None:
        from .new.command import run_from_cli

        return run_from_cli(args, root)
    if args.command == "edit" and root is not None:
        from .decap_edit import main as edit_main

        return edit_main(root)
    if args.command == "demo":
        from .demo import main as demo_main

        demo_args = [
            "--out",
            str(args.out),
            "--projects",
            str(args.projects),
            "--seed",
            str(args.seed),
        ]
        if args.writeups is not None:
            demo_args += ["--writeups", str(args.writeups)]
        return demo_main(demo_args)
    return 2  # pragma: no cover - argparse refuses unknown commands


def check(root: Path, fmt: str, strict: bool) -> int:
    if not root.is_dir():
        print(text("cmd-erreur") + text("cmd-pas-un-dossier", root=root), file=sys.stderr)
        return 2
    try:
        settings = load_settings(root)
    except (yaml.YAMLError, UnicodeDecodeError, OSError) as exc:
        print(format_diagnostics([_settings_problem(root, exc)], fmt))
        return 1
    try:
        result = load_catalogue(settings)
    except Exception as exc:  # a bug of the checker must not end in a traceback
        detail = f"{type(exc).__name__}: {exc}"
        print(text("cmd-erreur") + text("cmd-echec-inattendu", detail=detail), file=sys.stderr)
        return 1
    items = result.diagnostics
    if items:
        print(format_diagnostics(items, fmt))
    elif fmt in ("json", "gitlab"):
        print("[]")
    if fmt == "text":
        summary = text("cmd-resume", errors=len(result.errors), warnings=len(result.warnings))
        print(summary if items else text("cmd-contenu-ok"), file=sys.stderr)
    failed = bool(result.errors) or (strict and bool(result.warnings))
    return 1 if failed else 0


def _settings_problem(root: Path, exc: Exception) -> Diagnostic:
    """``mkdocs.yml`` cannot be read: one diagnostic naming its line and field."""
    if isinstance(exc, UnicodeDecodeError):
        said = say("fichier-non-utf8", hint="indice-utf8", byte=f"0x{exc.object[exc.start]:02x}")
        return Diagnostic.of("mkdocs.yml", 1, "(file)", said)
    if isinstance(exc, OSError):
        return Diagnostic.of(
            "mkdocs.yml", 1, "(file)", say("fichier-illisible", reason=exc.strerror)
        )
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if "flow" in str(getattr(exc, "context", "")) and getattr(exc, "context_mark", None):
        mark = getattr(exc, "context_mark", None)  # an unclosed [ or {: where it opened
    problem = str(getattr(exc, "problem", "") or exc).strip()
    try:
        text = (root / "mkdocs.yml").read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        text = ""
    lines = text.split("\n")
    index = min(mark.line if mark is not None else 0, len(lines) - 1)
    while index > 0 and not lines[index].strip():
        index -= 1  # YAML stopped at the end: name the last line written
    field = guess_field(text, index) or "(settings)"
    return Diagnostic.of("mkdocs.yml", index + 1, field, say("yaml-syntaxe", problem=problem))
