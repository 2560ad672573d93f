"""Soak: 10,000 random edits to two open documents over a real stdio connection.

A seeded generator types, deletes and pastes into a plain-text note (CRLF line ends) and a
Markdown note at once, in bursts, without waiting for diagnostics. Positions are UTF-16
(what the server negotiates by default) and the text is full of astral characters, ZWJ
sequences, combining accents and every kind of line end. Some changes are deliberately
wrong: ranges past the end, inside a surrogate pair, with the start after the end, at
the largest position the protocol allows, with negative numbers; versions older than the
server's; edits to a document that is not open.

The test keeps its own copy of each document, written from the specification and the
server's documented choices (documents.py, server.py), not from the server's code:

- a character past a line's end means the line's end; a line past the last means the end
  of the document; a position inside a surrogate pair means the start of that character;
- a range whose start is after its end is the same range the right way round;
- a notification with a version older than the server's is ignored whole;
- a notification whose parameters do not parse (a position below 0 or above 2**31 - 1,
  the protocol's uinteger) is dropped whole;
- a change to a document that is not open is ignored.

Then: the server is still up, its memory stopped growing after the first quarter, every
diagnostics set it published belongs to a version it accepted and equals a fresh lint of
that version's text, and the diagnostics of the final version equal a fresh `tilint` lint
of the final text.
"""

from __future__ import annotations

import asyncio
import json
import random
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from lsp_helpers import SERVER, change, make_client, published, start
from lsprotocol import types
from pytest_lsp import LanguageClient, client_capabilities

from tilint.api import lint_text
from tilint.findings import Finding

pytestmark = [pytest.mark.slow, pytest.mark.asyncio]

SEED = 20_261_123
EDITS = 10_000  # content changes sent, the ignored ones included
TARGET_SIZE = 9000  # sets where each document's size settles: about half of this
SAMPLE_EVERY = 250  # edits between two samples of the server's memory
MAX_POSITION = 2**31 - 1  # the largest uinteger the protocol allows

# How much the server's resident memory may grow from the end of the first quarter to
# the end. Its two large caches are scaled down for the soak (SMALL_CACHES), so they are
# full by then. The smaller lru caches (term forms, suggestions: 4,096 to 8,192 short
# entries each) and the allocator add about 1.5 MB (measured in-process, with spaCy's
# strings held flat). What is left unbounded is spaCy's string store, lexemes and
# tokenizer cache: about 0.5 kB for every token never seen before. Linting the text
# after every single change of this soak (far more lints than the server runs) meets
# 7,700 new tokens after the first quarter: about 4 MB. The server starts from the
# compiled-lexicon cache, as a user's does after its first run (the test warms it
# first): from there it grows about 12.7 MB (the same at 7401bc2 and at a315399; a
# server that compiled the lexicon itself showed only 1.5-5 MB, its growth hidden in
# the heap the compile had freed, so the bound of 12 MB had held only when no earlier
# test had warmed the cache). 16 MB allows a quarter over that and is still below what
# a leak would cost here: keeping every version's text some 25 MB (1,500 versions after
# the first quarter, of about 4,500 characters at 4 bytes each, emoji making them UCS-4
# strings), keeping every lint result over 20 MB (10,000 diagnostics and more, about
# 2.4 kB each with their findings).
RSS_GROWTH_LIMIT_KB = 16_000

SEVERITY = {"error": 1, "warning": 2, "info": 3, "hint": 4}

# -- what gets typed ---------------------------------------------------------------------

FLAGGED = [
    "refused", "non-compliant", "attention seeking", "committed suicide", "suffers from",
    "wheelchair bound", "the elderly", "claims", "frequent flyer", "challenging behaviour",
    "a schizophrenic", "manipulative", "denies", "sectioned", "a junkie", "a diabetic",
]
WORDS = [
    "the", "patient", "she", "he", "they", "said", "today", "ward", "plan", "review", "was",
    "her", "his", "meds", "and", "to", "of", "in", "on", "with", "team", "nurse", "sleep",
    "Plan:", "Risk:", "appointment", "family", "support", "goals", "calm", "walk",
]
MULTIBYTE = [
    "😀", "👩‍⚕️", "🏳️‍🌈", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "é", "e\u0301", "n\u0303a", "ß", "日本語", "Ελληνικά", "İ", "ﬁ",
    "\u200b", "\u00a0", "\u2011", "\u2019", "Ωμέγα",
]
BREAKS = ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\u2028"]
MARKDOWN = ["# ", "## ", "- ", "* ", "1. ", "> ", "`", "```\n", "**", "_", "[x](https://example.org)", "<!-- ", " -->", "| a | b |\n"]
SENTENCES = [
    "He refused his medication. ",
    "She is non-compliant with the plan. ",
    "They said she was attention seeking.\n",
    "Risk: a frequent flyer who suffers from anxiety.\n",
    "We walked together and she chose to rest. ",
    "> He committed suicide in 2019.\n",
    "- claims the pain is worse 😀\n",
    "`refused` in code is not flagged.\n",
]

PLAIN_START = "\r\n".join(
    [
        "Progress note, ward 7 😀",
        "",
        "She refused her morning medication and said she felt 𝔴𝔢𝔞𝔨.",
        "Plan: review with the team; she claims the dose is too high.",
        "",
        "He is non-compliant with fluids. Café staff say he is calm.",
        "Risk: described as attention seeking by a previous team.",
        "",
        "Family visited; they think the elderly residents need more support.",
        "",
    ]
)
MARKDOWN_START = "\n".join(
    [
        "# Care plan 👩‍⚕️",
        "",
        "- She refused the ward round.",
        "- He suffers from low mood; e\u0301nergy is low.",
        "",
        "```",
        "refused inside a code block is not checked",
        "```",
        "",
        "> A frequent flyer, said the note from 2019.",
        "",
        "She is non-compliant, the letter says. 日本語 text stays.",
        "",
    ]
)


# -- the client's copy of a document -----------------------------------------------------

_BREAK = re.compile(r"\r\n|\n|\r")  # LSP's line ends (str.splitlines knows more)


def utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end without the line end) of every line, in code points."""
    spans, start = [], 0
    for m in _BREAK.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def to_offset(text: str, spans: Sequence[tuple[int, int]], line: int, character: int) -> int:
    """A UTF-16 position as the server promises to read it, clamped into the text."""
    if line >= len(spans):
        return len(text)
    start, end = spans[line]
    used = 0
    for i in range(start, end):
        width = 2 if ord(text[i]) > 0xFFFF else 1
        if used + width > character:  # past the wanted position, or inside a pair
            return i
        used += width
    return end


def to_position(text: str, spans: Sequence[tuple[int, int]], offset: int) -> tuple[int, int]:
    line = max(i for i, (s, _) in enumerate(spans) if s <= offset)
    return line, utf16_len(text[spans[line][0] : offset])


Span = tuple[int, int, int, int]


@dataclass
class Doc:
    uri: str
    language: str
    kind: str
    text: str
    version: int  # the last version the server accepted
    next_version: int
    texts: dict[int, str] = field(default_factory=dict)  # every accepted version

    def __post_init__(self) -> None:
        self.texts[self.version] = self.text

    def accept(self, text: str) -> None:
        """The server took the notification at next_version: this is its text now."""
        self.text, self.version = text, self.next_version
        self.texts[self.version] = text


def apply(text: str, change: tuple[Span | None, str]) -> str:
    span, new = change
    if span is None:
        return new
    spans = line_spans(text)
    a = to_offset(text, spans, span[0], span[1])
    b = to_offset(text, spans, span[2], span[3])
    if b < a:
        a, b = b, a
    return text[:a] + new + text[b:]


# -- random edits ------------------------------------------------------------------------

@dataclass
class Counts:
    sent: int = 0  # content changes sent
    applied: int = 0
    notifications: int = 0
    single: int = 0  # notifications with one change
    kinds: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str, n: int = 1) -> None:
        self.kinds[kind] = self.kinds.get(kind, 0) + n


def typed(rng: random.Random, markdown: bool) -> str:
    roll = rng.random()
    if roll < 0.30:
        return rng.choice("abcdefghijklmnopqrstuvwxyz .,;'-")
    if roll < 0.50:
        return " " + rng.choice(WORDS)
    if roll < 0.62:
        return " " + rng.choice(FLAGGED)
    if roll < 0.74:
        return rng.choice(MULTIBYTE)
    if roll < 0.84:
        return rng.choice(BREAKS)
    if roll < 0.90 and markdown:
        return rng.choice(MARKDOWN)
    if roll < 0.97:
        return rng.choice(SENTENCES)
    # a paste: several pieces at once
    return "".join(typed(rng, markdown) for _ in range(rng.randint(2, 8)))


def random_offset(rng: random.Random, text: str) -> int:
    return rng.randint(0, len(text))


def position(text: str, offset: int) -> tuple[int, int]:
    return to_position(text, line_spans(text), offset)


def random_change(rng: random.Random, text: str, markdown: bool, counts: Counts) -> tuple[Span | None, str]:
    """One content change against `text` (the text after the changes before it)."""
    size = len(text)
    # Insert more often in a short text and less in a long one: the size hovers around
    # TARGET_SIZE, so every quarter of the soak does the same work.
    grow = min(0.95, max(0.15, 0.5 + 0.5 * (TARGET_SIZE - size) / TARGET_SIZE))
    roll = rng.random()
    if roll < 0.001:  # the whole text at once, as a client without incremental sync would
        counts.add("whole document")
        cut = random_offset(rng, text)
        return None, text[cut:] + text[:cut]
    if roll < 0.12:
        return bogus_change(rng, text, markdown, counts)
    roll = rng.random()
    if roll < grow:  # insert
        line, char = position(text, random_offset(rng, text))
        counts.add("insert")
        return (line, char, line, char), typed(rng, markdown)
    a = random_offset(rng, text)
    length = rng.choice([1, 1, 1, 2, 3, 5, 8, 13, 40]) if rng.random() < 0.9 else rng.randint(40, 400)
    b = min(size, a + length)
    start, end = position(text, a), position(text, b)
    if roll < grow + (1 - grow) * 0.7:  # delete
        counts.add("delete")
        return (*start, *end), ""
    counts.add("replace")
    return (*start, *end), typed(rng, markdown)


BOGUS = ["past last line", "past line end", "start after end", "largest position", "inside a pair"]


def bogus_change(rng: random.Random, text: str, markdown: bool, counts: Counts) -> tuple[Span, str]:
    spans = line_spans(text)
    lines = len(spans)
    kind = rng.choice(BOGUS)
    counts.add(kind)
    new = typed(rng, markdown) if rng.random() < 0.7 else ""
    if kind == "past last line":
        line = lines + rng.randint(0, 50)
        return (line, rng.randint(0, 80), line + rng.randint(0, 3), rng.randint(0, 80)), new
    if kind == "past line end":
        line = rng.randrange(lines)
        length = utf16_len(text[spans[line][0] : spans[line][1]])
        return (line, length + rng.randint(1, 40), line, length + rng.randint(41, 90)), new
    if kind == "start after end":
        a, b = sorted((random_offset(rng, text), random_offset(rng, text)))
        b = min(b, a + 20)
        return (*position(text, b), *position(text, a)), new
    if kind == "largest position":
        if rng.random() < 0.5:
            return (MAX_POSITION, MAX_POSITION, MAX_POSITION, MAX_POSITION), new
        line = rng.randrange(lines)
        return (line, rng.randint(0, 5), line, MAX_POSITION), new
    # inside a surrogate pair: between the two halves of an astral character
    astral = [i for i, c in enumerate(text) if ord(c) > 0xFFFF]
    if not astral:
        text_pos = position(text, len(text))
        return (*text_pos, *text_pos), "😀"
    at = rng.choice(astral)
    line, char = position(text, at)
    if rng.random() < 0.5:
        return (line, char + 1, line, char + 1), new  # an insertion there goes before it
    other = position(text, min(len(text), at + rng.randint(1, 20)))
    return (line, char + 1, *other), new  # the whole of the astral character goes


# -- the connection ----------------------------------------------------------------------

# The server as `python -m lsp_server --stdio` would run it, but with its two large
# caches scaled down, so that they are full within the first quarter and every later
# entry evicts one: from then on they cannot grow, and what still grows is a leak (or
# spaCy's string store, the one thing that is not bounded: see the memory bound).
SEGMENT_CACHE = 500  # tilint.api.CACHE_SEGMENTS, 20,000 shipped
CHUNK_CACHE = 200  # tilint.formats.markdown._prepare_chunk, lru_cache(8192) shipped
SMALL_CACHES = [
    SERVER[0],
    "-c",
    "import functools, sys\n"
    "import tilint.api\n"
    "import tilint.formats.markdown as md\n"
    f"tilint.api.CACHE_SEGMENTS = {SEGMENT_CACHE}\n"
    f"md._prepare_chunk = functools.lru_cache(maxsize={CHUNK_CACHE})(md._prepare_chunk.__wrapped__)\n"
    "from lsp_server.server import main\n"
    "sys.exit(main(sys.argv[1:]))\n",
    *SERVER[3:],
]


async def launch(workspace: Path) -> tuple[LanguageClient, asyncio.Task[bytes]]:
    """The server over stdio, with its stderr kept (pytest-lsp would forward it)."""
    client = make_client()
    await super(LanguageClient, client).start_io(*SMALL_CACHES)  # pygls's: no forwarding
    server = client._server
    assert server is not None and server.stderr is not None
    stderr = server.stderr

    async def collect() -> bytes:
        return await stderr.read()

    errors = asyncio.get_running_loop().create_task(collect())
    await start(client, workspace, client_capabilities("visual-studio-code"))
    return client, errors


def send_raw(client: LanguageClient, uri: str, version: int, changes: Sequence[tuple[Span | None, str]]) -> None:
    """Written by hand: lsprotocol will not build a position with a negative number."""
    content = [
        {"text": t}
        if s is None
        else {"range": {"start": {"line": s[0], "character": s[1]}, "end": {"line": s[2], "character": s[3]}}, "text": t}
        for s, t in changes
    ]
    client.protocol._send_data(
        {
            "jsonrpc": "2.0",
            "method": "textDocument/didChange",
            "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": content},
        }
    )


def rss_kb(pid: int) -> int:
    with open(f"/proc/{pid}/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS")


# -- the oracle --------------------------------------------------------------------------

def expected(text: str, kind: str) -> list[tuple[str, Span, str, int]]:
    """A fresh lint of `text`, as diagnostics in UTF-16 positions (converted here)."""
    spans = line_spans(text)
    out = []
    findings: list[Finding] = lint_text(text, kind=kind)
    for f in findings:
        out.append(
            (f.rule, (*to_position(text, spans, f.start), *to_position(text, spans, f.end)), f.message, SEVERITY[f.severity.value])
        )
    return out


def got(diagnostics: Sequence[types.Diagnostic]) -> list[tuple[str, Span, str, int]]:
    return [
        (
            str(d.code),
            (d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character),
            d.message,
            int(d.severity) if d.severity is not None else 0,
        )
        for d in diagnostics
    ]


# -- the soak ----------------------------------------------------------------------------

@dataclass
class Soak:
    counts: Counts = field(default_factory=Counts)
    ignored: dict[str, int] = field(default_factory=dict)  # notifications by why they were ignored
    samples: list[tuple[int, int]] = field(default_factory=list)  # (edits sent, server RSS in kB)
    seconds: float = 0.0

    def ignore(self, why: str, n: int) -> None:
        self.ignored[why] = self.ignored.get(why, 0) + 1
        self.counts.add(why, n)


async def soak(client: LanguageClient, pid: int, docs: list[Doc], never_opened: str) -> Soak:
    """Send EDITS content changes in bursts, keeping `docs` as the server should have them."""
    rng = random.Random(SEED)
    run = Soak(samples=[(0, rss_kb(pid))])
    counts = run.counts
    next_sample = SAMPLE_EVERY
    last = len(docs)  # one final change per document, sent after the loop
    started = time.perf_counter()
    while counts.sent < EDITS - last:
        for _ in range(rng.randint(1, 12)):  # a burst, sent without waiting for anything
            left = EDITS - last - counts.sent
            if left <= 0:
                break
            d = rng.choice(docs)
            n = min(left, 1 if rng.random() < 0.4 else rng.randint(2, 12))
            changes: list[tuple[Span | None, str]] = []
            text = d.text
            for _ in range(n):  # each change applies to the text the ones before it left
                changes.append(random_change(rng, text, d.kind == "markdown", counts))
                text = apply(text, changes[-1])
            counts.notifications += 1
            counts.single += n == 1
            counts.sent += n
            roll = rng.random()
            if roll < 0.03:
                run.ignore("stale version", n)
                change(client, d.uri, rng.randint(max(0, d.version - 5), d.version - 1), *changes)
            elif roll < 0.04:  # -1, or -1 read as unsigned: no uinteger, so pygls drops it
                run.ignore("invalid position", n)
                bad: Span = rng.choice([(-1, 0, 0, 0), (0, -rng.randint(1, 9), 0, 0), (0, 0, 2**32 - 1, 0)])
                send_raw(client, d.uri, d.next_version, [*changes[:-1], (bad, changes[-1][1])])
                d.next_version += 1
            elif roll < 0.05:
                run.ignore("document not open", n)
                change(client, never_opened, d.next_version, *changes)
            else:
                change(client, d.uri, d.next_version, *changes)
                d.accept(text)
                counts.applied += n
                d.next_version += rng.choice([1, 1, 1, 1, 2, 3])  # versions may skip
            while counts.sent >= next_sample:
                assert rss_kb(pid) > 0  # still there
                run.samples.append((next_sample, rss_kb(pid)))
                next_sample += SAMPLE_EVERY
        await asyncio.sleep(rng.choice([0, 0.005, 0.02, 0.05, 0.1]))  # a pause in the typing

    # Last, a flagged sentence appended past the end of each document, so that the final
    # comparison reaches the last line whatever the edits before did.
    for d in docs:
        last_line: tuple[Span | None, str] = ((MAX_POSITION, 0, MAX_POSITION, 0), "\nHe refused the last review.")
        change(client, d.uri, d.next_version, last_line)
        d.accept(apply(d.text, last_line))
        counts.sent += 1
        counts.applied += 1
        counts.notifications += 1
        counts.single += 1
    run.seconds = time.perf_counter() - started
    return run


async def test_soak_ten_thousand_edits(tmp_path: Path) -> None:
    workspace = tmp_path / "notes"
    workspace.mkdir()
    docs = [
        Doc((workspace / "note.txt").as_uri(), "plaintext", "text", PLAIN_START * 12, 10, 11),
        Doc((workspace / "plan.md").as_uri(), "markdown", "markdown", MARKDOWN_START * 16, 10, 11),
    ]
    never_opened = (workspace / "closed.txt").as_uri()
    lint_text("Warm the compiled-lexicon cache the server will start from.")  # the state a user's server is in
    started = time.perf_counter()
    client, stderr_task = await launch(workspace)
    server = client._server
    assert server is not None
    try:
        for d in docs:  # open and linted once (spaCy loaded) before the typing starts
            client.text_document_did_open(
                types.DidOpenTextDocumentParams(types.TextDocumentItem(d.uri, d.language, d.version, d.text))
            )
            await published(client, d.uri, d.version, timeout=60)
        run = await soak(client, server.pid, docs, never_opened)
        finals = {d.uri: await published(client, d.uri, d.version, timeout=120) for d in docs}
        settled = time.perf_counter() - started
        await asyncio.sleep(0.5)
        run.samples.append((run.counts.sent, rss_kb(server.pid)))
        assert server.returncode is None, "the server exited"
        await client.shutdown_session()
        assert await asyncio.wait_for(server.wait(), 30) == 0
    finally:
        if server.returncode is None:
            server.kill()
        await client.stop()
    stderr = (await stderr_task).decode("utf-8", "replace")

    # After the last edit, the diagnostics equal a fresh lint of the final text.
    for d in docs:
        assert d.text.endswith("He refused the last review.")
        assert got(finals[d.uri]) == expected(d.text, d.kind), d.uri

    # Every publish along the way was for a version the server accepted, came in order,
    # and was right for that version's text.
    publishes: list[types.PublishDiagnosticsParams] = client.published  # type: ignore[attr-defined]
    checked = diagnostics = 0
    for d in docs:
        mine = [p for p in publishes if p.uri == d.uri]
        versions = [p.version for p in mine]
        assert versions == sorted(versions), f"{d.uri}: publishes out of order"
        for p in mine:
            assert p.version in d.texts, f"{d.uri}: published version {p.version}, never accepted"
            assert got(p.diagnostics) == expected(d.texts[p.version], d.kind), f"{d.uri} version {p.version}"
            checked += 1
            diagnostics += len(p.diagnostics)
    assert not [p for p in publishes if p.uri == never_opened]

    # What was ignored was ignored for the reason the test meant, once per notification,
    # and nothing else went wrong.
    counts, ignored = run.counts, run.ignored
    assert stderr.count("didChange with stale version") == ignored["stale version"]
    assert stderr.count("didChange for a document that is not open") == ignored["document not open"]
    assert stderr.count("protocol error (JsonRpcException): JsonRpcInvalidParams") == ignored["invalid position"]
    # pygls reports each unparsable notification in two lines at ERROR; nothing else may.
    errors = [line.split(" ERROR ", 1)[1] for line in stderr.splitlines() if " ERROR " in line]
    assert set(errors) == {
        "pygls.protocol.json_rpc: Unable to deserialize message",
        "pygls.server: Unable to handle message (JsonRpcInvalidParams)",
    }, errors[:10]
    assert len(errors) == 2 * ignored["invalid position"]
    assert "Traceback" not in stderr, stderr[-3000:]
    assert client.messages == []

    # Memory: flat from the end of the first quarter.
    quarter = next(kb for n, kb in run.samples if n >= EDITS // 4)
    peak = max(kb for n, kb in run.samples if n >= EDITS // 4)
    end = run.samples[-1][1]
    report = {
        "edits": counts.sent,
        "applied": counts.applied,
        "notifications": counts.notifications,
        "single-edit notifications": counts.single,
        "changes by kind": dict(sorted(counts.kinds.items())),
        "ignored notifications": ignored,
        "publishes checked": checked,
        "diagnostics in them": diagnostics,
        "seconds sending": round(run.seconds, 1),
        "seconds to final diagnostics": round(settled, 1),
        "rss kB": {"start": run.samples[0][1], "quarter": quarter, "peak after": peak, "end": end},
        "rss series kB": [kb for _, kb in run.samples],
    }
    print("soak:", json.dumps(report))
    assert counts.sent == EDITS
    assert counts.single > counts.notifications // 4
    assert min(ignored.values()) > 0 and len(ignored) == 3
    assert all(counts.kinds.get(k, 0) > 50 for k in BOGUS), counts.kinds
    assert peak - quarter < RSS_GROWTH_LIMIT_KB, report
    assert end - quarter < RSS_GROWTH_LIMIT_KB, report


