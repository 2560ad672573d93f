"""Baselines: adopt tilint on an existing document set and fail only on new phrasing.

`tilint check --write-baseline --baseline FILE` records the current findings;
`tilint check --baseline FILE` then reports only findings that are not in it.

A finding is matched by file, rule and flagged text (case and spacing folded), never by
line, so a baseline survives lines moving. Each entry also carries a hash of the sentence
the finding stands in: entries are matched on the sentence first, then, for what is
left, on rule and text alone, so an edited sentence that keeps the old phrase still
counts as known, while a *new* occurrence of a known phrase is reported. Counts
matter: two known "refused" and a third one added means one new finding.

The file is JSON, sorted, one entry per finding, so it diffs well in review. Only the
flagged phrase is stored, never the sentence.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tilint.errors import ConfigError
from tilint.findings import Finding

if TYPE_CHECKING:
    from tilint.api import CheckedFile

FORMAT_VERSION = 1


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def context_hash(sentence: str) -> str:
    return hashlib.sha256(_fold(sentence).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True, order=True)
class Entry:
    path: str
    rule: str
    text: str
    context: str

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "rule": self.rule, "text": self.text, "context": self.context}


def entry_for(path: str, finding: Finding, sentence: str) -> Entry:
    return Entry(path, finding.rule, _fold(finding.text), context_hash(sentence))


def relative_path(display: str, base: Path) -> str:
    """A file's key in the baseline: its path relative to the baseline's folder."""
    if display.startswith("<") or display == "-":
        return display
    try:
        absolute = Path(display).resolve()
        return Path(os.path.relpath(absolute, base.resolve())).as_posix()
    except (OSError, ValueError):
        return Path(display).as_posix()


def load(path: Path) -> list[Entry]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(str(path), "no such baseline file", "create it with --write-baseline") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(str(path), f"cannot read the baseline: {exc}") from None
    if not isinstance(data, dict) or data.get("tool") != "tilint" or not isinstance(data.get("findings"), list):
        raise ConfigError(str(path), "not a tilint baseline", "create it with --write-baseline")
    if data.get("version") != FORMAT_VERSION:
        raise ConfigError(str(path), f"baseline version {data.get('version')!r} is not {FORMAT_VERSION}", "write it again")
    out = []
    for i, item in enumerate(data["findings"]):
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in ("path", "rule", "text", "context")):
            raise ConfigError(str(path), f"entry {i} needs string fields path, rule, text and context")
        out.append(Entry(item["path"], item["rule"], item["text"], item["context"]))
    return out


def dump(entries: Iterable[Entry]) -> str:
    document: dict[str, Any] = {
        "tool": "tilint",
        "version": FORMAT_VERSION,
        "findings": [e.to_dict() for e in sorted(entries)],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def write(path: Path, entries: Iterable[Entry]) -> None:
    tmp = path.with_name(f".{path.name}.tilint-tmp")
    try:
        tmp.write_text(dump(entries), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        raise ConfigError(str(path), f"cannot write the baseline: {exc.strerror or exc}") from None


class Baseline:
    """Known findings; `new()` filters one file's findings against them."""

    def __init__(self, entries: Sequence[Entry], redirects: Mapping[str, str] | None = None) -> None:
        if redirects:  # a baseline written before a rule moved names its old code
            entries = [Entry(e.path, redirects.get(e.rule, e.rule), e.text, e.context) for e in entries]
        self.exact: Counter[Entry] = Counter(entries)
        self.loose: Counter[tuple[str, str, str]] = Counter((e.path, e.rule, e.text) for e in entries)

    def new(self, keyed: Sequence[tuple[Entry, Finding]]) -> list[Finding]:
        """The findings (with their entries) that the baseline does not account for."""
        exact = self.exact.copy()
        loose = self.loose.copy()
        unmatched: list[tuple[Entry, Finding]] = []
        for entry, finding in keyed:  # same sentence: certainly known
            if exact[entry] > 0:
                exact[entry] -= 1
                loose[(entry.path, entry.rule, entry.text)] -= 1
            else:
                unmatched.append((entry, finding))
        out = []
        for entry, finding in unmatched:  # sentence edited or moved: same file, rule, text
            key = (entry.path, entry.rule, entry.text)
            if loose[key] > 0:
                loose[key] -= 1
            else:
                out.append(finding)
        return out


def apply(
    files: Sequence[CheckedFile], path: Path, *, record: bool, redirects: Mapping[str, str] | None = None
) -> tuple[list[CheckedFile], str]:
    """A step over a checked batch. record=True (`--write-baseline`): record every finding
    in `path`; otherwise (`--baseline`) drop the findings it knows. `redirects`: old rule
    code -> new, for rules that moved. Returns the batch and a note for the user. Raises
    TilintError (a baseline that cannot be read or written)."""
    from dataclasses import replace

    from tilint.report.locations import sentence_of

    base_dir = path.resolve().parent

    def keyed(item: CheckedFile) -> list[tuple[Entry, Finding]]:
        rel = relative_path(item.path, base_dir)
        document = item.document
        return [
            (entry_for(rel, f, "".join(sentence_of(document, f)) if document is not None else f.text), f)
            for f in item.findings
        ]

    if record:
        entries = [e for item in files for e, _ in keyed(item)]
        write(path, entries)
        return list(files), f"note: wrote {len(entries)} finding{'s' if len(entries) != 1 else ''} to the baseline {path}"
    known = Baseline(load(path), redirects)
    out: list[CheckedFile] = []
    hidden = 0
    for item in files:
        fresh = known.new(keyed(item))
        hidden += len(item.findings) - len(fresh)
        out.append(replace(item, findings=tuple(fresh)))
    note = f"note: {hidden} known finding{'s' if hidden != 1 else ''} hidden by the baseline {path}" if hidden else ""
    return out, note
