"""What validation needs to know beyond one file: the ids that references may name."""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath


@dataclass
class ReferenceContext:
    """Known ids and where the file being validated sits (for relative paths)."""

    root: Path
    organisations: set[str] | None = field(default_factory=set)
    programmes: set[str] | None = field(default_factory=set)
    themes: set[str] | None = field(default_factory=set)
    projects: set[str] | None = field(default_factory=set)
    licences: set[str] | None = field(default_factory=set)
    file_dir: Path | None = None
    """None for a set of ids means "unknown" (its registry could not be read): references
    to it are not checked, so that one broken registry does not bury its own error under
    one message per reference."""
    drafts: dict[str, set[str]] = field(default_factory=dict)
    """Ids of drafts by kind (``projects``): a reference to one is told apart from a typo."""
    data_dir: str = "content/_data"
    """Where the registries are, from the root (named in messages)."""
    search_dirs: tuple[Path, ...] = ()
    """Folders where a file named by a wrong path is looked for, to suggest the right one."""
    _files_by_name: dict[str, list[Path]] | None = None

    def find_file(self, written: PurePosixPath, target: Path) -> tuple[str, bool]:
        """The path, relative to the file being validated, of the file ``written`` meant:
        the same path from the repository's root, else the only file of that name, else a
        close name in the same folder (then True: a typo)."""
        if self.file_dir is None:
            return "", False
        from_root = self.root / Path(*written.parts)
        if from_root.is_file() and from_root != target:
            return _relative(from_root, self.file_dir), False
        if self._files_by_name is None:
            self._files_by_name = {}
            for folder in self.search_dirs:
                for base, dirs, files in os.walk(folder):
                    dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                    for name in files:
                        self._files_by_name.setdefault(name.lower(), []).append(Path(base) / name)
        same = self._files_by_name.get(written.name.lower(), [])
        if len(same) == 1:
            return _relative(same[0], self.file_dir), False
        if not same:
            nearby = []
            if target.parent.is_dir():
                nearby = sorted(p.name for p in target.parent.iterdir() if p.is_file())
            match = closest(written.name, nearby)
            if match:
                return (written.parent / match).as_posix(), True
        return "", False


def _relative(path: Path, start: Path) -> str:
    return PurePosixPath(os.path.relpath(path, start).replace(os.sep, "/")).as_posix()


def closest(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The candidate closest to ``word`` (case-insensitive), if any is close enough."""
    found = nearest(word, candidates, 1, cutoff)
    return found[0] if found else None


def nearest(word: str, candidates: Iterable[str], count: int = 3, cutoff: float = 0.6) -> list[str]:
    """Up to ``count`` candidates closest to ``word`` (case-insensitive), closest first;
    a candidate that contains the word, or is contained in it, counts as close."""
    pool = sorted(set(candidates))
    lowered = {c.lower(): c for c in pool}
    key = word.lower()
    found = difflib.get_close_matches(key, list(lowered), n=count, cutoff=cutoff)
    if len(found) > 1:  # the runners-up only when nearly as close as the best
        scores = [difflib.SequenceMatcher(None, key, c).ratio() for c in found]
        found = [c for c, score in zip(found, scores, strict=True) if score >= scores[0] - 0.1]
    if len(found) < count and len(key) >= 3:
        found += [c for c in lowered if c not in found and (key in c or c in key)][
            : count - len(found)
        ]
    return [lowered[match] for match in found]
