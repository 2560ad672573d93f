"""Privacy of the language server: no network use, and no document text in its logs.

The server runs under a guard: a `python -c` wrapper that installs an audit hook
(PEP 578) before the server is imported. The hook sees every socket the process
creates, every address it connects, binds or sends to, every host name it resolves and
every process it starts, at the level of the C implementation, so no library can get
round it by importing `_socket` or calling `urllib` directly. Internet sockets (AF_INET,
AF_INET6), name lookups, HTTP, FTP and mail clients and child processes (which the hook
could not follow) are refused with PermissionError and written to a log file; Unix
sockets, which asyncio uses for its own wake-up pipe, are allowed.

A whole session then runs through the guard at `--log-level debug`, with a marker
string in every part of two documents (front matter, heading, prose next to flagged
words, a quotation, code) and in every kind of message that carries text: changes
applied, stale, malformed and for documents that are not open, hover, code actions,
bad diagnostic data, an unknown method. A word of a project lexicon, spelt oddly, makes
the server's own answers (diagnostic messages, hover, code action titles) quote the
document too. Every answer is checked; the guard's log may hold nothing but its start
and urllib3's import-time IPv6 probe (see URLLIB3_PROBE); and neither stderr nor the
messages the server sends the editor (window/logMessage, window/showMessage) may hold
the marker or the word as the document spells it. Debug is the most verbose level: a
record that any level writes, debug writes too.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest
from lsp_helpers import change, make_client, open_doc, published, spans, start
from lsprotocol import types
from pygls.exceptions import JsonRpcMethodNotFound
from pytest_lsp import LanguageClient, client_capabilities

from tilint.api import lint_text
from tilint.config import Config

pytestmark = pytest.mark.slow

MARKER = "Zyxwquorp"  # in no lexicon, no message and no library: only in the documents

# The guard, as the first lines of a `python -c` program. sys.argv[1] is the log file;
# it is taken off argv, so the rest of the program sees its own arguments.
GUARD = r'''
import socket as _socket_module, sys as _sys, sysconfig as _sysconfig

_guard_log = open(_sys.argv.pop(1), "a", buffering=1, encoding="utf-8")
_REFUSED = {
    "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex",
    "socket.gethostbyaddr", "socket.getnameinfo", "urllib.Request", "http.client.connect",
    "ftplib.connect", "smtplib.connect", "imaplib.open", "poplib.connect", "nntplib.connect",
    "telnetlib.Telnet.open", "webbrowser.open", "subprocess.Popen", "os.system", "os.exec",
    "os.posix_spawn", "os.spawn", "os.fork", "os.forkpty", "pty.spawn",
}
_INTERNET = (_socket_module.AF_INET, _socket_module.AF_INET6)
_STDLIB = _sysconfig.get_paths()["stdlib"]


def _where():
    """The innermost caller outside the standard library, as package/module.py:function."""
    frame = _sys._getframe(2)
    while frame.f_back is not None and frame.f_code.co_filename.startswith(_STDLIB):
        frame = frame.f_back
    path = frame.f_code.co_filename.replace("\\", "/").split("/")
    return "/".join(path[-3:]) + ":" + frame.f_code.co_name


def _guard(event, args):
    refused = (
        event in _REFUSED
        or (event == "socket.__new__" and args[1] in _INTERNET)
        or (event in ("socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg")
            and not isinstance(args[1], (str, bytes)))  # only a Unix socket's path is allowed
    )
    if refused:
        _guard_log.write(f"refused {event} from {_where()}\n")
        raise PermissionError(f"no network in this test: {event}")


_sys.addaudithook(_guard)
_guard_log.write("armed\n")
'''

# Importing spaCy imports its `download` command, hence requests and urllib3, and urllib3
# probes at import time whether the machine has IPv6 by creating an AF_INET6 socket and
# binding it to ::1. Nothing would be sent; under the guard the socket is not even made,
# urllib3 takes it as "no IPv6", and nothing in the server uses urllib3. This probe is
# the one refusal allowed.
URLLIB3_PROBE = "refused socket.__new__ from urllib3/util/connection.py:_has_ipv6"

SERVE = GUARD + "from lsp_server.server import main\n_sys.exit(main(_sys.argv[1:]))\n"


def guarded(program: str, log: Path, *args: str) -> list[str]:
    return [sys.executable, "-c", program, str(log), *args]


def test_the_guard_refuses_and_records_network_use(tmp_path: Path) -> None:
    """The guard itself: each way out is refused and logged; a Unix socket pair works.
    (Nothing leaves the machine even if it failed: the only address tried is loopback.)"""
    log = tmp_path / "guard.log"
    attempts = r'''
import socket, subprocess, urllib.request
a, b = socket.socketpair()  # AF_UNIX: allowed
a.sendall(b"x"); assert b.recv(1) == b"x"
tries = [
    lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM),
    lambda: socket.socket(socket.AF_INET6, socket.SOCK_DGRAM),
    lambda: socket.getaddrinfo("localhost", 80),
    lambda: socket.gethostbyname("localhost"),
    lambda: urllib.request.urlopen("http://127.0.0.1:9/", timeout=1),
    lambda: subprocess.run(["true"]),
]
for attempt in tries:
    try:
        attempt()
    except PermissionError:
        print("refused")
    else:
        print("ALLOWED")
'''
    done = subprocess.run(guarded(GUARD + attempts, log), capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["refused"] * 6
    assert [line.split(" from ")[0] for line in log.read_text(encoding="utf-8").splitlines()] == [
        "armed",
        "refused socket.__new__",
        "refused socket.__new__",
        "refused socket.getaddrinfo",
        "refused socket.gethostbyname",
        "refused urllib.Request",
        "refused subprocess.Popen",
    ]


# -- the session ---------------------------------------------------------------------------

# A word of the project's own lexicon, spelt in the documents as no lexicon spells it:
# each finding, diagnostic message, hover and code action title then quotes document
# text in exactly this spelling, so a log that copied any of them would show it.
FLAGGED = "qUoRpLeX"
LEXICON = """\
version: 1
category: stigmatising
rules:
  - code: LOC901
    name: quorplex
    severity: warning
    principles: [3]
    match:
      - terms: ["quorplex"]
    message: "'{text}' is a made-up word."
    why: "The privacy test needs a finding that quotes the document."
    suggestions:
      - text: plain word
        safe: true
    sources:
      - title: "Privacy test"
        url: https://example.org/
    examples:
      flag: ["A quorplex here.", "Two quorplex words."]
      ok: ["Nothing here.", "Plain words."]
"""

MARKDOWN = f"""---
title: {MARKER} front matter
---
# {MARKER} heading

She refused the {MARKER} plan. He is non-compliant, said {MARKER}. She is a {FLAGGED} today.

> {MARKER} quoted: she refused.

```
{MARKER} refused in code
```
"""
PLAIN = f"Letter about {MARKER}.\r\nHe refused his {MARKER} tablets; she claims the {FLAGGED} helps.\r\n"


async def test_a_session_uses_no_network_and_logs_no_text(tmp_path: Path) -> None:
    workspace = tmp_path / "notes"
    workspace.mkdir()
    (workspace / "local.yml").write_text(LEXICON, encoding="utf-8")
    log = tmp_path / "guard.log"
    client = make_client()
    # pygls's own start_io (pytest-lsp's would copy stderr to ours): stderr is read here.
    await super(LanguageClient, client).start_io(*guarded(SERVE, log, "--stdio", "--log-level", "debug"))
    server = client._server
    assert server is not None and server.stderr is not None
    stderr_task = asyncio.get_running_loop().create_task(server.stderr.read())
    try:
        await session(client, workspace)
        await client.shutdown_session()
        assert await asyncio.wait_for(server.wait(), 30) == 0
    finally:
        if server.returncode is None:
            server.kill()
        await client.stop()
    stderr = (await stderr_task).decode("utf-8", "replace")

    # (a) no network use, nor a child process that could have made some
    guard = log.read_text(encoding="utf-8").splitlines()
    assert guard[0] == "armed"
    assert set(guard[1:]) <= {URLLIB3_PROBE}, guard
    # (b) the logs were written down to debug, and never hold the text
    for expected in (
        " DEBUG tilint.lsp: linted version",
        " WARNING tilint.lsp: didChange with stale version",
        " WARNING tilint.lsp: didChange for a document that is not open",
        " WARNING tilint.lsp: protocol error",
    ):
        assert expected in stderr
    assert MARKER.lower() not in stderr.lower()
    assert FLAGGED not in stderr
    for sent in (*client.log_messages, *client.messages):  # what the editor's log panel shows
        assert MARKER.lower() not in sent.message.lower() and FLAGGED not in sent.message


def expected_spans(text: str, kind: str, workspace: Path) -> list[tuple[str, tuple[int, int, int, int]]]:
    """A fresh lint's findings as LSP spans (the texts are ASCII: columns are UTF-16 units)."""
    assert text.isascii()
    config = Config(lexicons=(str(workspace / "local.yml"),))
    found = lint_text(text, config, kind=kind)
    assert {"TI102", "LOC901"} <= {f.rule for f in found}
    return [(f.rule, (f.line - 1, f.column - 1, f.end_line - 1, f.end_column - 1)) for f in found]


async def session(client: LanguageClient, workspace: Path) -> None:
    """Every kind of message that carries document text, each answer checked."""
    await start(client, workspace, client_capabilities("visual-studio-code"), {"lexicons": ["local.yml"]})
    md = open_doc(client, workspace / "plan.md", MARKDOWN, "markdown")
    txt = open_doc(client, workspace / "letter.txt", PLAIN)
    assert spans(await published(client, md, 1, timeout=60)) == expected_spans(MARKDOWN, "markdown", workspace)
    assert spans(await published(client, txt, 1)) == expected_spans(PLAIN, "text", workspace)

    # Changes: applied, stale, for a document that is not open, malformed, whole.
    added = f"He refused {MARKER} again. "
    change(client, txt, 2, ((1, 0, 1, 0), added))
    now = PLAIN.replace("\r\nHe refused", f"\r\n{added}He refused")
    assert spans(await published(client, txt, 2)) == expected_spans(now, "text", workspace)
    change(client, txt, 1, ((0, 0, 0, 0), f"{MARKER} stale "))
    change(client, (workspace / "other.txt").as_uri(), 5, ((0, 0, 0, 0), f"{MARKER} nowhere"))
    client.protocol._send_data(  # by hand: lsprotocol will not build a negative position
        {
            "jsonrpc": "2.0",
            "method": "textDocument/didChange",
            "params": {
                "textDocument": {"uri": txt, "version": 3},
                "contentChanges": [
                    {"range": {"start": {"line": -1, "character": 0}, "end": {"line": 0, "character": 0}}, "text": f"{MARKER} malformed"}
                ],
            },
        }
    )
    md_now = MARKDOWN + f"\nShe refused {MARKER} once more, {FLAGGED}.\n"
    change(client, md, 4, (None, md_now))
    assert spans(await published(client, md, 4)) == expected_spans(md_now, "markdown", workspace)
    change(client, txt, 4, ((0, 0, 0, 0), ""))  # the stale and malformed ones changed nothing
    diags = await published(client, txt, 4)
    assert spans(diags) == expected_spans(now, "text", workspace)

    # Hover, code actions (quick fixes, fix all), malformed data, an unknown method.
    flagged = next(d for d in diags if d.code == "LOC901")
    assert flagged.message == f"'{FLAGGED}' is a made-up word."
    hover = await client.text_document_hover_async(types.HoverParams(types.TextDocumentIdentifier(txt), flagged.range.start))
    assert isinstance(hover, types.Hover) and isinstance(hover.contents, types.MarkupContent)
    assert hover.contents.value.startswith(f"**LOC901 quorplex** (stigmatising, warning)\n\n'{FLAGGED}' is")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(types.TextDocumentIdentifier(txt), flagged.range, types.CodeActionContext(diagnostics=[flagged]))
    )
    assert actions is not None
    titles = [a.title for a in actions if isinstance(a, types.CodeAction)]
    assert titles[0] == f"Replace '{FLAGGED}' with 'plain word'" and "Apply all safe tilint fixes" in titles
    junk = types.Diagnostic(
        range=flagged.range, message=MARKER, source="tilint", code="LOC901",
        data={"rule": "LOC901", "text": MARKER, "range": [0, 0, 0, 1], "suggestions": [{"text": MARKER}]},
    )
    got = await client.text_document_code_action_async(
        types.CodeActionParams(types.TextDocumentIdentifier(txt), flagged.range, types.CodeActionContext(diagnostics=[junk], only=["quickfix"]))
    )
    assert got is not None and list(got) == []
    with pytest.raises(JsonRpcMethodNotFound):
        await client.protocol.send_request_async("tilint/noSuchMethod", {"text": MARKER})

    # Save, close.
    client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(txt), text=now))
    client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(md)))
    assert list(await published(client, md, None)) == []
