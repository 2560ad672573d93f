"""Build a benchmark text of unique real prose, deterministically, with no download.

Real prose comes from Debian's `fortunes` package (about 2.5 MB of varied English:
`apt-get install fortunes`). Every passage is used once, so no paragraph repeats
(repetition flatters caches). Between passages go clinical-note sentences made with a
seeded generator, so a realistic share of the text holds phrases tilint flags. Without
the package, the generated sentences are used alone and the report says so.
"""

from __future__ import annotations

import random
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


def real_passages() -> list[str]:
    """Unique passages from the fortunes package, in a stable order."""
    if not FORTUNES.is_dir():
        return []
    seen: set[str] = set()
    out: list[str] = []
    for path in sorted(FORTUNES.iterdir()):
        if path.suffix in (".dat", ".u8") or path.is_symlink() or "art" in path.name:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for passage in text.split("\n%\n"):
            passage = passage.strip()
            if len(passage) > 40 and passage not in seen:
                seen.add(passage)
                out.append(passage)
    return out


def make_text(target_bytes: int, seed: int = 7) -> tuple[str, str]:
    """(text, description of where it came from)."""
    rng = random.Random(seed)
    passages = real_passages()
    paragraphs: list[str] = []
    size = 0
    used = 0
    while size < target_bytes:
        if used < len(passages):
            para = passages[used]
            used += 1
            if used % 4 == 0:
                para += "\n\n" + " ".join(sentence(rng) for _ in range(rng.randint(2, 4)))
        else:
            para = " ".join(sentence(rng) for _ in range(rng.randint(3, 7)))
        paragraphs.append(para)
        size += len(para.encode("utf-8")) + 2
    source = (
        f"{used:,} unique passages from Debian's fortunes, with generated note sentences"
        if used
        else "generated note sentences only (install Debian's fortunes for real prose)"
    )
    return "\n\n".join(paragraphs) + "\n", source


if __name__ == "__main__":
    import sys

    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    sys.stdout.write(make_text(size)[0])
