"""A text handed between steps as pieces gives what the whole text gives."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import pairwise
from types import ModuleType

from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import documents, scraped_chars

import newsclean
from newsclean import pieces as pieces_module
from newsclean.document import Document
from newsclean.normalize.whitespace import whitespace, whitespace_pieces
from newsclean.pieces import line_pieces
from newsclean.rules.bullets import fix_markers

# The module (``newsclean.normalize.unicode`` the attribute is the function).
unicode_module = importlib.import_module("newsclean.normalize.unicode")

lines_text = st.lists(
    st.sampled_from(
        [*"ab \n\n\t\r", "\u00a0", "\u200b", "\u200d", "\u2028", "Ã©", "•", "&amp;", "\x81"]
    ),
    max_size=60,
).map("".join)


@contextmanager
def patched(module: ModuleType, name: str, value: int) -> Iterator[None]:
    old = getattr(module, name)
    setattr(module, name, value)
    try:
        yield
    finally:
        setattr(module, name, old)


def cut(text: str, at: list[int]) -> list[str]:
    """``text`` cut at the offsets ``at`` (in any order, repeats giving empty pieces)."""
    bounds = [0, *sorted(min(a, len(text)) for a in at), len(text)]
    return [text[start:end] for start, end in pairwise(bounds)]


offsets = st.lists(st.integers(0, 100), max_size=8)


@given(lines_text, offsets, st.integers(0, 12))
def test_line_pieces_cut_at_the_first_line_end_past_size(
    text: str, at: list[int], size: int
) -> None:
    out = list(line_pieces(cut(text, at), size))
    assert "".join(out) == text
    assert out == list(line_pieces([text], size))
    for piece in out[:-1]:
        assert piece.endswith("\n") and piece.find("\n", size) == len(piece) - 1
    if out:
        assert out[-1].find("\n", size) in (-1, len(out[-1]) - 1)


@settings(max_examples=300)
@given(lines_text, offsets, st.integers(1, 12))
def test_whitespace_pieces_equal_whitespace(text: str, at: list[int], size: int) -> None:
    with patched(pieces_module, "PIECE_CHARS", size):
        assert "".join(whitespace_pieces(cut(text, at))) == whitespace(text)


@settings(max_examples=200)
@given(lines_text, offsets, st.integers(1, 12))
def test_unicode_pieces_equal_unicode_settled(text: str, at: list[int], size: int) -> None:
    with patched(unicode_module, "SETTLE_CHUNK", size):
        whole = unicode_module.unicode_settled(text)
        assert "".join(unicode_module.unicode_settled_pieces(cut(text, at))) == whole


@given(lines_text, offsets)
def test_document_from_pieces_and_render_pieces(text: str, at: list[int]) -> None:
    doc = Document.from_pieces(cut(text, at))
    assert doc == Document.from_text(text)
    for i in range(0, len(doc), 3):
        doc.removed[i] = True
    for size in (1, 2, 5):
        assert "".join(doc.render_pieces(size)) == doc.render()


@given(lines_text, offsets)
def test_bullet_marker_pieces(text: str, at: list[int]) -> None:
    step = newsclean.pipeline.BULLET_MARKERS
    assert step.pieces is not None
    got = "".join(step.pieces(cut(text, at), newsclean.Config()))
    assert got == fix_markers(text)


@settings(max_examples=100, deadline=None)
@given(st.one_of(documents().map(lambda doc: doc.text), scraped_chars()), st.integers(1, 40))
def test_clean_in_pieces_equals_clean_of_the_whole(text: str, size: int) -> None:
    # explain() hands the whole text from step to step; clean() hands pieces.
    with patched(pieces_module, "PIECE_CHARS", size):
        assert newsclean.clean(text) == newsclean.explain(text).text
