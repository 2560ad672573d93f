"""Per-Doc arrays of token attributes, built once per Doc for the context checks.

The checks read the words around each match many times over; each `doc[i].lower_` makes
a Token object and asks the string store. These are built from Doc.to_array in one pass.
"""

from __future__ import annotations

from spacy.attrs import LOWER
from spacy.tokens import Doc

_LOWERS_KEY = "tilint.lowers"


# Hash -> text, filled from a string store on first sight: a map look-up per token, in
# C, instead of a string-store call. A hash is the same for a text in every vocabulary
# (spaCy hashes the string), so one map serves every pipeline.
_TEXTS: dict[int, str] = {}
_TEXTS_LIMIT = 50_000  # texts kept (a few MB); cleared when full, as any cache


def lowers(doc: Doc) -> list[str]:
    """Every token's lower-cased text (Token.lower_), built once per Doc."""
    low = doc.user_data.get(_LOWERS_KEY)
    if low is None:
        ids = doc.to_array(LOWER).tolist()
        texts = _TEXTS
        try:
            low = list(map(texts.__getitem__, ids))
        except KeyError:
            if len(texts) > _TEXTS_LIMIT:
                texts.clear()
            strings = doc.vocab.strings
            low = []
            for h in ids:
                text = texts.get(h)
                if text is None:
                    text = texts[h] = strings[h]
                low.append(text)
        doc.user_data[_LOWERS_KEY] = low
    return low
