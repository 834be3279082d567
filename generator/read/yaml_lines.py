"""The editors' usual YAML slips, found line by line, each with its corrected line.

PyYAML reports where its reading broke down, which is often a line below the mistake and
always in a parser's words (« could not find expected ':' »). The slips below are the ones
editors make in practice (seen in the project's test corpora): a tab, a missing space
after ``:`` or ``-``, a quote never closed, a key one indentation level off, an unquoted
``: `` inside a value. Each finder returns the 0-based line to change and that line as it
should be written; :mod:`.yaml_errors` turns it into a message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_KEY = r"[A-Za-z_][A-Za-z0-9_-]*"
_KEY_NO_SPACE = re.compile(rf"^(\s*(?:-\s+)?)({_KEY}):(?=[^\s/:])(.*)$")
"""``status:planned`` (``http://`` and ``12:30`` are not keys: a key starts with a letter
and a web address has ``//`` after its colon)."""
_DASH_NO_SPACE = re.compile(r"^(\s*)-(?=[^\s\-0-9.])(.*)$")
"""``-jeunesse`` where ``- jeunesse`` was meant (``-5`` and ``---`` are left alone)."""
_KEY_LINE = re.compile(rf"^(\s*)(?:-\s+)?({_KEY})\s*:(?:\s|$)")
_COMMENT_OR_BLANK = re.compile(r"^\s*(#.*)?$")


@dataclass(frozen=True)
class LineFix:
    """Line ``index`` (0-based) of the text should read ``fixed``; ``code`` says why."""

    index: int
    code: str
    fixed: str


def before_parsing(text: str) -> LineFix | None:
    """Slips that PyYAML would accept silently or misplace: tabs, ``-item``.

    A tab in the indentation stops PyYAML at a confusing place; ``-item`` is read as text
    (``themes:`` becomes « -jeunesse - formation »), so the mistake is only seen later as a
    list that is not one.
    """
    if "\t" not in text and "-" not in text:
        return None
    lines = text.split("\n")
    for index, line in enumerate(lines):
        stripped = line.lstrip(" \t")
        indent = line[: len(line) - len(stripped)]
        if "\t" in indent and stripped and not stripped.startswith("#"):
            return LineFix(index, "yaml-tabulation", indent.replace("\t", "  ") + stripped)
        match = _DASH_NO_SPACE.match(line)
        if match and _starts_list_item(lines, index, len(match.group(1))):
            return LineFix(index, "yaml-tiret-sans-espace", f"{match.group(1)}- {match.group(2)}")
        if stripped.startswith("- "):
            above = _item_above(lines, index, len(indent))
            if above is not None:
                return LineFix(index, "yaml-indentation", " " * above + stripped)
    return None


def _item_above(lines: list[str], index: int, indent: int) -> int | None:
    """The indentation of the item ``- text`` just above a more indented ``- …`` line.

    YAML reads such a line as the rest of the text above (« jeunesse - formation »): an
    item of plain text cannot hold a list, so the line was meant beside it.
    """
    above = _previous_content(lines, index)
    if above is None:
        return None
    match = re.match(r"^(\s*)- +([^\s\"'#&*!|>\[{-][^#]*)$", lines[above])
    if match is None or len(match.group(1)) >= indent:
        return None
    if re.match(rf"^{_KEY}\s*:(\s|$)", match.group(2)):
        return None  # ``- name: …``: a mapping, whose fields may well be indented below
    return len(match.group(1))


def _starts_list_item(lines: list[str], index: int, indent: int) -> bool:
    """Whether a ``-word`` line stands where a list item belongs: under an empty ``key:``
    or beside other items (``- x``) of the same indentation."""
    for previous in reversed(lines[:index]):
        if _COMMENT_OR_BLANK.match(previous):
            continue
        stripped = previous.lstrip(" ")
        width = len(previous) - len(stripped)
        if stripped.startswith("- ") and width == indent:
            return True
        return bool(re.match(rf"^{_KEY}\s*:\s*(#.*)?$", stripped)) and width <= indent
    return False


def after_error(text: str, index: int, problem: str) -> LineFix | None:
    """The slip that explains a PyYAML error reported at line ``index``, if one is seen."""
    lines = text.split("\n")
    index = min(index, len(lines) - 1)
    return (
        _unclosed_quote(lines, index)
        or _key_without_space(lines, index)
        or _misindented(lines, index, problem)
        or _colon_in_value(lines, index, problem)
    )


def _unclosed_quote(lines: list[str], index: int) -> LineFix | None:
    """A double quote opened at or above ``index`` and never closed on its line.

    A value whose closing quote is forgotten swallows the next lines, and YAML stops
    somewhere further down; the editor needs the line where the quote was opened.
    """
    opened: int | None = None
    for number, line in enumerate(lines[: index + 1]):
        if opened is None and ('"' not in line or line.lstrip().startswith("#")):
            continue
        if len(re.findall(r'(?<!\\)"', line)) % 2:
            opened = number if opened is None else None
    if opened is None:
        return None
    return LineFix(opened, "yaml-guillemet-non-ferme", lines[opened].rstrip() + '"')


def _key_without_space(lines: list[str], index: int) -> LineFix | None:
    """``key:value`` on the error line or just above it (YAML reads it as a plain text,
    then stumbles on the next field)."""
    for number in range(min(index + 1, len(lines) - 1), max(index - 3, -1), -1):
        line = lines[number]
        match = _KEY_NO_SPACE.match(line)
        if match and not line.lstrip().startswith("#"):
            lead, key, rest = match.groups()
            return LineFix(number, "yaml-deux-points-sans-espace", f"{lead}{key}: {rest}")
    return None


def _misindented(lines: list[str], index: int, problem: str) -> LineFix | None:
    """A key one level off: more indented than the field above, which holds a value.

    Either the key above should have been indented too (``period:`` / ``start: 2026`` /
    ``  end: 2028``: ``start`` belongs under ``period``), or this key should be aligned
    on the one above (``updated: …`` / `` foo: bar``).
    """
    if "mapping values" not in problem and "expected <block end>" not in problem:
        return None
    here = _KEY_LINE.match(lines[index])
    if here is None:
        return None
    width = len(here.group(1))
    above = _previous_content(lines, index)
    if above is None:
        return None
    above_match = _KEY_LINE.match(lines[above])
    if above_match is None or len(above_match.group(1)) >= width:
        return None
    above_width = len(above_match.group(1))
    parent = _previous_content(lines, above)
    if parent is not None:
        parent_match = re.match(rf"^(\s*)(?:-\s+)?{_KEY}\s*:\s*(#.*)?$", lines[parent])
        if parent_match and len(parent_match.group(1)) == above_width:
            # the key above sits at its parent's level: it is the one to indent
            fixed = " " * width + lines[above].lstrip(" ")
            return LineFix(above, "yaml-indentation", fixed)
    return LineFix(index, "yaml-indentation", " " * above_width + lines[index].lstrip(" "))


def _colon_in_value(lines: list[str], index: int, problem: str) -> LineFix | None:
    """``title: Bilan: 2022``: a value holding ``: `` must be quoted."""
    if "mapping values" not in problem:
        return None
    line = lines[index]
    match = re.match(rf"^(\s*(?:-\s+)?(?:{_KEY}\s*:\s+)?)(.*?)\s*$", line)
    if match is None or ": " not in match.group(2) or match.group(2)[:1] in "\"'[{":
        return None
    lead, value = match.groups()
    return LineFix(index, "deux-points-non-proteges", lead + quoted(value.split(" #", 1)[0]))


def quoted(value: str) -> str:
    """``value`` as a double-quoted YAML text (its trailing spaces dropped)."""
    return '"' + value.rstrip().replace("\\", "\\\\").replace('"', '\\"') + '"'


def _previous_content(lines: list[str], index: int) -> int | None:
    for number in range(index - 1, -1, -1):
        if not _COMMENT_OR_BLANK.match(lines[number]):
            return number
    return None
