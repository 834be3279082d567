"""The filter data of a listing: what ``theme/assets/listing.js`` filters and sorts.

Each listing (all sheets, a country, a theme…) gets one small JSON file, ``filtres.json``
next to its first page. It names, for each card of the listing *in the order of its pages*,
its countries, themes, programme, status and years, and gives the two orders a reader can
ask for. A card is known by its place in that order: card ``i`` is on page
``i // listing_page_size + 1``, so the script fetches the few pages that hold the cards it
shows and takes them from there. No card text is repeated: at 5,000 sheets the file of all
sheets stays under 50 KB compressed (bench/listings.md).

The file is columnar (one list per facet, one entry per card; a single value instead of a
one-element list) because that compresses best. Facet values are the ones the listing's
cards have, each with its count, so a value with no card is never offered::

    {"v": 1, "size": 100, "total": 120, "noun": ["fiche", "fiches"], "order": "titre",
     "facets": [{"id": "pays", "label": "Pays", "values": [["SN", "Sénégal", 12], …]}, …],
     "cards": {"pays": [0, [0, 3], …], "theme": […], "programme": […], "statut": […],
               "annee": [[2019, 2021], 2022, …]},
     "sorts": {"titre": null, "recent": [17, 3, …], "pages": null}}

``sorts``: for each order (``titre``, ``recent``, and ``pages``: the pages' own), the card
numbers in that order, each card once; ``null`` when that is the pages' order itself.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..catalogue import STATUS_LABELS, Catalogue, Project, Writeup
from ..countries import french_name
from ..french import sort_key
from .cache_files import mark_used, write_once

Document = Project | Writeup
FILE_NAME = "filtres.json"
FOLDER = "filtres"
"""Where the files are kept in the build cache before they are published."""
STATUS_ORDER = ("planned", "ongoing", "completed")


def latest_year(catalogue: Catalogue) -> int:
    """The year an ongoing project is taken to run until: the latest dated fact of the
    content (a write-up's day, a sheet's update, an ongoing project's start). Never the
    clock: the same content gives the same filters."""
    years = [w.meta.date.year for w in catalogue.writeups.values()]
    for project in catalogue.projects.values():
        if project.meta.updated:
            years.append(project.meta.updated.year)
        if project.meta.status == "ongoing":
            years.append(project.meta.period.start)
    return max(years, default=2000)


def recency(document: Document, last: int) -> int:
    """A number that grows with how recent a document is (a day, as YYYYMMDD)."""
    if isinstance(document, Writeup):
        date = document.meta.date
        return date.year * 10000 + date.month * 100 + date.day
    period = document.meta.period
    end = period.end if period.end is not None else max(last, period.start)
    return end * 10000 + 1231


def years(document: Document, last: int) -> tuple[int, int]:
    if isinstance(document, Writeup):
        return (document.meta.date.year, document.meta.date.year)
    period = document.meta.period
    end = period.end if period.end is not None else max(last, period.start)
    return (period.start, end)


def filter_data(
    catalogue: Catalogue,
    documents: list[Document],
    page_size: int,
    default_order: str,
    labels: dict[str, str],
) -> dict[str, Any]:
    """The filter data of a listing whose pages show ``documents`` in this order.

    ``default_order``: ``titre`` or ``recent``, the order of the pages themselves;
    ``labels``: programme id -> its label.
    """
    last = latest_year(catalogue)
    # a document shown twice (in two sections of one page) is counted and offered once
    first_place: dict[str, int] = {}
    for place, doc in enumerate(documents):
        first_place.setdefault(doc.url, place)
    unique = sorted(first_place.values())
    facets: dict[str, list[list[str]]] = {"pays": [], "theme": [], "programme": [], "statut": []}
    spans: list[tuple[int, int]] = []
    for doc in documents:
        if isinstance(doc, Project):
            facets["pays"].append(list(doc.meta.countries))
            facets["programme"].append([doc.meta.programme])
            facets["statut"].append([doc.meta.status])
        else:
            facets["pays"].append(list(doc.countries))
            facets["programme"].append([doc.meta.programme] if doc.meta.programme else [])
            facets["statut"].append([])
        facets["theme"].append(list(doc.meta.themes))
        spans.append(years(doc, last))
    names: dict[str, tuple[str, Callable[[str], str]]] = {
        "pays": ("Pays", french_name),
        "theme": ("Thème", lambda t: catalogue.themes[t].label),
        "programme": ("Programme", lambda p: labels.get(p, p)),
        "statut": ("Statut", STATUS_LABELS.__getitem__),
    }
    described: list[dict[str, Any]] = []
    columns: dict[str, Any] = {}
    for facet, per_card in facets.items():
        counts = Counter(value for i in unique for value in per_card[i])
        label, name = names[facet]
        if facet == "statut":
            ordered = [s for s in STATUS_ORDER if s in counts]
        else:
            ordered = sorted(counts, key=lambda v: (sort_key(name(v)), v))
        number = {value: i for i, value in enumerate(ordered)}
        described.append(
            {"id": facet, "label": label, "values": [[v, name(v), counts[v]] for v in ordered]}
        )
        columns[facet] = [_compact([number[v] for v in values]) for values in per_card]
    every_year = Counter(y for i in unique for y in range(spans[i][0], spans[i][1] + 1))
    described.append(
        {
            "id": "annee",
            "label": "Année",
            "values": [[str(y), str(y), every_year[y]] for y in sorted(every_year, reverse=True)],
        }
    )
    columns["annee"] = [start if start == end else [start, end] for start, end in spans]
    by_title = sorted(unique, key=lambda i: _title_key(documents[i]))
    by_recency = sorted(
        unique, key=lambda i: (-recency(documents[i], last), _title_key(documents[i]))
    )
    sorts: dict[str, list[int] | None] = {
        "titre": by_title,
        "recent": by_recency,
        "pages": unique,
    }
    identity = list(range(len(documents)))
    for order, permutation in sorts.items():
        if permutation == identity:
            sorts[order] = None
    kinds = {type(doc) for doc in documents}
    noun = (
        ["fiche", "fiches"]
        if kinds == {Project}
        else ["compte-rendu", "comptes-rendus"]
        if kinds == {Writeup}
        else ["document", "documents"]
    )
    return {
        "v": 1,
        "size": page_size,
        "total": len(unique),
        "noun": noun,
        "order": default_order,
        "facets": [f for f in described if len(f["values"]) > 1],
        "cards": columns,
        "sorts": sorts,
    }


def _title_key(doc: Document) -> tuple[str, str, str]:
    return (sort_key(doc.title), doc.kind, doc.slug)


def _compact(values: list[int]) -> int | list[int] | None:
    if not values:
        return None
    return values[0] if len(values) == 1 else values


def encode(data: dict[str, Any]) -> bytes:
    """The file's bytes: compact, keys in a fixed order, French letters as they are."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def cached_file(data: bytes, cache_dir: Path) -> Path:
    """The file holding ``data`` in the build cache (written once, named by its hash)."""
    target = cache_dir / FOLDER / f"{hashlib.sha256(data).hexdigest()}.json"
    if target.is_file():
        mark_used(target)
    else:
        write_once(target, data)
    return target
