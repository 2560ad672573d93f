"""The LanguageTool API (/v2) in this process: parameters, offsets, fields, errors."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tilint.api import get_linter, lint_text

NOTE = "Café 😀 note: he refused his depot and was non-compliant. Ça va 🙂 — she was unmotivated."
# What LibreOffice needs in every match, or it fails (docs: shared notes on clients).
REQUIRED = ("message", "shortMessage", "replacements", "offset", "length", "rule")


def check(client: Any, **params: str) -> dict[str, Any]:
    r = client.post("/v2/check", data=params)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/json"
    return r.json()  # type: ignore[no-any-return]


def utf16_slice(text: str, offset: int, length: int) -> str:
    units = text.encode("utf-16-le")
    return units[2 * offset : 2 * (offset + length)].decode("utf-16-le")


def test_languages_lists_english_variants(client: Any) -> None:
    r = client.get("/v2/languages")
    assert r.headers["content-type"] == "application/json"
    codes = {item["longCode"] for item in r.json()}
    assert {"en-US", "en-GB"} <= codes
    assert all(set(item) == {"name", "code", "longCode"} for item in r.json())


def test_offsets_are_utf16_after_emoji_and_accents(client: Any) -> None:
    answer = check(client, text=NOTE, language="en-US")
    expected = lint_text(NOTE)
    assert [m["rule"]["id"] for m in answer["matches"]] == [f.rule for f in expected]
    assert len(expected) >= 3
    for match, finding in zip(answer["matches"], expected, strict=True):
        assert utf16_slice(NOTE, match["offset"], match["length"]) == finding.text
        for field in REQUIRED:
            assert field in match
        assert match["rule"]["category"]["id"] == "STYLE"
        assert match["rule"]["issueType"] == "style"
        assert match["rule"]["urls"][0]["value"].endswith(f"/{finding.rule}-{finding.name}.md")
        ctx = match["context"]
        assert utf16_slice(ctx["text"], ctx["offset"], ctx["length"]) == finding.text
        assert finding.text in match["sentence"]
        assert match["type"]["typeName"]
    # The last match sits after two emoji (a surrogate pair each): code points differ.
    last = answer["matches"][-1]
    assert last["offset"] != expected[-1].start


def test_only_real_replacements_and_advice_in_the_message(client: Any) -> None:
    text = "She was allowed leave on Tuesday. He refused his depot."
    answer = check(client, text=text, language="en-GB")
    findings = {f.rule: f for f in lint_text(text)}
    assert len(findings) == 2
    for match in answer["matches"]:
        finding = findings[match["rule"]["id"]]
        assert [r["value"] for r in match["replacements"]] == [s.text for s in finding.suggestions if s.is_replacement]
        for advice in (s.text for s in finding.suggestions if not s.is_replacement):
            assert advice in match["message"]
    assert any(m["replacements"] == [] for m in answer["matches"])


def test_data_annotation_offsets_count_markup(client: Any) -> None:
    items = [
        {"markup": "<p>"},
        {"text": "Ça 😀 he "},
        {"markup": "<b data-x='1'>", "offset": 3},
        {"text": "refused"},
        {"markup": "</b>"},
        {"text": " his depot and was non-"},
        {"markup": "<i>"},
        {"text": "compliant."},
        {"markup": "</i></p>", "interpretAs": "\n\n"},
        {"text": "She was unmotivated."},
    ]
    original = "".join(i.get("text", i.get("markup", "")) for i in items)
    answer = check(client, data=json.dumps({"annotation": items}), language="en-US")
    flagged = [utf16_slice(original, m["offset"], m["length"]) for m in answer["matches"]]
    assert flagged == ["refused", "non-<i>compliant", "unmotivated"]


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"language": "auto"}, "en-US"),
        ({"language": "auto", "preferredVariants": "de-DE,en-GB"}, "en-GB"),
        ({"language": "en-"}, "en"),
        ({"language": "en_au"}, "en-AU"),
        ({"language": "en-GB", "motherTongue": "de", "username": "x", "apiKey": "k", "api_key": "k"}, "en-GB"),
    ],
)
def test_language_parameter(client: Any, params: dict[str, str], code: str) -> None:
    answer = check(client, text="He refused.", **params)
    assert answer["language"]["code"] == code
    assert answer["language"]["detectedLanguage"]["code"] == code
    assert [m["rule"]["id"] for m in answer["matches"]] == ["TI102"]


def rules_of(answer: dict[str, Any]) -> list[str]:
    return [m["rule"]["id"] for m in answer["matches"]]


def test_rule_and_category_selection(client: Any) -> None:
    text = "He refused his depot and was non-compliant; the addict was seen."
    everything = rules_of(check(client, text=text, language="en-US"))
    assert {"TI101", "TI102", "TI340"} <= set(everything)
    # An empty value means 'not set'; LanguageTool ids tilint does not have are ignored.
    assert rules_of(check(client, text=text, language="en-US", disabledRules="", enabledRules="", level="")) == everything
    assert rules_of(check(client, text=text, language="en-US", disabledRules="WHITESPACE_RULE,UPPERCASE_SENTENCE_START")) == everything
    assert "TI102" not in rules_of(check(client, text=text, language="en-US", disabledRules="TI102"))
    assert rules_of(check(client, text=text, language="en-US", enabledRules="TI102", enabledOnly="true")) == ["TI102"]
    deficit = rules_of(check(client, text=text, language="en-US", enabledCategories="deficit", enabledOnly="true"))
    assert deficit and all(r.startswith("TI1") for r in deficit)
    assert rules_of(check(client, text=text, language="en-US", disabledCategories="STYLE")) == []
    assert rules_of(check(client, text=text, language="en-US", enabledRules="MORFOLOGIK_RULE_EN_US", enabledOnly="true")) == []
    assert "TI340" not in rules_of(check(client, text=text, language="en-US", disabledCategories="stigmatising"))


def test_level_picky_adds_opt_in_rules(client: Any) -> None:
    opt_in = [r for r in get_linter().lexicon.active if r.opt_in]
    assert opt_in, "the lexicon has an opt-in rule"
    rule = opt_in[0]
    example = rule.examples.flag[0].text
    assert rule.code not in rules_of(check(client, text=example, language="en-US"))
    assert rule.code in rules_of(check(client, text=example, language="en-US", level="picky"))
    assert rule.code in rules_of(check(client, text=example, language="en-US", enabledRules=rule.code))


def test_libreoffice_unencoded_body(client: Any) -> None:
    """LibreOffice 7.4 sends the body as it stands: raw '&', '+', '%', spaces and UTF-8."""
    text = "Clinical note: the addict refused & was seen + café 100% today."
    body = f"text={text}&language=en-US".encode()
    r = client.post("/v2/check", content=body, headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 200, r.text
    matches = r.json()["matches"]
    assert [utf16_slice(text, m["offset"], m["length"]) for m in matches] == ["addict", "refused"]
    assert matches[0]["context"]["text"] == text


def test_empty_text_is_an_empty_answer(client: Any) -> None:
    assert check(client, text="", language="en-US")["matches"] == []


@pytest.mark.parametrize(
    ("body", "content_type", "status", "says"),
    [
        (b"language=en-US", None, 400, "missing parameter 'text'"),
        (b"text=He+refused", None, 400, "missing parameter 'language'"),
        (b"text=x&language=de-DE", None, 400, "not supported"),
        (b"text=x&language=en-US&level=extreme", None, 400, "level"),
        (b"text=x&language=en-US&enabledOnly=maybe", None, 400, "enabledOnly"),
        (b"text=x&language=en-US&enabledOnly=true", None, 400, "enabledOnly"),
        (b"text=%FF%FE&language=en-US", None, 400, "not valid UTF-8"),
        (b"text=caf\xe9 ok&language=en-US", None, 400, "not valid UTF-8"),
        (b"text=%zz&language=en-US", None, 400, "hex digits"),
        (b"text=a&text=b&language=en-US", None, 400, "given twice"),
        (b"text=a&data=b&language=en-US", None, 400, "not both"),
        (b"data=%7B&language=en-US", None, 400, "not valid JSON"),
        (b"data=%5B%5D&language=en-US", None, 400, "annotation"),
        (b'data={"annotation":[{"text":1}]}', None, 400, "must be a string"),
        (b"text=x&language=en-US&motherTongue=%3Cscript%3E", None, 400, "motherTongue"),
        (b"text=x&language=en-US", "multipart/form-data; boundary=x", 415, "x-www-form-urlencoded"),
        (b"text=x&language=en-US", "application/x-www-form-urlencoded; charset=latin-1", 400, "UTF-8"),
        (b"text&language=en-US", None, 400, "malformed"),
    ],
)
def test_bad_requests_get_a_one_line_400(client: Any, body: bytes, content_type: str | None, status: int, says: str) -> None:
    headers = {"content-type": content_type or "application/x-www-form-urlencoded"}
    r = client.post("/v2/check", content=body, headers=headers)
    assert r.status_code == status, r.text
    assert says in r.text
    assert r.text.count("\n") == 1 and r.text.endswith("\n")


def test_get_check_is_refused_so_text_never_sits_in_a_url(client: Any) -> None:
    r = client.get("/v2/check", params={"text": "He refused.", "language": "en-US"})
    assert r.status_code == 405


def test_request_rules_add_to_the_servers_config(tmp_path: Any) -> None:
    """The server's config (here: ignore TI340, allow a phrase) still holds when a
    request disables or enables rules of its own."""
    import warnings

    from tilint.serve import ServeSettings, create_app

    config = tmp_path / ".tilint.toml"
    config.write_text('ignore = ["TI340"]\nallow = ["non-compliant"]\n', encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

        local = TestClient(create_app(ServeSettings(config=str(config))), base_url="http://127.0.0.1:8081")
    text = "He refused his depot and was non-compliant; the addict was seen. She was unmotivated."
    assert rules_of(check(local, text=text, language="en-US")) == ["TI102", "TI109"]
    assert rules_of(check(local, text=text, language="en-US", disabledRules="TI102")) == ["TI109"]
    assert rules_of(check(local, text=text, language="en-US", enabledRules="TI102")) == ["TI102", "TI109"]


def test_raw_utf8_in_an_otherwise_encoded_body(client: Any) -> None:
    """Not LibreOffice's shape (language first): raw UTF-8 and %-escapes both decoded."""
    body = "language=en-US&text=Café 😀 he%20refused+it.".encode()
    r = client.post("/v2/check", content=body, headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 200, r.text
    match = r.json()["matches"][0]
    assert match["context"]["text"] == "Café 😀 he refused it."
    assert (match["offset"], match["length"]) == (len("Café 😀 he ".encode("utf-16-le")) // 2, 7)
