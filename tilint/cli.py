"""The `tilint` command. Exit codes: 0 no finding at or above the fail level, 1 findings,
2 usage, config or input errors (one line on stderr, never a traceback)."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from tilint.__about__ import __version__

if TYPE_CHECKING:
    from tilint.api import FileResult
    from tilint.config import Config
    from tilint.lexicon import Lexicon

SEVERITIES = ["error", "warning", "info", "hint"]
CATEGORY_NAMES = ["deficit", "coercive", "stigmatising", "credibility"]


def _fail(message: str) -> NoReturn:
    click.echo(f"tilint: {message}", err=True)
    sys.exit(2)


def _split(values: Sequence[str]) -> tuple[str, ...]:
    """`--select TI1,TI2 --select credibility` -> ('TI1', 'TI2', 'credibility')."""
    return tuple(p.strip() for v in values for p in v.split(",") if p.strip())


def _use_colour(flag: bool | None) -> bool:
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="tilint")
def main() -> None:
    """tilint: trauma-informed language linting for clinical and policy text.

    Runs on this machine only: no network, no telemetry, no document text in logs.
    """


@main.command()
@click.argument("paths", nargs=-1, type=str)
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format.")
@click.option("--select", multiple=True, metavar="RULES", help="Only these rules: codes, code prefixes, names, categories or tags (comma-separated or repeated).")
@click.option("--ignore", multiple=True, metavar="RULES", help="Skip these rules, named as for --select.")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default=None, help="Exit 1 when a finding is at or above this severity [default: warning].")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (errors in input still exit 2).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Use this config file for every path instead of discovering one.")
@click.option("--check-quotes/--no-check-quotes", default=None, help="Also check quoted speech (off by default: quoting a person's own words is respectful).")
@click.option("--stdin-filename", default=None, metavar="NAME", help="Name (and format, by extension) for text read from '-'.")
@click.option("--color/--no-color", "colour", default=None, help="Colour output [default: on a terminal, unless NO_COLOR is set].")
def check(
    paths: tuple[str, ...],
    output_format: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    exit_zero: bool,
    config_path: Path | None,
    check_quotes: bool | None,
    stdin_filename: str | None,
    colour: bool | None,
) -> None:
    """Check PATHS (files or folders; '-' reads standard input) for trauma-informed language."""
    from tilint.api import FileResult, at_or_above, get_linter, iter_files, read_text_file
    from tilint.config import Config, find_config_file, load_config
    from tilint.errors import TilintError
    from tilint.findings import Severity
    from tilint.formats import kind_for, prepare

    overrides: dict[str, Any] = {}
    if select:
        overrides["select"] = _split(select)
    if ignore:
        overrides["ignore"] = _split(ignore)
    if fail_on:
        overrides["fail_on"] = Severity(fail_on)
    if check_quotes is not None:
        overrides["check_quotes"] = check_quotes

    def configure(base: Config) -> Config:
        return base.merged(**overrides)

    try:
        fixed_config = configure(load_config(config_path)) if config_path else None
    except TilintError as exc:
        _fail(str(exc))

    targets = list(paths) or ["."]
    results: list[FileResult] = []
    texts: dict[str, str] = {}
    discovered: dict[Path, Config] = {}
    error_lines: list[str] = []
    fail_levels: dict[str, Severity] = {}  # each file fails at its own config's level

    def config_for(path: Path) -> Config:
        if fixed_config is not None:
            return fixed_config
        found = find_config_file(path)
        if found is None:
            return configure(Config())
        if found not in discovered:
            discovered[found] = configure(load_config(found))
        return discovered[found]

    def lint_one(display: str, path_for_config: Path, read: Any, kind: str) -> None:
        try:
            config = config_for(path_for_config)
            text = read()
            findings = get_linter(config).lint_document(prepare(text, kind), config)
            fail_levels[display] = config.fail_on
            texts[display] = text
            results.append(FileResult(display, tuple(findings)))
        except TilintError as exc:
            error_lines.append(str(exc))
            results.append(FileResult(display, (), exc))

    for target in targets:
        if target == "-":
            name = stdin_filename or "<stdin>"
            lint_one(name, Path(stdin_filename or "."), lambda n=name: _read_stdin(n), kind_for(name) or "text")
            continue
        if not Path(target).exists():
            error_lines.append(f"TL003 {target}: no such file or directory")
            results.append(FileResult(target, (), TilintError(target, "no such file or directory")))
            continue
        base_exclude = (fixed_config or Config()).exclude
        for path, display, explicit in iter_files([target], base_exclude):
            kind = kind_for(path)
            if kind is None and not explicit:
                continue
            lint_one(display, path, lambda p=path, d=display: read_text_file(p, d), kind or "text")

    if output_format == "json":
        from tilint.report.json_report import render as render_json

        click.echo(render_json(results))
    else:
        from tilint.report.text_report import render as render_text

        click.echo(render_text(results, texts, colour=_use_colour(colour)), color=_use_colour(colour))
    for line in error_lines:
        click.echo(f"tilint: {line}", err=True)

    if error_lines:
        sys.exit(2)
    failing = sum(at_or_above(r.findings, fail_levels[r.path]) for r in results if r.findings)
    sys.exit(0 if exit_zero or failing == 0 else 1)


def _read_stdin(name: str) -> str:
    from tilint.api import decode

    data = sys.stdin.buffer.read()
    return decode(data, name)


@main.command()
@click.option("--category", type=click.Choice(CATEGORY_NAMES), default=None, help="Only this category.")
@click.option("--tag", default=None, help="Only rules with this tag.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Include the extra lexicons named in this config file.")
def rules(category: str | None, tag: str | None, output_format: str, config_path: Path | None) -> None:
    """List the rules, with counts per category."""
    lexicon = _load_lexicon(config_path)
    chosen = [
        r for r in lexicon.active
        if (category is None or r.category == category) and (tag is None or tag in r.tags)
    ]
    if output_format == "json":
        import json

        from tilint.report.explain import rule_to_dict

        click.echo(json.dumps([rule_to_dict(r) for r in chosen], ensure_ascii=False, indent=2))
        return
    width = max((len(r.name) for r in chosen), default=4)
    for r in chosen:
        click.echo(f"{r.code}  {r.name:<{width}}  {r.category:<12}  {r.severity.value:<7}  {', '.join(r.tags)}")
    from collections import Counter

    counts: Counter[str] = Counter(r.category for r in chosen)
    parts = ", ".join(f"{counts[c]} {c}" for c in CATEGORY_NAMES if counts[c])
    click.echo(f"\n{len(chosen)} rules ({parts})." if chosen else "No rules match.")


@main.command()
@click.argument("rule")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), default=None)
def explain(rule: str, output_format: str, config_path: Path | None) -> None:
    """Explain RULE (a code such as TI101, or a name such as non-compliant)."""
    lexicon = _load_lexicon(config_path)
    found = lexicon.find(rule)
    if found is None:
        _fail(f"TL004 no rule {rule!r} (see `tilint rules`)")
    if output_format == "json":
        import json

        from tilint.report.explain import rule_to_dict

        click.echo(json.dumps(rule_to_dict(found), ensure_ascii=False, indent=2))
    else:
        from tilint.report.explain import explain_markdown

        click.echo(explain_markdown(found).rstrip())


def _load_lexicon(config_path: Path | None) -> Lexicon:
    from tilint.config import Config, load_config
    from tilint.errors import TilintError
    from tilint.matching import load_compiled

    try:
        config = load_config(config_path) if config_path else Config()
        lexicon, _ = load_compiled(config.lexicons)
    except TilintError as exc:
        _fail(str(exc))
    return lexicon


def run() -> None:
    """Entry point: never a traceback for the user (set TILINT_DEBUG=1 to see one)."""
    try:
        main(standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        click.echo("tilint: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # an internal error: say so in one line
        if os.environ.get("TILINT_DEBUG"):
            raise
        click.echo(f"tilint: internal error: {type(exc).__name__}: {exc} (set TILINT_DEBUG=1 for details)", err=True)
        sys.exit(2)


if __name__ == "__main__":
    run()
