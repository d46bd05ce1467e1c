"""UI strings and page chrome from the phrase catalogue.

A line is removed when its key (words only) is a catalogue entry, or when it and up to
four following lines together form one (a player error split over lines by list
markup). Only whole lines match: a sentence that starts like a UI string stays.

>>> from newsclean.document import Document
>>> doc = Document.from_text("  • Oops!\\n    Something went wrong.\\n    Please try again later."
...                          "\\nAdvertisers have many online platforms.")
>>> [(r.reason, r.start, r.end) for r in ui_strings(doc)]
[('ui.player_error', 0, 3)]
"""

from __future__ import annotations

from .. import catalogue
from ..config import DEFAULT, Config
from ..document import Document, Removal

RULE = "ui_strings"
MAX_BLOCK_LINES = 5


def catalogue_for(config: Config) -> catalogue.Catalogue:
    """The compiled catalogue a config asks for (cached across calls)."""
    return catalogue.load(config.languages, config.extra_phrases, config.extra_patterns)


def ui_strings(doc: Document, config: Config = DEFAULT) -> list[Removal]:
    """Lines and short blocks of lines that are catalogue entries."""
    cat = catalogue_for(config)
    kept = list(doc.kept())
    removals: list[Removal] = []
    k = 0
    while k < len(kept):
        i = kept[k]
        found = _longest_block(doc, kept, k, cat)
        if found is None:
            k += 1
            continue
        last, reason = found
        removals.append(Removal(RULE, reason, i, kept[last] + 1))
        k = last + 1
    return removals


def _longest_block(
    doc: Document, kept: list[int], k: int, cat: catalogue.Catalogue
) -> tuple[int, str] | None:
    """The longest run of consecutive lines from ``kept[k]`` whose joined key matches."""
    best: tuple[int, str] | None = None
    key = ""
    for j in range(k, min(k + MAX_BLOCK_LINES, len(kept))):
        if j > k and kept[j] != kept[j - 1] + 1:
            break  # a block never spans a blank line
        part = doc.keys[kept[j]]
        key = f"{key} {part}" if key and part else key or part
        if len(key) > cat.max_key_length:
            break
        reason = cat.lookup_key(key)
        if reason is not None:
            best = (j, reason)
    return best
