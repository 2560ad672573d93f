"""bench/ab_speed.py measures checkouts of tilint, each in its own process: a folder that
is not one is refused by name, and a real checkout's measurement is a time per text."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT, load_module


def _load():
    sys.path.insert(0, str(ROOT / "bench"))
    return load_module("tilint_bench_ab_speed", ROOT / "bench" / "ab_speed.py")


ab_speed = _load()


def test_a_folder_that_is_no_checkout_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        ab_speed.main([str(tmp_path)])
    assert exit_info.value.code == 2
    assert f"{tmp_path}: not a tilint checkout" in capsys.readouterr().err


def test_one_checkout_is_measured_on_each_text(tmp_path: Path) -> None:
    texts = [tmp_path / "prose.txt", tmp_path / "notes.txt"]
    texts[0].write_text("The weather was fine.\n\nWe walked to the shops.\n", encoding="utf-8")
    texts[1].write_text("She refused her tablets.\n\nHe was non-compliant.\n", encoding="utf-8")
    got = ab_speed.measure(ROOT, texts, tmp_path / "cache")
    assert set(got) == {"prose", "notes"}
    assert all(floor >= 0 and lint > 0 for floor, lint in got.values())


def test_a_checkout_that_fails_is_named_with_its_last_error_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    (broken / "tilint").mkdir(parents=True)
    (broken / "tilint" / "__init__.py").write_text("raise RuntimeError('lexicon would not load')\n", encoding="utf-8")
    (broken / "tilint" / "api.py").write_text("", encoding="utf-8")
    text = tmp_path / "prose.txt"
    text.write_text("The weather was fine.\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"broken: the measurement failed: RuntimeError: lexicon would not load"):
        ab_speed.measure(broken, [text], tmp_path / "cache")
