"""JSON Schemas of the content format, written from the checker's models.

``python -m generator schemas`` writes ``schemas/*.schema.json`` (draft 2020-12): one for
project sheets' and write-ups' front matter, one for each registry. Editors (VS Code with
the YAML extension, see ``.vscode/settings.json``) read them for completion, hover text and
validation; the descriptions are the models' field docstrings, in French. ``--check``
writes nothing and fails when a committed file differs from what the models say.

The models stay the one source: what a validator checks in code (a date, a URL, a path,
a country code) is said in the JSON Schema by the model's own type (``_Schema`` and
``WithJsonSchema`` in :mod:`generator.validate.schema`); this module only names the
files, drops what pydantic adds for Python (English titles, ``null`` and empty-list
defaults) and writes them byte for byte the same on every run.

Registry ids are not listed in the schemas: a schema holding today's ids would be stale
at the next organisation an editor adds. References say the form of an id (a slug);
whether it exists is for ``check`` (docs/content-format.md, « JSON Schemas »).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from .catalogue import STATUS_LABELS
from .messages import text
from .validate.barometer import BarometerMeta
from .validate.schema import (
    Country,
    OrganisationEntry,
    ProgrammeEntry,
    ProjectMeta,
    ThemeEntry,
    WriteupMeta,
)

DRAFT = "https://json-schema.org/draft/2020-12/schema"
FOLDER = "schemas"
COMMENT = (
    "Écrit par `python -m generator schemas` à partir des modèles du vérificateur "
    "(generator/validate/schema.py) : ne pas modifier à la main."
)


@dataclass(frozen=True)
class SchemaFile:
    """One schema file: its name, what it validates and its French title."""

    name: str
    model: type[BaseModel]
    registry: bool
    title: str
    description: str

    @property
    def id(self) -> str:
        # a name, not an address: the files travel with the repository (and its forks)
        return f"urn:programme-knowledge:schemas:{self.name}"


FILES: tuple[SchemaFile, ...] = (
    SchemaFile(
        "fiche-projet.schema.json",
        ProjectMeta,
        False,
        "Fiche projet",
        "En-tête YAML (front matter) d’une fiche projet, projects/<nom>.md.",
    ),
    SchemaFile(
        "compte-rendu.schema.json",
        WriteupMeta,
        False,
        "Compte-rendu de séance",
        "En-tête YAML (front matter) d’un compte-rendu, content/comptes-rendus/<nom>.md.",
    ),
    SchemaFile(
        "organisations.schema.json",
        OrganisationEntry,
        True,
        "Registre des organisations",
        "content/_data/organisations.yml : la liste des organisations, chacune commençant "
        "par « - id: … ».",
    ),
    SchemaFile(
        "programmes.schema.json",
        ProgrammeEntry,
        True,
        "Registre des programmes",
        "content/_data/programmes.yml : la liste des programmes, chacun commençant par "
        "« - id: … ».",
    ),
    SchemaFile(
        "themes.schema.json",
        ThemeEntry,
        True,
        "Registre des thèmes",
        "content/_data/themes.yml : la liste des thèmes (leur ordre est celui du site), "
        "chacun commençant par « - id: … ».",
    ),
    SchemaFile(
        "barometre.schema.json",
        BarometerMeta,
        False,
        "Baromètre (questionnaire d’autodiagnostic)",
        "content/_data/barometres/<id>.yml : un questionnaire publié à barometre/<id>/, son "
        "échelle, ses dimensions, ses énoncés et la lecture de ses résultats.",
    ),
)


class _EditorSchema(GenerateJsonSchema):
    """Pydantic's JSON Schema, less what only speaks to Python programmers."""

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False  # "Title", "Short Name": English, and the description says more

    def default_schema(self, schema: Any) -> JsonSchemaValue:
        found = super().default_schema(schema)
        if found.get("default", True) in (None, []):
            del found["default"]  # an editor would otherwise be offered `image: null`
        return found

    def literal_schema(self, schema: Any) -> JsonSchemaValue:
        found = super().literal_schema(schema)
        values = found.get("enum", [])
        if set(values) == set(STATUS_LABELS):  # the labels the site shows, in French
            found["enumDescriptions"] = [STATUS_LABELS[value] for value in values]
        return found

    def nullable_schema(self, schema: Any) -> JsonSchemaValue:
        found = super().nullable_schema(schema)
        for option in found.get("anyOf", []):
            if "examples" in option:  # VS Code offers a field's first example when it
                found["examples"] = option.pop("examples")  # completes its name
        return found

    def model_schema(self, schema: core_schema.ModelSchema) -> JsonSchemaValue:
        found = super().model_schema(schema)
        found.pop("title", None)  # the class name
        found.pop("description", None)  # the class docstring, for developers
        return found


def _one_line(value: Any) -> Any:
    """Descriptions come from docstrings wrapped over lines: one line each."""
    if isinstance(value, dict):
        return {
            key: " ".join(item.split())
            if key == "description" and isinstance(item, str)
            # a property may be called "description": only a schema's text is joined
            else _one_line(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_one_line(item) for item in value]
    return value


COUNTRY_DEF = "Pays"


def _country_schema() -> dict[str, Any]:
    found: dict[str, Any] = TypeAdapter(Country).json_schema(schema_generator=_EditorSchema)
    return found


def _hoist(value: Any, shared: dict[str, Any], ref: str) -> Any:
    """Every copy of ``shared`` replaced by a ``$ref`` to it (the 249 country codes once)."""
    if value == shared:
        return {"$ref": ref}
    if isinstance(value, dict):
        return {key: _hoist(item, shared, ref) for key, item in value.items()}
    if isinstance(value, list):
        return [_hoist(item, shared, ref) for item in value]
    return value


def schema_of(spec: SchemaFile) -> dict[str, Any]:
    """The JSON Schema of one file, as a dictionary."""
    target: Any = list[spec.model] if spec.registry else spec.model  # type: ignore[name-defined]
    body = TypeAdapter(target).json_schema(schema_generator=_EditorSchema)
    countries = _country_schema()
    hoisted = _hoist(body, countries, f"#/$defs/{COUNTRY_DEF}")
    if hoisted != body:
        body = hoisted
        body["$defs"] = {**body.get("$defs", {}), COUNTRY_DEF: countries}
    head = {
        "$schema": DRAFT,
        "$id": spec.id,
        "$comment": COMMENT,
        "title": spec.title,
        "description": spec.description,
    }
    found: dict[str, Any] = _one_line({**head, **body})
    return found


def render(spec: SchemaFile) -> str:
    """The file's text: the same bytes on every run (keys in the models' order)."""
    return json.dumps(schema_of(spec), ensure_ascii=False, indent=2) + "\n"


def stale(root: Path) -> list[str]:
    """Schema files under ``root`` that are missing or differ from the models."""
    found = []
    for spec in FILES:
        path = root / FOLDER / spec.name
        try:
            current = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            current = None
        if current != render(spec):
            found.append(f"{FOLDER}/{spec.name}")
    return found


class NotOurs(Exception):
    """A file at a schema's place was not written by this command; nothing was written."""


def _ours(path: Path) -> bool:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("$comment") == COMMENT


def write(root: Path) -> list[str]:
    """Write the files that are stale; return their paths (relative to ``root``).

    A file at one of their places that this command did not write (no ``$comment`` of
    ours) is left alone: :class:`NotOurs` is raised before anything is written."""
    changed = stale(root)
    foreign = [name for name in changed if (root / name).exists() and not _ours(root / name)]
    if foreign:
        raise NotOurs(
            ", ".join(foreign) + " was not written by `python -m generator schemas` "
            "(its $comment says so when it was); nothing was written. Move it away "
            "and run the command again."
        )
    (root / FOLDER).mkdir(exist_ok=True)
    by_name = {f"{FOLDER}/{spec.name}": spec for spec in FILES}
    for name in changed:
        (root / name).write_text(render(by_name[name]), encoding="utf-8", newline="\n")
    return changed


def main(root: Path, check_only: bool) -> int:
    """``python -m generator schemas [--check]``: 0 when up to date or written, 1 when
    ``--check`` finds stale files, 2 when the root is no folder or a file is not ours."""
    if not root.is_dir():
        print(text("cmd-erreur") + text("cmd-pas-un-dossier", root=root), file=sys.stderr)
        return 2
    if check_only:
        found = stale(root)
        for name in found:
            print(text("schema-perime", name=name))
        return 1 if found else 0
    try:
        written = write(root)
    except NotOurs as error:
        print(text("cmd-erreur") + str(error), file=sys.stderr)
        return 2
    for name in written:
        print(text("schema-ecrit", name=name))
    if not written:
        print(text("schema-a-jour", folder=FOLDER), file=sys.stderr)
    return 0
