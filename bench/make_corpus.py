"""Build a benchmark text of unique real prose, deterministically, with no download.

Real prose comes from Debian packages, read where apt installed them:

    apt-get install fortunes bible-kjv python3.11-doc debian-reference-en

* `fortunes`: 2.4 MB of varied English passages;
* `bible-kjv`: the King James Bible (4.4 MB), printed by its `bible` program, five
  verses to a paragraph, verse numbers dropped;
* `python3.11-doc`: the reStructuredText sources of Python's documentation, of which
  only the prose paragraphs are kept (code, directives, tables and markup stripped),
  2 MB;
* `debian-reference-en`: the plain-text Debian Reference, prose paragraphs only.

Together about 8.9 MB of real prose. Every paragraph is used once (repetition flatters
tilint's segment cache and spaCy's tokenizer cache), and the sources are interleaved
evenly, so a 1 KB text and a 10 MB one hold the same mix. After every fourth passage go clinical-note sentences made with a
seeded generator, so a realistic share of the text holds phrases tilint flags. When the
packages run out (or are missing), generated sentences fill the rest, and the
description says how much of the text is real prose.
"""

from __future__ import annotations

import gzip
import random
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

SUBJECTS = ["She", "He", "They", "The patient", "Mr A", "Ms B", "The young person", "Our client", "The resident", "Jo"]
VERBS = ["described", "reported", "talked about", "explained", "mentioned", "wrote about", "told us about", "shared", "discussed", "asked about"]
OBJECTS = [
    "the side effects of the new tablets", "sleeping badly since the move", "a visit from her sister",
    "plans for the weekend", "worries about money and housing", "the noise on the ward at night",
    "feeling low in the mornings", "a job interview next month", "the care plan review",
    "pain in the left knee", "going to the gym again", "the letter from the council",
]
CONTEXT = [
    "after breakfast", "during the ward round", "at the clinic", "on the phone", "in the garden",
    "before the meeting", "with the nurse", "at home", "in the group session", "with her advocate",
]
FLAGGED = [
    "refused the depot", "was non-compliant with medication", "was described as manipulative",
    "claims the pain is worse", "denies any thoughts of self-harm", "was attention-seeking",
    "was allowed leave", "absconded from the ward", "is a schizophrenic", "committed suicide",
    "was placed on observations", "suffers from depression", "is an addict", "was managed by staff",
]
ORDINARY = [
    "the court refused bail", "the tumour is aggressive", "lung compliance was normal",
    "the dressing was clean", "heart failure is stable", "pain management was reviewed",
    "Alcoholics Anonymous meets on Tuesdays", "the application was rejected",
]
WORDS = "a about after again all also and any are as at back be because been before being both but by can could day did do down each even every few first for from get give go good great had has have her here him his how if in into it its just know last like little long make many may me more most much must my new no not now of on one only or other our out over own people plan said same see she should so some still such take than that the their them then there these they think this those through time to too two under up us very was way we week well were what when where which while who why will with would year you your".split()


def sentence(rng: random.Random) -> str:
    roll = rng.random()
    s = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(CONTEXT)}"
    if roll < 0.08:
        s += f" and {rng.choice(FLAGGED)}"
    elif roll < 0.14:
        s += f", and {rng.choice(ORDINARY)}"
    # A random tail of ordinary words makes every sentence unique.
    tail = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 14)))
    return f"{s}, {tail}."


FORTUNES = Path("/usr/share/games/fortunes")
PYTHON_DOC_SOURCES = sorted(Path("/usr/share/doc").glob("python3*/html/_sources"))
DEBIAN_REFERENCE = Path("/usr/share/debian-reference/debian-reference.en.txt.gz")


def fortune_passages() -> Iterator[str]:
    if not FORTUNES.is_dir():
        return
    for path in sorted(FORTUNES.iterdir()):
        if path.suffix in (".dat", ".u8") or path.is_symlink() or "art" in path.name:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for passage in text.split("\n%\n"):
            yield passage.strip()


_RST_ROLE = re.compile(r":[a-z:+-]+:`!?~?([^`<]*?)\s*(?:<[^`>]*>)?`")
_RST_LITERAL = re.compile(r"``([^`]+)``")
_RST_REF = re.compile(r"`([^`<]+?)\s*(?:<[^`>]*>)?`_{1,2}")
_RST_EMPHASIS = re.compile(r"(?<![\w*])\*{1,2}([^*\s][^*]*?)\*{1,2}(?![\w*])")
_NOT_PROSE_START = (".. ", ">>>", "...", "|", "+", "=", "-", "*", "#", "$", "(", "[", "{", "%", ":")
_LITERAL_DIRECTIVE = re.compile(r"^\s*\.\. (?:code-block|code|sourcecode|doctest|testcode|testoutput|productionlist|literalinclude|highlight|parsed-literal)::", re.MULTILINE)
_UNDERLINE = re.compile(r"^\s*([=\-~^\"*+#`:.'_])\1{2,}\s*$")
_PROSE_CHARS = re.compile(r"[A-Za-z ,.;:'\"()?!-]")


def _prose_paragraphs(text: str) -> Iterator[str]:
    """Paragraphs of running prose: no code, tables, headings or list markup.

    A block after a line ending in '::' or a code directive is code while it stays
    indented deeper than that line (reStructuredText's literal blocks)."""
    literal_indent: int | None = None
    for block in re.split(r"\n[ \t\u00a0]*\n", text.replace("\u00a0", " ")):
        lines = [line for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        indent = len(lines[0]) - len(lines[0].lstrip())
        if literal_indent is not None:
            if indent > literal_indent:
                continue
            literal_indent = None
        if lines[-1].rstrip().endswith("::") or _LITERAL_DIRECTIVE.search(block):
            literal_indent = indent
        if any(_UNDERLINE.match(line) for line in lines):
            continue  # a heading
        joined = " ".join(line.strip() for line in lines)
        if joined.startswith(_NOT_PROSE_START) or joined.endswith("::"):
            continue
        if any(len(line) - len(line.lstrip()) != indent for line in lines[1:]):
            continue  # ragged indentation: a definition list, a table or code
        prose = len(_PROSE_CHARS.findall(joined))
        if len(joined) < 100 or prose < 0.97 * len(joined) or not joined[0].isupper():
            continue
        yield joined


def python_doc_passages() -> Iterator[str]:
    for folder in PYTHON_DOC_SOURCES[:1]:
        for path in sorted(folder.rglob("*.rst.txt")):
            if "whatsnew/changelog" in path.as_posix():
                continue  # a list of issue titles, not prose
            text = path.read_text(encoding="utf-8", errors="replace")
            for para in _prose_paragraphs(text):
                para = _RST_ROLE.sub(r"\1", para)
                para = _RST_LITERAL.sub(r"\1", para)
                para = _RST_REF.sub(r"\1", para)
                para = _RST_EMPHASIS.sub(r"\1", para)
                yield para.replace("::", ":")


def debian_reference_passages() -> Iterator[str]:
    if not DEBIAN_REFERENCE.exists():
        return
    text = gzip.decompress(DEBIAN_REFERENCE.read_bytes()).decode("utf-8", errors="replace")
    yield from _prose_paragraphs(text)


_VERSE = re.compile(r"^\w+?\d+:\d+ (.*)$", re.MULTILINE)


def bible_passages() -> Iterator[str]:
    """The King James Bible from Debian's bible-kjv, five verses to a paragraph."""
    program = shutil.which("bible")
    if program is None:
        return
    out = subprocess.run(
        [program, "-f", "Gen1:1-Rev22:21"], capture_output=True, check=False, timeout=60
    ).stdout.decode("utf-8", errors="replace")
    verses = _VERSE.findall(out)
    for i in range(0, len(verses), 5):
        yield " ".join(verses[i : i + 5])


SOURCES = (
    ("fortunes", fortune_passages),
    ("bible-kjv", bible_passages),
    ("python3.11-doc", python_doc_passages),
    ("debian-reference-en", debian_reference_passages),
)


def real_passages() -> list[tuple[str, str]]:
    """(source package, passage): unique passages in a stable order, the sources spread
    evenly through it (each passage placed by how far through its own source it is)."""
    seen: set[str] = set()
    keyed: list[tuple[float, int, str, str]] = []
    for order, (name, source) in enumerate(SOURCES):
        passages = []
        for passage in source():
            # A paragraph seen before (a fortune's "-- Mark Twain") is dropped from
            # the passage, so no paragraph of the text repeats.
            paras = [p.strip() for p in re.split(r"\n[ \t]*\n", passage)]
            fresh = [p for p in paras if p and p not in seen]
            seen.update(fresh)
            passage = "\n\n".join(fresh)
            if len(passage) > 40:
                passages.append(passage)
        total = sum(len(p) for p in passages) or 1
        done = 0
        for passage in passages:
            keyed.append((done / total, order, name, passage))
            done += len(passage)
    keyed.sort(key=lambda k: (k[0], k[1]))
    return [(name, passage) for _, _, name, passage in keyed]


def make_text(target_bytes: int, seed: int = 7) -> tuple[str, str]:
    """(text, description of where it came from)."""
    rng = random.Random(seed)
    passages = real_passages()
    paragraphs: list[str] = []
    size = 0
    used = 0
    real_bytes = 0
    per_source: dict[str, int] = {}
    while size < target_bytes:
        if used < len(passages):
            name, para = passages[used]
            used += 1
            per_source[name] = per_source.get(name, 0) + 1
            real_bytes += len(para.encode("utf-8"))
            if used % 4 == 0:
                para += "\n\n" + " ".join(sentence(rng) for _ in range(rng.randint(2, 4)))
        else:
            para = " ".join(sentence(rng) for _ in range(rng.randint(3, 7)))
        paragraphs.append(para)
        size += len(para.encode("utf-8")) + 2
    if used:
        sources = ", ".join(f"{n:,} from {name}" for name, n in per_source.items())
        source = (
            f"{used:,} unique passages ({sources}), {real_bytes / max(size, 1):.0%} of the bytes;"
            " the rest generated note sentences"
        )
    else:
        source = "generated note sentences only (apt-get install fortunes python3.11-doc debian-reference-en)"
    return "\n\n".join(paragraphs) + "\n", source


if __name__ == "__main__":
    import sys

    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    sys.stdout.write(make_text(size)[0])
