"""Markdown is prepared in cached chunks; that must give exactly the whole-document result."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tilint.formats.markdown import _prepare_chunk, prepare_markdown

BLOCKS = st.sampled_from(
    [
        "She refused lunch.",
        "A paragraph with `refused` code and [a link](https://x.org/refused).",
        "```\nrefused\n\nstill code after a blank line\n```",
        "~~~~\nunclosed fence refused",
        "<!-- a comment\n\nthat spans a blank line: refused -->",
        "<pre>\nrefused\n\nrefused\n</pre>",
        "- item one refused\n\n    continuation of the item, refused",
        "    indented code refused",
        "> I refused because it hurt.\n>\n> Still quoted.",
        "# Heading refused",
        "1. first\n2. second refused",
        "[id]: https://example.org/refused",
        "| a | refused |\n|---|---|\n| b | c |",
        "Text\r\nwith CRLF refused",
        "  two-space indented paragraph refused",
    ]
)
SEPARATORS = st.sampled_from(["\n\n", "\n", "\n\n\n", "\r\n\r\n", "\n \n"])


@settings(max_examples=300, deadline=None)
@given(blocks=st.lists(BLOCKS, min_size=1, max_size=8), seps=st.lists(SEPARATORS, min_size=8, max_size=8), front=st.booleans())
def test_chunked_preparation_equals_whole_document(blocks: list[str], seps: list[str], front: bool) -> None:
    body = "".join(b + s for b, s in zip(blocks, seps[: len(blocks)], strict=True))
    head = "---\ntitle: refused\n\nnote: blank line above\n---\n" if front else ""
    text = head + body
    document = prepare_markdown(text)
    whole_checkable, whole_quoted = _prepare_chunk.__wrapped__(body)
    assert len(document.checkable) == len(text)
    assert document.checkable[len(head):] == whole_checkable
    assert document.checkable[: len(head)].strip() == ""
    assert [(a - len(head), b - len(head)) for a, b in document.quoted] == list(whole_quoted)
