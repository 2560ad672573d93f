"""The pre-commit hook, run by the real `pre-commit` tool against a temporary repository.

`pre-commit try-repo` installs tilint from this checkout into a fresh environment (pip,
from the package index: about a minute, every time: try-repo keeps no cache), then runs
the hook on the staged files, as a team's commit would.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT
from tests.test_formats_office import make_docx

try:
    import pre_commit  # noqa: F401
except ImportError as exc:  # never skip: the CI script installs the test extras
    raise ImportError(f"{exc}: install the test extras (pre-commit): pip install -e '.[test]'") from None


def _env(home: Path) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_FIND_LINKS", "PIP_CONFIG_FILE")}
    return {
        **keep,
        "PRE_COMMIT_HOME": str(home),
        "PRE_COMMIT_COLOR": "never",
        "NO_COLOR": "1",
        "GIT_AUTHOR_NAME": "tilint tests",
        "GIT_AUTHOR_EMAIL": "tests@example.invalid",
        "GIT_COMMITTER_NAME": "tilint tests",
        "GIT_COMMITTER_EMAIL": "tests@example.invalid",
        "TILINT_CACHE_DIR": str(home / "tilint-cache"),
    }


def git(repo: Path, *args: str, env: dict[str, str]) -> None:
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def try_repo(repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "tilint"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


@pytest.mark.slow
def test_hook_fails_on_a_staged_note_with_findings_and_passes_on_a_clean_one(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.fail("git is needed for the pre-commit test: apt-get install git")
    env = _env(tmp_path / "pre-commit-home")
    repo = tmp_path / "notes"
    repo.mkdir()
    git(repo, "init", "-q", env=env)

    (repo / "ward-round.md").write_text("# Ward round\n\nHe refused his depot.\n", encoding="utf-8")
    make_docx(repo / "plan.docx")  # Word files are hook files too
    (repo / "script.py").write_text("# refused: not a document type the hook checks\n", encoding="utf-8")
    git(repo, "add", "ward-round.md", "plan.docx", "script.py", env=env)
    failing = try_repo(repo, env)  # each try-repo installs afresh: two runs only
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "Failed" in failing.stdout
    assert "ward-round.md:3:4  warning" in failing.stdout
    assert "plan.docx: paragraph 4  warning" in failing.stdout
    assert "script.py" not in failing.stdout

    git(repo, "rm", "-q", "--cached", "ward-round.md", "plan.docx", env=env)
    (repo / "ward-round.md").write_text("# Ward round\n\nHe declined his depot.\n", encoding="utf-8")
    git(repo, "add", "ward-round.md", env=env)
    passing = try_repo(repo, env)
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "Passed" in passing.stdout


def test_manifest_is_valid() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
