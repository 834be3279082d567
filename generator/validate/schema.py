"""The content format as pydantic models: types, controlled values and references.

Models are strict (no silent coercion: a YAML boolean is not text) and forbid unknown keys.
Reference checks read the ids they need from the validation context
(:class:`~generator.validate.references.ReferenceContext`). Custom errors carry an ``at`` entry in
their context when they concern one item of a list, so that messages point at its line.

Why one module: it is the content format itself, field after field; an editor's question
(« what may ``places`` hold? ») is answered by reading it from top to bottom, and the JSON
Schema and ``docs/limits.md`` are written from it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from ..countries import guess_code, is_country_code
from ..french import slug
from ..messages import CATALOGUE, text
from ..read.publishable import RASTER_TYPES, image_problem, svg_problem
from .references import ReferenceContext, nearest

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
URL_SCHEMES = ("http", "https", "mailto")
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif"}
MIN_YEAR, MAX_YEAR = 1900, 2100
MAX_SLUG = 80
MAX_URL = 2000
MAX_PATH = 300


def _ctx(info: ValidationInfo) -> ReferenceContext | None:
    context = info.context
    return context if isinstance(context, ReferenceContext) else None


def _error(code: str, **ctx: Any) -> PydanticCustomError:
    """A checker error: its type is the message's code (:mod:`generator.messages.content`);
    ``hint`` names the hint, the other entries fill both sentences."""
    return PydanticCustomError(code, CATALOGUE[code].en, ctx or None)


PYDANTIC_CODES: dict[str, str] = {}
"""Pydantic's own error types that reach :func:`validation._explain` unexplained."""


# --- scalar types ---------------------------------------------------------------------


def _non_blank(value: str) -> str:
    value = value.strip()
    if not value:
        raise _error("texte-vide")
    return value


Text = Annotated[str, AfterValidator(_non_blank)]


@dataclass(frozen=True)
class _Length:
    """A text of ``low`` to ``high`` characters: checked with the checker's own message,
    and said in the JSON Schema (``minLength``, ``maxLength``) for editors and the docs."""

    low: int
    high: int

    def check(self, value: str) -> str:
        if not self.low <= len(value) <= self.high:
            bounds = (
                text("mot-entre", low=self.low, high=self.high)
                if self.low > 1
                else (text("mot-au-plus", high=self.high))
            )
            raise _error("longueur-texte", bounds=bounds, count=len(value))
        return value

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return core_schema.no_info_after_validator_function(self.check, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        found = handler(schema)
        found.update(minLength=self.low, maxLength=self.high)
        return found


_length = _Length


@dataclass(frozen=True)
class _Schema:
    """More of a type's rule in the JSON Schema, where a validator checks it."""

    pattern: str = ""
    maxLength: int = 0  # the JSON Schema's name

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        found = handler(schema)
        found.update(
            {
                key: value
                for key, value in (("pattern", self.pattern), ("maxLength", self.maxLength))
                if value
            }
        )
        return found


Title = Annotated[Text, _length(3, 200)]
Summary = Annotated[Text, _length(1, 400)]
# Every text and list has a bound (docs/content-format.md, « Limits »): a value of
# 95,000 characters or a list of 10,000 places makes pages and PDFs that take minutes.
Name = Annotated[Text, _length(1, 200)]
"""A person, an organisation, a programme, a theme's label, a place."""
ShortName = Annotated[Text, _length(1, 60)]
Label = Annotated[Text, _length(1, 300)]
"""An event, a link's or a reference's title, an image's alternative text or credit."""
LongText = Annotated[Text, _length(1, 2000)]
"""A description, a good practice, a difficulty, a note."""


def _slug(value: str) -> str:
    if not SLUG_RE.match(value):
        suggestion = slug(value)
        raise _error(
            "identifiant-invalide",
            value=value,
            hint="indice-exemple-id" if suggestion else "",
            match=suggestion,
        )
    if len(value) > MAX_SLUG:
        raise _error("longueur-texte", bounds=text("mot-au-plus", high=MAX_SLUG), count=len(value))
    return value


Slug = Annotated[str, AfterValidator(_slug), _Schema(pattern=SLUG_RE.pattern, maxLength=MAX_SLUG)]


def _year(value: Any) -> Any:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int):
        raise _error("annee-invalide")
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise _error("annee-improbable", value=value)
    return value


Year = Annotated[int, BeforeValidator(_year)]


def _date(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        raise _error("date-avec-heure")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and DATE_RE.match(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError as exc:
            raise _error("date-inexistante", value=value) from exc
    raise _error("date-invalide")


Date = Annotated[dt.date, BeforeValidator(_date)]


_SPACE = re.compile(r"\s")


def _url(value: str) -> str:
    value = value.strip()
    try:
        parts = urlsplit(value)
    except ValueError as exc:
        raise _error("adresse-invalide", value=value) from exc
    scheme = parts.scheme.lower()
    if scheme not in URL_SCHEMES:
        bare = not scheme and "." in value.split("/")[0]
        raise _error("adresse-schema", value=value, hint="indice-https" if bare else "")
    if _SPACE.search(value):
        raise _error("adresse-espace", hint="indice-espace-url")
    if scheme in ("http", "https") and not parts.netloc:
        raise _error("adresse-sans-hote", value=value)
    if scheme == "mailto" and "@" not in parts.path:
        raise _error("courriel-invalide", value=value)
    return value


Url = Annotated[Text, _Length(1, MAX_URL), AfterValidator(_url)]


def _country(value: str) -> str:
    if is_country_code(value):
        return value
    guess = guess_code(value)
    raise _error(
        "pays-inconnu",
        value=value,
        hint="indice-vouliez-vous" if guess else "indice-deux-lettres",
        match=guess,
    )


Country = Annotated[str, AfterValidator(_country)]


def _reference(code: str, attribute: str, registry: str) -> AfterValidator:
    def check(value: str, info: ValidationInfo) -> str:
        ctx = _ctx(info)
        known: set[str] | None = getattr(ctx, attribute) if ctx else None
        if known is not None and value not in known:
            if ctx is not None and value in ctx.drafts.get(attribute, ()):
                raise _error("fiche-brouillon", value=value, hint="indice-publier-brouillon")
            matches = nearest(value, known)
            where = f"{ctx.data_dir if ctx else 'content/_data'}/{registry}" if registry else ""
            listed = where or "projects/"
            raise _error(
                code,
                value=value,
                registry=where,
                hint="indice-ids-proches" if matches else "indice-liste-ids",
                matches=text("mot-ou").join(text("mot-cite", value=m) for m in matches),
                where=f"{listed} {text('mot-guide')}",
            )
        return value

    return AfterValidator(check)


_Id = Annotated[Text, _Length(1, MAX_SLUG)]
OrganisationRef = Annotated[
    _Id, _reference("organisation-inconnue", "organisations", "organisations.yml")
]
ProgrammeRef = Annotated[_Id, _reference("programme-inconnu", "programmes", "programmes.yml")]
ThemeRef = Annotated[_Id, _reference("theme-inconnu", "themes", "themes.yml")]
ProjectRef = Annotated[_Id, _reference("fiche-inconnue", "projects", "")]
LicenceRef = Annotated[_Id, _reference("licence-inconnue", "licences", "")]


def _repository_file(suffixes: set[str], what: str) -> AfterValidator:
    def check(value: str, info: ValidationInfo) -> str:
        ctx = _ctx(info)
        if "://" in value or value.startswith(("mailto:", "data:")):
            raise _error("chemin-adresse-web")
        forward = value.replace("\\", "/")
        pure = PurePosixPath(forward)
        if pure.is_absolute() or re.match(r"^[A-Za-z]:", value):
            raise _error("chemin-absolu")
        if forward != value:
            raise _error(
                "chemin-antislash", value=value, hint="indice-barre-oblique", forward=forward
            )
        if pure.suffix.lower() not in suffixes:
            raise _error(
                "chemin-type", value=value, what=text(what), suffixes=", ".join(sorted(suffixes))
            )
        if ctx is None or ctx.file_dir is None:
            return value
        target = ctx.file_dir / Path(*pure.parts)
        root = ctx.root.resolve()
        resolved = target.resolve()
        if not resolved.is_relative_to(root):
            raise _error("chemin-hors-depot", value=value, hint="indice-copier-dans-depot")
        if not resolved.is_file():
            found, typo = ctx.find_file(pure, target)
            hint = "indice-vouliez-vous" if typo else "indice-chemin-relatif"
            raise _error(
                "fichier-introuvable",
                value=value,
                hint=hint if found else "",
                path=found,
                match=found,
            )
        if pure.suffix.lower() == ".svg":
            problem = svg_problem(resolved)
            if problem:
                raise _error("svg-actif", value=value, problem=problem, hint="indice-svg-png")
        elif pure.suffix.lower() in RASTER_TYPES:
            problem = image_problem(resolved)
            if problem:
                raise _error(
                    "image-illisible", value=value, problem=problem, hint="indice-image-png"
                )
        return value

    return AfterValidator(check)


ImagePath = Annotated[Text, _Length(1, MAX_PATH), _repository_file(IMAGE_SUFFIXES, "mot-image")]
PdfPath = Annotated[Text, _Length(1, MAX_PATH), _repository_file({".pdf"}, "mot-pdf")]


def _unique(label: str) -> AfterValidator:
    def check(values: list[Any]) -> list[Any]:
        seen: dict[Any, int] = {}
        for index, value in enumerate(values):
            if value in seen:
                raise _error(
                    "en-double",
                    value=value,
                    label=label,
                    first=seen[value] + 1,
                    at=index,
                    hint="indice-retirer-un",
                )
            seen[value] = index
        return values

    return AfterValidator(check)


# --- models ---------------------------------------------------------------------------


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Link(StrictModel):
    title: Label
    url: Url


class Image(StrictModel):
    src: ImagePath
    alt: Label
    credit: Label | None = None


class Period(StrictModel):
    start: Year
    end: Year | None = None

    @model_validator(mode="after")
    def _end_after_start(self) -> Period:
        if self.end is not None and self.end < self.start:
            raise _error("periode-inversee", end=self.end, start=self.start, at="end")
        return self


Status = Literal["planned", "ongoing", "completed"]


class ProjectMeta(StrictModel):
    """Front matter of a project sheet (``projects/<slug>.md``)."""

    title: Title
    summary: Summary
    programme: ProgrammeRef
    lead: OrganisationRef
    partners: Annotated[list[OrganisationRef], Field(max_length=50), _unique("partners")] = Field(
        default_factory=list
    )
    countries: Annotated[list[Country], Field(min_length=1, max_length=60), _unique("countries")]
    places: Annotated[list[Name], Field(max_length=100), _unique("places")] = Field(
        default_factory=list
    )
    themes: Annotated[list[ThemeRef], Field(min_length=1, max_length=20), _unique("themes")]
    period: Period
    status: Status
    inspiring: bool = False
    image: Image | None = None
    links: Annotated[list[Link], Field(max_length=50)] = Field(default_factory=list)
    licence: LicenceRef | None = None
    updated: Date | None = None
    draft: bool = False
    """Not published: left out of the site and its PDFs, shown in the preview (``serve``)
    with a « brouillon » banner; required facts may be missing (warnings until published)."""

    @field_validator("partners")
    @classmethod
    def _lead_not_partner(cls, partners: list[str], info: ValidationInfo) -> list[str]:
        # A field validator (``lead`` is validated first), not a model validator: one
        # raised "before" would hide every other error of the sheet.
        lead = info.data.get("lead")
        if lead in partners:
            raise _error(
                "porteur-partenaire",
                lead=lead,
                at=partners.index(lead),
                hint="indice-retirer-des-partenaires",
            )
        return partners


class Person(StrictModel):
    name: Name
    organisation: OrganisationRef | None = None


class Reference(StrictModel):
    author: Label
    title: Label
    year: Year | None = None
    publisher: Label | None = None
    url: Url | None = None
    note: LongText | None = None


class WriteupMeta(StrictModel):
    """Front matter of a session write-up (``content/comptes-rendus/<slug>.md``)."""

    title: Title
    summary: Summary
    date: Date
    event: Label | None = None
    programme: ProgrammeRef | None = None
    organisations: Annotated[
        list[OrganisationRef], Field(max_length=50), _unique("organisations")
    ] = Field(default_factory=list)
    authors: Annotated[list[Person], Field(min_length=1, max_length=50)]
    reviewers: Annotated[list[Person], Field(max_length=50)] = Field(default_factory=list)
    themes: Annotated[list[ThemeRef], Field(min_length=1, max_length=20), _unique("themes")]
    examples: Annotated[list[ProjectRef], Field(max_length=100), _unique("examples")] = Field(
        default_factory=list
    )
    good_practices: Annotated[list[LongText], Field(max_length=100)] = Field(default_factory=list)
    difficulties: Annotated[list[LongText], Field(max_length=100)] = Field(default_factory=list)
    bibliography: Annotated[list[Reference], Field(max_length=300)] = Field(default_factory=list)
    licence: LicenceRef | None = None
    report: PdfPath | None = None
    draft: bool = False


class OrganisationEntry(StrictModel):
    id: Slug
    name: Name
    short_name: ShortName | None = None
    country: Country | None = None
    url: Url | None = None
    description: LongText | None = None


class ProgrammeEntry(StrictModel):
    id: Slug
    name: Name
    short_name: ShortName | None = None
    organisation: OrganisationRef | None = None
    started: Year | None = None
    url: Url | None = None
    description: LongText | None = None


class ThemeEntry(StrictModel):
    id: Slug
    label: Name
    description: LongText | None = None


# Common French or near-miss names an editor may type, mapped to the real field names.
FIELD_HINTS: dict[str, str] = {
    "titre": "title",
    "résumé": "summary",
    "resume": "summary",
    "porteur": "lead",
    "partenaires": "partners",
    "pays": "countries",
    "country": "countries",
    "lieux": "places",
    "thèmes": "themes",
    "theme": "themes",
    "période": "period",
    "periode": "period",
    "statut": "status",
    "inspirant": "inspiring",
    "liens": "links",
    "licence_id": "licence",
    "license": "licence",
    "auteurs": "authors",
    "author": "authors",
    "relecteurs": "reviewers",
    "exemples": "examples",
    "bonnes_pratiques": "good_practices",
    "difficultés": "difficulties",
    "bibliographie": "bibliography",
    "rapport": "report",
    "événement": "event",
    "evenement": "event",
    "début": "start",
    "debut": "start",
    "fin": "end",
    "année": "year",
    "nom": "name",
    "organisation_id": "organisation",
    "libellé": "label",
    "libelle": "label",
}
