from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def load_module(name: str, path: Path) -> ModuleType:
    """A script that is not a package (bench/, tools/) loaded as module `name`, registered in
    sys.modules so that its dataclasses can look their module up."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def npm_ci(folder: Path, *, timeout: float = 600) -> None:
    """`npm ci` in `folder` unless its node_modules already matches package-lock.json.
    .ci/run runs test files on several workers at once and two of them build the VS Code
    extension: `npm ci` deletes node_modules first, so one worker installs while the other
    waits on the lock, then finds it installed."""
    import fcntl
    import hashlib
    import tempfile

    lock_path = Path(tempfile.gettempdir()) / f"tilint-npm-{hashlib.sha1(str(folder.resolve()).encode()).hexdigest()[:12]}.lock"
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        lock_file, installed = folder / "package-lock.json", folder / "node_modules" / ".package-lock.json"
        if installed.is_file() and installed.stat().st_mtime >= lock_file.stat().st_mtime:
            return
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=folder, check=True, capture_output=True, timeout=timeout)


def run_cli(*args: str, cwd: Path | None = None, stdin: bytes | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m tilint` as a user would, in a separate process."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "tilint", *args],
        cwd=cwd or ROOT,
        input=stdin.decode("utf-8", "surrogateescape") if stdin is not None else None,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
    )


def check_in_process(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    """`tilint check ...` in this process (the pipeline stays loaded between tests):
    exit code, stdout, stderr; an internal error is raised, not hidden."""
    from click.testing import CliRunner

    from tilint.cli import main

    result = CliRunner().invoke(main, ["check", *args], input=stdin, env={"NO_COLOR": "1"})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def cli_in_process(*args: str, stdin: bytes | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`tilint ARGS` in this process, through click's CliRunner, with NO_COLOR set as
    run_cli sets it; the result has run_cli's shape. For tests of what the commands do,
    not of the process (its exit on a signal, a real pipe, the console script)."""
    from click.testing import CliRunner

    from tilint.cli import main

    result = CliRunner().invoke(main, list(args), input=stdin, env={"NO_COLOR": "1", **(env or {})})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception  # an internal error: the process would say so in one line
    return subprocess.CompletedProcess(["tilint", *args], result.exit_code, result.stdout, result.stderr)


def json_in_process(*args: str) -> tuple[int, Any]:
    proc = cli_in_process("check", "--format", "json", *args)
    return proc.returncode, json.loads(proc.stdout)


def run_json(*args: str, cwd: Path | None = None) -> tuple[int, Any]:
    proc = run_cli("check", "--format", "json", *args, cwd=cwd)
    return proc.returncode, json.loads(proc.stdout)
