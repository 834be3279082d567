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
from collections.abc import Callable
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
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from ..countries import french_name, guess_code, is_country_code, iso_codes
from ..french import slug
from ..licences import DEFAULT_LICENCE, KNOWN_LICENCES
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


@dataclass(frozen=True)
class _Schema:
    """More of a type's rule in the JSON Schema, where a validator checks it.

    Only the JSON Schema changes, never validation: ``pattern`` (an ECMA-262 regular
    expression, as editors read it) says what the validator accepts, as far as a pattern
    can; ``message`` is the French text VS Code shows when the pattern fails
    (``patternErrorMessage``); ``more`` adds keywords computed when a schema is written
    (the country codes, say), not when this module is imported."""

    pattern: str = ""
    maxLength: int = 0  # the JSON Schema's name
    message: str = ""
    more: Callable[[], dict[str, Any]] | None = None

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        found = handler(schema)
        found.update(
            {
                key: value
                for key, value in (
                    ("pattern", self.pattern),
                    ("maxLength", self.maxLength),
                    ("patternErrorMessage", self.message),
                )
                if value
            }
        )
        if self.more is not None:
            found.update(self.more())
        return found


def _any_case(suffix: str) -> str:
    """``.png`` -> ``[Pp][Nn][Gg]``: JSON Schema patterns have no flag for case."""
    return "".join(f"[{c.upper()}{c}]" if c.isalpha() else re.escape(c) for c in suffix)


def _non_blank(value: str) -> str:
    value = value.strip()
    if not value:
        raise _error("texte-vide")
    return value


Text = Annotated[
    str,
    AfterValidator(_non_blank),
    _Schema(pattern=r"\S", message="Le texte est vide : écrivez-le, ou retirez le champ."),
]


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


_SLUG_MESSAGE = (
    "Identifiant invalide : lettres minuscules sans accent (a-z), chiffres et tirets "
    "simples, par exemple « cote-d-ivoire »."
)
Slug = Annotated[
    str,
    AfterValidator(_slug),
    _Schema(pattern=SLUG_RE.pattern, maxLength=MAX_SLUG, message=_SLUG_MESSAGE),
]


def _year(value: Any) -> Any:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int):
        raise _error("annee-invalide")
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise _error("annee-improbable", value=value)
    return value


Year = Annotated[
    int,
    BeforeValidator(_year),
    WithJsonSchema(
        {
            # a number, as editors write it; digits in quotes are read as a year too
            "anyOf": [
                {"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR},
                {"type": "string", "pattern": r"^\s*0*(19[0-9]{2}|20[0-9]{2}|2100)\s*$"},
            ]
        }
    ),
]


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


Date = Annotated[
    dt.date,
    BeforeValidator(_date),
    _Schema(
        pattern=DATE_RE.pattern,
        message="Date attendue au format AAAA-MM-JJ, par exemple 2022-03-18.",
    ),
]


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


_URL_PATTERN = (
    r"^\s*(?:"
    + _any_case("https")
    + r"?://[^\s/?#]+|"
    + _any_case("mailto")
    + r":[^\s?#]*@)\S*\s*$"
)
Url = Annotated[
    Text,
    _Length(1, MAX_URL),
    AfterValidator(_url),
    _Schema(
        pattern=_URL_PATTERN,
        message="Adresse attendue commençant par https://, http:// ou mailto:, sans espace, "
        "par exemple https://www.cfsi.asso.fr/.",
    ),
]


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


def _country_codes() -> dict[str, Any]:
    codes = sorted(iso_codes())
    return {"enum": codes, "enumDescriptions": [french_name(code) for code in codes]}


Country = Annotated[str, AfterValidator(_country), _Schema(more=_country_codes)]


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
# Registry ids and sheet names are slugs: the JSON Schema says so; whether one exists is
# for `check` (the schemas do not list the ids, which change with every registry edit).
_SlugId = Annotated[_Id, _Schema(pattern=SLUG_RE.pattern, message=_SLUG_MESSAGE)]
OrganisationRef = Annotated[
    _SlugId, _reference("organisation-inconnue", "organisations", "organisations.yml")
]
ProgrammeRef = Annotated[_SlugId, _reference("programme-inconnu", "programmes", "programmes.yml")]
ThemeRef = Annotated[_SlugId, _reference("theme-inconnu", "themes", "themes.yml")]
ProjectRef = Annotated[_SlugId, _reference("fiche-inconnue", "projects", "")]


def _licence_examples() -> dict[str, Any]:
    # examples, not an enum: mkdocs.yml may declare more licences
    others = sorted(set(KNOWN_LICENCES) - {DEFAULT_LICENCE})
    return {"examples": [DEFAULT_LICENCE, *others]}


LicenceRef = Annotated[
    _Id,
    _reference("licence-inconnue", "licences", ""),
    _Schema(more=_licence_examples),
]


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


def _path_schema(suffixes: set[str], what: str) -> _Schema:
    """What a pattern can say of ``_repository_file``: relative, ``/``, the file type.

    Whether the file exists, stays in the repository and can be read is for ``check``."""
    ends = "|".join(_any_case(suffix) for suffix in sorted(suffixes))
    return _Schema(
        pattern=r"^(?!.*://)(?!mailto:)(?!data:)(?![A-Za-z]:)(?!/)[^\\]*(?:" + ends + r")\s*$",
        message=f"Chemin attendu vers {what}, relatif à ce fichier, avec des « / », "
        f"par exemple images/{'carte.png' if '.png' in suffixes else 'rapport.pdf'}.",
    )


ImagePath = Annotated[
    Text,
    _Length(1, MAX_PATH),
    _repository_file(IMAGE_SUFFIXES, "mot-image"),
    _path_schema(IMAGE_SUFFIXES, "une image (PNG, JPEG, GIF, WebP, AVIF ou SVG)"),
]
PdfPath = Annotated[
    Text,
    _Length(1, MAX_PATH),
    _repository_file({".pdf"}, "mot-pdf"),
    _path_schema({".pdf"}, "un fichier PDF"),
]


@dataclass(frozen=True)
class _Unique:
    """Each item once, checked with the checker's message and said in the JSON Schema
    (``uniqueItems``)."""

    label: str

    def check(self, values: list[Any]) -> list[Any]:
        seen: dict[Any, int] = {}
        for index, value in enumerate(values):
            if value in seen:
                raise _error(
                    "en-double",
                    value=value,
                    label=self.label,
                    first=seen[value] + 1,
                    at=index,
                    hint="indice-retirer-un",
                )
            seen[value] = index
        return values

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return core_schema.no_info_after_validator_function(self.check, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        found = handler(schema)
        found["uniqueItems"] = True
        return found


_unique = _Unique


# --- models ---------------------------------------------------------------------------


class StrictModel(BaseModel):
    # A field's docstring is its description: in French, for editors, it is what the JSON
    # Schemas (schemas/, `python -m generator schemas`) show in their editor.
    model_config = ConfigDict(
        extra="forbid", strict=True, frozen=True, use_attribute_docstrings=True
    )


class Link(StrictModel):
    title: Label
    """Texte du lien, tel qu’il s’affiche. Exemple : « CFSI : le programme CAAC »."""
    url: Url
    """Adresse du lien, commençant par https://, http:// ou mailto:. Exemple :
    https://www.cfsi.asso.fr/."""


class Image(StrictModel):
    src: ImagePath
    """Chemin du fichier image, relatif à cette fiche (PNG, JPEG, GIF, WebP, AVIF ou SVG sans
    script). Exemple : images/puits.jpg."""
    alt: Label
    """Ce que montre l’image, pour qui ne la voit pas (obligatoire). Exemple : « Deux femmes
    devant un puits »."""
    credit: Label | None = None
    """Auteur ou source de l’image (sans crédit, `check` avertit). Exemple : « Photo : ONG
    Essentiel »."""


class Period(StrictModel):
    start: Year
    """Année de début du projet, en chiffres. Exemple : 2019."""
    end: Year | None = None
    """Année de fin, pas avant le début ; à omettre si le projet continue. Exemple : 2021."""

    @model_validator(mode="after")
    def _end_after_start(self) -> Period:
        if self.end is not None and self.end < self.start:
            raise _error("periode-inversee", end=self.end, start=self.start, at="end")
        return self


Status = Literal["planned", "ongoing", "completed"]
Article = Literal["le", "la", "les", "l’", "l'", "aucun"]


class ProjectMeta(StrictModel):
    """Front matter of a project sheet (``projects/<slug>.md``)."""

    title: Title
    """Titre de la fiche. Exemple : « Sénégal : des transformatrices de poisson séché vers la
    protection sociale »."""
    summary: Summary
    """Résumé en une ou deux phrases, montré sur les cartes, dans la recherche et comme
    description de la page."""
    programme: ProgrammeRef
    """Programme dont relève le projet : un identifiant de content/_data/programmes.yml.
    Exemple : caac."""
    lead: OrganisationRef
    """Organisation porteuse du projet : un identifiant de content/_data/organisations.yml.
    Exemple : cfdt."""
    partners: Annotated[list[OrganisationRef], Field(max_length=50), _unique("partners")] = Field(
        default_factory=list
    )
    """Organisations partenaires : identifiants de organisations.yml, chacun une fois, jamais le
    porteur. Exemple : [essentiel, unsas]."""
    countries: Annotated[list[Country], Field(min_length=1, max_length=60), _unique("countries")]
    """Pays du projet : codes ISO 3166-1 à deux lettres majuscules, au moins un. Exemple : [SN,
    GN]."""
    places: Annotated[list[Name], Field(max_length=100), _unique("places")] = Field(
        default_factory=list
    )
    """Lieux du projet (villes, régions), en texte libre. Exemple : [Yenne, Mbao]."""
    themes: Annotated[list[ThemeRef], Field(min_length=1, max_length=20), _unique("themes")]
    """Thèmes du projet : identifiants de content/_data/themes.yml, au moins un. Exemple :
    [protection-sociale, sante]."""
    period: Period
    """Période du projet : année de début (start) et, si elle est connue, année de fin (end)."""
    status: Status
    """État du projet : planned (en projet), ongoing (en cours) ou completed (terminé)."""
    inspiring: bool = False
    """true pour montrer la fiche parmi les exemples inspirants (une fiche citée par un
    compte-rendu y figure aussi)."""
    image: Image | None = None
    """Image d’illustration : chemin du fichier (src), description (alt) et crédit (credit)."""
    links: Annotated[list[Link], Field(max_length=50)] = Field(default_factory=list)
    """Liens utiles, chacun avec un texte (title) et une adresse (url)."""
    licence: LicenceRef | None = None
    """Licence de la fiche, si ce n’est pas celle du site. Exemple : CC-BY-SA-4.0."""
    updated: Date | None = None
    """Date de la dernière mise à jour, au format AAAA-MM-JJ. Exemple : 2024-05-02."""
    draft: bool = False
    """Brouillon : true tient la fiche hors du site publié ; l’aperçu la montre avec un
    bandeau « Brouillon », et les champs obligatoires peuvent encore manquer. Exemple : true."""

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
    """Prénom et nom. Exemple : « Astrid Frey »."""
    organisation: OrganisationRef | None = None
    """Son organisation : un identifiant de content/_data/organisations.yml. Exemple : cfsi."""


class Reference(StrictModel):
    author: Label
    """Auteur ou autrice, personne ou organisation. Exemple : CFSI."""
    title: Label
    """Titre de l’ouvrage, de l’article ou de la ressource."""
    year: Year | None = None
    """Année de publication. Exemple : 2020."""
    publisher: Label | None = None
    """Éditeur ou organisation qui publie. Exemple : CFSI."""
    url: Url | None = None
    """Adresse en ligne, commençant par https://. Exemple : https://cfsi.asso.fr/?p=2710."""
    note: LongText | None = None
    """Remarque libre. Exemple : « Synthèse de douze pages »."""


class WriteupMeta(StrictModel):
    """Front matter of a session write-up (``content/comptes-rendus/<slug>.md``)."""

    title: Title
    """Titre du compte-rendu. Exemple : « Coopérer autrement en acteurs du changement »."""
    summary: Summary
    """Résumé en une ou deux phrases, montré sur les cartes, dans la recherche et comme
    description de la page."""
    date: Date
    """Jour de la séance, au format AAAA-MM-JJ. Exemple : 2022-03-18."""
    event: Label | None = None
    """Rencontre dont la séance faisait partie. Exemple : « Université du Faire ensemble »."""
    programme: ProgrammeRef | None = None
    """Programme concerné : un identifiant de content/_data/programmes.yml. Exemple : caac."""
    organisations: Annotated[
        list[OrganisationRef], Field(max_length=50), _unique("organisations")
    ] = Field(default_factory=list)
    """Organisations qui ont animé ou présenté la séance : identifiants de organisations.yml.
    Exemple : [cfsi]."""
    authors: Annotated[list[Person], Field(min_length=1, max_length=50)]
    """Auteurs et autrices du compte-rendu, au moins un : un nom (name) et, si possible, une
    organisation (organisation)."""
    reviewers: Annotated[list[Person], Field(max_length=50)] = Field(default_factory=list)
    """Relecteurs et relectrices, de la même forme que les auteurs."""
    themes: Annotated[list[ThemeRef], Field(min_length=1, max_length=20), _unique("themes")]
    """Thèmes de la séance : identifiants de content/_data/themes.yml, au moins un. Exemple :
    [cooperation]."""
    examples: Annotated[list[ProjectRef], Field(max_length=100), _unique("examples")] = Field(
        default_factory=list
    )
    """Fiches projet présentées comme exemples inspirants : noms de fichiers de projects/ sans «
    .md ». Exemple : [femmes-poisson-seche-senegal]."""
    good_practices: Annotated[list[LongText], Field(max_length=100)] = Field(default_factory=list)
    """Bonnes pratiques, une phrase courte chacune."""
    difficulties: Annotated[list[LongText], Field(max_length=100)] = Field(default_factory=list)
    """Difficultés rencontrées, une phrase courte chacune."""
    bibliography: Annotated[list[Reference], Field(max_length=300)] = Field(default_factory=list)
    """Références : auteur (author) et titre (title) obligatoires ; année, éditeur, adresse et
    note facultatifs."""
    licence: LicenceRef | None = None
    """Licence du compte-rendu, si ce n’est pas celle du site. Exemple : CC-BY-SA-4.0."""
    report: PdfPath | None = None
    """Chemin d’un PDF à proposer au téléchargement à la place du PDF généré, relatif à ce
    fichier. Exemple : rapport-atelier.pdf."""
    draft: bool = False
    """Brouillon : true tient le compte-rendu hors du site publié ; l’aperçu le montre avec un
    bandeau « Brouillon », et les champs obligatoires peuvent encore manquer. Exemple : true."""


class OrganisationEntry(StrictModel):
    id: Slug
    """Identifiant de l’organisation, unique dans le registre : minuscules, chiffres et tirets.
    Exemple : cfsi."""
    name: Name
    """Nom complet. Exemple : « Comité français pour la solidarité internationale »."""
    short_name: ShortName | None = None
    """Sigle ou nom court. Exemple : CFSI."""
    country: Country | None = None
    """Pays du siège : code ISO 3166-1 à deux lettres. Exemple : FR."""
    url: Url | None = None
    """Site web, commençant par https://. Exemple : https://www.cfsi.asso.fr/."""
    description: LongText | None = None
    """Présentation en quelques phrases."""
    article: Article | None = None
    """Article devant le nom dans une phrase, quand le nom ne le dit pas : le, la, les, l’
    ou aucun. Exemple : la, pour écrire « de la Fonda » avec le nom « Fonda »."""


class ProgrammeEntry(StrictModel):
    id: Slug
    """Identifiant du programme, unique dans le registre : minuscules, chiffres et tirets.
    Exemple : caac."""
    name: Name
    """Nom complet. Exemple : « Coopérer autrement en acteurs du changement »."""
    short_name: ShortName | None = None
    """Sigle ou nom court. Exemple : CAAC."""
    organisation: OrganisationRef | None = None
    """Organisation qui mène le programme : un identifiant de organisations.yml. Exemple : cfsi."""
    started: Year | None = None
    """Année de lancement. Exemple : 2017."""
    url: Url | None = None
    """Page du programme, commençant par https://."""
    description: LongText | None = None
    """Présentation en quelques phrases."""


class ThemeEntry(StrictModel):
    id: Slug
    """Identifiant du thème, unique dans le registre : minuscules, chiffres et tirets. Exemple :
    protection-sociale."""
    label: Name
    """Libellé affiché sur le site. Exemple : « Protection sociale »."""
    description: LongText | None = None
    """Ce que le thème recouvre, en une ou deux phrases."""


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
