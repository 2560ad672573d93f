"""The `tilint` command. Exit codes: 0 no finding at or above the fail level, 1 findings,
2 usage, config or input errors (one line on stderr, never a traceback)."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from tilint.__about__ import __version__
from tilint.policy import CATEGORIES as CATEGORY_NAMES

if TYPE_CHECKING:
    from tilint.config import Config
    from tilint.findings import FileResult
    from tilint.formats import Document
    from tilint.lexicon import Lexicon, Rule

SEVERITIES = ["error", "warning", "info", "hint"]


def _fail(message: str) -> NoReturn:
    click.echo(f"tilint: {message}", err=True)
    sys.exit(2)


def _split(values: Sequence[str]) -> tuple[str, ...]:
    """`--select TI1,TI2 --select credibility` -> ('TI1', 'TI2', 'credibility')."""
    return tuple(p.strip() for v in values for p in v.split(",") if p.strip())


def _rule_overrides(select: Sequence[str], extend_select: Sequence[str], ignore: Sequence[str]) -> dict[str, Any]:
    """Config overrides from the rule-selection flags that check and audit share."""
    overrides: dict[str, Any] = {}
    if select:
        overrides["select"] = _split(select)
    if extend_select:
        overrides["extend_select"] = _split(extend_select)
    if ignore:
        overrides["ignore"] = _split(ignore)
    return overrides


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


FORMATS = ["text", "json", "sarif", "github", "html"]
PROGRESS_MIN_FILES = 10


def _show_progress(flag: bool | None, output_format: str, output: Path | None, count: int) -> bool:
    """A progress bar only on a terminal, never for JSON or SARIF, never when piped."""
    if output_format in ("json", "sarif"):
        return False
    if flag is not None:
        return flag
    if count < PROGRESS_MIN_FILES or not sys.stderr.isatty():
        return False
    return output is not None or sys.stdout.isatty()


@main.command()
@click.argument("paths", nargs=-1, type=str)
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format: text, json (docs/json-format.md), sarif (code scanning), github (workflow annotations), html (a report to read and share).")
@click.option("--output", "-o", "output", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write the report to this file instead of standard output.")
@click.option("--select", multiple=True, metavar="RULES", help="Only these rules: codes, code prefixes, names, categories or tags (comma-separated or repeated).")
@click.option("--extend-select", multiple=True, metavar="RULES", help="Check these rules as well as the selected ones, e.g. opt-in preferences.")
@click.option("--ignore", multiple=True, metavar="RULES", help="Skip these rules, named as for --select.")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default=None, help="Exit 1 when a finding is at or above this severity [default: warning].")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (errors in input still exit 2).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Use this config file for every path instead of discovering one.")
@click.option("--check-quotes/--no-check-quotes", default=None, help="Also check quoted speech (off by default: quoting a person's own words is respectful).")
@click.option("--stdin-filename", default=None, metavar="NAME", help="Name (and format, by extension) for text read from '-'.")
@click.option("--fix", is_flag=True, help="Apply safe suggestions to .txt and .md files (atomic writes; Word and PowerPoint are never rewritten).")
@click.option("--diff", is_flag=True, help="Print the changes --fix would make as a unified diff; write nothing, even with --fix (as ruff does). Exit 1 if there are any.")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="FILE", help="Report only findings not recorded in this baseline file.")
@click.option("--write-baseline", "write_baseline", is_flag=False, flag_value="", default=None, metavar="FILE", help="Record the current findings in FILE (or the --baseline file, or .tilint-baseline.json) and exit 0.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, show_default=True, help="Processes for large batches; 0 uses every core, 1 stays in one process.")
@click.option("--progress/--no-progress", "progress", default=None, help="Progress bar on standard error [default: on a terminal, for many files; never for json or sarif].")
@click.option("--color/--no-color", "colour", default=None, help="Colour output [default: on a terminal, unless NO_COLOR is set].")
def check(
    paths: tuple[str, ...],
    output_format: str,
    output: Path | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    exit_zero: bool,
    config_path: Path | None,
    check_quotes: bool | None,
    stdin_filename: str | None,
    fix: bool,
    diff: bool,
    baseline_path: Path | None,
    write_baseline: str | None,
    jobs: int,
    progress: bool | None,
    colour: bool | None,
) -> None:
    """Check PATHS (files or folders; '-' reads standard input) for trauma-informed language.

    Formats by extension: .txt, .md, .html, .rst, .docx, .pptx, .odt, .odp, .pdf. In folders, other files
    are skipped (with a note); a file named on the command line is checked as plain text.
    """
    from tilint.api import at_or_above, check_paths
    from tilint.config import Config, load_config
    from tilint.errors import TilintError
    from tilint.findings import Severity

    if fix and diff:
        fix = False  # as in ruff: --diff shows what --fix would write and writes nothing
    baseline_path, writing_baseline = _baseline_target(baseline_path, write_baseline)
    overrides = _rule_overrides(select, extend_select, ignore)
    if fail_on:
        overrides["fail_on"] = Severity(fail_on)
    if check_quotes is not None:
        overrides["check_quotes"] = check_quotes
    try:
        fixed_config = load_config(config_path) if config_path else None
    except TilintError as exc:
        _fail(str(exc))

    with contextlib.ExitStack() as stack:
        batch = check_paths(
            list(paths),
            fixed_config,
            discover_config=fixed_config is None,
            overrides=overrides,
            jobs=jobs,
            stdin=sys.stdin.buffer.read() if "-" in paths else None,
            stdin_filename=stdin_filename,
            skip=[baseline_path] if baseline_path is not None else [],
            progress=_progress_bar(stack, lambda total: _show_progress(progress, output_format, output, total)),
        )
    files = list(batch.files)
    notes = [
        f"note: {folder}: skipped {n} file{'s' if n != 1 else ''} of unknown type (name a file to check it as plain text)"
        for folder, n in batch.skipped
    ]
    notes += [f"note: {f.path}: {f.note}" for f in files if f.note]
    error_lines = [str(f.error) for f in files if f.error is not None]
    diffs: list[str] = []
    if fix or diff:
        from tilint.fix import fix_files

        step = fix_files(files, write=fix)
        files, diffs = step.files, step.diffs
        notes += step.notes
        error_lines += step.errors
    used_configs = batch.configs or [(fixed_config or Config()).merged(**overrides)]
    redirects = _redirects(used_configs)
    notes += _moved_code_notes(used_configs, redirects)
    if baseline_path is not None:
        from tilint import baseline

        try:
            files, note = baseline.apply(files, baseline_path, record=writing_baseline, redirects=redirects)
        except TilintError as exc:
            _fail(str(exc))
        notes += [note] if note else []

    results = [f.result for f in files]
    documents = {f.path: f.document for f in files if f.document is not None}
    if diff:
        _emit("".join(diffs), output, colour=False, newline=False)
    else:
        configs = batch.configs or [(fixed_config or Config()).merged(**overrides)]
        _emit(_render(output_format, results, documents, colour, output, configs), output, colour=_use_colour(colour) and output is None and output_format == "text")
    for line in notes + error_lines:
        click.echo(f"tilint: {line}", err=True)

    if error_lines:
        sys.exit(2)
    if writing_baseline:
        sys.exit(0)
    if diff:
        sys.exit(1 if diffs and not exit_zero else 0)
    # each file fails at its own config's level
    failing = sum(at_or_above(f.findings, f.config.fail_on if f.config else Severity.WARNING) for f in files)
    sys.exit(0 if exit_zero or failing == 0 else 1)


def _progress_bar(stack: contextlib.ExitStack, wanted: Callable[[int], bool]) -> Callable[[int, int], None]:
    """A progress callback for check_paths that draws a bar on standard error, if
    `wanted(number of files)` says so once the files are known."""
    bars: list[Any] = []

    def update(done: int, total: int) -> None:
        if done == 0 and not bars and wanted(total):
            bars.append(stack.enter_context(click.progressbar(length=total, label="Checking", file=sys.stderr, show_pos=True)))
        elif bars:
            bars[0].update(done - bars[0].pos)

    return update


def _baseline_target(baseline: Path | None, write: str | None) -> tuple[Path | None, bool]:
    """The baseline file and whether to write it. `--write-baseline FILE` names the file;
    a bare `--write-baseline` (the older `--write-baseline --baseline FILE`) takes the
    --baseline file, else .tilint-baseline.json."""
    if write is None:
        return baseline, False
    target = Path(write) if write else baseline or Path(".tilint-baseline.json")
    if target.is_dir():
        _fail(f"TL004 --write-baseline {write}: a folder, not a file; name the baseline file first: --write-baseline FILE {write}")
    if write and baseline is not None and not _same_file(baseline, target):
        _fail(f"TL004 --write-baseline {write} and --baseline {baseline} name different files; name one")
    if target.exists() and not _is_baseline(target):
        # e.g. `--write-baseline notes.md docs/`: never overwrite what the user wrote
        _fail(f"TL004 --write-baseline {target}: the file exists and is not a tilint baseline; it was left as it is (name a new file)")
    return target, True


def _is_baseline(path: Path) -> bool:
    import json

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    return isinstance(data, dict) and data.get("tool") == "tilint"


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _render(
    output_format: str,
    results: list[FileResult],
    documents: dict[str, Document],
    colour: bool | None,
    output: Path | None,
    configs: Sequence[Config],
) -> str:
    if output_format == "json":
        from tilint.report.json_report import render as render_json

        return render_json(results, documents)
    if output_format == "github":
        from tilint.report.github import render as render_github

        return render_github(results, documents)
    if output_format in ("sarif", "html"):
        rules = _rules_of(configs)
        if output_format == "sarif":
            from tilint.report.sarif import render as render_sarif

            return render_sarif(results, rules, documents)
        from tilint.report.html_report import render as render_html

        return render_html(results, documents, rules)
    from tilint.report.text_report import render as render_text

    texts = {path: d.display_text() for path, d in documents.items()}
    use = _use_colour(colour) and output is None
    return render_text(results, texts, colour=use, documents=documents)


def _rules_of(configs: Sequence[Config]) -> list[Rule]:
    """Every rule of every config used in the run (a folder's own lexicon included), once."""
    from tilint.api import get_linter
    from tilint.errors import TilintError

    rules: dict[str, Rule] = {}
    for config in configs:
        try:
            linter = get_linter(config)
        except TilintError:  # a broken lexicon: its files already report the error
            continue
        for rule in linter.rules:
            rules.setdefault(rule.code, rule)
    return list(rules.values())


def _emit(report: str, output: Path | None, *, colour: bool, newline: bool = True) -> None:
    if output is None:
        click.echo(report, nl=newline, color=colour)
        return
    try:
        output.write_text(report + ("\n" if newline else ""), encoding="utf-8")
    except OSError as exc:
        _fail(f"TL003 {output}: cannot write the report: {exc.strerror or exc}")



@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--output", "-o", "output", type=click.Path(file_okay=False, path_type=Path), required=True, help="Folder for findings, summary and report.html (created if missing).")
@click.option("--text-column", default=None, metavar="NAME", help="Column holding the note text [default: the first of text, note_text, note, body, content].")
@click.option("--id-column", default=None, metavar="NAME", help="Column holding the note id [default: id or note_id if present, else the row number].")
@click.option("--date-column", default=None, metavar="NAME", help="Column holding the note date, for --by month/week/quarter/year [default: date if present].")
@click.option("--by", "by", multiple=True, metavar="COLUMN", help="Group rates by this column (repeat for more); year, quarter, month or week group by the date column.")
@click.option("--compare", "compare", type=click.Path(path_type=Path), default=None, help="An earlier audit's folder or summary.parquet: report the change, with intervals.")
@click.option("--context", "with_context", is_flag=True, help="Also write the sentence around each finding to findings.* (shares more of the note).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Settings (rules, severities, allow list) from this config file.")
@click.option("--select", multiple=True, metavar="RULES", help="Only these rules (as for tilint check).")
@click.option("--extend-select", multiple=True, metavar="RULES", help="These rules as well, e.g. opt-in groups.")
@click.option("--ignore", multiple=True, metavar="RULES", help="Skip these rules.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, show_default=True, help="Worker processes; 0 uses every core.")
@click.option("--chunk-size", type=click.IntRange(min=1), default=5000, show_default=True, help="Notes per checkpointed chunk (JSONL, Parquet, folders; CSV reads 4 MB blocks).")
@click.option("--restart", is_flag=True, help="Start again, discarding the checkpoint of an interrupted audit in --output.")
@click.option("--progress/--no-progress", "progress", default=None, help="Progress bar with rate and ETA [default: on a terminal].")
def audit(
    inputs: tuple[Path, ...],
    output: Path,
    text_column: str | None,
    id_column: str | None,
    date_column: str | None,
    by: tuple[str, ...],
    compare: Path | None,
    with_context: bool,
    config_path: Path | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    jobs: int,
    chunk_size: int,
    restart: bool,
    progress: bool | None,
) -> None:
    """Audit exported records (CSV, JSONL, Parquet, or a folder of documents): how often
    each rule and category occurs, by group and over time. Resumes if interrupted.

    Needs the audit extra: pip install 'tilint[audit]'. See docs/audit.md.
    """
    try:
        import matplotlib  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:
        _fail("TL004 tilint audit needs the audit extra: pip install 'tilint[audit]'")
    from tilint.audit import AuditOptions, Columns, run_audit
    from tilint.config import Config, load_config
    from tilint.errors import TilintError

    overrides = _rule_overrides(select, extend_select, ignore)
    show = progress if progress is not None else sys.stderr.isatty()
    started = [0.0]

    def report_progress(fraction: float, notes: int) -> None:
        import time

        now = time.monotonic()
        started[0] = started[0] or now
        elapsed = max(now - started[0], 1e-6)
        eta = elapsed * (1 - fraction) / fraction if fraction > 0 else 0
        click.echo(f"\rAuditing {fraction:6.1%}  {notes:,} notes  {notes / elapsed:,.0f} notes/s  ETA {eta:,.0f} s ", err=True, nl=False)

    try:
        config = (load_config(config_path) if config_path else Config()).merged(**overrides)
        options = AuditOptions(
            columns=Columns(text=text_column, id=id_column, date=date_column, by=tuple(_split(by))),
            config=config,
            context=with_context,
            jobs=jobs,
            rows_per_chunk=chunk_size,
        )
        result = run_audit(list(inputs), output, options, restart=restart, progress=report_progress if show else None, compare=compare)
    except TilintError as exc:
        if show:
            click.echo("", err=True)
        _fail(str(exc))
    if show:
        click.echo("", err=True)
    resumed = f" (resumed after {result.resumed_from:,} notes)" if result.resumed_from else ""
    click.echo(
        f"Audited {result.notes:,} notes ({result.words:,} words): {result.findings:,} findings{resumed}. "
        f"Wrote findings, summary and report.html to {output}/ in {result.seconds:,.1f} s."
    )


@main.command(
    context_settings={"ignore_unknown_options": True, "allow_extra_args": True, "help_option_names": []}
)
@click.pass_context
def lsp(ctx: click.Context) -> None:
    """Start the language server over stdio (for VS Code, Neovim and any LSP editor)."""
    from lsp_server.server import main as serve

    sys.exit(serve(list(ctx.args)))


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind; anything but loopback needs --token.")
@click.option("--port", default=8081, show_default=True, type=int)
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), default=None, help="The server's config file [default: discovered from the working folder].")
@click.option("--token", default=None, help="Require this token on every request (Authorization: Bearer TOKEN).")
@click.option("--token-file", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Read the token from this file.")
@click.option("--allow-origin", multiple=True, metavar="ORIGIN", help="Allow browser requests (CORS) from this exact origin, e.g. the LanguageTool extension's.")
@click.option("--allow-host", multiple=True, metavar="NAME", help="Also answer to this Host name (e.g. behind a reverse proxy).")
@click.option("--max-chars", default=200_000, show_default=True, type=click.IntRange(min=1), help="Characters per check request.")
@click.option("--max-upload", default=20_000_000, show_default=True, type=click.IntRange(min=1), help="Bytes per uploaded document.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(min=1, max=64), help="Worker processes, e.g. one per core for a team server.")
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info", "debug"]), default="info", show_default=True)
def serve(host: str, port: int, config_path: Path | None, token: str | None, token_file: Path | None, allow_origin: tuple[str, ...], allow_host: tuple[str, ...], max_chars: int, max_upload: int, workers: int, log_level: str) -> None:
    """Serve the LanguageTool API (/v2), tilint's API (/api) and a page at / (docs/server.md)."""
    from tilint.errors import TilintError
    from tilint.serve.app import ServeSettings
    from tilint.serve.run import read_token
    from tilint.serve.run import serve as run_server

    try:
        settings = ServeSettings(
            host=host, port=port, config=str(config_path) if config_path else None, token=read_token(token, token_file),
            allow_origins=allow_origin, allow_hosts=allow_host, max_chars=max_chars, max_upload=max_upload,
        )
        from tilint.serve.app import base_config
        from tilint.serve.run import check_settings

        check_settings(settings)
        base_config(settings)  # a broken config file is a usage error, before binding
    except TilintError as exc:
        _fail(str(exc))
    run_server(settings, workers=workers, log_level=log_level)


@main.command()
@click.option("--category", type=click.Choice(CATEGORY_NAMES), default=None, help="Only this category.")
@click.option("--tag", default=None, help="Only rules with this tag.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Include the extra lexicons named in this config file.")
@click.option("--next-code", "next_code", type=click.Choice(CATEGORY_NAMES), default=None, metavar="CATEGORY", help="Print the next free rule code in CATEGORY (retired codes are never reused) and exit.")
def rules(category: str | None, tag: str | None, output_format: str, config_path: Path | None, next_code: str | None) -> None:
    """List the rules, with counts per category."""
    lexicon = _load_lexicon(config_path)
    if next_code is not None:
        click.echo(_next_code(lexicon, next_code))
        return
    chosen = sorted(
        (
            r for r in lexicon.active
            if (category is None or r.category == category) and (tag is None or tag in r.tags)
        ),
        key=lambda r: r.code,  # by code, as `tilint rules` is read: TI101 first
    )
    if output_format == "json":
        import json

        from tilint.report.explain import rule_to_dict

        click.echo(json.dumps([rule_to_dict(r) for r in chosen], ensure_ascii=False, indent=2))
        return
    width = max((len(r.name) for r in chosen), default=4)
    default = sorted((r for r in chosen if not r.opt_in), key=lambda r: r.code)
    opt_in = sorted((r for r in chosen if r.opt_in), key=lambda r: r.code)
    for r in default:
        click.echo(f"{r.code}  {r.name:<{width}}  {r.category:<12}  {r.severity.value:<7}  {', '.join(r.tags)}")
    if opt_in:
        # Apart from the default set: off unless named (LANGUAGE_POLICY.md, opt-in rules).
        click.echo("\nOpt-in (off unless selected, e.g. extend-select = [\"opt-in\"] or a group tag):")
        for r in opt_in:
            click.echo(f"{r.code}  {r.name:<{width}}  {r.category:<12}  {r.severity.value:<7}  {', '.join(r.tags)}")
    from collections import Counter

    counts: Counter[str] = Counter(r.category for r in chosen)
    parts = ", ".join(f"{counts[c]} {c}" for c in CATEGORY_NAMES if counts[c])
    tail = f"; {len(default)} default, {len(opt_in)} opt-in" if opt_in else ""
    click.echo(f"\n{len(chosen)} rules ({parts}{tail})." if chosen else "No rules match.")


def _redirects(configs: Sequence[Config]) -> dict[str, str]:
    """Old code -> new code of the moved rules in the lexicons these configs use."""
    from tilint.api import get_linter
    from tilint.errors import TilintError

    out: dict[str, str] = {}
    for config in configs:
        try:
            out.update(get_linter(config).redirects)
        except TilintError:
            continue  # a broken lexicon: each file already reports it
    return out


def _moved_code_notes(configs: Sequence[Config], redirects: dict[str, str]) -> list[str]:
    """A warning for each old code of a moved rule named in settings (as ruff warns of
    remapped codes): it still works, but the settings should name the new code."""
    by_lower = {old.lower(): new for old, new in redirects.items()}
    notes: list[str] = []
    for config in configs:
        for selector in (*config.select, *config.extend_select, *config.ignore, *config.severity):
            new = by_lower.get(selector.lower())
            if new is None:
                continue
            note = f"warning: {selector} in the settings is now {new}: it still names the rule, but write {new}"
            if note not in notes:
                notes.append(note)
    return notes


def _next_code(lexicon: Lexicon, category: str) -> str:
    """TI + the category's digit + the next number after every code used in it, removed
    rules and the old codes of moved rules included (codes are never reused)."""
    from tilint.policy import CATEGORY_DIGIT

    prefix = f"TI{CATEGORY_DIGIT[category]}"
    codes = [r.code for r in lexicon.rules] + list(lexicon.redirects())
    used = [int(c[3:]) for c in codes if c.startswith(prefix) and c[3:].isdigit()]
    number = max(used, default=0) + 1
    if number > 99:
        _fail(f"TL004 no free code left in {prefix}xx for {category}: every code up to {prefix}99 is used")
    return f"{prefix}{number:02d}"


@main.command()
@click.argument("rule")
@click.option("--format", "output_format", type=click.Choice(["text", "markdown", "json"]), default="text", show_default=True, help="text for a terminal; markdown as the editor hover shows it; json.")
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
        from tilint.report.explain import explain as render

        click.echo(render(found, markdown=output_format == "markdown"))


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
