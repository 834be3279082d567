"""``new organisation|programme|theme``: an entry appended to its registry.

The registry's bytes stay as they are (order, comments, line ends); the entry comes after
them, indented as the registry's first item, and is checked as the last entry of the
registry before anything is written (:func:`.known.check_entry`).
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..french import slug as slug_of
from ..messages import say, text
from ..read.sourcefile import read_text
from ..read.yamlsource import YamlProblem
from ..validate.schema import MAX_SLUG
from . import files
from .kinds import Kind
from .known import Known, check_entry
from .naming import free_name, places_of
from .saying import diagnostic_line, refuse, said_line
from .starting_points import Facts, entry_text

APPENDED = {
    "organisation": ("new-ajoute-organisation", "new-etape-citer-organisation"),
    "programme": ("new-ajoute-programme", "new-etape-citer-programme"),
    "theme": ("new-ajoute-theme", "new-etape-citer-theme"),
}
_FIRST_ITEM = re.compile(r"^( *)-(?: |$)", re.MULTILINE)


@dataclass
class RegistryText:
    """A registry as it is before the entry: where to write, and what it holds."""

    target: Path
    rel: str
    before_bytes: bytes
    before_text: str
    entries: list[Any]

    def with_entry(self, entry: str) -> tuple[str, str]:
        """The registry's text with ``entry`` appended, and what is appended (the entry
        indented as the registry's first item, after a blank line)."""
        indent = _FIRST_ITEM.search(self.before_text)
        if indent and indent.group(1):
            entry = "".join(
                indent.group(1) + line if line.strip() else line for line in entry.splitlines(True)
            )
        before = self.before_text
        separator = "" if not before else ("\n" if before.endswith("\n") else "\n\n")
        return before + separator + entry, separator + entry


def open_registry(kind: Kind, known: Known) -> RegistryText | str:
    """The registry ``kind`` appends to, or why it cannot be (a line to print)."""
    settings = known.settings
    registry = known.registries[kind.registry]
    rel = settings.rel(registry.path)
    reason = registry.problem
    target = registry.path
    before_bytes, before_text = b"", ""
    if not reason and (target.is_symlink() or target.exists()):
        target = target.resolve()
        if not target.is_relative_to(settings.root.resolve()):
            reason = text("new-lien-hors-depot")
        else:
            try:
                before_bytes = target.read_bytes()
                before_text = read_text(target, markdown=False)
            except YamlProblem as problem:
                reason = problem.said.message
            except OSError as error:
                reason = str(error.strerror)
    if reason:
        said = say(
            "new-registre-illisible", hint="new-indice-lancer-check", path=rel, reason=reason
        )
        return said_line(said)
    entries = list(registry.located.data or []) if registry.located else []
    return RegistryText(target, rel, before_bytes, before_text, entries)


def new_entry(kind: Kind, args: argparse.Namespace, title: str, facts: Facts, known: Known) -> int:
    settings = known.settings
    registry = open_registry(kind, known)
    if isinstance(registry, str):
        return refuse([registry])
    ids = known.registries[kind.registry].ids or set()
    if args.ident is not None:
        entry_id = args.ident
        if entry_id in ids:
            said = say("new-id-pris", hint="new-indice-autre-id", id=entry_id, path=registry.rel)
            return refuse([said_line(said)])
    else:
        entry_id = free_name(slug_of(title), ids)
        if not entry_id:
            said = say("new-slug-vide", hint="new-indice-donner-slug", title=title)
            return refuse([said_line(said)])
    whole, addition = registry.with_entry(
        entry_text(kind, entry_id, title, facts, places_of(settings))
    )
    found, line = check_entry(kind, whole, registry.rel, known, registry.entries)
    errors = [d for d in found if d.is_error]
    if errors:
        return refuse([diagnostic_line(kind, d) for d in errors])
    newline = "\r\n" if b"\r\n" in registry.before_bytes else "\n"
    try:
        if registry.target.exists():
            files.append(
                registry.target,
                registry.before_bytes,
                addition.replace("\n", newline).encode("utf-8"),
            )
        else:
            files.write_new(registry.target, addition)
    except (files.Changed, files.Taken):
        said = say("new-registre-change", hint="new-indice-relancer", path=registry.rel)
        return refuse([said_line(said)])
    except OSError as error:
        said = say("new-ecriture-impossible", path=registry.rel, reason=error.strerror)
        print(text("cmd-erreur") + said_line(said), file=sys.stderr)
        return 1
    added, cite = APPENDED[kind.name]
    print(text(added, id=entry_id, path=registry.rel, line=line))
    base = slug_of(title)[:MAX_SLUG].rstrip("-")
    if args.ident is None and entry_id != base:
        print(text("new-id-deja-pris", taken=base, name=entry_name(registry.entries, base)))
    print(text("new-ensuite"))
    print(text("new-etape-completer-entree"))
    print(text("new-etape-verifier"))
    print(text(cite, id=entry_id))
    return 0


def entry_name(entries: list[Any], entry_id: str) -> str:
    for item in entries:
        if isinstance(item, dict) and item.get("id") == entry_id:
            return str(item.get("name") or item.get("label") or entry_id)
    return entry_id
