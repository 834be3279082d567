"""What the preview server answers before it looks for a file: bad addresses and hosts.

MkDocs' live-reload server (``serve``) answers any request: an address holding ``%00``
ends in a traceback and a 500, and any ``Host`` header is accepted, so a web page that the
editor visits could, through a name that resolves to 127.0.0.1 (DNS rebinding), read the
preview of unpublished content. :func:`guarded` wraps the server's WSGI application:

- an address that is not UTF-8 once decoded, or holds a control character, gets 400;
- a ``Host`` that is not one of the server's own names gets 400 (``allowed_hosts``);
- a method other than GET and HEAD gets 405 (the preview never takes data).

It does not import MkDocs: the plugin hands it the server's application and address.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Callable, Iterable
from typing import Any

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def allowed_hosts(bound_host: str, extra: Iterable[str] = ()) -> frozenset[str]:
    """The names a browser may use to reach a server bound to ``bound_host``.

    On a loopback address: ``localhost``, ``127.0.0.1`` and ``::1``. On every interface
    (``0.0.0.0``, ``::``): also this machine's names; IP addresses are always accepted
    (a rebinding attack needs a name). ``extra`` adds names (``serve_hosts`` in the
    plugin's settings), for a preview behind a forwarded port with its own name.
    """
    names = set(LOOPBACK_NAMES) | {bound_host.lower().strip("[]")}
    if bound_host in ("0.0.0.0", "::", ""):
        hostname = socket.gethostname().lower()
        names |= {hostname, f"{hostname}.local", socket.getfqdn().lower()}
    names |= {name.lower() for name in extra}
    return frozenset(names)


def host_name(header: str) -> str:
    """``example.org:8000`` -> ``example.org``; ``[::1]:8000`` -> ``::1``."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def request_problem(environ: dict[str, Any], hosts: frozenset[str]) -> tuple[str, str] | None:
    """(status, reason) when the request must not reach the server, else None."""
    method = environ.get("REQUEST_METHOD", "GET")
    if method not in ("GET", "HEAD"):
        return "405 Method Not Allowed", f"the preview only answers GET and HEAD, not {method}"
    header = environ.get("HTTP_HOST")
    if not header:
        return "400 Bad Request", "the request has no Host header"
    name = host_name(header)
    if name not in hosts and not _is_ip(name):
        return "400 Bad Request", (
            f"this preview answers to {', '.join(sorted(hosts))}, not to {name!r} "
            "(add the name to serve_hosts in mkdocs.yml if it is yours)"
        )
    try:  # wsgiref decodes the address's %-escapes as latin-1 (PEP 3333)
        path = environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return "400 Bad Request", "the address is not valid UTF-8"
    if _CONTROL.search(path) or _CONTROL.search(environ.get("QUERY_STRING", "")):
        return "400 Bad Request", "the address holds a control character"
    return None


def guarded(app: WsgiApp, hosts: frozenset[str]) -> WsgiApp:
    """``app``, behind :func:`request_problem`."""

    def guard(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        problem = request_problem(environ, hosts)
        if problem is None:
            return app(environ, start_response)
        status, reason = problem
        body = f"{status}: {reason}\n".encode()
        headers = [
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Length", str(len(body))),
        ]
        if status.startswith("405"):
            headers.append(("Allow", "GET, HEAD"))
        start_response(status, headers)
        return [body]

    return guard
