"""The container's health probe: 200 from /healthz is healthy, anything else is not."""

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from streams.healthcheck import HEALTH_PATH, healthy
from streams.settings import Settings


class _Worker(BaseHTTPRequestHandler):
    status = 200

    def do_GET(self) -> None:
        self.send_response(self.status if self.path == HEALTH_PATH else 404)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[HTTPServer]:
    httpd = HTTPServer(("127.0.0.1", 0), _Worker)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize(("status", "expected"), [(200, True), (503, False)])
def test_healthz_status(
    server: HTTPServer, monkeypatch: pytest.MonkeyPatch, status: int, expected: bool
) -> None:
    monkeypatch.setattr(_Worker, "status", status)
    assert healthy(Settings(web_port=server.server_address[1])) is expected


def test_no_worker_is_unhealthy(server: HTTPServer) -> None:
    port = server.server_address[1]
    server.shutdown()
    server.server_close()
    assert healthy(Settings(web_port=port)) is False
