"""Strict YAML reading that remembers where every value came from.

PyYAML builds a node tree (with the C loader when available); this module turns it into
plain Python values while keeping, for every key and list item, its line in the file, the
YAML type it was read as and its source text. It refuses what would surprise an editor:
duplicate keys, tabs in indentation, aliases and merge keys (their expansion is unbounded,
and content has no use for them). An anchor that no alias uses expands nothing and is let
through.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # the C loader is ~6x faster; fall back to pure Python where libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

from ..messages import say
from .yaml_errors import YamlProblem, refuse_slips, translate_yaml_error

__all__ = [
    "Located",
    "Path",
    "YamlProblem",
    "format_path",
    "guess_field",
    "parse_yaml",
    "prefix_field",
]

Path = tuple[str | int, ...]

MAX_YAML_BYTES = 512 * 1024
"""Front matter or registry larger than this is refused: content never needs it."""

MAX_DEPTH = 32

_TAG_PREFIX = "tag:yaml.org,2002:"
_constructor = yaml.SafeLoader("")  # only its construct_* methods are used, for scalars


@dataclass
class Located:
    """YAML data plus, for every path inside it, its line, YAML kind and source text."""

    data: Any
    lines: dict[Path, int] = field(default_factory=dict)
    kinds: dict[Path, str] = field(default_factory=dict)
    sources: dict[Path, str] = field(default_factory=dict)
    first_line: int = 1
    text: str = ""
    """The YAML text, to quote a line back to the editor with its correction."""
    line_offset: int = 0

    def line_of(self, path: Path) -> int:
        """Line of ``path``, or of its closest ancestor that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), self.first_line)

    def text_of_line(self, line: int) -> str:
        """The text of file line ``line`` (empty when it is not in this YAML block)."""
        lines = self.text.split("\n")
        index = line - self.line_offset - 1
        return lines[index] if 0 <= index < len(lines) else ""

    def kind_of(self, path: Path) -> str:
        return self.kinds.get(path, "")

    def source_of(self, path: Path) -> str:
        return self.sources.get(path, "")


def format_path(path: Path) -> str:
    """``('authors', 0, 'organisation')`` -> ``authors[1].organisation``.

    List items are counted from 1, as people count them (« the first author »): the
    editors' guide says so once.
    """
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def prefix_field(label: str, field: str) -> str:
    """``organisations`` + ``[1].id`` -> ``organisations[1].id``."""
    if not label or not field:
        return field or label
    return label + field if field.startswith("[") else f"{label}.{field}"


def parse_yaml(text: str, line_offset: int = 0, label: str = "") -> Located:
    """Parse ``text``; lines in the result are file lines (``line_offset`` + 1-based line).

    ``label`` prefixes field paths (a registry's name). Raises :class:`YamlProblem` on the
    first problem that stops reading; its field is guessed from the text when the problem
    has none (a syntax error names no field).
    """
    try:
        located = _parse(text, line_offset)
    except YamlProblem as problem:
        field = problem.field or guess_field(problem.text or text, problem.line - line_offset - 1)
        problem.field = prefix_field(label, field)
        raise
    return located


def _parse(text: str, line_offset: int) -> Located:
    if len(text.encode("utf-8", "surrogatepass")) > MAX_YAML_BYTES:
        raise YamlProblem(line_offset + 1, say("yaml-trop-long", limit=MAX_YAML_BYTES))
    refuse_slips(text, line_offset)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise translate_yaml_error(exc, text, line_offset) from exc
    except yaml.reader.ReaderError as exc:
        char = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1])
        # the position is in bytes with libyaml, in characters without: find the character
        position = max(text.find(chr(char)), 0)
        raise YamlProblem(
            line_offset + text[:position].count("\n") + 1,
            say("caractere-de-controle", hint="indice-retirer-caractere", char=f"U+{char:04X}"),
        ) from exc
    except yaml.YAMLError as exc:
        message = " ".join(str(exc).split())
        raise YamlProblem(line_offset + 1, say("yaml-syntaxe", problem=message)) from exc
    except RecursionError as exc:
        raise YamlProblem(line_offset + 1, say("yaml-trop-profond")) from exc
    located = Located(data=None, first_line=line_offset + 1, text=text, line_offset=line_offset)
    if node is None:
        located.data = None
        return located
    builder = _Builder(located, line_offset, text)
    located.data = builder.build(node, (), 0)
    return located


_ENTRY_RE = re.compile(
    r"""(?P<dash>-(?=[ \t]|$))|(?P<key>"[^"]*"|'[^']*'|[^\s#\-\[\]{},&*!|>'"%@`][^:#]*?)"""
    r"""[ \t]*:(?=[ \t]|$)"""
)


def _entries(line: str) -> list[tuple[int, str | None]]:
    """Block entries a line opens: ``(column, key)``, key None for a list item ``-``."""
    found: list[tuple[int, str | None]] = []
    pos = len(line) - len(line.lstrip(" \t"))
    while pos < len(line):
        match = _ENTRY_RE.match(line, pos)
        if not match:
            break
        if match.group("dash"):
            found.append((pos, None))
            pos = match.end()
            pos += len(line[pos:]) - len(line[pos:].lstrip(" \t"))
            continue
        found.append((pos, match.group("key").strip().strip("'\"")))
        break
    return found


def guess_field(text: str, index: int) -> str:
    """Field path of the entry at 0-based line ``index``, from indentation alone.

    Used for problems found before YAML could be read (syntax errors, tabs, encoding),
    where no node tree exists to tell which field the line belongs to.
    """
    lines = text.split("\n")
    if not lines:
        return ""
    index = min(max(index, 0), len(lines) - 1)
    path: list[str | int] = []
    limit: float = float("inf")
    after_item = False
    for number in range(index, -1, -1):
        for column, key in reversed(_entries(lines[number])):
            if column < limit or (after_item and column == limit and key is not None):
                if key is None:
                    path.insert(0, _item_index(lines, number, column))
                    after_item = True
                else:
                    path.insert(0, key)
                    after_item = False
                limit = column
    return format_path(tuple(path))


def _item_index(lines: list[str], number: int, column: int) -> int:
    """How many list items at ``column`` come before the one on line ``number``."""
    count = 0
    for previous in range(number - 1, -1, -1):
        entries = _entries(lines[previous])
        if not entries:
            continue
        if (column, None) in entries:
            count += 1
        if entries[0][0] < column or (entries[0][0] == column and entries[0][1] is not None):
            break
    return count


class _Builder:
    def __init__(self, located: Located, line_offset: int, text: str) -> None:
        self.located = located
        self.offset = line_offset
        self.text = text
        self.seen: set[int] = set()

    def line(self, node: yaml.Node) -> int:
        return self.offset + node.start_mark.line + 1

    def build(self, node: yaml.Node, path: Path, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise YamlProblem(self.line(node), say("yaml-trop-profond"), field=format_path(path))
        if id(node) in self.seen:
            raise YamlProblem(
                self._alias_line(node),
                say("yaml-alias", hint="indice-ecrire-en-entier"),
                format_path(path),
            )
        self.seen.add(id(node))
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.tag not in (
            _TAG_PREFIX + "map",
            _TAG_PREFIX + "seq",
        ):
            raise YamlProblem(
                self.line(node),
                say("yaml-etiquette", hint="indice-retirer-etiquette", tag=node.tag),
                format_path(path),
            )
        if isinstance(node, yaml.MappingNode):
            self.located.kinds[path] = "mapping"
            return self.build_mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            self.located.kinds[path] = "list"
            items = []
            for index, item in enumerate(node.value):
                item_path = (*path, index)
                self.located.lines[item_path] = self.line(item)
                items.append(self.build(item, item_path, depth + 1))
            return items
        assert isinstance(node, yaml.ScalarNode)
        return self.build_scalar(node, path)

    def build_mapping(self, node: yaml.MappingNode, path: Path, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _TAG_PREFIX + "merge":
                raise YamlProblem(
                    self.line(key_node),
                    say("yaml-fusion", hint="indice-ecrire-en-entier"),
                    format_path(path),
                )
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem(
                    self.line(key_node), say("yaml-cle-complexe"), field=format_path(path)
                )
            key = str(key_node.value)
            key_path = (*path, key)
            line = self.line(key_node)
            if key in first_line:
                raise YamlProblem(
                    line,
                    say("cle-en-double", hint="indice-garder-un", key=key, first=first_line[key]),
                    format_path(key_path),
                )
            first_line[key] = line
            self.located.lines[key_path] = line
            result[key] = self.build(value_node, key_path, depth + 1)
        return result

    def build_scalar(self, node: yaml.ScalarNode, path: Path) -> Any:
        tag = node.tag[len(_TAG_PREFIX) :] if node.tag.startswith(_TAG_PREFIX) else node.tag
        source = self._source(node)
        self.located.sources[path] = source
        if tag == "str":
            self.located.kinds[path] = "str"
            return str(node.value)
        if tag in {"bool", "int", "float", "null", "timestamp"}:
            self.located.kinds[path] = tag
            try:
                value = _constructor.construct_object(node, deep=True)
            except (ValueError, yaml.YAMLError, OverflowError):
                # e.g. 2022-02-30: looks like a date but is none; keep the text
                self.located.kinds[path] = "invalid-" + tag
                return str(node.value)
            if isinstance(value, dt.datetime):
                value = value.replace(tzinfo=None)
            return value
        raise YamlProblem(
            self.line(node),
            say("yaml-etiquette", hint="indice-retirer-etiquette", tag=node.tag),
            format_path(path),
        )

    def _source(self, node: yaml.Node) -> str:
        start, end = node.start_mark.index, node.end_mark.index
        return self.text[start:end] if 0 <= start <= end else str(node.value)

    def _alias_line(self, node: yaml.Node) -> int:
        """Line of the first alias in the text (nodes do not record where aliases were)."""
        try:
            for event in yaml.parse(self.text, Loader=_Loader):
                if isinstance(event, yaml.AliasEvent) and event.start_mark is not None:
                    return self.offset + event.start_mark.line + 1
        except yaml.YAMLError:
            pass
        return self.line(node)
