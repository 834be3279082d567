"""What each optimisation of ``check`` and ``build`` saves: switched off one at a time.

An optimisation stays in the code only where it saves at least 5 % of the command at 5,000
sheets (docs/architecture.md); the figure measured here is written beside it. Each variant
runs in a fresh process, with the one optimisation undone by a patch, on the same demo
corpus, PDFs off; baselines run first and last, so the machine's drift shows::

    .venv/bin/python bench/tricks.py --sheets 5000 [--repeat 1]

Writes a table to standard output (and ``--out FILE`` if given).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _no_fragment_cache() -> None:
    from markupsafe import Markup

    from generator.render import fragment_cache

    def render_each_time(
        self: object, *key: str | None, caller: Callable[[], str], slot: str | None = None
    ) -> Markup:
        html = Markup(caller())
        slot_mark = fragment_cache.SLOT
        return html if slot is None else Markup(str.replace(html, slot_mark, slot))

    fragment_cache.FragmentCache.__call__ = render_each_time  # type: ignore[method-assign]


def _no_card_cache() -> None:
    from markupsafe import Markup, escape

    from generator.render import page_specs, site_plan

    def card(self: site_plan._Planner, template: str, name: str, doc: object, href: str) -> Markup:
        html = self.env.get_template(template).render({name: doc, "href": page_specs.HREF_SLOT})
        return Markup(html.replace(page_specs.HREF_SLOT, str(escape(href))))

    site_plan._Planner.card = card  # type: ignore[method-assign, assignment]


def _bodies_here() -> None:
    from generator.render import body_pool

    body_pool.worker_count = lambda jobs, requested=None: 1


def _search_after_planning() -> None:
    from generator import site_run

    def add(self: site_run.SearchFeed, pages: list[object]) -> None:
        self.__dict__.setdefault("held", []).extend(pages)

    original_add = site_run.SearchFeed.add

    def close(self: site_run.SearchFeed) -> None:
        original_add(self, self.__dict__.pop("held", []))
        self.run.start()

    site_run.SearchFeed.add = add  # type: ignore[method-assign, assignment]
    site_run.SearchFeed.close = close  # type: ignore[method-assign]


def _markdown_on_stubs() -> None:
    from generator.adapter import plugin

    del plugin.ProgrammePlugin.on_pre_page


def _gc_not_frozen() -> None:
    from generator.adapter import plugin

    class Collector:
        @staticmethod
        def freeze() -> None:  # the catalogue and plan stay in the collector's passes
            return None

        @staticmethod
        def unfreeze() -> None:
            return None

    plugin.gc = Collector  # type: ignore[attr-defined, assignment]


def _check_one_process() -> None:
    from generator import loader

    loader.PARALLEL_MIN = 10**9


BUILD_TRICKS: dict[str, Callable[[], None]] = {
    "menu, header and footer rendered once per folder (pk_cached)": _no_fragment_cache,
    "cards rendered once per document": _no_card_cache,
    "bodies rendered on every core (body_pool)": _bodies_here,
    "search copies written while pages are planned (SearchFeed)": _search_after_planning,
    "no Markdown pass over the stubs of planned pages (on_pre_page)": _markdown_on_stubs,
    "catalogue and plan out of the collector's passes while MkDocs renders (gc.freeze)": (
        _gc_not_frozen
    ),
}
CHECK_TRICKS: dict[str, Callable[[], None]] = {
    "part of the files read by a forked process": _check_one_process,
}


def _child(command: str, variant: str, root: Path, site: Path) -> int:
    """In a fresh process: undo one trick, run the command, print its seconds."""
    os.environ["PROGRAMME_PDF"] = "0"
    patch = {**BUILD_TRICKS, **CHECK_TRICKS}.get(variant)
    if patch is not None:
        patch()
    started = time.perf_counter()
    if command == "check":
        from generator.cli import check

        code = check(root, "text", False)
    else:
        from generator.adapter import engine

        engine.use("mkdocs")
        from generator.adapter.build import build_site

        code = build_site(root, site)
    print(f"SECONDS {time.perf_counter() - started:.3f}")
    return code


def _run(command: str, variant: str, root: Path, site: Path) -> float:
    done = subprocess.run(
        [sys.executable, __file__, "--child", command, variant, str(root), str(site)],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = [line for line in done.stdout.splitlines() if line.startswith("SECONDS ")]
    if done.returncode != 0 or not seconds:
        raise SystemExit(f"{command} {variant!r} failed:\n{done.stdout}\n{done.stderr}")
    return float(seconds[-1].split()[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sheets", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--child", nargs=4, metavar=("COMMAND", "VARIANT", "ROOT", "SITE"))
    args = parser.parse_args()
    if args.child:
        command, variant, root, site = args.child
        return _child(command, variant, Path(root), Path(site))
    from generator.demo import generate_corpus

    work = Path(tempfile.mkdtemp(prefix="pk-tricks-"))
    try:
        generate_corpus(work / "corpus", args.sheets, args.sheets // 10, seed=0)
        shutil.copytree(ROOT / "theme", work / "corpus" / "theme", dirs_exist_ok=True)
        rows = []
        for command, tricks in (("check", CHECK_TRICKS), ("build", BUILD_TRICKS)):
            site = work / "site"

            def timed(variant: str, command: str = command, site: Path = site) -> float:
                return statistics.median(
                    _run(command, variant, work / "corpus", site) for _ in range(args.repeat)
                )

            _run(command, "", work / "corpus", site)  # warm the file cache
            before = timed("")
            variants = {name: timed(name) for name in tricks}
            after = timed("")
            base = statistics.mean([before, after])
            rows.append(f"| `{command}`, all optimisations | {before:.2f} s, {after:.2f} s | — |")
            for name, seconds in variants.items():
                gain = (seconds - base) / seconds * 100
                rows.append(f"| `{command}` without: {name} | {seconds:.2f} s | {gain:+.0f} % |")
        table = "\n".join(
            [
                f"{args.sheets:,} sheets, {args.sheets // 10:,} write-ups, PDFs off, "
                f"median of {args.repeat} run(s), {os.cpu_count()} cores.",
                "",
                "| variant | time | saved by the optimisation |",
                "| --- | --- | --- |",
                *rows,
            ]
        )
        print(table)
        if args.out:
            args.out.write_text(table + "\n", encoding="utf-8")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
