"""A barometer: a self-assessment questionnaire published as content, and its checks.

``content/_data/barometres/<id>.yml`` holds one questionnaire: a scale, dimensions,
statements that each belong to a dimension, free-text questions, the reading of results
and, optionally, published aggregated results. Its fields are checked by the models below
(the same machinery, messages and lines as the registries); what ties one part to another
(a statement's dimension, ids unique in their list, a year given once) is checked after,
by :func:`cross_check`, so that every such problem of a file is reported in one run.

Answers never reach the generator: the page (``barometre/<id>/``) keeps them in the
browser. An export names the questionnaire by its id and by its :func:`fingerprint`, so
that an import from another questionnaire, or from a version whose statements changed,
is refused by the page.

Why one module: it is one file format, field after field and then the rules between its
parts, read from top to bottom by whoever writes a questionnaire; its JSON Schema and the
page are written from these models.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, core_schema

from ..diagnostics import DiagnosticList
from ..french import slug
from ..licences import Licence
from ..messages import say
from ..read.sourcefile import load_yaml_file
from ..read.yamlsource import Located, YamlProblem, format_path
from .references import ReferenceContext, closest
from .schema import (
    SLUG_RE,
    LicenceRef,
    Link,
    LongText,
    Name,
    ProgrammeRef,
    ShortName,
    Slug,
    StrictModel,
    Summary,
    Text,
    Title,
    Year,
    _error,
    _length,
)
from .validation import validate

FOLDER = "barometres"
"""The barometers' folder, in ``content/_data/``."""

MAX_LEVELS = 11


class ScaleLevel(StrictModel):
    value: int
    """Valeur du niveau, un nombre entier ; les valeurs croissent d’un niveau au suivant.
    Exemple : 1."""
    label: ShortName
    """Libellé du niveau, tel que la personne le lit. Exemple : « Plutôt d’accord »."""


@dataclass(frozen=True)
class _ScaleRule:
    """At least two levels, at most :data:`MAX_LEVELS`, values strictly increasing: the
    scores are computed from them. Said in the checker's words (not pydantic's)."""

    def check(self, levels: list[ScaleLevel]) -> list[ScaleLevel]:
        if len(levels) < 2:
            raise _error("barometre-echelle-trop-courte", count=len(levels))
        if len(levels) > MAX_LEVELS:
            raise _error(
                "liste-trop-longue",
                actual_length=len(levels),
                max_length=MAX_LEVELS,
                hint="indice-garder-essentiel",
            )
        for index in range(1, len(levels)):
            previous, value = levels[index - 1].value, levels[index].value
            if value <= previous:
                raise _error(
                    "barometre-echelle-desordonnee",
                    value=value,
                    previous=previous,
                    at=(index, "value"),
                )
        return levels

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return core_schema.no_info_after_validator_function(self.check, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        found = handler(schema)
        found.update(minItems=2, maxItems=MAX_LEVELS)
        return found


def _score(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value  # pydantic says it is not a number
    if not 0 <= value <= 100:
        raise _error("barometre-score-hors-bornes", value=value)
    return float(value)


def _score_schema(schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
    found = handler(schema)
    found.update(minimum=0, maximum=100)
    return found


class _ScoreBounds:
    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return core_schema.no_info_before_validator_function(_score, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return _score_schema(schema, handler)


Score = Annotated[float, _ScoreBounds()]
Paragraphs = Annotated[Text, _length(1, 4000)]
"""A text of a few paragraphs (blank lines between them)."""


class Dimension(StrictModel):
    id: Slug
    """Identifiant de la dimension, nommé par ses énoncés. Exemple : decisions."""
    title: Name
    """Nom de la dimension, tel qu’il s’affiche. Exemple : « Prise de décision »."""
    description: LongText | None = None
    """Ce que la dimension regarde, en une ou deux phrases."""


class Statement(StrictModel):
    id: Slug
    """Identifiant de l’énoncé, unique dans le baromètre ; les réponses exportées le nomment.
    Ne le changez pas d’une année à l’autre. Exemple : decisions-priorites."""
    dimension: Slug
    """Dimension de l’énoncé : un id de la liste dimensions. Exemple : decisions."""
    text: Annotated[Text, _length(3, 300)]
    """L’affirmation à évaluer. Exemple : « Les priorités du projet sont fixées
    ensemble. »"""
    reverse: bool = False
    """true quand être d’accord signale moins de réciprocité (« Un partenaire décide
    seul… ») : le score compte alors l’échelle à l’envers."""


class Question(StrictModel):
    id: Slug
    """Identifiant de la question, unique dans le baromètre. Exemple : une-chose-a-changer."""
    text: Annotated[Text, _length(3, 300)]
    """La question, à laquelle on répond librement. Exemple : « Que changeriez-vous en
    premier ? »"""


class Reading(StrictModel):
    low: LongText
    """Ce qu’un score faible invite à discuter."""
    high: LongText
    """Ce qu’un score élevé invite à discuter (ou à garder)."""
    gap: LongText
    """Ce qu’un écart entre les réponses des partenaires invite à discuter."""


class PublishedYear(StrictModel):
    year: Year
    """Année des réponses. Exemple : 2025."""
    respondents: Annotated[int, Field(ge=1, le=100000)] | None = None
    """Nombre de réponses agrégées (facultatif). Exemple : 24."""
    scores: Annotated[dict[str, Score], Field(min_length=1, max_length=20)]
    """Score moyen par dimension, de 0 (le plus faible niveau partout) à 100 (le plus fort).
    Exemple : {decisions: 62, argent: 48}."""


class BarometerMeta(StrictModel):
    """A barometer (``content/_data/barometres/<id>.yml``)."""

    title: Title
    """Titre du baromètre. Exemple : « Baromètre de la réciprocité »."""
    summary: Summary
    """Résumé en une phrase, montré en tête de page et comme description."""
    introduction: Paragraphs
    """Présentation : à quoi sert le questionnaire, comment le remplir à deux. Paragraphes
    séparés par une ligne vide."""
    programme: ProgrammeRef | None = None
    """Programme qui propose le baromètre : un id de programmes.yml. Exemple : caac."""
    licence: LicenceRef | None = None
    """Licence du questionnaire, si ce n’est pas celle du site. Exemple : CC-BY-SA-4.0."""
    sources: Annotated[list[Link], Field(max_length=10)] = Field(default_factory=list)
    """D’où vient le questionnaire (inspiration, annonce), chacun avec title et url."""
    scale: Annotated[list[ScaleLevel], _ScaleRule()]
    """Échelle de réponse, du plus faible niveau au plus fort (2 à 11 niveaux), chacun avec
    value et label."""
    dont_know: ShortName | None = None
    """Libellé de la réponse « sans avis », qui ne compte pas dans les scores. Exemple :
    « Je ne sais pas »."""
    dimensions: Annotated[list[Dimension], Field(min_length=1, max_length=20)]
    """Dimensions du baromètre, chacune avec id et title."""
    statements: Annotated[list[Statement], Field(min_length=1, max_length=200)]
    """Énoncés à évaluer, chacun avec id, dimension et text."""
    questions: Annotated[list[Question], Field(max_length=20)] = Field(default_factory=list)
    """Questions ouvertes (facultatives), chacune avec id et text."""
    reading: Reading
    """Lecture des résultats : ce qu’un score faible (low), élevé (high) ou un écart entre
    partenaires (gap) invite à discuter."""
    results: Annotated[list[PublishedYear], Field(max_length=50)] = Field(default_factory=list)
    """Résultats agrégés et anonymes publiés (facultatif) : par année, le score de chaque
    dimension."""
    results_note: LongText | None = None
    """D’où viennent les résultats publiés (enquête, nombre de partenariats), ou qu’ils sont
    fictifs, dans un exemple."""


@dataclass(frozen=True)
class Barometer:
    """A checked barometer, as the catalogue holds it."""

    id: str
    rel: str
    meta: BarometerMeta
    licence: Licence

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.meta)

    def statements_of(self, dimension: str) -> list[Statement]:
        return [s for s in self.meta.statements if s.dimension == dimension]

    def published(self) -> list[dict[str, Any]]:
        """The published results by dimension: each year's score, oldest first, rounded half
        up as the page's script rounds the partners' own scores (the chart and the table
        show the same figures); the barometer page, the programme page and the programme
        report show them."""
        years = sorted(self.meta.results, key=lambda r: r.year)
        rows = []
        for dimension in self.meta.dimensions:
            scores = [
                (r.year, math.floor(r.scores[dimension.id] + 0.5))
                for r in years
                if dimension.id in r.scores
            ]
            if scores:
                rows.append({"dimension": dimension, "scores": scores, "by_year": dict(scores)})
        return rows


def fingerprint(meta: BarometerMeta) -> str:
    """What an export must match: the scale's values, the ids of dimensions, statements
    and questions, each statement's dimension and direction.

    Texts are left out: a corrected typo keeps earlier exports readable (for the trend
    over years); a statement whose meaning changes gets a new id, and then a new
    fingerprint.
    """
    structure = {
        "scale": [level.value for level in meta.scale],
        "dimensions": [d.id for d in meta.dimensions],
        "statements": [[s.id, s.dimension, s.reverse] for s in meta.statements],
        "questions": [q.id for q in meta.questions],
    }
    encoded = json.dumps(structure, sort_keys=True, separators=(",", ":")).encode()
    return hashlib.sha256(encoded).hexdigest()[:12]


def cross_check(located: Located, rel: str, diagnostics: DiagnosticList) -> bool:
    """What ties the parts of a questionnaire together; False when an error was found.

    Read from the YAML as written, not from the model: a file whose scale is wrong still
    has its unknown dimensions and duplicate ids reported, in the same run.
    """
    data = located.data if isinstance(located.data, dict) else {}
    before = len(diagnostics.errors)
    ids: dict[str, list[tuple[int, str]]] = {}
    for name in ("dimensions", "statements", "questions"):
        ids[name] = _ids(data, name)
        first: dict[str, int] = {}
        for index, value in ids[name]:
            line = located.line_of((name, index, "id"))
            if value in first:
                diagnostics.error(
                    rel,
                    line,
                    format_path((name, index, "id")),
                    say(
                        "barometre-id-en-double",
                        hint="indice-ids-uniques",
                        value=value,
                        first=first[value],
                    ),
                )
            else:
                first[value] = line
    known = list(dict.fromkeys(value for _index, value in ids["dimensions"]))
    used: set[str] = set()
    for index, statement in _items(data, "statements"):
        named = statement.get("dimension")
        if isinstance(named, str):
            used.add(named)
            _known_dimension(
                named, known, located, rel, diagnostics, ("statements", index, "dimension")
            )
    years: dict[Any, int] = {}
    for index, published in _items(data, "results"):
        year = published.get("year")
        line = located.line_of(("results", index, "year"))
        if isinstance(year, int) and year in years:
            diagnostics.error(
                rel,
                line,
                format_path(("results", index, "year")),
                say("barometre-annee-en-double", value=year, first=years[year]),
            )
        years.setdefault(year, line)
        scores = published.get("scores")
        for key in scores if isinstance(scores, dict) else ():
            if isinstance(key, str):
                _known_dimension(
                    key, known, located, rel, diagnostics, ("results", index, "scores", key)
                )
    for index, value in ids["dimensions"]:
        if value not in used and ids["statements"]:
            diagnostics.warning(
                rel,
                located.line_of(("dimensions", index, "id")),
                format_path(("dimensions", index, "id")),
                say("barometre-dimension-sans-enonce", value=value),
            )
    return len(diagnostics.errors) == before


def _items(data: dict[str, Any], name: str) -> list[tuple[int, dict[str, Any]]]:
    values = data.get(name)
    if not isinstance(values, list):
        return []
    return [(index, item) for index, item in enumerate(values) if isinstance(item, dict)]


def _ids(data: dict[str, Any], name: str) -> list[tuple[int, str]]:
    return [
        (index, item["id"]) for index, item in _items(data, name) if isinstance(item.get("id"), str)
    ]


def _known_dimension(
    value: str,
    known: list[str],
    located: Located,
    rel: str,
    diagnostics: DiagnosticList,
    path: tuple[str | int, ...],
) -> None:
    if value in known or not known:
        return
    match = closest(value, known)
    said = (
        say("barometre-dimension-inconnue", hint="indice-vouliez-vous", value=value, match=match)
        if match
        else say(
            "barometre-dimension-inconnue",
            hint="indice-dimensions-connues",
            value=value,
            known=", ".join(known),
        )
    )
    diagnostics.error(rel, located.line_of(path), format_path(path), said)


def read_barometers(
    data_dir: Path,
    rel: Callable[[Path], str],
    context: ReferenceContext,
    diagnostics: DiagnosticList,
    licence_of: Callable[[str | None], Licence],
    skip: Callable[[Path], bool] = lambda path: False,
) -> list[Barometer]:
    """Every barometer of ``data_dir/barometres/``, checked; the valid ones, by id.

    ``skip``: files refused by the content tree's checks (never opened).
    """
    folder = data_dir / FOLDER
    if not folder.is_dir():
        return []
    found: list[Barometer] = []
    for path in sorted(folder.iterdir()):
        if not path.is_file() or skip(path) or path.suffix.lower() not in (".yml", ".yaml"):
            continue
        where = rel(path)
        if path.suffix != ".yml" or not SLUG_RE.match(path.stem):
            fixed = slug(path.stem) or "barometre"
            diagnostics.error(
                where,
                1,
                "(file name)",
                say(
                    "nom-de-fichier-invalide",
                    hint="indice-renommer-fichier",
                    slug=path.name,
                    fixed=f"{fixed}.yml",
                ),
            )
            continue
        try:
            located = load_yaml_file(path)
        except YamlProblem as problem:
            diagnostics.error(where, max(problem.line, 1), problem.field or "(file)", problem.said)
            continue
        except OSError as exc:
            diagnostics.error(where, 1, "(file)", say("fichier-illisible", reason=exc.strerror))
            continue
        if not isinstance(located.data, dict):
            diagnostics.error(where, 1, "(file)", say("barometre-pas-un-ensemble"))
            continue
        meta = validate(BarometerMeta, located, where, context, diagnostics)
        tied = cross_check(located, where, diagnostics)
        if meta is None or not tied:
            continue
        found.append(Barometer(path.stem, where, meta, licence_of(meta.licence)))
    return found
