"""The text of a new sheet or write-up, and of a new registry entry.

Every field of the model is written, in the model's order, each under a French comment
(:mod:`.field_notes`): a fact given is written as a value; a required fact not given is a
key with nothing after it (or ``[]`` for a list), which a draft may have; an optional one
is left empty, or ``[]``, both of which the checker accepts. Nothing here decides whether
the result is valid: the command validates the text with the checker before writing it.
"""

from __future__ import annotations

import re
import textwrap
import typing
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel

from . import field_notes as notes
from .kinds import Kind
from .yaml_values import date, plain_or_quoted, quoted, year

WIDTH = 92
Facts = dict[str, Any]
"""Field name -> what was given: a text, a list of texts, or for people a list of
``(name, organisation id or "")``; ``start`` and ``end`` are the period's years."""


@dataclass(frozen=True)
class Places:
    """Where the registries and sheets are, as the comments name them."""

    data_dir: str = "content/_data"
    projects_dir: str = "projects"


def document_text(kind: Kind, title: str, facts: Facts, draft: bool, places: Places) -> str:
    """A sheet's or write-up's file: commented front matter, then the body's sections."""
    header = notes.DOCUMENT_HEADER.format(what=notes.HEADER[kind.name], data_dir=places.data_dir)
    second = notes.DRAFT_HEADER if draft else notes.COMPLETE_HEADER
    lines = ["---", *_comment_lines([header], 0), "#", *_comment_lines([second], 0), ""]
    values = {**facts, kind.title_field: title, "draft": draft}
    for name in kind.model.model_fields:
        lines += _field(kind.model, name, values, 0, places)
    lines += ["---", ""]
    for heading, what in notes.SECTIONS[kind.name]:
        lines += [f"## {heading}", "", f"<!-- {what} -->", ""]
    return "\n".join(lines)


def entry_text(kind: Kind, entry_id: str, title: str, facts: Facts, places: Places) -> str:
    """A registry entry (``- id: …`` and its fields, each under its comment)."""
    header = notes.ENTRY_HEADER.format(what=notes.HEADER[kind.name])
    values = {**facts, "id": entry_id, kind.title_field: title}
    lines = _comment_lines([header], 0)
    for index, name in enumerate(kind.model.model_fields):
        field = _field(kind.model, name, values, 2, places)
        if index == 0:  # the entry's first key opens the list item
            field = [line[2:] if line.startswith("  #") else line for line in field]
            field[-1] = "- " + field[-1].lstrip(" ")
        lines += field
    return "\n".join(lines) + "\n"


def _field(
    model: type[BaseModel], name: str, values: Facts, indent: int, places: Places
) -> list[str]:
    shape = notes.SHAPES[name]
    pad = " " * indent
    value = values.get(name)
    comment = _comment(model, name, places)
    if shape in ("block", "items", "people") and not value:
        sample = notes.SAMPLES[name]
        empty = f"{name}:" if shape == "block" else f"{name}: []"
        head = _comment_lines([comment, notes.SAMPLE_INTRO.format(line=empty)], indent)
        return [*head, *(f"{pad}# {line}" for line in sample), pad + empty]
    lines = _comment_lines([comment], indent)
    inner = _inner(model, name)
    if shape == "period" and inner is not None:
        return [
            *lines,
            f"{pad}{name}:",
            *(
                line
                for sub in inner.model_fields
                for line in _field(inner, sub, values, indent + 2, places)
            ),
        ]
    if shape == "people":
        lines.append(f"{pad}{name}:")
        for person, organisation in value or []:
            lines += [
                f"{pad}  - name: {quoted(person)}",
                f"{pad}    organisation: {plain_or_quoted(organisation)}".rstrip()
                if organisation
                else f"{pad}    organisation:",
            ]
        return lines
    if shape in ("ids", "texts", "countries"):
        if not value:
            return [*lines, f"{pad}{name}: []"]
        write = plain_or_quoted if shape == "ids" else quoted
        return [*lines, f"{pad}{name}:", *(f"{pad}  - {write(item)}" for item in value)]
    return [*lines, f"{pad}{name}:{_scalar(shape, value)}"]


def _scalar(shape: str, value: Any) -> str:
    """`` value`` as written after ``name:`` (nothing when there is no value)."""
    if shape == "bool":
        return " true" if value else " false"
    if shape == "draft":
        return " true" if value else " false"
    if value is None or value == "":
        return ""
    if shape in ("text", "country", "path"):
        return " " + quoted(str(value))
    if shape == "year":
        return " " + year(str(value))
    if shape == "date":
        return " " + date(str(value))
    return " " + plain_or_quoted(str(value))


def _comment(model: type[BaseModel], name: str, places: Places) -> str:
    info = model.model_fields[name]
    description = " ".join((info.description or "").split())
    parts = [notes.REQUIRED if info.is_required() else notes.OPTIONAL, description]
    bounds = _text_bounds(model, name)
    if bounds:
        parts.append(bounds)
    example = notes.MORE_EXAMPLES.get(f"{model.__name__}.{name}", notes.MORE_EXAMPLES.get(name))
    if "Exemple" not in description and example:
        parts.append(notes.EXAMPLE.format(example=example))
    inner = _inner(model, name)
    if inner is not None and notes.SHAPES[name] != "period":
        parts += [_subfield(inner, sub) for sub in inner.model_fields]
    parts.append(_listed(name, places))
    return " ".join(part for part in parts if part)


def _subfield(model: type[BaseModel], name: str) -> str:
    info = model.model_fields[name]
    required = notes.SUBFIELD_REQUIRED if info.is_required() else notes.SUBFIELD_OPTIONAL
    description = " ".join((info.description or "").split())
    return notes.SUBFIELD.format(name=name, required=required, description=description)


def _listed(name: str, places: Places) -> str:
    registry = notes.REGISTRY_OF.get(name)
    anchor = notes.ANCHOR_OF.get(name, "")
    if registry:
        return notes.LISTED_REGISTRY.format(
            anchor=anchor,
            section=notes.LISTED_ON_THE_SITE[anchor],
            path=f"{places.data_dir}/{registry}.yml",
        )
    if name == "licence":
        return notes.LISTED_LICENCES
    if anchor:
        return notes.LISTED_SITE.format(anchor=anchor)
    if name == "examples":
        return notes.LISTED_SHEETS.format(folder=places.projects_dir)
    if name in ("authors", "reviewers"):
        return notes.LISTED_REGISTRY.format(
            anchor="organisations",
            section=notes.LISTED_ON_THE_SITE["organisations"],
            path=f"{places.data_dir}/organisations.yml",
        )
    return ""


def _text_bounds(model: type[BaseModel], name: str) -> str:
    if notes.SHAPES[name] != "text":
        return ""
    schema = _json_schema(model)["properties"][name]
    schema = next(iter(schema.get("anyOf", [])), schema)
    low, high = schema.get("minLength", 1), schema.get("maxLength")
    if not high:
        return ""
    return notes.BETWEEN.format(low=low, high=high) if low > 1 else notes.AT_MOST.format(high=high)


@cache
def _json_schema(model: type[BaseModel]) -> dict[str, Any]:
    return model.model_json_schema()


def _inner(model: type[BaseModel], name: str) -> type[BaseModel] | None:
    """The model of a field made of mappings (``period``, ``image``, ``authors``…)."""
    annotation: Any = model.model_fields[name].annotation
    while True:
        args = typing.get_args(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return annotation
        if not args:
            return None
        found = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
        if found:
            return found[0]
        annotation = args[0]


_KEEP_TOGETHER = re.compile(r" (?=[:;?!»])|(?<=«) ")
"""French spacing: a line never starts with « : ; ? ! » » nor ends with « « »."""
_GLUE = "\x00"


def _comment_lines(paragraphs: list[str], indent: int) -> list[str]:
    pad = " " * indent + "# "
    lines: list[str] = []
    for paragraph in paragraphs:
        if paragraph:
            lines += textwrap.wrap(
                _KEEP_TOGETHER.sub(_GLUE, paragraph),
                WIDTH - len(pad),
                initial_indent=pad,
                subsequent_indent=pad,
                break_on_hyphens=False,
                break_long_words=False,
            )
    return [line.replace(_GLUE, " ") for line in lines]
