"""Running the schema over located YAML and turning pydantic errors into diagnostics."""

from __future__ import annotations

import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..diagnostics import DiagnosticList
from ..messages import CATALOGUE, Said, say, word
from ..read.yaml_lines import quoted
from ..read.yamlsource import Located, Path, format_path
from .references import ReferenceContext, closest
from .schema import FIELD_HINTS, PYDANTIC_CODES

M = TypeVar("M", bound=BaseModel)

STATUS_HINTS = {
    "en cours": "ongoing",
    "en-cours": "ongoing",
    "termine": "completed",
    "terminé": "completed",
    "achevé": "completed",
    "acheve": "completed",
    "fini": "completed",
    "prévu": "planned",
    "prevu": "planned",
    "planifié": "planned",
    "a venir": "planned",
    "à venir": "planned",
    "done": "completed",
    "finished": "completed",
    "in progress": "ongoing",
    "current": "ongoing",
}

_KIND_WORDS = {
    "bool": "mot-oui-non",
    "int": "mot-nombre",
    "float": "mot-nombre",
    "timestamp": "mot-date",
}
_SHAPE_WORDS = {
    "list": "mot-liste",
    "mapping": "mot-ensemble-de-champs",
    "str": "mot-texte",
    "bool": "mot-oui-non",
    "int": "mot-nombre",
    "float": "mot-nombre",
    "timestamp": "mot-date",
}
_REQUIRED_FACTS = ("missing", "too_short")
"""Errors that a draft may have: a fact not written yet (``brouillon-incomplet``); so is a
required key written with nothing after it (``lead:``), as ``new`` leaves them."""


def validate(
    model: type[M],
    located: Located,
    rel: str,
    context: ReferenceContext,
    diagnostics: DiagnosticList,
    prefix: Path = (),
    label: str = "",
    draft: bool = False,
) -> M | None:
    """Validate ``located.data`` (or the part at ``prefix``); report every error found.

    With ``draft``, a required fact not written yet is a warning (the document is not
    built until it is complete); every other error stays an error.
    """
    data = located.data
    for part in prefix:
        data = data[part]
    try:
        return model.model_validate(data, context=context)
    except ValidationError as exc:
        found = exc.errors(include_url=False)
    # A key in the wrong place (`start:` beside `period:` instead of under it) or misspelt
    # (`pays:`) is reported once, where it is, not a second time as the required field it
    # stands for, nor as the empty mapping it left behind.
    moved: set[tuple[Path, str]] = set()
    emptied: set[Path] = set()
    for error in found:
        if error["type"] != "extra_forbidden":
            continue
        loc = tuple(error["loc"])
        place = _misplaced(model, loc, located.data if not prefix else data)
        if place is not None:
            belongs, how = place
            # the field it was taken for is missing where it belongs: not a second error
            moved.add((belongs if how == "child" else belongs[:-1], str(loc[-1])))
            emptied.add(belongs)
        else:
            moved.add((loc[:-1], _closest_field(model, loc) or ""))
    for error in found:
        loc = tuple(error["loc"])
        if error["type"] == "missing" and loc and (loc[:-1], loc[-1]) in moved:
            continue
        if loc in emptied and error["type"] != "missing":
            continue
        if draft and (error["type"] in _REQUIRED_FACTS or _left_empty(model, loc, error)):
            field = label + format_path(prefix + loc)
            diagnostics.warning(
                rel, located.line_of(prefix + loc), field, say("brouillon-incomplet", field=field)
            )
            continue
        _report(error, model, located, rel, prefix, label, diagnostics, data)
    return None


def _left_empty(model: type[BaseModel], loc: Path, error: Any) -> bool:
    """A required field written as a key with no value (YAML's null): not written yet."""
    if error.get("input", ...) is not None or not loc or not isinstance(loc[-1], str):
        return False
    container = _model_at(model, loc[:-1])
    info = container.model_fields.get(loc[-1]) if container else None
    return info is not None and info.is_required()


def _misplaced(model: type[BaseModel], loc: Path, data: Any) -> tuple[Path, str] | None:
    """Where an unknown key at ``loc`` belongs, when it is a field one level up or down:
    ``(path of the mapping it belongs to, "child" or "parent")``."""
    if not loc or not isinstance(loc[-1], str):
        return None
    name, container = loc[-1], loc[:-1]
    fields = _fields_at(model, container)
    if name in fields:
        return None
    for field_name in fields:
        inner = _fields_at(model, (*container, field_name))
        if name in inner:
            return (*container, field_name), "child"
    if container and isinstance(container[-1], str) and name in _fields_at(model, container[:-1]):
        return container, "parent"
    return None


def _closest_field(model: type[BaseModel], loc: Path) -> str | None:
    """The known field closest to the unknown key at ``loc`` (French names included)."""
    known = _fields_at(model, loc[:-1])
    name = str(loc[-1]) if loc else ""
    hint = FIELD_HINTS.get(name.lower())
    return hint if hint in known else closest(name, known)


def _report(
    error: Any,
    model: type[BaseModel],
    located: Located,
    rel: str,
    prefix: Path,
    label: str,
    diagnostics: DiagnosticList,
    data: Any,
) -> None:
    loc: Path = tuple(error["loc"])
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    at = ctx.pop("at", None)
    if at is not None:
        loc = loc + (at if isinstance(at, tuple) else (at,))
    path = prefix + loc
    said = _explain(error, ctx, model, loc, located, path, data)
    field = label + format_path(path) or "(front matter)"
    diagnostics.error(rel, located.line_of(path), field, said)


def _explain(
    error: Any,
    ctx: dict[str, Any],
    model: type[BaseModel],
    loc: Path,
    located: Located,
    path: Path,
    data: Any,
) -> Said:
    kind = str(error["type"])
    yaml_kind = located.kind_of(path)
    source = located.source_of(path)
    name = str(loc[-1]) if loc else ""
    if kind == "missing":
        return say("champ-obligatoire", hint="indice-ajouter-champ", name=name)
    if kind == "extra_forbidden":
        return _unknown_field(model, loc, located, path, data)
    if yaml_kind == "null" and _left_empty(model, loc, error):
        return say("valeur-vide", hint="new-indice-valeur-obligatoire", name=name)
    if kind == "string_type":
        if yaml_kind in _KIND_WORDS:
            return say(
                "texte-attendu",
                hint="indice-guillemets",
                source=source,
                kind=word(_KIND_WORDS[yaml_kind]),
                fixed=f'"{source}"',
            )
        if yaml_kind == "mapping":
            colon = _unquoted_colon(located, path)
            if colon is not None:
                return colon
        return _wrong_shape("mot-texte", yaml_kind, name)
    if kind == "bool_type":
        return say("oui-non-attendu", hint="indice-oui-non")
    if kind == "list_type":
        if yaml_kind in ("str", "int", "float", "bool", "timestamp"):
            return say("liste-attendue", hint="indice-liste", name=name, source=source)
        return _wrong_shape("mot-liste", yaml_kind, name)
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return _wrong_shape("mot-champs", yaml_kind, name)
    if kind == "literal_error":
        expected = str(error.get("ctx", {}).get("expected", ""))
        allowed = [part.strip(" '") for part in expected.replace(" or ", ",").split(",")]
        allowed = [a for a in allowed if a]
        value = str(error.get("input"))
        match = STATUS_HINTS.get(value.strip().lower()) or closest(value, allowed)
        return say(
            "valeur-non-permise",
            hint="indice-vouliez-vous" if match else "",
            value=value,
            allowed=", ".join(allowed),
            match=match,
        )
    if kind == "too_short":
        return say("liste-vide")
    if kind == "too_long":
        return say(
            "liste-trop-longue",
            hint="indice-garder-essentiel",
            actual=ctx.get("actual_length"),
            maximum=ctx.get("max_length"),
        )
    code = PYDANTIC_CODES.get(kind, kind)
    if code not in CATALOGUE:  # a rule of pydantic's that no message of ours explains
        return say("valeur-invalide", detail=str(error["msg"]))
    hint = str(ctx.pop("hint", "") or "")
    return say(code, hint=hint, **ctx)


def _unknown_field(
    model: type[BaseModel], loc: Path, located: Located, path: Path, data: Any
) -> Said:
    name = str(loc[-1])
    place = _misplaced(model, loc, data)
    if place is not None:
        belongs, how = place
        line = located.line_of(path)
        written = located.text_of_line(line).lstrip(" ")
        if how == "child":
            children = [p for p in located.lines if len(p) == len(path) and p[:-1] == belongs]
            column = _indent(located.text_of_line(located.line_of(children[0]))) if children else -1
            if column <= _indent(located.text_of_line(located.line_of(belongs))):
                column = _indent(located.text_of_line(located.line_of(belongs))) + 2
            return say(
                "champ-mal-indente",
                hint="indice-indenter",
                name=name,
                parent=format_path(belongs),
                line=line,
                fixed=" " * column + written,
            )
        column = _indent(located.text_of_line(located.line_of(belongs)))
        return say(
            "champ-trop-indente",
            hint="indice-indenter",
            name=name,
            parent=format_path(belongs),
            line=line,
            fixed=" " * column + written,
        )
    match = _closest_field(model, loc)
    if match:
        return say("champ-inconnu", hint="indice-vouliez-vous", name=name, match=match)
    known = _fields_at(model, loc[:-1])
    return say(
        "champ-inconnu", hint="indice-champs-connus", name=name, known=", ".join(sorted(known))
    )


def _indent(line: str) -> int:
    stripped = line.lstrip(" ")
    if stripped.startswith("- "):  # a list item's first key sits after its dash
        return len(line) - len(stripped) + 2
    return len(line) - len(stripped)


def _unquoted_colon(located: Located, path: Path) -> Said | None:
    """A text with ``: `` inside (``- Conseil: écouter``) that YAML read as one field."""
    line = located.line_of(path)
    keys = [p for p in located.lines if len(p) == len(path) + 1 and p[:-1] == path]
    if len(keys) != 1 or located.line_of(keys[0]) != line:
        return None
    written = located.text_of_line(line)
    stripped = written.lstrip(" ")
    lead = written[: len(written) - len(stripped)]
    if stripped.startswith("- "):
        lead, stripped = lead + "- ", stripped[2:]
    elif isinstance(path[-1], str) and stripped.startswith(f"{path[-1]}:"):
        key = f"{path[-1]}: "
        lead, stripped = lead + key, stripped[len(key) :].lstrip(" ")
    fixed = lead + quoted(stripped.split(" #", 1)[0])
    return say("deux-points-non-proteges", hint="indice-guillemets", fixed=fixed)


def _wrong_shape(expected: str, yaml_kind: str, name: str) -> Said:
    if yaml_kind == "null":
        return say("valeur-vide", hint="indice-valeur-ou-retirer", name=name)
    got = word(_SHAPE_WORDS.get(yaml_kind, "mot-autre"))
    return say("mauvaise-forme", expected=word(expected), got=got)


def _fields_at(model: type[BaseModel], loc: Path) -> list[str]:
    current = _model_at(model, loc)
    return list(current.model_fields) if current else []


def _model_at(model: type[BaseModel], loc: Path) -> type[BaseModel] | None:
    """The model of the mapping at ``loc`` (list items skipped), if ``loc`` is one."""
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        current = _inner_model(info.annotation) if info else None
    return current


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated or origin is list:
        return _inner_model(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _inner_model(arg)
            if found:
                return found
        return None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None
