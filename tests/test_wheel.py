"""The lexicon ships inside the wheel and loads from an installed copy, not the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.helpers import ROOT


@pytest.mark.slow
def test_lexicon_loads_from_an_installed_wheel(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    [wheel] = list(dist.glob("tilint-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "tilint/lexicons/deficit.yml" in names
    assert "tilint/lexicons/schema.json" in names
    assert "tilint/lexicons/classes/institutions.yml" in names  # word classes (context)
    assert "tilint/lexicons/spellings/uk-us.yml" in names
    assert "tilint/lexicons/spellings/misspellings.yml" in names
    assert "tilint/py.typed" in names
    assert "tilint/report/templates/rule.md.j2" in names
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)

    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site), str(wheel)],
        check=True,
        capture_output=True,
    )
    probe = (
        "import tilint, tilint.lexicon as lx\n"
        "from tilint import lint_text\n"
        "print(tilint.__file__)\n"
        "print(lx.builtin_lexicon_dir())\n"
        "print(len(lx.load_lexicon().rules))\n"
        "print(lint_text('She refused lunch.')[0].rule)\n"
        "from tilint import classes\n"
        "print(classes.builtin_classes_dir())\n"
        "print(len(lint_text('The court refused bail.')))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site), "TILINT_CACHE_DIR": str(tmp_path / "cache")}
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out[0].startswith(str(site))
    assert out[1] == str(site / "tilint" / "lexicons")
    assert int(out[2]) >= 2
    assert out[3] == "TI102"
    assert out[4] == str(site / "tilint" / "lexicons" / "classes")
    assert out[5] == "0"  # the court is not the person: the installed word classes are used


@pytest.mark.slow
def test_sdist_carries_the_licence_and_the_project_documents(tmp_path: Path) -> None:
    import tarfile

    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "sdist", "-d", str(tmp_path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    [sdist] = list(tmp_path.glob("tilint-*.tar.gz"))
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {"LICENSE", "CHANGELOG.md", "CONTRIBUTING.md", "README.md"} <= names
