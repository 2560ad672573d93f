"""Build tests/corpus/corpus.jsonl from the hand-written batches in tests/corpus/src/.

    python tests/corpus/build.py          # rebuild corpus.jsonl
    python tests/corpus/build.py --check  # validate corpus.jsonl only

A batch line is a JSON object:
    {"t": excerpt text exactly as published,
     "ti": page or file title, "u": URL,
     "g": "note|policy|report|training|research|news|forum|lived-experience|other",
     "f": [[phrase, category], [phrase, category, nth]],   # expected findings
     "trig": "word(s) in an ordinary/exempt sense",        # hard negatives only
     "c": "optional comment"}
Offsets are computed here: `nth` (0-based, default 0) picks which occurrence of the
phrase in the text is meant. Ids are assigned in order (batch files sorted by name).

Every record gets a `split`: `dev` (for rule work) or `test` (locked; only its summary
figures are ever looked at). The split is by source: every excerpt of a batch or a source
URL listed in `seen.txt` is dev (the team has seen it); any other excerpt goes to test
or dev by a hash of its source URL (two in three to test; one in four for the second
blind round; one in two for rounds 4 to 6), so all excerpts of one source share a split and adding batches never moves an existing excerpt.
"""

from __future__ import annotations

import hashlib
import json
import sys
from itertools import pairwise
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
OUT = HERE / "corpus.jsonl"
SEEN = HERE / "seen.txt"
CATEGORIES = {"deficit", "coercive", "stigmatising", "credibility"}
GENRES = {"note", "policy", "report", "training", "research", "news", "forum", "lived-experience", "other"}
SPLITS = ("dev", "test")


def read_seen(path: Path = SEEN) -> set[str]:
    """Batch file names and source URLs the team has seen: their excerpts are dev."""
    if not path.exists():
        return set()
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return {line for line in lines if line}


# The second blind round (2026-12-05) sends one source in four to test, not two in three:
# the locked split already holds ~40% of the corpus, and new batches mostly feed rule work.
DEV_HEAVY_BATCHES = {"blind-c.jsonl", "blind-d.jsonl", "blind-e.jsonl", "blind-f.jsonl"}
# Rounds 4 to 6 (2026-12-05) send one source in two to test, bringing the locked split
# back towards 40% of the corpus.
# Rounds 7 to 11 (2026-12-05, third session) likewise (round 10 is blind-za to blind-zd,
# round 11 blind-zza to blind-zzd).
HALF_BATCHES = {
    "blind-g.jsonl", "blind-h.jsonl", "blind-i.jsonl", "blind-j.jsonl", "blind-k.jsonl", "blind-l.jsonl",
    "blind-m.jsonl", "blind-n.jsonl", "blind-o.jsonl", "blind-p.jsonl",
    "blind-q.jsonl", "blind-r.jsonl", "blind-s.jsonl", "blind-t.jsonl",
    "blind-w.jsonl", "blind-x.jsonl", "blind-y.jsonl", "blind-z.jsonl",
    "blind-za.jsonl", "blind-zb.jsonl", "blind-zc.jsonl", "blind-zd.jsonl",
    "blind-zza.jsonl", "blind-zzb.jsonl", "blind-zzc.jsonl", "blind-zzd.jsonl",
    "blind-zzza.jsonl", "blind-zzzb.jsonl", "blind-zzzc.jsonl", "blind-zzzd.jsonl",
    "blind-zzzza.jsonl", "blind-zzzzb.jsonl", "blind-zzzzc.jsonl", "blind-zzzzd.jsonl",
    "blind-zzzzza.jsonl", "blind-zzzzzb.jsonl", "blind-zzzzzc.jsonl", "blind-zzzzzd.jsonl",
    "blind-zzzzzza.jsonl", "blind-zzzzzzb.jsonl", "blind-zzzzzzc.jsonl", "blind-zzzzzzd.jsonl",
    "blind-zzzzzzza.jsonl", "blind-zzzzzzzb.jsonl", "blind-zzzzzzzc.jsonl", "blind-zzzzzzzd.jsonl",
    "blind-zzzzzzzza.jsonl", "blind-zzzzzzzzb.jsonl", "blind-zzzzzzzzc.jsonl", "blind-zzzzzzzzd.jsonl",
    "blind-zzzzzzzzza.jsonl", "blind-zzzzzzzzzb.jsonl", "blind-zzzzzzzzzc.jsonl", "blind-zzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzza.jsonl", "blind-zzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
    "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzza.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzb.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzc.jsonl", "blind-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzd.jsonl",
}


def split_of(url: str, batch: str, seen: set[str]) -> str:
    """dev for seen batches and sources; otherwise sources go to test by a hash of the URL."""
    if batch in seen or url in seen:
        return "dev"
    bucket = int.from_bytes(hashlib.sha256(url.strip().encode("utf-8")).digest()[:8], "big")
    if batch in DEV_HEAVY_BATCHES:
        return "test" if bucket % 4 == 0 else "dev"
    if batch in HALF_BATCHES:
        return "test" if bucket % 2 == 0 else "dev"
    return "dev" if bucket % 3 == 0 else "test"


def find_nth(text: str, phrase: str, nth: int) -> int:
    pos = -1
    for _ in range(nth + 1):
        pos = text.find(phrase, pos + 1)
        if pos < 0:
            return -1
    return pos


def convert(raw: dict, where: str, split: str = "dev") -> dict:
    text = raw["t"]
    findings = []
    for item in raw.get("f", []):
        phrase, category = item[0], item[1]
        nth = item[2] if len(item) > 2 else 0
        start = find_nth(text, phrase, nth)
        if start < 0:
            raise SystemExit(f"{where}: phrase {phrase!r} (occurrence {nth}) not in text")
        findings.append({"start": start, "end": start + len(phrase), "text": phrase, "category": category})
    findings.sort(key=lambda f: (f["start"], f["end"]))
    rec = {
        "id": "",
        "text": text,
        "source": {"title": raw["ti"], "url": raw["u"]},
        "genre": raw["g"],
        "split": split,
        "negative": not findings,
        "findings": findings,
    }
    if "trig" in raw:
        rec["trigger"] = raw["trig"]
    if raw.get("c"):
        rec["comment"] = raw["c"]
    if raw.get("gap"):  # the policy was silent or ambiguous here; annotated conservatively
        rec["gap"] = raw["gap"]
    return rec


def validate(records: list[dict]) -> list[str]:
    problems = []
    seen: set[str] = set()
    for r in records:
        rid = r.get("id", "?")
        text = r["text"]
        if not text.strip():
            problems.append(f"{rid}: empty text")
        # the same excerpt copied from two mirrors differs only in spacing or case, and one
        # copy in each split would leak the locked split into rule work
        key = " ".join(text.split()).casefold()
        if key in seen:
            problems.append(f"{rid}: duplicate text")
        seen.add(key)
        if not str(r["source"].get("url", "")).startswith(("http://", "https://")):
            problems.append(f"{rid}: no URL")
        if not r["source"].get("title"):
            problems.append(f"{rid}: no title")
        if r["genre"] not in GENRES:
            problems.append(f"{rid}: bad genre {r['genre']!r}")
        if r.get("split") not in SPLITS:
            problems.append(f"{rid}: split must be one of {', '.join(SPLITS)}")
        if r["negative"] != (not r["findings"]):
            problems.append(f"{rid}: negative flag disagrees with findings")
        if r["negative"]:
            # A negative with a trigger is a hard negative (a word that looks like a
            # finding, in an ordinary or exempt sense); one without is plain clean text.
            trig = r.get("trigger", "")
            for word in (w.strip() for w in trig.split("|")):
                if word and word.lower() not in text.lower():
                    problems.append(f"{rid}: trigger {word!r} not in text")
        spans = []
        for f in r["findings"]:
            if f["category"] not in CATEGORIES:
                problems.append(f"{rid}: bad category {f['category']!r}")
            if text[f["start"]:f["end"]] != f["text"]:
                problems.append(f"{rid}: offsets {f['start']}:{f['end']} do not slice to {f['text']!r}")
            spans.append((f["start"], f["end"]))
        spans.sort()
        for (a1, b1), (a2, b2) in pairwise(spans):
            if a2 < b1:
                problems.append(f"{rid}: overlapping gold spans {a1}:{b1} and {a2}:{b2}")
    return problems


def build(src: Path = SRC, seen_file: Path = SEEN) -> list[dict]:
    seen = read_seen(seen_file)
    raws: list[tuple[str, str, dict]] = []  # batch, where, line
    for path in sorted(src.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip() and not line.lstrip().startswith("//"):
                where = f"{path.name}:{n}"
                try:
                    raw = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise SystemExit(f"{where}: {exc}") from exc
                if not isinstance(raw, dict) or not isinstance(raw.get("u"), str):
                    raise SystemExit(f"{where}: expected an object with a source URL 'u'")
                raws.append((path.name, where, raw))
    # A source that a seen batch quotes is seen, wherever else it is quoted.
    seen |= {raw["u"] for batch, _, raw in raws if batch in seen}
    # A source keeps the split of the first batch that quotes it.
    split_by_url: dict[str, str] = {}
    for batch, _, raw in raws:
        split_by_url.setdefault(raw["u"], split_of(raw["u"], batch, seen))
    records = [convert(raw, where, split_by_url[raw["u"]]) for _, where, raw in raws]
    for i, r in enumerate(records, 1):
        r["id"] = f"c{i:04d}"
    return records


def main(argv: list[str]) -> int:
    if "--check" in argv:
        records = [json.loads(x) for x in OUT.read_text(encoding="utf-8").splitlines() if x.strip()]
    else:
        records = build()
    problems = validate(records)
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        return 1
    if "--check" not in argv:
        with OUT.open("w", encoding="utf-8") as fh:
            for r in records:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    neg = sum(r["negative"] for r in records)
    hard = sum(bool(r["negative"] and r.get("trigger")) for r in records)
    print(
        f"{len(records)} records, {neg} negatives ({100 * neg / max(1, len(records)):.1f}%), "
        f"of which {hard} hard ({100 * hard / max(1, len(records)):.1f}% of all)"
    )
    for split in SPLITS:
        part = [r for r in records if r["split"] == split]
        sources = len({r["source"]["url"] for r in part})
        print(f"  {split}: {len(part)} records from {sources} sources")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
