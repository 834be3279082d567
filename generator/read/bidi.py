"""Finding the invisible characters that reorder text (bidirectional controls).

An embedding, override or isolate character (U+202A–U+202E, U+2066–U+2069) changes the
order in which the characters after it are shown: « ‮ euqilbup » displays as a word the
file does not hold, so a reviewer reading the change sees something other than what the
site shows (the « Trojan Source » trick). They have legitimate uses in right-to-left
writing, so they get a warning, not an error. The marks U+200E, U+200F and U+061C, which
only set the direction of neutral characters next to them, are left alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from .yamlsource import Located, Path

BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def describe(text: str) -> str:
    """``U+202E (RIGHT-TO-LEFT OVERRIDE)``, for each kind of control in ``text``."""
    found = sorted(set(BIDI_CONTROLS.findall(text)))
    return ", ".join(f"U+{ord(char):04X} ({unicodedata.name(char)})" for char in found)


def in_data(located: Located) -> Iterator[tuple[Path, str]]:
    """(field path, description) of every text of ``located`` holding a control."""

    def walk(value: Any, path: Path) -> Iterator[tuple[Path, str]]:
        if isinstance(value, str):
            if BIDI_CONTROLS.search(value):
                yield path, describe(value)
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from walk(item, (*path, str(key)))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from walk(item, (*path, index))

    yield from walk(located.data, ())


def in_lines(text: str, first_line: int) -> Iterator[tuple[int, str]]:
    """(line number, description) of every line of ``text`` holding a control."""
    if not BIDI_CONTROLS.search(text):
        return
    for number, line in enumerate(text.split("\n"), start=first_line):
        if BIDI_CONTROLS.search(line):
            yield number, describe(line)
