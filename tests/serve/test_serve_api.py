"""tilint's own API: /api/check, /api/report, /api/rules, /healthz, /openapi.json."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from tests.helpers import check_in_process
from tilint.api import get_linter

NOTE = "# Ward round\n\nCafé 😀: he refused his depot and was non-compliant.\n\n`refused` in code is fine.\n"


def test_api_check_is_the_cli_json_report(client: Any) -> None:
    r = client.post("/api/check", json={"text": NOTE, "filename": "ward.md"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/json"
    code, out, _ = check_in_process("--format", "json", "--stdin-filename", "ward.md", "-", stdin=NOTE.encode())
    assert code == 1
    assert r.json() == json.loads(out)
    assert [f["rule"] for f in r.json()["findings"]] == ["TI102", "TI101"]  # not the one in code


def test_api_check_kind_and_settings(client: Any) -> None:
    plain = client.post("/api/check", json={"text": "`refused`", "kind": "text"}).json()
    assert [f["rule"] for f in plain["findings"]] == ["TI102"]
    assert plain["findings"][0]["path"] == "<text>"
    md = client.post("/api/check", json={"text": "`refused`", "kind": "markdown"}).json()
    assert md["findings"] == []
    ignored = client.post("/api/check", json={"text": NOTE, "filename": "a.md", "settings": {"ignore": ["TI102"]}}).json()
    assert [f["rule"] for f in ignored["findings"]] == ["TI101"]
    allowed = client.post("/api/check", json={"text": NOTE, "filename": "a.md", "settings": {"allow": ["non-compliant"]}}).json()
    assert [f["rule"] for f in allowed["findings"]] == ["TI102"]
    severe = client.post("/api/check", json={"text": "He refused.", "settings": {"severity": {"TI102": "error"}}}).json()
    assert severe["findings"][0]["severity"] == "error"


@pytest.mark.parametrize(
    ("payload", "status", "says"),
    [
        ({"text": 3}, 400, "'text' must be a string"),
        ({"txt": "a"}, 400, "unknown field 'txt'"),
        ({"text": "a", "kind": "docx"}, 400, "/api/report"),
        ({"text": "a", "settings": {"lexicons": ["/etc/passwd"]}}, 400, "cannot be set per request"),
        ({"text": "a", "settings": {"select": ["nonsense-selector"]}}, 400, "names no rule"),
        ({"text": "a", "settings": {"severity": {"TI102": "loud"}}}, 400, "TL002"),
        ({"text": "a", "settings": []}, 400, "must be an object"),
        ({"text": "x" * 5_001}, 413, "longer than 5,000"),
    ],
)
def test_api_check_bad_input(client: Any, payload: dict[str, Any], status: int, says: str) -> None:
    r = client.post("/api/check", json=payload)
    assert r.status_code == status, r.text
    assert says in r.json()["error"]
    assert "\n" not in r.json()["error"]


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        (b"{", "application/json", 400),
        (b'"text"', "application/json", 400),
        (b'{"text": "caf\xe9"}', "application/json", 400),
        (b'{"text": "a"}', "text/plain", 415),
        (b"[" * 100_001, "application/json", 413),  # over the 100,000-byte body limit
        (b"[" * 50_000 + b"]" * 49_000, "application/json", 400),  # deep nesting
    ],
)
def test_api_check_malformed_bodies(client: Any, body: bytes, content_type: str, status: int) -> None:
    r = client.post("/api/check", content=body, headers={"content-type": content_type})
    assert r.status_code == status, r.text[:200]
    assert r.json()["error"]


def _docx(text: str) -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("We met on Tuesday.")
    d.add_paragraph(text)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("care-plan.docx", _docx("He refused his depot <script>alert(1)</script>.")),
        ("note.md", b"# Note\n\nHe refused his depot <script>alert(1)</script>.\n"),
        ("note.txt", "Café: he refused his depot <script>alert(1)</script>.".encode()),
        ("page.html", b"<p>He refused his depot &lt;script&gt;alert(1)&lt;/script&gt;.</p>"),
    ],
)
def test_api_report_upload(client: Any, name: str, data: bytes) -> None:
    r = client.post("/api/report", files={"file": (name, data, "application/octet-stream")})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "text/html; charset=utf-8"
    assert "script-src" not in r.headers["content-security-policy"]  # no script runs in it
    html = r.text
    assert "TI102" in html and name in html
    assert "<script>alert" not in html  # the document's markup is shown as text


@pytest.mark.parametrize(
    ("files", "status", "says"),
    [
        ({"file": ("virus.exe", b"MZ", "application/octet-stream")}, 415, "unknown type"),
        ({"file": ("broken.docx", b"not a zip", "application/octet-stream")}, 422, "broken.docx"),
        ({"other": ("note.txt", b"He refused.", "text/plain")}, 400, "no field named 'file'"),
        ({"file": ("../../etc/x.txt", b"\xff\xfe\x00", "text/plain")}, 422, "x.txt"),
        ({"file": ("note.txt", b"He \xff refused.", "text/plain")}, 422, "UTF-8"),
    ],
)
def test_api_report_bad_uploads(client: Any, files: dict[str, Any], status: int, says: str) -> None:
    r = client.post("/api/report", files=files)
    assert r.status_code == status, r.text
    assert says in r.json()["error"]
    assert "etc" not in r.json()["error"]


def test_api_report_malformed_multipart(client: Any) -> None:
    r = client.post("/api/report", content=b"--x\r\nnonsense", headers={"content-type": "multipart/form-data; boundary=x"})
    assert r.status_code == 400
    r = client.post("/api/report", content=b"abc", headers={"content-type": "multipart/form-data"})
    assert r.status_code == 400 and "boundary" in r.json()["error"]
    r = client.post("/api/report", content=b"abc", headers={"content-type": "application/json"})
    assert r.status_code == 415


def test_rules(client: Any) -> None:
    rules = client.get("/api/rules").json()
    active = get_linter().lexicon.active
    assert [r["code"] for r in rules] == [r.code for r in active]
    one = client.get("/api/rules/ti102").json()
    assert one["name"] == "refused" and one["why"] and one["url"].endswith("/TI102-refused.md")
    assert client.get("/api/rules/refused").json()["code"] == "TI102"
    missing = client.get("/api/rules/TI999")
    assert missing.status_code == 404 and missing.json()["error"]


def test_healthz_and_unknown_paths(client: Any) -> None:
    assert client.get("/healthz").json()["status"] == "ok"
    r = client.get("/nope")
    assert r.status_code == 404
    assert client.delete("/v2/check").status_code == 405


def test_openapi_describes_every_route(client: Any, app: Any) -> None:
    spec = client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    documented = {(path, method.upper()) for path, item in spec["paths"].items() for method in item}
    routes = {(r.path, m) for r in app.app.routes for m in r.methods if m != "HEAD"}
    assert documented == routes


def test_the_shipped_common_words_are_what_the_build_makes_from_spacy_lookups_data() -> None:
    import gzip

    from tilint.serve import vocab

    shipped = vocab.common_words()
    built = gzip.decompress(vocab.build()).decode("utf-8").split()
    assert shipped == built
    assert len(shipped) > 20_000 and shipped[:3] == built[:3]
