"""How ``new`` says a problem: the checker's sentence, its hint and its code, named by
the option (or the title) that gave the value."""

from __future__ import annotations

import sys

from ..diagnostics import Diagnostic
from ..messages import Said, text
from .kinds import Kind


def said_line(said: Said) -> str:
    hint = f" ({said.suggestion})" if said.suggestion else ""
    return f"{said.message}{hint} [{said.code}]"


def option_line(option: str, said: Said) -> str:
    return text("new-option-probleme", option=option, problem=said_line(said))


def refuse(lines: list[str]) -> int:
    for line in lines:
        print(text("cmd-erreur") + line, file=sys.stderr)
    print(text("new-rien-ecrit"), file=sys.stderr)
    return 2


def local_field(kind: Kind, field: str) -> str:
    """A diagnostic's field path inside the new entry: ``organisations[9].country`` ->
    ``country`` (documents' paths are already their own)."""
    if kind.registry and field.startswith(kind.registry + "["):
        return field.split(".", 1)[1] if "." in field else "id"
    return field


def fact_of(kind: Kind, field: str) -> str:
    """The fact a diagnostic's field path is about: ``partners[2]`` -> ``partners``,
    ``period.start`` -> ``start``, ``organisations[9].country`` -> ``country``."""
    field = local_field(kind, field)
    head = field.split("[", 1)[0].split(".", 1)[0]
    if head == "period" and "." in field:
        return field.split(".", 1)[1]
    return head


def option_of(kind: Kind, fact: str) -> str:
    if fact == kind.title_field:
        return text("new-mot-titre")
    if fact == "id":
        return "--id"
    options = [option for option, of in kind.options.items() if of == fact]
    return f"--{options[0].replace('_', '-')}" if options else fact


def diagnostic_line(kind: Kind, diagnostic: Diagnostic) -> str:
    fact = fact_of(kind, diagnostic.field)
    option = option_of(kind, fact)
    local = local_field(kind, diagnostic.field)
    where = option if local in (fact, kind.title_field) else f"{option} ({local})"
    said = Said(diagnostic.code, diagnostic.message, diagnostic.suggestion)
    return text("new-option-probleme", option=where, problem=said_line(said))
