"""``python -m generator new KIND TITLE``: a correct starting point, never over a file.

The steps: the options' facts, the questions a terminal gets for the others, the text
(:mod:`.starting_points`), the checker's verdict on it (:mod:`.known`), a free name or id,
the write (:mod:`.files`), and what to do next. A problem at any step writes nothing.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic
from ..french import slug as slug_of
from ..messages import Said, say, text
from ..read.sourcefile import read_text
from ..read.yamlsource import YamlProblem
from ..settings import Settings, load_settings
from ..validate.schema import MAX_SLUG, SLUG_RE
from . import files
from .asking import Terminal, ask_missing, person, readline_terminal
from .kinds import KINDS, LIST_FACTS, Kind
from .known import Known, check_document, check_entry, read_known
from .starting_points import Facts, Places, document_text, entry_text

REPEATED = ("partner", "country", "place", "theme", "organisation", "author", "example")
SINGLE = (
    "summary",
    "programme",
    "lead",
    "year",
    "end",
    "status",
    "date",
    "event",
    "short_name",
    "url",
    "description",
)
_HELP = {
    "summary": "the summary (sheet, write-up)",
    "programme": "programme id (sheet, write-up)",
    "lead": "id of the organisation that carries the project (sheet)",
    "year": "start year (sheet), launch year (programme)",
    "end": "end year (sheet)",
    "status": "planned, ongoing or completed (sheet)",
    "date": "day of the session, YYYY-MM-DD (write-up)",
    "event": "the gathering the session was part of (write-up)",
    "short_name": "acronym or short name (organisation, programme)",
    "url": "web address (organisation, programme)",
    "description": "a few sentences (organisation, programme, theme)",
    "partner": "partner organisation id (sheet; repeatable)",
    "country": "ISO country code (sheet: repeatable; organisation: one)",
    "place": "a place name (sheet; repeatable)",
    "theme": "theme id (sheet, write-up; repeatable)",
    "organisation": "organisation id (write-up: repeatable; programme: the one running it)",
    "author": "an author, 'Name' or 'Name:organisation-id' (write-up; repeatable)",
    "example": "name of a sheet presented as an inspiring example (write-up; repeatable)",
}
WRITTEN = {"sheet": "new-ecrit-fiche", "writeup": "new-ecrit-compte-rendu"}
APPENDED = {
    "organisation": ("new-ajoute-organisation", "new-etape-citer-organisation"),
    "programme": ("new-ajoute-programme", "new-etape-citer-programme"),
    "theme": ("new-ajoute-theme", "new-etape-citer-theme"),
}
_FIRST_ITEM = re.compile(r"^( *)-(?: |$)", re.MULTILINE)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "kind",
        choices=list(KINDS),
        metavar="KIND",
        help="sheet (fiche), writeup (compte-rendu), organisation, programme or theme (thème)",
    )
    parser.add_argument("title", nargs="?", default=None, metavar="TITLE", help="its title or name")
    parser.add_argument(
        "--slug",
        "--id",
        dest="ident",
        default=None,
        help="the file's name without .md, or the entry's id (default: made from the title)",
    )
    for name in SINGLE:
        parser.add_argument(f"--{name.replace('_', '-')}", dest=name, help=_HELP[name])
    for name in REPEATED:
        parser.add_argument(f"--{name}", dest=name, action="append", default=None, help=_HELP[name])
    parser.add_argument(
        "--no-draft",
        action="store_true",
        help="write a complete document, without draft: true (every required fact must be given)",
    )


def main(args: argparse.Namespace, root: Path, terminal: Terminal | None = None) -> int:
    """Run ``new``; ``terminal`` asks for what is missing (None: ask nothing)."""
    kind = KINDS[args.kind]
    problems = _wrong_options(kind, args)
    if problems:
        return _refuse(problems)
    facts, problems = _facts_from_options(kind, args)
    title = (args.title or "").strip()
    if problems:
        return _refuse(problems)
    if not root.is_dir():
        return _refuse([text("cmd-pas-un-dossier", root=root)])
    settings = load_settings(root)
    known = read_known(settings)
    for registry in known.registries.values():
        if registry.problem and registry.name != kind.registry:
            said = say(
                "new-registre-non-lu", path=settings.rel(registry.path), reason=registry.problem
            )
            print(text("cmd-avertissement") + _line(said), file=sys.stderr)
    if terminal is not None:
        try:
            title, facts = ask_missing(
                kind,
                title,
                facts,
                terminal,
                known.candidates,
                lambda fact, trial_title, trial: _answer_problems(
                    kind, fact, trial_title, trial, known
                ),
            )
        except KeyboardInterrupt:
            print("\n" + text("new-interrompu"), file=sys.stderr)
            return 130
    if not title:
        return _refuse([_line(say("new-titre-manquant", kind=args.kind))])
    if kind.is_document:
        return _new_document(kind, args, title, facts, known)
    return _new_entry(kind, args, title, facts, known)


def _wrong_options(kind: Kind, args: argparse.Namespace) -> list[str]:
    found = []
    allowed = set(kind.options)
    for name in (*SINGLE, *REPEATED, "no_draft"):
        given = getattr(args, name)
        if given not in (None, [], False) and name not in allowed:
            if name == "no_draft" and kind.is_document:
                continue
            options = ", ".join(f"--{o.replace('_', '-')}" for o in kind.options)
            said = say(
                "new-option-inutile",
                hint="new-indice-options-possibles",
                option=f"--{name.replace('_', '-')}",
                what=text(kind.word),
                options=options + (", --no-draft" if kind.is_document else ""),
            )
            found.append(_line(said))
    return found


def _facts_from_options(kind: Kind, args: argparse.Namespace) -> tuple[Facts, list[str]]:
    facts: Facts = {}
    problems = []
    for option, fact in kind.options.items():
        value = getattr(args, option)
        if value in (None, []):
            continue
        if isinstance(value, list) and fact not in LIST_FACTS:
            if len(value) > 1:
                said = say(
                    "new-une-seule-valeur",
                    option=f"--{option}",
                    what=text(kind.word),
                    count=len(value),
                )
                problems.append(_line(said))
                continue
            value = value[0]
        facts[fact] = [person(v) for v in value] if fact == "authors" else value
    for value in [args.title, args.ident, *_texts(facts)]:
        if isinstance(value, str) and _unreadable(value):
            problems.append(
                _line(say("new-texte-illisible", value=value.encode("utf-8", "replace").decode()))
            )
    return facts, problems


def _texts(facts: Facts) -> list[str]:
    out: list[str] = []
    for value in facts.values():
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, list):
            for item in value:
                out += list(item) if isinstance(item, tuple) else [item]
    return out


def _unreadable(value: str) -> bool:
    """Bytes that were not UTF-8 on the command line (Python keeps them as surrogates)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


# --- documents ---------------------------------------------------------------------------


def _folder(kind: Kind, settings: Settings) -> Path:
    return settings.projects_dir if kind.name == "sheet" else settings.writeups_dir


def _places(settings: Settings) -> Places:
    return Places(settings.rel(settings.data_dir), settings.rel(settings.projects_dir))


def _new_document(
    kind: Kind, args: argparse.Namespace, title: str, facts: Facts, known: Known
) -> int:
    settings = known.settings
    folder = _folder(kind, settings)
    if args.ident is not None:
        if not SLUG_RE.match(args.ident) or len(args.ident) > MAX_SLUG:
            suggestion = slug_of(args.ident)[:MAX_SLUG]
            said = say(
                "identifiant-invalide",
                hint="indice-exemple-id" if suggestion else "",
                value=args.ident,
                match=suggestion,
            )
            return _refuse([_option_line("--slug", said)])
        name = args.ident
    else:
        name = _free_name(slug_of(title), _taken_names(folder))
        if not name:
            return _refuse(
                [_line(say("new-slug-vide", hint="new-indice-donner-slug", title=title))]
            )
    path = folder / f"{name}.md"
    rel = settings.rel(path)
    draft = not args.no_draft
    found = check_document(
        kind, document_text(kind, title, facts, True, _places(settings)), rel, known, folder
    )
    errors = [d for d in found if d.is_error]
    if errors:
        return _refuse([_diagnostic_line(kind, d) for d in errors])
    missing = [d.field for d in found if d.code == "brouillon-incomplet"]
    if missing and not draft:
        said = say(
            "new-faits-manquants", hint="new-indice-options-ou-brouillon", fields=", ".join(missing)
        )
        return _refuse([_line(said)])
    content = document_text(kind, title, facts, draft, _places(settings))
    try:
        files.write_new(path, content)
    except files.Taken:
        hint = "new-indice-autre-slug"
        return _refuse([_line(say("new-fichier-existe", hint=hint, path=rel))])
    except OSError as error:
        print(
            text("cmd-erreur")
            + _line(say("new-ecriture-impossible", path=rel, reason=error.strerror)),
            file=sys.stderr,
        )
        return 1
    print(text(WRITTEN[kind.name], path=rel) + (text("new-en-brouillon") if draft else ""))
    if missing:
        print(text("new-encore-a-ecrire", fields=", ".join(missing)))
    print(text("new-ensuite"))
    print(text("new-etape-completer", data_dir=settings.rel(settings.data_dir)))
    print(text("new-etape-verifier"))
    print(text("new-etape-publier") if draft else text("new-etape-relire"))
    return 0


def _taken_names(folder: Path) -> set[str]:
    """Names of the folder's Markdown files, in lower case (``X.md`` takes ``x`` where
    the file system ignores case)."""
    if not folder.is_dir():
        return set()
    return {p.stem.lower() for p in folder.iterdir() if p.suffix.lower() in (".md", ".markdown")}


def _free_name(base: str, taken: set[str]) -> str:
    """``base``, else ``base-2``, ``base-3``…: the first not taken, at most 80 characters."""
    if not base:
        return ""
    number = 1
    while True:
        suffix = "" if number == 1 else f"-{number}"
        candidate = base[: MAX_SLUG - len(suffix)].rstrip("-") + suffix
        if candidate not in taken:
            return candidate
        number += 1


# --- registry entries --------------------------------------------------------------------


@dataclass
class _Registry:
    """A registry as it is before the entry: where to write, and what it holds."""

    target: Path
    rel: str
    before_bytes: bytes
    before_text: str
    entries: list[Any]

    def with_entry(self, entry: str) -> tuple[str, str]:
        """The registry's text with ``entry`` appended, and what is appended (the entry
        indented as the registry's first item, after a blank line)."""
        indent = _FIRST_ITEM.search(self.before_text)
        if indent and indent.group(1):
            entry = "".join(
                indent.group(1) + line if line.strip() else line for line in entry.splitlines(True)
            )
        before = self.before_text
        separator = "" if not before else ("\n" if before.endswith("\n") else "\n\n")
        return before + separator + entry, separator + entry


def _registry(kind: Kind, known: Known) -> _Registry | str:
    """The registry ``kind`` appends to, or why it cannot be (a line to print)."""
    settings = known.settings
    registry = known.registries[kind.registry]
    rel = settings.rel(registry.path)
    reason = registry.problem
    target = registry.path
    before_bytes, before_text = b"", ""
    if not reason and (target.is_symlink() or target.exists()):
        target = target.resolve()
        if not target.is_relative_to(settings.root.resolve()):
            reason = text("new-lien-hors-depot")
        else:
            try:
                before_bytes = target.read_bytes()
                before_text = read_text(target, markdown=False)
            except YamlProblem as problem:
                reason = problem.message
            except OSError as error:
                reason = str(error.strerror)
    if reason:
        said = say(
            "new-registre-illisible", hint="new-indice-lancer-check", path=rel, reason=reason
        )
        return _line(said)
    entries = list(registry.located.data or []) if registry.located else []
    return _Registry(target, rel, before_bytes, before_text, entries)


def _new_entry(kind: Kind, args: argparse.Namespace, title: str, facts: Facts, known: Known) -> int:
    settings = known.settings
    registry = _registry(kind, known)
    if isinstance(registry, str):
        return _refuse([registry])
    ids = known.registries[kind.registry].ids or set()
    if args.ident is not None:
        entry_id = args.ident
        if entry_id in ids:
            said = say("new-id-pris", hint="new-indice-autre-id", id=entry_id, path=registry.rel)
            return _refuse([_line(said)])
    else:
        entry_id = _free_name(slug_of(title), ids)
        if not entry_id:
            said = say("new-slug-vide", hint="new-indice-donner-slug", title=title)
            return _refuse([_line(said)])
    whole, addition = registry.with_entry(
        entry_text(kind, entry_id, title, facts, _places(settings))
    )
    found, line = check_entry(kind, whole, registry.rel, known, registry.entries)
    errors = [d for d in found if d.is_error]
    if errors:
        return _refuse([_diagnostic_line(kind, d) for d in errors])
    newline = "\r\n" if b"\r\n" in registry.before_bytes else "\n"
    try:
        if registry.target.exists():
            files.append(
                registry.target,
                registry.before_bytes,
                addition.replace("\n", newline).encode("utf-8"),
            )
        else:
            files.write_new(registry.target, addition)
    except (files.Changed, files.Taken):
        said = say("new-registre-change", hint="new-indice-relancer", path=registry.rel)
        return _refuse([_line(said)])
    except OSError as error:
        said = say("new-ecriture-impossible", path=registry.rel, reason=error.strerror)
        print(text("cmd-erreur") + _line(said), file=sys.stderr)
        return 1
    added, cite = APPENDED[kind.name]
    print(text(added, id=entry_id, path=registry.rel, line=line))
    print(text("new-ensuite"))
    print(text("new-etape-completer-entree"))
    print(text("new-etape-verifier"))
    print(text(cite, id=entry_id))
    return 0


# --- saying it ---------------------------------------------------------------------------


def _line(said: Said) -> str:
    hint = f" ({said.suggestion})" if said.suggestion else ""
    return f"{said.message}{hint} [{said.code}]"


def _option_line(option: str, said: Said) -> str:
    return text("new-option-probleme", option=option, problem=_line(said))


def _refuse(lines: list[str]) -> int:
    for line in lines:
        print(text("cmd-erreur") + line, file=sys.stderr)
    print(text("new-rien-ecrit"), file=sys.stderr)
    return 2


def _fact_of(kind: Kind, field: str) -> str:
    """The fact a diagnostic's field path is about: ``partners[2]`` -> ``partners``,
    ``period.start`` -> ``start``, ``organisations[9].country`` -> ``country``."""
    if kind.registry and field.startswith(kind.registry + "["):
        field = field.split(".", 1)[1] if "." in field else "id"
    head = field.split("[", 1)[0].split(".", 1)[0]
    if head == "period" and "." in field:
        return field.split(".", 1)[1]
    return head


def _option_of(kind: Kind, fact: str) -> str:
    if fact == kind.title_field:
        return text("new-mot-titre")
    if fact == "id":
        return "--id"
    options = [option for option, of in kind.options.items() if of == fact]
    return f"--{options[0].replace('_', '-')}" if options else fact


def _diagnostic_line(kind: Kind, diagnostic: Diagnostic) -> str:
    fact = _fact_of(kind, diagnostic.field)
    option = _option_of(kind, fact)
    where = (
        option if diagnostic.field in (fact, kind.title_field) else f"{option} ({diagnostic.field})"
    )
    said = Said(diagnostic.code, diagnostic.message, diagnostic.suggestion)
    return text("new-option-probleme", option=where, problem=_line(said))


def _answer_problems(kind: Kind, fact: str, title: str, facts: Facts, known: Known) -> list[str]:
    """What ``check`` says of one answer (the lines shown before it is asked again)."""
    settings = known.settings
    if kind.is_document:
        folder = _folder(kind, settings)
        found = check_document(
            kind,
            document_text(kind, title, facts, True, _places(settings)),
            settings.rel(folder / "nouveau.md"),
            known,
            folder,
        )
    else:
        registry = _registry(kind, known)
        if isinstance(registry, str):
            return []  # said once the questions are over
        whole, _addition = registry.with_entry(
            entry_text(kind, "nouvel-id", title, facts, _places(settings))
        )
        found, _line_number = check_entry(kind, whole, registry.rel, known, registry.entries)
    return [
        _line(Said(d.code, d.message, d.suggestion))
        for d in found
        if d.is_error and _fact_of(kind, d.field) == fact
    ]


def run_from_cli(args: argparse.Namespace, root: Path) -> int:
    """The terminal asks only when both input and output are one (not in a script)."""
    terminal = readline_terminal() if sys.stdin.isatty() and sys.stdout.isatty() else None
    return main(args, root, terminal)
