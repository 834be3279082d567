"""What PyYAML's syntax errors mean for an editor: the real line, and the corrected line.

PyYAML stops where the text stopped making sense to it, which is often below the mistake
(an unclosed quote swallows the next lines) and says it in parser terms (« did not find
expected key »). :mod:`.yaml_lines` finds the line the editor has to change and how; what
it does not recognise is still said in French, at the last line written.
"""

from __future__ import annotations

import yaml

from ..messages import Said, say
from ..messages import text as sentence
from .yaml_lines import LineFix, after_error, before_parsing


class YamlProblem(Exception):
    """A problem that stops reading one YAML text; carries a file line and a field."""

    def __init__(self, line: int, said: Said, field: str = "", text: str = "") -> None:
        super().__init__(said.message)
        self.line = line
        self.said = said
        self.field = field
        self.text = text
        """The text as corrected, when the problem comes with a corrected line: its field
        is named from it (``status:planned`` is no field until its space is back)."""


_PROBLEMS = (
    # (PyYAML's words, the catalogue's sentence, the hint)
    ("mapping values are not allowed", "yaml-pb-deux-points", "indice-yaml-deux-points"),
    ("could not find expected ':'", "yaml-pb-nom-valeur", "indice-yaml-indentation"),
    ("did not find expected key", "yaml-pb-indentation", "indice-yaml-indentation"),
    ("expected <block end>", "yaml-pb-indentation", "indice-yaml-indentation"),
    ("did not find expected '-' indicator", "yaml-pb-tiret", "indice-yaml-indentation"),
    ("found unexpected end of stream", "yaml-pb-fin", "indice-guillemet-fermer"),
    ("found unknown escape character", "yaml-pb-antislash", "indice-antislash"),
    ("cannot start any token", "yaml-pb-caractere", "indice-guillemets-valeur"),
)


def refuse_slips(text: str, line_offset: int) -> None:
    """Raise for a tab in the indentation or a ``-item`` (see :func:`.before_parsing`)."""
    fix = before_parsing(text)
    if fix is not None:
        raise _problem(fix, text, line_offset)


def _problem(fix: LineFix, text: str, line_offset: int) -> YamlProblem:
    line = line_offset + fix.index + 1
    lines = text.split("\n")
    lines[fix.index] = fix.fixed
    said = say(fix.code, hint="indice-indenter", line=line, fixed=fix.fixed)
    return YamlProblem(line, said, text="\n".join(lines))


def translate_yaml_error(exc: yaml.MarkedYAMLError, text: str, line_offset: int) -> YamlProblem:
    mark = exc.problem_mark or exc.context_mark
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    index = _last_written_line(text, mark.line if mark else 0)
    if "found undefined alias" in problem or "found undefined anchor" in problem:
        return YamlProblem(
            line_offset + index + 1, say("yaml-alias", hint="indice-ecrire-en-entier")
        )
    if exc.context_mark is not None and "while parsing a flow" in context:
        opened = exc.context_mark.line  # an unclosed [ or {: point at where it was opened
        return YamlProblem(line_offset + opened + 1, _unclosed_flow(text, opened, line_offset))
    fix = after_error(text, index, problem)
    if fix is not None:
        return _problem(fix, text, line_offset)
    key, hint = next(
        ((key, hint) for words, key, hint in _PROBLEMS if words in problem),
        ("", "indice-yaml-indentation"),
    )
    said = say(
        "yaml-syntaxe",
        hint=hint,
        problem=sentence(key) if key else (problem or context or "?"),
    )
    return YamlProblem(line_offset + index + 1, said)


def _unclosed_flow(text: str, index: int, line_offset: int) -> Said:
    """The line with its brackets closed, when they are all opened on it."""
    lines = text.split("\n")
    line = lines[index].rstrip() if index < len(lines) else ""
    missing = "]" * (line.count("[") - line.count("]")) + "}" * (line.count("{") - line.count("}"))
    if missing and "#" not in line and not line.endswith(","):
        return say(
            "yaml-crochet",
            hint="indice-indenter",
            line=line_offset + index + 1,
            fixed=line + missing,
        )
    return say("yaml-crochet", hint="indice-crochets")


def _last_written_line(text: str, index: int) -> int:
    """``index``, or the last non-blank line before it when YAML stopped at the end."""
    lines = text.split("\n")
    index = min(index, len(lines) - 1)
    while index > 0 and not lines[index].strip():
        index -= 1
    return index
