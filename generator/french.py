"""The French of the site and its PDFs: wording, typography and folding, in one place.

Pages, PDFs, search and the checker's suggestions all take their French from here: dates
(« 18 mars 2022 »), enumerations, plurals, sizes, the spacing before « : ; ? ! » and inside
guillemets, and the accent-free forms used to sort, to compare and to make slugs.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

from babel.dates import format_date
from markupsafe import Markup, escape

if TYPE_CHECKING:  # the schema uses slug(): no import at run time
    from .validate.schema import Period, Reference

NBSP = "\u00a0"
NNBSP = "\u202f"  # espace fine insécable

# A space (ordinary or not) before « : ; ? ! » becomes the right non-breaking one.
_BEFORE_COLON = re.compile(r"[ \u00a0\u202f\t\n]+:")
_BEFORE_PUNCT = re.compile(r"[ \u00a0\u202f\t\n]+([;?!])")
_BEFORE_CLOSE = re.compile(r"[ \u00a0\u202f\t\n]*»")
_AFTER_OPEN = re.compile(r"«[ \u00a0\u202f\t\n]*")
LIGATURES = str.maketrans({"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae"})
"""Ligatures spelt out: Unicode folding keeps « œ » (``casefold`` already makes « ß » « ss »)."""
_NOT_SLUG = re.compile(r"[^a-z0-9]+")

DOCUMENT_KINDS = {
    "project": "Fiche projet",
    "writeup": "Compte-rendu",
    "programme": "Rapport de programme",
}
"""What a downloadable document is, as the downloads page says it."""


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


def size_fr(size: int) -> str:
    """« 245 Ko », « 1,2 Mo »."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} Ko"
    return f"{size / (1024 * 1024):.1f} Mo".replace(".", ",")


def spacing(text: str) -> str:
    """French spacing in a text (no markup).

    An existing space before ``:`` becomes a non-breaking space, before ``; ? !`` a narrow
    non-breaking space; guillemets get a non-breaking space inside. A colon glued to a word
    (``https://``, ``10:30``) is left alone.
    """
    text = _BEFORE_COLON.sub(NBSP + ":", text)
    text = _BEFORE_PUNCT.sub(NNBSP + r"\1", text)
    text = _AFTER_OPEN.sub("«" + NBSP, text)
    return _BEFORE_CLOSE.sub(NBSP + "»", text)


def fold(text: str) -> str:
    """``text`` without accents and case: « Égalité » -> « egalite »."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c))


def sort_key(text: str) -> str:
    """Accent- and case-insensitive key, so that « Égalité » sorts with « egalite »."""
    return fold(text)


def slug(text: str) -> str:
    """A slug from a French title: « Cœur d’Afrique ! » -> ``coeur-d-afrique``."""
    return _NOT_SLUG.sub("-", fold(text.translate(LIGATURES))).strip("-")


def period_text(period: Period) -> str:
    if period.end is None:
        return f"depuis {period.start}"
    if period.end == period.start:
        return str(period.start)
    return f"{period.start}–{period.end}"


def citation(ref: Reference) -> Markup:
    """One consistent style: AUTEUR, « Titre », éditeur, année, [en ligne]. Note."""
    parts: list[Markup] = [escape(ref.author), Markup("« {} »").format(ref.title)]
    if ref.publisher and ref.publisher != ref.author:
        parts.append(escape(ref.publisher))
    if ref.year:
        parts.append(escape(str(ref.year)))
    if ref.url:
        parts.append(Markup('<a href="{}">[en ligne]</a>').format(ref.url))
    text = Markup(", ").join(parts) + Markup(".")
    note = (ref.note or "").strip()
    if ref.url and fold(note).strip(" .") in _SAYS_ONLINE:
        note = ""  # « [en ligne]. Ressource en ligne » said it twice
    if note:
        text += Markup(" ") + escape(note)
    return text


_SAYS_ONLINE = frozenset(
    {"en ligne", "ressource en ligne", "disponible en ligne", "document en ligne", "site web"}
)
"""Notes that only repeat what « [en ligne] » says of a reference with an address."""
