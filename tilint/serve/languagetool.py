"""The LanguageTool HTTP API (v2) in terms of tilint: pure functions, no web framework.

Reading a request: the form body (with the LibreOffice 7.4 quirk of an unencoded body),
`text` or `data` (annotated markup), `language`, rule and category selection, `level`.
Writing the answer: findings as LanguageTool matches, offsets in UTF-16 code units into
the original text (markup included).

Every problem with a request raises BadRequest with one line saying what is wrong.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, unquote_to_bytes

from tilint.__about__ import __version__
from tilint.findings import Finding
from tilint.lexicon import Rule
from tilint.policy import CATEGORY_INFO
from tilint.report.locations import sentence_bounds

DOCS_URL = "https://github.com/tilint/tilint/blob/main/docs/rules/{code}-{name}.md"

# What /v2/languages lists. LibreOffice enables its remote checker for each longCode
# listed, and language_tool_python refuses a language that is not listed.
LANGUAGES: tuple[tuple[str, str], ...] = (
    ("English", "en"),
    ("English (US)", "en-US"),
    ("English (GB)", "en-GB"),
    ("English (Australian)", "en-AU"),
    ("English (Canadian)", "en-CA"),
    ("English (New Zealand)", "en-NZ"),
    ("English (South African)", "en-ZA"),
    ("English (Irish)", "en-IE"),
)
_NAMES = {code.lower(): name for name, code in LANGUAGES}

# tilint's categories as LanguageTool categories. Every tilint finding is about wording,
# so each is a STYLE category: LibreOffice underlines STYLE in blue (TYPOS red, anything
# else orange), and clients that colour by issueType see "style", so nobody mistakes a
# finding for a spelling or grammar error. The category *name* keeps tilint's.
CATEGORY_ID = "STYLE"
CATEGORY_NAMES = {c.name: f"Trauma-informed language: {c.title.lower()}" for c in CATEGORY_INFO}

MAX_ANNOTATION_ITEMS = 100_000
CONTEXT_CHARS = 40

# Parameters LanguageTool defines; other names (clients add their own, such as
# `useragent`, `mode`, `textSessionId`) are ignored, as LanguageTool ignores them.
_BOOLEAN = {"true": True, "false": False}


class BadRequest(ValueError):
    """A request tilint cannot answer; the message is one line for the client."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(" ".join(message.split()))
        self.status = status


# ---------------------------------------------------------------------------- the form


def parse_form(body: bytes) -> dict[str, str]:
    """An application/x-www-form-urlencoded body as {name: value}.

    LibreOffice 7.4 sends the body without URL-encoding it (raw spaces, raw UTF-8, a raw
    '&' or '+' in the text). A proper encoder never leaves a space or a byte over 0x7F in
    the body, so such a body is read the robust way: everything between `text=` and the
    last `&language=` is the text, as it stands; the rest is parsed as usual.
    """
    if not body:
        return {}
    raw_looking = b" " in body or not body.isascii() or b"\n" in body
    if raw_looking and body.startswith(b"text="):
        cut = body.rfind(b"&language=")
        if cut < 0:
            raise BadRequest("the form body is not URL-encoded and has no 'language' after 'text'")
        fields = _parse_pairs(body[cut + 1 :], raw=True)
        fields["text"] = _utf8(body[len(b"text=") : cut], "text")
        return fields
    # Raw bytes elsewhere (not the LibreOffice shape): decoded as usual; unquoting leaves
    # raw UTF-8 and spaces as they are.
    return _parse_pairs(body, raw=False)


def _parse_pairs(body: bytes, *, raw: bool) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in body.split(b"&"):
        if not pair:
            continue
        name_b, sep, value_b = pair.partition(b"=")
        if not sep:
            raise BadRequest(f"malformed form data: {_show(name_b)!r} has no '='")
        name = _decode_component(name_b, "a parameter name", raw)
        value = _decode_component(value_b, name, raw)
        if name in out:
            raise BadRequest(f"parameter {name!r} given twice")
        out[name] = value
    return out


def _decode_component(raw_bytes: bytes, what: str, raw: bool) -> str:
    if raw:
        return _utf8(raw_bytes, what)
    if re.search(rb"%(?![0-9A-Fa-f]{2})", raw_bytes):
        raise BadRequest(f"malformed form data: a '%' not followed by two hex digits in {what}")
    return _utf8(unquote_to_bytes(raw_bytes.replace(b"+", b" ")), what)


def _utf8(data: bytes, what: str) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadRequest(f"{what} is not valid UTF-8 (byte {exc.start}); send UTF-8, URL-encoded") from None
    if "\x00" in text:
        raise BadRequest(f"{what} holds a NUL character")
    return text


def _show(data: bytes) -> str:
    return data[:20].decode("utf-8", "replace")


# ------------------------------------------------------------------------ the request


@dataclass(frozen=True)
class Annotated:
    """The text to check, and how its offsets map back to the original (markup
    included). `pieces` holds (offset in `text`, offset in the original, length in
    `text`, length in the original, is text), in order and without gaps: text pieces map
    one to one, a markup piece stands in `text` as its `interpretAs`."""

    text: str
    pieces: tuple[tuple[int, int, int, int, bool], ...] = ()

    def to_original(self, offset: int, *, end: bool) -> int:
        """An offset into `text` as an offset into the original. A start inside markup's
        stand-in moves to the markup's start; an end, to the markup's end."""
        if not self.pieces or offset <= 0:
            return offset
        starts = [p[0] for p in self.pieces]
        # A start: the piece holding text[offset]; an end: the piece holding text[offset - 1].
        i = (bisect.bisect_right(starts, offset) if not end else bisect.bisect_left(starts, offset)) - 1
        at, orig, length, orig_length, is_text = self.pieces[max(i, 0)]
        if is_text:
            return orig + min(offset - at, length)
        return orig + orig_length if end else orig


@dataclass(frozen=True)
class CheckRequest:
    text: Annotated
    original: str  # the original text (for context and sentence)
    language: str  # the code we answer with
    language_name: str
    detected: bool  # language was "auto"
    enabled_rules: tuple[str, ...]
    disabled_rules: tuple[str, ...]
    enabled_categories: tuple[str, ...]
    disabled_categories: tuple[str, ...]
    enabled_only: bool
    picky: bool


def _list(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(p.strip() for p in value.split(",") if p.strip())


def parse_annotation(data: str, max_chars: int) -> tuple[Annotated, str]:
    """`data` ({"annotation": [{"text"}, {"markup", "interpretAs"}]}) as the text to
    check and the original text."""
    try:
        parsed = json.loads(data)
    except RecursionError:
        raise BadRequest("'data' is JSON nested too deeply") from None
    except ValueError as exc:
        raise BadRequest(f"'data' is not valid JSON: {str(exc).splitlines()[0][:80]}") from None
    items = parsed.get("annotation") if isinstance(parsed, dict) else None
    if not isinstance(items, list):
        raise BadRequest("'data' must be a JSON object with an 'annotation' list")
    if len(items) > MAX_ANNOTATION_ITEMS:
        raise BadRequest(f"'data' has {len(items):,} annotation items; at most {MAX_ANNOTATION_ITEMS:,}", 413)
    check: list[str] = []
    original: list[str] = []
    pieces: list[tuple[int, int, int, int, bool]] = []
    at = orig = 0
    for n, item in enumerate(items):
        if not isinstance(item, dict):
            raise BadRequest(f"'data' annotation item {n} is not an object")
        text, markup = item.get("text"), item.get("markup")
        if (text is None) == (markup is None):
            raise BadRequest(f"'data' annotation item {n} needs exactly one of 'text' and 'markup'")
        if text is not None:
            if not isinstance(text, str):
                raise BadRequest(f"'data' annotation item {n}: 'text' must be a string")
            pieces.append((at, orig, len(text), len(text), True))
            check.append(text)
            original.append(text)
            at += len(text)
            orig += len(text)
        else:
            stand_in = item.get("interpretAs", "")
            if not isinstance(markup, str) or not isinstance(stand_in, str):
                raise BadRequest(f"'data' annotation item {n}: 'markup' and 'interpretAs' must be strings")
            pieces.append((at, orig, len(stand_in), len(markup), False))
            check.append(stand_in)
            original.append(markup)
            at += len(stand_in)
            orig += len(markup)
        if max(at, orig) > max_chars:
            raise BadRequest(f"the text is longer than {max_chars:,} characters", 413)
    return Annotated("".join(check), tuple(pieces)), "".join(original)


def parse_check(form: Mapping[str, str], max_chars: int) -> CheckRequest:
    """A /v2/check request from its parameters. An empty value means 'not set'."""
    params = {k: v for k, v in form.items() if v != ""}
    text, data = params.get("text"), params.get("data")
    if text is not None and data is not None:
        raise BadRequest("send 'text' or 'data', not both")
    if text is None and data is None:
        if "text" in form:
            text = ""  # an empty text is a valid (empty) check
        else:
            raise BadRequest("missing parameter 'text' or 'data'")
    if text is not None:
        if len(text) > max_chars:
            raise BadRequest(f"the text is longer than {max_chars:,} characters", 413)
        annotated, original = Annotated(text), text
    else:
        assert data is not None
        annotated, original = parse_annotation(data, max_chars)

    language_param = params.get("language")
    if language_param is None:
        raise BadRequest("missing parameter 'language' (e.g. 'en-US' or 'auto')")
    detected = language_param.lower() == "auto"
    if detected:
        preferred = [v for v in _list(params.get("preferredVariants")) if _is_english(v)]
        code = _canonical(preferred[0]) if preferred else "en-US"
    else:
        if not _is_english(language_param):
            raise BadRequest(
                f"language {language_param!r} is not supported: tilint checks English "
                f"({', '.join(c for _, c in LANGUAGES)}, or 'auto')"
            )
        code = _canonical(language_param)
    for name in ("motherTongue",):
        value = params.get(name)
        if value is not None and not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9-]{0,20})?", value):
            raise BadRequest(f"{name} {value[:40]!r} is not a language code")
    enabled_only = _bool(params, "enabledOnly")
    level = params.get("level", "default")
    if level not in ("default", "picky"):
        raise BadRequest(f"level {level[:40]!r}: expected 'default' or 'picky'")
    request = CheckRequest(
        text=annotated,
        original=original,
        language=code,
        language_name=_NAMES.get(code.lower(), "English"),
        detected=detected,
        enabled_rules=_list(params.get("enabledRules")),
        disabled_rules=_list(params.get("disabledRules")),
        enabled_categories=_list(params.get("enabledCategories")),
        disabled_categories=_list(params.get("disabledCategories")),
        enabled_only=enabled_only,
        picky=level == "picky",
    )
    if enabled_only and not (request.enabled_rules or request.enabled_categories):
        raise BadRequest("enabledOnly=true needs enabledRules or enabledCategories")
    return request


def _bool(params: Mapping[str, str], name: str) -> bool:
    value = params.get(name)
    if value is None:
        return False
    if value.lower() not in _BOOLEAN:
        raise BadRequest(f"{name} {value[:40]!r}: expected 'true' or 'false'")
    return _BOOLEAN[value.lower()]


def _is_english(tag: str) -> bool:
    # 'en', 'en-US', 'en_GB', and LibreOffice's 'en-' for a locale without a country.
    return re.fullmatch(r"(?i)en(?:[-_][A-Za-z0-9]{0,8})*-?", tag) is not None


def _canonical(tag: str) -> str:
    parts = [p for p in re.split(r"[-_]", tag) if p]
    if len(parts) < 2:
        return "en"
    region = parts[1].upper() if len(parts[1]) == 2 else parts[1]
    return f"en-{region}"


# ---------------------------------------------------------------- choosing the rules


def selection(request: CheckRequest, rules: Sequence[Rule], keys: Mapping[str, Rule] | None = None) -> dict[str, tuple[str, ...]] | None:
    """Config overrides (select, extend_select, ignore) for a request's rule and category
    parameters; None when the request selects no tilint rule at all (enabledOnly with
    only ids tilint does not have). Ids tilint does not know (a client's LanguageTool rules such as
    WHITESPACE_RULE, or categories such as TYPOS) are ignored, as LanguageTool ignores
    rules it does not have; the STYLE category names every tilint rule."""
    by_key = keys if keys is not None else rule_keys(rules)

    def rule_codes(ids: Iterable[str]) -> tuple[str, ...]:
        return tuple(by_key[i.lower()].code for i in ids if i.lower() in by_key)

    def categories(ids: Iterable[str]) -> tuple[str, ...]:
        out: list[str] = []
        for i in ids:
            key = i.lower()
            if key == CATEGORY_ID.lower():
                out.append("all")
            elif key in CATEGORY_NAMES or key.removeprefix("tilint_") in CATEGORY_NAMES:
                out.append(key.removeprefix("tilint_"))
        return tuple(out)

    enabled = rule_codes(request.enabled_rules)
    enabled_cats = categories(request.enabled_categories)
    disabled = rule_codes(request.disabled_rules) + categories(request.disabled_categories)
    overrides: dict[str, tuple[str, ...]] = {}
    if request.enabled_only:
        # Only what was named; when nothing named is tilint's, nothing at all.
        if not enabled + enabled_cats:
            return None
        overrides["select"] = enabled + enabled_cats
    else:
        extra = enabled
        if request.picky:
            extra += tuple(r.code for r in rules if r.opt_in and not r.removed)
        if extra:
            overrides["extend_select"] = extra
    if disabled:
        overrides["ignore"] = disabled
    return overrides


def rule_keys(rules: Iterable[Rule]) -> dict[str, Rule]:
    """Rules by lower-case code and by name (build once; selection() takes it)."""
    by_key: dict[str, Rule] = {}
    for rule in rules:
        by_key[rule.code.lower()] = rule
        by_key[rule.name] = rule
    return by_key


# ---------------------------------------------------------------------- the answer


def rule_url(rule_code: str, name: str) -> str:
    return DOCS_URL.format(code=quote(rule_code, safe=""), name=quote(name, safe=""))


def utf16_index(text: str) -> list[int]:
    """For each code-point offset i (0..len), the UTF-16 offset. Built only for text that
    has characters outside the BMP; otherwise offsets are the same."""
    out = [0] * (len(text) + 1)
    n = 0
    for i, ch in enumerate(text):
        out[i] = n
        n += 2 if ord(ch) > 0xFFFF else 1
    out[len(text)] = n
    return out


_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class Utf16:
    """Code-point offsets into a text as UTF-16 offsets."""

    def __init__(self, text: str) -> None:
        self._index = utf16_index(text) if _ASTRAL.search(text) else None

    def __call__(self, offset: int) -> int:
        return offset if self._index is None else self._index[offset]


def software() -> dict[str, Any]:
    return {
        "name": "tilint",
        "version": __version__,
        "buildDate": None,
        "apiVersion": 1,
        "premium": False,
        "status": "",
    }


def languages() -> list[dict[str, str]]:
    return [{"name": name, "code": code.split("-")[0], "longCode": code} for name, code in LANGUAGES]


def answer(request: CheckRequest, findings: Sequence[Finding]) -> dict[str, Any]:
    original = request.original
    u16 = Utf16(original)
    matches = []
    for f in findings:
        start = request.text.to_original(f.start, end=False)
        end = max(start, request.text.to_original(f.end, end=True))
        matches.append(_match(f, start, end, original, u16))
    language: dict[str, Any] = {"name": request.language_name, "code": request.language}
    language["detectedLanguage"] = {
        "name": request.language_name,
        "code": request.language,
        "confidence": 1.0 if not request.detected else 0.9,
        "source": "tilint",
    }
    return {
        "software": software(),
        "warnings": {"incompleteResults": False},
        "language": language,
        "matches": matches,
    }


def _match(f: Finding, start: int, end: int, text: str, u16: Utf16) -> dict[str, Any]:
    replacements = [{"value": s.text} for s in f.suggestions if s.is_replacement]
    advice = [s.text for s in f.suggestions if not s.is_replacement]
    message = f.message
    if advice:
        message = f"{message} {' '.join(advice)}"
    c_start = max(0, start - CONTEXT_CHARS)
    c_end = min(len(text), end + CONTEXT_CHARS)
    context_text = text[c_start:c_end].replace("\n", " ").replace("\r", " ")
    context_u16 = Utf16(context_text)
    s_start, s_end = sentence_bounds(text, start, end)
    category_name = CATEGORY_NAMES.get(f.category, f"Trauma-informed language: {f.category}")
    return {
        "message": message,
        "shortMessage": f"{f.rule} {f.name}",
        "replacements": replacements,
        "offset": u16(start),
        "length": u16(end) - u16(start),
        "context": {
            "text": context_text,
            "offset": context_u16(start - c_start),
            "length": context_u16(end - c_start) - context_u16(start - c_start),
        },
        "sentence": " ".join(text[s_start:s_end].split()),
        "type": {"typeName": "Hint" if f.severity.value == "hint" else "Other"},
        "rule": {
            "id": f.rule,
            "subId": f.name,
            "description": f"{f.name} ({category_name})",
            "issueType": "style",
            "category": {"id": CATEGORY_ID, "name": category_name},
            "urls": [{"value": rule_url(f.rule, f.name)}],
            "tags": [f.category, f.severity.value],
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }
