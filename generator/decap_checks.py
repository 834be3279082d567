"""The checker's French messages in the browser editor, before a document is saved.

A form can say what a JSON Schema says (required fields, patterns, lists to pick from);
the checker's other rules (the lead is not also a partner, the period's end is not before
its start, an image's file exists, a draft's fields…) need the checker. ``python -m
generator edit`` serves this module on 127.0.0.1:8082 beside decap-server: the page's
``preSave`` listener (content/admin/index.html) posts the form's values, this module
writes them as the front matter Decap would, runs the checker on it as ``new`` does
(:func:`generator.new.known.check_document`) and answers with the errors' French
messages; the page then refuses the save and shows them. On a Git host no such server
runs: the listener finds none and saves, and the pull request's ``check`` says the same.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import yaml

from .new.kinds import SHEET, WRITEUP
from .new.known import check_document, read_known
from .new.naming import folder_of
from .settings import load_settings

PORT = 8082
KINDS = {"fiches": SHEET, "comptes-rendus": WRITEUP}
"""Decap's collection names (generator/decap_config.py) -> what ``new`` calls them."""
MAX_BODY = 2_000_000
SAVED_WITH_IT = {"fichier-introuvable"}
"""An image just chosen in the form is written with the document, after this check:
that its file exists is for ``check``, once saved."""


def messages(root: Path, collection: str, slug: str, data: dict[str, Any]) -> list[str]:
    """The checker's errors for the document the form holds, in French, one line each."""
    kind = KINDS.get(collection)
    if kind is None or not isinstance(data, dict):
        return []
    settings = load_settings(root)
    folder = folder_of(kind, settings)
    meta = {key: value for key, value in data.items() if key != "body"}
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    text = f"---\n{front}---\n{data.get('body') or ''}"
    rel = settings.rel(folder / f"{slug or 'nouveau'}.md")
    found = check_document(kind, text, rel, read_known(settings), folder)
    return [d.full_message() for d in found if d.is_error and d.code not in SAVED_WITH_IT]


def _allowed_origin(origin: str) -> bool:
    return origin.startswith(("http://127.0.0.1:", "http://localhost:"))


def serve(root: Path, port: int = PORT) -> ThreadingHTTPServer:
    """Start the check server on the loopback address, in a thread; the caller shuts it."""

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: V105 (http.server calls it)
            origin = self.headers.get("Origin", "")
            length = int(self.headers.get("Content-Length") or 0)
            refused = origin and not _allowed_origin(origin)
            if self.path != "/check" or length > MAX_BODY or refused:
                self.send_error(403)
                return
            try:
                asked = json.loads(self.rfile.read(length))
                said = messages(
                    root,
                    str(asked.get("collection", "")),
                    str(asked.get("slug") or ""),
                    asked.get("data") or {},
                )
            except (ValueError, AttributeError):
                self.send_error(400)
                return
            body = json.dumps({"messages": said}, ensure_ascii=False).encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            if origin:
                self.send_header("Access-Control-Allow-Origin", origin)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: V105 (quiet)
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
