"""The limits of the content format, as a Markdown table read from the models' JSON Schema.

``docs/limits.md`` holds this table; ``tests/test_limits.py`` fails when it differs from
what the models say, and ``python -m generator.limits > docs/limits.md`` writes it again.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from .validate.barometer import BarometerMeta
from .validate.schema import OrganisationEntry, ProgrammeEntry, ProjectMeta, ThemeEntry, WriteupMeta

FILES: list[tuple[str, type[BaseModel]]] = [
    ("project sheet (`projects/<slug>.md`)", ProjectMeta),
    ("write-up (`content/comptes-rendus/<slug>.md`)", WriteupMeta),
    ("`content/_data/organisations.yml`, each entry", OrganisationEntry),
    ("`content/_data/programmes.yml`, each entry", ProgrammeEntry),
    ("`content/_data/themes.yml`, each entry", ThemeEntry),
    ("barometer (`content/_data/barometres/<id>.yml`)", BarometerMeta),
]


def _resolve(schema: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in schema:
        return _resolve(defs[schema["$ref"].rsplit("/", 1)[-1]], defs)
    options = [s for s in schema.get("anyOf", []) if s.get("type") != "null"]
    return _resolve(options[0], defs) if len(options) == 1 else schema


def _bounds(schema: dict[str, Any], low_key: str, high_key: str) -> str:
    low, high = schema.get(low_key, 0), schema.get(high_key)
    if high is None:
        return ""
    return f"{low} to {high}" if low > 1 else f"at most {high}"


def _rows(schema: dict[str, Any], defs: dict[str, Any], prefix: str) -> Iterator[tuple[str, str]]:
    for name, raw in schema.get("properties", {}).items():
        field = _resolve(raw, defs)
        path = f"{prefix}{name}"
        if field.get("type") == "array":
            yield path, f"list of {_bounds(field, 'minItems', 'maxItems')} items"
            item = _resolve(field.get("items", {}), defs)
            if item.get("type") == "object":
                yield from _rows(item, defs, f"{path}[].")
            elif "maxLength" in item:
                yield f"{path}[]", f"each {_bounds(item, 'minLength', 'maxLength')} characters"
        elif field.get("type") == "object":
            yield from _rows(field, defs, f"{path}.")
        elif "maxLength" in field:
            yield path, f"{_bounds(field, 'minLength', 'maxLength')} characters"


def table() -> str:
    """Every bounded field of every kind of file, with its bound."""
    lines = ["| file | field | limit |", "| --- | --- | --- |"]
    for label, model in FILES:
        schema = model.model_json_schema()
        for path, limit in _rows(schema, schema.get("$defs", {}), ""):
            lines.append(f"| {label} | `{path}` | {limit} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(table(), end="")
