"""A real `tilint serve` process on 127.0.0.1 for the end-to-end tests."""

from __future__ import annotations

import base64
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
NOTE = "Café 😀 note: he refused his depot & was non-compliant + 100% unmotivated."


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    port: int
    log: Path
    token: str | None = None
    host: str = "127.0.0.1"

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        req = urllib.request.Request(self.url + path, data=body, method=method, headers=headers or {})
        if self.token and "Authorization" not in (headers or {}):
            req.add_header("Authorization", f"Bearer {self.token}")
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                return resp.status, dict(resp.headers.items()), resp.read()
        except urllib.error.HTTPError as exc:
            return exc.code, dict(exc.headers.items()), exc.read()

    def get_json(self, path: str) -> Any:
        status, _, body = self.request("GET", path)
        assert status == 200, body
        return json.loads(body)

    def basic(self) -> str:
        assert self.token
        return "Basic " + base64.b64encode(f"tilint:{self.token}".encode()).decode()


@contextmanager
def running(*args: str, cwd: Path | None = None, token: str | None = None, env: dict[str, str] | None = None) -> Iterator[Server]:
    """`python -m tilint serve --port N ARGS`, ready when /healthz answers (60 s at most)."""
    port = free_port()
    log = Path(os.environ.get("TMPDIR", "/tmp")) / f"tilint-serve-{port}.log"
    command = [sys.executable, "-m", "tilint", "serve", "--port", str(port), *args]
    if token:
        command += ["--token", token]
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=cwd or ROOT, stdout=out, stderr=subprocess.STDOUT, env=full_env)
    host = args[args.index("--host") + 1] if "--host" in args else "127.0.0.1"
    server = Server(process, port, log, token, host)
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise AssertionError(f"tilint serve exited {process.returncode}: {log.read_text()[-2000:]}")
            try:
                status, _, _ = server.request("GET", "/healthz")
                if status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise AssertionError(f"tilint serve did not answer in 60 s: {log.read_text()[-2000:]}")
            time.sleep(0.2)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
