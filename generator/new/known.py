"""What ``new`` knows of the project: the registries' ids, the sheets, and the checker's
verdict on a text before it is written.

A new file or entry is validated by the checker itself (the same models, references and
messages as ``check``), so that an unknown id given as an option gets the message ``check``
would give, with the closest ids, and a file ``new`` writes always passes ``check``.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..countries import iso_codes
from ..diagnostics import Diagnostic, DiagnosticList
from ..loader import REGISTRIES, is_draft
from ..messages import say, text
from ..read.sourcefile import load_yaml_file, split_front_matter
from ..read.yamlsource import Located, YamlProblem, parse_yaml
from ..settings import Settings
from ..validate.references import ReferenceContext
from ..validate.schema import Status
from ..validate.validation import validate
from .kinds import Kind


@dataclass
class Registry:
    name: str
    path: Path
    located: Located | None = None
    problem: str = ""
    """Why it could not be read (empty when it was, or does not exist yet)."""

    @property
    def ids(self) -> set[str] | None:
        """Its ids; None when it cannot be read (references to it are not checked)."""
        if self.problem:
            return None
        data = self.located.data if self.located is not None else []
        return {e["id"] for e in data or [] if isinstance(e, dict) and isinstance(e.get("id"), str)}


@dataclass
class Known:
    settings: Settings
    registries: dict[str, Registry]
    sheets: set[str] = field(default_factory=set)
    """Sheets that are published (a write-up may name them in ``examples``)."""
    draft_sheets: set[str] = field(default_factory=set)

    def context(self, file_dir: Path | None) -> ReferenceContext:
        settings = self.settings
        return ReferenceContext(
            root=settings.root,
            organisations=self.registries["organisations"].ids,
            programmes=self.registries["programmes"].ids,
            themes=self.registries["themes"].ids,
            projects=set(self.sheets),
            licences=set(settings.licences),
            file_dir=file_dir,
            drafts={"projects": set(self.draft_sheets)},
            data_dir=settings.rel(settings.data_dir),
            search_dirs=(settings.content_dir, settings.projects_dir),
        )

    def candidates(self, fact: str) -> list[str]:
        """What Tab completes for ``fact``: the known ids, codes or values."""
        registry = {
            "programme": "programmes",
            "lead": "organisations",
            "partners": "organisations",
            "organisations": "organisations",
            "organisation": "organisations",
            "authors": "organisations",
            "themes": "themes",
        }.get(fact)
        if registry:
            return sorted(self.registries[registry].ids or ())
        if fact in ("countries", "country"):
            return sorted(iso_codes())
        if fact == "examples":
            return sorted(self.sheets)
        if fact == "status":
            return list(typing.get_args(Status))
        return []


def read_known(settings: Settings) -> Known:
    registries = {}
    for name in REGISTRIES:
        registry = Registry(name, settings.data_dir / f"{name}.yml")
        if registry.path.exists():
            try:
                registry.located = load_yaml_file(registry.path, name)
            except YamlProblem as problem:
                registry.problem = f"{problem.line}: {problem.said.message}"
            except OSError as error:
                registry.problem = str(error.strerror)
            else:
                if registry.located.data is not None and not isinstance(
                    registry.located.data, list
                ):
                    registry.problem = text("new-registre-pas-une-liste")
        registries[name] = registry
    known = Known(settings, registries)
    folder = settings.projects_dir
    if folder.is_dir():
        for path in sorted(folder.glob("*.md")):
            (known.draft_sheets if is_draft(path) else known.sheets).add(path.stem)
    return known


def check_document(
    kind: Kind, text: str, rel: str, known: Known, file_dir: Path
) -> list[Diagnostic]:
    """What ``check`` would say of the document ``text`` at ``rel`` (read as a draft, so
    that the facts still missing are warnings)."""
    found = DiagnosticList()
    parts = split_front_matter(text)
    assert parts is not None, "a starting point always has front matter"
    try:
        located = parse_yaml(parts[0], line_offset=1)
    except YamlProblem as problem:  # a bug of `new`: what it writes always reads
        found.error(rel, problem.line, problem.field, problem.said)
        return found.items()
    validate(kind.model, located, rel, known.context(file_dir), found, draft=True)
    return found.items()


def check_entry(
    kind: Kind, registry_text: str, rel: str, known: Known, before: list[Any]
) -> tuple[list[Diagnostic], int]:
    """What ``check`` would say of the last entry of ``registry_text``, and its line.

    The text must read as the entries ``before`` it, unchanged, then this one; anything
    else is a problem (the entry would not be where the command says it is)."""
    found = DiagnosticList()
    try:
        located = parse_yaml(registry_text, label=kind.registry)
    except YamlProblem as problem:
        found.error(rel, problem.line, problem.field, problem.said)
        return found.items(), 0
    data: Any = located.data
    if not isinstance(data, list) or data[:-1] != before or len(data) != len(before) + 1:
        found.add(Diagnostic.of(rel, 1, kind.registry, say("new-ajout-illisible")))
        return found.items(), 0
    count = len(before)
    validate(kind.model, located, rel, known.context(None), found, (count,), kind.registry)
    return found.items(), located.line_of((count, "id"))
