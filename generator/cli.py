"""Command line: ``python -m generator check|build``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .diagnostics import format_diagnostics
from .loader import load_catalogue
from .settings import load_settings


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Validate and publish programme knowledge: project sheets and write-ups.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="validate all content and report every problem")
    check.add_argument("--root", type=Path, default=Path("."),
                       help="repository root holding mkdocs.yml (default: current folder)")
    check.add_argument("--format", choices=("text", "github", "json"), default="text",
                       help="text (path:line: field: message), github annotations or json")
    check.add_argument("--strict", action="store_true", help="warnings fail the check too")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "check":
        return check(args.root, args.format, args.strict)
    return 2  # pragma: no cover - argparse refuses unknown commands


def check(root: Path, fmt: str, strict: bool) -> int:
    if not root.is_dir():
        print(f"error: {root} is not a folder", file=sys.stderr)
        return 2
    result = load_catalogue(load_settings(root))
    items = result.diagnostics
    if items:
        print(format_diagnostics(items, fmt))
    elif fmt == "json":
        print("[]")
    if fmt == "text":
        summary = f"{len(result.errors)} error(s), {len(result.warnings)} warning(s)"
        print(summary if items else "content OK: no problem found", file=sys.stderr)
    failed = bool(result.errors) or (strict and bool(result.warnings))
    return 1 if failed else 0
