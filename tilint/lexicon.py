"""Load and validate lexicon files: the rules as data.

A lexicon file is YAML with a category and its rules (see docs/writing-rules.md and the
generated JSON Schema in lexicons/schema.json). Every problem is reported as one line that
names the file, the rule and the fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from tilint.datafiles import read_yaml as _read_yaml
from tilint.errors import LexiconError
from tilint.findings import Severity

# Categories and principles are data (lexicons/policy.json); a category is its name.
from tilint.policy import CATEGORIES as CATEGORIES
from tilint.policy import CATEGORY_DIGIT as CATEGORY_DIGIT
from tilint.policy import OPT_IN_TAG as OPT_IN_TAG
from tilint.policy import PRINCIPLES as PRINCIPLES
from tilint.policy import data_dir
from tilint.sources import builtin_files as builtin_files  # re-exported: it lived here
from tilint.terms import TermSyntaxError, expand, plain_phrases

Category = str  # one of CATEGORIES, checked where a rule or a lexicon file is validated
InflectionTag = Literal["VB", "VBD", "VBN", "VBG", "VBZ", "VBP", "NN", "NNS", "JJ"]

# Tags that group opt-in rules (LANGUAGE_POLICY.md, "The default set and opt-in rules"):
# every built-in opt-in rule carries `opt-in` and one of these, so a team turns a group on
# with `extend-select = ["children-services"]`, or all of them with `["opt-in"]`.
OPT_IN_GROUPS: dict[str, str] = {
    "contested": "guides and communities disagree about the term",
    "jargon": "service jargon and clinical shorthand, a matter of audience and house style",
    "children-services": "children's social care vocabulary (placement, contact, LAC...)",
    "clinical-terms": "recognised clinical or legal terms that the policy does not list",
    "house-style": "milder wording preferences the policy does not list",
    "unlisted-labels": "words about character the policy does not list (demanding, rude, entitled), which blind annotators reading it did not flag",
}

_CODE = re.compile(r"^[A-Z]{2,5}\d{3}$")
_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_TERMS_PER_RULE = 400
MAX_RULES = 5000
# Bounds on what a user's lexicon may ask of the matcher (hostile or runaway files).
# Checked after validation rather than in the models, so the JSON Schema is unchanged.
MAX_PHRASE_CHARS = 2000  # a term, an exception or a window word is a phrase (with choices), not a text
MAX_GROUPS_PER_RULE = 100
MAX_EXCEPTIONS_PER_RULE = 1000
MAX_PHRASES_PER_FILE = 100_000  # surface forms after expansion (the built-in lexicon: ~4,000)


class _Strict(BaseModel):
    # defer_build: a lexicon from the compiled cache is unpickled, never validated, so
    # building the validators at import (30 ms for these models) is wasted there.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Source(_Strict):
    title: str = Field(min_length=3)
    url: str
    publisher: str | None = None
    year: int | None = Field(default=None, ge=1900, le=2100)

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        if not re.match(r"^https?://[^\s/]+\.[^\s]+$", value):
            raise ValueError("must be an http(s) URL")
        return value


class SuggestionSpec(_Strict):
    """A replacement (`text`) or advice on how to rephrase (`rephrase`)."""

    text: str | None = Field(default=None, min_length=1)
    rephrase: str | None = Field(default=None, min_length=1)
    safe: bool = False
    # Safe only where the match is one of these inflected forms (Penn tags), e.g.
    # [VB, VBD, VBN, VBZ, VBP] keeps "is refusing" -> "is declining" out of --fix.
    safe_forms: list[InflectionTag] | None = Field(default=None, min_length=1)

    @model_validator(mode="after")
    def _one_kind(self) -> SuggestionSpec:
        if (self.text is None) == (self.rephrase is None):
            raise ValueError("give exactly one of 'text' (a replacement) or 'rephrase' (advice)")
        if self.rephrase is not None and self.safe:
            raise ValueError("'rephrase' advice is never applied automatically, so it cannot be safe")
        if self.safe_forms is not None and not self.safe:
            raise ValueError("'safe_forms' narrows a safe suggestion: set 'safe: true' or drop it")
        return self


def _suggestion_list(value: Any) -> Any:
    if isinstance(value, list):
        return [{"text": v} if isinstance(v, str) else v for v in value]
    return value


class Window(_Strict):
    """Words that must (or must not) stand within `window` tokens of the match."""

    words: list[str] = Field(min_length=1, max_length=500)
    window: int = Field(default=4, ge=1, le=12)

    @field_validator("words")
    @classmethod
    def _words_have_letters(cls, words: list[str]) -> list[str]:
        # a hyphen or a space makes a phrase of words; one with no letters ("-") splits into
        # no word at all and would match anywhere (a lone "'" or "?" is one token: fine)
        for word in words:
            if ("-" in word or " " in word) and not any(ch.isalnum() for ch in word):
                raise ValueError(f"window word {word!r} has no letter or digit, so it would match anywhere")
        return words


class MatchGroup(_Strict):
    terms: list[str] = Field(min_length=1, max_length=MAX_TERMS_PER_RULE)
    inflect: Literal["verb", "noun", "adj"] | None = None
    case_sensitive: bool = False
    suggestions: list[SuggestionSpec] | None = None
    requires_before: Window | None = None
    requires_after: Window | None = None
    # Words that must stand within `window` tokens on either side: a sense cue that may
    # come before or after ("compliance" of a patient or with a treatment).
    requires_near: Window | None = None
    unless_before: Window | None = None
    unless_after: Window | None = None

    _listify = field_validator("suggestions", mode="before")(_suggestion_list)


class Example(_Strict):
    text: str = Field(min_length=1)
    span: str | None = None  # the text the finding should cover
    fix: str | None = None  # the example after its first safe suggestion is applied


class FixExample(_Strict):
    """A fix snapshot: `after` is exactly what `tilint check --fix` writes for `before`
    (the same text when no safe fix applies, e.g. a construction the fix would break)."""

    before: str = Field(min_length=1)
    after: str


class Examples(_Strict):
    flag: list[Example] = Field(min_length=2)
    ok: list[str] = Field(min_length=2)
    # Every safe suggestion needs at least 3 of these that it changes (a lexicon test checks).
    fixes: list[FixExample] = Field(default_factory=list)

    @field_validator("flag", mode="before")
    @classmethod
    def _flag(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [{"text": v} if isinstance(v, str) else v for v in value]
        return value


class Rule(_Strict):
    code: str
    name: str
    category: Category
    tags: list[str] = Field(default_factory=list)
    severity: Severity = Severity.WARNING
    principles: list[int] = Field(min_length=1)
    match: list[MatchGroup] = Field(min_length=1)
    exceptions: list[str] = Field(default_factory=list)
    skip_negated: bool = False
    message: str = Field(min_length=10)
    why: str = Field(min_length=40)
    suggestions: list[SuggestionSpec] = Field(min_length=1)
    sources: list[Source] = Field(min_length=1)
    examples: Examples
    removed: bool = False
    # Codes this rule had before it moved (to another category): settings, inline
    # suppressions, baselines and `tilint explain` that name an old code reach this rule.
    replaces: list[str] = Field(default_factory=list)
    # Contested preferences (guides disagree): off unless selected by code, name or tag.
    opt_in: bool = False
    # First-person use ("I'm a bit OCD") is still a finding: for misuse, not self-disclosure.
    flag_self_description: bool = False
    file: str = ""  # filled in by the loader; where the rule came from

    _listify = field_validator("suggestions", mode="before")(_suggestion_list)

    @field_validator("code")
    @classmethod
    def _code(cls, value: str) -> str:
        if not _CODE.match(value):
            raise ValueError("must look like TI101: two to five capital letters and three digits")
        return value

    @field_validator("replaces")
    @classmethod
    def _replaces(cls, value: list[str]) -> list[str]:
        for code in value:
            cls._code(code)
        return value

    @field_validator("category")
    @classmethod
    def _category(cls, value: str) -> str:
        return _known_category(value)

    @field_validator("principles")
    @classmethod
    def _principles(cls, value: list[int]) -> list[int]:
        unknown = [p for p in value if p not in PRINCIPLES]
        if unknown:
            raise ValueError(f"no principle {unknown[0]} (the policy has {min(PRINCIPLES)} to {max(PRINCIPLES)})")
        return value

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not _NAME.match(value):
            raise ValueError("must be kebab-case, e.g. 'non-compliant'")
        return value

    @field_validator("tags")
    @classmethod
    def _tags(cls, value: list[str]) -> list[str]:
        for tag in value:
            if not _NAME.match(tag):
                raise ValueError(f"tag {tag!r} must be kebab-case")
        if len(set(value)) != len(value):
            raise ValueError("a tag is listed twice")  # SARIF requires unique tags
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Rule:
        if self.code.startswith("TI") and self.code[2] != CATEGORY_DIGIT[self.category]:
            raise ValueError(
                f"code {self.code} does not fit category {self.category!r}: "
                f"{self.category} codes start with TI{CATEGORY_DIGIT[self.category]}"
            )
        return self

    def all_suggestion_specs(self) -> list[SuggestionSpec]:
        specs = list(self.suggestions)
        for group in self.match:
            specs.extend(group.suggestions or ())
        return specs

    @property
    def selectors(self) -> frozenset[str]:
        """Everything `--select`/`--ignore` can name this rule by (lower-cased)."""
        return frozenset({self.code.lower(), self.name, self.category, *self.tags})


class LexiconFile(_Strict):
    version: Literal[1] = 1
    category: Category
    rules: list[dict[str, Any]] = Field(max_length=MAX_RULES)

    @field_validator("category")
    @classmethod
    def _category(cls, value: str) -> str:
        return _known_category(value)


def _known_category(value: str) -> str:
    if value not in CATEGORIES:
        raise ValueError(f"must be one of {', '.join(CATEGORIES)} (lexicons/policy.json)")
    return value


@dataclass(frozen=True)
class Lexicon:
    rules: tuple[Rule, ...]
    names: tuple[str, ...]  # proper names never flagged (organisations, laws, titles)
    files: tuple[str, ...]

    def by_code(self) -> dict[str, Rule]:
        return {r.code: r for r in self.rules}

    def find(self, key: str) -> Rule | None:
        """A rule by code (any case) or name, or by a code it replaces (never another
        rule's code: the loader checks)."""
        key_l = key.strip().lower()
        for rule in self.rules:
            if key_l in (rule.code.lower(), rule.name, *(old.lower() for old in rule.replaces)):
                return rule
        return None

    def redirects(self) -> dict[str, str]:
        """Old code -> the code of the rule that replaced it."""
        return {old: rule.code for rule in self.rules for old in rule.replaces}

    @property
    def active(self) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if not r.removed)


def builtin_lexicon_dir() -> Path:
    """The shipped lexicon: inside the installed package, or at the top of a checkout."""
    return data_dir()


def load_lexicon(extra_files: Sequence[str | Path] = (), *, builtin: bool = True) -> Lexicon:
    """Read, validate and cross-check the built-in lexicon plus any extra files."""
    files: list[Path] = list(builtin_files()) if builtin else []
    files.extend(Path(f) for f in extra_files)
    rules: list[Rule] = []
    for path in files:
        rules.extend(load_file(path))
    names = load_names(builtin_lexicon_dir() / "names.yml") if builtin else []
    _cross_check(rules)
    return Lexicon(tuple(rules), tuple(names), tuple(str(f) for f in files))




def load_names(path: Path) -> list[str]:
    if not path.exists():
        return []
    data = _read_yaml(path)
    names = data.get("names") if isinstance(data, dict) else None
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise LexiconError(str(path), "expected a mapping with a 'names' list of strings")
    return names


def load_file(path: Path) -> list[Rule]:
    data = _read_yaml(path)
    if not isinstance(data, dict):
        raise LexiconError(str(path), "expected a mapping with 'category' and 'rules'")
    try:
        header = LexiconFile.model_validate(data)
    except ValidationError as exc:
        raise LexiconError(str(path), _describe(exc)) from None
    rules = []
    phrases = 0
    for index, raw in enumerate(header.rules):
        label = _rule_label(raw, index)
        if not isinstance(raw, dict):
            raise LexiconError(f"{path} {label}", "each rule must be a mapping")
        raw = {"category": header.category, **raw, "file": str(path)}
        try:
            rule = Rule.model_validate(raw)
        except ValidationError as exc:
            raise LexiconError(f"{path} {label}", _describe(exc)) from None
        if rule.category != header.category:
            raise LexiconError(
                f"{path} {label}",
                f"category {rule.category!r} differs from the file's {header.category!r}",
                "move the rule to the file of its category",
            )
        phrases += _check_terms(path, label, rule)
        if phrases > MAX_PHRASES_PER_FILE:
            raise LexiconError(
                f"{path} {label}",
                f"the file's terms expand to more than {MAX_PHRASES_PER_FILE:,} phrases",
                "use fewer choices '(a|b)' and inflected terms, or split the file",
            )
        rules.append(rule)
    return rules


def _rule_label(raw: Any, index: int) -> str:
    if isinstance(raw, dict):
        code, name = raw.get("code"), raw.get("name")
        if code or name:
            return f"rule {code or '?'} ({name or '?'})"
    return f"rule #{index + 1}"


def _describe(exc: ValidationError) -> str:
    err = exc.errors()[0]
    loc = ".".join(str(p) for p in err["loc"] if p != "__root__")
    kind = err["type"]
    if kind == "extra_forbidden":
        return f"unknown key {loc!r} (check the spelling; see lexicons/schema.json)"
    if kind == "missing":
        return f"missing required field {loc!r}"
    if kind == "too_short":
        return f"field {loc!r} {err['msg'].lower()}"
    msg = err["msg"].removeprefix("Value error, ")
    return f"field {loc!r}: {msg}" if loc else msg


def _check_terms(path: Path, label: str, rule: Rule) -> int:
    """Check a rule's phrases; the number of surface forms its terms expand to."""
    where = f"{path} {label}"
    _check_bounds(where, rule)
    seen: set[str] = set()
    count = 0
    for group in rule.match:
        for term in group.terms:
            key = " ".join(term.lower().split())
            if key in seen:
                raise LexiconError(where, f"term {term!r} is listed twice", "remove one")
            seen.add(key)
            try:
                forms = expand(term, group.inflect)
            except TermSyntaxError as exc:
                raise LexiconError(where, str(exc)) from None
            count += len(forms)
            if group.suggestions is not None or rule.suggestions:
                _check_slots(where, group, rule, forms)
        for window in (group.requires_before, group.requires_after, group.requires_near, group.unless_before, group.unless_after):
            if window is not None:
                try:
                    plain_phrases(window.words)
                except TermSyntaxError as exc:
                    raise LexiconError(where, str(exc)) from None
    for exception in rule.exceptions:
        try:
            plain_phrases([exception])
        except TermSyntaxError as exc:
            raise LexiconError(where, f"exception: {exc}") from None
    return count


def _check_bounds(where: str, rule: Rule) -> None:
    if len(rule.match) > MAX_GROUPS_PER_RULE:
        raise LexiconError(where, f"{len(rule.match)} match groups; at most {MAX_GROUPS_PER_RULE}", "split the rule")
    if len(rule.exceptions) > MAX_EXCEPTIONS_PER_RULE:
        raise LexiconError(
            where, f"{len(rule.exceptions)} exceptions; at most {MAX_EXCEPTIONS_PER_RULE}", "use a word window or split the rule"
        )
    phrases = [(f"match.{i}.terms", t) for i, g in enumerate(rule.match) for t in g.terms]
    phrases += [("exceptions", e) for e in rule.exceptions]
    for i, group in enumerate(rule.match):
        for side in ("requires_before", "requires_after", "requires_near", "unless_before", "unless_after"):
            window = getattr(group, side)
            if window is not None:
                phrases += [(f"match.{i}.{side}.words", w) for w in window.words]
    for field, phrase in phrases:
        if len(phrase) > MAX_PHRASE_CHARS:
            raise LexiconError(
                where,
                f"{field}: a phrase of {len(phrase):,} characters ({phrase[:30]!r}...); at most {MAX_PHRASE_CHARS}",
                "terms, exceptions and window words are short phrases",
            )


def _check_slots(where: str, group: MatchGroup, rule: Rule, forms: Iterable[Any]) -> None:
    specs = group.suggestions if group.suggestions is not None else rule.suggestions
    for spec in specs:
        if spec.text and "{" in spec.text and group.inflect is None:
            raise LexiconError(
                where,
                f"suggestion {spec.text!r} has an inflection slot but its group sets no 'inflect'",
                "add 'inflect' to the group or give the group its own suggestions",
            )


def _cross_check(rules: list[Rule]) -> None:
    _check_codes(rules)
    codes: dict[str, Rule] = {}
    names: dict[str, Rule] = {}
    phrases: dict[tuple[str, bool], Rule] = {}
    for rule in rules:
        where = f"{rule.file} rule {rule.code} ({rule.name})"
        if rule.code in codes:
            raise LexiconError(where, f"code {rule.code} is also used in {codes[rule.code].file}", "codes are never reused: pick the next free code")
        if rule.name in names:
            raise LexiconError(where, f"name {rule.name!r} is also used by {names[rule.name].code}", "choose a distinct name")
        codes[rule.code] = rule
        names[rule.name] = rule
        if rule.removed:
            continue
        for group in rule.match:
            for term in group.terms:
                for form in expand(term, group.inflect):
                    key = (form.text if group.case_sensitive else form.text.lower(), group.case_sensitive)
                    other = phrases.get(key)
                    if other is not None and other.code != rule.code:
                        raise LexiconError(
                            where,
                            f"phrase {form.text!r} is also matched by {other.code} ({other.name})",
                            "a phrase belongs to one rule: remove it from one of them",
                        )
                    phrases[key] = rule


def _check_codes(rules: list[Rule]) -> None:
    """A replaced code is retired: no rule has it, and it redirects to one rule only."""
    in_use = {rule.code: rule for rule in rules}
    replaced: dict[str, Rule] = {}
    for rule in rules:
        where = f"{rule.file} rule {rule.code} ({rule.name})"
        for old in rule.replaces:
            if old in in_use:
                raise LexiconError(where, f"replaces {old}, which is still the code of {in_use[old].name!r}", "remove the old rule: its code now redirects here")
            if old in replaced:
                raise LexiconError(where, f"replaces {old}, which {replaced[old].code} also replaces", "an old code redirects to one rule")
            replaced[old] = rule


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a lexicon file, for editor validation of lexicons/*.yml."""
    rule_schema = Rule.model_json_schema()
    rule_schema["properties"].pop("file", None)
    rule_schema["properties"].pop("category", None)
    rule_schema["required"] = [r for r in rule_schema.get("required", []) if r != "category"]
    rule_schema["properties"]["principles"]["items"]["enum"] = sorted(PRINCIPLES)  # from lexicons/policy.json
    defs = rule_schema.pop("$defs", {})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://tilint.dev/schema/lexicon-v1.json",
        "title": "tilint lexicon file",
        "type": "object",
        "additionalProperties": False,
        "required": ["category", "rules"],
        "properties": {
            "version": {"const": 1},
            "category": {"enum": list(CATEGORIES)},
            "rules": {"type": "array", "items": {"$ref": "#/$defs/Rule"}},
        },
        "$defs": {**defs, "Rule": rule_schema},
    }
