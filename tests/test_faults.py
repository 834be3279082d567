"""Faults never lose the site: killed builds, two builds at once, Ctrl-C, a cache that
cannot be written. Each test starts from a complete site and checks it is still complete,
byte for byte, after the fault, and that the next build cleans what the fault left."""

from __future__ import annotations

import fcntl
import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.site_folder import BUILDING_MARKER, SiteFolderError, install_site, lock_path

from .conftest import ROOT
from .helpers import example_site, run_cli
from .optional_tools import missing, need_program


def tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("faults") / "repo"
    example_site(root)
    done = run_cli("build", "--root", str(root), timeout=300)
    assert done.returncode == 0, done.stderr
    site = root / "site"
    return root, site, tree(site)


def start_build(root: Path, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "build", "--root", str(root)],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "PK_LANG": "en", **(env or {})},
        # Ctrl-C as in a terminal: a shell running the tests in the background (`… &`)
        # makes its children ignore SIGINT, and Python keeps an ignored signal ignored
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    found: set[int] = set()
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc (Linux)")
@pytest.mark.parametrize("delay", [0.5, 1.5, 2.5])
def test_a_killed_build_leaves_the_site_whole_and_no_process(
    built: tuple[Path, Path, dict[str, str]], delay: float
) -> None:
    root, site, before = built
    # a changed sheet, so that the build has PDFs to render when it is killed
    sheet = root / "projects" / "femmes-poisson-seche-senegal.md"
    original = sheet.read_text("utf-8")
    sheet.write_text(original + f"\nAjout {delay}.\n", "utf-8")
    try:
        # fontTools subsetting (another cache key, slower): every PDF is made again, so the
        # build is still running at each delay
        process = start_build(root, {"PK_FONT_SUBSET": "fonttools"})
        time.sleep(delay)
        workers = descendants(process.pid)
        assert process.poll() is None, "the build ended before it could be killed"
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=30)
        assert tree(site) == before  # the old site, complete, at every moment
        deadline = time.monotonic() + 10
        while any(alive(p) for p in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [p for p in workers if alive(p)], "workers outlived their build"
    finally:
        sheet.write_text(original, "utf-8")
    again = run_cli("build", "--root", str(root), timeout=300)
    assert again.returncode == 0, again.stderr
    assert tree(site) == before
    assert not list(root.glob(".site.building-*"))


def test_ctrl_c_ends_cleanly(built: tuple[Path, Path, dict[str, str]]) -> None:
    root, site, before = built
    # a changed sheet, so that the build still has a PDF to make when it is interrupted
    # (on a machine where fontTools is already the subsetter, the other cache key alone
    # left nothing to do: the build ended before the signal)
    sheet = root / "projects" / "femmes-poisson-seche-senegal.md"
    original = sheet.read_text("utf-8")
    sheet.write_text(original + "\nAjout avant Ctrl-C.\n", "utf-8")
    try:
        process = start_build(root, {"PK_FONT_SUBSET": "fonttools"})  # a different cache key
        time.sleep(1.5)
        assert process.poll() is None, "the build ended before it could be interrupted"
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=60)
    finally:
        sheet.write_text(original, "utf-8")
    assert process.returncode == 130, err
    assert "build interrupted" in err and "Traceback" not in err
    assert tree(site) == before
    assert not list(root.glob(".site.building-*"))


def test_a_second_build_at_the_same_time_is_refused(
    built: tuple[Path, Path, dict[str, str]],
) -> None:
    root, site, before = built
    with lock_path(site.resolve()).open("a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # as a running build holds it
        second = run_cli("build", "--root", str(root), timeout=120)
        fcntl.flock(lock, fcntl.LOCK_UN)
    assert second.returncode == 1
    assert "another build is writing" in second.stderr and "Traceback" not in second.stderr
    assert tree(site) == before


def test_a_cache_that_cannot_be_written_is_the_machine(
    built: tuple[Path, Path, dict[str, str]], tmp_path: Path
) -> None:
    root, site, before = built
    blocked = tmp_path / "cache-is-a-file"
    blocked.write_text("not a folder", "utf-8")
    config = (root / "mkdocs.yml").read_text("utf-8")
    (root / "mkdocs.yml").write_text(
        config.replace(
            "      projects_dir: projects",
            f"      projects_dir: projects\n      cache_dir: {blocked}/pdf",
        ),
        "utf-8",
    )
    try:
        failed = run_cli("build", "--root", str(root), timeout=300)
    finally:
        (root / "mkdocs.yml").write_text(config, "utf-8")
    assert failed.returncode == 1
    assert "cannot write the PDF cache" in failed.stderr
    assert "content error" not in failed.stderr and "Traceback" not in failed.stderr
    assert tree(site) == before


def test_a_mount_point_is_not_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    new, target = tmp_path / ".site.building-x", tmp_path / "site"
    new.mkdir()
    (new / BUILDING_MARKER).write_text("x")
    target.mkdir()
    (target / "index.html").write_text("old")
    monkeypatch.setattr(os.path, "ismount", lambda path: Path(path) == target)
    with pytest.raises(SiteFolderError, match="is a mount point"):
        install_site(new, target)
    assert (target / "index.html").read_text() == "old"


def test_the_exchange_swaps_in_one_step(tmp_path: Path) -> None:
    new, target = tmp_path / ".site.building-x", tmp_path / "site"
    new.mkdir()
    (new / "index.html").write_text("new")
    target.mkdir()
    (target / "index.html").write_text("old")
    install_site(new, target)
    assert (target / "index.html").read_text() == "new"
    assert not new.exists()


def test_a_read_only_project_is_the_machine_and_says_what_to_do(tmp_path: Path) -> None:
    """The project belongs to someone else and nobody may write in it.

    The build runs as root in a user namespace (``unshare -r``), where the files of an
    unmapped owner cannot be written even by root, as for any ordinary user."""
    unshare = need_program("unshare", "util-linux", "runs a build without write permission")
    if subprocess.run([unshare, "-r", "true"], capture_output=True).returncode != 0:
        missing("user namespaces are not available: cannot run a build without permissions")
    root = tmp_path / "repo"
    example_site(root)
    for path in [root, *root.rglob("*")]:
        os.chown(path, 65534, 65534, follow_symlinks=False)
        os.chmod(path, 0o555 if path.is_dir() else 0o444)
    failed = subprocess.run(
        [unshare, "-r", sys.executable, "-m", "generator", "build"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert failed.returncode == 1, failed.stderr
    assert f"cannot create the site beside {root / 'site'} (Permission denied)" in failed.stderr
    assert "--site-dir" in failed.stderr
    assert "content error" not in failed.stderr and "Traceback" not in failed.stderr
    elsewhere = subprocess.run(
        [
            unshare,
            "-r",
            sys.executable,
            "-m",
            "generator",
            "build",
            "--site-dir",
            str(tmp_path / "out"),
        ],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert elsewhere.returncode == 1, elsewhere.stderr
    assert "environment: cannot write the PDF cache" in elsewhere.stderr
    assert "content error" not in elsewhere.stderr and "Traceback" not in elsewhere.stderr
    assert not (root / "site").exists() and not (tmp_path / "out").exists()
