"""Repeated captions and lines, exact or near (with and without a credit).

A later line is a duplicate of an earlier kept line when their keys (words only) are
equal, or when one key is the other plus at most ``MAX_EXTRA_WORDS`` words at its start
or end (a credit such as ``-/Kremlin/dpa``, ``(AP Photo/...)``, ``Photo: Reuters``).
Short lines (interview prompts, list items, "Yes.") are never touched: only keys of at
least ``MIN_KEY_CHARS`` characters take part. Detection is one pass over the lines with
a hash table: linear in the document.

>>> from newsclean.document import Document
>>> caption = "Putin talks on the phone before his inauguration ceremony in the Kremlin."
>>> doc = Document.from_text(f"{caption}\\n{caption} -/Kremlin/dpa\\nBody.")
>>> [(r.reason, r.start) for r in duplicates(doc)]
[('duplicate.near', 1)]
"""

from __future__ import annotations

from ..config import DEFAULT, Config
from ..document import Document, Removal

RULE = "duplicates"
MIN_KEY_CHARS = 30
MIN_SHARED_WORDS = 5
MAX_EXTRA_WORDS = 6
MAX_NEAR_KEY_CHARS = 500  # near-duplicates are captions and short blocks, not long prose


def _variants(key: str) -> list[str]:
    """``key`` without up to ``MAX_EXTRA_WORDS`` words at its end or its start."""
    if len(key) > MAX_NEAR_KEY_CHARS:
        return []
    words = key.split(" ")
    out = []
    for n in range(1, min(MAX_EXTRA_WORDS, len(words) - MIN_SHARED_WORDS) + 1):
        out.append(" ".join(words[:-n]))
        out.append(" ".join(words[n:]))
    return [v for v in out if len(v) >= MIN_KEY_CHARS]


def duplicates(doc: Document, config: Config = DEFAULT) -> list[Removal]:
    """Later copies of a line already seen in the document (exact or near)."""
    seen: set[str] = set()  # keys of kept lines
    shortened: set[str] = set()  # kept keys with a few words cut off
    removals = []
    for i in doc.kept():
        key = doc.keys[i]
        if len(key) < MIN_KEY_CHARS:
            continue
        if key in seen:
            removals.append(Removal(RULE, "duplicate.exact", i, i + 1))
            continue
        variants = _variants(key)
        if key in shortened or any(v in seen for v in variants):
            removals.append(Removal(RULE, "duplicate.near", i, i + 1))
            continue
        seen.add(key)
        shortened.update(variants)
    return removals
