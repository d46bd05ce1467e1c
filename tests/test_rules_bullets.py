"""Bullet artefacts: lone markers and separator rows go, list items keep their text."""

from __future__ import annotations

import pytest

from newsclean.document import Document
from newsclean.rules.bullets import fix_markers, lone_markers


@pytest.mark.parametrize(
    "line", ["•", "| | |", "» » »", "· · ·", "— — —", "*", "-", "►", "───┼───", "│──│", "* ───"]
)
def test_lone_marker_lines(line: str) -> None:
    doc = Document.from_text(f"Text.\n{line}\nMore text.")
    assert [(r.reason, r.start) for r in lone_markers(doc)] == [("bullet.lone_marker", 1)]


@pytest.mark.parametrize("line", ["• Item", "- 5 %", "1.", "A | B", "Q&A", "—Yes, he said."])
def test_lines_with_words_stay(line: str) -> None:
    assert lone_markers(Document.from_text(line)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("•Item one", "• Item one"),
        ("• • Item two", "• Item two"),
        ("••Item three", "• Item three"),
        ("- item stays", "- item stays"),
        ("*emphasis* stays", "*emphasis* stays"),
        ("Text • inside stays", "Text • inside stays"),
    ],
)
def test_fix_markers(text: str, expected: str) -> None:
    assert fix_markers(text) == expected
