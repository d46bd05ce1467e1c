"""Repeated captions, lines and copied blocks, exact or near (with and without a credit).

Pages repeat text on purpose: interviews ask several people the same questions, recipes
and product pages repeat list items. Deleting those costs article text. So a repeat is
removed only in the shapes artefacts take:

- **close repeats**: a later copy at most ``WINDOW`` units after the earlier one, with
  only short lines between (a caption under the photo and again in the gallery, a
  heading twice, a caption on both sides of a player error). A *near* copy, the same
  line plus or minus a few words at one end, counts when those words are a credit
  (``-/Kremlin/dpa``, ``(AP Photo/...)``, ``Photo: Reuters``) or when the later copy is
  the shorter one. A credit line between copies is not prose (a gallery repeats a caption and its
  credit in turn), and a later copy cut short at a width (``... more``) is a near copy;
- **the title again**: a later copy of the text's first line when that line is a
  heading (a gallery or teaser prints the title again), unless a menu comes between;
- **a paragraph twice**: a paragraph of prose that occurs exactly twice, however far
  apart, when the units around its later copy are not repeated too (a highlight box or
  pull-quote repeating a sentence of the article); the earlier copy goes, the later one
  reads in the article's flow;
- **copied blocks**: a run of at least ``MIN_RUN`` consecutive units that repeats an
  earlier run in the same order (a teaser block, a menu or a list of headlines printed
  twice), made of units that occur exactly twice, or holding ``MIN_RUN`` paragraphs of
  prose. Text that occurs three times or more is structure (the same question to
  every interviewee) and stays unless it is close; so do questions.

Hard-wrapped text (converters that wrap at 72-80 columns) is compared paragraph by
paragraph: a line that does not end a sentence is joined with the line after it into
one *unit*, so a repeated wrapped fragment never splits a paragraph.

Short units (interview prompts, list items, "Yes.") are never touched on their own:
only keys of at least ``MIN_KEY_CHARS`` characters take part, except inside a copied
block. Detection is a few passes over the lines with hash tables: linear time.

>>> from newsclean.document import Document
>>> caption = "Putin talks on the phone before his inauguration ceremony in the Kremlin."
>>> doc = Document.from_text(f"{caption}\\n{caption} -/Kremlin/dpa\\nBody.")
>>> [(r.reason, r.start) for r in duplicates(doc)]
[('duplicate.near', 1)]
>>> question = "What inspired you to start cooking for other people?"
>>> answer = "Yes, and answer {} is a different one."
>>> interview = "\\n".join(f"{question}\\n{answer.format(n)}\\n" for n in range(3))
>>> duplicates(Document.from_text(interview))
[]
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

import regex

from .. import resources as res
from ..config import DEFAULT, Config
from ..document import Document, Removal, line_key
from .credits import is_credit_line, looks_like_credit

RULE = "duplicates"
MIN_KEY_CHARS = 30
MIN_SHARED_WORDS = 5
MAX_EXTRA_WORDS = 6
MAX_NEAR_KEY_CHARS = 500  # near-duplicates are captions and short blocks, not long prose
WINDOW = 3  # a close repeat: at most this many units after its earlier copy
MIN_RUN = 4  # a copied block: at least this many consecutive repeated units
PROSE_CHARS = 80  # a unit this long that ends a sentence is a paragraph of prose
WRAP_MIN_CHARS = 40  # a line shorter than this is never a wrapped paragraph's line
WRAP_MAX_CHARS = 100  # converters wrap at 72-90 columns; longer lines are paragraphs
MIN_WRAPPED_LINES = 4
MIN_CREDIT_KEY_CHARS = 12  # a credit line this long takes part in close repeats
MAX_CREDIT_KEY_CHARS = 120
MAX_TITLE_KEY_CHARS = 200
MAX_PASSES = 3
MENU_UNITS = 6  # this many short units between two copies of a title are a menu

_KEY_WORD = regex.compile(r"[\p{L}\p{N}]+")
# An ellipsis that cuts a caption short, then at most two words ("... more", "… Read more").
_ELLIPSIS_TAIL = regex.compile(r"(?:\.{3}|…)(?:\s*[\p{L}]+){0,2}[\s\]).*_]*$")


@dataclass
class _Unit:
    lines: list[int]
    key: str
    text: str
    gone: bool = False  # removed by this rule already


def units(doc: Document, gone: AbstractSet[int] = frozenset()) -> list[_Unit]:
    """The kept lines grouped into units: a hard-wrapped paragraph is one unit.

    >>> wrapped = "\\n".join(["A paragraph that a converter hard-wrapped at a width of",
    ...                      "seventy columns goes on over several lines like this",
    ...                      "one, and its sentences end in the middle of a line.",
    ...                      "A second paragraph starts on a new line of the text,",
    ...                      "Short line."])
    >>> [u.lines for u in units(Document.from_text(wrapped))]
    [[0, 1, 2], [3, 4]]
    """
    out: list[_Unit] = []
    previous = -2
    wrapped = hard_wrapped(doc, gone)
    # kept blank lines before each line: lines with only removed lines between them
    # are adjacent once the text is rendered, and are judged as they will read then
    # (only a hard-wrapped text joins lines, so only it needs them)
    blanks_before = []
    if wrapped:
        nonblank = set(doc.nonblank)
        blanks = 0
        for i, removed in enumerate(doc.removed):
            blanks_before.append(blanks)
            blanks += i not in nonblank and not removed
    for i in doc.kept():
        if i in gone:
            continue
        line = doc.lines[i]
        if (
            wrapped
            and out
            and previous >= 0
            and blanks_before[previous] == blanks_before[i]
            and _continues(doc, previous, i)
        ):
            unit = out[-1]
            unit.lines.append(i)
            unit.key = f"{unit.key} {doc.keys[i]}".strip()
            unit.text = f"{unit.text} {line.strip()}"
        else:
            out.append(_Unit([i], doc.keys[i], line.strip()))
        previous = i
    return out


def hard_wrapped(doc: Document, gone: AbstractSet[int] = frozenset()) -> bool:
    """Whether the text is hard-wrapped: at least ``MIN_WRAPPED_LINES`` lines of 40+
    characters, nearly all of them no longer than a wrap width (``WRAP_MAX_CHARS``).

    >>> hard_wrapped(Document.from_text("A line of a paragraph wrapped at seventy columns,\\n" * 5))
    True
    >>> hard_wrapped(Document.from_text("One paragraph per line, " * 8 + "as extractors give it."))
    False
    """
    lengths = [
        len(doc.lines[i])
        for i in doc.kept()
        if len(doc.lines[i]) >= WRAP_MIN_CHARS and i not in gone
    ]
    if len(lengths) < MIN_WRAPPED_LINES:
        return False
    return sum(n <= WRAP_MAX_CHARS for n in lengths) >= 0.9 * len(lengths)


def _continues(doc: Document, previous: int, i: int) -> bool:
    """Whether line ``i`` carries on the sentence line ``previous`` left open."""
    before = doc.lines[previous].rstrip()
    if not WRAP_MIN_CHARS <= len(before) <= WRAP_MAX_CHARS or res.WRAP_END.search(before):
        return False
    return doc.keys[previous] != doc.keys[i] and not res.LIST_START.match(doc.lines[i])


def duplicates(doc: Document, config: Config = DEFAULT) -> list[Removal]:
    """Close repeats and copied blocks of earlier units (see the module docstring).

    Removing a copy can change what the rest of the text looks like (how often a unit
    occurs, what is close to what), so the judgement runs again on what is left until
    it removes nothing more (at most ``MAX_PASSES`` times): cleaning the result again
    then finds nothing to remove.
    """
    # The whole-page stage may have asked already, about the same lines (its view).
    return doc.remembered(RULE, _duplicates)


def _duplicates(doc: Document) -> list[Removal]:
    removals: list[Removal] = []
    gone: set[int] = set()
    for _ in range(MAX_PASSES):
        found = _judge(doc, gone)
        if not found:
            break
        removals.extend(found)
        for removal in found:
            gone.update(range(removal.start, removal.end))
    removals.sort(key=lambda r: r.start)
    return removals


def _judge(doc: Document, gone: AbstractSet[int]) -> list[Removal]:
    """One pass of :func:`duplicates` over the lines not in ``gone``."""
    found = units(doc, gone)
    keys = [u.key for u in found]
    counts = Counter(keys)
    first: dict[str, int] = {}
    source: list[int] = []  # index of the earlier copy of each unit, or -1
    for n, key in enumerate(keys):
        source.append(first.get(key, -1) if key else -1)
        first.setdefault(key, n)
    in_block = _copied_blocks(found, source, keys, counts)
    for n in in_block:
        found[n].gone = True
    title = _title(found, in_block)

    removals: list[Removal] = []
    kept_at: dict[str, int] = {}  # key of a kept unit -> its index
    window = _Window()
    for n, unit in enumerate(found):
        key = unit.key
        # A credit line takes part in close repeats from MIN_CREDIT_KEY_CHARS on.
        credit = len(key) >= MIN_CREDIT_KEY_CHARS and _is_credit(unit)
        compared = len(key) >= MIN_KEY_CHARS or credit
        reason = None
        if n in in_block:
            reason = "duplicate.block"
        elif compared:
            earlier = kept_at.get(key)
            if earlier is not None and not _is_question(unit):
                reason = _repeat(n, found, earlier, window, title, counts)
            elif earlier is None and len(key) >= MIN_KEY_CHARS:
                reason = _near(unit, window, found)
                if reason is None:
                    reason = _truncated(unit, window, found)
        if reason == "duplicate.far":
            # the earlier copy is the one out of place (a highlight box, a pull-quote
            # printed before its paragraph): the later one reads in the article's flow
            moved = found[kept_at[key]]
            moved.gone = True
            removals.append(Removal(RULE, reason, moved.lines[0], moved.lines[-1] + 1))
        elif reason is not None:
            unit.gone = True
            removals.append(Removal(RULE, reason, unit.lines[0], unit.lines[-1] + 1))
            continue
        window.keep(n, len(key) >= MIN_KEY_CHARS and not credit)
        if compared:
            kept_at[key] = n
    return removals


def _repeat(
    n: int, found: list[_Unit], earlier: int, window: _Window, title: str, counts: Counter[str]
) -> str | None:
    """Why a later exact copy of a kept unit goes, or ``None`` when it stays.

    Close copies go; so do later copies of the page's title (unless a menu comes
    between: on a whole page the first line is the page's name and the later one the
    article's headline, which the page stage places), and a paragraph of prose
    printed exactly twice, however far apart (a pull-quote or a highlight box repeating
    a sentence of the article), when the units around it are not repeated too: text
    that occurs once more than it should, not an item of a repeated structure (a meal
    plan repeats a dish with its portion line), and one copy stays.
    """
    unit = found[n]
    if window.close(earlier):
        return "duplicate.exact"
    if unit.key == title and window.short_since(earlier) < MENU_UNITS:
        return "duplicate.title"
    if counts[unit.key] == 2 and _is_prose(unit) and _isolated(n, found, counts):
        return "duplicate.far"
    return None


class _Window:
    """Which kept units are close to the unit being judged, in constant time.

    Only kept units count, so distances are measured as the text will read once
    cleaned (cleaning it again decides the same: idempotence).
    """

    def __init__(self) -> None:
        self.rank: dict[int, int] = {}  # kept unit -> how many units were kept before it
        self.total = 0
        self.last_long = -1  # the latest kept unit long enough to be prose
        self.recent: deque[int] = deque(maxlen=WINDOW)  # the latest kept long units
        self.last: deque[int] = deque(maxlen=WINDOW)  # the latest kept units
        self.short: dict[int, int] = {}  # kept unit -> short units kept up to it
        self.short_total = 0

    def keep(self, n: int, long: bool) -> None:
        self.last.append(n)
        self.rank[n] = self.total
        self.total += 1
        self.short_total += not long
        self.short[n] = self.short_total
        if long:
            self.last_long = n
            self.recent.append(n)

    def close(self, earlier: int) -> bool:
        """Fewer than ``WINDOW`` kept units since ``earlier``, and none of them prose
        (a credit line is not prose: a caption and its credit repeat together)."""
        between = self.total - self.rank[earlier] - 1
        return between < WINDOW and self.last_long <= earlier

    def closes(self) -> list[int]:
        """The kept units :meth:`close` is true of, oldest first (at most ``WINDOW``)."""
        return [m for m in self.last if self.last_long <= m]

    def short_since(self, earlier: int) -> int:
        """How many short units (menu entries, bylines, credits) were kept since ``earlier``."""
        return self.short_total - self.short[earlier]


def _is_question(unit: _Unit) -> bool:
    """An interview question: repeated on purpose, even close together."""
    return unit.text.rstrip(" *_\"'”’»").endswith("?")


def _copied_blocks(
    found: list[_Unit], source: list[int], keys: list[str], counts: Counter[str]
) -> set[int]:
    """Units in a run of ``MIN_RUN`` or more that repeats an earlier run in order.

    Either every unit of the run occurs exactly twice and one is long enough to be
    compared on its own, or the run holds ``MIN_RUN`` paragraphs of prose (a list or
    a menu repeated three times may be structure; paragraphs printed again are not).
    """
    out: set[int] = set()
    n = 0
    while n < len(source):
        if source[n] < 0:
            n += 1
            continue
        end = n + 1
        while end < len(source) and source[end] == source[end - 1] + 1 and source[end] < n:
            end += 1
        run = range(n, end)
        twice = all(counts[keys[m]] == 2 for m in run)
        if len(run) >= MIN_RUN and any(len(keys[m]) >= MIN_KEY_CHARS for m in run) and twice:
            out.update(run)
        elif sum(_is_prose(found[m]) for m in run) >= MIN_RUN:
            out.update(run)  # a block of paragraphs printed again: never structure
        n = end
    return out


def _isolated(n: int, found: list[_Unit], counts: Counter[str]) -> bool:
    """Neither neighbour of unit ``n`` (the units just before and after it) repeats."""
    return all(counts[found[m].key] == 1 for m in (n - 1, n + 1) if 0 <= m < len(found))


def _is_credit(unit: _Unit) -> bool:
    """A photo-credit line (``Photo: Hau Dinh, AP``): it goes with the caption it follows."""
    return len(unit.key) <= MAX_CREDIT_KEY_CHARS and is_credit_line(unit.text)


def _title(found: list[_Unit], in_block: set[int]) -> str:
    """The key of the page's title: the first unit, when it is long enough to compare
    and reads as a heading (no sentence end, not a question). A later copy of it is the
    title printed again (over a gallery, in a teaser), never article text. Empty when
    the text does not start with a title.
    """
    if not found or 0 in in_block:
        return ""
    unit = found[0]
    text = unit.text.rstrip(" *_#")
    if not MIN_KEY_CHARS <= len(unit.key) <= MAX_TITLE_KEY_CHARS:
        return ""
    if res.SENTENCE_END.search(text) or _is_question(unit):
        return ""
    return unit.key


def _truncated(unit: _Unit, window: _Window, found: list[_Unit]) -> str | None:
    """``duplicate.near`` when ``unit`` is a close kept unit cut short: its words are
    the first words of that unit, maybe followed by an ellipsis and a "more" link
    (a gallery prints the caption whole, then cut at a width)."""
    close = [found[earlier].key for earlier in window.recent if window.close(earlier)]
    if not close:
        return None
    text = unit.text
    # The pattern needs "..." or "…": a text without either has no such tail.
    cut = _ELLIPSIS_TAIL.search(text) if "..." in text or "…" in text else None
    key = line_key(text[: cut.start()]) if cut else unit.key
    if len(key) < MIN_KEY_CHARS:
        return None
    return "duplicate.near" if any(earlier.startswith(key + " ") for earlier in close) else None


def _is_prose(unit: _Unit) -> bool:
    """A paragraph of running text: long, and it ends a sentence."""
    return len(unit.text) >= PROSE_CHARS and bool(res.SENTENCE_END.search(unit.text))


def _cuts(short: str, key: str) -> list[int]:
    """How ``short`` is ``key`` less a few of its words: ``n`` for its last ``n`` words,
    ``-n`` for its first ``n`` (1 to ``MAX_EXTRA_WORDS`` words, leaving at least
    ``MIN_SHARED_WORDS`` words and ``MIN_KEY_CHARS`` characters; a key longer than
    ``MAX_NEAR_KEY_CHARS`` has no such cuts).

    >>> key = "the caption of the photo here as it was printed kremlin dpa"
    >>> _cuts(key[:-12], key), _cuts(key[4:], key), _cuts("the caption", key)
    ([2], [-1], [])
    """
    size = len(short)
    if size < MIN_KEY_CHARS or size >= len(key) or len(key) > MAX_NEAR_KEY_CHARS:
        return []
    most = min(MAX_EXTRA_WORDS, key.count(" ") + 1 - MIN_SHARED_WORDS)
    out = []
    if key[size] == " " and key.startswith(short):
        n = key.count(" ", size)  # the words after ``short``
        if 1 <= n <= most:
            out.append(n)
    edge = len(key) - size - 1
    if key[edge] == " " and key.endswith(short):
        n = key.count(" ", 0, edge + 1)  # the words before ``short``
        if 1 <= n <= most:
            out.append(-n)
    return out


def _near(unit: _Unit, window: _Window, found: list[_Unit]) -> str | None:
    """``duplicate.near`` when ``unit`` is a close copy of a kept unit, give or take a credit.

    A later copy that is *shorter* (the caption without its credit: ``unit.key`` is a
    kept unit's key less a few words, see ``_cuts``) always goes; a later copy that is
    *longer* (a kept unit's key is ``unit.key`` less a few words) goes only when the
    extra words are a credit, so no words of the article are lost. Only the close kept
    units can match: each is compared directly.
    """
    key = unit.key
    close = [found[m].key for m in window.closes()]
    if any(_cuts(key, earlier) for earlier in close):
        return "duplicate.near"
    for earlier in close:
        for cut in _cuts(earlier, key):
            if looks_like_credit(_edge_words(unit.text, cut)):
                return "duplicate.near"
    return None


def _edge_words(text: str, cut: int) -> str:
    """The text of the last ``cut`` words of ``text`` (first ``-cut`` words if negative).

    >>> _edge_words("The caption here. -/Kremlin/dpa", 2)
    '-/Kremlin/dpa'
    """
    spans = [m.span() for m in _KEY_WORD.finditer(text)]
    if cut > 0:
        start = spans[-cut][0] if cut <= len(spans) else 0
        # include the punctuation that opens the credit: "-/", "(", "Photo:"
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        return text[start:].strip()
    end = spans[-cut - 1][1] if -cut <= len(spans) else len(text)
    return text[:end].strip()
