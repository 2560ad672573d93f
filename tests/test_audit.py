"""tilint audit: counts that match tilint check, intervals, resuming, inputs, privacy."""

from __future__ import annotations

import csv
import json
import math
import os
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

pa = pytest.importorskip("pyarrow")  # the audit extra, installed by the test extra
import pyarrow.parquet as pq  # noqa: E402
from click.testing import CliRunner  # noqa: E402

from tilint import lint_text  # noqa: E402
from tilint.audit import AuditOptions, Columns, run_audit  # noqa: E402
from tilint.audit.stats import newcombe, wilson  # noqa: E402
from tilint.cli import main  # noqa: E402

NOTES = [
    ("n1", "2026-01-05", "Ward A", "He was non-compliant with his medication and refused breakfast."),
    ("n2", "2026-01-20", "Ward A", "We talked about the side effects and agreed a lower dose."),
    ("n3", "2026-02-02", "Ward B", "She claims she was not given her leave. Patient is a schizophrenic."),
    ("n4", "2026-02-17", "Ward B", "Slept well. Ate lunch with her sister."),
    ("n5", "2026-03-09", "Community", "He is attention-seeking and manipulative, staff said."),
    ("n6", "2026-03-30", "Community", "Discussed housing; she will phone the council tomorrow."),
]


def write_csv(path: Path, rows: list[tuple[str, str, str, str]] = NOTES) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["note_id", "date", "service", "text"])
        writer.writerows(rows)
    return path


def audit(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["audit", *args], env={"NO_COLOR": "1"})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def summary(folder: Path) -> list[dict[str, object]]:
    return pq.read_table(folder / "summary.parquet").to_pylist()


def cell(rows: list[dict[str, object]], by: str, group: str, level: str, key: str) -> dict[str, object]:
    [row] = [r for r in rows if (r["by"], r["group"], r["level"], r["key"]) == (by, group, level, key)]
    return row


def test_counts_match_what_tilint_finds_in_each_note(tmp_path: Path) -> None:
    code, out, err = audit(str(write_csv(tmp_path / "notes.csv")), "-o", str(tmp_path / "out"), "--by", "service", "-j", "1")
    assert code == 0, err
    expected = {note_id: lint_text(text) for note_id, _, _, text in NOTES}
    rows = summary(tmp_path / "out")
    total = sum(len(f) for f in expected.values())
    overall = cell(rows, "all", "all", "all", "all")
    assert overall["notes"] == len(NOTES)
    assert overall["findings"] == total
    assert overall["notes_with_findings"] == sum(1 for f in expected.values() if f)
    by_rule = Counter(f.rule for found in expected.values() for f in found)
    for rule, n in by_rule.items():
        assert cell(rows, "all", "all", "rule", rule)["findings"] == n
    ward_b = [expected["n3"], expected["n4"]]
    assert cell(rows, "service", "Ward B", "all", "all")["findings"] == sum(len(f) for f in ward_b)
    assert cell(rows, "service", "Ward B", "all", "all")["notes"] == 2
    findings = pq.read_table(tmp_path / "out" / "findings.parquet").to_pylist()
    assert len(findings) == total
    first = min((f for f in findings if f["id"] == "n1"), key=lambda f: f["start"])
    text = NOTES[0][3]
    assert text[first["start"] : first["end"]] == first["phrase"]
    assert first["by_service"] == "Ward A"
    assert f"{total:,} findings" in out


def test_findings_hold_no_more_of_a_note_than_the_phrase_unless_asked(tmp_path: Path) -> None:
    notes = write_csv(tmp_path / "notes.csv")
    audit(str(notes), "-o", str(tmp_path / "plain"))
    audit(str(notes), "-o", str(tmp_path / "context"), "--context")
    plain = (tmp_path / "plain" / "findings.csv").read_text(encoding="utf-8")
    assert "his medication" not in plain and "non-compliant" in plain
    assert "sentence" not in pq.read_table(tmp_path / "plain" / "findings.parquet").column_names
    with_context = pq.read_table(tmp_path / "context" / "findings.parquet").to_pylist()
    assert any("his medication" in row["sentence"] for row in with_context)


def test_wilson_and_newcombe_intervals_match_published_values() -> None:
    low, high = wilson(0, 10)
    assert low == 0 and math.isclose(high, 0.2775, abs_tol=1e-4)
    low, high = wilson(81, 263)  # Newcombe (1998), table I
    assert math.isclose(low, 0.2553, abs_tol=1e-4) and math.isclose(high, 0.3662, abs_tol=1e-4)
    change, low, high = newcombe(48, 80, 56, 70)  # Newcombe (1998) example (a): 56/70 - 48/80
    assert math.isclose(change, 0.2, abs_tol=1e-9)
    assert math.isclose(low, 0.0524, abs_tol=1e-4) and math.isclose(high, 0.3339, abs_tol=1e-4)


def test_periods_group_by_the_date_column(tmp_path: Path) -> None:
    code, _, err = audit(str(write_csv(tmp_path / "notes.csv")), "-o", str(tmp_path / "out"), "--by", "month", "--by", "quarter")
    assert code == 0, err
    rows = summary(tmp_path / "out")
    assert {r["group"] for r in rows if r["by"] == "month"} == {"2026-01", "2026-02", "2026-03"}
    assert {r["group"] for r in rows if r["by"] == "quarter"} == {"2026-Q1"}
    assert cell(rows, "month", "2026-02", "all", "all")["notes"] == 2


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--text-column", "body"), "no column 'body'"),
        (("--by", "team"), "no column 'team' for --by"),
    ],
)
def test_a_missing_column_is_one_line_naming_it(tmp_path: Path, args: tuple[str, ...], expected: str) -> None:
    code, _, err = audit(str(write_csv(tmp_path / "notes.csv")), "-o", str(tmp_path / "out"), *args)
    assert code == 2
    [line] = err.strip().splitlines()
    assert expected in line and "notes.csv" in line and "note_id, date, service, text" in line


def test_bad_inputs_are_one_line_errors(tmp_path: Path) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"text": "fine"}\n{not json\n', encoding="utf-8")
    code, _, err = audit(str(broken), "-o", str(tmp_path / "out"))
    assert code == 2 and "broken.jsonl:2" in err and len(err.strip().splitlines()) == 1
    code, _, err = audit(str(tmp_path / "missing.csv"), "-o", str(tmp_path / "out"))
    assert code == 2 and "missing.csv" in err
    odd = tmp_path / "notes.xlsx"
    odd.write_bytes(b"PK")
    code, _, err = audit(str(odd), "-o", str(tmp_path / "out"))
    assert code == 2 and "unknown input type" in err


def test_jsonl_and_parquet_give_the_same_summary_as_csv(tmp_path: Path) -> None:
    notes = write_csv(tmp_path / "notes.csv")
    rows = [dict(zip(["note_id", "date", "service", "text"], n, strict=True)) for n in NOTES]
    (tmp_path / "notes.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "notes.parquet")
    results = []
    for name in ("notes.csv", "notes.jsonl", "notes.parquet"):
        code, _, err = audit(str(tmp_path / name), "-o", str(tmp_path / name.replace(".", "-")), "--by", "service")
        assert code == 0, err
        results.append(summary(tmp_path / name.replace(".", "-")))
    assert results[0] == results[1] == results[2]
    assert notes.exists()


def test_an_interrupted_audit_resumes_without_counting_twice(tmp_path: Path) -> None:
    rows = [(f"n{i}", "2026-01-01", "Ward", NOTES[i % len(NOTES)][3]) for i in range(60)]
    notes = write_csv(tmp_path / "notes.csv", rows)
    options = AuditOptions(columns=Columns(by=("service",)), rows_per_chunk=10)
    jsonl = tmp_path / "notes.jsonl"
    jsonl.write_text("".join(json.dumps(dict(zip(["note_id", "date", "service", "text"], r, strict=True))) + "\n" for r in rows), encoding="utf-8")
    whole = run_audit([jsonl], tmp_path / "whole", options)

    calls = []

    def stop_after_two_chunks(fraction: float, notes_done: int) -> None:
        calls.append(notes_done)
        if len(calls) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_audit([jsonl], tmp_path / "resumed", options, progress=stop_after_two_chunks)
    assert (tmp_path / "resumed" / ".audit-state" / "state.json").exists()
    resumed = run_audit([jsonl], tmp_path / "resumed", options)
    assert resumed.resumed_from == 20
    assert (resumed.notes, resumed.findings) == (whole.notes, whole.findings) == (60, whole.findings)
    assert summary(tmp_path / "resumed") == summary(tmp_path / "whole")
    assert (tmp_path / "resumed" / "findings.csv").read_bytes() == (tmp_path / "whole" / "findings.csv").read_bytes()
    assert not (tmp_path / "resumed" / ".audit-state").exists()
    assert notes.exists()


def _unique_word(number: int) -> str:
    """A made-up word for each number (a name, a place): a new word for spaCy's vocabulary."""
    letters = "bcdfghjklmnprstvz"
    out = ""
    number += 1
    while number:
        number, digit = divmod(number, len(letters))
        out += letters[digit] + "aeiou"[digit % 5]
    return out


@pytest.mark.slow
def test_memory_stays_flat_as_the_input_grows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever the audit keeps from one note to the next has a bound: the segment cache,
    the prefilter's memo, the totals (by group, never by note) and spaCy's vocabulary (the
    linter is renewed past VOCAB_LIMIT words). With the bounds scaled down to a test-sized
    input, the memory held after each chunk stops growing: the second half of the run
    holds no more than the first. Real notes never run out of new words (names, places,
    numbers), so every note here brings six.

    Halfway, the cached scan is deleted, as another tilint process pruning the shared
    cache does: the next renewal compiles it and writes it again, which must not keep
    anything either (pyahocorasick leaks every pickled automaton: tilint.scan)."""
    import gc
    import tracemalloc

    import tilint.api
    import tilint.audit
    import tilint.datafiles
    import tilint.docarrays
    import tilint.prefilter

    monkeypatch.setattr(tilint.api, "CACHE_SEGMENTS", 50)
    monkeypatch.setattr(tilint.api, "CACHE_CHARS", 10_000)
    monkeypatch.setattr(tilint.prefilter, "MEMO_SIZE", 200)
    monkeypatch.setattr(tilint.docarrays, "_TEXTS_LIMIT", 500)
    tilint.api.get_linter()  # the cache written, then linked where this test alone prunes it
    shared = tilint.datafiles.cache_dir()
    assert shared is not None
    cache = tmp_path / "cache"
    shutil.copytree(shared, cache, copy_function=_link_or_copy)
    monkeypatch.setenv("TILINT_CACHE_DIR", str(cache))
    lines = []
    for i in range(1920):
        a, b, c = (_unique_word(3 * i + k).title() for k in range(3))
        said = f"{a} saw {b}, who was non-compliant at {c} ward, bed {i}, {i * 7 % 1000}mg, ref {a.lower()}{i}."
        text = said if i % 2 else f"{a} and {b} agreed a plan at {c} ward, bed {i}."
        lines.append(json.dumps({"id": f"n{i}", "service": f"S{i % 3}", "text": text}) + "\n")
    notes = tmp_path / "notes.jsonl"
    notes.write_text("".join(lines), encoding="utf-8")
    held: list[int] = []
    halfway = 12  # of the 24 chunks (1,920 notes, 80 a chunk)

    def sample(fraction: float, notes_done: int) -> None:
        gc.collect()
        held.append(tracemalloc.get_traced_memory()[0])
        if len(held) == halfway + 1:  # after the first chunk of the second half
            scans = list(cache.glob("scan-*.pickle"))
            assert scans
            for path in scans:
                path.unlink()

    tracemalloc.start()
    try:
        for _ in range(2):  # a linter built under tracemalloc as a renewed one is (lexicon cached)
            tilint.api.renew_linter()
            fresh = len(tilint.api.get_linter().nlp.vocab.strings)
        monkeypatch.setattr(tilint.audit, "VOCAB_LIMIT", fresh + 1300)  # renewed every few chunks
        result = run_audit([notes], tmp_path / "out", AuditOptions(columns=Columns(by=("service",)), jobs=1, rows_per_chunk=80), progress=sample)
    finally:
        tracemalloc.stop()
    assert result.notes == 1920 and result.findings == 960  # every other note
    assert len(held) == 2 * halfway
    first, second = max(held[:halfway]), max(held[halfway:])
    assert second <= first + 256 * 1024, " ".join(f"{h / 1e6:.2f}" for h in held)


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


@pytest.mark.slow
def test_an_audit_killed_mid_run_resumes_without_counting_twice(tmp_path: Path) -> None:
    """`tilint audit` killed outright (SIGKILL: no clean-up runs) while it works, then the
    same command again: it resumes after the last chunk saved, and every output is that
    of an audit never interrupted."""
    import signal
    import subprocess
    import sys
    import time

    rows = [(f"n{i}", f"2026-0{1 + i % 3}-01", f"S{i % 3}", NOTES[i % len(NOTES)][3] + f" Seen on day {i}.") for i in range(1200)]
    jsonl = tmp_path / "notes.jsonl"
    jsonl.write_text("".join(json.dumps(dict(zip(["note_id", "date", "service", "text"], r, strict=True))) + "\n" for r in rows), encoding="utf-8")
    command = [sys.executable, "-m", "tilint", "audit", str(jsonl), "-o", str(tmp_path / "killed"), "--by", "service", "--by", "month", "-j", "1", "--chunk-size", "20", "--no-progress"]
    state = tmp_path / "killed" / ".audit-state" / "state.json"
    first = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 300
        while not (state.exists() and json.loads(state.read_text(encoding="utf-8"))["chunks_done"] >= 3):
            assert first.poll() is None and time.monotonic() < deadline, "the audit ended before it could be killed"
            time.sleep(0.05)
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
    assert first.returncode == -signal.SIGKILL
    done_before = json.loads(state.read_text(encoding="utf-8"))["chunks_done"]
    assert 3 <= done_before < 60  # killed part-way
    second = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert second.returncode == 0, second.stderr
    resumed = int(re.search(r"resumed after ([\d,]+) notes", second.stdout).group(1).replace(",", ""))  # type: ignore[union-attr]
    assert resumed >= 20 * done_before and resumed % 20 == 0
    whole = run_audit([jsonl], tmp_path / "whole", AuditOptions(columns=Columns(by=("service", "month")), jobs=1, rows_per_chunk=20))
    assert "Audited 1,200 notes" in second.stdout and f"{whole.findings:,} findings" in second.stdout
    assert summary(tmp_path / "killed") == summary(tmp_path / "whole")
    assert (tmp_path / "killed" / "findings.csv").read_bytes() == (tmp_path / "whole" / "findings.csv").read_bytes()
    assert not (tmp_path / "killed" / ".audit-state").exists()


def test_a_checkpoint_of_other_inputs_is_not_resumed(tmp_path: Path) -> None:
    first = write_csv(tmp_path / "first.csv")
    state = tmp_path / "out" / ".audit-state"
    state.mkdir(parents=True)
    (state / "state.json").write_text(json.dumps({"identity": {"inputs": ["elsewhere"]}}), encoding="utf-8")
    code, _, err = audit(str(first), "-o", str(tmp_path / "out"))
    assert code == 2 and "--restart" in err
    code, _, err = audit(str(first), "-o", str(tmp_path / "out"), "--restart")
    assert code == 0, err


def test_compare_reports_the_change_with_intervals(tmp_path: Path) -> None:
    before = write_csv(tmp_path / "before.csv", [(f"b{i}", "2026-01-01", "W", NOTES[0][3]) for i in range(20)])
    after = write_csv(tmp_path / "after.csv", [(f"a{i}", "2026-06-01", "W", NOTES[0][3] if i < 5 else NOTES[1][3]) for i in range(20)])
    assert audit(str(before), "-o", str(tmp_path / "b"))[0] == 0
    code, _, err = audit(str(after), "-o", str(tmp_path / "a"), "--compare", str(tmp_path / "b"))
    assert code == 0, err
    change = cell(pq.read_table(tmp_path / "a" / "compare.parquet").to_pylist(), "all", "all", "all", "all")
    assert change["per_100_notes_before"] == 100 and change["per_100_notes_after"] == 25
    assert math.isclose(change["per_100_notes_change"], -75)
    assert change["per_100_notes_change_low"] < -75 < change["per_100_notes_change_high"] < 0
    assert "Change since the earlier audit" in (tmp_path / "a" / "report.html").read_text(encoding="utf-8")


def test_the_report_is_self_contained_and_escapes_what_the_records_hold(tmp_path: Path) -> None:
    hostile = "<script>alert(1)</script>"
    rows = [(f"{hostile}{i}", "2026-01-01", hostile, NOTES[0][3]) for i in range(3)]
    code, _, err = audit(str(write_csv(tmp_path / "notes.csv", rows)), "-o", str(tmp_path / "out"), "--by", "service")
    assert code == 0, err
    page = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;0" in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    loads = re.findall(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import""", page)
    assert loads == []  # nothing fetched when the page is opened


def test_a_folder_of_documents_is_audited_with_each_file_as_a_note(tmp_path: Path) -> None:
    (tmp_path / "docs" / "ward").mkdir(parents=True)
    (tmp_path / "docs" / "ward" / "a.md").write_text("He refused lunch.\n\n```\nnon-compliant\n```\n", encoding="utf-8")
    (tmp_path / "docs" / "b.txt").write_text("She was non-compliant.\n", encoding="utf-8")
    code, _, err = audit(str(tmp_path / "docs"), "-o", str(tmp_path / "out"), "--by", "folder")
    assert code == 0, err
    findings = pq.read_table(tmp_path / "out" / "findings.parquet").to_pylist()
    assert sorted((f["id"], f["phrase"], f["by_folder"]) for f in findings) == [
        ("b.txt", "non-compliant", "(top)"),
        ("ward/a.md", "refused", "ward"),
    ]


@pytest.mark.slow
def test_worker_processes_give_the_same_outputs_as_one(tmp_path: Path) -> None:
    rows = [(f"n{i}", f"2026-0{1 + i % 3}-01", f"S{i % 4}", NOTES[i % len(NOTES)][3]) for i in range(400)]
    notes = write_csv(tmp_path / "notes.csv", rows)
    one = run_audit([notes], tmp_path / "one", AuditOptions(columns=Columns(by=("service", "month")), jobs=1, rows_per_chunk=50))
    two = run_audit([notes], tmp_path / "two", AuditOptions(columns=Columns(by=("service", "month")), jobs=2, rows_per_chunk=50))
    assert (one.notes, one.findings) == (two.notes, two.findings)
    assert summary(tmp_path / "one") == summary(tmp_path / "two")
    assert (tmp_path / "one" / "findings.csv").read_bytes() == (tmp_path / "two" / "findings.csv").read_bytes()


AUDIT_SCREENSHOT = Path(__file__).resolve().parent.parent / "docs" / "images" / "audit-report.png"


@pytest.mark.slow
def test_the_report_renders_in_headless_chromium(tmp_path: Path) -> None:
    import os
    import random
    import shutil

    from tests.helpers import ROOT
    from tests.test_reports_html import _png_summary, run_chromium

    corpus = [json.loads(line)["text"] for line in (ROOT / "tests" / "corpus" / "corpus.jsonl").open(encoding="utf-8")]
    chooser = random.Random(7)
    services = ["Acute ward", "Community team", "Crisis team", "Prison healthcare", "Older adults"]
    rows = [
        (f"N{i:05d}", f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}", chooser.choice(services), " ".join(chooser.sample(corpus, 2)))
        for i in range(1500)
    ]
    notes = write_csv(tmp_path / "notes.csv", rows)
    code, _, err = audit(str(notes), "-o", str(tmp_path / "out"), "--by", "service", "--by", "month")
    assert code == 0, err
    shot = tmp_path / "audit.png"
    proc = run_chromium(f"--screenshot={shot}", "--window-size=1280,2400", "--hide-scrollbars", (tmp_path / "out" / "report.html").as_uri())
    assert shot.exists(), proc.stderr[-2000:]
    width, height, colours = _png_summary(shot.read_bytes())
    assert (width, height) == (1280, 2400) and colours > 20
    if os.environ.get("TILINT_UPDATE_SCREENSHOT"):
        shutil.copyfile(shot, AUDIT_SCREENSHOT)
    assert AUDIT_SCREENSHOT.exists(), "run with TILINT_UPDATE_SCREENSHOT=1 to store docs/images/audit-report.png"


@pytest.mark.slow
def test_the_dask_example_writes_the_same_outputs_on_a_local_cluster(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib
    import os

    from dask import distributed

    from tests.helpers import ROOT

    examples = str(ROOT / "examples")
    monkeypatch.syspath_prepend(examples)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([examples, str(ROOT), os.environ.get("PYTHONPATH", "")]))
    example = importlib.import_module("dask_audit")
    rows = [(f"n{i}", f"2026-0{1 + i % 3}-01", f"S{i % 3}", NOTES[i % len(NOTES)][3]) for i in range(120)]
    notes = write_csv(tmp_path / "notes.csv", rows)
    local = run_audit([notes], tmp_path / "local", AuditOptions(columns=Columns(by=("service",)), jobs=1))
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        on_cluster = example.audit_with_dask([notes], tmp_path / "dask", client, by=("service",))
    assert (on_cluster.notes, on_cluster.findings) == (local.notes, local.findings)
    assert summary(tmp_path / "dask") == summary(tmp_path / "local")
    assert (tmp_path / "dask" / "findings.csv").read_bytes() == (tmp_path / "local" / "findings.csv").read_bytes()


def _cluster_recipe() -> list[list[str]]:
    """The commands of the cluster recipe in docs/audit.md, as a user copies them."""
    import shlex

    from tests.helpers import ROOT

    doc = (ROOT / "docs" / "audit.md").read_text(encoding="utf-8")
    block = doc.split("<!-- cluster-recipe", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    return [shlex.split(line) for line in block.splitlines() if line.strip() and not line.startswith("#")]


@pytest.mark.slow
def test_the_documented_cluster_recipe_writes_the_same_outputs(tmp_path: Path) -> None:
    """docs/audit.md's scheduler, worker and driver commands, run here with the machines'
    addresses replaced by 127.0.0.1: the outputs are those of a local audit."""
    import os
    import socket
    import subprocess
    import sys
    import time

    from tests.helpers import ROOT

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    rows = [(f"n{i}", f"2026-0{1 + i % 3}-01", f"S{i % 3}", NOTES[i % len(NOTES)][3]) for i in range(90)]
    notes = write_csv(tmp_path / "notes.csv", rows)
    swaps = {"10.0.0.5:8786": f"127.0.0.1:{port}", "8786": str(port), "10.0.0.5": "127.0.0.1", "10.0.0.6": "127.0.0.1",
             "notes.csv": str(notes), "audit-2026/": str(tmp_path / "cluster")}
    commands = []
    for words in _cluster_recipe():
        words = [swaps.get(w, w.replace("10.0.0.5:8786", f"127.0.0.1:{port}")) for w in words]
        if words[:2] == ["pip", "install"]:
            continue  # this environment has them
        program = {"dask": [sys.executable, "-m", "dask"], "python": [sys.executable]}[words[0]]
        commands.append(program + words[1:])
    scheduler, worker, driver = commands
    assert "--scheduler" in driver and f"tcp://127.0.0.1:{port}" in worker and "127.0.0.1" in scheduler
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    started: list[subprocess.Popen[bytes]] = []
    try:
        log = (tmp_path / "scheduler.log").open("wb")
        started.append(subprocess.Popen(scheduler, cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT))
        deadline = time.monotonic() + 120
        while True:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            assert time.monotonic() < deadline and started[0].poll() is None, (tmp_path / "scheduler.log").read_text()
            time.sleep(0.2)
        log = (tmp_path / "worker.log").open("wb")
        started.append(subprocess.Popen(worker, cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT))
        done = subprocess.run(driver, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr[-3000:] + (tmp_path / "worker.log").read_text()[-3000:]
    finally:
        for process in reversed(started):
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=30)
    assert "Audited 90 notes" in done.stdout
    local = run_audit([notes], tmp_path / "local", AuditOptions(columns=Columns(by=("service", "month")), jobs=1))
    assert local.notes == 90 and local.findings > 0
    assert summary(tmp_path / "cluster") == summary(tmp_path / "local")
    assert (tmp_path / "cluster" / "findings.csv").read_bytes() == (tmp_path / "local" / "findings.csv").read_bytes()
