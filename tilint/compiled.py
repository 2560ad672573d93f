"""The compiled lexicon: what tilint.matching makes of the rules and the spaCy component,
the phrase index and the prefilter read. Types only, so each of those modules imports
this one and none of them imports another for its types."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tilint.findings import SuggestionKind

# The tag of a form listed without `inflect` that can only be a verb ("allow"): the
# context checks read its match as a verb, as they do an inflected verb form's.
VERB_ONLY = "verb-only"

if TYPE_CHECKING:
    from tilint.phrases import PhraseTables
    from tilint.prefilter import Prefilter


@dataclass(frozen=True, slots=True)
class WindowSpec:
    words: frozenset[str]  # single lower-cased words
    phrases: tuple[tuple[str, ...], ...]  # multi-word phrases, as word tuples
    size: int


@dataclass(frozen=True, slots=True)
class SuggestionTemplate:
    by_tag: tuple[tuple[str | None, str], ...]  # tag -> filled text
    safe: bool
    kind: SuggestionKind
    safe_tags: frozenset[str] | None = None  # safe only for matches of these tags

    def safe_for(self, tag: str | None) -> bool:
        return self.safe and (self.safe_tags is None or tag in self.safe_tags)

    def render(self, tag: str | None) -> str:
        for key, text in self.by_tag:
            if key == tag:
                return text
        return self.by_tag[0][1]


@dataclass(frozen=True, slots=True)
class CompiledGroup:
    rule_index: int
    group_index: int
    case_sensitive: bool
    forms: tuple[tuple[str, frozenset[str]], ...]  # surface form, inflection tags
    suggestions: tuple[SuggestionTemplate, ...]
    requires_before: WindowSpec | None
    requires_after: WindowSpec | None
    unless_before: WindowSpec | None
    unless_after: WindowSpec | None
    requires_near: WindowSpec | None = None


@dataclass(frozen=True, slots=True)
class CompiledLexicon:
    groups: tuple[CompiledGroup, ...]
    exceptions: tuple[tuple[int, tuple[str, ...]], ...]  # rule index, phrases
    names: tuple[str, ...]
    # The phrases above indexed for matching, as the pipeline's tokenizer splits them
    # (None when compiled without one): see tilint/phrases.py.
    tables: PhraseTables | None = None
    # Finds the segments that may hold a finding without tokenizing them (built with
    # the tables, from the same tokenizer): see tilint/prefilter.py.
    prefilter: Prefilter | None = None
