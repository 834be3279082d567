"""What PyYAML's syntax errors mean for an editor: the real line, and the corrected line.

PyYAML stops where the text stopped making sense to it, which is often below the mistake
(an unclosed quote swallows the next lines) and says it in parser terms (« did not find
expected key »). These functions find the line the editor has to change and say how.
"""

from __future__ import annotations

import re

import yaml


class YamlProblem(Exception):
    """A problem that stops reading one YAML text; carries a file line and a field."""

    def __init__(self, line: int, message: str, suggestion: str = "", field: str = "") -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.suggestion = suggestion
        self.field = field


def refuse_tabs(text: str, line_offset: int) -> None:
    if "\t" not in text:
        return
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.lstrip(" \t")
        indent = line[: len(line) - len(stripped)]
        if "\t" in indent and stripped and not stripped.startswith("#"):
            raise YamlProblem(
                line_offset + number,
                "tab character in indentation",
                "indent with spaces only",
            )


def translate_yaml_error(exc: yaml.MarkedYAMLError, text: str, line_offset: int) -> YamlProblem:
    mark = exc.problem_mark or exc.context_mark
    if exc.context_mark is not None and "quoted scalar" in (exc.context or ""):
        mark = exc.context_mark  # an unclosed quote: point at where it was opened
    if exc.context_mark is not None and "while parsing a flow" in (exc.context or ""):
        mark = exc.context_mark  # an unclosed [ or {: point at where it was opened
    index = _last_written_line(text, mark.line if mark else 0)
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    suggestion = ""
    opened = _open_quote_line(text, index)
    if opened is not None and opened < index:
        line = line_offset + opened + 1
        return YamlProblem(
            line,
            "YAML syntax error: a quote opened on this line is not closed",
            "close the quote at the end of the value",
        )
    line = line_offset + index + 1
    if "found undefined alias" in problem or "found undefined anchor" in problem:
        return YamlProblem(
            line, "anchors and aliases (& and *) are not allowed", "write the value out in full"
        )
    if "mapping values are not allowed" in problem:
        suggestion = "a text containing ': ' must be quoted, e.g. title: \"Bilan : 2022\""
    elif "found character '\\t'" in problem or "\t" in problem:
        suggestion = "indent with spaces only"
    elif "could not find expected ':'" in problem or "expected <block end>" in problem:
        suggestion = "check the indentation and that every field is written `name: value`"
    elif "while parsing a flow" in context:
        suggestion = "check the brackets [ ] or { } opened on this line"
    elif "found unexpected end of stream" in problem or "found unknown escape" in problem:
        suggestion = "check that every opening quote is closed"
    message = "YAML syntax error: " + (problem or context or "cannot be read")
    if context and problem:
        message += f" ({context})"
    return YamlProblem(line, message, suggestion)


def _last_written_line(text: str, index: int) -> int:
    """``index``, or the last non-blank line before it when YAML stopped at the end."""
    lines = text.split("\n")
    index = min(index, len(lines) - 1)
    while index > 0 and not lines[index].strip():
        index -= 1
    return index


def _open_quote_line(text: str, index: int) -> int | None:
    """0-based line of a double quote still open at line ``index``, if any.

    A value whose closing quote is forgotten swallows the next lines, and YAML stops
    somewhere further down; the editor needs the line where the quote was opened.
    """
    opened: int | None = None
    for number, line in enumerate(text.split("\n")[: index + 1]):
        count = len(re.findall(r'(?<!\\)"', line))
        if opened is None and ('"' not in line or line.lstrip().startswith("#")):
            continue
        if count % 2:
            opened = number if opened is None else None
    return opened
