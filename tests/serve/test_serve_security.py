"""Safe by default: Host (DNS rebinding), CORS, token, limits, no text in logs or on disk,
and never a 500 on hostile input."""

from __future__ import annotations

import base64
import logging
import os
import socket
import time
import warnings
from pathlib import Path
from typing import Any

import anyio
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from serve_helpers import free_port, running

from tests.helpers import run_cli
from tilint.serve import ServeSettings, create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

TOKEN = "s3cret-token-for-tests-0123456789"
ORIGIN = "chrome-extension://oldceeleldhonbafppcapldpdifcinji"
SECRET_TEXT = "Zebrafinch-7731 refused the meds"


def make_client(**kwargs: Any) -> TestClient:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return TestClient(create_app(ServeSettings(**kwargs)), base_url="http://127.0.0.1:8081")


@pytest.fixture(scope="module")
def guarded() -> TestClient:
    return make_client(token=TOKEN, allow_origins=(ORIGIN,))


@pytest.mark.parametrize(
    ("host", "status"),
    [
        ("127.0.0.1:8081", 200),
        ("localhost:8081", 200),
        ("localhost", 200),
        ("[::1]:8081", 200),
        ("evil.example", 421),
        ("evil.example:8081", 421),
        ("127.0.0.1.nip.io:8081", 421),
        ("localhost.evil.example", 421),
        ("192.168.1.10:8081", 421),
        ("127.0.0.1:8081@evil.example", 421),
        ("", 421),
    ],
)
def test_host_header_must_name_this_server(client: Any, host: str, status: int) -> None:
    r = client.get("/v2/languages", headers={"host": host})
    assert r.status_code == status
    if status != 200:
        assert "Host" in r.text and "[" not in r.text


def test_allow_host_adds_a_name() -> None:
    c = make_client(allow_hosts=("tilint.internal",))
    assert c.get("/healthz", headers={"host": "tilint.internal"}).status_code == 200
    assert c.get("/healthz", headers={"host": "other.internal"}).status_code == 421


def test_cors_only_for_listed_origins(client: Any, guarded: TestClient) -> None:
    auth = {"authorization": f"Bearer {TOKEN}"}
    # Not listed: refused outright, so a page elsewhere cannot even make the server work.
    r = client.post("/v2/check", data={"text": "He refused.", "language": "en-US"}, headers={"origin": "https://evil.example"})
    assert r.status_code == 403 and "access-control-allow-origin" not in r.headers
    assert client.options("/v2/check", headers={"origin": "https://evil.example", "access-control-request-method": "POST"}).status_code == 403
    assert client.get("/v2/languages", headers={"origin": "null"}).status_code == 403
    # The page itself (same origin) is fine, and gets no CORS header.
    same = client.post("/api/check", json={"text": "He refused."}, headers={"origin": "http://127.0.0.1:8081"})
    assert same.status_code == 200 and "access-control-allow-origin" not in same.headers
    # A listed origin: preflight without credentials, then the request with the token.
    pre = guarded.options("/v2/check", headers={"origin": ORIGIN, "access-control-request-method": "POST", "access-control-request-headers": "authorization"})
    assert pre.status_code == 204
    assert pre.headers["access-control-allow-origin"] == ORIGIN
    assert "POST" in pre.headers["access-control-allow-methods"]
    ok = guarded.post("/v2/check", data={"text": "He refused.", "language": "en-US"}, headers={"origin": ORIGIN, **auth})
    assert ok.status_code == 200 and ok.headers["access-control-allow-origin"] == ORIGIN


@pytest.mark.parametrize("path", ["/", "/static/page.js", "/healthz", "/v2/languages", "/api/rules", "/openapi.json", "/api/rules/TI102"])
def test_token_checked_on_every_request(guarded: TestClient, path: str) -> None:
    assert guarded.get(path).status_code == 401
    assert guarded.get(path, headers={"authorization": "Bearer wrong-token-wrong-token"}).status_code == 401
    assert guarded.get(path, headers={"authorization": f"Token {TOKEN}"}).status_code == 401
    assert guarded.get(path, headers={"authorization": "Basic !!!"}).status_code == 401
    assert guarded.get(path, headers={"authorization": f"Bearer {TOKEN}"}).status_code == 200
    basic = base64.b64encode(f"anyone:{TOKEN}".encode()).decode()
    assert guarded.get(path, headers={"authorization": f"Basic {basic}"}).status_code == 200


def test_token_checked_on_posts(guarded: TestClient) -> None:
    r = guarded.post("/v2/check", data={"text": "He refused.", "language": "en-US"})
    assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Basic")
    r = guarded.post("/api/check", json={"text": "He refused."})
    assert r.status_code == 401 and r.json()["error"]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--host", "0.0.0.0"], "needs --token"),
        (["--host", "::"], "needs --token"),
        (["--token", "short"], "at least 16"),
        (["--token", TOKEN, "--token-file", "x"], "not both"),
        (["--token-file", "/nonexistent/token"], "cannot read the token file"),
        (["--allow-origin", "*"], "exact origin"),
        (["--config", "/nonexistent/tilint.toml"], "no such config file"),
        (["--host", "192.0.2.1", "--token", TOKEN], "cannot listen there"),
    ],
)
def test_refuses_to_start_unsafely(args: list[str], says: str) -> None:
    proc = run_cli("serve", "--port", str(free_port()), *args)
    assert proc.returncode == 2
    assert says in proc.stderr and proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr


def test_port_in_use_is_one_line_before_loading() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        started = time.monotonic()
        proc = run_cli("serve", "--port", str(port))
    assert proc.returncode == 2 and "already in use" in proc.stderr
    assert proc.stderr.count("\n") == 1 and time.monotonic() - started < 20


def test_limits(client: Any) -> None:
    r = client.post("/v2/check", data={"text": "a" * 5_001, "language": "en-US"})
    assert r.status_code == 413 and "5,000 characters" in r.text
    r = client.post("/v2/check", content=b"text=" + b"a" * 100_000 + b"&language=en-US", headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413 and "100,000 bytes" in r.text
    # A chunked body (no Content-Length) is cut off while it streams.
    def chunks():  # type: ignore[no-untyped-def]
        for _ in range(50):
            yield b"a" * 10_000
    r = client.post("/v2/check", content=chunks(), headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413
    big = {"file": ("big.txt", b"a" * 300_001, "text/plain")}
    r = client.post("/api/report", files=big)
    assert r.status_code == 413 and r.json()["error"]
    r = client.post("/v2/check", content=b"text=a", headers={"content-type": "application/x-www-form-urlencoded", "content-length": "abc"})
    assert r.status_code == 400


def test_slow_body_gets_408() -> None:
    """A client that sends headers and then dribbles the body is cut off, not waited for."""
    app = create_app(ServeSettings(body_seconds=0.5))
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        await anyio.sleep(0.3)
        return {"type": "http.request", "body": b"te", "more_body": True}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http", "method": "POST", "path": "/v2/check", "raw_path": b"/v2/check", "query_string": b"",
        "headers": [(b"host", b"127.0.0.1:8081"), (b"content-type", b"application/x-www-form-urlencoded")],
        "scheme": "http", "server": ("127.0.0.1", 8081), "client": ("127.0.0.1", 5), "root_path": "", "http_version": "1.1",
    }
    started = time.monotonic()
    anyio.run(app, scope, receive, send)
    assert time.monotonic() - started < 5
    assert sent[0]["status"] == 408


def test_security_headers(client: Any) -> None:
    page = client.get("/")
    csp = page.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    for r in (page, client.get("/v2/languages"), client.get("/api/rules")):
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["cache-control"] == "no-store"
        assert r.headers["referrer-policy"] == "same-origin"  # a form post from the page keeps its Origin
        assert "server" not in r.headers


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(body=st.binary(max_size=400) | st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")), path=st.sampled_from(["/v2/check", "/api/check", "/api/report"]), ctype=st.sampled_from(["application/x-www-form-urlencoded", "application/json", "multipart/form-data; boundary=b", "text/plain; charset=x"]))
def test_hostile_bodies_never_get_a_500(client: Any, body: bytes, path: str, ctype: str) -> None:
    r = client.post(path, content=body, headers={"content-type": ctype})
    assert r.status_code < 500, (r.status_code, r.text)


def test_no_text_in_logs_at_debug_level(client: Any, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        client.post("/v2/check", data={"text": SECRET_TEXT, "language": "en-US"})
        client.post("/api/check", json={"text": SECRET_TEXT})
        client.post("/v2/check", data={"text": SECRET_TEXT, "language": "xx"})
    assert caplog.records, "the access log runs"
    assert all("Zebrafinch" not in r.getMessage() for r in caplog.records)


@pytest.mark.slow
def test_real_server_logs_no_text_and_stores_nothing(tmp_path: Path) -> None:
    """A real process at --log-level debug: its log holds no text, and an upload writes no
    file (TMPDIR and HOME are empty folders of this test)."""
    tmp, home = tmp_path / "tmp", tmp_path / "home"
    tmp.mkdir()
    home.mkdir()
    env = {"TMPDIR": str(tmp), "HOME": str(home), "TILINT_CACHE_DIR": os.environ.get("TILINT_CACHE_DIR", str(tmp_path / "cache"))}
    with running("--log-level", "debug", env=env) as server:
        log_before = server.log
        server.request("POST", "/v2/check", f"text={SECRET_TEXT}&language=en-US".encode(), {"Content-Type": "application/x-www-form-urlencoded"})
        server.request("POST", "/v2/check", b"text=Zebrafinch&language=en-US&level=Zebrafinch", {"Content-Type": "application/x-www-form-urlencoded"})
        server.request("GET", "/v2/check?text=Zebrafinch&language=en-US")
        boundary = "tilintboundary"
        big = (SECRET_TEXT + ". ") * 60_000  # 2 MB: Starlette's form() would spool this to disk
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"note.txt\"\r\n\r\n{big}\r\n--{boundary}--\r\n").encode()
        status, _, _ = server.request("POST", "/api/report", body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})
        assert status in (200, 413)
        with socket.create_connection(("127.0.0.1", server.port)) as s:  # a request without Host
            s.sendall(b"POST /v2/check HTTP/1.0\r\nContent-Length: 10\r\n\r\ntext=Zebra")
            assert s.recv(100).startswith(b"HTTP/1.1 400")
        assert list(tmp.iterdir()) == [] and list(home.iterdir()) == []
    log = log_before.read_text()
    assert "POST /v2/check 200" in log
    assert "Zebrafinch" not in log and "Zebra" not in log


def test_page_never_parses_text_as_html_and_loads_nothing_from_elsewhere() -> None:
    """A static check beside the Chromium test: no HTML-parsing sinks in the page's
    script, no inline script or style and no third-party URL in the page."""
    from importlib import resources

    static = resources.files("tilint.serve").joinpath("static")
    script = static.joinpath("page.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "setAttribute(\"on"):
        assert sink not in script, sink
    html = static.joinpath("index.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "style=" not in html and "<style" not in html
    assert "http://" not in html and "https://" not in html and "//" not in html.replace("<!--", "")


def test_no_text_is_remembered_after_a_request(client: Any) -> None:
    """The linter's segment cache is emptied after every request (no paragraph stays in
    memory, and how fast one comes back cannot tell whether someone else checked it), and
    the note's words do not stay in spaCy's vocabulary. White-box: these are the
    pipeline's stores of text."""
    from tilint.api import get_linter

    linter = get_linter()
    strings = linter.nlp.vocab.strings
    client.post("/v2/check", data={"text": SECRET_TEXT + ". Second paragraph.\n\nThird.", "language": "en-US"})
    assert len(linter._cache) == 0 and linter._cache_chars == 0 and len(linter._chunk_terms) == 0
    assert "Zebrafinch-7731" not in strings and "Zebrafinch" not in strings  # spaCy's vocabulary
    client.post("/api/check", json={"text": SECRET_TEXT})
    assert len(linter._cache) == 0 and "Zebrafinch" not in strings
    client.post("/api/report", files={"file": ("n.txt", SECRET_TEXT.encode(), "text/plain")})
    assert len(linter._cache) == 0 and "Zebrafinch" not in strings


def test_common_words_are_permanent_and_rare_ones_are_not(client: Any) -> None:
    from tilint.api import get_linter
    from tilint.serve.vocab import common_words

    words = common_words()
    assert len(words) > 20_000 and {"the", "medication", "refused"} <= set(words)
    strings = get_linter().nlp.vocab.strings
    client.post("/v2/check", data={"text": "The medication Qwertyzzy refused.", "language": "en-US"})
    assert "medication" in strings and "Medication" in strings
    assert "Qwertyzzy" not in strings
