"""A deterministic demonstration corpus: realistic French sheets and write-ups.

``python -m generator.demo --projects 1000 --writeups 100 --out /tmp/demo`` writes a
complete repository (registries, project sheets, write-ups, editorial pages, ``mkdocs.yml``
and the theme) that ``python -m generator check|build --root /tmp/demo`` accepts. The same
arguments always give the same bytes: every choice comes from ``random.Random(seed)`` and
nothing depends on the clock, the machine or hash ordering.

Everything here is invented. Names of people, organisations and projects are assembled from
word lists; places and countries are real, so that listings per country look realistic.

Why one module: most of it is the corpus's French word lists and sentence patterns, which
read best beside the few functions that draw from them; split, one vocabulary would be
scattered over files that always change together.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from . import messages
from .french import slug, the
from .owned_folders import DEMO_MARKER, FolderNotOurs, ensure_replaceable

REPO = Path(__file__).resolve().parent.parent

# --- word lists -----------------------------------------------------------------------

# Country code -> places (towns, regions) where the invented projects take place.
PLACES: dict[str, tuple[str, ...]] = {
    "SN": (
        "Dakar",
        "Thiès",
        "Saint-Louis",
        "Ziguinchor",
        "Kaolack",
        "Tambacounda",
        "Mbour",
        "Podor",
        "Kolda",
        "Louga",
        "Yenne",
        "Mbao",
        "Joal-Fadiouth",
    ),
    "ML": (
        "Bamako",
        "Ségou",
        "Mopti",
        "Sikasso",
        "Kayes",
        "Koutiala",
        "San",
        "Bougouni",
        "Kita",
        "Nioro du Sahel",
    ),
    "BF": (
        "Ouagadougou",
        "Bobo-Dioulasso",
        "Koudougou",
        "Ouahigouya",
        "Fada N’Gourma",
        "Kaya",
        "Dédougou",
        "Banfora",
        "Tenkodogo",
    ),
    "GN": (
        "Conakry",
        "Kindia",
        "Labé",
        "Kankan",
        "Mamou",
        "Boké",
        "Faranah",
        "N’Zérékoré",
        "Dalaba",
        "Pita",
    ),
    "CI": (
        "Abidjan",
        "Bouaké",
        "Yamoussoukro",
        "Korhogo",
        "Daloa",
        "San-Pédro",
        "Man",
        "Odienné",
        "Gagnoa",
    ),
    "NE": ("Niamey", "Zinder", "Maradi", "Tahoua", "Dosso", "Agadez", "Tillabéri"),
    "TG": ("Lomé", "Kpalimé", "Sokodé", "Kara", "Atakpamé", "Dapaong", "Tsévié"),
    "BJ": (
        "Cotonou",
        "Porto-Novo",
        "Parakou",
        "Abomey",
        "Djougou",
        "Natitingou",
        "Lokossa",
        "Ouidah",
    ),
    "MR": ("Nouakchott", "Nouadhibou", "Rosso", "Kaédi", "Kiffa", "Sélibaby"),
    "GM": ("Banjul", "Serrekunda", "Brikama", "Farafenni"),
    "GW": ("Bissau", "Bafatá", "Gabú", "Cacheu"),
    "CV": ("Praia", "Mindelo", "Assomada"),
    "CM": ("Douala", "Yaoundé", "Bafoussam", "Garoua", "Maroua", "Dschang", "Bamenda"),
    "TD": ("N’Djaména", "Moundou", "Abéché", "Sarh"),
    "CD": ("Kinshasa", "Bukavu", "Goma", "Lubumbashi", "Kisangani"),
    "CG": ("Brazzaville", "Pointe-Noire", "Dolisie"),
    "MG": ("Antananarivo", "Fianarantsoa", "Toamasina", "Antsirabe", "Mahajanga"),
    "MA": ("Marrakech", "Agadir", "Ouarzazate", "Fès", "Tiznit", "Errachidia"),
    "TN": ("Tunis", "Sfax", "Kairouan", "Gafsa", "Médenine"),
    "HT": ("Port-au-Prince", "Jacmel", "Les Cayes", "Cap-Haïtien", "Hinche"),
    "VN": ("Hué", "Hanoï", "Cần Thơ", "Đà Nẵng"),
    "KH": ("Phnom Penh", "Battambang", "Siem Reap"),
    "PE": ("Cuzco", "Ayacucho", "Puno", "Lima"),
    "BO": ("La Paz", "El Alto", "Cochabamba", "Sucre"),
    "FR": (
        "Nantes",
        "Lyon",
        "Marseille",
        "Lille",
        "Rennes",
        "Grenoble",
        "Montreuil",
        "Bordeaux",
        "Toulouse",
        "Strasbourg",
        "Saint-Denis",
        "Angers",
        "Poitiers",
        "Clermont-Ferrand",
        "Besançon",
        "Caen",
        "Rouen",
        "Dijon",
        "Limoges",
        "Metz",
    ),
    "BE": ("Bruxelles", "Liège", "Namur", "Charleroi"),
    "CH": ("Genève", "Lausanne", "Fribourg"),
}
COUNTRIES: tuple[str, ...] = tuple(PLACES)
# Where projects happen: West Africa most often, then the rest of the list.
WEST_AFRICA = ("SN", "ML", "BF", "GN", "CI", "NE", "TG", "BJ", "MR", "GM", "GW", "CV")
NORTH = ("FR", "BE", "CH")
SOUTH = tuple(c for c in COUNTRIES if c not in NORTH)

THEMES: tuple[tuple[str, str, str], ...] = (
    (
        "agriculture",
        "Agriculture et métiers ruraux",
        "Production agricole, maraîchage, élevage, transformation et métiers du monde rural.",
    ),
    (
        "agroecologie",
        "Agroécologie",
        "Pratiques agricoles qui préservent les sols, l’eau et la biodiversité.",
    ),
    (
        "eau-assainissement",
        "Eau et assainissement",
        "Accès à l’eau potable, puits, forages, latrines et gestion des ouvrages.",
    ),
    ("sante", "Santé", "Accès aux soins, prévention, santé communautaire et mutuelles de santé."),
    (
        "protection-sociale",
        "Protection sociale",
        "Assurance maladie, prévoyance et droits sociaux des personnes qui en sont privées.",
    ),
    (
        "economie-informelle",
        "Économie informelle et petit commerce",
        "Activités exercées hors des cadres formels ; conditions de travail et revenus.",
    ),
    (
        "droits-des-femmes",
        "Droits des femmes",
        "Autonomie économique, accès aux droits et place des femmes dans les organisations.",
    ),
    (
        "jeunesse",
        "Jeunesse",
        "Projets qui s’adressent aux jeunes ou leur donnent une place d’acteurs.",
    ),
    (
        "insertion-professionnelle",
        "Insertion professionnelle",
        "Accès à l’emploi et aux métiers, accompagnement vers une activité qui fait vivre.",
    ),
    (
        "formation",
        "Formation",
        "Formation professionnelle, alternance, alphabétisation, renforcement des compétences.",
    ),
    ("education", "Éducation", "Scolarisation, écoles, bibliothèques et éducation populaire."),
    (
        "developpement-local",
        "Développement local",
        "Projets de territoire portés avec les collectivités et les habitants.",
    ),
    (
        "cooperation",
        "Coopération entre acteurs",
        "Faire travailler ensemble associations, syndicats, collectivités et entreprises.",
    ),
    (
        "climat-energie",
        "Climat et énergie",
        "Adaptation au changement climatique, énergies renouvelables, foyers améliorés.",
    ),
    (
        "migrations",
        "Migrations et mobilités",
        "Diasporas, projets de retour, droits des personnes migrantes.",
    ),
    (
        "finance-solidaire",
        "Finance solidaire",
        "Microcrédit, épargne, tontines et mutuelles d’épargne et de crédit.",
    ),
)
THEME_IDS = tuple(t[0] for t in THEMES)

PROGRAMMES: tuple[tuple[str, str, str, int], ...] = (
    ("territoires-solidaires", "Territoires solidaires", "TS", 2012),
    ("agir-ensemble", "Agir ensemble pour l’emploi des jeunes", "AEEJ", 2015),
    ("eau-pour-tous", "L’eau pour tous, de bassin à bassin", "EPT", 2010),
    ("femmes-actrices", "Femmes actrices de l’économie", "FAE", 2017),
    ("cooperer-autrement", "Coopérer autrement entre pairs", "CAEP", 2014),
)

# (kind, feminine)
ORG_KINDS = (
    ("Association", True),
    ("Collectif", False),
    ("Union", True),
    ("Fédération", True),
    ("Coopérative", True),
    ("Groupement", False),
    ("Réseau", False),
    ("ONG", True),
    ("Mutuelle", True),
    ("Centre", False),
    ("Comité de jumelage", False),
    ("Fondation", True),
    ("Maison", True),
    ("Plateforme", True),
    ("Institut", False),
)
ORG_PURPOSES = (
    "des femmes transformatrices",
    "pour le développement rural",
    "des jeunes agriculteurs",
    "d’appui aux initiatives locales",
    "pour l’éducation populaire",
    "des artisans",
    "de solidarité internationale",
    "pour l’accès à l’eau",
    "des maraîchères",
    "d’entraide et de santé",
    "des producteurs de karité",
    "pour l’insertion des jeunes",
    "des éleveurs",
    "d’épargne et de crédit",
    "pour l’agroécologie",
    "des pêcheurs",
    "des travailleuses domestiques",
    "pour la scolarisation des filles",
    "des migrants",
    "d’échanges culturels",
    "pour l’énergie solidaire",
    "des commerçantes",
    "d’action sociale",
    "pour l’habitat",
    "des apiculteurs",
    "d’alphabétisation",
)
FIRST_NAMES = (
    "Aminata",
    "Moussa",
    "Fatou",
    "Ibrahima",
    "Mariama",
    "Ousmane",
    "Awa",
    "Mamadou",
    "Aïssatou",
    "Seydou",
    "Kadiatou",
    "Boubacar",
    "Hélène",
    "François",
    "Élodie",
    "Jérôme",
    "Céline",
    "Benoît",
    "Agnès",
    "Noël",
    "Zoé",
    "Loïc",
    "Marie-Claude",
    "Jean-Baptiste",
    "Coumba",
    "Adama",
    "Salif",
    "Rokia",
    "Yacouba",
    "Nafissatou",
    "Théo",
    "Léa",
    "Chloé",
    "Amélie",
    "Grégoire",
    "Anaïs",
    "Raïssa",
    "Koffi",
    "Akossiwa",
    "Comlan",
    "Yao",
    "Abdoulaye",
    "Khadija",
    "Rachid",
)
LAST_NAMES = (
    "Diallo",
    "Traoré",
    "Ndiaye",
    "Camara",
    "Coulibaly",
    "Keïta",
    "Sow",
    "Diop",
    "Ouédraogo",
    "Sawadogo",
    "Konaté",
    "Touré",
    "Bah",
    "Barry",
    "Kaboré",
    "Sylla",
    "Dupont",
    "Lefèvre",
    "Moreau",
    "Girard",
    "Roussel",
    "Fournier",
    "Lemaître",
    "Bérard",
    "Château",
    "Mercier",
    "Faure",
    "Guérin",
    "Honoré",
    "Agbodjan",
    "Kouassi",
    "Adjovi",
    "Hounkpatin",
    "N’Diaye",
    "Ben Saïd",
    "El Amrani",
    "Rakoto",
    "Randriamanana",
    "D’Almeida",
    "de Souza",
    "Lambert",
    "Perrin",
)

PUBLICS = (
    "des femmes transformatrices de produits locaux",
    "des jeunes ruraux sans emploi",
    "des maraîchères organisées en groupement",
    "des éleveurs transhumants",
    "des artisans du bâtiment",
    "des familles de pêcheurs",
    "des élèves et leurs parents",
    "des commerçantes de marché",
    "des apprentis mécaniciens",
    "des producteurs de riz",
    "des personnes âgées isolées",
    "des apicultrices",
    "des travailleuses domestiques",
    "des coopératives de karité",
    "des habitants de quartiers précaires",
    "des agents de santé communautaire",
)
ACTIONS = (
    "structurent leur filière",
    "s’organisent pour vendre ensemble",
    "accèdent à une couverture maladie",
    "se forment à l’agroécologie",
    "gèrent un point d’eau partagé",
    "créent leur activité",
    "ouvrent une caisse d’épargne",
    "construisent un centre de formation",
    "améliorent leurs revenus",
    "font entendre leur voix auprès de la commune",
    "protègent leurs sols",
    "passent à l’énergie solaire",
    "échangent avec un territoire français",
    "transmettent leur savoir-faire",
)
# (partitive, the sector): « vivent du riz local », « la filière du riz ».
PRODUCTS = (
    ("du riz local", "du riz"),
    ("du poisson séché", "du poisson"),
    ("du beurre de karité", "du karité"),
    ("du miel", "du miel"),
    ("de l’oignon", "de l’oignon"),
    ("du lait", "du lait"),
    ("des légumes de contre-saison", "du maraîchage"),
    ("du fonio", "du fonio"),
    ("de la mangue séchée", "de la mangue"),
    ("du savon artisanal", "du savon"),
    ("de l’anacarde", "de l’anacarde"),
    ("du maïs", "du maïs"),
    ("des semences paysannes", "des semences"),
)
OBSTACLES = (
    "l’enclavement des villages",
    "la faiblesse des revenus",
    "le manque de formation",
    "la rareté de l’eau en saison sèche",
    "l’absence de protection sociale",
    "la dispersion des producteurs",
    "la difficulté d’accès au crédit",
    "le départ des jeunes vers la ville",
    "la dégradation des sols",
    "des débouchés incertains",
    "l’éloignement des services de santé",
    "la hausse du prix des intrants",
)
VERBS = (
    "renforcer",
    "accompagner",
    "soutenir",
    "outiller",
    "relier",
    "former",
    "consolider",
    "valoriser",
    "mutualiser",
    "documenter",
)
OBJECTS = (
    "les groupements de base",
    "la gouvernance des coopératives",
    "les compétences des animateurs",
    "l’accès au marché",
    "les liens avec la commune",
    "la gestion des ouvrages",
    "l’épargne des membres",
    "les échanges entre pairs",
    "la participation des femmes",
    "l’insertion des jeunes",
    "les pratiques d’hygiène",
    "la transformation sur place",
)
ACTIVITIES = (
    "des formations en gestion et en comptabilité simplifiée",
    "des sessions d’alphabétisation fonctionnelle",
    "l’équipement d’un atelier de transformation",
    "des visites d’échange entre groupements",
    "la construction d’un magasin",
    "des ateliers de diagnostic participatif",
    "un accompagnement individuel des porteurs d’activité",
    "des émissions de radio communautaire",
    "la création d’un fonds de roulement",
    "des missions croisées entre partenaires",
    "des formations aux techniques de compostage",
    "l’installation de panneaux solaires",
    "un plaidoyer auprès des autorités locales",
    "des journées portes ouvertes",
    "l’édition d’un guide pratique",
)
RESULTS = (
    "les revenus des membres ont nettement progressé",
    "le groupement s’est doté d’un bureau élu et d’un règlement intérieur",
    "plusieurs centaines de personnes ont été formées",
    "la commune a inscrit l’action dans son plan de développement",
    "les pertes après récolte ont diminué",
    "l’ouvrage est désormais entretenu par un comité de gestion",
    "de nouveaux débouchés ont été trouvés sur les marchés urbains",
    "les jeunes accompagnés ont presque tous trouvé une activité",
    "la mutuelle compte désormais plus d’adhérents qu’au départ",
    "les partenaires ont signé une convention pour poursuivre l’action",
)
LESSONS = (
    "Le temps passé à bâtir la confiance entre partenaires n’est jamais perdu.",
    "Un comité de gestion élu et formé est la meilleure garantie de durée.",
    "Associer la commune dès le départ évite bien des blocages ensuite.",
    "Les échanges entre pairs convainquent davantage que les formations en salle.",
    "Mieux vaut commencer petit et étendre l’action une fois qu’elle a fait ses preuves.",
    "La place des femmes dans les instances doit être prévue, pas espérée.",
    "Un suivi simple, tenu par les membres eux-mêmes, vaut mieux qu’un tableau de bord complexe.",
    "La réciprocité se construit : chaque partenaire doit y trouver son intérêt.",
    "Les imprévus (crise sanitaire, sécheresse) rappellent l’utilité d’un fonds de réserve.",
    "L’appui d’une organisation faîtière locale facilite le dialogue avec l’État.",
)
DIFFICULTIES = (
    "Des financements annuels mal adaptés à des actions qui demandent du temps.",
    "La rotation des animateurs, qui fait perdre une partie des acquis.",
    "L’insécurité, qui empêche certaines missions de terrain.",
    "Des rapports de pouvoir entre partenaires qu’il faut oser nommer.",
    "La difficulté de mesurer des changements qualitatifs.",
    "Des attentes très différentes entre partenaires du Nord et du Sud.",
    "La charge administrative des petits groupements.",
    "L’accès au crédit, toujours difficile pour les femmes.",
)
PRACTICES = (
    "Prendre le temps d’un diagnostic partagé avant de fixer les objectifs.",
    "Confier la gestion des fonds à un comité élu et formé.",
    "Prévoir des visites d’échange entre groupements de pays différents.",
    "Documenter l’action au fil de l’eau, avec des fiches courtes.",
    "Associer les autorités locales au comité de pilotage.",
    "Réserver une part du budget aux imprévus.",
    "Former des relais locaux qui prendront le relais après le projet.",
    "Faire évaluer la relation partenariale par les partenaires eux-mêmes.",
    "Rendre compte des résultats aux habitants, dans leur langue.",
    "S’appuyer sur les savoirs paysans autant que sur l’expertise extérieure.",
)
EVENTS = (
    "Université du Faire ensemble",
    "Rencontres de la solidarité internationale",
    "Assises de la coopération décentralisée",
    "Forum des initiatives paysannes",
    "Journées d’échange du programme",
    "Atelier régional de capitalisation",
    "Séminaire « Genre et développement »",
    "Festival des solidarités",
)
PUBLISHERS = (
    "CFSI",
    "Coordination SUD",
    "AFD",
    "Inter-réseaux Développement rural",
    "F3E",
    "GRET",
    "Ritimo",
    "Cités Unies France",
    "Éditions Karthala",
    "L’Harmattan",
)
REF_TITLES = (
    "Capitaliser les expériences : un guide pratique",
    "Les mutuelles de santé en Afrique de l’Ouest",
    "Agroécologie et souveraineté alimentaire",
    "Partenariats Nord-Sud : vers plus de réciprocité",
    "L’économie informelle face à la protection sociale",
    "Jeunesse rurale et emploi : état des lieux",
    "Gérer un point d’eau en milieu rural",
    "Genre et filières agricoles",
    "La coopération décentralisée en pratique",
    "Finance solidaire et développement local",
)
CONNECTORS = (
    "Par ailleurs,",
    "En outre,",
    "Dans le même temps,",
    "Surtout,",
    "De plus,",
    "Pourtant,",
    "Au fil des mois,",
    "Dès le départ,",
)


# --- small helpers ----------------------------------------------------------------------


def _yaml_list(key: str, values: list[str]) -> list[str]:
    """``key:`` and its quoted items, as lines of front matter."""
    return [f"{key}:", *(f"  - {q(value)}" for value in values)]


def slugify(text: str) -> str:
    return slug(text)


_STOP = {
    "de",
    "des",
    "du",
    "la",
    "le",
    "les",
    "et",
    "pour",
    "l",
    "d",
    "a",
    "au",
    "aux",
    "en",
    "un",
    "une",
    "qui",
    "leur",
    "leurs",
    "s",
    "se",
    "sur",
}


def short_slug(text: str, words: int) -> str:
    kept = [w for w in slugify(text).split("-") if w not in _STOP]
    return "-".join(kept[:words])


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def elide(article: str, word: str) -> str:
    """« de » + « Agadez » -> « d’Agadez »; « le » + « atelier » -> « l’atelier »."""
    if word[:1].lower() in "aeiouyéèêàâîïôûœh" and article in ("de", "le", "la"):
        return ("d’" if article == "de" else "l’") + word
    return f"{article} {word}"


def unique(base: str, used: dict[str, int]) -> str:
    count = used.get(base, 0) + 1
    used[base] = count
    return base if count == 1 else f"{base}-{count}"


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass
class Organisation:
    id: str
    name: str
    short_name: str
    country: str


@dataclass
class _Corpus:
    rng: random.Random
    organisations: list[Organisation] = field(default_factory=list)
    by_country: dict[str, list[Organisation]] = field(default_factory=dict)
    project_slugs: list[str] = field(default_factory=list)
    project_titles: dict[str, str] = field(default_factory=dict)


# --- registries -------------------------------------------------------------------------


def _organisations(corpus: _Corpus, count: int) -> str:
    rng = corpus.rng
    used: dict[str, int] = {}
    lines = ["# Registre des organisations (corpus de démonstration : tout est inventé).", ""]
    for index in range(count):
        # The first ones are in the North (porteurs), then mostly partners in the South.
        if index % 3 == 0:  # one in three is in the North, mostly in France
            country = ("BE", "CH", "FR", "FR", "FR", "FR", "FR", "FR")[(index // 3) % 8]
        else:
            country = COUNTRIES[index % len(COUNTRIES)]
        place = rng.choice(PLACES[country])
        kind, feminine = rng.choice(ORG_KINDS)
        purpose = rng.choice(ORG_PURPOSES)
        name = f"{kind} {purpose} {elide('de', place)}"
        initials = "".join(w[0] for w in slugify(f"{kind} {purpose}").split("-") if w not in _STOP)
        short = initials[:5].upper() + "-" + slugify(place).split("-")[0][:4].upper()
        org_id = unique(short_slug(f"{kind} {purpose} {place}", 5), used)
        org = Organisation(org_id, name, short, country)
        corpus.organisations.append(org)
        corpus.by_country.setdefault(country, []).append(org)
        lines += [
            f"- id: {q(org_id)}",
            f"  name: {q(name)}",
            f"  short_name: {q(short)}",
            f"  country: {q(country)}",
            f"  url: {q(f'https://{org_id}.example.org')}",
            f"  description: {q(_org_description(rng, kind, feminine, place))}",
            "",
        ]
    return "\n".join(lines)


def _org_description(rng: random.Random, kind: str, feminine: bool, place: str) -> str:
    year = rng.randint(1975, 2018)
    verb = rng.choice(VERBS)
    obj = rng.choice(OBJECTS)
    created, pronoun = ("créée", "Elle") if feminine else ("créé", "Il")
    return (
        f"{kind} {created} en {year} à {place}. {pronoun} cherche à {verb} {obj} et travaille "
        "avec des partenaires en France et en Afrique de l’Ouest."
    )


def _programmes(corpus: _Corpus) -> str:
    lines = ["# Registre des programmes (corpus de démonstration).", ""]
    for index, (pid, name, short, started) in enumerate(PROGRAMMES):
        org = corpus.organisations[(index * 3) % len(corpus.organisations)]
        described = f"Programme fictif porté par {the(org.name)}, lancé en {started}."
        lines += [
            f"- id: {q(pid)}",
            f"  name: {q(name)}",
            f"  short_name: {q(short)}",
            f"  organisation: {q(org.id)}",
            f"  started: {started}",
            f"  url: {q(f'https://programmes.example.org/{pid}')}",
            f"  description: {q(described)}",
            "",
        ]
    return "\n".join(lines)


def _themes() -> str:
    lines = ["# Vocabulaire contrôlé des thèmes (corpus de démonstration).", ""]
    for tid, label, description in THEMES:
        lines += [f"- id: {q(tid)}", f"  label: {q(label)}", f"  description: {q(description)}", ""]
    return "\n".join(lines)


# --- project sheets ---------------------------------------------------------------------


def _pick_countries(rng: random.Random) -> list[str]:
    roll = rng.random()
    main = rng.choice(WEST_AFRICA) if roll < 0.7 else rng.choice(SOUTH)
    countries = [main]
    if rng.random() < 0.35:
        countries.append(rng.choice(("FR", "FR", "FR", "FR", "BE", "CH")))
    if rng.random() < 0.1:
        other = rng.choice(WEST_AFRICA)
        if other not in countries:
            countries.append(other)
    return countries


def _paragraph(rng: random.Random, sentences: Sequence[str], count: int) -> str:
    chosen = rng.sample(list(sentences), min(count, len(sentences)))
    out = []
    for index, sentence in enumerate(chosen):
        if index and rng.random() < 0.3:
            sentence = f"{rng.choice(CONNECTORS)} {sentence[:1].lower()}{sentence[1:]}"
        out.append(sentence)
    return _wrap(" ".join(out))


def _wrap(text: str, width: int = 90) -> str:
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    return "\n".join(lines)


def _project(corpus: _Corpus, slug_used: dict[str, int], index: int) -> tuple[str, str]:
    rng = corpus.rng
    countries = _pick_countries(rng)
    main = countries[0]
    places = rng.sample(PLACES[main], min(len(PLACES[main]), rng.randint(1, 3)))
    public = rng.choice(PUBLICS)
    action = rng.choice(ACTIONS)
    product, sector = rng.choice(PRODUCTS)
    place = places[0]
    title = f"{place} : {public} qui {action}"
    slug = unique(f"{short_slug(public, 3)}-{short_slug(action, 2)}-{slugify(place)}", slug_used)
    programme = PROGRAMMES[index % len(PROGRAMMES)][0]
    north = [c for c in countries if c in NORTH]
    lead_pool = corpus.by_country.get(north[0] if north else "FR", [])
    lead = rng.choice(lead_pool or corpus.organisations)
    partner_pool = [o for c in countries for o in corpus.by_country.get(c, []) if o is not lead]
    partners = rng.sample(partner_pool, min(len(partner_pool), rng.randint(0, 3)))
    themes = rng.sample(THEME_IDS, rng.randint(1, 4))
    start = rng.randint(2008, 2024)
    status = rng.choices(("completed", "ongoing", "planned"), (5, 3, 1))[0]
    if status == "planned":
        start = rng.randint(2025, 2026)
    end = (
        (start + rng.randint(0, 4))
        if status == "completed"
        else (start + rng.randint(1, 4) if rng.random() < 0.5 else None)
    )
    if status == "completed" and end is not None and end > 2024:
        end = 2024 if start <= 2024 else end
    obstacle, obstacle2 = rng.sample(OBSTACLES, 2)
    summary = (
        f"Avec {lead.short_name}, {public} {elide('de', place)} {action}. Le projet "
        f"répond à {obstacle} et mise sur {rng.choice(ACTIVITIES)}."
    )
    corpus.project_slugs.append(slug)
    corpus.project_titles[slug] = title

    front = [
        "---",
        f"title: {q(title)}",
        f"summary: {q(summary)}",
        f"programme: {q(programme)}",
        f"lead: {q(lead.id)}",
    ]
    if partners:
        front += _yaml_list("partners", [p.id for p in partners])
    front += _yaml_list("countries", countries)
    front += _yaml_list("places", places)
    front += _yaml_list("themes", themes)
    front.append("period:")
    front.append(f"  start: {start}")
    if end is not None:
        front.append(f"  end: {end}")
    front.append(f"status: {status}")
    if rng.random() < 0.15:
        front.append("inspiring: true")
    if rng.random() < 0.6:
        front.append("links:")
        for _ in range(rng.randint(1, 2)):
            front.append(f"  - title: {q(f'{lead.name} : présentation du projet')}")
            front.append(f"    url: {q(f'https://{lead.id}.example.org/projets/{slug}')}")
    if rng.random() < 0.5:
        front.append(
            f"updated: {rng.randint(2019, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        )
    front.append("---")

    partner_names = ", ".join(p.name for p in partners) or "des partenaires locaux"
    context = [
        f"À {place}, {public} vivent {product}, mais se heurtent à {obstacle}.",
        f"Les familles y font face à {obstacle2}, qui fragilise leur activité.",
        f"Plusieurs diagnostics menés avec {partner_names} ont montré l’ampleur des besoins.",
        f"La commune {elide('de', place)} s’est dite prête à appuyer une action collective.",
        f"Les organisations locales connaissent bien le terrain et disposent déjà d’un réseau "
        f"de relais dans les villages autour {elide('de', place)}.",
        f"La filière {sector} occupe une place essentielle "
        "dans l’économie locale, surtout pour les femmes.",
    ]
    objectives = [f"{capital(rng.choice(VERBS))} {o} ;" for o in rng.sample(OBJECTS, 3)]
    objectives[-1] = objectives[-1][:-2] + "."
    activities = rng.sample(ACTIVITIES, rng.randint(3, 5))
    results = rng.sample(RESULTS, rng.randint(2, 4))
    lessons = rng.sample(LESSONS, rng.randint(2, 3))
    body = [
        "",
        "## Contexte",
        "",
        _paragraph(rng, context, rng.randint(3, 5)),
        "",
        "## Objectifs",
        "",
        _wrap(
            f"Le projet, porté par {the(lead.name)} dans le cadre du programme "
            f"« {PROGRAMMES[index % len(PROGRAMMES)][1]} », poursuit plusieurs buts :"
        ),
        "",
        *[f"- {o}" for o in objectives],
        "",
        "## Activités",
        "",
        *[f"- {capital(a)}." for a in activities],
        "",
        "## Résultats",
        "",
        _results(status, start, end, results),
        "",
        "## Enseignements",
        "",
        *[f"- {lesson}" for lesson in lessons],
        "",
    ]
    return slug, "\n".join(front + body)


def _results(status: str, start: int, end: int | None, results: list[str]) -> str:
    if status == "planned":
        return _wrap(
            f"Le projet démarre en {start}. Les partenaires en attendent que "
            + " et que ".join(results[:2])
            + "."
        )
    if end is None or status == "ongoing":
        when = f"Depuis {start}"
    elif end == start:
        when = f"En {start}"
    else:
        when = f"Entre {start} et {end}"
    return _wrap(f"{when}, {results[0]}. " + " ".join(f"{capital(r)}." for r in results[1:]))


# --- write-ups --------------------------------------------------------------------------


def _person(rng: random.Random, corpus: _Corpus) -> list[str]:
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    lines = [f"  - name: {q(name)}"]
    if rng.random() < 0.85:
        lines.append(f"    organisation: {q(rng.choice(corpus.organisations).id)}")
    return lines


def _writeup(corpus: _Corpus, slug_used: dict[str, int], index: int) -> tuple[str, str]:
    rng = corpus.rng
    themes = rng.sample(THEME_IDS, rng.randint(1, 3))
    labels = {t[0]: t[1] for t in THEMES}
    event = rng.choice(EVENTS)
    year = rng.randint(2015, 2024)
    date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    topic = labels[themes[0]]
    title = f"{topic} : {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    slug = unique(short_slug(f"{title} {year}", 7), slug_used)
    examples = (
        rng.sample(corpus.project_slugs, min(len(corpus.project_slugs), rng.randint(1, 3)))
        if corpus.project_slugs
        else []
    )
    orgs = rng.sample(corpus.organisations, rng.randint(1, 3))
    discussed = "un exemple discuté" if len(examples) == 1 else f"{len(examples)} exemples discutés"
    summary = (
        f"{event} {year} : une session consacrée à « {topic.lower()} », "
        f"avec {discussed}, des bonnes pratiques et les "
        "difficultés rencontrées par les organisations présentes."
    )
    practices = rng.sample(PRACTICES, rng.randint(2, 4))
    difficulties = rng.sample(DIFFICULTIES, rng.randint(1, 3))
    front = [
        "---",
        f"title: {q(title)}",
        f"summary: {q(summary)}",
        f"date: {date}",
        f"event: {q(f'{event} {year}')}",
        f"programme: {q(PROGRAMMES[index % len(PROGRAMMES)][0])}",
        "organisations:",
        *[f"  - {q(o.id)}" for o in orgs],
        "authors:",
    ]
    for _ in range(rng.randint(1, 2)):
        front += _person(rng, corpus)
    if rng.random() < 0.6:
        front.append("reviewers:")
        front += _person(rng, corpus)
    front += _yaml_list("themes", themes)
    if examples:
        front += _yaml_list("examples", examples)
    front += _yaml_list("good_practices", practices)
    front += _yaml_list("difficulties", difficulties)
    front.append("bibliography:")
    for ref_index in range(rng.randint(1, 3)):
        publisher = rng.choice(PUBLISHERS)
        ref_title = rng.choice(REF_TITLES)
        front += [
            f"  - author: {q(f'{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}')}",
            f"    title: {q(ref_title)}",
            f"    year: {rng.randint(2005, year)}",
            f"    publisher: {q(publisher)}",
            f"    url: {q(f'https://ressources.example.org/{slugify(ref_title)}')}",
        ]
        if ref_index == 0:
            front.append(f"    note: {q('Synthèse des échanges')}")
    front.append("---")
    speakers = ", ".join(o.name for o in orgs)
    obstacle, obstacle2 = rng.sample(OBSTACLES, 2)
    intro = [
        f"Cette session a réuni {speakers} autour d’une question commune : comment "
        f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} sans perdre de vue les personnes concernées ?",
        f"Les échanges ont porté sur {obstacle} et sur {obstacle2}.",
        "Les participants ont insisté sur le temps long qu’exigent ces démarches.",
        f"Chacun a présenté son expérience, puis le groupe a dégagé des pistes pour "
        f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}.",
        "La discussion a été franche, parfois vive, toujours constructive.",
    ]
    body = [
        "",
        "## Les indispensables",
        "",
        _paragraph(rng, intro, rng.randint(3, 5)),
        "",
        "## Les exemples inspirants",
        "",
    ]
    for slug_ex in examples:
        body.append(f"- [{corpus.project_titles[slug_ex]}](../../projects/{slug_ex}.md)")
    body += [
        "",
        "## Les difficultés et bonnes pratiques",
        "",
        _paragraph(rng, list(LESSONS), rng.randint(2, 4)),
        "",
    ]
    return slug, "\n".join(front + body)


# --- the repository ---------------------------------------------------------------------

MINIMAL_MKDOCS = """\
site_name: Savoirs de programme (démonstration)
site_url: https://example.org/demo/
docs_dir: content
site_dir: site
use_directory_urls: true
strict: true
theme:
  name: material
  custom_dir: theme
  language: fr
  font: false
plugins:
  - programme
validation:
  nav:
    omitted_files: ignore
"""

INDEX = """\
---
title: "Accueil"
---

Ce site de démonstration a été produit par `python -m generator.demo`. Toutes les fiches,
les organisations et les personnes sont **inventées** ; seuls les pays et les lieux sont
réels.
"""

ABOUT = """\
---
title: "À propos"
---

Ce corpus sert à essayer le générateur et à mesurer ses performances. Il est produit de
façon déterministe : les mêmes paramètres donnent toujours les mêmes fichiers.
"""


class _Writer:
    """Writes the corpus under ``out`` and remembers every file it wrote (the manifest)."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.written: list[str] = []

    def text(self, path: Path, text: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(text if text.endswith("\n") else text + "\n")
        self.written.append(path.relative_to(self.out).as_posix())

    def copy(self, source: Path, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        self.written.append(target.relative_to(self.out).as_posix())

    def manifest(self) -> None:
        lines = [
            "# Written by `python -m generator demo`: the next run removes these files",
            "# (and only these) before writing a new corpus.",
            *sorted(self.written),
        ]
        (self.out / DEMO_MARKER).write_text("\n".join(lines) + "\n", encoding="utf-8")


def _remove_previous(out: Path) -> None:
    """Remove the files a previous demo run wrote (its manifest says which), and the folders
    they leave empty; anything else in ``out`` stays."""
    marker = out / DEMO_MARKER
    if not marker.is_file():
        return
    folders: set[Path] = set()
    for line in marker.read_text(encoding="utf-8").splitlines():
        relative = line.strip()
        if not relative or relative.startswith("#"):
            continue
        parts = PurePosixPath(relative).parts
        if PurePosixPath(relative).is_absolute() or ".." in parts:
            continue  # not something this command writes
        path = out.joinpath(*parts)
        if path.is_file() and not path.is_symlink():
            path.unlink()
            folders.update(p for p in path.parents if out in p.parents)
    for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        with contextlib.suppress(OSError):
            folder.rmdir()  # only when empty
    marker.unlink()


def _site_files(writer: _Writer) -> None:
    out = writer.out
    source_config = REPO / "mkdocs.yml"
    source_theme = REPO / "theme"
    if source_config.is_file() and source_theme.is_dir():
        writer.copy(source_config, out / "mkdocs.yml")
        for path in sorted(source_theme.rglob("*")):
            if path.is_file():
                writer.copy(path, out / "theme" / path.relative_to(source_theme))
    else:
        writer.text(out / "mkdocs.yml", MINIMAL_MKDOCS)
        (out / "theme").mkdir(exist_ok=True)


def generate_corpus(
    out: Path, projects: int, writeups: int, seed: int = 0, organisations: int | None = None
) -> None:
    """Write a complete demonstration repository into ``out``.

    ``projects`` sheets go to ``projects/``, ``writeups`` write-ups to
    ``content/comptes-rendus/``; registries to ``content/_data/``. ``out`` must be absent,
    empty or the output of an earlier run (:data:`DEMO_MARKER`), whose files are removed
    first, so the folder holds exactly this corpus; otherwise :class:`FolderNotOurs` is
    raised and nothing is written.
    """
    if projects < 0 or writeups < 0:
        raise ValueError("projects and writeups must not be negative")
    out = Path(out)
    ensure_replaceable(
        out, DEMO_MARKER, messages.word("mot-corpus-demo"), messages.text("cmd-autre-out")
    )
    out.mkdir(parents=True, exist_ok=True)
    _remove_previous(out)
    writer = _Writer(out)
    corpus = _Corpus(random.Random(seed))
    count = organisations if organisations is not None else max(60, min(400, 40 + projects // 4))
    data = out / "content" / "_data"
    writer.text(data / "organisations.yml", _organisations(corpus, max(count, 2 * len(NORTH))))
    writer.text(data / "programmes.yml", _programmes(corpus))
    writer.text(data / "themes.yml", _themes())
    slug_used: dict[str, int] = {}
    project_dir = out / "projects"
    project_dir.mkdir(parents=True, exist_ok=True)
    for index in range(projects):
        slug, text = _project(corpus, slug_used, index)
        writer.text(project_dir / f"{slug}.md", text)
    writeup_used: dict[str, int] = {}
    writeup_dir = out / "content" / "comptes-rendus"
    writeup_dir.mkdir(parents=True, exist_ok=True)
    for index in range(writeups):
        slug, text = _writeup(corpus, writeup_used, index)
        writer.text(writeup_dir / f"{slug}.md", text)
    writer.text(out / "content" / "index.md", INDEX)
    writer.text(out / "content" / "a-propos.md", ABOUT)
    _site_files(writer)
    writer.manifest()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The demo's options, for ``python -m generator demo`` and ``python -m generator.demo``."""
    parser.add_argument("--out", type=Path, required=True, help="folder to write into")
    parser.add_argument("--projects", type=int, default=100, help="number of project sheets")
    parser.add_argument(
        "--writeups",
        type=int,
        default=None,
        help="number of write-ups (default: 10%% of the sheets)",
    )
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator.demo",
        description="Write a deterministic demonstration corpus (invented French content).",
    )
    add_arguments(parser)
    args = parser.parse_args(argv)
    writeups = args.writeups if args.writeups is not None else max(1, args.projects // 10)
    try:
        generate_corpus(args.out, args.projects, writeups, args.seed)
    except FolderNotOurs as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(
        f"{args.projects} sheet(s) and {writeups} write-up(s) written to {args.out}; "
        f"try: python -m generator build --root {args.out}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
