"""Sentences about reading files: encodings, YAML syntax, the folders, Markdown bodies."""

from __future__ import annotations

from ._catalogue import entry

entry(
    "fichier-non-utf8",
    "error",
    "le fichier n'est pas enregistré en UTF-8 (l'octet {byte} ne se lit pas) : il est sans "
    "doute dans un autre encodage, comme Windows-1252 ou Latin-1",
    "file is not valid UTF-8 (byte {byte} cannot be read); it looks like another encoding "
    "such as Windows-1252 or Latin-1",
    about="Les fichiers s'enregistrent en UTF-8 (le choix par défaut des éditeurs "
    "récents) ; un autre encodage abîme les accents.",
    example="un fichier enregistré en « Windows-1252 » → enregistrez-le en UTF-8",
)
entry(
    "fichier-illisible",
    "error",
    "le fichier ne peut pas être lu : {reason}",
    "cannot be read: {reason}",
    about="Le système refuse de lire le fichier (droits, fichier verrouillé…) : ce n'est "
    "pas son contenu qui est en cause.",
    example="un fichier sans droit de lecture → `chmod a+r fichier.md`",
)
entry(
    "yaml-syntaxe",
    "error",
    "erreur de syntaxe YAML : {problem}",
    "YAML syntax error: {problem}",
    about="Le texte ne suit pas la syntaxe YAML ; la ligne indiquée est celle à corriger.",
    example='`title: Bilan: 2022` → `title: "Bilan: 2022"`',
)
entry("indice-utf8", "hint", "enregistrez-le en UTF-8", "save it as UTF-8")
entry(
    "yaml-tabulation",
    "error",
    "une tabulation indente cette ligne : YAML n'accepte que des espaces",
    "a tab indents this line: YAML accepts spaces only",
    about="Les retraits se font avec des espaces (deux par niveau). Une tabulation, souvent "
    "insérée par la touche Tab d'un éditeur mal réglé, rend le texte illisible pour YAML.",
    example="`⇥- eau` → `  - eau`",
)
entry(
    "yaml-tiret-sans-espace",
    "error",
    "il manque une espace après le tiret de cet élément de liste",
    "a space is missing after the dash of this list item",
    about="Un élément de liste s'écrit « - valeur », avec une espace après le tiret ; sans "
    "elle, YAML lit un texte qui commence par un tiret, et la liste n'en est pas une.",
    example="`  -jeunesse` → `  - jeunesse`",
)
entry(
    "yaml-deux-points-sans-espace",
    "error",
    "il manque une espace après les deux-points de ce champ",
    "a space is missing after the colon of this field",
    about="Un champ s'écrit « nom: valeur », avec une espace après « : » ; sans elle, YAML "
    "lit un texte et s'arrête souvent à la ligne suivante.",
    example="`status:ongoing` → `status: ongoing`",
)
entry(
    "yaml-guillemet-non-ferme",
    "error",
    "le guillemet ouvert sur cette ligne n'est jamais refermé",
    "the quote opened on this line is never closed",
    about="Un texte entre guillemets doit se refermer sur la même ligne ; sinon YAML avale "
    "les lignes suivantes et s'arrête plus bas. La ligne indiquée est celle où il s'ouvre.",
    example='`title: "Bilan 2022` → `title: "Bilan 2022"`',
)
entry(
    "yaml-indentation",
    "error",
    "cette ligne n'est pas alignée sur les champs de son bloc",
    "this line is not aligned with the fields of its block",
    about="Les champs d'un même bloc commencent à la même colonne ; ceux d'un sous-bloc "
    "(sous « period: », « image: »…) ont deux espaces de plus.",
    example="`period:` puis `start: 2026` au bord → `  start: 2026`",
)
entry(
    "yaml-crochet",
    "error",
    "un crochet « [ » ou une accolade « {{ » ouvert sur cette ligne n'est pas refermé",
    "a bracket [ or brace {{ opened on this line is not closed",
    about="Une liste écrite sur une ligne, « [a, b] », doit se refermer ; un crochet seul "
    "au début d'un texte doit être entre guillemets.",
    example="`themes: [eau, sante` → `themes: [eau, sante]`",
)
entry(
    "yaml-alias",
    "error",
    "les ancres et alias YAML (& et *) ne sont pas acceptés",
    "anchors and aliases (& and *) are not allowed",
    about="Les ancres permettent de répéter une valeur en YAML ; elles rendent les fichiers "
    "difficiles à relire et servent aux attaques : écrivez chaque valeur en entier.",
    example="`lead: *porteur` → `lead: fonda`",
)
entry(
    "yaml-fusion",
    "error",
    "les clés de fusion YAML (<<) ne sont pas acceptées",
    "merge keys (<<) are not allowed",
    about="Une clé « << » recopie un autre bloc ; écrivez les champs en entier.",
    example="`<<: *base` → les champs de `base` écrits un à un",
)
entry(
    "yaml-etiquette",
    "error",
    "l'étiquette YAML « {tag} » n'est pas acceptée",
    "YAML tag '{tag}' is not allowed",
    about="Les étiquettes (« !! » ou « ! ») changent le type d'une valeur ; le contenu n'en "
    "a pas besoin et elles peuvent servir à des attaques.",
    example="`year: !!str 2022` → `year: 2022`",
)
entry(
    "yaml-cle-complexe",
    "error",
    "un nom de champ doit être un simple mot",
    "a key must be a plain name",
    about="Avant « : » vient le nom du champ, un mot sans crochets ni accolades.",
    example="`[a, b]: x` → `nom: x`",
)
entry(
    "cle-en-double",
    "error",
    "le champ « {key} » est écrit deux fois (d'abord ligne {first})",
    "duplicate key '{key}' (first given at line {first})",
    about="Un champ ne s'écrit qu'une fois par bloc ; YAML ne garderait que le dernier.",
    example="deux lignes `title:` → n'en gardez qu'une",
)
entry(
    "yaml-trop-long",
    "error",
    "le bloc YAML dépasse {limit} octets",
    "the YAML block is larger than {limit} bytes",
    about="Les champs d'un document restent courts ; un bloc très long est le plus souvent "
    "une erreur (un texte collé dans l'en-tête) et ralentirait la vérification.",
    example="un long texte dans `summary:` → déplacez-le dans le corps de la page",
)
entry(
    "yaml-trop-profond",
    "error",
    "le YAML est imbriqué trop profondément",
    "the YAML is nested too deeply",
    about="Le format n'a que quelques niveaux (un bloc dans un champ, une liste de blocs) ; "
    "des dizaines de niveaux sont une erreur ou une attaque.",
    example="`a: [[[[[…]]]]]` → retirez les crochets en trop",
)
entry(
    "caractere-de-controle",
    "error",
    "le texte contient un caractère de contrôle ({char}) que YAML refuse",
    "the text contains a control character ({char}) that YAML does not accept",
    about="Un caractère invisible, souvent collé depuis un autre logiciel, empêche de lire le "
    "fichier.",
    example="un caractère U+0007 invisible → supprimez-le (retapez le mot)",
)
entry(
    "fichier-utf16",
    "error",
    "le fichier est enregistré en UTF-16, pas en UTF-8",
    "the file is saved as UTF-16, not UTF-8",
    about="Certains éditeurs de Windows enregistrent en UTF-16 ; le format attend de l'UTF-8.",
    example="« Unicode » dans le Bloc-notes → choisissez « UTF-8 »",
)
entry(
    "fichier-binaire",
    "error",
    "le fichier contient un caractère nul : est-ce un fichier binaire ?",
    "the file holds a NUL character: is it a binary file?",
    about="Un fichier .md ou .yml contient du texte ; un caractère nul signale un fichier "
    "d'un autre type renommé par erreur.",
    example="un document Word renommé en .md → copiez-en le texte dans un fichier .md",
)
entry(
    "fichier-trop-gros",
    "error",
    "le fichier dépasse {size} Mo",
    "the file is larger than {size} MB",
    about="Une page de texte pèse quelques dizaines de Ko ; au-delà de la limite, le fichier "
    "n'est pas lu (docs/limits.md).",
    example="un tableau de données collé dans une page → publiez-le en fichier joint",
)
entry(
    "fichier-special",
    "error",
    "ce n'est pas un fichier ordinaire (un tube, une socket ou un périphérique) : non lu",
    "not an ordinary file (a pipe, socket or device): not read",
    about="Le dossier du contenu ne contient que des fichiers ordinaires ; les autres ne "
    "sont jamais ouverts, pour que la vérification ne reste pas bloquée.",
    example="un tube nommé dans `projects/` → supprimez-le",
)
entry(
    "entete-non-fermee",
    "error",
    "l'en-tête est ouvert par « --- » mais jamais refermé",
    "the front matter is opened with '---' but never closed",
    about="Les champs d'un document sont entre deux lignes « --- » ; sans la seconde, tout "
    "le fichier serait lu comme des champs.",
    example="ajoutez une ligne `---` après le dernier champ",
)
entry(
    "entete-absente",
    "error",
    "le fichier ne commence pas par un en-tête de champs",
    "the file does not start with a front-matter block",
    about="Une fiche ou un compte-rendu commence par ses champs, entre deux lignes « --- ».",
    example="première ligne `---`, puis les champs, puis `---`",
)
entry(
    "entete-pas-des-champs",
    "error",
    "l'en-tête doit être une suite de champs (lignes « nom: valeur »)",
    "the front matter must be a set of fields (`name: value` lines)",
    about="Entre les deux lignes « --- » viennent des champs ; un texte seul ou une liste "
    "n'en sont pas.",
    example="`- title: Bilan` → `title: Bilan`",
)
entry("yaml-pb-deux-points", "text", "un « : » inattendu", "an unexpected ':'")
entry(
    "yaml-pb-nom-valeur",
    "text",
    "une ligne n'a pas la forme « nom: valeur »",
    "a line is not of the form `name: value`",
)
entry(
    "yaml-pb-indentation",
    "text",
    "l'indentation ne correspond à aucun bloc",
    "the indentation matches no block",
)
entry(
    "yaml-pb-tiret",
    "text",
    "un élément de liste n'est pas aligné sur les autres",
    "a list item is not aligned with the others",
)
entry(
    "yaml-pb-fin",
    "text",
    "le texte s'arrête au milieu d'une valeur",
    "the text ends in the middle of a value",
)
entry(
    "yaml-pb-antislash",
    "text",
    "une barre oblique inverse « \\ » entre guillemets doubles",
    "a backslash '\\' inside double quotes",
)
entry(
    "yaml-pb-caractere",
    "text",
    "une valeur commence par un caractère réservé (@, `, %…)",
    "a value starts with a reserved character (@, `, %…)",
)
entry(
    "indice-yaml-deux-points",
    "hint",
    'un texte qui contient « : » se met entre guillemets : title: "Bilan : 2022"',
    "a text holding ': ' must be quoted: title: \"Bilan : 2022\"",
)
entry(
    "indice-yaml-indentation",
    "hint",
    "vérifiez l'indentation et que chaque champ s'écrit « nom: valeur »",
    "check the indentation and that every field is written `name: value`",
)
entry(
    "indice-guillemet-fermer",
    "hint",
    "vérifiez que chaque guillemet ouvert est refermé",
    "check that every opening quote is closed",
)
entry(
    "indice-antislash",
    "hint",
    "doublez-la (\\\\) ou utilisez des guillemets simples",
    "double it (\\\\) or use single quotes",
)
entry(
    "indice-guillemets-valeur",
    "hint",
    "mettez la valeur entre guillemets",
    "put the value in quotes",
)
entry(
    "indice-crochets",
    "hint",
    "refermez-le, ou mettez la valeur entre guillemets",
    "close it, or quote the value",
)
entry(
    "indice-ecrire-en-entier", "hint", "écrivez la valeur en entier", "write the value out in full"
)
entry("indice-retirer-etiquette", "hint", "retirez l'étiquette", "remove the tag")
entry("indice-garder-un", "hint", "n'en gardez qu'un", "keep only one of them")
entry(
    "indice-retirer-caractere",
    "hint",
    "supprimez-le (il est souvent collé par accident)",
    "remove it (it is often pasted in by accident)",
)
entry(
    "indice-diviser",
    "hint",
    "divisez-le, ou sortez les longues données de la page",
    "split it, or move large data out of the page",
)
entry("indice-retirer-fichier", "hint", "supprimez-le", "remove it")
entry(
    "indice-fermer-entete",
    "hint",
    "ajoutez une ligne « --- » après le dernier champ",
    "add a line '---' after the last field",
)
entry(
    "indice-ouvrir-entete",
    "hint",
    "mettez d'abord une ligne « --- », puis les champs, puis une autre ligne « --- »",
    "put a line '---' first, then the fields, then another '---'",
)
