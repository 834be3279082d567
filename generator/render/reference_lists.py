"""The editors' reference page (``listes/``): every id, code and message, always current.

Generated from the registries, the country table, the licences and the message
catalogue at each build, so that the guide (``content/contribuer.md``) never lists an id
that no longer exists, nor misses one added last week.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from .. import urls
from ..countries import french_name, iso_codes
from ..french import sort_key
from ..messages import CATALOGUE, Entry
from .planner_base import PlannerBase

_BLANK = re.compile(r"\{[a-z_]+\}")


def message_shape(entry: Entry) -> str:
    """A code's French message with its blanks shown as « … »."""
    return _BLANK.sub("…", entry.fr)


def inline_code(text: str) -> Markup:
    """``text`` escaped, with its `backquoted` parts as code (the catalogue's Markdown)."""
    parts = str(escape(text)).split("`")
    return Markup(
        "".join(f"<code>{part}</code>" if index % 2 else part for index, part in enumerate(parts))
    )


def codes() -> list[Entry]:
    """The diagnostic codes, errors first, each group by code."""
    found = [e for e in CATALOGUE.values() if e.kind in ("error", "warning")]
    return sorted(found, key=lambda e: (e.kind != "error", e.key))


class ReferencePages(PlannerBase):
    def references_page(self) -> None:
        catalogue = self.catalogue
        used = set(catalogue.by_country)
        countries = sorted(
            ((code, french_name(code), code in used) for code in iso_codes()),
            key=lambda c: sort_key(c[1]),
        )
        html = self.render(
            "references.html",
            urls.REFERENCE,
            themes=sorted(catalogue.themes.values(), key=lambda t: t.id),
            organisations=sorted(catalogue.organisations.values(), key=lambda o: o.id),
            programmes=sorted(catalogue.programmes.values(), key=lambda p: p.id),
            countries=countries,
            licences=sorted(self.settings.licences.values(), key=lambda lic: lic.id),
            codes=[
                (e, message_shape(e), inline_code(e.about), inline_code(e.example)) for e in codes()
            ],
            data_dir=self.settings.rel(self.settings.data_dir),
            guide=self.settings.guide.is_file(),
        )
        self.add(
            f"{urls.REFERENCE}index.md",
            urls.REFERENCE,
            "Listes de référence",
            "Les ids des thèmes, organisations et programmes, les codes pays, les licences "
            "et les messages du vérificateur",
            html,
            "references",
        )
