"""Values written into YAML so that the checker reads back exactly what was given.

A value typed by a person may hold anything: ``: ``, quotes, a leading ``-``, a word YAML
reads as a boolean (``no``), a control character pasted by accident. Texts are always
written in double quotes with escapes; ids, years and dates plainly only when YAML reads
them back unchanged as what they look like.
"""

from __future__ import annotations

import re
import unicodedata

import yaml

_PLAIN_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_PLAIN_YEAR = re.compile(r"^[0-9]{4}$")
_PLAIN_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}
_ESCAPED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
"""Control, format (bidirectional controls among them), surrogate, private and unassigned
characters, and line separators, written as escapes: visible in the file, read back the
same. Spaces (the non-breaking ones of French typography too) stay as they are."""


def quoted(value: str) -> str:
    """``value`` as a YAML double-quoted scalar."""
    out = []
    for char in value:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif unicodedata.category(char) in _ESCAPED_CATEGORIES:
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def plain_or_quoted(value: str, pattern: re.Pattern[str] = _PLAIN_ID) -> str:
    """``value`` plain when it fits ``pattern`` and YAML reads it back as this very text
    (``no`` and ``null`` are slugs YAML reads otherwise), else quoted."""
    if pattern.match(value) and yaml.safe_load(value) == value:
        return value
    return quoted(value)


def year(value: str) -> str:
    """A year in digits stays a number; anything else is a text the checker explains."""
    return value if _PLAIN_YEAR.match(value) else quoted(value)


def date(value: str) -> str:
    return value if _PLAIN_DATE.match(value) else quoted(value)
