"""Unicode repair with ftfy, configured for news text, run only where it can matter.

ftfy's defaults suit a search index, not an article: it straightens curly quotes and
turns full-width CJK punctuation into ASCII. newsclean keeps both by default (as
dataset pipelines such as datatrove do) and keeps bidi marks and joiners, which
carry meaning in Arabic, Hebrew, Persian and Indic scripts.

>>> unicode("The cafÃ© said â€œhelloâ€\\x9d &amp; left")
'The café said “hello” & left'
>>> unicode("“quoted”", uncurl_quotes=True)
'"quoted"'

ftfy repairs a text line by line and costs tens of microseconds per line, while most
scraped text holds no mojibake at all. :func:`unicode` therefore finds the lines ftfy
could change with one linear scan (:func:`newsclean.resources.ftfy_trigger`: the
characters its fixers rewrite, and a superset of its mojibake detector) plus a
normalisation check, and hands only those lines to ``ftfy.fix_text``. The result is
exactly ``ftfy.fix_text(text, ftfy_config(...))``; the test suite checks that on
ftfy's own mojibake cases and on generated text.

>>> suspect_lines("Fine “quoted” line.\\nBroken cafÃ© line.\\nFine again.\\n")
[(20, 39)]
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import groupby
from typing import TYPE_CHECKING, Literal, TypedDict

from ..resources import ftfy_trigger

if TYPE_CHECKING:
    import re

    import ftfy

from .. import resources as res
from ..pieces import line_pieces
from .whitespace import spaces, zero_width

Normalization = Literal["NFC", "NFKC", "NFD", "NFKD"] | None


class UnicodeOptions(TypedDict):
    """The keyword options :func:`unicode`, :func:`unicode_settled` and their piece-wise
    forms share (see :func:`ftfy_config`)."""

    uncurl_quotes: bool
    fix_character_width: bool
    fix_latin_ligatures: bool
    normalization: Normalization


@lru_cache(maxsize=32)
def ftfy_config(
    *,
    uncurl_quotes: bool = False,
    fix_character_width: bool = False,
    fix_latin_ligatures: bool = True,
    normalization: Normalization = "NFC",
) -> ftfy.TextFixerConfig:
    """The ``ftfy.TextFixerConfig`` newsclean runs with these options."""
    import ftfy

    return ftfy.TextFixerConfig(
        uncurl_quotes=uncurl_quotes,
        fix_character_width=fix_character_width,
        fix_latin_ligatures=fix_latin_ligatures,
        normalization=normalization,
        explain=False,
    )


def unicode(
    text: str,
    *,
    uncurl_quotes: bool = False,
    fix_character_width: bool = False,
    fix_latin_ligatures: bool = True,
    normalization: Normalization = "NFC",
) -> str:
    """Repair mojibake, HTML entities and control characters; normalise to NFC.

    Equal to ``ftfy.fix_text(text, ftfy_config(...))`` with the same options.
    """
    config = ftfy_config(
        uncurl_quotes=uncurl_quotes,
        fix_character_width=fix_character_width,
        fix_latin_ligatures=fix_latin_ligatures,
        normalization=normalization,
    )
    return _fix(text, config)


def _suspects(text: str, config: ftfy.TextFixerConfig) -> list[tuple[int, int]]:
    return suspect_lines(
        text,
        uncurl_quotes=config.uncurl_quotes,
        fix_character_width=config.fix_character_width,
        fix_latin_ligatures=config.fix_latin_ligatures,
        normalization=config.normalization,
    )


def _fix(
    text: str,
    config: ftfy.TextFixerConfig,
    line_markup: bool = False,
    spans: list[tuple[int, int]] | None = None,
) -> str:
    """``ftfy.fix_text(text, config)``, running ftfy on suspect lines only (``spans``:
    :func:`suspect_lines` of ``text``, when known).

    ftfy stops decoding HTML entities from the first line holding a ``<`` (the text is
    probably markup). With ``line_markup`` that rule applies per line instead: only a
    line that holds a ``<`` keeps its entities.
    """
    if spans is None:
        spans = _suspects(text, config)
    if not spans:
        return text
    import ftfy

    lt = -1 if line_markup else text.find("<")
    markup_from = -1 if lt < 0 else text.rfind("\n", 0, lt) + 1
    auto = config.unescape_html == "auto"
    literal = config._replace(unescape_html=False) if auto else config
    parts: list[str] = []
    pos = 0
    for start, end in spans:
        parts.append(text[pos:start])
        span = text[start:end]
        if line_markup and auto and "<" in span:
            for line in span.splitlines(keepends=True):
                parts.append(ftfy.fix_text(line, literal if "<" in line else config))
        else:
            use = literal if 0 <= markup_from < start else config
            parts.append(ftfy.fix_text(span, use))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def unicode_settled(
    text: str,
    *,
    uncurl_quotes: bool = False,
    fix_character_width: bool = False,
    fix_latin_ligatures: bool = True,
    normalization: Normalization = "NFC",
) -> str:
    """:func:`unicode`, then once more where characters that mean nothing hid mojibake.

    C1 controls ftfy could not map, zero-width characters (which the whitespace step
    deletes) and control characters (which ftfy deletes after its mojibake pass) can
    hide mojibake from ftfy. When the text holds any of them, they are removed (C1
    controls; zero-width characters as :func:`~newsclean.normalize.whitespace.zero_width`
    treats them) and the repair runs again, so that a second ``clean()`` finds nothing
    left to repair. And where ftfy leaves HTML
    entities alone in every line after the first that holds a ``<`` (it takes the
    text for markup), this step leaves them alone only in the lines that hold one: a
    ``<`` in a link or a menu line that a later rule removes must not decide how the
    article's ``&amp;`` reads, or a second ``clean()`` would decode it. This is the
    pipeline's unicode step; :func:`unicode` alone is exactly ftfy.

    >>> unicode_settled("<https://example.com>\\nTom &amp; Jerry")
    '<https://example.com>\\nTom & Jerry'

    >>> unicode("caf\\x81Ã©"), unicode_settled("caf\\x81Ã©")
    ('caf\\x81Ã©', 'café')
    """
    config = ftfy_config(
        uncurl_quotes=uncurl_quotes,
        fix_character_width=fix_character_width,
        fix_latin_ligatures=fix_latin_ligatures,
        normalization=normalization,
    )
    return "".join(_settled_pieces((text,), config))


def unicode_settled_pieces(
    pieces: Iterable[str],
    *,
    uncurl_quotes: bool = False,
    fix_character_width: bool = False,
    fix_latin_ligatures: bool = True,
    normalization: Normalization = "NFC",
) -> Iterator[str]:
    """:func:`unicode_settled` of the text ``"".join(pieces)``, as pieces."""
    config = ftfy_config(
        uncurl_quotes=uncurl_quotes,
        fix_character_width=fix_character_width,
        fix_latin_ligatures=fix_latin_ligatures,
        normalization=normalization,
    )
    return _settled_pieces(pieces, config)


def _settled_pieces(pieces: Iterable[str], config: ftfy.TextFixerConfig) -> Iterator[str]:
    # Everything is line by line now, so a long text is settled a chunk of lines at a
    # time: the second run then covers the chunks that need it, not the whole text.
    # The chunks end at the first line end ``SETTLE_CHUNK`` characters or more into
    # them, however the text is given.
    for chunk in line_pieces(pieces, SETTLE_CHUNK):
        yield _settle(chunk, config)


SETTLE_CHUNK = 1 << 20


def _settle(text: str, config: ftfy.TextFixerConfig) -> str:
    spans = _suspects(text, config)
    result = _fix(text, config, line_markup=True, spans=spans)
    if spans:
        hidden = res.C1_CONTROL.search(result) or res.ZERO_WIDTH.search(result)
        hidden = hidden or res.FTFY_CONTROL.search(text)
    else:
        # Nothing for ftfy: the trigger, which matches every C1 and control character
        # (res.ftfy_trigger), found none, so only zero-width characters can hide
        # mojibake here.
        hidden = res.ZERO_WIDTH.search(result)
    if hidden:
        # The whitespace step's own treatment of zero-width characters, done early.
        result = _fix(zero_width(res.C1_CONTROL.sub("", result)), config, line_markup=True)
    if spans and res.SPACE_CHANGE.search(result):
        result = "\n".join([_spaces_settled(line, config) for line in result.split("\n")])
    return result


def _spaces_settled(line: str, config: ftfy.TextFixerConfig) -> str:
    """``line`` repaired as the whitespace step will leave its spaces, when that repairs
    more: a no-break space, a tab or a space at the edge next to mojibake can keep ftfy
    from seeing it, and a second ``clean()`` would find the line with plain, trimmed
    spaces and repair it then. Unchanged when there is nothing more to repair."""
    core = spaces(line).strip(" ")
    if core == line or not core or not _suspects(core, config):
        return line
    fixed = _fix(core, config, line_markup=True)
    return line if fixed == core else fixed


def suspect_lines(
    text: str,
    *,
    uncurl_quotes: bool = False,
    fix_character_width: bool = False,
    fix_latin_ligatures: bool = True,
    normalization: Normalization = "NFC",
) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of the runs of lines ftfy could change (each with its
    newline), in order; ftfy leaves every other line as it is."""
    trigger = ftfy_trigger(
        uncurl_quotes=uncurl_quotes,
        fix_character_width=fix_character_width,
        fix_latin_ligatures=fix_latin_ligatures,
    )
    spans = _matching_lines(text, trigger)
    if normalization is not None and not unicodedata.is_normalized(normalization, text):
        spans = _merge(spans + _unnormalized_lines(text, spans, normalization))
    return spans


def _line_span(text: str, at: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, len(text) if end < 0 else end + 1


def _matching_lines(text: str, trigger: re.Pattern[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for quiet_start, quiet_end in _quiet_runs(text, trigger):
        _scan(text, trigger, pos, quiet_start, spans)
        pos = quiet_end
    _scan(text, trigger, pos, len(text), spans)
    return spans


def _scan(
    text: str, trigger: re.Pattern[str], pos: int, stop: int, spans: list[tuple[int, int]]
) -> None:
    """Add to ``spans`` the lines from ``pos`` to ``stop`` (line starts) that hold the
    start of a match (one that may read up to TRIGGER_REACH characters around it)."""
    search = trigger.search
    endpos = min(len(text), stop + TRIGGER_REACH)
    match = search(text, pos, endpos)
    while match is not None and match.start() < stop:
        start, end = _line_span(text, match.start())
        if spans and spans[-1][1] == start:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
        match = search(text, end, endpos)


# How many characters before and after its first character a match of the trigger may
# read (its longest lookbehind and its longest match; the tests check the bound).
TRIGGER_REACH = 40
# Texts whose lines average fewer characters than this are looked at for runs of copies
# (40 let 783 of the 5,560 newsbench texts in, at a cost; 16 lets 15 in).
_SHORT_LINES = 16


def _quiet_runs(text: str, trigger: re.Pattern[str]) -> list[tuple[int, int]]:
    """Spans, inside runs of one line repeated many times, where the trigger finds no
    match: text that a search need not read (a list of 100k lone "•" lines reads as
    100k places a match might start).

    Inside a run, a line at least TRIGGER_REACH characters from both of its ends sees
    the same characters around it as every other such line, so one of them tells
    whether any of them holds a match.
    """
    if text.isascii() or text.count("\n") * _SHORT_LINES < len(text):
        # ASCII holds no character a badness branch starts at ("&" starts an entity
        # only): the search is fast. Long lines are not many cheap copies.
        return []
    quiet: list[tuple[int, int]] = []
    pos = 0
    for line, copies in groupby(text.split("\n")):
        n, size = len(list(copies)), len(line) + 1
        margin = -(-TRIGGER_REACH // size)  # lines that hold TRIGGER_REACH characters
        if n > 2 * margin + 1:
            first, last = pos + margin * size, pos + (n - margin) * size
            match = trigger.search(text, first, first + size + TRIGGER_REACH)
            if match is None or match.start() >= first + size:
                quiet.append((first, last))
        pos += n * size
    return quiet


# ftfy.fix_text cuts lines longer than this into pieces (TextFixerConfig default).
_MAX_DECODE_LENGTH = 1_000_000


def _unnormalized_lines(
    text: str, spans: list[tuple[int, int]], form: Literal["NFC", "NFKC", "NFD", "NFKD"]
) -> list[tuple[int, int]]:
    """Lines outside ``spans`` that normalisation would change (rare: scanned slowly)."""
    found: list[tuple[int, int]] = []
    pos = 0
    for gap_start, gap_end in [*spans, (len(text), len(text))]:
        gap = text[pos:gap_start]
        if gap:
            offset = pos
            for line in gap.split("\n"):
                end = min(offset + len(line) + 1, gap_start)
                long_line = len(line) > _MAX_DECODE_LENGTH and not line.isascii()
                if long_line or not unicodedata.is_normalized(form, line):
                    found.append((offset, end))
                offset = end
        pos = gap_end
    return found


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and merged[-1][1] >= start:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
