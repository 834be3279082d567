"""Sentences about the fields of a file: what the checker finds once YAML is read.

Codes are French, lower-case, with hyphens; they never change once released (a renamed
code is a breaking change, CHANGELOG.md). ``about`` and ``example`` are written for the
editors' guide (``content/contribuer.md`` lists them, generated from here).

Why one module: it is the list of what the checker can say about a field, read from top
to bottom by whoever writes a message or translates one; split, a code's neighbours (the
same wording, the same hints) would be out of sight.
"""

from __future__ import annotations

from ._catalogue import entry

# --- fields -------------------------------------------------------------------------

entry(
    "champ-obligatoire",
    "error",
    "champ obligatoire absent",
    "required field is missing",
    about="Un fait que toute fiche (ou tout compte-rendu) doit donner n'est pas écrit.",
    example="une fiche sans `lead:` → ajoutez `lead: cfsi` (l'id du porteur)",
)
entry(
    "champ-inconnu",
    "error",
    "champ inconnu « {name} »",
    "unknown field '{name}'",
    about="La clé n'est pas un champ du format : faute de frappe, nom français, ou champ "
    "d'un autre type de document.",
    example="`pays: [SN]` → `countries: [SN]`",
)
entry(
    "champ-mal-indente",
    "error",
    "« {name} » n'est pas à sa place : ce champ appartient à « {parent} »",
    "'{name}' is not in its place: this field belongs to '{parent}'",
    about="Une clé est indentée comme le bloc voisin : YAML la range au mauvais niveau "
    "(sous le champ du dessus, ou hors du bloc auquel elle appartient).",
    example="`start: 2014` aligné sur `period:` → indentez-le de deux espaces sous `period:`",
)
entry(
    "deux-points-non-proteges",
    "error",
    "le texte contient « : » suivi d'un espace, que YAML lit comme un champ",
    "the text holds ': ' (a colon and a space), which YAML reads as a field",
    about="Dans une valeur, « : » suivi d'un espace commence un champ. Un texte qui en "
    "contient doit être entre guillemets.",
    example='`- Conseil : écouter` → `- "Conseil : écouter"`',
)
entry(
    "texte-attendu",
    "error",
    "YAML lit {source} comme {kind}, pas comme un texte",
    "YAML reads {source} as {kind}, not as text",
    about="Une valeur qui ressemble à un nombre, une date ou oui/non est lue comme telle ; "
    "un texte de cette forme doit être entre guillemets.",
    example='`short_name: 2030` → `short_name: "2030"`',
)
entry(
    "mauvaise-forme",
    "error",
    "attendu : {expected} ; trouvé : {got}",
    "expected {expected}, not {got}",
    about="La valeur n'a pas la forme attendue : un texte à la place d'une liste, une liste "
    "à la place de champs, etc.",
    example="`period: 2014` → `period:` puis, en dessous, `  start: 2014`",
)
entry(
    "valeur-vide",
    "error",
    "n'a pas de valeur",
    "has no value",
    about="La clé est écrite mais rien ne la suit.",
    example="`summary:` → `summary: Un puits pour le village`",
)
entry(
    "oui-non-attendu",
    "error",
    "attendu : true ou false",
    "expected true or false",
    about="Ce champ vaut `true` (oui) ou `false` (non), sans guillemets.",
    example='`inspiring: "oui"` → `inspiring: true`',
)
entry(
    "liste-attendue",
    "error",
    "attendu : une liste, pas une valeur seule",
    "expected a list, not a single value",
    about="Ce champ est une liste, même quand il n'a qu'un élément.",
    example="`countries: SN` → `countries: [SN]`",
)
entry(
    "valeur-non-permise",
    "error",
    "« {value} » n'est pas permis : choisissez parmi {allowed}",
    "'{value}' is not allowed: use one of {allowed}",
    about="Ce champ n'accepte que quelques valeurs, écrites exactement.",
    example="`status: en cours` → `status: ongoing`",
)
entry(
    "liste-vide",
    "error",
    "il faut au moins un élément",
    "needs at least one item",
    about="Cette liste ne peut pas être vide.",
    example="`themes: []` → `themes: [eau]`",
)
entry(
    "liste-trop-longue",
    "error",
    "a {actual} éléments : {maximum} au plus sont permis",
    "has {actual} items: at most {maximum} are allowed",
    about="Les listes ont une taille maximale (docs/limits.md), pour que pages et PDF "
    "restent lisibles.",
    example="80 thèmes → gardez les plus importants (20 au plus)",
)
entry(
    "texte-vide",
    "error",
    "est vide",
    "is empty",
    about="Le texte ne contient que des espaces.",
    example='`title: " "` → `title: Un puits pour le village`',
)
entry(
    "longueur-texte",
    "error",
    "doit compter {bounds} caractères (il en a {count})",
    "must be {bounds} characters long (it has {count})",
    about="Chaque texte a une longueur minimale et maximale (docs/limits.md).",
    example="un titre de 2 lettres → au moins 3",
)
entry(
    "identifiant-invalide",
    "error",
    "« {value} » n'est pas un id valable : lettres minuscules a-z, chiffres et tirets simples",
    "'{value}' is not a valid id: use lower-case letters a-z, digits and single hyphens",
    about="Un id s'écrit en minuscules sans accents, avec des tirets.",
    example="`id: Eau Potable` → `id: eau-potable`",
)
entry(
    "annee-invalide",
    "error",
    "attendu : une année en chiffres, par exemple 2014",
    "expected a year as a number, e.g. 2014",
    about="Une année s'écrit en quatre chiffres.",
    example="`start: deux mille quatorze` → `start: 2014`",
)
entry(
    "annee-improbable",
    "error",
    "{value} n'est pas une année plausible",
    "{value} is not a plausible year",
    about="L'année doit être entre 1900 et 2100.",
    example="`start: 214` → `start: 2014`",
)
entry(
    "date-invalide",
    "error",
    "attendu : une date écrite AAAA-MM-JJ, par exemple 2022-03-18",
    "expected a date written YYYY-MM-DD, e.g. 2022-03-18",
    about="Les dates s'écrivent année-mois-jour, sans heure.",
    example="`date: 18/03/2022` → `date: 2022-03-18`",
)
entry(
    "date-avec-heure",
    "error",
    "attendu : une date sans heure, écrite AAAA-MM-JJ",
    "expected a date without a time, written YYYY-MM-DD",
    about="Une date ne porte pas d'heure.",
    example="`date: 2022-03-18 10:00` → `date: 2022-03-18`",
)
entry(
    "date-inexistante",
    "error",
    "« {value} » n'est pas une vraie date",
    "'{value}' is not a real date",
    about="Le jour n'existe pas dans le calendrier.",
    example="`date: 2022-02-30` → `date: 2022-02-28`",
)
entry(
    "adresse-invalide",
    "error",
    "« {value} » n'est pas une adresse web valable",
    "'{value}' is not a valid URL",
    about="L'adresse ne peut pas être lue.",
    example="`url: https://[exemple` → `url: https://exemple.org`",
)
entry(
    "adresse-schema",
    "error",
    "une adresse commence par http://, https:// ou mailto: (trouvé : « {value} »)",
    "URL must start with http://, https:// or mailto: (got '{value}')",
    about="Seules les adresses web et de courriel sont acceptées.",
    example="`url: www.exemple.org` → `url: https://www.exemple.org`",
)
entry(
    "adresse-espace",
    "error",
    "l'adresse contient une espace",
    "URL contains a space",
    about="Une adresse web ne contient pas d'espace.",
    example="`https://exemple.org/mon rapport.pdf` → `https://exemple.org/mon%20rapport.pdf`",
)
entry(
    "adresse-sans-hote",
    "error",
    "« {value} » n'a pas de nom de site",
    "'{value}' has no host name",
    about="Après `https://` vient le nom du site.",
    example="`url: https:///rapport` → `url: https://exemple.org/rapport`",
)
entry(
    "courriel-invalide",
    "error",
    "« {value} » n'est pas une adresse de courriel",
    "'{value}' is not an e-mail address",
    about="Après `mailto:` vient une adresse de courriel.",
    example="`mailto:contact` → `mailto:contact@exemple.org`",
)

# --- references ---------------------------------------------------------------------

_UNKNOWN_ABOUT = (
    "L'id ne figure pas dans {where}. Vérifiez l'orthographe (le message propose les ids "
    "les plus proches) ou ajoutez l'entrée avec `python -m generator new {kind}`."
)
entry(
    "pays-inconnu",
    "error",
    "« {value} » n'est pas un code pays ISO 3166-1 (deux lettres)",
    "'{value}' is not an ISO 3166-1 alpha-2 country code",
    about="Les pays s'écrivent par leur code de deux lettres majuscules ; la liste est dans "
    "le guide (« Codes pays »).",
    example="`countries: [Sénégal]` → `countries: [SN]`",
)
entry(
    "organisation-inconnue",
    "error",
    "« {value} » n'est pas un id d'organisation de {registry}",
    "'{value}' is not an organisation id of {registry}",
    about=_UNKNOWN_ABOUT.format(where="content/_data/organisations.yml", kind="organisation"),
    example="`lead: CFSI` → `lead: cfsi`",
)
entry(
    "programme-inconnu",
    "error",
    "« {value} » n'est pas un id de programme de {registry}",
    "'{value}' is not a programme id of {registry}",
    about=_UNKNOWN_ABOUT.format(where="content/_data/programmes.yml", kind="programme"),
    example="`programme: pas` → `programme: pas-2020`",
)
entry(
    "theme-inconnu",
    "error",
    "« {value} » n'est pas un id de thème de {registry}",
    "'{value}' is not a theme id of {registry}",
    about=_UNKNOWN_ABOUT.format(where="content/_data/themes.yml", kind="theme"),
    example="`themes: [eau-potable]` → `themes: [eau]`",
)
entry(
    "fiche-inconnue",
    "error",
    "« {value} » n'est pas une fiche projet (pas de fichier projects/{value}.md)",
    "'{value}' is not a project sheet (no file projects/{value}.md)",
    about="Un exemple d'un compte-rendu nomme une fiche par son nom de fichier, sans `.md`.",
    example="`examples: [puits.md]` → `examples: [puits]`",
)
entry(
    "fiche-brouillon",
    "error",
    "« {value} » est un brouillon (draft: true) : il ne sera pas publié",
    "'{value}' is a draft (draft: true): it will not be published",
    about="Un document publié ne peut pas renvoyer à un brouillon : la page n'existerait "
    "pas. Publiez le brouillon (retirez `draft: true`) ou retirez le renvoi.",
    example="`examples: [puits]` alors que `projects/puits.md` a `draft: true`",
)
entry(
    "licence-inconnue",
    "error",
    "« {value} » n'est pas une licence connue",
    "'{value}' is not a known licence",
    about="Les licences possibles sont listées dans le guide (« Choisir une licence »).",
    example="`licence: CC-BY` → `licence: CC-BY-4.0`",
)

# --- files named by a field ---------------------------------------------------------

entry(
    "chemin-adresse-web",
    "error",
    "attendu : le chemin d'un fichier du dépôt, relatif à ce fichier, pas une adresse web",
    "must be a path relative to this file, not a URL",
    about="Images et rapports sont des fichiers du dépôt, pour que le site ne dépende pas "
    "d'un autre site.",
    example="`src: https://exemple.org/puits.jpg` → enregistrez l'image dans "
    "`projects/images/` et écrivez `src: images/puits.jpg`",
)
entry(
    "chemin-absolu",
    "error",
    "attendu : un chemin relatif à ce fichier, pas un chemin absolu",
    "must be a path relative to this file, not an absolute path",
    about="Un chemin part du dossier du fichier, pas de la racine du disque.",
    example="`src: C:/Images/puits.jpg` → `src: images/puits.jpg`",
)
entry(
    "chemin-antislash",
    "error",
    "« {value} » sépare les dossiers par « \\ »",
    "'{value}' separates folders with '\\'",
    about="Les dossiers se séparent par `/`, même sous Windows.",
    example="`images\\puits.jpg` → `images/puits.jpg`",
)
entry(
    "chemin-type",
    "error",
    "« {value} » n'est pas {what} (attendu : {suffixes})",
    "'{value}' is not {what} (expected {suffixes})",
    about="L'extension du fichier ne convient pas au champ.",
    example="`report: rapport.docx` → exportez-le en PDF : `report: rapport.pdf`",
)
entry(
    "chemin-hors-depot",
    "error",
    "« {value} » désigne un fichier hors du dépôt",
    "'{value}' points outside the repository",
    about="Seuls les fichiers du dépôt sont publiés.",
    example="`src: ../../photos/puits.jpg` → copiez l'image dans le dépôt",
)
entry(
    "fichier-introuvable",
    "error",
    "le fichier « {value} » n'existe pas",
    "file '{value}' does not exist",
    about="Le chemin part du dossier du fichier qui le cite. Le message propose le bon "
    "chemin quand le fichier existe ailleurs dans le dépôt.",
    example="dans `projects/puits.md`, `src: projects/images/puits.jpg` → `src: images/puits.jpg`",
)
entry(
    "svg-actif",
    "error",
    "« {value} » {problem}",
    "'{value}' {problem}",
    about="Une image SVG ne doit contenir ni script ni lien : elle serait exécutée par le "
    "navigateur des lecteurs.",
    example="un SVG exporté avec des scripts → exportez-le en PNG",
)
entry(
    "image-illisible",
    "error",
    "« {value} » {problem}",
    "'{value}' {problem}",
    about="Le fichier n’est pas une image que les navigateurs savent afficher, ou il dépasse "
    "40 mégapixels (8 000 × 5 000) : trop lourd pour une page web ou un PDF. Les cartes des "
    "listes montrent alors un emplacement neutre, le site se construit quand même.",
    example="un .jpg qui est en fait un document Word → enregistrez l'image à nouveau",
)

# --- whole values -------------------------------------------------------------------

entry(
    "en-double",
    "error",
    "« {value} » figure deux fois dans {label} (aussi à l'élément {first})",
    "'{value}' is listed twice in {label} (also item {first})",
    about="Une liste ne répète pas une valeur.",
    example="`themes: [eau, eau]` → `themes: [eau]`",
)
entry(
    "periode-inversee",
    "error",
    "la fin ({end}) précède le début ({start})",
    "end ({end}) is before start ({start})",
    about="L'année de fin vient après l'année de début.",
    example="`start: 2016`, `end: 2014` → échangez-les",
)
entry(
    "porteur-partenaire",
    "error",
    "« {lead} » est le porteur du projet et ne peut pas être aussi partenaire",
    "'{lead}' is the lead (porteur) and cannot also be a partner",
    about="Le porteur (`lead`) n'est pas répété dans `partners`.",
    example="`lead: cfsi`, `partners: [cfsi, fonda]` → `partners: [fonda]`",
)
entry(
    "brouillon-incomplet",
    "warning",
    "brouillon : {field} manque encore (obligatoire avant publication)",
    "draft: {field} is still missing (required before publication)",
    about="Un brouillon (`draft: true`) peut être incomplet ; chaque fait manquant est "
    "signalé, et devient une erreur quand `draft: true` est retiré.",
    example="une fiche `draft: true` sans `lead:` → ajoutez le porteur avant de publier",
)

# --- hints --------------------------------------------------------------------------

entry("indice-ajouter-champ", "hint", "ajoutez « {name}: … »", "add `{name}: …`")
entry("indice-vouliez-vous", "hint", "vouliez-vous dire « {match} » ?", "did you mean '{match}'?")
entry("indice-champs-connus", "hint", "champs possibles : {known}", "known fields: {known}")
entry(
    "indice-indenter",
    "hint",
    "écrivez la ligne {line} ainsi : « {fixed} »",
    "write line {line} as: '{fixed}'",
)
entry(
    "indice-guillemets",
    "hint",
    "mettez-le entre guillemets : {fixed}",
    "put it in quotes: {fixed}",
)
entry(
    "indice-oui-non",
    "hint",
    "écrivez true ou false, sans guillemets",
    "write true or false, without quotes",
)
entry("indice-liste", "hint", "écrivez « {name}: [{source}] »", "write `{name}: [{source}]`")
entry(
    "indice-valeur-ou-retirer",
    "hint",
    "donnez une valeur ou retirez « {name} »",
    "give a value or remove `{name}`",
)
entry(
    "indice-garder-essentiel",
    "hint",
    "gardez les plus importants (limites : docs/limits.md)",
    "keep the most important ones (limits: docs/limits.md)",
)
entry(
    "indice-exemple-id",
    "hint",
    "par exemple « {match} »",
    "for example '{match}'",
)
entry("indice-https", "hint", "écrivez « https://{value} »", "write 'https://{value}'")
entry("indice-espace-url", "hint", "remplacez les espaces par %20", "encode spaces as %20")
entry(
    "indice-deux-lettres",
    "hint",
    "deux lettres majuscules, par exemple SN (liste : content/contribuer.md, « Codes pays »)",
    "use two capital letters, e.g. SN (list: content/contribuer.md, 'Codes pays')",
)
entry(
    "indice-ids-proches",
    "hint",
    "vouliez-vous dire {matches} ?",
    "did you mean {matches}?",
)
entry(
    "indice-liste-ids",
    "hint",
    "les ids possibles sont listés dans {where}",
    "the known ids are listed in {where}",
)
entry(
    "indice-barre-oblique",
    "hint",
    "utilisez « / » : « {forward} »",
    "use '/' instead: '{forward}'",
)
entry(
    "indice-copier-dans-depot",
    "hint",
    "copiez le fichier dans le dépôt et pointez vers la copie",
    "copy the file into the repository and point to it",
)
entry(
    "indice-chemin-relatif",
    "hint",
    "le chemin part du dossier de ce fichier : écrivez « {path} »",
    "the path starts from this file's folder: write '{path}'",
)
entry(
    "indice-svg-png",
    "hint",
    "exportez-le en PNG, ou retirez scripts et liens",
    "export it as PNG, or remove the scripts and links",
)
entry(
    "indice-image-png",
    "hint",
    "enregistrez-la à nouveau en PNG ou JPEG, 2 000 pixels de large au plus pour le web",
    "save it again as PNG or JPEG, at most 2,000 pixels wide for the web",
)
entry("indice-retirer-un", "hint", "retirez l'un des deux", "remove one of them")
entry(
    "indice-retirer-des-partenaires",
    "hint",
    "retirez-le des partenaires",
    "remove it from partners",
)
entry(
    "indice-publier-brouillon",
    "hint",
    "publiez-le (retirez « draft: true ») ou retirez-le d'ici",
    "publish it (remove `draft: true`) or remove it from here",
)

# --- words used inside sentences ------------------------------------------------------

for _key, _fr, _en in (
    ("mot-texte", "un texte", "a text"),
    ("mot-liste", "une liste", "a list"),
    ("mot-champs", "des champs (lignes « nom: valeur »)", "fields (`name: value` lines)"),
    ("mot-ensemble-de-champs", "des champs", "a set of fields"),
    ("mot-oui-non", "oui/non (true/false)", "a yes/no value (boolean)"),
    ("mot-nombre", "un nombre", "a number"),
    ("mot-date", "une date", "a date"),
    ("mot-autre", "une autre sorte de valeur", "another kind of value"),
    ("mot-image", "une image", "an image"),
    ("mot-pdf", "un fichier PDF", "a PDF file"),
    ("mot-ou", " ou ", " or "),
):
    entry(_key, "word", _fr, _en)

entry("mot-cite", "word", "« {value} »", "'{value}'")
entry("mot-entre", "word", "de {low} à {high}", "{low} to {high}")
entry("mot-au-plus", "word", "au plus {high}", "at most {high}")
entry(
    "mot-guide", "word", "et le guide content/contribuer.md", "and the guide content/contribuer.md"
)
entry(
    "valeur-invalide",
    "error",
    "valeur refusée : {detail}",
    "value refused: {detail}",
    about="La valeur ne respecte pas le format du champ ; le message en donne la raison.",
    example="",
)
entry(
    "champ-trop-indente",
    "error",
    "« {name} » est indenté sous « {parent} » mais n'en fait pas partie",
    "'{name}' is indented under '{parent}' but does not belong to it",
    about="Une clé a plus d'espaces en début de ligne que ses voisines : YAML la range dans "
    "le bloc du dessus.",
    example="`status: ongoing` indenté sous `period:` → alignez-le sur `period:`",
)
