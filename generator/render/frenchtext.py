"""Small French-language helpers: dates, enumerations, plurals, sorting."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence

from babel.dates import format_date


def french_date(value: dt.date) -> str:
    """« 18 mars 2022 », « 1er avril 2023 »."""
    text = format_date(value, "d MMMM y", locale="fr")
    if value.day == 1:
        text = "1er" + text[1:]
    return text


def enumerate_fr(items: Sequence[str]) -> str:
    """« A », « A et B », « A, B et C »."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " et " + items[-1]


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    word = singular if count <= 1 else (plural_form or singular + "s")
    return f"{count} {word}"


def sort_key(text: str) -> str:
    """Accent- and case-insensitive key, so that « Égalité » sorts with « egalite »."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c))
