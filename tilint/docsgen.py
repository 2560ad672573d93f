"""Generate docs/rules/*.md, docs/rules.md and lexicons/schema.json from the lexicon.

    python -m tilint.docsgen          # write
    python -m tilint.docsgen --check  # exit 1 if anything is stale (CI)
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from tilint.errors import TilintError
from tilint.lexicon import (
    OPT_IN_GROUPS,
    Lexicon,
    Rule,
    builtin_lexicon_dir,
    json_schema,
    load_lexicon,
)
from tilint.policy import CATEGORIES, CATEGORY_BLURBS
from tilint.report.explain import explain_markdown

ROOT = Path(__file__).resolve().parent.parent



def rule_page_name(rule: Rule) -> str:
    return f"{rule.code}-{rule.name}.md"


def index_markdown(lexicon: Lexicon) -> str:
    counts: Counter[str] = Counter(r.category for r in lexicon.active)
    lines = [
        "# Rules",
        "",
        "Generated from `lexicons/` by `python -m tilint.docsgen`; do not edit by hand.",
        "",
        f"{len(lexicon.active)} rules: "
        + ", ".join(f"{counts[c]} {c}" for c in CATEGORIES)
        + ".",
        "",
    ]
    for category in CATEGORIES:
        lines += [f"## {category.capitalize()}", "", CATEGORY_BLURBS[category], ""]
        lines += _table(r for r in lexicon.rules if r.category == category and not r.opt_in)
    opt_in = sorted((r for r in lexicon.rules if r.opt_in), key=lambda r: r.code)
    if opt_in:
        lines += [
            "## Opt-in rules",
            "",
            "Not checked by default: terms the language policy does not list, or on which guides",
            "disagree. Turn them on by code or name, by group, or all at once, e.g.",
            '`extend-select = ["opt-in"]` or `extend-select = ["children-services"]` in',
            "`.tilint.toml`. Groups:",
            "",
        ]
        lines += [f"- `{tag}`: {blurb}" for tag, blurb in OPT_IN_GROUPS.items()]
        lines.append("")
        lines += _table(opt_in, groups=True)
    moved = sorted((old, r) for r in lexicon.rules for old in r.replaces)
    if moved:
        lines += [
            "## Moved rules",
            "",
            "Rules that moved to another category have a new code. The old code still names",
            "the rule in `select`, `ignore`, `severity`, inline suppressions, baselines and",
            "`tilint explain`.",
            "",
            "| old code | now |",
            "|---|---|",
        ]
        lines += [f"| {old} | [{r.code}](rules/{rule_page_name(r)}) {r.name} ({r.category}) |" for old, r in moved]
        lines.append("")
    return "\n".join(lines)


def _table(rules: Iterable[Rule], *, groups: bool = False) -> list[str]:
    head = "| code | name | severity | flags |" + (" group |" if groups else "")
    lines = [head, "|---|---|---|---|" + ("---|" if groups else "")]
    for rule in sorted(rules, key=lambda r: r.code):
        terms = ", ".join(t.replace("~", "").replace("|", "/") for g in rule.match for t in g.terms[:3])
        status = " (removed)" if rule.removed else ""
        row = f"| [{rule.code}](rules/{rule_page_name(rule)}) | {rule.name}{status} | {rule.severity.value} | {terms} |"
        if groups:
            row += " " + ", ".join(t for t in rule.tags if t in OPT_IN_GROUPS) + " |"
        lines.append(row)
    lines.append("")
    return lines


def expected_files(root: Path = ROOT) -> dict[Path, str]:
    lexicon = load_lexicon()
    files = {root / "docs" / "rules" / rule_page_name(r): explain_markdown(r) for r in lexicon.rules}
    files[root / "docs" / "rules.md"] = index_markdown(lexicon)
    files[builtin_lexicon_dir() / "schema.json"] = json.dumps(json_schema(), indent=2) + "\n"
    return files


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    check = "--check" in args
    try:
        files = expected_files()
    except TilintError as exc:
        print(f"tilint: {exc}", file=sys.stderr)
        return 2
    rules_dir = ROOT / "docs" / "rules"
    stale = [p for p, text in files.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
    orphans = [p for p in rules_dir.glob("*.md") if p not in files] if rules_dir.exists() else []
    if check:
        for p in [*stale, *orphans]:
            print(f"stale: {p.relative_to(ROOT) if p.is_relative_to(ROOT) else p}", file=sys.stderr)
        if stale or orphans:
            print("run: python -m tilint.docsgen", file=sys.stderr)
            return 1
        return 0
    rules_dir.mkdir(parents=True, exist_ok=True)
    for p in stale:
        p.write_text(files[p], encoding="utf-8")
    for p in orphans:
        p.unlink()
    print(f"wrote {len(stale)} file(s), removed {len(orphans)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
