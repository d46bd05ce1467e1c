"""Structural checks behind the speed figures (no timing): work done per line, not per
document or per pair of lines."""

from __future__ import annotations

from typing import Any

import ftfy
import pytest

import newsclean
from newsclean import document
from newsclean.normalize.unicode import suspect_lines, unicode

CLEAN = "A paragraph with “curly quotes”, café, naïve and — dashes, 20 °C and €5.\n"
BROKEN = "A line with cafÃ© mojibake.\n"


@pytest.fixture
def ftfy_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real = ftfy.fix_text

    def counting(text: str, *args: Any, **kwargs: Any) -> str:
        calls.append(text)
        result: str = real(text, *args, **kwargs)
        return result

    monkeypatch.setattr(ftfy, "fix_text", counting)
    return calls


def test_ftfy_sees_only_the_broken_lines(ftfy_calls: list[str]) -> None:
    text = (CLEAN * 500 + BROKEN) * 3 + CLEAN * 500
    fixed = unicode(text)
    assert ftfy_calls == [BROKEN] * 3
    assert fixed == text.replace("cafÃ©", "café")


def test_suspect_spans_grow_with_the_broken_lines_only() -> None:
    one = CLEAN * 200 + BROKEN
    assert len(suspect_lines(one * 10)) == 10
    assert len(suspect_lines(CLEAN * 10_000)) == 0


def test_each_line_key_is_computed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = 0
    real = document.line_key

    def counting(line: str) -> str:
        nonlocal calls
        calls += 1
        return real(line)

    monkeypatch.setattr(document, "line_key", counting)
    lines = [f"Paragraph number {i} of a long article, with enough words." for i in range(300)]
    text = "\n\n".join(lines)
    newsclean.clean(text)
    # once per distinct line (300 paragraphs and the blank line) of the one shared Document
    assert calls == len(set(text.split("\n"))) == 301
