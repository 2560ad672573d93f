"""The language policy's categories and principles, as data (lexicons/policy.json).

Everything that lists categories or principles reads them from here: the lexicon loader
(codes start with TI + the category's digit), the CLI, the reports' colours, the docs
generator, the accuracy bench and the server. A new category is one entry in the file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path


@dataclass(frozen=True, slots=True)
class CategoryInfo:
    name: str
    digit: str  # the first digit of its rules' codes: TI1xx for deficit
    title: str
    blurb: str
    colour: str  # for reports and charts


def data_dir() -> Path:
    """The shipped lexicon folder: inside the installed package, or at the top of a checkout."""
    packaged = resources.files("tilint").joinpath("lexicons")
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "lexicons"


def _load() -> tuple[tuple[CategoryInfo, ...], dict[int, str]]:
    data = json.loads((data_dir() / "policy.json").read_text(encoding="utf-8"))
    categories = tuple(
        CategoryInfo(c["name"], str(c["digit"]), c["title"], c["blurb"], c["colour"]) for c in data["categories"]
    )
    return categories, {int(number): text for number, text in data["principles"].items()}


CATEGORY_INFO, PRINCIPLES = _load()
CATEGORIES: tuple[str, ...] = tuple(c.name for c in CATEGORY_INFO)
CATEGORY_DIGIT: dict[str, str] = {c.name: c.digit for c in CATEGORY_INFO}
CATEGORY_COLOURS: dict[str, str] = {c.name: c.colour for c in CATEGORY_INFO}
CATEGORY_BLURBS: dict[str, str] = {c.name: c.blurb for c in CATEGORY_INFO}
OTHER_COLOUR = "#475569"  # a category from a user's lexicon that this file does not know
# The tag every opt-in rule carries (LANGUAGE_POLICY.md, "The default set and opt-in rules").
OPT_IN_TAG = "opt-in"
