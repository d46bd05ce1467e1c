"""Fast paths and memos agree with the plain computation they stand in for."""

from __future__ import annotations

import pytest

from newsclean.document import _regex_line_key, line_key
from newsclean.rules.page.blocks import Block
from newsclean.rules.page.classify import _ranked_headlines, _ranked_text

LINES = [
    "",
    "Home",
    "HOME",
    "  • Oops!  Something   went wrong.",
    "snake_case and __dunder__ names",
    "tabs\tand\x0bvertical\x0cfeeds\x1c\x1d\x1e\x1fhere",
    "x\x00y\x7fz",
    "Straße İstanbul ǅemal Ⅻ ½ ٣ 漢字 café",
    "e\u0301t\u00e9 (c) 2024 - All rights reserved.",
    "1. Fire damages club 2. Best of the region 2019: Pizza",
    *(f"a{chr(c)}b" for c in range(160)),
]


@pytest.mark.parametrize("line", LINES)
def test_line_key_fast_path_agrees_with_the_regex(line: str) -> None:
    assert line_key(line) == _regex_line_key(line)


RANKED = [
    "Most Popular 1 Fire damages club on the hill 2 Best of the region 2019: Pizza "
    "places 3 Mayor says the road will open in May 4 Storm cuts power to homes",
    "Most Read Fire damages club on the hill Best of the region: Pizza places Mayor "
    "says the road will open in May Storm cuts power to homes tonight",
    "the rest of a headline 3 Mayor says the road will open in May 4 Storm cuts power "
    "to homes 5 School board meets to talk about the budget",
    "Les plus lus ١ Un incendie ravage le club ٢ Le meilleur de la région ٣ Le maire dit",
    "Nothing ranked here, only a sentence of plain prose that goes on for a while. "
    "And another one after it, also long enough to count as words.",
]


@pytest.mark.parametrize("text", RANKED)
def test_ranked_headlines_fast_paths_agree(text: str) -> None:
    words = len(text.split())
    b = Block(0, 1, text, words=words)
    expected = 12 <= words <= 400 and _ranked_text(text)
    assert _ranked_headlines(b) == expected
    assert _ranked_headlines(b) == expected  # the second answer comes from the memo


def test_ranked_headlines_finds_the_ranked_box() -> None:
    b = Block(0, 1, RANKED[0], words=len(RANKED[0].split()))
    assert _ranked_headlines(b)
    b = Block(0, 1, RANKED[1], words=len(RANKED[1].split()))
    assert not _ranked_headlines(b)


MARKED = [
    "No mark here at all",
    "One. Two! Three? Four",
    "A decimal 3.5 and e.g. an abbreviation",
    "Ends with a mark.",
    "Fin de phrase… puis「文。」そして！",
    "",
]


@pytest.mark.parametrize("text", MARKED)
def test_sentence_marks_skip_the_regex_only_without_a_mark(text: str) -> None:
    from newsclean import resources as res
    from newsclean.rules.page.classify import _marks

    assert _marks(text)[0] == len(res.SENTENCE_MARK.findall(text))


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Is it safe? Yes & no.", None),
        ("Q&A: what comes next?", None),
        ("&utm_source=twitter.com&utm_medium=social", "code.address"),
        ("?id=12&ref=home", "code.address"),
        ("body {margin:0 auto;padding:0;}", "code.script"),
        ("</span>", "code.markup"),
    ],
)
def test_code_reason_needs_a_brace_semicolon_equals_or_tag(line: str, reason: str | None) -> None:
    from newsclean.rules.code import code_reason

    assert code_reason(line) == reason


@pytest.mark.parametrize("words", [0, 11, 12, 100, 101, 400, 401])
@pytest.mark.parametrize("text", [*RANKED, " ".join(["word"] * 120)])
@pytest.mark.parametrize("unspaced", [False, True])
def test_run_on_bounds_agree_with_the_tests_they_stand_for(
    text: str, words: int, unspaced: bool
) -> None:
    from newsclean.rules.page.classify import _glued_run, _run_on

    b = Block(0, 1, text, words=words, unspaced=unspaced, sentences=1)
    expected = not b.unspaced and (_glued_run(b) or _ranked_headlines(b))
    assert _run_on(b) == expected
