"""Sentences of ``new``: what it wrote, what to do next, its questions and its refusals.

The comments ``new`` writes into a file are not here: they are content, in French like the
site (:mod:`generator.new.field_notes`).

Why one module: it is everything one command says, in the order a person meets it (what
was written, the questions, the refusals); whoever rewords one sentence sees its
neighbours, which must keep the same voice.
"""

from __future__ import annotations

from ._catalogue import entry

# --- words ---------------------------------------------------------------------------------

entry("new-mot-fiche", "word", "une fiche projet", "a project sheet")
entry("new-mot-compte-rendu", "word", "un compte-rendu", "a write-up")
entry("new-mot-organisation", "word", "une organisation", "an organisation")
entry("new-mot-programme", "word", "un programme", "a programme")
entry("new-mot-theme", "word", "un thème", "a theme")
entry("new-mot-titre", "word", "le titre", "the title")

# --- what was written, and what next -------------------------------------------------------

entry("new-ecrit-fiche", "text", "fiche projet écrite : {path}", "project sheet written: {path}")
entry("new-ecrit-compte-rendu", "text", "compte-rendu écrit : {path}", "write-up written: {path}")
entry(
    "new-en-brouillon",
    "text",
    " (brouillon : hors du site publié tant que « draft: true » y reste)",
    " (a draft: left out of the published site while `draft: true` stays)",
)
entry(
    "new-encore-a-ecrire",
    "text",
    "encore à écrire : {fields}",
    "still to write: {fields}",
)
entry(
    "new-nom-pris",
    "text",
    "{taken} existe déjà : vérifiez qu'il ne s'agit pas du même document ; celui-ci "
    "s'appelle {name}",
    "{taken} already exists: make sure it is not the same document; this one is {name}",
)
entry(
    "new-id-deja-pris",
    "text",
    "l'id « {taken} » est déjà celui de « {name} » : vérifiez qu'il ne s'agit pas de la même "
    "entrée (sinon retirez celle-ci et citez « {taken} »)",
    "id '{taken}' is already that of '{name}': make sure it is not the same entry (if it "
    "is, remove this one and use '{taken}')",
)
entry("new-ensuite", "text", "ensuite :", "next:")
entry(
    "new-etape-completer",
    "text",
    "  1. complétez le fichier : chaque champ y est expliqué, et les valeurs possibles sont "
    "sur la page « Listes de référence » du site (listes/) et dans {data_dir}/ ;",
    "  1. fill in the file: each field is explained in it, and the allowed values are on the "
    "site's page 'Listes de référence' (listes/) and in {data_dir}/;",
)
entry(
    "new-etape-completer-entree",
    "text",
    "  1. complétez les champs facultatifs que vous connaissez (ou laissez-les vides) ;",
    "  1. fill in the optional fields you know (or leave them empty);",
)
entry(
    "new-etape-verifier",
    "text",
    "  2. vérifiez : python -m generator check (make serve montre la page) ;",
    "  2. check: python -m generator check (make serve shows the page);",
)
entry(
    "new-etape-publier",
    "text",
    "  3. quand tout est écrit, retirez la ligne « draft: true » : le document sera publié.",
    "  3. once everything is written, remove the line `draft: true`: the document will be "
    "published.",
)
entry(
    "new-etape-relire",
    "text",
    "  3. écrivez le texte sous l'en-tête : le document sera publié tel quel.",
    "  3. write the text below the front matter: the document will be published as it is.",
)
entry(
    "new-ajoute-organisation",
    "text",
    "organisation « {id} » ajoutée à {path} (ligne {line})",
    "organisation '{id}' appended to {path} (line {line})",
)
entry(
    "new-ajoute-programme",
    "text",
    "programme « {id} » ajouté à {path} (ligne {line})",
    "programme '{id}' appended to {path} (line {line})",
)
entry(
    "new-ajoute-theme",
    "text",
    "thème « {id} » ajouté à {path} (ligne {line})",
    "theme '{id}' appended to {path} (line {line})",
)
entry(
    "new-etape-citer-organisation",
    "text",
    "  3. citez-la par son id dans une fiche ou un compte-rendu : « lead: {id} », "
    "« partners: [{id}] », « organisations: [{id}] ».",
    "  3. name it by its id in a sheet or write-up: `lead: {id}`, `partners: [{id}]`, "
    "`organisations: [{id}]`.",
)
entry(
    "new-etape-citer-programme",
    "text",
    "  3. citez-le par son id dans une fiche ou un compte-rendu : « programme: {id} ».",
    "  3. name it by its id in a sheet or write-up: `programme: {id}`.",
)
entry(
    "new-etape-citer-theme",
    "text",
    "  3. citez-le par son id dans une fiche ou un compte-rendu : « themes: [{id}] ».",
    "  3. name it by its id in a sheet or write-up: `themes: [{id}]`.",
)
entry("new-rien-ecrit", "text", "rien n'a été écrit", "nothing was written")
entry(
    "new-interrompu", "text", "interrompu : rien n'a été écrit", "interrupted: nothing was written"
)
entry("new-option-probleme", "text", "{option} : {problem}", "{option}: {problem}")
entry(
    "new-registre-pas-une-liste",
    "text",
    "ce n'est pas une liste d'entrées",
    "it is not a list of entries",
)
entry(
    "new-lien-hors-depot",
    "text",
    "c'est un lien vers un fichier hors du dépôt",
    "it is a link to a file outside the repository",
)

# --- questions (in a terminal) -------------------------------------------------------------

entry(
    "new-questions-intro",
    "text",
    "Quelques questions. Entrée laisse un champ vide, à compléter plus tard dans le "
    "fichier ; Tab complète les ids connus ; dans une liste, séparez les ids par des "
    "virgules, les lieux et les auteurs par des points-virgules ; Ctrl-C abandonne sans "
    "rien écrire.",
    "A few questions. Enter leaves a field empty, to fill in later in the file; Tab "
    "completes known ids; in a list, separate ids with commas, places and authors with "
    "semicolons; Ctrl-C gives up without writing anything.",
)
entry("new-invite", "text", "{question} : ", "{question}: ")
entry("new-q-titre", "text", "Titre", "Title")
entry("new-q-nom", "text", "Nom complet", "Full name")
entry("new-q-libelle", "text", "Libellé du thème", "Theme label")
entry("new-q-resume", "text", "Résumé (une ou deux phrases)", "Summary (one or two sentences)")
entry("new-q-programme", "text", "Programme (id)", "Programme (id)")
entry("new-q-porteur", "text", "Organisation porteuse (id)", "Lead organisation (id)")
entry(
    "new-q-partenaires",
    "text",
    "Organisations partenaires (ids)",
    "Partner organisations (ids)",
)
entry(
    "new-q-pays",
    "text",
    "Pays (codes à deux lettres : SN, GN…)",
    "Countries (two-letter codes: SN, GN…)",
)
entry(
    "new-q-lieux",
    "text",
    "Lieux (villes, régions)",
    "Places (towns, regions)",
)
entry(
    "new-q-themes",
    "text",
    "Thèmes (ids)",
    "Themes (ids)",
)
entry("new-q-debut", "text", "Année de début", "Start year")
entry(
    "new-q-fin", "text", "Année de fin (vide si le projet continue)", "End year (empty if ongoing)"
)
entry(
    "new-q-etat",
    "text",
    "État : planned (prévu), ongoing (en cours), completed (terminé)",
    "Status: planned, ongoing or completed",
)
entry("new-q-date", "text", "Date de la séance (AAAA-MM-JJ)", "Date of the session (YYYY-MM-DD)")
entry(
    "new-q-rencontre",
    "text",
    "Rencontre dont la séance faisait partie",
    "Gathering the session was part of",
)
entry(
    "new-q-organisations",
    "text",
    "Organisations qui ont animé la séance (ids)",
    "Organisations that ran the session (ids)",
)
entry(
    "new-q-auteurs",
    "text",
    "Auteurs (« Nom » ou « Nom:id-organisation »)",
    "Authors ('Name' or 'Name:organisation-id')",
)
entry(
    "new-q-exemples",
    "text",
    "Exemples inspirants (noms des fiches, sans .md)",
    "Inspiring examples (names of the sheets, without .md)",
)
entry("new-q-sigle", "text", "Sigle ou nom court", "Acronym or short name")
entry(
    "new-q-pays-siege",
    "text",
    "Pays du siège (code à deux lettres)",
    "Country of its seat (two-letter code)",
)
entry("new-q-adresse", "text", "Site web (https://…)", "Website (https://…)")
entry("new-q-description", "text", "Présentation en quelques phrases", "A few sentences about it")
entry(
    "new-q-organisation-programme",
    "text",
    "Organisation qui mène le programme (id)",
    "Organisation that runs the programme (id)",
)
entry("new-q-lancement", "text", "Année de lancement", "Year it started")

# --- refusals ------------------------------------------------------------------------------

entry(
    "new-option-inutile",
    "error",
    "l'option {option} ne sert pas pour {what}",
    "option {option} does not apply to {what}",
    about="Chaque sorte de document a ses options (`--lead` pour une fiche, `--date` pour "
    "un compte-rendu…) ; une option d'une autre sorte est refusée plutôt qu'oubliée.",
    example='`new theme "Eau" --lead cfsi` → `new theme "Eau" --description "…"`',
)
entry(
    "new-une-seule-valeur",
    "error",
    "{option} est donnée {count} fois, mais {what} n'en a qu'une",
    "{option} is given {count} times, but {what} has only one",
    about="Une organisation a un seul pays de siège, un programme une seule organisation qui "
    "le mène : l'option ne se répète pas.",
    example='`new organisation "AFY" --country SN --country FR` → `--country SN`',
)
entry(
    "new-titre-manquant",
    "error",
    'le titre manque : python -m generator new {kind} "Titre"',
    'the title is missing: python -m generator new {kind} "Title"',
    about="`new` fait le nom du fichier (ou l'id) à partir du titre : il le faut. Dans un "
    "terminal, la commande le demande.",
    example='`new fiche` → `new fiche "Jeunes ruraux de Kindia"`',
)
entry(
    "new-slug-vide",
    "error",
    "le titre « {title} » ne donne aucun nom de fichier ni id (il faut des lettres a-z ou "
    "des chiffres)",
    "the title '{title}' gives no file name or id (it needs letters a-z or digits)",
    about="Le nom du fichier ou l'id se fait avec les lettres du titre, sans accents ; un "
    "titre écrit dans un autre alphabet n'en donne pas.",
    example='`new theme "تعاون"` → `new theme "تعاون" --id cooperation`',
)
entry(
    "new-indice-donner-slug",
    "hint",
    "donnez-le avec --slug (un document) ou --id (une entrée de registre)",
    "give one with --slug (a document) or --id (a registry entry)",
)
entry(
    "new-fichier-existe",
    "error",
    "{path} existe déjà : new n'écrase jamais un fichier",
    "{path} already exists: new never overwrites a file",
    about="Le nom donné avec `--slug` est celui d'un fichier existant (sans `--slug`, "
    "`new` ajoute -2, -3… au nom tiré du titre).",
    example='`new fiche "Kindia" --slug jeunes-ruraux-kindia-guinee` → `--slug '
    "jeunes-ruraux-kindia-2024`",
)
entry(
    "new-indice-autre-slug",
    "hint",
    "choisissez un autre --slug, ou modifiez le fichier existant",
    "choose another --slug, or edit the existing file",
)
entry(
    "new-id-pris",
    "error",
    "l'id « {id} » est déjà dans {path}",
    "id '{id}' is already in {path}",
    about="Les ids sont uniques dans leur registre : celui donné avec `--id` est pris "
    "(sans `--id`, `new` ajoute -2, -3… à l'id tiré du titre).",
    example='`new organisation "CFSI" --id cfsi` → `--id cfsi-2` ou l\'entrée existante',
)
entry(
    "new-indice-autre-id",
    "hint",
    "choisissez un autre --id, ou utilisez l'entrée existante",
    "choose another --id, or use the existing entry",
)
entry(
    "new-registre-illisible",
    "error",
    "{path} ne peut pas être lu ({reason}) : new n'y ajoute rien",
    "{path} cannot be read ({reason}): new appends nothing to it",
    about="Pour ajouter une entrée avec un id unique, `new` doit lire le registre ; "
    "corrigez d'abord le problème que `check` y signale.",
    example="`content/_data/themes.yml` avec une tabulation → corrigez-la, puis relancez `new`",
)
entry(
    "new-indice-lancer-check",
    "hint",
    "python -m generator check montre le problème",
    "python -m generator check shows the problem",
)
entry(
    "new-registre-non-lu",
    "warning",
    "{path} ne peut pas être lu ({reason}) : les ids qu'il liste ne sont pas vérifiés",
    "{path} cannot be read ({reason}): the ids it lists are not checked",
    about="Un registre illisible n'empêche pas de commencer un document, mais les ids de ce "
    "registre donnés en option ne sont pas vérifiés ; `check` dit ce qui ne va pas.",
    example="`organisations.yml` mal indenté → `new fiche … --lead x` écrit la fiche sans "
    "vérifier `x`",
)
entry(
    "new-ajout-illisible",
    "error",
    "le registre ne se termine pas par une liste d'entrées : une entrée ajoutée à la fin ne "
    "s'y lirait pas comme une entrée de plus",
    "the registry does not end with a list of entries: an entry appended at its end would "
    "not read as one more entry",
    about="`new` ajoute l'entrée à la fin du fichier et vérifie qu'elle se lit comme la "
    "dernière de la liste ; sinon il n'écrit rien.",
    example="un registre écrit `[{id: a, name: A}]` → une entrée par ligne `- id: a`",
)
entry(
    "new-faits-manquants",
    "error",
    "--no-draft : il manque {fields} pour un document complet",
    "--no-draft: {fields} missing for a complete document",
    about="`--no-draft` écrit un document publiable tout de suite : chaque fait obligatoire "
    "doit être donné en option (ou en réponse, dans un terminal).",
    example='`new fiche "X" --no-draft` → ajoutez `--summary`, `--programme`, `--lead`…',
)
entry(
    "new-indice-options-ou-brouillon",
    "hint",
    "donnez-les en options, ou retirez --no-draft : le document commence alors en brouillon",
    "give them as options, or leave out --no-draft: the document then starts as a draft",
)
entry(
    "new-indice-options-possibles",
    "hint",
    "options possibles : {options}",
    "options that apply: {options}",
)
entry(
    "new-registre-change",
    "error",
    "{path} a changé pendant l'écriture (ou vient d'être créé) : new n'y a rien ajouté",
    "{path} changed while it was being written (or was just created): new appended nothing",
    about="`new` n'ajoute son entrée que si le registre contient toujours ce qu'il y a lu, "
    "pour ne jamais perdre une modification enregistrée entre-temps.",
    example="le registre enregistré dans l'éditeur pendant `new` → relancez `new`",
)
entry("new-indice-relancer", "hint", "relancez la commande", "run the command again")
entry(
    "new-ecriture-impossible",
    "error",
    "{path} ne peut pas être écrit : {reason}",
    "{path} cannot be written: {reason}",
    about="Le système refuse d'écrire le fichier (droits, disque plein…) ; rien n'a été écrit.",
    example="un dossier `projects/` en lecture seule → donnez-vous le droit d'y écrire",
)
entry(
    "new-texte-illisible",
    "error",
    "« {value} » n'est pas du texte UTF-8",
    "'{value}' is not UTF-8 text",
    about="Le terminal a transmis des octets qui ne sont pas de l'UTF-8 ; réglez-le en "
    "UTF-8 (c'est le cas par défaut presque partout).",
    example="un terminal en Latin-1 → réglez-le en UTF-8",
)

# --- said by the checker, for what `new` leaves empty -------------------------------------

entry(
    "new-indice-valeur-obligatoire",
    "hint",
    "ce champ est obligatoire : écrivez sa valeur après « {name}: »",
    "this field is required: write its value after `{name}:`",
)
