"""Fuzzing the readers and the CLI: no crash, no hang, exit code 0, 1 or 2 only.

Inputs come from bench/fuzz.py (random bytes, invalid UTF-8, UTF-16 with a BOM, NUL
bytes, a 50 MB line, deeply nested Markdown and HTML, truncated and malicious zip files,
...), each written once per reader extension: a reader registered in
`tilint.formats.KINDS` is fuzzed from the day it exists. Sizes are scaled by
TILINT_FUZZ_SCALE (CI: 0.25 of bench/fuzz.py's sizes; the long run in
docs/performance.md uses 4). The time-outs are hang guards, not performance limits.
"""

from __future__ import annotations

import json
import os
import random
import sys
import tempfile
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import ROOT, load_module
from tilint import lint_paths
from tilint.errors import TilintError
from tilint.positions import line_col, line_starts

SCALE = float(os.environ.get("TILINT_FUZZ_SCALE", "1"))
SIZE = 0.25 * SCALE  # of bench/fuzz.py's sizes
HANG = 900.0  # seconds: a run this long is a hang, whatever the machine


def _load_fuzz() -> ModuleType:
    return load_module("tilint_bench_fuzz", ROOT / "bench" / "fuzz.py")


fuzz = _load_fuzz()
EXTENSIONS: list[str] = fuzz.reader_extensions()


def check_result(path: Path) -> None:
    """lint_paths on one file: exactly one result, an input error or consistent findings."""
    results = lint_paths([str(path)], discover_config=False)
    assert len(results) == 1
    result = results[0]
    if result.error is not None:
        assert isinstance(result.error, TilintError)
        assert str(result.error).startswith("TL003 ")
        assert "\n" not in str(result.error)
        return
    from tilint.api import read_text_file
    from tilint.formats import OFFICE_KINDS, kind_for, read_document

    kind = kind_for(path) or "text"
    if kind in OFFICE_KINDS:  # offsets into the extracted text; line = block number
        document = read_document(path, str(path), kind)
        for f in result.findings:
            assert document.text[f.start : f.end] == f.text
            assert 1 <= f.line <= f.end_line <= len(document.blocks)
        return
    text = read_text_file(path, str(path))
    starts = line_starts(text)
    for f in result.findings:
        assert text[f.start : f.end] == f.text
        assert (f.line, f.column) == line_col(starts, f.start)


# ---------------------------------------------------------------- hypothesis over bytes

PROSE = fuzz.PROSE
TEXTS = st.text(st.characters(codec="utf-8"), max_size=300) | st.lists(
    st.sampled_from([*PROSE.split(), "\n", "\r\n", "> ", "# ", "- ", "```", "<!--", "-->", "`", "*", "[", "](", "\x00"]),
    max_size=80,
).map(" ".join)
ENCODED = st.tuples(TEXTS, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "latin-1", "cp1252"])).map(
    lambda pair: pair[0].encode(pair[1], errors="replace")
)


def _mutate(data: bytes, seed: int) -> bytes:
    rng = random.Random(seed)
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if not out:
            break
        i = rng.randrange(len(out))
        op = rng.randrange(4)
        if op == 0:
            out[i] = rng.randrange(256)
        elif op == 1:
            del out[i : i + rng.randint(1, 16)]
        elif op == 2:
            out[i:i] = rng.choice([b"\xff\xfe", b"\xef\xbb\xbf", b"\x00", b"\xc3", b"<!--", b"```", b"\r", b"PK\x03\x04"])
        else:
            out = out[:i]
    return bytes(out)


BYTES = st.one_of(
    st.binary(max_size=4000),
    ENCODED,
    st.tuples(ENCODED, st.integers(0, 2**32)).map(lambda p: _mutate(p[0], p[1])),
)


@settings(max_examples=max(1, int(1000 * SCALE)), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=BYTES, extension=st.sampled_from(EXTENSIONS))
def test_any_bytes_through_any_reader(data: bytes, extension: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{extension}"
        path.write_bytes(data)
        check_result(path)


# ---------------------------------------------------------------- named hostile inputs


@pytest.fixture(scope="module")
def workdir() -> object:
    with tempfile.TemporaryDirectory(prefix="tilint-fuzz-") as tmp:
        yield Path(tmp)


@pytest.mark.parametrize("name", sorted(fuzz.HOSTILE))
def test_hostile_input_in_process(name: str, workdir: Path) -> None:
    for extension in EXTENSIONS:
        path = fuzz.write_input(workdir, name, fuzz.HOSTILE[name], extension, SIZE)
        try:
            check_result(path)
        finally:
            path.unlink()


def test_all_hostile_inputs_through_one_cli_run(workdir: Path) -> None:
    """One `tilint check --format json` over every input in every extension: one bad
    file never stops the others, nothing crashes, exit code 2 (some inputs are errors)."""
    folder = workdir / "cli"
    folder.mkdir()
    paths = [fuzz.write_input(folder, name, build, ext, SIZE) for name, build in fuzz.HOSTILE.items() for ext in EXTENSIONS]
    code, seconds, stdout, stderr = fuzz.run_cli(paths, HANG, ("--format", "json"))
    assert code is not None, f"hang: no result after {seconds:.0f} s"
    assert code == 2, stderr[-2000:]
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr[-2000:]
    errors = [line for line in stderr.splitlines() if line]
    assert all(line.startswith("tilint: TL003 ") for line in errors), errors[:5]
    # Every file is accounted for: in the JSON report, or named by an error line.
    named = {line.split(" ")[2].rstrip(":") for line in errors}
    assert named <= {str(p) for p in paths}
    report = json.loads(stdout)
    assert report["summary"]["files"] + len(named) == len(paths)
    for finding in report["findings"]:
        assert finding["path"] not in named
    for path in paths:
        path.unlink()


def test_stdin_random_bytes_and_hostile_markdown() -> None:
    for seed, name in [(1, "note.md"), (2, "note.txt"), (3, "<stdin>")]:
        data = random.Random(seed).randbytes(20_000)
        for payload in (data, fuzz.HOSTILE["md-deep-quote"](SIZE), fuzz.HOSTILE["utf16-le-bom"](SIZE)):
            proc = _run_stdin(payload, name)
            assert proc.returncode in (0, 1, 2)
            assert "Traceback" not in proc.stderr


def _run_stdin(payload: bytes, name: str):  # type: ignore[no-untyped-def]
    import subprocess

    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    args = [sys.executable, "-m", "tilint", "check", "--format", "json", "-"]
    if name != "<stdin>":
        args += ["--stdin-filename", name]
    proc = subprocess.run(args, input=payload, capture_output=True, env=env, timeout=HANG, check=False)
    proc.stderr = proc.stderr.decode("utf-8", "replace")  # type: ignore[assignment]
    if proc.returncode != 2:
        json.loads(proc.stdout)
    return proc


# ---------------------------------------------------------------- once quadratic, now linear

KNOWN_TIMEOUT = 60.0  # the fixed code takes seconds; the quadratic code took many minutes


@pytest.mark.parametrize("name", sorted(fuzz.KNOWN_QUADRATIC))
def test_known_quadratic_inputs_finish(name: str, workdir: Path) -> None:
    build, _fix = fuzz.KNOWN_QUADRATIC[name]
    path = fuzz.write_input(workdir, name, build, ".md", 1.0)
    code, seconds, _, _ = fuzz.run_cli([path], KNOWN_TIMEOUT, ("--format", "json"))
    assert code in (0, 1, 2), f"no result after {seconds:.0f} s"


def test_text_report_on_a_long_line_with_many_findings(workdir: Path) -> None:
    path = workdir / "long-line.txt"
    path.write_bytes(PROSE.encode() * 5000)  # one line, 770 KB, 10,000 findings
    code, seconds, _, _ = fuzz.run_cli([path], KNOWN_TIMEOUT)
    assert code == 1, f"no result after {seconds:.0f} s"
