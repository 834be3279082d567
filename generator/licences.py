"""Creative Commons licences known by id, with French names and deed URLs."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_LICENCE = "CC-BY-NC-SA-3.0-FR"


@dataclass(frozen=True)
class Licence:
    id: str
    name: str
    short_name: str
    url: str


_ELEMENTS = {
    "BY": "Attribution",
    "NC": "Pas d’utilisation commerciale",
    "SA": "Partage dans les mêmes conditions",
    "ND": "Pas de modification",
}
_COMBINATIONS = [
    ("BY",),
    ("BY", "SA"),
    ("BY", "NC"),
    ("BY", "NC", "SA"),
    ("BY", "ND"),
    ("BY", "NC", "ND"),
]
# (id suffix, version, URL port segment, French port name)
_PORTS = [
    ("4.0", "4.0", "", "International"),
    ("3.0-FR", "3.0", "fr/", "France"),
    ("3.0", "3.0", "", "Non transposé"),
    ("2.0-FR", "2.0", "fr/", "France"),
]


def _build_known() -> dict[str, Licence]:
    known: dict[str, Licence] = {}
    for elements in _COMBINATIONS:
        code = "-".join(elements)
        for suffix, version, port, port_name in _PORTS:
            licence_id = f"CC-{code}-{suffix}"
            name = (
                "Creative Commons "
                + " – ".join(_ELEMENTS[e] for e in elements)
                + f" {version} {port_name}"
            )
            short = f"CC {code} {version}" + (" FR" if port else "")
            url = f"https://creativecommons.org/licenses/{code.lower()}/{version}/{port}"
            known[licence_id] = Licence(licence_id, name, short, url)
    known["CC0-1.0"] = Licence(
        "CC0-1.0",
        "Creative Commons Zero 1.0 Universel (domaine public)",
        "CC0 1.0",
        "https://creativecommons.org/publicdomain/zero/1.0/",
    )
    return known


KNOWN_LICENCES: dict[str, Licence] = _build_known()
