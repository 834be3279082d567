"""``python -m generator edit`` (``make edit``): the browser editor on the working copy.

Starts Decap's local backend (``decap-server``, installed by ``tools/decap/install.sh``) on
127.0.0.1:8081, pointed at the repository, then the site's preview (``mkdocs serve``) on
127.0.0.1:8000: the forms at admin/ (http://127.0.0.1:8000/savoirs/admin/ for the example
site, whose site_url ends in /savoirs/) write the Markdown and YAML files
into the working copy, and the preview rebuilds the page. Both listen on the loopback
address only (whoever reaches decap-server writes into the repository). The checker's
messages for the form being saved come from :mod:`generator.decap_checks` on 127.0.0.1:8082.
Ctrl+C stops them all.
Written in Python rather than in the Makefile so that it runs the same on Windows.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from . import decap_checks
from .messages import text
from .settings import load_settings

PORT = 8081
HOST = "127.0.0.1"


def server_program(root: Path) -> Path | None:
    """decap-server as npm installed it (``.cmd`` on Windows), or None."""
    bin_dir = root / "tools" / "decap" / "node_modules" / ".bin"
    for name in ("decap-server.cmd", "decap-server") if os.name == "nt" else ("decap-server",):
        if (bin_dir / name).is_file():
            return bin_dir / name
    return None


def server_env(root: Path, environ: dict[str, str] | None = None) -> dict[str, str]:
    """decap-server's settings: the repository, the port, the loopback address, files
    written as they are (``MODE=fs``: no commit, no branch; Git is the editor's to use)."""
    return {
        **(environ if environ is not None else dict(os.environ)),
        "GIT_REPO_DIRECTORY": str(root),
        "PORT": str(PORT),
        "BIND_HOST": HOST,
        "MODE": "fs",
    }


def admin_url(root: Path) -> str:
    """Where ``mkdocs serve`` shows the forms: under site_url's path, as it serves the site."""
    path = urlsplit(load_settings(root).site_url).path.strip("/")
    return f"http://{HOST}:8000/{path + '/' if path else ''}admin/"


def main(root: Path) -> int:
    program = server_program(root)
    if program is None or not (root / "content" / "admin" / "vendor" / "decap-cms.js").is_file():
        print(text("cmd-erreur") + text("edit-pas-installe"), file=sys.stderr)
        return 2
    # a SIGTERM (a terminal closed, a process manager) ends this process through `finally`,
    # as Ctrl+C does: decap-server never goes on alone
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    server = subprocess.Popen([str(program)], cwd=root, env=server_env(root))
    checks = decap_checks.serve(root)
    print(text("edit-formulaires", url=admin_url(root)), flush=True)
    try:
        return subprocess.call(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"{HOST}:8000"], cwd=root
        )
    except KeyboardInterrupt:
        return 0
    finally:
        checks.shutdown()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
