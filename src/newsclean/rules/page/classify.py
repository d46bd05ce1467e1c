"""Tell the article's blocks from the page around them: jusText's method, on text.

Each block is first classified alone (context-free) by its length, its density of stop
words in the page's language, its share of link text and a copyright mark:
``good`` (long prose), ``neargood`` (prose-like), ``short`` (too short to judge) or
``bad``. Then context decides the uncertain ones: a short block between good ones is
article (a subheading, a one-line paragraph), one between bad ones is chrome (a menu
item); near-good blocks follow their neighbours. Finally the article is taken as the
stretch of the page that holds most of the good text: good-looking blocks far outside
it (teasers of other articles, comments) go too.

>>> from .blocks import blocks
>>> prose = ("The committee said on Tuesday that it would publish the report before the "
...          "end of the year, and that the findings were not yet final.")
>>> lines = ["Home", "News", "Sport", prose, "It was the first time in years.", prose, "Contact"]
>>> bs = classify(blocks(lines))
>>> [b.cls for b in bs]
['bad', 'bad', 'bad', 'good', 'good', 'good', 'bad']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from itertools import chain

import regex

from ... import resources as res
from ...catalogue import load as load_catalogue
from ...document import line_key
from .blocks import Block
from .stopwords import stopwords

LENGTH_LOW = 70
LENGTH_HIGH = 200
STOPWORDS_LOW = 0.30
STOPWORDS_HIGH = 0.32
MAX_LINK_DENSITY = 0.2
MAX_HEADING_DISTANCE = 200
# A page opens with at least this many menu entries before its article.
MIN_HEAD_MENU = 8
# ... and ends with at least this many after it (the footer).
MIN_TAIL_MENU = 3
# So a page has at least this many blocks (and non-blank lines).
MIN_PAGE_BLOCKS = MIN_HEAD_MENU + MIN_TAIL_MENU


@cache
def _languages_of() -> dict[str, tuple[str, ...]]:
    """Each stop word and the languages whose list holds it."""
    out: dict[str, list[str]] = {}
    for code, words in stopwords().items():
        for word in words:
            out.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in out.items()}


@cache
def _stop_word() -> dict[str, str]:
    """Every stop word of every list, mapped to one shared copy of itself."""
    return {word: word for word in _languages_of()}


# Distinct block texts whose measures are remembered: the page stage builds and
# measures the blocks of one text several times (each reading of a one-line page, a
# second reading without the repeats), and a page repeats its menu entries. Texts
# longer than ``MEMO_CHARS`` are measured afresh (the memory stays bounded). A long
# page has tens of thousands of distinct blocks: a memo smaller than a page measures
# all of them again at each reading.
MEMO_SIZE = 1 << 16
MEMO_CHARS = 500


def _hits(text: str) -> tuple[int, tuple[str, ...]]:
    """How many words ``text`` has, and those of them in any stop-word list (shared
    copies: a long page keeps no list of all its words)."""
    words = res.LETTERS.findall(text.casefold())
    return len(words), tuple(filter(None, map(_stop_word().get, words)))


def _language(hits: Iterable[tuple[str, ...]], total: int) -> str | None:
    """The page's language from its stop words (``hits``) among ``total`` words."""
    if not total:
        return None
    by_language: Counter[str] = Counter()
    languages_of = _languages_of()
    for word, n in Counter(chain.from_iterable(hits)).items():
        for code in languages_of[word]:
            by_language[code] += n
    if not by_language:
        return None
    best, best_hits = max(sorted(by_language.items()), key=lambda item: item[1])
    return best if best_hits >= 0.1 * total else None


def language(bs: Sequence[Block]) -> str | None:
    """The stop-word list that covers most of the page's words (``None``: no list fits)."""
    measured = _measured(bs)
    return _language([m[1] for m in measured], sum(m[0] for m in measured))


def _has_copyright(text: str) -> bool:
    """Whether ``text`` holds a copyright mark (``res.COPYRIGHT``)."""
    if text.isascii():
        # Each alternative of the pattern but "©" (not ASCII) needs one of these.
        lower = text.lower()
        if "(c" not in lower and "copyright" not in lower and "all rights reserved" not in lower:
            return False
    return res.COPYRIGHT.search(text) is not None


def measure(bs: Sequence[Block], upto: int | None = None) -> str | None:
    """Fill in each block's word, stop-word and sentence counts (only the first ``upto``
    blocks', when given: the language is the whole page's either way), and return the
    page's language (see :func:`language`)."""
    measured = _measured(bs)
    lang = _language([m[1] for m in measured], sum(m[0] for m in measured))
    stop = stopwords().get(lang, frozenset()) if lang else frozenset()
    in_stop = stop.__contains__
    for b, (n, block_hits, sentences, copyright, unspaced) in zip(
        bs[:upto], measured[:upto], strict=True
    ):
        text = b.text
        b.words = n
        b.stop = sum(map(in_stop, block_hits))
        b.sentences, b.copyright, b.unspaced = sentences, copyright, unspaced
        if unspaced or lang is None:
            # No word list for this script: sentence marks per character stand in for it.
            b.words = max(1, len(text) // 30)
            b.stop = min(b.words, round(b.sentences * 0.4 * b.words / max(1, len(text) / 80)))
    return lang


def _marks(text: str) -> tuple[int, bool, bool]:
    """How many sentence marks ``text`` has, whether it holds a copyright mark, and
    whether it is mostly in a script written without spaces."""
    # ASCII text holds none of the unspaced scripts.
    unspaced = not text.isascii() and len(res.UNSPACED.findall(text)) > 0.3 * len(text)
    marked = not text.isascii() or any(map(text.__contains__, ".!?"))
    sentences = len(res.SENTENCE_MARK.findall(text)) if marked else 0
    return sentences, _has_copyright(text), unspaced


def _measures(text: str) -> tuple[int, tuple[str, ...], int, bool, bool]:
    """What :func:`measure` reads of a block's ``text``: :func:`_hits`, then
    :func:`_marks`."""
    return _hits(text) + _marks(text)


_text_measures = lru_cache(maxsize=MEMO_SIZE)(_measures)


def _measured(bs: Iterable[Block]) -> list[tuple[int, tuple[str, ...], int, bool, bool]]:
    """:func:`_measures` of each block's text (remembered for texts of ``MEMO_CHARS``
    characters or fewer)."""
    return [
        _text_measures(b.text) if len(b.text) <= MEMO_CHARS else _measures(b.text) for b in bs
    ]


# A block of more than this many words with fewer than one sentence mark in this many
# is no prose: the headlines of teasers, glued into one line by a converter that keeps
# no line breaks (a "sentence" of 150 words). No article paragraph is written so; a
# list of the article's has a comma, colon, semicolon or figure (a date) between its
# items (one in ``LIST_WORDS`` words or fewer).
RUN_ON_WORDS = 100
RUN_ON_RATIO = 50
LIST_WORDS = 6
MIN_LIST_SEPARATORS = 4


def _run_on(b: Block) -> bool:
    """Whether ``b`` is a run of glued headlines (see ``RUN_ON_WORDS``), or a ranked
    list of them (:func:`_ranked_headlines`)."""
    if b.unspaced:
        return False
    # The bounds _glued_run and _ranked_headlines test first, tested here at once: the
    # page stage asks this of every block many times.
    words = b.words
    if words > RUN_ON_WORDS and _glued_run(b):
        return True
    if words > RANKED_MAX_BLOCK_WORDS or words < MIN_RANKS * (RANKED_MIN_WORDS + 1):
        return False
    return _ranked_headlines(b)


def _glued_run(b: Block) -> bool:
    """Whether ``b`` is a run of glued headlines (see ``RUN_ON_WORDS``)."""
    if b.unspaced or b.words <= RUN_ON_WORDS or b.words <= RUN_ON_RATIO * max(1, b.sentences):
        return False
    text = b.text
    # Any full stop counts here, followed by a space or not (a converter's escaped
    # line break may follow it).
    if b.words <= RUN_ON_RATIO * max(1, sum(map(text.count, ".!?…"))):
        return False
    separators = sum(map(text.count, ",:;")) + sum(1 for word in text.split() if word[0].isdigit())
    return not (separators >= MIN_LIST_SEPARATORS and separators * LIST_WORDS >= b.words)


# A "most read" box glued into one line: ranks 1, 2, 3 ... standing alone as words, each
# before a headline of ``RANKED_MIN_WORDS`` to ``RANKED_MAX_WORDS`` words that opens
# with a capital (or a figure) and has no sentence end inside it ("Most Popular 1 Fire
# damages club 2 Best of the region 2019: Pizza 3 ..."). At least ``MIN_RANKS`` ranks,
# the last headline ends the block and the words before the first rank are fewer than
# the ranked ones; fewer figures other than the ranks than there are ranks (a row of a
# table has many). An article's numbered list has its items' sentences cut apart. A
# box the sentence cut split (at "J.J.") goes on in the next block: its ranks may start
# past 1 there, after the rest of a headline with no sentence end.
MIN_RANKS = 3
RANKED_MIN_WORDS = 3
RANKED_MAX_WORDS = 25
RANKED_MAX_BLOCK_WORDS = 400
RANK_DIGITS = 2


def _ranked_headlines(b: Block) -> bool:
    """Whether ``b`` is a ranked list of glued headlines (see ``MIN_RANKS``)."""
    if b.words > RANKED_MAX_BLOCK_WORDS or b.words < MIN_RANKS * (RANKED_MIN_WORDS + 1):
        return False
    text = b.text
    if text.isascii() and not any(map(text.__contains__, "123456789")):
        return False  # no rank: every rank is a figure of 1 to 99
    if len(text) > MEMO_CHARS * 4:
        return _ranked_text(text)
    return _ranked_text_memo(text)


def _ranked_text(text: str) -> bool:
    """Whether ``text`` reads as a ranked list of glued headlines, whatever its count
    of words: the test of :func:`_ranked_headlines` past its bounds on that count (the
    page stage asks it of the same blocks many times)."""
    words = text.split()
    n = len(words)
    for first, word in enumerate(words):
        if not (word.isdigit() and len(word) <= RANK_DIGITS) or word[0] == "0":
            continue
        rank = int(word)
        if rank == 1:
            if 2 * first >= n:
                continue
        elif first > RANKED_MAX_WORDS or any(map(_ends_sentence, words[:first])):
            # A box the sentence cut split goes on: the block opens with the rest of
            # the headline before its first rank.
            continue
        low, start, figures = rank, first + 1, 0
        ok = True
        for i in range(first + 1, n + 1):
            if i < n and words[i] != str(rank + 1):
                if i - start > RANKED_MAX_WORDS:
                    ok = False  # a headline too long: read no further
                    break
                continue
            item = words[start:i]
            # The block may end inside the last headline (cut at an abbreviation), or
            # with its mark; no other headline ends with one.
            last = i == n
            least = 1 if last else RANKED_MIN_WORDS
            if (
                not least <= len(item) <= RANKED_MAX_WORDS
                or item[0][:1].islower()
                or any(map(_ends_sentence, item[:-1] if last else item))
            ):
                ok = False
                break
            figures += sum(1 for w in item if w[:1].isdigit())
            if i < n:
                rank, start = rank + 1, i + 1
        ranks = rank - low + 1
        if ok and ranks >= MIN_RANKS and figures < ranks:
            # A list of the article's has separators between its items besides the
            # ranks (dates: "June 1 Amphitheatre, Tampa FL June 2 ...").
            separators = sum(map(text.count, ",:;")) + figures
            return not (separators >= MIN_LIST_SEPARATORS and separators * LIST_WORDS >= n)
    return False


_ranked_text_memo = lru_cache(maxsize=MEMO_SIZE)(_ranked_text)


def _ends_sentence(word: str) -> bool:
    """Whether ``word`` ends a sentence: a mark at its end, and no abbreviation ("U.S.",
    "St.")."""
    if not _sentence_end(word):
        return False
    stem = word.rstrip(".!?\"'”’»)")
    return "." not in stem and len(stem) > 2


def _context_free(b: Block) -> str:
    if b.media or _run_on(b):
        return "bad"
    if b.link_density > MAX_LINK_DENSITY:
        return "bad"
    if b.copyright and b.length < 400:
        return "bad"
    if b.length < LENGTH_LOW:
        return "bad" if b.link_chars > 0 else "short"
    density = b.stop_density
    if density >= STOPWORDS_HIGH:
        return "good" if b.length > LENGTH_HIGH else "neargood"
    if density >= STOPWORDS_LOW:
        return "neargood"
    return "bad"


def _neighbours(bs: Sequence[Block], ignore_neargood: bool) -> tuple[list[str], list[str]]:
    """For each block, the class of the nearest decided block before and after it."""
    wanted = ("good", "bad") if ignore_neargood else ("good", "bad", "neargood")
    before: list[str] = []
    last = "bad"
    for b in bs:
        before.append(last)
        if b.cls in wanted:
            last = b.cls
    after: list[str] = [""] * len(bs)
    last = "bad"
    for i in range(len(bs) - 1, -1, -1):
        after[i] = last
        if bs[i].cls in wanted:
            last = bs[i].cls
    return before, after


# The shortest block whose repetition is a copy (a caption under each photo, a teaser
# shown twice) rather than a recurring label ("Share", "Read more").
MIN_REPEAT_CHARS = 40


def mark_repeats(bs: Sequence[Block]) -> None:
    """Mark each block of ``MIN_REPEAT_CHARS`` or more whose text an earlier block has.

    A copy adds nothing to the page: it counts for nothing when the article region is
    weighed (a caption repeated under each photo no longer cuts the article into
    pieces), neither for nor against, as in a second ``clean()`` where the duplicates
    rule has removed the close ones. The plain copy of link text is not a copy.
    """
    seen: dict[str, Block] = {}
    for b in bs:
        if len(b.text) >= MIN_REPEAT_CHARS:
            earlier = seen.get(b.text)
            if earlier is None or _unlinked_copy(earlier, b):
                seen[b.text] = b
            else:
                b.repeat = True


def _unlinked_copy(earlier: Block, b: Block) -> bool:
    """Whether ``b`` is the plain text of an earlier block that was link text: a list of
    teaser links above the article that the article then gives in full. The plain copy
    is the article's own; it counts."""
    return earlier.link_density > MAX_LINK_DENSITY >= b.link_density


def classify(bs: list[Block]) -> list[Block]:
    """Set ``cf_class`` and the final ``cls`` (``good`` or ``bad``) of every block."""
    _context_free_classes(bs)
    _revise(bs)
    return decide(bs)


def classify_page(bs: list[Block], past_footer: bool = True) -> list[Block] | None:
    """``classify(bs)`` when :func:`looks_like_page` of the result, else ``None``.

    Whether blocks are a page depends on their context-free classes only (the
    article region and the menu entries around it), so a text that is not a page is
    told without deciding each block's final class, and the region is found once.
    (``past_footer``: see :func:`page_region`.)
    """
    region = find_page(bs, past_footer)
    if region is None:
        return None
    _revise(bs)
    return decide(bs, region)


def find_page(bs: list[Block], past_footer: bool = True) -> tuple[int, int] | None:
    """The article region of ``bs`` when they are a page, else ``None``: the blocks are
    measured and classified alone (their final classes are not decided)."""
    _context_free_classes(bs)
    return page_region(bs, past_footer)


def _context_free_classes(bs: list[Block]) -> None:
    """Measure the blocks and set ``cf_class`` (and ``cls``, revised later) of each."""
    measure(bs)
    mark_repeats(bs)
    for b in bs:
        b.cf_class = b.cls = _context_free(b)
    mark_stamps(bs)
    mark_captions(bs)


def mark_captions(bs: Sequence[Block]) -> None:
    """Mark the photo captions with their credit between two paragraphs of prose: a
    copyright line that reads as prose (see :func:`_credited_prose`) with a good or
    near-good block on each side (images aside). It counts for nothing in the article
    region, neither for nor against: the article goes on past it. A site's notice
    has its footer's menus around it."""
    prose = ("good", "neargood")
    texts = [i for i, b in enumerate(bs) if not b.media]
    for n, i in enumerate(texts):
        b = bs[i]
        if (
            b.copyright
            and b.cf_class != "good"
            and 0 < n < len(texts) - 1
            and bs[texts[n - 1]].cf_class in prose
            and bs[texts[n + 1]].cf_class in prose
            and _credited_prose(b)
        ):
            b.caption = True


def _heading_before_good(bs: Sequence[Block], i: int) -> bool:
    distance = 0
    for j in range(i + 1, len(bs)):
        if distance > MAX_HEADING_DISTANCE:
            return False
        if bs[j].cls == "good":
            return True
        distance += bs[j].length
    return False


def _revise(bs: list[Block]) -> None:
    for i, b in enumerate(bs):
        if b.heading and b.cls == "short" and _heading_before_good(bs, i):
            b.cls = "neargood"
    prev, nxt = _neighbours(bs, True)
    prev_ng, nxt_ng = _neighbours(bs, False)
    new: dict[int, str] = {}
    for i, b in enumerate(bs):
        if b.cls != "short":
            continue
        if prev[i] == nxt[i]:
            new[i] = prev[i]
        elif (prev[i] == "bad" and prev_ng[i] == "neargood") or (
            nxt[i] == "bad" and nxt_ng[i] == "neargood"
        ):
            new[i] = "good"
        else:
            new[i] = "bad"
    for i, c in new.items():
        bs[i].cls = c
    # Near-good blocks follow their good/bad neighbours (decided before any of them moves).
    prev, nxt = _neighbours(bs, True)
    for i, b in enumerate(bs):
        if b.cls == "neargood":
            b.cls = "bad" if prev[i] == nxt[i] == "bad" else "good"
    for i, b in enumerate(bs):
        if b.heading and b.cls == "bad" and b.cf_class != "bad" and _heading_before_good(bs, i):
            b.cls = "good"


def _prose(b: Block) -> bool:
    """A sentence or more of running text, whatever its stop words (scores, names)."""
    return b.sentences > 0 and b.words >= 8 and b.link_density <= MAX_LINK_DENSITY


# A row of figures (a results table, standings) has at least this many numbers standing
# alone (not parts of a date or a time), and more of them than words: a row of the
# article's table, not a menu entry.
MIN_ROW_NUMBERS = 4


def _figures_row(b: Block) -> bool:
    if b.words >= MIN_ROW_NUMBERS * 2:
        return False
    numbers = sum(1 for token in b.text.split() if token.isdecimal())
    return numbers >= MIN_ROW_NUMBERS and numbers > b.words


# A date or time standing alone ("Nov 18", "17H ago", "November 19, 2019 at 6:34 am"):
# the stamp of a teaser or a comment. An article has its own once, above its text; a
# run of them below it is a list of other items, and each weighs as this many
# characters of chrome.
STAMP_WEIGHT = 100
STAMP_MAX_WORDS = 6
STAMP_MAX_CHARS = 40
# A path or an address (an image's file name holds a year too): not a stamp.
_PATH = regex.compile(r"\p{L}/|/\p{L}|\.\p{L}{3}\b")
MIN_STAMPS = 3
# A date in a stamp ("Nov 18", "17H ago", "November 19, 2019"): any stamp but a time
# alone (a live report's entries have their times).
_DATE = (
    r"\b\d{1,2},? (?:19|20)\d{2}\b|\b\d{1,2}\.? \p{L}{3,9}\.? (?:19|20)\d{2}\b"
    r"|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b"
    r"|\b\d+ ?\p{L}{1,7} ago\b|\b\d{1,2}[hHmM]\b|^\p{L}{3,9}\.? \d{1,2}$"
)
_STAMP = regex.compile(r"\d{1,2}:\d{2}|" + _DATE)
_DATED = regex.compile(_DATE)


# A signed stamp: a name, a date and a time ("Jane Doe on May 2, 2019 at 4:47 pm said:"),
# the head of a comment.
SIGNED_STAMP_MAX_WORDS = 12
SIGNED_STAMP_MAX_CHARS = 80
_TIME = regex.compile(r"\b\d{1,2}:\d{2}\b")


def _stamp(b: Block) -> bool:
    """Whether a block is a date or time stamp (see ``STAMP_WEIGHT``)."""
    if (
        b.cf_class != "short"
        or b.sentences
        or not any(map(str.isdigit, b.text))
        or _PATH.search(b.text) is not None
    ):
        return False
    if b.words <= STAMP_MAX_WORDS and len(b.text) <= STAMP_MAX_CHARS:
        return _STAMP.search(b.text) is not None
    return (
        b.words <= SIGNED_STAMP_MAX_WORDS
        and len(b.text) <= SIGNED_STAMP_MAX_CHARS
        and _TIME.search(b.text) is not None
        and _DATED.search(b.text) is not None
    )


def _signed_stamp(b: Block) -> bool:
    """Whether a stamp is a signed one: longer than a bare date and time, with a time."""
    return (
        (b.words > STAMP_MAX_WORDS or len(b.text) > STAMP_MAX_CHARS)
        and _TIME.search(b.text) is not None
    )


def mark_stamps(bs: Sequence[Block]) -> None:
    """Mark the date and time stamps of a page that has ``MIN_STAMPS`` or more (a list of
    dated items: teasers, comments); one or two are the article's own."""
    stamps = [b for b in bs if _stamp(b)]
    if len(stamps) >= MIN_STAMPS:
        for b in stamps:
            b.stamp = True


# Dated items (comments, teasers) are short: at most this many characters a stamp.
MAX_ITEM_CHARS = 800


def dated_items(bs: Sequence[Block], start: int, end: int) -> int:
    """The end of the article region ``[start, end)`` cut before the list of dated items
    it runs into: comments or teasers, each with its date stamp. The list starts at a
    dated stamp after the article's first good block, and from there to the end of the
    region there are ``MIN_STAMPS`` dated stamps or more, one for every
    ``MAX_ITEM_CHARS`` characters or fewer. A report's own entries carry their times
    alone, and an article has its date once."""
    first = next((i for i in range(start, end) if bs[i].cf_class == "good"), end)
    dated = [
        i for i in range(first + 1, end) if bs[i].stamp and _DATED.search(bs[i].text) is not None
    ]
    if len(dated) < MIN_STAMPS:
        return end
    # A signed stamp, a name with a date and a time ("Jane Doe on May 2, 2019 at 4:47 pm
    # said:"), heads a comment; a run of them below the article's first paragraph is a
    # thread, however long its replies.
    signed = [i for i in dated if _signed_stamp(bs[i])]
    if len(signed) >= MIN_STAMPS:
        return signed[0]
    chars = 0
    after = [0] * (end - first + 1)  # characters from block first + k to the end
    for i in range(end - 1, first - 1, -1):
        chars += bs[i].length
        after[i - first] = chars
    for n, i in enumerate(dated):
        stamps = len(dated) - n
        if stamps < MIN_STAMPS:
            break
        if after[i - first] <= MAX_ITEM_CHARS * stamps:
            return i
    return end


# A row of a table of data has at least this many cells.
MIN_TABLE_CELLS = 3


def _score(b: Block) -> float:
    """What a block adds to an article region: prose counts for, chrome against. A row
    of a table of data (``MIN_TABLE_CELLS`` cells or more, none a link) counts for
    nothing against: a page's menus are no such tables."""
    score = _block_score(b)
    if b.cells >= MIN_TABLE_CELLS and score < 0 and not b.link_chars and not b.copyright:
        return 0.0
    return score


def _block_score(b: Block) -> float:
    if b.code:
        return -float(b.code_chars)
    if _run_on(b):
        return -float(b.length)
    if b.media or b.repeat:
        return 0.0
    if b.cf_class in ("good", "neargood"):
        return float(b.length)
    if b.cf_class == "bad" and (_prose(b) or _linked_sentence(b)) and not b.copyright:
        return 0.3 * b.length
    if b.caption or b.labelled:
        # A caption with its credit, a label and the page address it gives: neither
        # for nor against.
        return 0.0
    if b.stamp:
        return -float(max(b.length, STAMP_WEIGHT))
    if b.framed and not b.list_item and not b.heading and not b.copyright:
        # A sentence of the article with links set inside it: neither for nor against.
        return 0.0
    if b.cf_class == "short":
        # A list item or subheading of a few words is neutral; a menu entry is chrome.
        neutral = b.words >= 5 or b.sentences or _figures_row(b)
        return 0.0 if neutral else -float(b.length)
    return -float(b.length)


def article_region(bs: Sequence[Block]) -> tuple[int, int]:
    """The stretch of blocks ``[start, end)`` with the most good text net of chrome."""
    best, best_start, best_end = 0.0, 0, 0
    total, start = 0.0, 0
    for i, b in enumerate(bs):
        if total <= 0:
            total, start = 0.0, i
        total += _score(b)
        if total > best:
            best, best_start, best_end = total, start, i + 1
    # Short sentences at either end (a last one-line paragraph) belong to the article,
    # and so do asides in parentheses after it ("(Graphic: ... - here)") and the
    # address of a page it gives after a label ("Tickets and dates: https://...").
    # A markup tag a converter left between them (no script: it weighs nothing) does
    # not stop it.
    while True:
        nxt = best_end
        while nxt < len(bs) and bs[nxt].code and _score(bs[nxt]) >= 0:
            nxt += 1
        if nxt < len(bs) and (
            (bs[nxt].sentences and _score(bs[nxt]) >= 0) or _aside(bs[nxt]) or bs[nxt].labelled
        ):
            best_end = nxt + 1
        else:
            break
    best_end = _glued_closing(bs, best_end)
    while best_start > 0 and bs[best_start - 1].sentences and _score(bs[best_start - 1]) >= 0:
        best_start -= 1
    if best_start > 0 and _lead_line(bs[best_start - 1]):
        best_start -= 1
    return _glued_lead(bs, best_start), best_end


# The credit of the article's last image, after its last paragraph ("Image Source:
# Jane Roe / Agency"): a label (``res.CREDIT_LABEL``, ``res.CREDIT_BY``; a word may
# lead it) and at most
# this many words, no link text.
MAX_CREDIT_WORDS = 12


def _credit_line(b: Block) -> bool:
    return (
        b.cf_class == "short"
        and not b.link_chars
        and 0 < b.words <= MAX_CREDIT_WORDS
        and _score(b) >= 0
        and any(_opens_with(label, b.text) for label in (res.CREDIT_LABEL, res.CREDIT_BY))
    )


def _opens_with(label: regex.Pattern[str], text: str) -> bool:
    """Whether ``label`` is found in ``text`` after one word at most ("Image Source:")."""
    m = label.search(text)
    return m is not None and len(text[: m.start()].split()) <= 1


# The lines that sign an article off after its last paragraph: the author's line with
# an e-mail address ("Jane Roe, reporter jane@example.com"), the credit of its photos
# in brackets ("[Photo = Agency]"), then the notice of its rights ("Copyright ⓒ
# Paper. No reproduction"), each short and no link text.
_EMAIL = regex.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_NOTICE_MARK = regex.compile(r"[©ⓒ]|\(c\)|(?i:copyright)")
MAX_SIGN_OFF_WORDS = 8
MAX_SIGN_OFF_LINES = 3


def signed_off(bs: Sequence[Block], end: int) -> tuple[int, int]:
    """The end of the article region ``[..., end)`` carried over the lines that sign
    it off: the author's line with an e-mail address (the region's last lines or right
    after it), then at most a bracketed credit, up to and through the first notice of
    rights (see ``_EMAIL``), and the notice's index (-1: none). Unchanged unless such a
    notice closes them: an author's line alone may head the comments."""
    if end == 0:
        return end, -1
    texts = [
        j
        for j in range(max(end - MAX_SIGN_OFF_LINES, 1), min(len(bs), end + 2 * MAX_SIGN_OFF_LINES))
        if bs[j].text
    ]
    author = next((n for n, j in enumerate(texts) if j <= end and _author_line(bs[j])), None)
    if author is None:
        return end, -1
    for j in texts[author + 1 : author + MAX_SIGN_OFF_LINES]:
        b = bs[j]
        if b.link_chars or len(b.text) > MAX_SIGNATURE_CHARS:
            break
        if _NOTICE_MARK.search(b.text):
            return max(end, j + 1), j
        if not (b.text.startswith("[") and b.text.endswith("]")):
            break
    return end, -1


def _author_line(b: Block) -> bool:
    return (
        not b.link_chars
        and len(b.text.split()) <= MAX_SIGN_OFF_WORDS
        and _EMAIL.search(b.text) is not None
    )


# A run of glued headlines (``_run_on``) may end with the article's first sentence
# (the page's headlines, then its byline, then the lead, with no line break between)
# or open with its last one. Such a run next to the article region, or with only
# sentences or short lines (a caption, a subheading) of fewer than this many words
# between, belongs to the region: the article's sentence is not lost with the run.
MAX_BETWEEN_WORDS = 10
# ... the sentence that opens a run has at most this many words before its mark.
MAX_SENTENCE_WORDS = 60


def _between_ok(bs: Sequence[Block], start: int, end: int) -> bool:
    return all(b.sentences or b.words < MAX_BETWEEN_WORDS for b in bs[start:end])


def _glued_lead(bs: Sequence[Block], start: int) -> int:
    """``start`` moved back to a run of glued headlines that ends with a sentence, one
    or two blocks above the region (see ``MAX_BETWEEN_WORDS``)."""
    for i in (start - 1, start - 2):
        if i < 0:
            break
        b = bs[i]
        if _glued_run(b) and _sentence_end(b.text) and _between_ok(bs, i + 1, start):
            return i
    return start


def _glued_closing(bs: Sequence[Block], end: int) -> int:
    """``end`` moved on past a run of glued headlines that opens with a sentence, right
    after the region or one block after it (see ``MAX_BETWEEN_WORDS``)."""
    for i in (end, end + 1):
        if i >= len(bs):
            break
        b = bs[i]
        if _glued_run(b) and _opens_with_sentence(b.text) and _between_ok(bs, end, i):
            return i + 1
    return end


def _sentence_end(text: str) -> bool:
    return text.rstrip("\"'”’»)").endswith((".", "!", "?"))


def _opens_with_sentence(text: str) -> bool:
    m = res.SENTENCE_MARK.search(text)
    return m is not None and len(text[: m.start()].split()) <= MAX_SENTENCE_WORDS


def _aside(b: Block) -> bool:
    """A line of plain text wholly in parentheses: a note the article adds."""
    text = b.text
    return (
        text.startswith("(")
        and text.endswith(")")
        and text.count("(") == 1
        and b.words >= 3
        and b.link_density <= MAX_LINK_DENSITY
        and _PATH.search(text) is None
    )


def _lead_line(b: Block) -> bool:
    """A line of a few words right above the article that is neither a menu entry nor
    a link: its facts line or kicker ("Tested by: ... Price: ..."), not chrome. A date
    line ("Posted on October 27, 2015 by Admin") is the page's stamp, not the article's."""
    if _stamp(b) or b.words < 5:
        return False
    if b.cf_class == "short" and not b.link_chars and _score(b) == 0:
        return True
    # A facts line with a link as one of its values ("Tested by: ... RRP: ... More
    # info: [www.example.com](...)"): the link does not make it chrome.
    return (
        len(_FIELD_LABEL.findall(b.text)) >= MIN_FIELD_LABELS
        and not b.sentences
        and b.length < LENGTH_LOW
        and b.link_density <= MAX_SENTENCE_LINK_DENSITY
    )


# A label of a facts line: a word and a colon before a value ("Price: £10"), or before
# a link (the link's text is no part of the block's text).
_FIELD_LABEL = regex.compile(r"\p{L}:(?=\s|$)")
MIN_FIELD_LABELS = 3


# A block that introduces a list ends with a colon and has at least this many words
# ("Read more:", "Related:" introduce link lists, not the article's own list).
MIN_INTRO_WORDS = 5
# ... and the list has at least this many items.
MIN_LIST_ITEMS = 2


def _list_item_like(b: Block, marked: bool) -> bool:
    """Whether ``b`` continues a list of the article's own (not a menu or link list)."""
    if b.copyright or b.link_density > MAX_LINK_DENSITY:
        return False
    return b.list_item if marked else not is_menu_entry(b)


def _address_rest(b: Block) -> bool:
    """Whether ``b`` is what is left of a web address wrapped over two lines (``(
    1.jpg)``, ``content/uploads/2017/11/photo.jpg)``): each of its words is a path, a
    file name or a mark, none a word to read."""
    return _PATH.search(b.text) is not None and all(
        "/" in token or "." in token.strip(".()") or not any(map(str.isalnum, token))
        for token in b.text.split()
    )


def introduced_list(bs: Sequence[Block], end: int) -> int:
    """The end of the article region ``[..., end)`` grown by the list its last block
    introduces: a block of a few words or more ending with a colon ("The tour dates:",
    "Here are the offers:"), then items, marked (``1)``, ``*``) or one line each, that
    are not link text and not menu-shaped; blocks without a word between them (an
    image, the "][12]" a wrapped link leaves, the rest of a wrapped address) do not
    end the list. Unchanged when there is no such list."""
    intro = end
    if intro < len(bs) and not bs[intro].text.endswith(":"):
        intro = end - 1
    if not 0 <= intro < len(bs):
        return end
    head = bs[intro]
    if (
        not head.text.endswith(":")
        or head.words < MIN_INTRO_WORDS
        or head.link_density > MAX_LINK_DENSITY
        or head.stamp  # a comment's head ("... at 4:47 pm said:")
    ):
        return end
    j = intro + 1
    while j < len(bs) and bs[j].media:
        j += 1
    if j == len(bs):
        return end
    marked = bs[j].list_item
    items, last = 0, intro
    while j < len(bs):
        b = bs[j]
        if not b.media and (b.words or b.link_chars) and not _address_rest(b):
            if not _list_item_like(b, marked):
                break
            items += 1
            last = j
        j += 1
    return max(end, last + 1) if items >= MIN_LIST_ITEMS else end


# A list of dated entries right after the article (tour dates, a schedule, a
# timeline) is the article's own, introduced or not (a converter may drop the line
# that introduces it, or the article gives none): at least this many items in a row ...
MIN_DATED_ITEMS = 4
# ... each opening with a date ("June 9 -- ...", "Sept. 2 - ...", "9 June: ...") and
# naming something beyond it, no link text and no address. Teasers of other stories
# carry their date on a line of its own (a stamp) or are links.
_DATED_ITEM = regex.compile(
    r"(?:\p{L}{3,9}\.? \d{1,2}|\d{1,2}(?:st|nd|rd|th)?\.? \p{L}{3,9})\b(?!\.?\d| ?(?:19|20)\d{2}$)"
)
MIN_DATED_WORDS = 3


def _dated_item(b: Block) -> bool:
    return (
        not b.copyright
        and b.link_density <= MAX_LINK_DENSITY
        and b.words >= MIN_DATED_WORDS
        and _DATED_ITEM.match(b.text) is not None
        and not (len(b.text) <= STAMP_MAX_CHARS and _STAMP.search(b.text))
        and "http" not in b.text
        and _PATH.search(b.text) is None
    )


def _list_title(b: Block) -> bool:
    """A line that may head a list ("Tour dates"): a few words of plain text, no
    sentence and no link."""
    return (
        b.words > 0
        and not b.sentences
        and not b.copyright
        and not b.link_chars
        and b.length < LENGTH_LOW
    )


def dated_list(bs: Sequence[Block], end: int) -> int:
    """The end of the article region ``[..., end)`` grown by the list of dated entries
    that follows it (see ``MIN_DATED_ITEMS``), and the title line above the list when
    it has one ("Tour dates"); unchanged when there is none."""
    first = end + 1 if end < len(bs) and _list_title(bs[end]) else end
    items, last = 0, end - 1
    for j in range(first, len(bs)):
        b = bs[j]
        if b.media:
            continue
        if not _dated_item(b):
            break
        items += 1
        last = j
    return last + 1 if items >= MIN_DATED_ITEMS else end


# A post the article embeds (markdown's ``>`` quote) ends with its signature: a dash,
# the author's name and handle ("> — Jane Doe (@jane)"), the date after it on the
# same line or the next. A converter may cut the quote's links into fragments ("[>",
# "](...)>", "]").
_POST_SIGNATURE = regex.compile(r"[\[\]]*>\s*[—–]\s*[^()\n]{1,80}\(@\w{1,30}\)")
_YEAR = regex.compile(r"\b(?:19|20)\d{2}\b")
# The lines of the post after the region that are looked at for its signature, and
# the most words of a line of its own that holds the date.
MAX_POST_LINES = 12
MAX_POST_DATE_WORDS = 5


def _post_line(b: Block) -> bool:
    """A line of an embedded post (quoted), or a fragment of its links without words."""
    return b.text.lstrip("[]").startswith(">") or (b.words == 0 and not b.media)


def embedded_post(bs: Sequence[Block], end: int) -> int:
    """The end of the article region ``[..., end)`` carried to the end of a post the
    article embeds: when the lines right after the region are quoted (or fragments of
    the quote's links) up to the post's signature (``_POST_SIGNATURE``), the region
    goes on through it and through the date on the line after it. Unchanged when no
    signature closes the quoted lines: a quote that is not a post is left to the
    rest of the stage."""
    quoted = [b.text.lstrip("[]").startswith(">") for b in bs[max(end - 1, 0) : end + 1]]
    if end == 0 or not any(quoted):
        return end  # the post is neither the region's last line nor right after it
    for j in range(end, min(end + MAX_POST_LINES, len(bs))):
        b = bs[j]
        if not _post_line(b):
            return end
        if _POST_SIGNATURE.match(b.text) is None:
            continue
        if _YEAR.search(b.text) is None and j + 1 < len(bs):
            date = bs[j + 1]
            if (
                date.text.lstrip("[]").startswith(">")
                and date.words <= MAX_POST_DATE_WORDS
                and _YEAR.search(date.text) is not None
            ):
                return j + 2
        return j + 1
    return end


# Inside the article, a sentence may be up to this share link text (markdown keeps an
# article's inline links) and stay.
MAX_SENTENCE_LINK_DENSITY = 0.6


def _linked_sentence(b: Block) -> bool:
    """A sentence of running text with links in it, not a link list or a teaser link."""
    return (
        b.link_density <= MAX_SENTENCE_LINK_DENSITY
        and b.sentences > 0
        and b.words >= 10
        and b.stop_density >= STOPWORDS_LOW
        and not b.list_item
        and not b.heading
    )


def _linked_prose(b: Block) -> bool:
    """A sentence of prose, rich in stop words, that is link text as a whole (a quote
    the article offers to share): inside the article region it stays."""
    return (
        b.words >= 12
        and b.sentences > 0
        and b.stop_density >= STOPWORDS_HIGH
        and not b.list_item
        and not b.heading
    )


# A price at the end of a line: a currency sign before or after the figure ("$139.00",
# "€ 24,90", "1.299 €").
_PRICE = regex.compile(r"(?:\p{Sc}\s?\d[\d.,]*|\d[\d.,]*\s?\p{Sc})$")
MIN_PRICED_WORDS = 4


def _priced(b: Block) -> bool:
    """A product's name with its price, a link to the shop (the title of a product
    card in a buying guide): inside the article region it is the article's, as the
    card's plain list of features is. "Buy now" and shop names carry no price."""
    return (
        b.words >= MIN_PRICED_WORDS
        and not b.sentences
        and not b.heading
        and _PRICE.search(b.text) is not None
    )


def _quoted(b: Block) -> bool:
    """A line of a quotation (markdown's ``>``): a post the article embeds, whose
    author, handle and date are links."""
    return b.text.startswith(">") and b.words > 0 and b.link_density <= MAX_SENTENCE_LINK_DENSITY


# The longest copyright line that may sign an article (an agency's notice).
MAX_SIGNATURE_CHARS = 300
# ... which opens with its mark and the year ("© 2019 ...", "Copyright 2019 ..."; a
# converter may set it in italics between slashes).
_SIGNATURE = regex.compile(r"(?i)/?(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:19|20)\d{2}\b")


def _signed(bs: Sequence[Block], end: int) -> int:
    """The block right after the article region ``[..., end)`` (images aside) when it
    is a copyright line of the article's own, not the site's: a short notice with no
    link text that opens with the mark and the year ("© 2019 The Associated Press. All
    rights reserved."); -1 when there is none. The site's notice closes its footer,
    after the menus."""
    if end == 0:
        return -1
    while end < len(bs) and bs[end].media:
        end += 1  # an image between the article and its signature
    return end if end < len(bs) and _signature(bs[end]) else -1


def _signatures(bs: Sequence[Block], start: int, end: int) -> set[int]:
    """The copyright lines inside the article region ``[start, end)`` that sign the
    paragraph right before them (images aside): the article's own, as after it."""
    out: set[int] = set()
    before = ""
    for i in range(start, min(end, len(bs))):
        b = bs[i]
        if b.media:
            continue
        if before in ("good", "neargood") and _signature(b):
            out.add(i)
        before = b.cf_class
    return out


def _signature(b: Block) -> bool:
    """A copyright line that may sign an article (see :func:`_signed`)."""
    return (
        b.copyright
        and not b.link_chars
        and b.length <= MAX_SIGNATURE_CHARS
        and _SIGNATURE.match(b.text) is not None
    )


# A sentence inside the article with a copyright mark is still the article's when at
# least this many words follow the mark and the block reads as prose: an image credit
# glued to the paragraph after it ("Image copyright Getty Images A row involving ..."),
# not a site's notice, a photo's caption under its credit (shorter than that) or an
# embedded post that ends with its credit.
MIN_CREDITED_WORDS = 25


# ... or the block opens with a sentence of at least this many words before the mark: a
# paragraph with the credit of the image after it glued on ("... in the first place.
# Image copyright Getty Images"), as a converter that joins blocks gives it; not a
# post embedded as a bracketed label ("[Post by @name: ...] Image copyright @name").
MIN_CREDITED_SENTENCE_WORDS = 8
# ... the credit right after the sentence ("Image", "Photo:" may lead the mark), not
# after the markup of an embedded post. A converter that joins blocks may glue the mark
# to the sentence ("... to California detainees.© Jane Roe Caption ...").
MAX_CREDIT_LEAD_WORDS = 2
_SENTENCE_END = regex.compile(r"[.!?…][\"'”’»)]*(?:\s|(?=©))")


def _credited_prose(b: Block) -> bool:
    if not b.sentences:
        return False
    first = res.COPYRIGHT.search(b.text)
    if first is not None:
        end = _SENTENCE_END.search(b.text, 0, first.start() + 1)
        head = b.text[: end.start()] if end is not None else ""
        between = b.text[end.end() : first.start()].split() if end is not None else []
        if (
            len(head.split()) >= MIN_CREDITED_SENTENCE_WORDS
            and len(between) <= MAX_CREDIT_LEAD_WORDS
            and "[" not in head
        ):
            return True
    if b.stop_density < STOPWORDS_HIGH:
        return False
    after = 0
    for m in res.COPYRIGHT.finditer(b.text):
        after = m.end()
    return len(b.text[after:].split()) >= MIN_CREDITED_WORDS


# A stretch of the article's own lists between two parts of it (product cards, a list
# of features under each heading) holds at least this many characters of plain list
# items, more than it holds link text.
MIN_BRIDGE_ITEM_CHARS = 200


def bridged(bs: Sequence[Block], end: int) -> int:
    """The end of the article region ``[..., end)`` carried over the lists that split
    it: when a good block (a paragraph of the article) follows the region and the
    blocks between hold more plain list items than link text (``MIN_BRIDGE_ITEM_CHARS``
    or more), no stamp and no copyright line, the region goes on to that block, and on
    from there as long as the same holds. Teasers and menus are link text; a footer
    has its copyright line. On a page that writes no link text (a converter that drops
    the links), teasers cannot be told from the article's lists: no bridge."""
    if not any(b.link_chars for b in bs):
        return end
    while True:
        items = links = 0
        j = end
        while j < len(bs) and bs[j].cf_class != "good":
            b = bs[j]
            if b.stamp or b.copyright:
                return end
            if b.list_item and b.cf_class != "bad" and not is_menu_entry(b):
                items += b.length
            links += b.link_chars
            j += 1
        if j == len(bs) or j == end or items < MIN_BRIDGE_ITEM_CHARS or items <= links:
            return end
        end = j + 1
        while end < len(bs) and bs[end].sentences and _score(bs[end]) >= 0:
            end += 1


# The heading of a list of other items after the article ("Related articles", "Most
# Popular", "Leave a Reply", "Share this:"): a catalogue line of these kinds, of two
# words or more (one word, "More", "Next", is too common in a sentence), alone on its
# line or with the list glued after it (a one-line page). A call to read or click on
# inside the article ("Click here to get the app") goes on with a stop word.
HEADING_REASONS = frozenset({"ui.related", "ui.share", "ui.newsletter"})
HEADING_MIN_WORDS = 2
HEADING_MAX_WORDS = 6
# The list it heads ends the article when the region after it scores less than this
# share of the region before it and holds chrome (a list's entries, not paragraphs),
# and the article's longest run of prose comes before it ...
HEADED_SHARE = 0.3
# ... or less than this share, when it holds two items of prose or more (a list of
# teasers, not the article's last paragraph after a "Read also" link) ...
HEADED_LIST_SHARE = 0.5
MIN_HEADED_ITEMS = 2
# ... and never when it holds this many blocks of prose in a row: the article goes on.
MAX_PROSE_RUN = 5


@cache
def _heading_keys() -> frozenset[str]:
    """The keys of the catalogue lines that head a list (see ``HEADING_REASONS``)."""
    return frozenset(
        key
        for key, reason in load_catalogue().phrases.items()
        if reason in HEADING_REASONS
        and HEADING_MIN_WORDS <= key.count(" ") + 1 <= HEADING_MAX_WORDS
    )


def _list_heading(b: Block) -> bool:
    """Whether ``b`` opens with the heading of a list of other items (see
    ``HEADING_REASONS``)."""
    raw = b.text.split()
    keys = _heading_keys()
    words: list[str] = []
    for i, word in enumerate(raw[:HEADING_MAX_WORDS]):
        words += line_key(word).split()
        if len(words) >= HEADING_MIN_WORDS and " ".join(words) in keys:
            if i + 1 == len(raw):
                return True
            after = raw[i + 1]
            if not after[0].islower() and line_key(after).split(" ")[0] not in _stop_word():
                return True
    return False


def _prose_run(bs: Sequence[Block], start: int, end: int, heads: Sequence[bool]) -> int:
    """Where the run of blocks without chrome that scores most starts, in ``[start, end)``."""
    best, best_at, run, at = 0.0, start, 0.0, start
    for i in range(start, end):
        score = _score(bs[i])
        if score < 0 or heads[i - start]:
            run, at = 0.0, i + 1
            continue
        run += score
        if run > best:
            best, best_at = run, at
    return best_at


def _longest_run(scores: Sequence[float]) -> int:
    """The most scores above 0 in a row."""
    run = longest = 0
    for score in scores:
        run = run + 1 if score > 0 else 0
        longest = max(longest, run)
    return longest


def headed_list(bs: Sequence[Block], start: int, end: int) -> int:
    """The end of the article region ``[start, end)`` cut before the first list of other
    items headed by a catalogue line ("Related articles", "Most Popular") after the
    article's longest run of prose, when the rest of the region holds chrome and
    scores less than ``HEADED_SHARE`` of what comes before it (``HEADED_LIST_SHARE``
    when it holds ``MIN_HEADED_ITEMS`` of prose or more), and does not hold
    ``MAX_PROSE_RUN`` blocks of prose in a row."""
    heads = [_list_heading(b) for b in bs[start:end]]
    if not any(heads):
        return end
    first = next((i for i in range(start, end) if bs[i].cf_class == "good"), end)
    core = _prose_run(bs, start, end, heads)
    for i in range(max(first, core) + 1, end):
        if heads[i - start]:
            before = sum(max(0.0, _score(b)) for b in bs[start:i])
            after = sum(max(0.0, _score(b)) for b in bs[i:end])
            rest = [_score(b) for b in bs[i + 1 : end]]
            if not any(score < 0 for score in rest) or _longest_run(rest) >= MAX_PROSE_RUN:
                return end
            if after < HEADED_SHARE * before:
                return i
            items = sum(1 for score in rest if score > 0)
            listed = items >= MIN_HEADED_ITEMS and after < HEADED_LIST_SHARE * before
            return i if listed else end
    return end


def decide(bs: list[Block], region: tuple[int, int] | None = None) -> list[Block]:
    """Final classes: the article region keeps all but clear chrome; the rest goes.
    (``region``: :func:`article_region` of ``bs``, when known.)"""
    start, end = article_region(bs) if region is None else region
    end = dated_items(bs, start, end)
    end = headed_list(bs, start, end)
    end = bridged(bs, end)
    listed = introduced_list(bs, end)
    end = dated_list(bs, end) if listed == end else listed
    end = embedded_post(bs, end)
    if end < len(bs) and _credit_line(bs[end]):
        end += 1  # the credit of the article's last image
    end, notice = signed_off(bs, end)
    signed = _signed(bs, end)
    signatures = _signatures(bs, start, end)
    for i, b in enumerate(bs):
        if i in (signed, notice) or i in signatures:
            b.cls = "good"
        elif not start <= i < end:
            b.cls = "bad"
        elif b.media:
            b.cls = "bad"  # a cited address among good blocks stays (below)
        elif b.cls == "bad":
            linked = b.link_density > MAX_LINK_DENSITY and not (
                _linked_sentence(b) or _quoted(b) or _linked_prose(b) or _priced(b)
            ) and not _linked_subheading(bs, i) and not (i == start and _lead_line(b))
            # A run of glued headlines is no copyright line for its credit.
            clear = linked or (b.copyright and not _credited_prose(b) and not _run_on(b))
            kept = b.words >= 5 or b.sentences or b.cf_class != "bad"
            if not clear and (kept or _aside(b) or _quoted(b)):
                b.cls = "good"
    if sum(1 for b in bs[:start] if b.address) < MIN_MENU_ADDRESSES:
        # A converter that writes out the address of each link does so in the menus
        # too; on a page that does not, an address the article shows is text (one
        # address before it is a link whose text is its address, not a converter's
        # habit).
        for i in range(start, min(end, len(bs))):
            if bs[i].address and _cited(bs, i):
                bs[i].cls = "good"
    return bs


# A subheading of the article that is a link (the product each part of a buying guide
# is about, linked to its shop) has at least this many words ("More", "Next page" are
# no subheadings) and no sentence.
MIN_SUBHEADING_WORDS = 3


def _linked_subheading(bs: Sequence[Block], i: int) -> bool:
    """Whether the linked block ``bs[i]`` inside the article region is a subheading of
    it: a heading (markdown's ``#``) of a few words whose next block with text is a
    paragraph of prose (good or near-good alone). A teaser's headline inside the region
    heads its blurb or the next headline, not a paragraph of the article."""
    b = bs[i]
    if not b.heading or b.sentences or b.words < MIN_SUBHEADING_WORDS:
        return False
    after = next((x for x in bs[i + 1 :] if x.words), None)
    return after is not None and after.cf_class in ("good", "neargood") and not after.link_chars


# The addresses written out before the article that show a converter writes out the
# address of each link.
MIN_MENU_ADDRESSES = 2


def _cited(bs: Sequence[Block], i: int) -> bool:
    """Whether the web address ``bs[i]`` is a source the article cites: the nearest
    blocks with text on both sides of it are the article's."""
    before = next((b for b in reversed(bs[:i]) if not b.media), None)
    after = next((b for b in bs[i + 1 :] if not b.media), None)
    return before is not None and after is not None and before.cls == after.cls == "good"


def is_menu_entry(b: Block) -> bool:
    """A block shaped like a menu entry: a few words and no sentence, or mostly links,
    or a row of such entries between separator bars ("About | Advertise | Privacy")."""
    return (b.words <= 4 and not b.sentences) or b.link_density > 0.5 or _menu_row(b)


_MENU_SEPARATOR = regex.compile(r" [|•·] ")
MIN_ROW_ENTRIES = 3


def _menu_row(b: Block) -> bool:
    if b.sentences or ("|" not in b.text and "•" not in b.text and "·" not in b.text):
        return False
    entries = _MENU_SEPARATOR.split(b.text)
    return len(entries) >= MIN_ROW_ENTRIES and all(
        0 < len(entry.split()) <= 4 for entry in entries
    )


# The shortest block that can hold eight words (the least _prose accepts): words are
# letter runs of the casefolded text, and no character casefolds to more than two runs
# (three Greek letters with iota subscript do), so eight words need four characters.
MIN_SCORING_CHARS = 4


def may_be_page(bs: Sequence[Block]) -> bool:
    """Whether blocks not yet classified can be a page: ``False`` means
    :func:`looks_like_page` is ``False`` whatever :func:`classify` finds.

    A page needs ``MIN_PAGE_BLOCKS`` menu entries, and a menu entry is mostly links or
    has no sentence mark: both are known before the blocks are measured. It also needs
    an article region, which needs a block that scores for it: ``LENGTH_LOW``
    characters (good or near-good) or eight words (prose), so at least
    ``MIN_SCORING_CHARS`` characters.
    """
    if len(bs) < MIN_PAGE_BLOCKS:
        return False
    if not any(len(b.text) >= MIN_SCORING_CHARS for b in bs):
        return False
    found = 0
    for b in bs:
        if 2 * b.link_chars > len(b.text) or res.SENTENCE_MARK.search(b.text) is None:
            found += 1
            if found >= MIN_PAGE_BLOCKS:
                return True
    return False


def looks_like_page(bs: list[Block]) -> bool:
    """Whether classified blocks are a whole page rather than an article.

    A page opens with its site's chrome: at least ``MIN_HEAD_MENU`` menu-shaped blocks
    before the article region, and closes with some (``MIN_TAIL_MENU``, a footer).
    An extractor's article output starts with the article
    (its title, byline, lead); lists inside the article come after its first prose.
    The article region must also hold more words than the unlinked blocks of four
    words or more before it.
    """
    return page_region(bs) is not None


# A footer's menu: at least this many menu entries in a row.
FOOTER_RUN = 3
# The article before the footer scores at least this share of the region found past it
# (when the footer is only a copyright notice: NOTICE_KEEPS, an image's credit inside
# the article is one too).
FOOTER_KEEPS = 0.3
NOTICE_KEEPS = 0.75
# ... and the page opens with at least this many menu entries (a few short lines and
# numbered headings above an article's last paragraphs are no site's menu).
NOTICE_HEAD_MENU = 2 * MIN_HEAD_MENU


def _footer(bs: Sequence[Block], start: int, end: int) -> tuple[int, bool] | None:
    """Where the site's footer starts among blocks ``[start, end)``, and whether it is a
    copyright notice alone (None: no footer).

    The footer is the last run of ``FOOTER_RUN`` or more menu entries in a row (blocks
    without text do not break a run) before a copyright notice; without such a run, the
    first notice that is chrome (not long prose with a mark in it).
    """
    run, first, found, notice = 0, -1, -1, -1
    for i in range(start, end):
        b = bs[i]
        if b.media:
            continue
        if b.copyright:
            if found >= 0:
                return found, False
            if b.cf_class == "bad" and notice < 0:
                notice = i
        if is_menu_entry(b) and b.words:
            if run == 0:
                first = i
            run += 1
            if run >= FOOTER_RUN:
                found = first
        else:
            run = 0
    return (notice, True) if notice >= 0 else None


def page_region(bs: Sequence[Block], past_footer: bool = True) -> tuple[int, int] | None:
    """The article region of classified-alone blocks when they are a page, else None.

    With ``past_footer``, when the region found runs past the site's footer (a cookie
    notice or a legal text after the footer's menu and copyright scores as prose, and
    the page seems to have no footer), the page is read again up to that footer (see
    :func:`_footer`), if the article before it keeps ``FOOTER_KEEPS`` of the region's
    score (``NOTICE_KEEPS`` when the footer is a copyright notice alone: the notice is
    then the footer the page needs after its article, and the head menu has
    ``NOTICE_HEAD_MENU`` entries).
    """
    region = article_region(bs)
    if _page_around(bs, region):
        return region
    if not past_footer:
        return None
    start, end = region
    head = sum(1 for b in bs[:start] if is_menu_entry(b))
    if head < MIN_HEAD_MENU:
        return None
    footer = _footer(bs, start, end)
    if footer is None or footer[0] <= start:
        return None
    at, notice = footer
    if notice and head < NOTICE_HEAD_MENU:
        return None
    cut = article_region(bs[:at])
    keeps = NOTICE_KEEPS if notice else FOOTER_KEEPS
    if _region_score(bs, cut) < keeps * _region_score(bs, region):
        return None  # the "footer" cuts the article itself short
    return cut if _page_around(bs, cut, notice) else None


def _region_score(bs: Sequence[Block], region: tuple[int, int]) -> float:
    return sum(map(_score, bs[region[0] : region[1]]))


def _page_around(bs: Sequence[Block], region: tuple[int, int], footer: bool = False) -> bool:
    """:func:`looks_like_page` of blocks whose article region is ``region`` (``footer``:
    the page's footer is known to follow it)."""
    start, end = region
    head = sum(1 for b in bs[:start] if is_menu_entry(b))
    tail = MIN_TAIL_MENU if footer else sum(1 for b in bs[end:] if is_menu_entry(b))
    if head < MIN_HEAD_MENU or tail < MIN_TAIL_MENU:
        return False
    # Menu entries are short: the article holds more words than the unlinked lines of
    # four words or more before it. When it does not, the "menu" is the article's own
    # list or table. (Short lines do not count: cleaning removes short chrome lines,
    # and the decision must not change when it has.)
    plain_head = sum(
        b.words for b in bs[:start] if b.words >= 4 and b.link_density <= MAX_LINK_DENSITY
    )
    return sum(b.words for b in bs[start:end]) >= plain_head


# A page opens with its title, the site's name after a separator ("Night flight ban
# extended at the airport - Example Daily News"), and its article opens with
# the title again, its headline. What comes between (menus, and teasers that hold
# prose) is chrome. The title has ``TITLE_MIN_WORDS`` words or more and its separator
# comes within the page's first ``TITLE_MAX_CHARS`` characters. Its first repeat
# inside the article region opens a block, and either keeps ``TITLE_KEEPS`` of the
# region's good text after it, or the block holds at most ``TITLE_MORE_WORDS`` words
# more than the title (a dateline; not other headlines glued to it: a list of teasers
# may repeat the title) and ``TITLE_MIN_AFTER`` characters of good text or more follow
# it in the region (an article, not a share line or a link after it).
_TITLE_SEPARATOR = regex.compile(r" [-–—|] ")
TITLE_MIN_WORDS = 4
TITLE_MAX_CHARS = 200
TITLE_KEEPS = 0.5
TITLE_MORE_WORDS = 15
TITLE_MIN_AFTER = 500


def page_title(text: str) -> str | None:
    """The title ``text`` opens with, up to the separator before the site's name (None:
    no such title, see ``TITLE_MIN_WORDS``).

    >>> page_title("Night flight ban extended - Example Daily News Menu News")
    'Night flight ban extended'
    >>> page_title("Home - News - Sport") is None
    True
    """
    head = text.lstrip()[:TITLE_MAX_CHARS]
    m = _TITLE_SEPARATOR.search(head)
    if m is None:
        return None
    title = head[: m.start()].strip()
    return title if len(title.split()) >= TITLE_MIN_WORDS else None


def title_start(bs: Sequence[Block], lines: Sequence[str], first: int, last: int) -> int:
    """The index of the block of classified ``bs`` (of ``lines``) in which the article
    region ``[first, last]`` starts again with the page's title (see
    ``TITLE_MORE_WORDS``), or ``first``."""
    opening = next((b for b in bs if b.text.strip()), None)
    if opening is None:
        return first
    title = page_title(" ".join(lines[opening.start : opening.start + MIN_HEAD_MENU]))
    if title is None or len(lines[opening.start].strip()) >= len(title):
        # A title on a line of its own (a converter's <title> line): the lines show
        # where the article starts. A title cut over lines came on one line with the
        # page (see ``split_long_lines``).
        return first
    head = title.split()[0]
    for t in range(first + 1, last + 1):
        b = bs[t]
        if b is opening or not lines[b.start].lstrip().startswith(head):
            continue
        text, end = "", b.start
        while len(text) < len(title) and end < len(lines):
            text = f"{text} {lines[end].strip()}".strip()
            end += 1
        if not text.startswith(title):
            continue
        before = sum(x.length for x in bs[first:t] if x.cls == "good")
        after = sum(x.length for x in bs[t : last + 1] if x.cls == "good")
        if after >= TITLE_KEEPS * (before + after):
            return t
        headline = b.words <= len(title.split()) + TITLE_MORE_WORDS
        return t if headline and after >= TITLE_MIN_AFTER else first
    return first


# The labels of a list of an article's tags (its topics), in the catalogue's languages.
TAG_LABELS = (
    "tags", "tagged", "etiquetas", "schlagworte", "schlagwörter", "mots-clés",
    "mots clés", "étiquettes", "теги", "тэги", "метки", "tagi", "etichette", "trefwoorden",
    "etiketler",
)  # fmt: skip
_TAG_INITIALS = frozenset(label[0] for label in TAG_LABELS)
_TAG_LABEL_CHARS = max(map(len, TAG_LABELS))
MIN_TAGS = 3
MAX_TAG_WORDS = 5


def _tag_items(text: str) -> bool:
    """Whether ``text`` opens with a list of at least ``MIN_TAGS`` comma-separated
    entries, all but the last short."""
    # The last entry runs on into what follows the list in a page given as one line.
    items = [item.split() for item in text.split(",", MIN_TAGS - 1)]
    return len(items) >= MIN_TAGS and all(
        0 < len(item) <= MAX_TAG_WORDS for item in items[:-1]
    ) and bool(items[-1])


def _tag_label(text: str) -> str | None:
    """What follows the tag label ``text`` opens with (None: no label)."""
    if text[:1].casefold() not in _TAG_INITIALS:
        return None  # the cheap test first: most blocks open with no label
    key = text[: _TAG_LABEL_CHARS + 1].casefold()
    label = next((x for x in TAG_LABELS if key.startswith(x)), None)
    if label is None:
        return None
    rest = text[len(label) :]
    if rest[:1] not in ("", ":", " "):
        return None
    return rest.lstrip(": ")


def starts_tag_list(text: str) -> bool:
    """Whether ``text`` opens with a tag label and its entries."""
    rest = _tag_label(text)
    return bool(rest) and _tag_items(rest or "")


def tag_list(bs: Sequence[Block], i: int) -> bool:
    """Whether ``bs[i]`` opens a labelled list of the article's tags ("Tags: elections,
    parliament, budget"; the label may be a block of its own, and each entry too)."""
    rest = _tag_label(bs[i].text.strip())
    if rest is None:
        return False
    if rest:
        return _tag_items(rest)
    # The label alone: the entries follow, together or one block each.
    after = [b.text.strip() for b in bs[i + 1 : i + 1 + MIN_TAGS]]
    if after and _tag_items(after[0]):
        return True
    return len(after) == MIN_TAGS and all(
        t.endswith(",") and 0 < len(t.split()) <= MAX_TAG_WORDS for t in after
    )
