"""A long PDF policy against the same text as .txt, in one run.

    python bench/pdf_bench.py                 # 100 pages, 3 runs each
    python bench/pdf_bench.py --pages 300 --repeat 5 --json pdf.json

Builds a policy of unique prose (bench/make_corpus.py) as a flat OpenDocument file with
a running header and page numbers, has LibreOffice (headless; Debian's
libreoffice-writer-nogui) print it to PDF, and writes the same paragraphs to a .txt file.
Then measures, for both files:

* `tilint check --format json FILE` as a user runs it (wall and CPU seconds, peak memory);
* in-process: reading the file into text (for the PDF: PDFium and the layout), after a
  first read (imports and word list loaded);
* the findings: how many, and how many of them are the same (rule, phrase and sentence)
  in both.

The ratio PDF / .txt is the cost of the PDF reader; docs/formats.md and
docs/performance.md quote it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from make_corpus import make_text  # noqa: E402

BYTES_PER_PAGE = 3_750  # A4, 11 pt, 1.5 and 2 cm margins: about 3.7 KB of prose a page

FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles><style:style style:name="Standard" style:family="paragraph">
<style:paragraph-properties fo:margin-bottom="0.25cm" fo:text-align="justify"/>
<style:text-properties fo:font-size="11pt" fo:language="en" fo:country="GB"/></style:style></office:styles>
<office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties
 fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm"
 fo:margin-left="2cm" fo:margin-right="2cm"/></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">
<style:header><text:p>Trust policy: care planning and review</text:p></style:header>
<style:footer><text:p>Page <text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>{body}</office:text></office:body></office:document>
"""


def build(folder: Path, pages: int) -> tuple[Path, Path, str]:
    text, description = make_text(pages * BYTES_PER_PAGE)
    # control characters (a fortune's bell) cannot stand in XML
    text = "".join(c for c in text if c >= " " or c in "\n\t")
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]
    txt = folder / "policy.txt"
    txt.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    fodt = folder / "policy.fodt"
    fodt.write_text(FODT.format(body="".join(f"<text:p>{escape(p)}</text:p>" for p in paragraphs)), encoding="utf-8")
    soffice = shutil.which("soffice")
    if soffice is None:
        sys.exit("LibreOffice is missing: apt-get install libreoffice-writer-nogui")
    subprocess.run(
        [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(folder), str(fodt)],
        check=True, capture_output=True, timeout=600, env={**os.environ, "HOME": str(folder)},
    )
    return txt, folder / "policy.pdf", description


def cli_run(path: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MB) of `tilint check --format json PATH`."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen([sys.executable, "-m", "tilint", "check", "--format", "json", str(path)], stdout=out, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"tilint failed on {path}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def in_process(path: Path, kind: str, repeat: int) -> tuple[float, float, Counter[tuple[str, str, str]]]:
    """Median CPU seconds to read, and to lint; the findings as (rule, text, sentence)."""
    from tilint.api import get_linter
    from tilint.config import Config
    from tilint.formats import localize, read_document
    from tilint.report.locations import sentence_of

    config = Config()
    linter = get_linter(config)
    linter.lint_document(read_document(path, path.name, kind), config)  # warm: pipeline and caches built
    reads, lints = [], []
    findings: Counter[tuple[str, str, str]] = Counter()
    for _ in range(repeat):
        t0 = time.process_time()
        document = read_document(path, path.name, kind)
        t1 = time.process_time()
        found = localize(document, linter.lint_document(document, config))
        t2 = time.process_time()
        reads.append(t1 - t0)
        lints.append(t2 - t1)
        findings = Counter((f.rule, f.text, "".join(sentence_of(document, f))) for f in found)
    return statistics.median(reads), statistics.median(lints), findings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write every number to this file")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="tilint-pdf-bench-") as tmp:
        folder = Path(tmp)
        txt, pdf, description = build(folder, args.pages)
        import pypdfium2

        pages = len(pypdfium2.PdfDocument(str(pdf)))
        words = len(txt.read_text(encoding="utf-8").split())
        print(f"{pages} pages, {words:,} words, {pdf.stat().st_size / 1e6:.2f} MB PDF; {description}\n")
        cli: dict[str, list[tuple[float, float, float]]] = {"txt": [], "pdf": []}
        for _ in range(args.repeat):  # alternated, so a change in the machine's load hits both alike
            cli["txt"].append(cli_run(txt))
            cli["pdf"].append(cli_run(pdf))
        proc = {name: in_process(path, kind, args.repeat) for name, path, kind in (("txt", txt, "text"), ("pdf", pdf, "pdf"))}
    med = {name: tuple(statistics.median(run[i] for run in runs) for i in range(3)) for name, runs in cli.items()}
    rows = [
        ("tilint check, wall s", med["txt"][0], med["pdf"][0]),
        ("tilint check, CPU s", med["txt"][1], med["pdf"][1]),
        ("tilint check, peak MB", med["txt"][2], med["pdf"][2]),
        ("in-process read, CPU s", proc["txt"][0], proc["pdf"][0]),
    ]
    print(f"{'':26} {'.txt':>9} {'.pdf':>9} {'pdf/txt':>8}")
    for label, a, b in rows:
        print(f"{label:26} {a:9.3f} {b:9.3f} {b / a if a else float('nan'):8.2f}")
    same = sum((proc["txt"][2] & proc["pdf"][2]).values())
    total_txt, total_pdf = sum(proc["txt"][2].values()), sum(proc["pdf"][2].values())
    print(f"\nfindings: .txt {total_txt}, .pdf {total_pdf}; the same rule, phrase and sentence in both: {same}")
    if args.json:
        args.json.write_text(json.dumps({"pages": pages, "words": words, "cli": med, "in_process": {k: v[:2] for k, v in proc.items()},
                                         "findings": {"txt": total_txt, "pdf": total_pdf, "same": same}}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
