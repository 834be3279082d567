"""The catalogue's mechanics: entries by key, the current language, rendering."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Literal

Language = Literal["fr", "en"]
LANGUAGES: tuple[Language, ...] = ("fr", "en")
Kind = Literal["error", "warning", "hint", "text", "word"]


@dataclass(frozen=True)
class Entry:
    """One sentence in both languages. Codes (errors and warnings) also say, for the
    guide, what the problem means (``about``) and show a mistake and its fix (``example``)."""

    key: str
    kind: Kind
    fr: str
    en: str
    about: str = ""
    example: str = ""

    def render(self, lang: Language, args: dict[str, Any]) -> str:
        template = self.fr if lang == "fr" else self.en
        try:
            return template.format(**args)
        except (KeyError, IndexError) as error:  # a bug of the tool, caught by the tests
            raise KeyError(f"message {self.key!r} needs {error}") from error


@dataclass(frozen=True)
class Said:
    """A code's message and its hint, rendered in the language of the moment."""

    code: str
    message: str
    suggestion: str = ""


CATALOGUE: dict[str, Entry] = {}


def entry(key: str, kind: Kind, fr: str, en: str, about: str = "", example: str = "") -> None:
    """Add a sentence to the catalogue (at import of the catalogue's modules)."""
    if key in CATALOGUE:
        raise ValueError(f"message key {key!r} defined twice")
    if kind in ("error", "warning") and not about:
        raise ValueError(f"code {key!r} needs an explanation for the guide")
    CATALOGUE[key] = Entry(key, kind, fr, en, about, example)


def _from_environment() -> Language:
    value = os.environ.get("PK_LANG", "fr").strip().lower()[:2]
    return "en" if value == "en" else "fr"


_current: list[Language] = [_from_environment()]


def set_language(lang: str | None) -> Language:
    """Use ``lang`` from now on (None: ``PK_LANG``, else French); exported to children."""
    chosen: Language = "en" if (lang or "").lower().startswith("en") else "fr"
    if lang is None:
        chosen = _from_environment()
    _current[0] = chosen
    os.environ["PK_LANG"] = chosen
    return chosen


def language() -> Language:
    return _current[0]


def text(key: str, /, **args: Any) -> str:
    """The sentence ``key`` in the current language, with ``args`` filled in."""
    return CATALOGUE[key].render(language(), args)


def word(key: str) -> str:
    """A word of the catalogue (``mot-liste``: « une liste »), used inside sentences."""
    return text(key)


def say(code: str, /, hint: str = "", **args: Any) -> Said:
    """A diagnostic's message (``code``) and its hint (a key, or empty), rendered now."""
    entry_ = CATALOGUE[code]
    if entry_.kind not in ("error", "warning"):
        raise KeyError(f"{code!r} is not a diagnostic code")
    return Said(code, entry_.render(language(), args), text(hint, **args) if hint else "")
