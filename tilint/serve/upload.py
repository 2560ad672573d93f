"""One uploaded file from a multipart/form-data body, parsed in memory.

python-multipart's push parser, not Starlette's form(): that spools files over 1 MB to a
temporary file, and a clinical document must never touch the disk. The body is already
bounded by the upload limit (guard.py).
"""

from __future__ import annotations

from pathlib import PurePosixPath, PureWindowsPath

from python_multipart import MultipartParser
from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import parse_options_header

from tilint.serve.languagetool import BadRequest

FIELD = "file"
MAX_PARTS = 8


def read_upload(content_type: str, body: bytes) -> tuple[str, bytes]:
    """(file name, bytes) of the part named 'file'."""
    media, options = parse_options_header(content_type)
    if media != b"multipart/form-data":
        raise BadRequest("upload the document as multipart/form-data, in a field named 'file'", 415)
    boundary = options.get(b"boundary")
    if not boundary:
        raise BadRequest("malformed form data: the multipart boundary is missing")

    parts: list[dict[str, object]] = []
    current: dict[str, object] = {}
    header_name = bytearray()
    header_value = bytearray()
    chunks: list[bytes] = []

    def on_part_begin() -> None:
        current.clear()
        current["headers"] = {}
        chunks.clear()
        if len(parts) >= MAX_PARTS:
            raise BadRequest(f"malformed form data: more than {MAX_PARTS} parts")

    def on_header_field(data: bytes, start: int, end: int) -> None:
        header_name.extend(data[start:end])

    def on_header_value(data: bytes, start: int, end: int) -> None:
        header_value.extend(data[start:end])

    def on_header_end() -> None:
        headers = current["headers"]
        assert isinstance(headers, dict)
        headers[bytes(header_name).lower()] = bytes(header_value)
        header_name.clear()
        header_value.clear()

    def on_part_data(data: bytes, start: int, end: int) -> None:
        chunks.append(data[start:end])

    def on_part_end() -> None:
        current["data"] = b"".join(chunks)
        parts.append(dict(current))

    parser = MultipartParser(
        boundary,
        {
            "on_part_begin": on_part_begin,
            "on_header_field": on_header_field,
            "on_header_value": on_header_value,
            "on_header_end": on_header_end,
            "on_part_data": on_part_data,
            "on_part_end": on_part_end,
        },
    )
    try:
        parser.write(body)
        parser.finalize()
    except MultipartParseError as exc:
        raise BadRequest(f"malformed form data: {str(exc).splitlines()[0][:80]}") from None
    for part in parts:
        headers = part["headers"]
        assert isinstance(headers, dict)
        _, disposition = parse_options_header(headers.get(b"content-disposition", b""))
        if disposition.get(b"name") != FIELD.encode():
            continue
        raw_name = disposition.get(b"filename")
        if not raw_name:
            raise BadRequest("the 'file' field has no file name")
        try:
            name = raw_name.decode("utf-8")
        except UnicodeDecodeError:
            raise BadRequest("the file name is not valid UTF-8") from None
        # Only the last component: the name is shown in the report, never used as a path.
        name = PureWindowsPath(PurePosixPath(name).name).name.strip() or "upload"
        data = part.get("data", b"")
        assert isinstance(data, bytes)
        return name[:200], data
    raise BadRequest("no field named 'file' in the upload")
