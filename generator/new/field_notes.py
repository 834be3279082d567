"""The French that ``new`` writes into a starting point, beside the models' own.

Each field of a new file is preceded by a comment: its description (the field's docstring
in :mod:`generator.validate.schema`, the text VS Code shows on hover), whether it is
required, its length bound, where its allowed values are listed, and an example where the
description has none. The file is content of a French site: its comments and section
headings are in French whatever language the command speaks (``--lang`` changes only what
the command prints). This module holds what the docstrings do not say; the sentences the
command prints are in the catalogue (:mod:`generator.messages.new`).
"""

from __future__ import annotations

from typing import Literal

Shape = Literal[
    "text",  # a quoted text
    "id",  # a registry id or a sheet's name
    "ids",  # a list of ids
    "texts",  # a list of quoted texts
    "country",  # one country code
    "countries",  # a list of country codes
    "year",
    "date",
    "choice",  # one of the model's literal values (status)
    "bool",
    "people",  # authors, reviewers: a list of {name, organisation}
    "period",  # start and end, written as a block
    "block",  # an optional mapping (image): left empty, with a sample in comments
    "items",  # an optional list of mappings (links, bibliography): [] and a sample
    "path",  # a path to a file of the repository
    "draft",
]

SHAPES: dict[str, Shape] = {
    "title": "text",
    "summary": "text",
    "programme": "id",
    "lead": "id",
    "partners": "ids",
    "countries": "countries",
    "places": "texts",
    "themes": "ids",
    "period": "period",
    "start": "year",
    "end": "year",
    "status": "choice",
    "article": "choice",
    "inspiring": "bool",
    "image": "block",
    "links": "items",
    "licence": "id",
    "updated": "date",
    "draft": "draft",
    "date": "date",
    "event": "text",
    "organisations": "ids",
    "authors": "people",
    "reviewers": "people",
    "examples": "ids",
    "good_practices": "texts",
    "difficulties": "texts",
    "bibliography": "items",
    "report": "path",
    "id": "id",
    "name": "text",
    "label": "text",
    "short_name": "text",
    "country": "country",
    "url": "text",
    "description": "text",
    "organisation": "id",
    "started": "year",
}
"""How each field of the models is written (a test fails when a field has no shape)."""

REGISTRY_OF: dict[str, str] = {
    "programme": "programmes",
    "lead": "organisations",
    "partners": "organisations",
    "organisations": "organisations",
    "organisation": "organisations",
    "themes": "themes",
}
"""Fields whose values are ids of a registry (``content/_data/<registry>.yml``)."""

LISTED_ON_THE_SITE: dict[str, str] = {
    "programmes": "Programmes",
    "organisations": "Organisations",
    "themes": "Thèmes",
    "pays": "Codes pays",
    "licences": "Licences",
}
"""Sections of the page « Listes de référence » (``listes/``), by anchor."""

ANCHOR_OF: dict[str, str] = {
    **{name: REGISTRY_OF[name] for name in REGISTRY_OF},
    "countries": "pays",
    "country": "pays",
    "licence": "licences",
}

MORE_EXAMPLES: dict[str, str] = {
    "summary": "« Des jeunes de Kindia se forment au maraîchage et vendent sur les marchés "
    "locaux »",
    "WriteupMeta.summary": "« Ce qu’un atelier de deux jours a retenu des partenariats du "
    "programme »",
    "inspiring": "true",
    "status": "ongoing",
    "good_practices": "« Décider ensemble du calendrier avant de décider du budget »",
    "difficulties": "« Les délais de versement freinent les petites associations »",
    "url": "https://www.exemple.org/",
    "description": "« Réseau d’associations de femmes transformatrices de poisson de la "
    "région de Thiès »",
    "ProgrammeEntry.description": "« Des projets pilotes de coopération entre associations "
    "du Nord et du Sud »",
    "ThemeEntry.description": "« Accès à l’eau potable, gestion des points d’eau, assainissement »",
}
"""Examples for the fields whose description gives none (``Model.field`` first, then
``field``)."""

SAMPLES: dict[str, list[str]] = {
    "image": [
        "image:",
        "  src: images/puits.jpg",
        '  alt: "Deux femmes devant un puits"',
        '  credit: "Photo : ONG Essentiel"',
    ],
    "links": [
        "links:",
        '  - title: "CFSI : le programme CAAC"',
        "    url: https://www.cfsi.asso.fr/",
    ],
    "authors": [
        "authors:",
        '  - name: "Astrid Frey"',
        "    organisation: cfsi",
    ],
    "reviewers": [
        "reviewers:",
        '  - name: "Luc Hansen"',
        "    organisation: fonda",
    ],
    "bibliography": [
        "bibliography:",
        '  - author: "CFSI"',
        '    title: "Au Sénégal : une assurance maladie pour les travailleuses"',
        "    year: 2020",
        '    publisher: "CFSI"',
        '    url: "https://cfsi.asso.fr/?p=2710"',
        '    note: "Synthèse de douze pages"',
    ],
}
"""A filled-in example of each field made of mappings, shown in comments under it."""

SECTIONS: dict[str, list[tuple[str, str]]] = {
    "sheet": [
        (
            "Contexte",
            "La situation de départ : le territoire, les personnes concernées, ce que le "
            "projet veut changer.",
        ),
        ("Objectifs", "Ce que le projet cherche à obtenir, en quelques points."),
        ("Activités", "Ce qui a été fait, par qui, avec quels partenaires."),
        ("Résultats", "Ce qui a changé, chiffres à l’appui quand il y en a."),
        (
            "Enseignements",
            "Ce que d’autres peuvent retenir : ce qui a marché, ce qu’il faudrait faire autrement.",
        ),
    ],
    "writeup": [
        (
            "Les indispensables",
            "L’essentiel de la séance en quelques paragraphes : le sujet, qui est intervenu, "
            "ce qu’il faut retenir.",
        ),
        (
            "Les exemples inspirants",
            "Les projets présentés ; nommez aussi leur fiche dans « examples » (en haut du "
            "fichier), pour que leur page renvoie à ce compte-rendu.",
        ),
        (
            "Les difficultés et bonnes pratiques",
            "Les obstacles rencontrés et les façons de faire à retenir ; écrivez-les aussi, "
            "une phrase chacune, dans « difficulties » et « good_practices » : la page "
            "« Bonnes pratiques » du site les rassemble.",
        ),
    ],
}
"""The body's sections, as the example content has them, each with what goes in it (an
HTML comment: neither the site, nor its PDF, nor the Git host's preview shows it)."""

HEADER: dict[str, str] = {
    "sheet": "Fiche projet commencée",
    "writeup": "Compte-rendu commencé",
    "organisation": "Organisation ajoutée",
    "programme": "Programme ajouté",
    "theme": "Thème ajouté",
}

DOCUMENT_HEADER = (
    "{what} par « python -m generator new ». Chaque champ est précédé d’un "
    "commentaire (les lignes qui commencent par #) : ce qu’il contient, un exemple, où "
    "trouver les valeurs possibles. Les thèmes, organisations, programmes, codes pays et "
    "licences sont listés sur la page « Listes de référence » du site (listes/) et, pour "
    "les ids, dans les registres de {data_dir}/. La valeur d’un champ s’écrit après "
    "« nom: » ; une liste vide ([]) se remplit ainsi : [premier, second]. Un champ "
    "facultatif peut rester vide."
)
DRAFT_HEADER = (
    "Tant que la ligne « draft: true » est là, le document n’est pas publié et « python -m "
    "generator check » signale chaque champ obligatoire encore vide par un avertissement "
    "[brouillon-incomplet] ; retirez-la quand tout est écrit."
)
COMPLETE_HEADER = (
    "Tous les champs obligatoires sont écrits : le document sera publié ; vérifiez-le "
    "avec « python -m generator check »."
)
ENTRY_HEADER = (
    "{what} par « python -m generator new » : complétez les champs vides, ou laissez-les "
    "vides (ils sont facultatifs). Chaque champ est précédé d’un commentaire : ce qu’il "
    "contient, un exemple, où trouver les valeurs possibles."
)

REQUIRED = "Obligatoire."
OPTIONAL = "Facultatif."
EXAMPLE = "Exemple : {example}."
AT_MOST = "{high} caractères au plus."
BETWEEN = "De {low} à {high} caractères."
LISTED_REGISTRY = (
    "Valeurs possibles : page « Listes de référence » du site (listes/#{anchor}, "
    "« {section} ») et {path}."
)
LISTED_SITE = "Valeurs possibles : page « Listes de référence » du site (listes/#{anchor})."
LISTED_LICENCES = (
    "Valeurs possibles : page « Listes de référence » du site (listes/#licences) ; vide, la "
    "licence du site s’applique."
)
LISTED_SHEETS = (
    "Valeurs possibles : les noms des fichiers de {folder}/, sans « .md » ; une fiche encore "
    "en brouillon ne peut pas être citée."
)
SAMPLE_INTRO = (
    "Par exemple, à la place de la ligne « {line} » (retirez le « # » et l’espace qui le suit) :"
)
SUBFIELD = "{name} ({required}) : {description}"
SUBFIELD_REQUIRED = "obligatoire"
SUBFIELD_OPTIONAL = "facultatif"
