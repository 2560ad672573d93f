"""`tilint rules --next-code CATEGORY`: the code a new rule takes (docs/writing-rules.md)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tilint.cli import main
from tilint.matching import load_compiled


def rules(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["rules", *args])
    return result.exit_code, result.stdout, result.stderr


def test_the_next_code_follows_every_code_used_in_the_category_removed_ones_included() -> None:
    lexicon, _ = load_compiled()
    for category, digit in (("deficit", "1"), ("coercive", "2"), ("stigmatising", "3"), ("credibility", "4")):
        code, out, _ = rules("--next-code", category)
        used = [int(r.code[3:]) for r in lexicon.rules if r.code.startswith(f"TI{digit}")]
        assert code == 0 and out.strip() == f"TI{digit}{max(used) + 1:02d}"
        assert all(r.code != out.strip() for r in lexicon.rules)


def test_a_team_lexicon_in_the_config_counts_too(tmp_path: Path) -> None:
    (tmp_path / "team.yml").write_text(
        """version: 1
category: deficit
rules:
  - code: TI190
    name: team-term
    principles: [1]
    match: [{terms: [frobnicated]}]
    message: "'{text}' is a team term we avoid."
    why: A made-up term for this test, long enough to pass the length check here.
    suggestions: [{rephrase: Say what happened.}]
    sources: [{title: A source, url: "https://example.org/source"}]
    examples: {flag: [He was frobnicated., She is frobnicated.], ok: [He was fine., She is fine.]}
""",
        encoding="utf-8",
    )
    (tmp_path / ".tilint.toml").write_text('lexicons = ["team.yml"]\n', encoding="utf-8")
    code, out, _ = rules("--next-code", "deficit", "--config", str(tmp_path / ".tilint.toml"))
    assert (code, out.strip()) == (0, "TI191")


def test_an_unknown_category_is_a_usage_error() -> None:
    code, _, err = rules("--next-code", "rudeness")
    assert code == 2 and "rudeness" in err
