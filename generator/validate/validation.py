"""Running the schema over located YAML and turning pydantic errors into diagnostics."""

from __future__ import annotations

import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..diagnostics import DiagnosticList
from ..read.yamlsource import Located, Path, format_path
from .references import ReferenceContext, closest
from .schema import FIELD_HINTS

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
    "bool": "a yes/no value (boolean)",
    "int": "a number",
    "float": "a number",
    "timestamp": "a date",
}


def validate(
    model: type[M],
    located: Located,
    rel: str,
    context: ReferenceContext,
    diagnostics: DiagnosticList,
    prefix: Path = (),
    label: str = "",
) -> M | None:
    """Validate ``located.data`` (or the part at ``prefix``); report every error found."""
    data = located.data
    for part in prefix:
        data = data[part]
    try:
        return model.model_validate(data, context=context)
    except ValidationError as exc:
        found = exc.errors(include_url=False)
        # A misspelt key (`pays:`) is reported once, as unknown with the right name
        # suggested, not a second time as the required field (`countries`) it stands for.
        renamed = {
            (tuple(e["loc"][:-1]), _closest_field(model, tuple(e["loc"])))
            for e in found
            if e["type"] == "extra_forbidden"
        }
        for error in found:
            loc = tuple(error["loc"])
            if error["type"] == "missing" and loc and (loc[:-1], loc[-1]) in renamed:
                continue
            _report(error, model, located, rel, prefix, label, diagnostics)
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
) -> None:
    loc: Path = tuple(error["loc"])
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    at = ctx.pop("at", None)
    if at is not None:
        loc = loc + (at if isinstance(at, tuple) else (at,))
    path = prefix + loc
    message, suggestion = _explain(error, model, loc, located, path)
    suggestion = suggestion or str(ctx.get("suggestion") or "")
    field = label + format_path(path) or "(front matter)"
    diagnostics.error(rel, located.line_of(path), field, message, suggestion, str(error["type"]))


def _explain(
    error: Any, model: type[BaseModel], loc: Path, located: Located, path: Path
) -> tuple[str, str]:
    kind = str(error["type"])
    yaml_kind = located.kind_of(path)
    source = located.source_of(path)
    name = str(loc[-1]) if loc else ""
    if kind == "missing":
        return "required field is missing", f"add `{name}: …`"
    if kind == "extra_forbidden":
        match = _closest_field(model, loc)
        if match:
            return f"unknown field '{name}'", f"did you mean '{match}'?"
        known = _fields_at(model, loc[:-1])
        return f"unknown field '{name}'", "known fields: " + ", ".join(sorted(known))
    if kind == "string_type":
        if yaml_kind in _KIND_WORDS:
            return (
                f"YAML reads {source} as {_KIND_WORDS[yaml_kind]}, not as text",
                f'put it in quotes: "{source}"',
            )
        return _wrong_shape("a text", yaml_kind, name)
    if kind == "bool_type":
        return "expected true or false", "write true or false, without quotes"
    if kind == "list_type":
        if yaml_kind in ("str", "int", "float", "bool", "timestamp"):
            return "expected a list, not a single value", f"write `{name}: [{source}]`"
        return _wrong_shape("a list", yaml_kind, name)
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return _wrong_shape("fields (`name: value` lines)", yaml_kind, name)
    if kind == "literal_error":
        expected = str(error.get("ctx", {}).get("expected", ""))
        allowed = [part.strip(" '") for part in expected.replace(" or ", ",").split(",")]
        allowed = [a for a in allowed if a]
        value = str(error.get("input"))
        match = STATUS_HINTS.get(value.strip().lower()) or closest(value, allowed)
        return (
            f"'{value}' is not allowed: use one of {', '.join(allowed)}",
            f"did you mean '{match}'?" if match else "",
        )
    if kind == "too_short":
        return "needs at least one item", ""
    if kind == "too_long":
        ctx = error.get("ctx", {})
        return (
            f"has {ctx.get('actual_length')} items: at most {ctx.get('max_length')} are allowed",
            "keep the most important ones (limits: docs/content-format.md)",
        )
    message = str(error["msg"])
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    return message, ""


def _wrong_shape(expected: str, yaml_kind: str, name: str) -> tuple[str, str]:
    if yaml_kind == "null":
        return "has no value", f"give a value or remove `{name}`"
    got = {
        "list": "a list",
        "mapping": "a set of fields",
        "str": "a text",
        "bool": "a yes/no value",
        "int": "a number",
        "float": "a number",
        "timestamp": "a date",
    }.get(yaml_kind, "another kind of value")
    return f"expected {expected}, not {got}", ""


def _fields_at(model: type[BaseModel], loc: Path) -> list[str]:
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None:
            return []
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        current = _inner_model(info.annotation) if info else None
    return list(current.model_fields) if current else []


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
