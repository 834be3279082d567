"""ISO 3166-1 country codes (pycountry) and their French names (Babel, from CLDR)."""

from __future__ import annotations

from functools import cache

import pycountry
from babel import Locale

from .french import fold


@cache
def iso_codes() -> frozenset[str]:
    return frozenset(c.alpha_2 for c in pycountry.countries)


@cache
def _french_territories() -> dict[str, str]:
    return dict(Locale("fr").territories)


def is_country_code(code: str) -> bool:
    return code in iso_codes()


def french_name(code: str) -> str:
    """French name of an ISO alpha-2 code (« Sénégal »); the code itself if unknown."""
    name = _french_territories().get(code)
    if name:
        return name
    country = pycountry.countries.get(alpha_2=code)
    return str(country.name) if country else code


def _fold(text: str) -> str:
    return fold(text).replace("’", "'").strip()


@cache
def _codes_by_name() -> dict[str, str]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        names[_fold(country.name)] = country.alpha_2
        names[_fold(french_name(country.alpha_2))] = country.alpha_2
        alpha3 = getattr(country, "alpha_3", "")
        if alpha3:
            names[_fold(alpha3)] = country.alpha_2
    return names


def guess_code(text: str) -> str | None:
    """Code for a country written as a name or alpha-3 code (« Sénégal », ``SEN``)."""
    if text.upper() in iso_codes():
        return text.upper()
    return _codes_by_name().get(_fold(text))
