"""The preview server (``mkdocs serve``): bad addresses, foreign hosts and methods refused."""

from __future__ import annotations

import http.client
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.serve_guard import allowed_hosts, host_name, request_problem

from .helpers import example_site, free_port, wait_for_server


def test_host_names_are_read_with_and_without_ports() -> None:
    assert host_name("LocalHost:8000") == "localhost"
    assert host_name("[::1]:8000") == "::1"
    assert host_name("::1") == "::1"
    assert host_name("example.org") == "example.org"


def test_a_loopback_preview_answers_to_its_own_names_and_to_addresses_only() -> None:
    hosts = allowed_hosts("127.0.0.1", ["apercu.example"])
    ok = {"REQUEST_METHOD": "GET", "PATH_INFO": "/projets/", "QUERY_STRING": ""}
    for host in (
        "localhost:8000",
        "127.0.0.1:8000",
        "[::1]:8000",
        "192.168.1.5:8000",
        "apercu.example",
    ):
        assert request_problem({**ok, "HTTP_HOST": host}, hosts) is None, host
    refused = request_problem({**ok, "HTTP_HOST": "rebind.attacker.example:8000"}, hosts)
    assert refused is not None and refused[0].startswith("400")
    assert "rebind.attacker.example" in refused[1]
    assert request_problem(ok, hosts) == ("400 Bad Request", "the request has no Host header")


@pytest.fixture(scope="module", params=["--livereload", "--no-livereload"])
def preview(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[int, Path]]:
    """``mkdocs serve`` on a copy of the example, with and without live reload (MkDocs
    calls the plugins' ``on_serve`` only with it)."""
    root = tmp_path_factory.mktemp("serve")
    example_site(root)
    port = free_port()
    log = root / "serve.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", request.param, "-a", f"127.0.0.1:{port}"],
            cwd=root,
            stdout=output,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        try:
            wait_for_server(port, server, log)
            yield port, log
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def _get(port: int, target: str, host: str | None = None, method: str = "GET") -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.putrequest(method, target, skip_host=True, skip_accept_encoding=True)
    connection.putheader("Host", host if host is not None else f"localhost:{port}")
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


def test_the_preview_serves_its_pages(preview: tuple[int, Path]) -> None:
    port, _log = preview
    status, body = _get(port, "/savoirs/projets/")
    assert status == 200, body[:300]
    assert b"<html" in body


@pytest.mark.parametrize(
    "target",
    [
        "/savoirs/%00",
        "/savoirs/projets/%00/index.html",
        "/savoirs/%ff%fe/",
        "/savoirs/a%0d%0aSet-Cookie:x",
    ],
)
def test_a_bad_address_gets_400_and_no_traceback(preview: tuple[int, Path], target: str) -> None:
    port, log = preview
    status, body = _get(port, target)
    assert status == 400, body
    assert b"address" in body
    assert "Traceback" not in log.read_text(errors="replace")


def test_a_foreign_host_gets_400(preview: tuple[int, Path]) -> None:
    port, _log = preview
    status, body = _get(port, "/savoirs/projets/", host=f"rebind.attacker.example:{port}")
    assert status == 400
    assert b"rebind.attacker.example" in body
    assert _get(port, "/savoirs/projets/", host=f"127.0.0.1:{port}")[0] == 200


def test_the_preview_takes_no_data(preview: tuple[int, Path]) -> None:
    port, _log = preview
    assert _get(port, "/savoirs/projets/", method="POST")[0] == 405
