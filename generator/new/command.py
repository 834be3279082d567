"""``python -m generator new KIND TITLE``: a correct starting point, never over a file.

The steps: the options' facts, the questions a terminal gets for the others, the text
(:mod:`.starting_points`), the checker's verdict on it (:mod:`.known`), a free name or id,
the write (:mod:`.files`), and what to do next. A problem at any step writes nothing.

Why it is split: :mod:`.documents` and :mod:`.entries` write; :mod:`.saying` says what is
wrong, by option; this module reads the command line and asks the questions.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..messages import Said, say, text
from ..settings import load_settings
from .asking import Terminal, ask_missing, person, readline_terminal
from .documents import new_document
from .entries import new_entry, open_registry
from .kinds import KINDS, LIST_FACTS, Kind
from .known import Known, check_document, check_entry, read_known
from .naming import folder_of, places_of
from .saying import fact_of, refuse, said_line
from .starting_points import Facts, document_text, entry_text

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
        metavar="SLUG",
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
        return refuse(problems)
    facts, problems = _facts_from_options(kind, args)
    title = (args.title or "").strip()
    if problems:
        return refuse(problems)
    if not root.is_dir():
        return refuse([text("cmd-pas-un-dossier", root=root)])
    if not (root / "mkdocs.yml").is_file():  # never start content where there is no site
        return refuse([text("cmd-projet-introuvable", root=root)])
    settings = load_settings(root)
    known = read_known(settings)
    for registry in known.registries.values():
        if registry.problem and registry.name != kind.registry:
            said = say(
                "new-registre-non-lu", path=settings.rel(registry.path), reason=registry.problem
            )
            print(text("cmd-avertissement") + said_line(said), file=sys.stderr)
    if not kind.is_document:
        unreadable = open_registry(kind, known)
        if isinstance(unreadable, str):  # before any question: it would be asked for nothing
            return refuse([unreadable])
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
        return refuse([said_line(say("new-titre-manquant", kind=args.kind))])
    if kind.is_document:
        return new_document(kind, args, title, facts, known)
    return new_entry(kind, args, title, facts, known)


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
            found.append(said_line(said))
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
                problems.append(said_line(said))
                continue
            value = value[0]
        facts[fact] = [person(v) for v in value] if fact == "authors" else value
    for value in [args.title, args.ident, *_texts(facts)]:
        if isinstance(value, str) and _unreadable(value):
            problems.append(
                said_line(
                    say("new-texte-illisible", value=value.encode("utf-8", "replace").decode())
                )
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


def _answer_problems(kind: Kind, fact: str, title: str, facts: Facts, known: Known) -> list[str]:
    """What ``check`` says of one answer (the lines shown before it is asked again)."""
    settings = known.settings
    if kind.is_document:
        folder = folder_of(kind, settings)
        found = check_document(
            kind,
            document_text(kind, title, facts, True, places_of(settings)),
            settings.rel(folder / "nouveau.md"),
            known,
            folder,
        )
    else:
        registry = open_registry(kind, known)
        if isinstance(registry, str):
            return []  # said once the questions are over
        whole, _addition = registry.with_entry(
            entry_text(kind, "nouvel-id", title, facts, places_of(settings))
        )
        found, _line_number = check_entry(kind, whole, registry.rel, known, registry.entries)
    return [
        said_line(Said(d.code, d.message, d.suggestion))
        for d in found
        if d.is_error and fact_of(kind, d.field) == fact
    ]


def run_from_cli(args: argparse.Namespace, root: Path) -> int:
    """The terminal asks only when both input and output are one (not in a script)."""
    terminal = readline_terminal() if sys.stdin.isatty() and sys.stdout.isatty() else None
    return main(args, root, terminal)
