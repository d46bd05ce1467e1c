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

from collections.abc import Set as AbstractSet

from .. import catalogue
from .. import resources as res
from ..config import DEFAULT, Config
from ..document import Document, Removal

RULE = "ui_strings"
MAX_BLOCK_LINES = 5
WRAPPED_LINE_CHARS = 40


def catalogue_for(config: Config) -> catalogue.Catalogue:
    """The compiled catalogue a config asks for (cached across calls)."""
    return catalogue.load(config.languages, config.extra_phrases, config.extra_patterns)


def ui_strings(doc: Document, config: Config = DEFAULT) -> list[Removal]:
    """Lines and short blocks of lines that are catalogue entries."""
    cat = catalogue_for(config)
    kept = list(doc.kept())
    removals: list[Removal] = []
    gone: set[int] = set()
    jump: dict[int, int] = {}
    memo: dict[str, str | None] = {}  # repeated lines repeat their keys
    k = 0
    while k < len(kept):
        i = kept[k]
        found = _longest_block(doc, kept, k, cat, memo)
        if found is None:
            k += 1
            continue
        last, reason = found
        if inside_prose(doc, i, kept[last] + 1, gone, jump):
            k += 1
            continue
        removals.append(Removal(RULE, reason, i, kept[last] + 1))
        gone.update(range(i, kept[last] + 1))
        k = last + 1
    return removals


def inside_prose(
    doc: Document,
    start: int,
    end: int,
    gone: AbstractSet[int] = frozenset(),
    jump: dict[int, int] | None = None,
) -> bool:
    """Whether lines ``start:end`` carry on a sentence, so they are article words and
    not a UI line: the line just before is a long line left open (it ends with a
    lower-case word or a comma: a hard-wrapped paragraph), or the lines end open and a
    long line in lower case carries the sentence on (a link split off its sentence).
    Lines already removed (``doc.removed``, or ``gone``) are skipped, so the decision
    is the same when the cleaned text is cleaned again. A caller asking about many
    lines passes one ``jump`` dict, so that runs of removed lines are skipped once, not
    once per question (``gone`` may only grow between calls).

    >>> doc = Document.from_text("Pictures of the actress were shared in private\\n"
    ...                          "photos.\\nShare")
    >>> inside_prose(doc, 1, 2), inside_prose(doc, 2, 3)
    (True, False)
    """
    if res.LIST_START.match(doc.lines[start]):
        return False
    after = doc.lines[end].strip() if end < len(doc.lines) and not doc.removed[end] else ""
    open_end = not res.WRAP_END.search(doc.lines[end - 1].rstrip())
    if open_end and after[:1].islower() and len(after) >= WRAPPED_LINE_CHARS:
        return True  # the sentence goes on in the next line
    b = _line_before(doc, start, gone, {} if jump is None else jump)
    if b < 0:
        return False
    before = doc.lines[b].rstrip()
    if not before or res.WRAP_END.search(before):
        return False
    words = before.split()
    left_open = before[-1] in ",-–—" or words[-1][:1].islower()  # a sentence mid-way
    return left_open and len(before) >= WRAPPED_LINE_CHARS


def _line_before(doc: Document, start: int, gone: AbstractSet[int], jump: dict[int, int]) -> int:
    """The last line before ``start`` that is neither removed nor ``gone`` (-1: none):
    the text as it will read once cleaned. ``jump`` remembers, for lines found removed,
    where the search went on (path compression: linear over many calls)."""
    b = start - 1
    passed: list[int] = []
    removed = doc.removed
    while b >= 0 and (removed[b] or b in gone):
        passed.append(b)
        b = jump.get(b, b - 1)
    for p in passed:
        jump[p] = b
    return b


def _longest_block(
    doc: Document,
    kept: list[int],
    k: int,
    cat: catalogue.Catalogue,
    memo: dict[str, str | None],
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
        if key in memo:
            reason = memo[key]
        else:
            reason = memo[key] = cat.lookup_key(key)
        if reason is not None:
            best = (j, reason)
    return best
