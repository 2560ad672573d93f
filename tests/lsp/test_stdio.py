"""The wire itself: stdout carries nothing but JSON-RPC frames, and logs on stderr
never hold document text, even at debug level and after a malformed message."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

SECRET = "Quokka Zebrafish"
TEXT = f"{SECRET} knew she refused the ward round.\n"  # the writer's own words (retold speech is not a finding)


def frame(message: dict[str, Any]) -> bytes:
    body = json.dumps(message).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def read_frames(data: bytes) -> list[dict[str, Any]]:
    """Parse stdout strictly: every byte must belong to a well-formed frame."""
    frames = []
    while data:
        head, sep, rest = data.partition(b"\r\n\r\n")
        assert sep, f"garbage on stdout: {data[:80]!r}"
        headers = dict(line.split(b": ", 1) for line in head.split(b"\r\n"))
        assert set(headers) <= {b"Content-Length", b"Content-Type"}, headers
        length = int(headers[b"Content-Length"])
        body, data = rest[:length], rest[length:]
        assert len(body) == length
        message = json.loads(body)
        assert message["jsonrpc"] == "2.0"
        frames.append(message)
    return frames


def test_stdout_is_only_json_rpc_and_logs_hold_no_text(tmp_path: Path) -> None:
    uri = (tmp_path / "note.txt").as_uri()
    # Started through main(argv), as `tilint lsp` will, with the flag clients append.
    proc = subprocess.Popen(
        [sys.executable, "-c", "import sys; from lsp_server.server import main; sys.exit(main(['--stdio', '--log-level', 'debug']))"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    out: list[bytes] = []

    def read_all() -> None:
        while chunk := proc.stdout.read1(65536):  # type: ignore[union-attr]
            out.append(chunk)

    reader = threading.Thread(target=read_all, daemon=True)
    reader.start()
    send = proc.stdin.write  # type: ignore[union-attr]
    send(frame({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}}}))
    send(frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}))
    send(frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": TEXT}}}))
    # A malformed change (negative line) that also carries the secret.
    send(frame({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"range": {"start": {"line": -1, "character": 0}, "end": {"line": 0, "character": 0}}, "text": SECRET}]}}))
    send(frame({"jsonrpc": "2.0", "id": 4, "method": "textDocument/hover", "params": {"textDocument": {"uri": uri}}}))
    send(frame({"jsonrpc": "2.0", "id": 5, "method": "no/such/method", "params": {}}))
    proc.stdin.flush()  # type: ignore[union-attr]

    def wait_for(needle: bytes) -> None:
        # The first lint loads spaCy (and compiles the lexicon on a fresh machine), so wait
        # for what the server sends rather than a fixed time.
        deadline = time.monotonic() + 120
        while needle not in b"".join(out) and time.monotonic() < deadline:
            time.sleep(0.1)

    wait_for(b"publishDiagnostics")
    send(frame({"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 30}}}))
    proc.stdin.flush()  # type: ignore[union-attr]
    wait_for(b"**TI102 refused**")
    send(frame({"jsonrpc": "2.0", "id": 3, "method": "shutdown", "params": None}))
    send(frame({"jsonrpc": "2.0", "method": "exit", "params": None}))
    proc.stdin.close()  # type: ignore[union-attr]
    assert proc.wait(timeout=30) == 0
    reader.join(timeout=10)
    stderr = proc.stderr.read().decode("utf-8", "replace")  # type: ignore[union-attr]
    frames = read_frames(b"".join(out))
    published = [f["params"] for f in frames if f.get("method") == "textDocument/publishDiagnostics"]
    assert [(d["code"], d["range"]["start"]["character"]) for d in published[-1]["diagnostics"]] == [("TI102", 26)]
    responses = {f["id"]: f for f in frames if "id" in f and "method" not in f}
    assert responses[1]["result"]["serverInfo"]["name"] == "tilint"
    assert responses[2]["result"]["contents"]["value"].startswith("**TI102 refused**")
    assert responses[3]["result"] is None
    assert responses[4]["error"]["code"] == -32602  # invalid params
    assert responses[5]["error"]["code"] == -32601  # method not found
    assert "starting" in stderr  # it does log...
    assert SECRET not in stderr and "Quokka" not in stderr  # ...but never the text
    assert "ward round" not in stderr
