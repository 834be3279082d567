"""The Decap CMS configuration (``content/admin/config.yml``), written from the checker's models.

``python -m generator schemas`` writes it beside the JSON Schemas; ``--check`` fails when
the committed file differs. The forms at ``admin/`` (docs/editing-in-the-browser.md) are
thus the content format itself: one widget per field of
:class:`~generator.validate.schema.ProjectMeta`, :class:`~generator.validate.schema.WriteupMeta`
and the registry entries, in the models' order (the order Decap writes the keys in, and the
order of ``python -m generator new``), with the models' French docstrings as hints, their
length bounds and patterns (the French messages of :mod:`generator.json_schemas`), their
required fields. Registry ids become relation widgets fed by the registries, country codes a
select with French names, dates date widgets writing ``AAAA-MM-JJ``, images a media folder
beside the sheets with alternative text and credit.

The registries are YAML lists at their root, which Decap cannot edit as they are
(decaporg/decap-cms#531): the collection uses the format ``registre``, which
``content/admin/index.html`` registers (``CMS.registerCustomFormat``) to read the list as
``{entrees: [...]}`` and write it back as the bare list.

Why one module: it is one translation, model to form, read from top to bottom (the
widget of a type, then of a field, then of a collection); the writing and checking of the
file at its end are the few lines :mod:`generator.json_schemas` has for its own files.
"""

from __future__ import annotations

import sys
import types
import typing
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import yaml
from pydantic import BaseModel

from .catalogue import STATUS_LABELS
from .countries import french_name, iso_codes
from .french import fold
from .json_schemas import FILES as SCHEMA_FILES
from .json_schemas import schema_of
from .messages import text
from .new.field_notes import SECTIONS
from .validate import schema as s

PATH = "content/admin/config.yml"
COMMENT = (
    "# Écrit par `python -m generator schemas` à partir des modèles du vérificateur\n"
    "# (generator/validate/schema.py, generator/decap_config.py) : ne pas modifier à la main.\n"
    "# L’hébergeur Git (backend) : extra.decap_backend de mkdocs.yml ;\n"
    "# voir docs/editing-in-the-browser.md.\n"
)
REGISTRY_FORMAT = "registre"
"""The custom format of content/admin/index.html: a YAML list at the file's root."""

LABELS: dict[str, str] = {
    "title": "Titre",
    "summary": "Résumé",
    "programme": "Programme",
    "lead": "Organisation porteuse",
    "partners": "Partenaires",
    "countries": "Pays",
    "places": "Lieux",
    "themes": "Thèmes",
    "period": "Période",
    "start": "Début",
    "end": "Fin",
    "status": "État",
    "inspiring": "Exemple inspirant",
    "image": "Image",
    "src": "Fichier image",
    "alt": "Texte alternatif",
    "credit": "Crédit",
    "links": "Liens",
    "url": "Adresse",
    "licence": "Licence",
    "updated": "Mise à jour",
    "draft": "Brouillon",
    "date": "Date de la séance",
    "event": "Rencontre",
    "organisations": "Organisations",
    "authors": "Auteurs et autrices",
    "reviewers": "Relecteurs et relectrices",
    "name": "Nom",
    "organisation": "Organisation",
    "examples": "Exemples inspirants (fiches projet)",
    "good_practices": "Bonnes pratiques",
    "difficulties": "Difficultés",
    "bibliography": "Bibliographie",
    "author": "Auteur ou autrice",
    "year": "Année",
    "publisher": "Éditeur",
    "note": "Note",
    "report": "Rapport PDF",
    "id": "Identifiant",
    "short_name": "Nom court ou sigle",
    "country": "Pays du siège",
    "description": "Description",
    "article": "Article",
    "started": "Année de lancement",
    "label": "Libellé",
}
"""The French label of each field name (the hint under it is the model's docstring)."""


@dataclass(frozen=True)
class Registry:
    """A registry file, as a file collection's entry and a relation widget's source."""

    name: str  # the file's name and the file collection entry's
    label: str
    model: type[BaseModel]
    shown: str  # the field a relation widget shows and searches


REGISTRIES = (
    Registry("organisations", "Organisations", s.OrganisationEntry, "name"),
    Registry("programmes", "Programmes", s.ProgrammeEntry, "name"),
    Registry("themes", "Thèmes", s.ThemeEntry, "label"),
)
REGISTRY_COLLECTION = "registres"
ENTRIES = "entrees"
"""The key the ``registre`` format reads a registry's list under."""
SHEETS, WRITEUPS = "fiches", "comptes-rendus"


KINDS: tuple[tuple[str, Any], ...] = (
    ("organisation", s.OrganisationRef),
    ("programme", s.ProgrammeRef),
    ("theme", s.ThemeRef),
    ("project", s.ProjectRef),
    ("country", s.Country),
    ("date", s.Date),
    ("year", s.Year),
    ("image", s.ImagePath),
    ("pdf", s.PdfPath),
    ("long_text", s.LongText),
    ("summary", s.Summary),
)
"""The types of :mod:`generator.validate.schema` that have a widget of their own."""


def _kind(hint: Any) -> str:
    """Which of :data:`KINDS` ``hint`` is ("" for none): compared with ``==`` (a field's
    type, as ``get_type_hints`` gives it, is the same flattened ``Annotated``), since list
    types carry unhashable metadata."""
    return next((name for name, known in KINDS if hint == known), "")


def _relation(target: str, multiple: bool) -> dict[str, Any]:
    if target == "project":
        found: dict[str, Any] = {
            "widget": "relation",
            "collection": SHEETS,
            "value_field": "{{slug}}",
            "search_fields": ["title"],
            "display_fields": ["title"],
        }
    else:
        registry = {"organisation": 0, "programme": 1, "theme": 2}[target]
        spec = REGISTRIES[registry]
        found = {
            "widget": "relation",
            "collection": REGISTRY_COLLECTION,
            "file": spec.name,
            "value_field": f"{ENTRIES}.*.id",
            "search_fields": [f"{ENTRIES}.*.{spec.shown}", f"{ENTRIES}.*.id"],
            "display_fields": [f"{ENTRIES}.*.{spec.shown}"],
        }
    if multiple:
        found["multiple"] = True
    found["options_length"] = 1000  # every entry in the list, not the first 20
    return found


@cache
def _country_options() -> list[dict[str, str]]:
    """One list object: YAML writes it once and refers to it (``&id001``) elsewhere."""
    codes = sorted(iso_codes(), key=lambda code: (fold(french_name(code)), code))
    return [{"label": f"{french_name(code)} ({code})", "value": code} for code in codes]


def _choices(values: tuple[Any, ...]) -> list[Any]:
    if set(values) == set(STATUS_LABELS):
        return [{"label": STATUS_LABELS[v], "value": v} for v in values]
    return list(values)


def _inner(hint: Any) -> Any:
    """``Annotated[X, ...]`` -> ``X`` (kept whole when ``X`` itself is a reference type)."""
    return get_args(hint)[0] if get_origin(hint) is typing.Annotated else hint


def _optional(hint: Any) -> Any:
    args = [a for a in get_args(hint) if a is not type(None)]
    return args[0] if get_origin(hint) in (typing.Union, types.UnionType) and args else hint


def _widget(hint: Any, prop: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    """The widget of one value, from its Python type and its JSON Schema ``prop``."""
    hint = _optional(hint)
    kind = _kind(hint)
    prop = _resolve(_non_null(prop), defs)
    if kind in ("organisation", "programme", "theme", "project"):
        return _relation(kind, False)
    if kind == "country":
        return {"widget": "select", "options": _country_options()}
    if kind == "date":
        return {
            "widget": "datetime",
            "format": "YYYY-MM-DD",
            "date_format": "DD/MM/YYYY",
            "time_format": False,
            "picker_utc": True,
        }
    if kind == "year":
        return {"widget": "number", "value_type": "int", "min": s.MIN_YEAR, "max": s.MAX_YEAR}
    if kind == "image":
        return {"widget": "image", "choose_url": False}
    if kind == "pdf":
        return {"widget": "file", "choose_url": False}
    if hint is bool:
        return {"widget": "boolean"}
    if get_origin(hint) is Literal:
        return {"widget": "select", "options": _choices(get_args(hint))}
    if isinstance(hint, type) and issubclass(hint, BaseModel):
        return {"widget": "object", "collapsed": False, "fields": _fields(hint, prop, defs)}
    base = _inner(hint)
    if get_origin(base) is list:
        item = get_args(base)[0]
        item_kind = _kind(item)
        found: dict[str, Any]
        if item_kind in ("organisation", "programme", "theme", "project"):
            found = _relation(item_kind, True)
        elif item_kind == "country":
            found = {"widget": "select", "multiple": True, "options": _country_options()}
        elif isinstance(item, type) and issubclass(item, BaseModel):
            found = {
                "widget": "list",
                "collapsed": False,
                "fields": _fields(item, _resolve(prop.get("items", {}), defs), defs),
            }
        else:
            one = _widget(item, prop.get("items", {}), defs)
            found = {"widget": "list", "field": {"name": "item", "label": "Élément", **one}}
        if prop.get("minItems"):
            found["min"] = prop["minItems"]
        if prop.get("maxItems"):
            found["max"] = prop["maxItems"]
        return found
    widget = "text" if kind in ("long_text", "summary") else "string"
    found = {"widget": widget}
    if prop.get("pattern") and prop.get("patternErrorMessage"):
        found["pattern"] = [prop["pattern"], prop["patternErrorMessage"]]
    return found


def _non_null(prop: dict[str, Any]) -> dict[str, Any]:
    options = [o for o in prop.get("anyOf", []) if o.get("type") != "null"]
    if len(options) == 1 and "anyOf" in prop:
        return {**{k: v for k, v in prop.items() if k != "anyOf"}, **options[0]}
    return prop


def _resolve(prop: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    ref = prop.get("$ref", "")
    if ref.startswith("#/$defs/"):
        return {
            **defs[ref.removeprefix("#/$defs/")],
            **{k: v for k, v in prop.items() if k != "$ref"},
        }
    return prop


def _fields(
    model: type[BaseModel], schema: dict[str, Any], defs: dict[str, Any]
) -> list[dict[str, Any]]:
    hints = typing.get_type_hints(model, include_extras=True)
    props = schema.get("properties", {})
    fields = []
    for name, info in model.model_fields.items():
        prop = props.get(name, {})
        field: dict[str, Any] = {"name": name, "label": LABELS[name]}
        field.update(_widget(hints[name], prop, defs))
        if not info.is_required():
            field["required"] = False
            if info.default is False:
                field["default"] = False
        hint = " ".join((info.description or "").split())
        if hint:
            field["hint"] = hint
        if field["widget"] == "object" and not info.is_required():
            _required_once_given(field)
        fields.append(field)
    return fields


def _required_once_given(field: dict[str, Any]) -> None:
    """An optional object's required fields: Decap would refuse to save without them
    even when the object is left empty, so the form says it and ``check`` refuses it."""
    for child in field["fields"]:
        if child.get("required", True):
            child["required"] = False
            child["hint"] = (
                f"Obligatoire dès que « {field['label']} » est rempli. " + child.get("hint", "")
            ).strip()


def _body(kind: str) -> dict[str, Any]:
    sections = SECTIONS[kind]
    default = "".join(f"## {heading}\n\n\n\n" for heading, _ in sections)
    hint = " ".join(f"« {heading} » : {what}" for heading, what in sections)
    return {
        "name": "body",
        "label": "Texte",
        "widget": "markdown",
        "default": default,
        "hint": "Les sections de la page, chacune sous son titre. " + hint,
    }


def _document_collection(
    name: str, label: str, singular: str, folder: str, model: type[BaseModel], kind: str
) -> dict[str, Any]:
    schema = _schema(model)
    return {
        "name": name,
        "label": label,
        "label_singular": singular,
        "folder": folder,
        "create": True,
        "extension": "md",
        "format": "frontmatter",
        "slug": "{{title}}",
        "identifier_field": "title",
        "summary": "{{title}}",
        "media_folder": "images",
        "public_folder": "images",
        "sortable_fields": ["title"],
        "fields": [*_fields(model, schema, schema.get("$defs", {})), _body(kind)],
    }


def _schema(model: type[BaseModel]) -> dict[str, Any]:
    spec = next(f for f in SCHEMA_FILES if f.model is model)
    return schema_of(spec)


def _registry_collection(data_dir: str) -> dict[str, Any]:
    files = []
    for spec in REGISTRIES:
        schema = _schema(spec.model)
        item = schema.get("items", {})
        defs = schema.get("$defs", {})
        item = _resolve(item, defs)
        files.append(
            {
                "name": spec.name,
                "label": spec.label,
                "file": f"{data_dir}/{spec.name}.yml",
                "fields": [
                    {
                        "name": ENTRIES,
                        "label": spec.label,
                        "widget": "list",
                        "collapsed": True,
                        "summary": "{{fields.id}} : {{fields." + spec.shown + "}}",
                        "hint": schema.get("description", ""),
                        "fields": _fields(spec.model, item, defs),
                    }
                ],
            }
        )
    return {
        "name": REGISTRY_COLLECTION,
        "label": "Registres",
        "format": REGISTRY_FORMAT,
        "extension": "yml",
        "editor": {"preview": False},
        "files": files,
    }


DEFAULT_BACKEND: dict[str, Any] = {"name": "git-gateway", "branch": "main"}
"""Until mkdocs.yml names the Git host: ``make edit`` (the local backend) works without."""


class _Loader(yaml.SafeLoader):
    """mkdocs.yml may hold ``!ENV`` and ``!!python/name`` tags: read as nothing."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def backend_of(root: Path) -> dict[str, Any]:
    """``extra.decap_backend`` of mkdocs.yml (docs/editing-in-the-browser.md, « Hosting »):
    the Git host, repository, branch and authentication, which are the site's, not the
    models'; :data:`DEFAULT_BACKEND` when absent."""
    try:
        loaded = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8-sig"), Loader=_Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return DEFAULT_BACKEND
    extra = loaded.get("extra") if isinstance(loaded, dict) else None
    found = extra.get("decap_backend") if isinstance(extra, dict) else None
    return found if isinstance(found, dict) and found else DEFAULT_BACKEND


def config(backend: dict[str, Any] | None = None) -> dict[str, Any]:
    """The whole configuration, as a dictionary (the same on every run)."""
    return {
        "locale": "fr",
        "local_backend": True,
        "backend": backend or DEFAULT_BACKEND,
        "publish_mode": "editorial_workflow",
        "omit_empty_optional_fields": True,  # `summary: ""` would fail `check`
        "media_folder": "projects/images",
        "public_folder": "images",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [
            _document_collection(
                SHEETS, "Fiches projet", "Fiche projet", "projects", s.ProjectMeta, "sheet"
            ),
            _document_collection(
                WRITEUPS,
                "Comptes-rendus",
                "Compte-rendu",
                "content/comptes-rendus",
                s.WriteupMeta,
                "writeup",
            ),
            _registry_collection("content/_data"),
        ],
    }


def render(backend: dict[str, Any] | None = None) -> str:
    """The file's text: the comment, then the configuration in the models' order."""
    body = yaml.safe_dump(
        config(backend), allow_unicode=True, sort_keys=False, width=100, default_flow_style=False
    )
    return COMMENT + body


def stale(root: Path) -> list[str]:
    """``[PATH]`` when the committed configuration differs from the models, else ``[]``."""
    try:
        current = (root / PATH).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        current = None
    return [PATH] if current != render(backend_of(root)) else []


def ours(root: Path) -> bool:
    """Whether the file at :data:`PATH` is missing or was written by this module."""
    path = root / PATH
    if not path.exists():
        return True
    try:
        return path.read_text(encoding="utf-8").startswith(COMMENT.splitlines()[0])
    except (OSError, UnicodeDecodeError):
        return False


def write(root: Path) -> list[str]:
    """Write the configuration when stale; return ``[PATH]`` when written."""
    changed = stale(root)
    if changed:
        (root / PATH).parent.mkdir(parents=True, exist_ok=True)
        (root / PATH).write_text(render(backend_of(root)), encoding="utf-8", newline="\n")
    return changed


def main(root: Path, check_only: bool) -> int:
    """The Decap half of ``python -m generator schemas [--check]`` (same exit codes)."""
    if check_only:
        found = stale(root)
        for name in found:
            print(text("schema-perime", name=name))
        return 1 if found else 0
    if not ours(root):
        print(text("cmd-erreur") + text("decap-pas-a-nous", path=PATH), file=sys.stderr)
        return 2
    for name in write(root):
        print(text("schema-ecrit", name=name))
    return 0
