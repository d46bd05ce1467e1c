"""Whitespace normalisation: one function per fix, and :func:`whitespace` for all.

Every function takes and returns ``str`` and is idempotent.

>>> whitespace("  Title\\r\\n\\r\\n\\r\\n\\tBody\\u00a0text. \\u200b\\n")
'Title\\n\\nBody text.'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .. import resources as res
from ..pieces import line_pieces

__all__ = [
    "blank_lines",
    "line_breaks",
    "line_edges",
    "spaces",
    "whitespace",
    "whitespace_pieces",
    "zero_width",
]


def line_breaks(text: str) -> str:
    r"""CRLF, CR, NEL, U+2028, U+2029, vertical tab and form feed become ``\n``.

    >>> line_breaks("a\r\nb\rc\u2028d\u2029e")
    'a\nb\nc\nd\ne'
    """
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
    return _replace_each(text, res.LINE_BREAK_CHARS, "\n")


def _replace_each(text: str, chars: str, by: str) -> str:
    """``text`` with each of ``chars`` replaced by ``by``. ``str.replace`` builds its
    result directly, without the list of pieces a regex substitution keeps: one copy
    of a large text at a time."""
    if text.isascii():  # O(1) in CPython
        chars = "".join(c for c in chars if c < "\x80")
    for char in chars:
        if char in text:
            text = text.replace(char, by)
    return text


def zero_width(text: str) -> str:
    """Drop zero-width spaces, BOMs, word joiners and soft hyphens.

    ZWJ and ZWNJ are kept between two non-space characters, where they shape a
    script (Persian, Indic) or join an emoji sequence, and dropped elsewhere.

    >>> zero_width("ad\\u00advertise\\u200bment")
    'advertisement'
    >>> persian = "\\u0645\\u06cc\\u200c\\u062e\\u0648\\u0627\\u0647\\u0645"
    >>> zero_width(persian) == persian
    True
    >>> zero_width("\\u200d start")
    ' start'

    A zero-width space after punctuation, or before a capital or a digit, was a
    break: it becomes a space.

    >>> zero_width("the drum!\\u200b2018 season"), zero_width("Kim\\u200bNext up")
    ('the drum! 2018 season', 'Kim Next up')
    """
    if "\u200b" in text:
        text = res.ZWSP_BREAK.sub(" ", text)
    text = _replace_each(text, res.ZERO_WIDTH_CHARS, "")
    if "\u200c" in text or "\u200d" in text:
        text = res.JOINER_RUN.sub(_joiner_in_context, text)
    return text


def _joiner_in_context(match: re.Match[str]) -> str:
    text, start, end = match.string, match.start(), match.end()
    inside = start > 0 and end < len(text) and not text[start - 1].isspace()
    return match.group() if inside and not text[end].isspace() else ""


def spaces(text: str) -> str:
    """Tabs, no-break and other Unicode spaces become one ASCII space; runs collapse.

    >>> spaces("a\\u00a0\\u2009b\\t\\tc")
    'a b c'
    """
    text = _replace_each(text, res.ODD_SPACE_CHARS, " ")
    return res.SPACE_RUN.sub(" ", text) if "  " in text else text


def line_edges(text: str) -> str:
    """Strip leading indentation and trailing spaces from every line.

    >>> line_edges("   indented  \\n  next ")
    'indented\\nnext'
    """
    text = text.strip(" ")
    for _ in range(2):  # after spaces() one pass suffices; long runs take the slow way
        if " \n" not in text and "\n " not in text:
            return text
        text = text.replace(" \n", "\n").replace("\n ", "\n")
    return "\n".join(line.strip(" ") for line in text.split("\n"))


def blank_lines(text: str) -> str:
    """At most one blank line between paragraphs; none at the start or the end.

    >>> blank_lines("\\n\\na\\n\\n\\n\\nb\\n\\n")
    'a\\n\\nb'
    """
    if "\n\n\n" in text:
        text = res.BLANK_RUN.sub("\n\n", text)
    return text.strip("\n")


def whitespace(text: str) -> str:
    """All whitespace fixes in order: the default pipeline's whitespace step."""
    return blank_lines(_line_fixes(text))


def _line_fixes(text: str) -> str:
    """Every fix but :func:`blank_lines`: each works within a line."""
    if res.ODD_WHITESPACE.search(text) is None:  # only ASCII spaces and line ends
        if "  " in text:
            text = res.SPACE_RUN.sub(" ", text)
        return line_edges(text)
    # One step at a time, so that at most two copies of a large text are alive.
    text = line_breaks(text)
    text = zero_width(text)
    text = spaces(text)
    return line_edges(text)


def whitespace_pieces(pieces: Iterable[str]) -> Iterator[str]:
    """:func:`whitespace` of the text ``"".join(pieces)``, as pieces.

    The fixes but :func:`blank_lines` work within a line, so they run on the text cut
    at line ends; a run of line ends that crosses a cut is counted across it.

    >>> "".join(whitespace_pieces(["\\n a \\n\\n", "\\n\\nb\\t\\n", "\\n"]))
    'a\\n\\nb'
    """
    started = False  # a piece with text in it was given out
    newlines = 0  # line ends after the text given out so far
    for piece in line_pieces(pieces):
        piece = _line_fixes(piece)
        body = piece.strip("\n")
        if not body:
            newlines += len(piece)
            continue
        lead = piece.index(body[0])  # the line ends before the body
        if started:
            run = newlines + lead
            yield "\n\n" if run > 2 else "\n" * run
        started = True
        yield res.BLANK_RUN.sub("\n\n", body) if "\n\n\n" in body else body
        newlines = len(piece) - lead - len(body)
