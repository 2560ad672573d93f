"""Hostile documents for tilint's readers and CLI: no crash, no hang, exit 0, 1 or 2 only.

    python bench/fuzz.py                  # the CI-sized set: each input through the CLI
    python bench/fuzz.py --scale 25       # the long run: 25x larger inputs (a 45 MB line)
    python bench/fuzz.py --only md-deep-quote,zip-bomb

Every input is written once per reader extension (`tilint.formats.KINDS`, so a new
reader is fuzzed as soon as it registers its extension) plus one unknown extension
named explicitly, and run through `tilint check --format json` in its own process with
a hang guard.
The table gives size, time and exit code per input; any traceback, "internal error",
exit code other than 0/1/2, or time-out is a failure. tests/test_fuzz_readers.py runs
the same inputs in-process and through the CLI, and hypothesis over random bytes.
"""

from __future__ import annotations

import argparse
import functools
import io
import os
import random
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

PROSE = (
    "She refused lunch and was described as non-compliant. The court refused bail. "
    "He told us about the side effects of the new tablets during the ward round. "
)
UNKNOWN_EXTENSION = ".dat"  # named explicitly, an unknown extension is read as text


def reader_extensions() -> list[str]:
    """Every extension a reader is registered for, plus one unknown extension."""
    sys.path.insert(0, str(ROOT))
    from tilint.formats import KINDS

    return [*sorted(KINDS), UNKNOWN_EXTENSION]


# ---------------------------------------------------------------- zip archives (docx, pptx)


def _zip(members: list[tuple[str, bytes]], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return buffer.getvalue()


def _docx_members(body: bytes) -> list[tuple[str, bytes]]:
    return [
        ("[Content_Types].xml", b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
        ("word/document.xml", b'<?xml version="1.0"?><w:document xmlns:w="x"><w:body><w:p><w:r><w:t>' + body + b"</w:t></w:r></w:p></w:body></w:document>"),
    ]


def zip_bomb(scale: float) -> bytes:
    """A docx-shaped zip whose document expands to 100 MB (x scale) of one repeated byte."""
    size = int(100_000_000 * min(scale, 4))
    return _zip([*_docx_members(b"x")[:1], ("word/document.xml", b"<w:t>" + b"a" * size + b"</w:t>")])


def zip_nested(_: float) -> bytes:
    data = _zip(_docx_members(PROSE.encode()))
    for level in range(8):
        data = _zip([(f"level{level}.docx", data)])
    return data


def zip_malicious_names(_: float) -> bytes:
    return _zip([
        ("../../../../tmp/tilint-fuzz-escaped.txt", b"escaped"),
        ("/etc/tilint-fuzz-absolute.txt", b"absolute"),
        ("word/../../document.xml", b"<w:t>x</w:t>"),
        *_docx_members(PROSE.encode()),
    ])


def zip_truncated(_: float) -> bytes:
    data = _zip(_docx_members(PROSE.encode() * 50))
    return data[: len(data) // 2]


def zip_bad_crc(_: float) -> bytes:
    data = bytearray(_zip(_docx_members(PROSE.encode() * 50), zipfile.ZIP_STORED))
    at = data.find(b"She refused")
    data[at : at + 3] = b"XXX"  # stored data no longer matches its CRC
    return bytes(data)


def zip_many_members(scale: float) -> bytes:
    return _zip([(f"word/part{i}.xml", b"") for i in range(int(20_000 * scale))] + _docx_members(b"x"))


def zip_lying_sizes(_: float) -> bytes:
    """A central directory that claims a 4 GB member."""
    data = bytearray(_zip(_docx_members(PROSE.encode()), zipfile.ZIP_STORED))
    central = data.rfind(b"PK\x01\x02")
    data[central + 24 : central + 28] = (0xFFFFFFF0).to_bytes(4, "little")  # uncompressed size
    return bytes(data)


# ---------------------------------------------------------------- OpenDocument and PDF

_ODT_CONTENT = (
    b'<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    b' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text><text:p>'
)


def _odt_members(body: bytes) -> list[tuple[str, bytes]]:
    return [
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ("content.xml", _ODT_CONTENT + body + b"</text:p></office:text></office:body></office:document-content>"),
    ]


def odt_encrypted(_: float) -> bytes:
    """An .odt whose manifest says content.xml is encrypted (and it is not XML)."""
    manifest = (
        b'<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        b'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
        b'<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="AAAA">'
        b'<manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="AAAA"/>'
        b"</manifest:encryption-data></manifest:file-entry></manifest:manifest>"
    )
    members = _odt_members(b"")
    return _zip([members[0], ("content.xml", random.Random(6).randbytes(4000)), ("META-INF/manifest.xml", manifest)])


def odt_bomb(scale: float) -> bytes:
    """An .odt whose content.xml expands to 100 MB (x scale) of one repeated byte."""
    return _zip(_odt_members(b"a" * int(100_000_000 * min(scale, 4))))


def odt_truncated(_: float) -> bytes:
    data = _zip(_odt_members(PROSE.encode() * 50))
    return data[: len(data) // 2]


def _pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    out = bytearray(b"%PDF-1.5\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def pdf_document(content: bytes, extra: list[bytes] | None = None, trailer: bytes = b"") -> bytes:
    """A one-page PDF with Helvetica and `content` as its page's content stream."""
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            _stream(content),
            *(extra or []),
        ],
        trailer,
    )


@functools.cache
def pdf_object_stream_bomb(_: float) -> bytes:
    """An object stream that inflates to 400 MB: refused before PDFium expands it."""
    inflater = zlib.compressobj(9)
    chunk = b" " * 1_000_000
    packed = b"".join(inflater.compress(chunk) for _ in range(400)) + inflater.flush()
    bomb = _stream(packed, b"/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode ")
    return pdf_document(b"BT /F1 12 Tf 72 700 Td (She refused lunch.) Tj ET", [bomb])


def pdf_encrypted(_: float) -> bytes:
    """A PDF with a standard security handler whose password is not empty."""
    encrypt = b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <%s> /U <%s> >>" % (b"11" * 32, b"22" * 32)
    return pdf_document(b"BT /F1 12 Tf 72 700 Td (She refused lunch.) Tj ET", [encrypt], b"/Encrypt 6 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] ")


def pdf_truncated(_: float) -> bytes:
    data = pdf_document(b"BT /F1 12 Tf 72 700 Td (She refused lunch.) Tj ET" + b" " * 2000)
    return data[: len(data) // 3]


def pdf_absurd_coordinates(_: float) -> bytes:
    """Text scattered from -1e12 to 1e12 points, and thousands of one-letter pieces."""
    ops = [b"BT /F1 12 Tf"]
    for i in range(40):
        ops.append(b"1 0 0 1 %d %d Tm (She refused lunch %d.) Tj" % ((-1) ** i * 10 ** (i % 13), 700 - 3 * i, i))
    for i in range(3000):
        ops.append(b"1 0 0 1 %d %d Tm (x) Tj" % (i * 7 % 590, i * 13 % 830))
    ops.append(b"ET")
    return pdf_document(b"\n".join(ops))


def pdf_many_pages(scale: float) -> bytes:
    """A page tree that claims a billion pages."""
    return pdf_document(b"BT /F1 12 Tf 72 700 Td (She refused.) Tj ET").replace(b"/Count 1", b"/Count 1000000000")


# ---------------------------------------------------------------- text and Markdown


def random_bytes(scale: float) -> bytes:
    return random.Random(1).randbytes(int(64_000 * scale))


def invalid_utf8(scale: float) -> bytes:
    bad = [b"\xff", b"\xc0\xaf", b"\xe2\x82", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x80"]
    rng = random.Random(2)
    return b"".join(PROSE.encode() + rng.choice(bad) for _ in range(int(500 * scale)))


def utf16(encoding: str, bom: bytes) -> Callable[[float], bytes]:
    return lambda scale: bom + (PROSE * int(200 * scale)).encode(encoding)


def utf16_odd(scale: float) -> bytes:
    return utf16("utf-16-le", b"\xff\xfe")(scale) + b"\x00"


def utf16_lone_surrogate(scale: float) -> bytes:
    return b"\xff\xfe" + "She refused ".encode("utf-16-le") + b"\x00\xd8" + "lunch.".encode("utf-16-le")


def nul_bytes(offset: int) -> Callable[[float], bytes]:
    def build(scale: float) -> bytes:
        text = (PROSE * int(100 * scale)).encode()
        return text[:offset] + b"\x00" * 16 + text[offset:] + b"\x00"
    return build


def one_line(scale: float) -> bytes:
    """A single line of prose, no line break at all: 2 MB (x scale)."""
    rng = random.Random(3)
    words = PROSE.split()
    size = int(2_000_000 * scale)
    out: list[str] = []
    length = 0
    while length < size:
        word = rng.choice(words)
        out.append(word)
        length += len(word) + 1
    return " ".join(out).encode()


def over_the_size_limit(_: float) -> bytes:
    """A 50 MB single line: over the reader's 50,000,000-byte limit (exit 2, TL003)."""
    return b"a " * 26_214_400


def repeat(unit: str, count: int, suffix: str = "") -> Callable[[float], bytes]:
    return lambda scale: (unit * int(count * scale) + suffix).encode()


def random_punctuation(scale: float) -> bytes:
    """Unique runs of brackets and quotes (no cache can help), with a few spaces."""
    rng = random.Random(5)
    return "".join(rng.choice("([{<*>\"'_`)]}") if rng.random() > 0.001 else " " for _ in range(int(500_000 * scale))).encode()


def md_deep_list(scale: float) -> bytes:
    depth = int(1000 * min(scale, 3))
    return "".join("  " * i + f"- item {i} refused\n" for i in range(depth)).encode()


def md_html_nest(scale: float) -> bytes:
    n = int(50_000 * scale)
    return ("<div>" * n + "She refused lunch." + "</div>" * n).encode()


def mixed_unicode(scale: float) -> bytes:
    parts = ["a\u0301" * 50, "\u202e\u2066She refused\u2069\u202c", "\u200b\u200d\ufeff", "👩‍👩‍👧‍👦" * 20,
             "\u2028\u2029\x85\x0b\x0c", "ﬁ ß İ ǅ", "\ufffd\U0010ffff", "non\u2011compliant"]
    rng = random.Random(4)
    return " ".join(rng.choice(parts) for _ in range(int(5_000 * scale))).encode()


def many_directives(scale: float) -> bytes:
    n = int(10_000 * scale)
    return "".join(f"<!-- tilint-disable-next-line TI10{i % 3} -->\nShe refused lunch {i}.\n" for i in range(n)).encode()


def many_findings_in_quotes(scale: float) -> bytes:
    return ("> She refused lunch and was non-compliant.\n\n" * int(10_000 * scale)).encode()


HOSTILE: dict[str, Callable[[float], bytes]] = {
    "random-bytes": random_bytes,
    "invalid-utf8": invalid_utf8,
    "utf8-bom": lambda s: b"\xef\xbb\xbf" + (PROSE * int(100 * s)).encode(),
    "utf16-le-bom": utf16("utf-16-le", b"\xff\xfe"),
    "utf16-be-bom": utf16("utf-16-be", b"\xfe\xff"),
    "utf16-odd-length": utf16_odd,
    "utf16-lone-surrogate": utf16_lone_surrogate,
    "nul-at-start": nul_bytes(0),
    "nul-after-8k": nul_bytes(9000),
    "one-line-2mb": one_line,
    "line-50mb": over_the_size_limit,
    "no-spaces": repeat("a", 1_000_000),
    "open-parens": repeat("(", 500_000),
    "dots": repeat(".", 500_000),
    "random-punctuation": random_punctuation,
    "hyphens": repeat("-", 500_000),
    "cr-only": repeat("She refused lunch.\r", 50_000),
    "crlf-blank": repeat("\r\n", 500_000),
    "mixed-unicode": mixed_unicode,
    "md-deep-quote": repeat(">", 100_000, " She refused lunch.\n"),
    "md-deep-list": md_deep_list,
    "md-brackets": repeat("[", 100_000, "She refused](x)"),
    "md-link-parens": repeat("[a](", 50_000),
    "md-stars": repeat("*", 100_000, "She refused*"),
    "md-underscores": repeat("_a", 100_000),
    "md-backticks": repeat("`a ", 100_000),
    "md-unclosed-fence": lambda s: b"```\n" + (PROSE * int(5_000 * s)).encode(),
    "md-unclosed-front-matter": lambda s: b"---\n" + b"key: value refused\n" * int(50_000 * s),
    "md-html-nest": md_html_nest,
    "md-tags": repeat("<a ", 100_000),
    "many-directives": many_directives,
    "many-findings-in-quotes": many_findings_in_quotes,
    "zip-truncated": zip_truncated,
    "zip-bomb": zip_bomb,
    "zip-nested": zip_nested,
    "zip-malicious-names": zip_malicious_names,
    "zip-bad-crc": zip_bad_crc,
    "zip-many-members": zip_many_members,
    "zip-lying-sizes": zip_lying_sizes,
    "odt-encrypted": odt_encrypted,
    "odt-bomb": odt_bomb,
    "odt-truncated": odt_truncated,
    "pdf-object-stream-bomb": pdf_object_stream_bomb,
    "pdf-encrypted": pdf_encrypted,
    "pdf-truncated": pdf_truncated,
    "pdf-many-pages": pdf_many_pages,
    "pdf-absurd-coordinates": pdf_absurd_coordinates,
}

# Inputs on which tilint once took time quadratic in the input (a hang on a 1 MB file),
# kept as regression tests: each names the file and the fix that made it linear.
KNOWN_QUADRATIC: dict[str, tuple[Callable[[float], bytes], str]] = {
    "unclosed-suppression-comments": (
        repeat("<!-- tilint-disable TI101 ", 40_000),
        "tilint/suppress.py _COMMENT: '<!--...(.*?)-->' rescans to the end of the text from every "
        "unclosed opening; find the openings, then str.find('-->') once each and stop at the first miss",
    ),
    "unclosed-html-comments-md": (
        repeat("<!-- ", 200_000),
        "tilint/formats/markdown.py _HTML_COMMENT: '<!--.*?-->' (DOTALL) rescans to the end from every "
        "unclosed '<!--'; same fix as above",
    ),
}


@dataclass
class Outcome:
    name: str
    extension: str
    size: int
    seconds: float
    code: int | None  # None: timed out
    stderr: str

    @property
    def problem(self) -> str | None:
        if self.code is None:
            return "timed out (hang)"
        if self.code not in (0, 1, 2):
            return f"exit code {self.code}"
        if "Traceback" in self.stderr or "internal error" in self.stderr:
            return "crash: " + self.stderr.strip().splitlines()[-1][:200]
        return None


def write_input(folder: Path, name: str, build: Callable[[float], bytes], extension: str, scale: float) -> Path:
    path = folder / f"{name}{extension}"
    path.write_bytes(build(scale))
    return path


def run_cli(paths: list[Path], timeout: float, extra: tuple[str, ...] = ()) -> tuple[int | None, float, str, str]:
    """(exit code or None on time-out, seconds, stdout, stderr) of `tilint check`."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "tilint", "check", *extra, *map(str, paths)],
            capture_output=True, env=env, timeout=timeout, check=False,
        )
    except subprocess.TimeoutExpired:
        return None, time.perf_counter() - start, "", ""
    decoded = (proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"))
    return proc.returncode, time.perf_counter() - start, *decoded


def fuzz_cli(names: list[str], scale: float, timeout: float) -> list[Outcome]:
    """Each input, in every reader's extension, through one `tilint check` process."""
    outcomes = []
    with tempfile.TemporaryDirectory(prefix="tilint-fuzz-") as tmp:
        folder = Path(tmp)
        for name in names:
            build = HOSTILE[name] if name in HOSTILE else KNOWN_QUADRATIC[name][0]
            paths = [write_input(folder, name, build, ext, scale) for ext in reader_extensions()]
            code, seconds, _, stderr = run_cli(paths, timeout, ("--format", "json"))
            outcomes.append(Outcome(name, ",".join(reader_extensions()), paths[0].stat().st_size, seconds, code, stderr))
            for path in paths:
                path.unlink()
    return outcomes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Hostile documents through the tilint CLI.")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply input sizes (default 1)")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds before a run counts as a hang")
    parser.add_argument("--only", default="", help="comma-separated input names")
    parser.add_argument("--known-quadratic", action="store_true", help="also run the known quadratic inputs")
    args = parser.parse_args(argv)
    names = [n for n in args.only.split(",") if n] or list(HOSTILE)
    if args.known_quadratic:
        names += list(KNOWN_QUADRATIC)
    print(f"extensions: {' '.join(reader_extensions())}; scale {args.scale:g}; hang guard {args.timeout:g} s\n")
    print("| input | bytes | seconds | exit | result |\n|---|---:|---:|---:|---|")
    started = time.perf_counter()
    failures = 0
    for outcome in fuzz_cli(names, args.scale, args.timeout):
        problem = outcome.problem
        failures += problem is not None
        print(f"| {outcome.name} | {outcome.size:,} | {outcome.seconds:.1f} | {outcome.code} | {problem or 'ok'} |", flush=True)
    total = time.perf_counter() - started
    print(f"\n{len(names)} inputs x {len(reader_extensions())} extensions, {failures} failures, {total:.0f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
