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
    "theme": "Rapport thématique",
    "country": "Rapport par pays",
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

    An existing space before ``: ; ? !`` becomes a narrow non-breaking space (U+202F), and
    guillemets get one inside, as the issue of the site's readers asks and as the
    Imprimerie nationale's lexicon allows for all four; a colon glued to a word
    (``https://``, ``10:30``) is left alone.
    """
    text = _BEFORE_COLON.sub(NNBSP + ":", text)
    text = _BEFORE_PUNCT.sub(NNBSP + r"\1", text)
    text = _AFTER_OPEN.sub("«" + NNBSP, text)
    return _BEFORE_CLOSE.sub(NNBSP + "»", text)


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


# --- articles and elision before names -------------------------------------------------

_ELIDING = re.compile(r"^[aeiouyàâäéèêëîïôöûüœh]", re.IGNORECASE)
_LEADING_ARTICLE = re.compile(r"^(?:(les|le|la)\s+|(l['’])\s*)(?=\S)", re.IGNORECASE)
_ASPIRATED_H = frozenset({"haut", "haute", "hauts", "hautes", "hameau", "halte", "handicap"})
"""First words whose « h » does not elide (« du Haut conseil », « de Handicap … »)."""

_FEMININE = frozenset(
    fold(word)
    for word in (
        "action",
        "agence",
        "alliance",
        "amicale",
        "antenne",
        "assemblée",
        "association",
        "caisse",
        "chambre",
        "coalition",
        "commission",
        "communauté",
        "compagnie",
        "confédération",
        "conférence",
        "coopérative",
        "coordination",
        "délégation",
        "direction",
        "fédération",
        "fondation",
        "maison",
        "mission",
        "mutuelle",
        "ong",
        "organisation",
        "plateforme",
        "plate-forme",
        "région",
        "société",
        "structure",
        "union",
        "université",
        "ville",
        "école",
    )
)
_MASCULINE = frozenset(
    fold(word)
    for word in (
        "atelier",
        "bureau",
        "cabinet",
        "centre",
        "cercle",
        "collectif",
        "comité",
        "conseil",
        "consortium",
        "département",
        "fonds",
        "forum",
        "foyer",
        "groupe",
        "groupement",
        "haut",
        "institut",
        "laboratoire",
        "ministère",
        "mouvement",
        "observatoire",
        "office",
        "pôle",
        "programme",
        "projet",
        "regroupement",
        "réseau",
        "secours",
        "secrétariat",
        "service",
        "syndicat",
    )
)
_PLURAL = frozenset(
    fold(word)
    for word in (
        "amis", "amies", "associations", "ateliers", "centres", "collectifs", "compagnons",
        "enfants", "femmes", "jeunes", "maisons", "partenaires", "réseaux", "villages",
    )
)  # fmt: skip
"""First words (folded) that make a name feminine, masculine or plural: the common nouns
organisations are named with. Any other first word is a proper name, said bare."""


def article_of(name: str, article: str | None = None) -> str:
    """The definite article ``name`` takes in a sentence: « le », « la », « les », « l’ » or ''.

    ``article`` (from the registry) wins; a name that starts with an article keeps it
    (« La Fonda »); otherwise the first word decides when it is a common noun of
    organisations (« Comité … » → « le », « Association … » → « l’ »). A proper name
    (« Essentiel ») takes none.
    """
    if article is not None:
        return "" if article == "aucun" else article.replace("'", "’")
    match = _LEADING_ARTICLE.match(name)
    if match:
        return (match.group(1) or match.group(2)).lower().replace("'", "’")
    first = fold(name.split(maxsplit=1)[0]) if name.strip() else ""
    if first in _PLURAL:
        return "les"
    if first in _FEMININE or first in _MASCULINE:
        if _elides(name):
            return "l’"
        return "la" if first in _FEMININE else "le"
    return ""


def _elides(word: str) -> bool:
    first = fold(word.split(maxsplit=1)[0]).strip("'’") if word.strip() else ""
    return bool(_ELIDING.match(first)) and first not in _ASPIRATED_H


def _bare(name: str) -> str:
    """``name`` without a leading article of its own (« La Fonda » → « Fonda »)."""
    return _LEADING_ARTICLE.sub("", name, count=1)


def the(name: str, article: str | None = None) -> str:
    """« le Comité français… », « la Fonda », « l’Association… », « Essentiel »."""
    word = article_of(name, article)
    bare = _bare(name) if _LEADING_ARTICLE.match(name) else name
    if not word:
        return name
    return f"{word}{bare}" if word == "l’" else f"{word} {bare}"


def of(name: str, article: str | None = None) -> str:
    """« du Comité… », « de la Fonda », « de l’ONG… », « des Amis… », « d’Essentiel »."""
    word = article_of(name, article)
    bare = _bare(name) if _LEADING_ARTICLE.match(name) else name
    if word == "le":
        return f"du {bare}"
    if word == "les":
        return f"des {bare}"
    if word:
        return f"de {the(name, article)}"
    return f"d’{name}" if _elides(name) else f"de {name}"


def counted(count: int, singular: str, plural_form: str | None = None, *, feminine: bool) -> str:
    """« aucune fiche », « 1 fiche », « 3 fiches »; « aucun compte-rendu »."""
    if count == 0:
        return f"{'aucune' if feminine else 'aucun'} {singular}"
    return plural(count, singular, plural_form)


def volume_label(number: int, count: int) -> str:
    """« tome 2 sur 5 »; '' for a report in one volume."""
    return f"tome {number} sur {count}" if count > 1 else ""
