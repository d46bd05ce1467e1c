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

from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from .. import catalogue
from .. import resources as res
from ..config import DEFAULT, Config
from ..document import Document, Removal
from .duplicates import duplicates

RULE = "ui_strings"
MAX_BLOCK_LINES = 5
WRAPPED_LINE_CHARS = 40
MEMO_SIZE = 4096  # distinct cases a memo of ui_strings() holds
_UNSEEN: tuple[int, str] = (-1, "")  # a window the memo has not seen


def catalogue_for(config: Config) -> catalogue.Catalogue:
    """The compiled catalogue a config asks for (cached across calls)."""
    return catalogue.load(config.languages, config.extra_phrases, config.extra_patterns)


def ui_strings(doc: Document, config: Config = DEFAULT) -> list[Removal]:
    """Lines and short blocks of lines that are catalogue entries."""
    cat = catalogue_for(config)
    # The whole-page stage asks about a text as the line rules will leave it, and the
    # line rules then ask about the same lines again (Document.fresh).
    return doc.remembered(RULE, lambda d: _ui_strings(d, cat), depends=cat)


def held_lines(doc: Document, config: Config = DEFAULT) -> list[Removal]:
    """The catalogue entries :func:`ui_strings` kept only because they seemed to carry
    a sentence on, once a later rule has removed a line that decided it: the line
    after them (a copy the duplicates rule removed), the line before them, or a line
    without words from the entry (a lone list marker). A second ``clean()`` finds them
    without it, so they are judged again as that run will judge them.

    >>> doc = Document.from_text("Intro line.\\nAdvertisement\\nand more words that carry "
    ...                          "the sentence on")
    >>> ui_strings(doc), doc.held
    ([], [(1, 2, 'ui.advertisement')])
    >>> doc.mark(Removal("duplicates", "duplicate.exact", 2, 3))
    True
    >>> [(r.rule, r.reason, r.start) for r in held_lines(doc)]
    [('ui_strings', 'ui.advertisement', 1)]

    When a later match took the entry's last lines, what is left of it is judged as
    the entry it is on its own:

    >>> doc = Document.from_text("Power company begins a new mass shutoff over the fire "
    ...                          "danger\\nFacebook\\nTwitter\\nEmail\\nLinkedIn\\nReddit"
    ...                          "\\nPinterest")
    >>> (share,) = ui_strings(doc)
    >>> share.start, doc.held
    (2, [(1, 6, 'ui.share')])
    >>> doc.mark(share) and doc.mark(Removal("duplicates", "duplicate.exact", 0, 1))
    True
    >>> [(r.reason, r.start, r.text) for r in held_lines(doc)]
    [('ui.share', 1, 'Facebook')]
    """
    if not doc.held:
        return []
    removals: list[Removal] = []
    lines, removed = doc.lines, doc.removed
    keys = doc.keys
    jump: dict[int, int] = {}
    # The first kept line at or after each line (one pass from the end: linear).
    next_kept = [len(lines)] * (len(lines) + 1)
    for i in range(len(lines) - 1, -1, -1):
        next_kept[i] = next_kept[i + 1] if removed[i] else i
    cat: catalogue.Catalogue | None = None
    for start, end, reason in doc.held:
        span = [i for i in range(start, end) if not removed[i]]
        if not span or span[0] != start:
            continue  # the entry is gone
        gone = [i for i in range(start, end) if removed[i] and keys[i]]
        if gone:
            # A line with words left the entry: what is left of it before that line
            # is judged as the entry it is on its own, if the catalogue has one.
            span = [i for i in span if i < gone[0]]
            if cat is None:
                cat = catalogue_for(config)
            found = cat.lookup_key(" ".join(filter(None, (keys[i] for i in span))))
            if found is None:
                continue
            reason, end = found, span[-1] + 1
        # Lines without words (a lone list marker the lone_markers rule removed) may
        # have left it: the entry's key is the same, but its last line is another.
        after = next_kept[end]
        goes_on = _sentence_goes_on(
            lines[start], lines[span[-1]], lines[after] if after < len(lines) else ""
        )
        if goes_on is None:
            b = _line_before(doc, start, frozenset(), jump)
            goes_on = b >= 0 and _left_open(lines[b])
        if not goes_on:
            removals.extend(Removal(RULE, reason, i, i + 1, lines[i]) for i in span)
    return removals


# Rounds of held_lines() and the duplicates rule in turn (each round removes lines, so
# a text settles in fewer in practice).
MAX_SETTLE_ROUNDS = 3


def held_and_repeats(doc: Document, config: Config = DEFAULT) -> list[Removal]:
    """:func:`held_lines`, then the ``duplicates`` rule again on the text they leave, in
    turn until neither removes a line (at most ``MAX_SETTLE_ROUNDS`` rounds): an entry
    that goes may leave two copies of a line side by side, which a second ``clean()``
    would find. Marks its removals on ``doc`` as it goes, and returns them."""
    out: list[Removal] = []
    for _ in range(MAX_SETTLE_ROUNDS):
        held = [r for r in held_lines(doc, config) if doc.mark(r)]
        out += held
        if not held or not config.duplicates:
            break
        again = [r for r in duplicates(doc, config) if doc.mark(r)]
        out += again
        if not again:
            break
    return out


def _ui_strings(doc: Document, cat: catalogue.Catalogue) -> list[Removal]:
    kept = list(doc.kept())
    lines, keys = doc.lines, doc.keys
    removals: list[Removal] = []
    gone: set[int] = set()
    jump: dict[int, int] = {}
    # A page may repeat the same few lines many times: what a run of keys matches, and
    # what surrounds a match, is decided once per distinct case (bounded memos).
    memo: dict[str, str | None] = {}
    windows: dict[tuple[str, ...], tuple[int, str] | None] = {}
    prose: dict[tuple[str, ...], bool | None] = {}
    worded = 0  # no line from kept[k] to kept[worded - 1] has a word
    total, longest, size = len(kept), cat.max_key_length, MAX_BLOCK_LINES
    k = 0
    while k < total:
        i = kept[k]
        if not keys[i]:
            # A block of lines without a word has the empty key, which is no entry: the
            # search skips to the blocks that reach a line with one.
            worded = max(worded, k)
            while worded < total and not keys[kept[worded]]:
                worded += 1
            if worded == total:
                break
            if worded - (size - 1) > k:
                k = worded - (size - 1)
                continue
        elif len(keys[i]) > longest:
            k += 1  # too long to start an entry, alone or with the lines after it
            continue
        # The block may take the lines from kept[k] on that follow it without a gap.
        n = size if k + size <= total else total - k
        while kept[k + n - 1] != i + n - 1:
            n -= 1
        window = keys[i : i + n]
        found = windows.get(window, _UNSEEN)
        if found is _UNSEEN:
            found = _longest_block(window, cat, memo)
            if len(windows) < MEMO_SIZE:
                windows[window] = found
        if found is None:
            k += 1
            if n == size and lines[i + n - 1] == lines[i]:
                k += _repeats(lines, kept, k - 1)  # the copies right after it match nothing
            continue
        last, reason = found
        end = i + last + 1
        if inside_prose(doc, i, end, gone, jump, prose):
            doc.held.append((i, end, reason))  # see held_lines()
            k += 1
            continue
        if last:
            removals.append(Removal(RULE, reason, i, end, "\n".join(lines[i:end])))
            gone.update(range(i, end))
            k += last + 1
            continue
        # A one-line entry: the copies right after it go too (once this line is gone,
        # they have the same line before them, and the same lines after).
        end += _repeats(lines, kept, k)
        removals.extend(Removal(RULE, reason, j, j + 1, lines[j]) for j in range(i, end))
        gone.update(range(i, end))
        k += end - i
    return removals


def _repeats(lines: Sequence[str], kept: list[int], k: int) -> int:
    """How many lines after ``kept[k]`` repeat it and are followed by at least
    ``MAX_BLOCK_LINES`` copies of it in a row: the catalogue sees the same window of
    lines from each, and ``inside_prose`` the same lines around it."""
    i = kept[k]
    line = lines[i]
    run, stop = 1, len(kept) - k
    while run < stop and kept[k + run] == i + run and lines[i + run] == line:
        run += 1
    return max(0, run - MAX_BLOCK_LINES)


def inside_prose(
    doc: Document,
    start: int,
    end: int,
    gone: AbstractSet[int] = frozenset(),
    jump: dict[int, int] | None = None,
    memo: dict[tuple[str, ...], bool | None] | None = None,
) -> bool:
    """Whether lines ``start:end`` carry on a sentence, so they are article words and
    not a UI line: the line just before is a long line left open (it ends with a
    lower-case word or a comma: a hard-wrapped paragraph), or the lines end open and a
    long line in lower case carries the sentence on (a link split off its sentence).
    Lines already removed (``doc.removed``, or ``gone``) are skipped, so the decision
    is the same when the cleaned text is cleaned again. A caller asking about many
    lines passes one ``jump`` dict, so that runs of removed lines are skipped once, not
    once per question (``gone`` may only grow between calls), and may pass one
    ``memo`` dict, so that the same lines are judged once.

    >>> doc = Document.from_text("Pictures of the actress were shared in private\\n"
    ...                          "photos.\\nShare")
    >>> inside_prose(doc, 1, 2), inside_prose(doc, 2, 3)
    (True, False)
    """
    lines = doc.lines
    after = lines[end] if end < len(lines) and not doc.removed[end] else ""
    facts = (lines[start], lines[end - 1], after)
    if memo is None:
        decided = _sentence_goes_on(*facts)
    elif facts in memo:
        decided = memo[facts]
    else:
        decided = _sentence_goes_on(*facts)
        if len(memo) < MEMO_SIZE:
            memo[facts] = decided
    if decided is not None:
        return decided
    b = _line_before(doc, start, gone, {} if jump is None else jump)
    if b < 0:
        return False
    before = (lines[b],)
    if memo is None:
        return _left_open(*before)
    left_open = memo.get(before)
    if left_open is None:
        left_open = _left_open(*before)
        if len(memo) < MEMO_SIZE:
            memo[before] = left_open
    return left_open


def _sentence_goes_on(first: str, last: str, after: str) -> bool | None:
    """For lines from ``first`` to ``last`` with the line ``after`` them: ``True`` when
    ``after`` carries their sentence on, ``False`` when they open a list item, ``None``
    when the line before them decides."""
    if res.LIST_START.match(first):
        return False
    after = after.strip()
    open_end = not res.WRAP_END.search(last.rstrip())
    if open_end and after[:1].islower() and len(after) >= WRAPPED_LINE_CHARS:
        return True  # the sentence goes on in the next line
    return None


def _left_open(before: str) -> bool:
    """Whether the line ``before`` a run of lines leaves a sentence open."""
    before = before.rstrip()
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
    parts: tuple[str, ...], cat: catalogue.Catalogue, memo: dict[str, str | None]
) -> tuple[int, str] | None:
    """The longest run of the keys ``parts`` (consecutive lines) from the first whose
    joined key matches: the index of its last part, and the reason."""
    best: tuple[int, str] | None = None
    key = ""
    for j, part in enumerate(parts):
        key = f"{key} {part}" if key and part else key or part
        if len(key) > cat.max_key_length:
            break
        if key in memo:
            reason = memo[key]
        else:
            reason = cat.lookup_key(key)
            if len(memo) < MEMO_SIZE:
                memo[key] = reason
        if reason is not None:
            best = (j, reason)
    return best
