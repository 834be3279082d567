"""What ``new`` can start: two kinds of documents and three registries' entries."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from ..validate.schema import (
    OrganisationEntry,
    ProgrammeEntry,
    ProjectMeta,
    ThemeEntry,
    WriteupMeta,
)


@dataclass(frozen=True)
class Kind:
    name: str
    """``sheet``, ``writeup``, ``organisation``, ``programme`` or ``theme``."""
    word: str
    """The catalogue's word for it (« fiche projet »)."""
    model: type[BaseModel]
    title_field: str
    """The field the title fills: ``title``, or a registry entry's ``name`` or ``label``."""
    options: dict[str, str]
    """The command's options it takes (argparse names) and the field each one fills."""
    registry: str = ""
    """For an entry: the registry it is appended to (``organisations``)."""

    @property
    def is_document(self) -> bool:
        return not self.registry

    @property
    def facts(self) -> list[str]:
        """The fields that options or questions fill, in the order they are asked."""
        return list(dict.fromkeys(self.options.values()))


SHEET = Kind(
    "sheet",
    "new-mot-fiche",
    ProjectMeta,
    "title",
    {
        "summary": "summary",
        "programme": "programme",
        "lead": "lead",
        "partner": "partners",
        "country": "countries",
        "place": "places",
        "theme": "themes",
        "year": "start",
        "end": "end",
        "status": "status",
    },
)
WRITEUP = Kind(
    "writeup",
    "new-mot-compte-rendu",
    WriteupMeta,
    "title",
    {
        "summary": "summary",
        "date": "date",
        "event": "event",
        "programme": "programme",
        "organisation": "organisations",
        "author": "authors",
        "theme": "themes",
        "example": "examples",
    },
)
ORGANISATION = Kind(
    "organisation",
    "new-mot-organisation",
    OrganisationEntry,
    "name",
    {
        "short_name": "short_name",
        "country": "country",
        "url": "url",
        "description": "description",
    },
    registry="organisations",
)
PROGRAMME = Kind(
    "programme",
    "new-mot-programme",
    ProgrammeEntry,
    "name",
    {
        "short_name": "short_name",
        "organisation": "organisation",
        "year": "started",
        "url": "url",
        "description": "description",
    },
    registry="programmes",
)
THEME = Kind(
    "theme",
    "new-mot-theme",
    ThemeEntry,
    "label",
    {"description": "description"},
    registry="themes",
)

KINDS: dict[str, Kind] = {
    "sheet": SHEET,
    "fiche": SHEET,
    "writeup": WRITEUP,
    "compte-rendu": WRITEUP,
    "organisation": ORGANISATION,
    "programme": PROGRAMME,
    "theme": THEME,
    "thème": THEME,
}
"""The names a person may give, English and French."""

LIST_FACTS = frozenset(
    {"partners", "countries", "places", "themes", "organisations", "authors", "examples"}
)
"""Facts that are lists (their options may be repeated)."""
