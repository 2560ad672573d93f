"""Real LanguageTool clients against a real `tilint serve` on 127.0.0.1, configured as
docs/editors.md tells users to: LibreOffice Writer (headless, over UNO),
language_tool_python and gramma (plain and Markdown modes)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from serve_helpers import ROOT, Server, running

from tilint.api import lint_text

pytestmark = pytest.mark.slow

EDITORS = ROOT / "docs" / "editors.md"
NODE_DIR = Path(__file__).parent / "node"
DOCS_PORT = "8081"
# Offsets right after emoji (two UTF-16 units each) and accented letters.
PARAGRAPHS = [
    "Café 😀: he refused his depot & was non-compliant + 100% today.",
    "We met on Tuesday and agreed the plan.",
    "Ça va 🙂 — she was unmotivated.",
]


def documented(client: str, port: int) -> str:
    """The configuration block docs/editors.md gives for a client, on the test's port."""
    text = EDITORS.read_text(encoding="utf-8")
    found = re.search(rf"<!-- client: {re.escape(client)} -->\n```\w*\n(.*?)```", text, re.S)
    assert found, f"docs/editors.md has no block for {client}"
    block = found.group(1)
    assert DOCS_PORT in block
    return block.replace(DOCS_PORT, str(port))


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def expected(paragraph: str) -> list[tuple[int, int, str]]:
    """(UTF-16 start, UTF-16 length, flagged text) of tilint's own findings."""
    return [(utf16(paragraph[: f.start]), utf16(f.text), f.text) for f in lint_text(paragraph)]


def _libreoffice(items_xml: str, tmp_path: Path, paragraphs: list[str]) -> list[dict[str, object]]:
    python = Path("/usr/bin/python3")
    if shutil.which("soffice") is None or subprocess.run([python, "-c", "import uno"], capture_output=True).returncode:
        pytest.fail("LibreOffice is needed: apt-get install libreoffice-writer-nogui python3-uno (.ci/run does)")
    items = tmp_path / "items.xcu"
    items.write_text(items_xml, encoding="utf-8")
    out = tmp_path / "out.json"
    proc = subprocess.run(
        [python, str(Path(__file__).parent / "libreoffice_check.py"), str(tmp_path / "profile"), str(items), str(out), *paragraphs],
        capture_output=True, text=True, timeout=180, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(out.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_libreoffice_writer_remote_checker(server: Server, tmp_path: Path) -> None:
    paragraphs = _libreoffice(documented("libreoffice", server.port), tmp_path, PARAGRAPHS)
    assert [p["text"] for p in paragraphs] == PARAGRAPHS
    for para in paragraphs:
        text = str(para["text"])
        errors = para["errors"]
        assert isinstance(errors, list)
        want = expected(text)
        assert [(e["start"], e["length"]) for e in errors] == [(a, b) for a, b, _ in want], para
        for error, finding in zip(errors, lint_text(text), strict=True):
            assert error["suggestions"] == [s.text for s in finding.suggestions if s.is_replacement]
            assert finding.rule in error["long"] + error["short"]
    assert sum(len(p["errors"]) for p in paragraphs) == 3  # type: ignore[arg-type]


def test_libreoffice_with_the_token_in_the_base_url(tmp_path: Path) -> None:
    """A team server: LibreOffice takes the token as the Base URL's password."""
    token = "team-token-0123456789abcdef"
    with running(token=token) as guarded:
        items = documented("libreoffice", guarded.port).replace("http://127.0.0.1:", f"http://tilint:{token}@127.0.0.1:")
        assert token in items
        paragraphs = _libreoffice(items, tmp_path, ["He refused his depot."])
        errors = paragraphs[0]["errors"]
        assert isinstance(errors, list)
        assert [(e["start"], e["length"], e["suggestions"][0]) for e in errors] == [(3, 7, "declined")]


def _language_tool(url: str):  # type: ignore[no-untyped-def]
    import language_tool_python

    return language_tool_python.LanguageTool("en-US", remote_server=url)


def test_language_tool_python(server: Server) -> None:
    namespace: dict[str, object] = {}
    exec(documented("language_tool_python", server.port), namespace)  # the documented snippet, as is
    tool = namespace["tool"]
    matches = namespace["matches"]
    assert [m.rule_id for m in matches] == ["TI102"]  # type: ignore[attr-defined]
    text = " ".join(PARAGRAPHS)
    found = tool.check(text)  # type: ignore[attr-defined]
    # language_tool_python counts offsets in code points (it converts from UTF-16).
    assert [(m.offset, m.error_length) for m in found] == [(f.start, f.end - f.start) for f in lint_text(text)]
    assert all(m.category == "STYLE" for m in found)
    assert tool.correct("He refused his depot.") == "He declined his depot."  # type: ignore[attr-defined]
    tool.close()  # type: ignore[attr-defined]


def test_language_tool_python_with_a_token_in_the_url() -> None:
    token = "team-token-0123456789abcdef"
    with running(token=token) as guarded:

        from language_tool_python.exceptions import LanguageToolError

        with pytest.raises(LanguageToolError):
            _language_tool(guarded.url).check("He refused.")
        tool = _language_tool(f"http://tilint:{token}@127.0.0.1:{guarded.port}")
        assert [m.rule_id for m in tool.check("He refused.")] == ["TI102"]


def _gramma(server: Server, tmp_path: Path, text: str, *mode: str) -> dict[str, object]:
    node = shutil.which("node")
    if node is None or not (NODE_DIR / "node_modules" / "gramma").is_dir():
        pytest.fail(f"gramma is needed: npm ci --prefix {NODE_DIR} (.ci/run does)")
    config = tmp_path / ".gramma.json"
    config.write_text(documented("gramma", server.port), encoding="utf-8")
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    proc = subprocess.run([node, str(NODE_DIR / "gramma_check.js"), str(config), str(note), *mode], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout)  # type: ignore[no-any-return]


def test_gramma_plain_text(server: Server, tmp_path: Path) -> None:
    text = "\n\n".join(PARAGRAPHS)
    result = _gramma(server, tmp_path, text)
    matches = result["matches"]
    assert isinstance(matches, list)
    assert [(m["offset"], m["length"], m["word"]) for m in matches] == expected(text)
    assert [m["rule"]["id"] for m in matches] == [f.rule for f in lint_text(text)]


def test_gramma_markdown_mode_sends_data_with_markup(server: Server, tmp_path: Path) -> None:
    text = "# Ward round 😀\n\nCafé: he **refused** his depot and was non-compliant.\n\n`refused` in code, [a link](http://example.org/refused).\n"
    result = _gramma(server, tmp_path, text, "--markdown")
    matches = result["matches"]
    assert isinstance(matches, list)
    # Offsets count the Markdown markup; the word in code and the link are not checked.
    flagged = [text.encode("utf-16-le")[2 * m["offset"] : 2 * (m["offset"] + m["length"])].decode("utf-16-le") for m in matches]
    assert flagged == ["refused", "non-compliant"]
    assert matches[0]["offset"] == utf16("# Ward round 😀\n\nCafé: he **")


def test_gramma_cli_exit_code(server: Server, tmp_path: Path) -> None:
    node = shutil.which("node")
    cli = NODE_DIR / "node_modules" / "gramma" / "src" / "cli.js"
    if node is None or not cli.exists():
        pytest.fail(f"gramma is needed: npm ci --prefix {NODE_DIR} (.ci/run does)")
    (tmp_path / ".gramma.json").write_text(documented("gramma", server.port), encoding="utf-8")
    (tmp_path / "flagged.md").write_text("He refused his depot.\n", encoding="utf-8")
    (tmp_path / "clean.md").write_text("We agreed the plan together.\n", encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "NO_COLOR": "1"}
    # gramma's CLI asks GitHub for a newer release once a day, unless it did so lately:
    # tell it it just did, so the test makes no connection beyond 127.0.0.1.
    checked = tmp_path / ".config" / "gramma" / ".update"
    checked.parent.mkdir(parents=True)
    checked.write_text(str(int(time.time() * 1000)), encoding="utf-8")
    flagged = subprocess.run([node, str(cli), "check", "-p", "flagged.md"], cwd=tmp_path, capture_output=True, text=True, timeout=60, env=env)
    assert flagged.returncode == 1, flagged.stdout + flagged.stderr
    assert f"Checking via http://127.0.0.1:{server.port}/v2/check" in flagged.stdout
    assert "refused" in flagged.stdout and "declined" in flagged.stdout
    clean = subprocess.run([node, str(cli), "check", "-p", "clean.md"], cwd=tmp_path, capture_output=True, text=True, timeout=60, env=env)
    assert clean.returncode == 0, clean.stdout + clean.stderr


def test_half_closed_request_as_langtool_el_sends_it(server: Server) -> None:
    """Emacs' langtool.el sends the request, then closes its sending side, and needs a
    Content-Type of exactly application/json; the answer must still come, then EOF."""
    import socket

    body = b"text=Caf%C3%A9+%F0%9F%98%80+he+refused.&language=auto&disabledRules="
    head = f"POST /v2/check HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n\r\n"
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as s:
        s.sendall(head.encode() + body)
        s.shutdown(socket.SHUT_WR)
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    headers, _, payload = data.partition(b"\r\n\r\n")
    assert headers.startswith(b"HTTP/1.1 200")
    assert b"\r\ncontent-type: application/json\r\n" in headers.lower() + b"\r\n"
    match = json.loads(payload)["matches"][0]
    assert (match["offset"], match["length"]) == (utf16("Café 😀 he "), 7)


def test_several_workers_and_ipv6_loopback() -> None:
    """--workers 2 (a team server's set-up): every worker reads its settings, answers,
    and enforces them (the Host check); and the IPv6 loopback binds without a token."""
    with running("--workers", "2", "--host", "::1") as s:
        import http.client

        for _ in range(6):  # new connections, so both workers get some
            conn = http.client.HTTPConnection("::1", s.port, timeout=30)
            conn.request("POST", "/v2/check", body="text=He+refused.&language=en-US",
                         headers={"Content-Type": "application/x-www-form-urlencoded", "Host": f"[::1]:{s.port}"})
            resp = conn.getresponse()
            assert resp.status == 200
            assert [m["rule"]["id"] for m in json.loads(resp.read())["matches"]] == ["TI102"]
            conn.close()
        conn = http.client.HTTPConnection("::1", s.port, timeout=30)
        conn.request("GET", "/healthz", headers={"Host": "evil.example"})
        assert conn.getresponse().status == 421
        conn.close()
