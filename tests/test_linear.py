"""Structural checks behind the speed figures (no timing): work done per line, not per
document or per pair of lines."""

from __future__ import annotations

import importlib
from typing import Any

import ftfy
import pytest

import newsclean
from newsclean import document
from newsclean.document import Document, Removal
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


def test_a_rule_asked_again_about_the_same_lines_answers_from_memory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The whole-page stage runs the line rules on a view of a page; when it removes
    # nothing, the line rules run on the same lines again and reuse what they found,
    # as long as the same lines are removed before them.
    # (the package exports the rule functions under the modules' names)
    code = importlib.import_module("newsclean.rules.code")
    duplicates = importlib.import_module("newsclean.rules.duplicates")
    calls: list[str] = []
    for module, name in ((duplicates, "_duplicates"), (code, "_code")):
        real = getattr(module, name)

        def counting(doc: Document, real: Any = real, name: str = name) -> Any:
            calls.append(name)
            return real(doc)

        monkeypatch.setattr(module, name, counting)
    caption = "Photo of the harbour at dawn with fishing boats"
    text = "\n".join([caption, "Body text of the article, a sentence long.", caption, "{x:1;y:2}"])
    doc = Document.from_text(text)
    view = doc.unmarked(record_text=False)
    found = duplicates.duplicates(view), code.code(view)
    again = doc.unmarked()
    assert (duplicates.duplicates(again), code.code(again)) == found
    assert calls == ["_duplicates", "_code"]
    assert found[0] and found[1]  # each found something to remember
    # other lines removed before it: the rule looks again
    other = doc.unmarked()
    other.mark(Removal("code", "code.script", 3, 4))
    duplicates.duplicates(other)
    assert calls == ["_duplicates", "_code", "_duplicates"]
