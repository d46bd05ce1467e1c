"""The whitespace fixes, with their fast paths, equal plain one-regex-per-fix versions."""

from __future__ import annotations

import importlib

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

# The module (``newsclean.normalize.whitespace`` the attribute is the function).
ws = importlib.import_module("newsclean.normalize.whitespace")

# The straightforward definitions: one substitution per fix, no shortcuts.
_BREAKS = regex.compile(r"\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_ZERO = regex.compile(r"[\u200b\u2060-\u2064\ufeff\u00ad\u180e]")
_ZWSP_BREAK = regex.compile(
    r"(?<=[.!?;:,)\]\"\u201d])\u200b+(?=\w)|(?<=[^\s\u200b])\u200b+(?=[\p{Lu}\p{N}])"
)
_SPACES = regex.compile(r"[\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_BLANKS = regex.compile(r"\n{3,}")


def reference(text: str) -> str:
    text = _BREAKS.sub("\n", text)
    text = _ZWSP_BREAK.sub(" ", text)
    text = ws.zero_width(_ZERO.sub("", text))  # joiners: context rule, tested below
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip(" ") for line in text.split("\n"))
    return _BLANKS.sub("\n\n", text).strip("\n")


spacey = st.text(
    alphabet=st.sampled_from(
        [*"abA1. \n\t\r", "\u00a0", "\u2009", "\u3000", "\u200b", "\u00ad", "\u200d", "\u2028"]
    ),
    max_size=60,
)


@settings(max_examples=500, deadline=None)
@given(spacey)
def test_whitespace_equals_reference(text: str) -> None:
    assert ws.whitespace(text) == reference(text)


@settings(max_examples=300, deadline=None)
@given(spacey)
def test_whitespace_is_idempotent(text: str) -> None:
    once = ws.whitespace(text)
    assert ws.whitespace(once) == once


@settings(max_examples=300, deadline=None)
@given(spacey)
def test_each_fix_equals_its_definition(text: str) -> None:
    assert ws.line_breaks(text) == _BREAKS.sub("\n", text)
    assert ws.spaces(text) == _SPACES.sub(" ", text)
    assert ws.line_edges(text) == "\n".join(line.strip(" ") for line in text.split("\n"))
    assert ws.blank_lines(text) == _BLANKS.sub("\n\n", text).strip("\n")


def test_long_runs_take_the_slow_path_correctly() -> None:
    text = "a" + " " * 50 + "\n" + " " * 50 + "b  \n\n\n\n\n" + "\t" * 9 + "c"
    assert ws.line_edges(text) == "a\nb\n\n\n\n\nc".replace("c", "\t" * 9 + "c")
    assert ws.whitespace(text) == "a\nb\n\nc"


def test_plain_ascii_text_is_returned_unchanged() -> None:
    text = "Title\n\nA paragraph with single spaces.\nAnother line."
    assert ws.whitespace(text) is text
