"""Sentences about a barometer (``content/_data/barometres/<id>.yml``): a questionnaire
whose dimensions, statements and scale refer to one another, checked after its fields."""

from __future__ import annotations

from ._catalogue import entry

entry(
    "barometre-pas-un-ensemble",
    "error",
    "un baromètre est un ensemble de champs (title, scale, dimensions, statements…)",
    "a barometer is a mapping of fields (title, scale, dimensions, statements…)",
    about="Le fichier d'un baromètre commence par ses champs, « title: … », « scale: … », "
    "et non par un tiret ou un texte seul.",
    example="`- title: Baromètre` → `title: Baromètre`",
)
entry(
    "barometre-dimension-inconnue",
    "error",
    "« {value} » n'est pas une dimension de ce baromètre",
    "'{value}' is not a dimension of this barometer",
    about="Chaque énoncé (et chaque score publié) renvoie à une dimension par son id ; "
    "l'id doit figurer dans la liste « dimensions » du même fichier.",
    example="`dimension: decision` → `dimension: decisions` (l'id écrit dans dimensions)",
)
entry(
    "barometre-echelle-trop-courte",
    "error",
    "l'échelle doit avoir au moins deux niveaux (elle en a {count})",
    "the scale needs at least two levels (it has {count})",
    about="Une réponse se donne sur une échelle d'au moins deux niveaux, chacun avec sa "
    "valeur (un nombre) et son libellé (« pas du tout », « tout à fait »…).",
    example="`scale: []` → deux niveaux ou plus, `- value: 1` et `label: Pas du tout`…",
)
entry(
    "barometre-echelle-desordonnee",
    "error",
    "la valeur {value} ne suit pas la précédente ({previous}) : les valeurs de l'échelle "
    "croissent d'un niveau au suivant",
    "value {value} does not follow the previous one ({previous}): the scale's values "
    "increase from one level to the next",
    about="Les niveaux de l'échelle vont du plus faible au plus fort, avec des valeurs "
    "entières toutes différentes et croissantes : les scores en sont calculés.",
    example="`value: 2` après `value: 3` → remettez les niveaux dans l'ordre",
)
entry(
    "barometre-id-en-double",
    "error",
    "l'id « {value} » est déjà utilisé dans ce baromètre (ligne {first})",
    "id '{value}' is already used in this barometer (line {first})",
    about="Les réponses exportées nomment chaque énoncé, question et dimension par son id : "
    "deux fois le même id, et une réponse ne saurait plus à quoi elle répond.",
    example="deux énoncés `id: d1` → renommez le second `d2`",
)
entry(
    "barometre-dimension-sans-enonce",
    "warning",
    "la dimension « {value} » n'a aucun énoncé : elle n'aura pas de score",
    "dimension '{value}' has no statement: it gets no score",
    about="Une dimension sans énoncé apparaît vide dans les résultats.",
    example="ajoutez un énoncé `dimension: temps`, ou retirez la dimension",
)
entry(
    "barometre-annee-en-double",
    "error",
    "les résultats de {value} sont déjà donnés (ligne {first})",
    "results for {value} are already given (line {first})",
    about="Les résultats publiés donnent une entrée par année.",
    example="deux `year: 2025` → gardez-en une",
)
entry(
    "barometre-score-hors-bornes",
    "error",
    "le score {value} n'est pas entre 0 et 100",
    "score {value} is not between 0 and 100",
    about="Un score publié est un pourcentage de l'échelle : 0 pour le plus faible niveau "
    "partout, 100 pour le plus fort.",
    example="`decisions: 3.2` (une moyenne sur l'échelle) → `decisions: 73`",
)
entry(
    "indice-dimensions-connues",
    "hint",
    "dimensions de ce baromètre : {known}",
    "this barometer's dimensions: {known}",
)
