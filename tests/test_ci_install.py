"""`.ci/install-debs`, which `.ci/run` uses on a fresh machine: it installs what is
missing (Node.js and npm included) and waits for an apt/dpkg lock held by another
process instead of failing. Driven with stand-in `dpkg`, `apt-get` and `id` commands on
PATH, so the script's own logic runs unchanged and nothing is installed."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.helpers import ROOT

SCRIPT = ROOT / ".ci" / "install-debs"
LOCKED = "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 (apt-get)"


def fake_bin(tmp_path: Path, *, locked_times: int, installed: set[str], node: bool, fail: str = "") -> Path:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("env", "grep", "cat"):
        found = shutil.which(tool)
        assert found
        (bin_dir / tool).symlink_to(found)
    state = tmp_path / "state"
    state.mkdir()
    (state / "locked").write_text(str(locked_times))
    scripts = {
        "id": "echo 0",
        "sleep": f'echo "$@" >> {state}/slept',
        "dpkg": "case \" " + " ".join(sorted(installed)) + " \" in *\" $2 \"*) exit 0;; *) exit 1;; esac",
        "apt-get": f"""echo "$@" >> {state}/calls
{f'echo "{fail}" >&2; exit 100' if fail else ''}
left=$(cat {state}/locked)
if [ "$left" != forever ] && [ "$left" -le 0 ]; then exit 0; fi
[ "$left" = forever ] || echo $((left - 1)) > {state}/locked
echo "{LOCKED}" >&2
exit 100""",
    }
    if node:
        scripts["node"] = "echo v20.0.0"
        scripts["npm"] = "echo 11.0.0"
    for name, body in scripts.items():
        path = bin_dir / name
        path.write_text(f"#!/bin/sh\n{body}\n")
        path.chmod(0o755)
    return bin_dir


def run(tmp_path: Path, bin_dir: Path, *packages: str, wait: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {"PATH": str(bin_dir), "HOME": str(tmp_path)}
    if wait is not None:
        env["TILINT_APT_WAIT"] = wait
    return subprocess.run(
        ["/bin/bash", str(SCRIPT), *packages], env=env, capture_output=True, text=True, timeout=60, cwd=tmp_path
    )


def calls(tmp_path: Path) -> list[str]:
    path = tmp_path / "state" / "calls"
    return path.read_text().splitlines() if path.exists() else []


def test_waits_for_a_held_lock_then_installs_what_is_missing_with_node(tmp_path: Path) -> None:
    bin_dir = fake_bin(tmp_path, locked_times=2, installed={"git"}, node=False)
    proc = run(tmp_path, bin_dir, "chromium", "git")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.count("holds the apt/dpkg lock; waiting") == 2
    made = calls(tmp_path)
    assert [c.split()[-2:] for c in made[:3]] == [["update", "-qq"]] * 3
    assert made[3].endswith("install -y -qq --no-install-recommends chromium nodejs npm")
    assert all("DPkg::Lock::Timeout=" in c for c in made)
    assert (tmp_path / "state" / "slept").read_text().split() == ["5", "5"]


def test_gives_up_after_the_bound_with_one_clear_line(tmp_path: Path) -> None:
    bin_dir = fake_bin(tmp_path, locked_times=0, installed=set(), node=True)
    (tmp_path / "state" / "locked").write_text("forever")
    proc = run(tmp_path, bin_dir, "neovim", wait="0")
    assert proc.returncode == 1
    assert "lock was still held after 0 s" in proc.stderr
    assert len(calls(tmp_path)) == 1


def test_other_failures_are_not_retried(tmp_path: Path) -> None:
    bin_dir = fake_bin(tmp_path, locked_times=0, installed=set(), node=True, fail="E: Unable to locate package neovim")
    proc = run(tmp_path, bin_dir, "neovim")
    assert proc.returncode == 1
    assert "Unable to locate package" in proc.stderr and "waiting" not in proc.stderr
    assert len(calls(tmp_path)) == 1


def test_nothing_to_do_touches_no_package_manager(tmp_path: Path) -> None:
    bin_dir = fake_bin(tmp_path, locked_times=0, installed={"git", "neovim"}, node=True)
    proc = run(tmp_path, bin_dir, "git", "neovim")
    assert (proc.returncode, proc.stderr, calls(tmp_path)) == (0, "", [])


def test_ci_run_uses_it_and_the_ci_venv_is_ignored() -> None:
    run_script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'bash .ci/install-debs "${debs[@]}"' in run_script
    assert "apt-get" not in run_script  # every apt-get goes through the waiting script
    venv = run_script.split("venv=", 1)[1].split()[0]
    ignored = subprocess.run(["git", "check-ignore", "-q", f"{venv}/bin/python"], cwd=ROOT, env={**os.environ})
    assert ignored.returncode == 0, f"{venv}/ is not in .gitignore"


def test_ci_scripts_point_only_at_files_in_the_repository() -> None:
    import re

    for script in (ROOT / "tests" / "vscode" / "install_code_server.sh", ROOT / "tests" / "vscode" / "README.md", SCRIPT):
        lines = script.read_text(encoding="utf-8").splitlines()
        text = "\n".join(line for line in lines if script.suffix == ".md" or line.lstrip().startswith("#"))
        for ref in re.findall(r"[\w./-]+/[\w.-]+\.(?:md|sh|py|json|mjs)\b", text):
            assert (ROOT / ref).exists() or (script.parent / ref).exists(), f"{script.name} points at {ref}, not in the repository"
