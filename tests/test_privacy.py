"""Privacy: tilint never uses the network, and its logs never hold document text.

Two independent proofs that the CLI needs no network:
* a `sitecustomize`, loaded into the CLI process before anything else, that makes
  connecting, sending, binding beyond loopback and name resolution record the attempt
  and raise (and sets every logger to level 1, so any log line would show);
* where the kernel allows it, the CLI run inside a new network namespace with no
  interfaces at all (`unshare -n`; skipped where user namespaces are not available).

`run_offline` is meant for the language server too: start it the same way and assert
the same things once the server lands.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT
from tilint import Config, lint_paths, lint_text

SECRET = "Zebrafish-Quillon-4417"  # stands for a patient's name: must never reach a log
DOCUMENT = f"{SECRET} refused lunch and was non-compliant.\n\n> {SECRET} said: 'I'm fine.'\n"

SITECUSTOMIZE = '''
import os, socket, sys

_LOG = os.environ["TILINT_NET_LOG"]


def _record(name, args):
    with open(_LOG, "a", encoding="utf-8") as fh:
        fh.write(name + " " + repr(args)[:200] + "\\n")
    raise OSError("network use blocked by tilint's privacy test")


def _refuse(name):
    def blocked(*args, **kwargs):
        _record(name, args)
    return blocked


def _loopback(address):
    host = address[0] if isinstance(address, tuple) else address
    return isinstance(host, str) and (host in ("::1", "localhost", "") or host.startswith("127."))


class _GuardedSocket(socket.socket):
    # Creating a socket is no traffic (urllib3, imported by spaCy, probes IPv6 support
    # by binding one to ::1); sending, connecting or binding anywhere else is.
    def connect(self, address):
        _record("connect", (address,))

    def connect_ex(self, address):
        _record("connect_ex", (address,))

    def sendto(self, *args):
        _record("sendto", args)

    def sendmsg(self, *args):
        _record("sendmsg", args)

    def bind(self, address):
        if self.family == socket.AF_UNIX or _loopback(address):
            return super().bind(address)
        _record("bind", (address,))


socket.socket = _GuardedSocket
for _name in ("create_connection", "create_server", "getaddrinfo", "gethostbyname", "gethostbyname_ex",
              "gethostbyaddr", "getnameinfo"):
    setattr(socket, _name, _refuse("socket." + _name))

import logging
logging.basicConfig(level=1, stream=sys.stderr, format="LOG %(name)s %(levelname)s %(message)s")
'''


def run_offline(args: list[str], tmp_path: Path, *, stdin: str | None = None, namespace: bool = False) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """Run a command with socket use blocked (and logged) and every logger at level 1."""
    site = tmp_path / "site"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    log = tmp_path / "network-attempts.log"
    log.write_text("", encoding="utf-8")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(site), str(ROOT)]),
        "TILINT_NET_LOG": str(log),
        "NO_COLOR": "1",
        "TILINT_CACHE_DIR": str(tmp_path / "cache"),  # a cold cache: compiling the lexicon too
    }
    command = ["unshare", "-n", "-r", *args] if namespace else args
    proc = subprocess.run(command, input=stdin, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300, check=False)
    return proc, [line for line in log.read_text(encoding="utf-8").splitlines() if line]


def tilint(*args: str) -> list[str]:
    return [sys.executable, "-m", "tilint", *args]


@pytest.fixture
def note(tmp_path: Path) -> Path:
    path = tmp_path / "note.md"
    path.write_text(DOCUMENT, encoding="utf-8")
    return path


def test_the_blocker_itself_catches_network_use(tmp_path: Path) -> None:
    proc, attempts = run_offline([sys.executable, "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:9/')"], tmp_path)
    assert proc.returncode != 0
    assert attempts, "the sitecustomize did not load: the other tests would prove nothing"


@pytest.mark.parametrize(
    "args",
    [
        ["check", "note.md"],
        ["check", "--format", "json", "note.md"],
        ["check", "--check-quotes", "note.md", "missing.txt"],
        ["rules"],
        ["explain", "TI101"],
        ["--version"],
    ],
    ids=["check", "json", "errors", "rules", "explain", "version"],
)
def test_cli_uses_no_network_and_logs_no_document_text(args: list[str], note: Path, tmp_path: Path) -> None:
    proc, attempts = run_offline(tilint(*args), tmp_path)
    assert attempts == []
    assert proc.returncode in (0, 1, 2)
    assert "Traceback" not in proc.stderr
    # stderr is where logs and errors go; the document may only appear in the report.
    assert SECRET not in proc.stderr
    if args[0] == "check" and "json" in args:
        assert json.loads(proc.stdout)["findings"]


def test_stdin_and_a_cold_lexicon_cache_use_no_network(tmp_path: Path) -> None:
    proc, attempts = run_offline(tilint("check", "-", "--stdin-filename", "x.md"), tmp_path, stdin=DOCUMENT)
    assert attempts == [] and proc.returncode == 1
    assert SECRET not in proc.stderr


def test_errors_about_a_document_do_not_quote_it(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(DOCUMENT.encode() + b"\xff" + SECRET.encode())
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00" + SECRET.encode())
    proc, attempts = run_offline(tilint("check", "bad.txt", "binary.txt"), tmp_path)
    assert attempts == [] and proc.returncode == 2
    assert "TL003" in proc.stderr and SECRET not in proc.stderr


def _unshare_works() -> bool:
    if shutil.which("unshare") is None:
        return False
    try:
        return subprocess.run(["unshare", "-n", "-r", "true"], capture_output=True, timeout=30, check=False).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


@pytest.mark.skipif(not _unshare_works(), reason="no network namespaces here (unshare -n -r)")
def test_cli_works_in_a_namespace_without_network(note: Path, tmp_path: Path) -> None:
    proc, attempts = run_offline(tilint("check", "--format", "json", "note.md"), tmp_path, namespace=True)
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert attempts == []
    assert {f["rule"] for f in json.loads(proc.stdout)["findings"]} >= {"TI101", "TI102"}


def test_library_logs_at_every_level_hold_no_document_text(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "note.md"
    path.write_text(DOCUMENT, encoding="utf-8")
    with caplog.at_level(1):
        for logger in list(logging.root.manager.loggerDict):
            logging.getLogger(logger).setLevel(1)
        lint_text(DOCUMENT, kind="markdown")
        lint_text(DOCUMENT, Config(check_quotes=True))
        lint_paths([str(path), str(tmp_path / "missing.md")])
    assert all(SECRET not in record.getMessage() for record in caplog.records)
    assert SECRET not in caplog.text
