"""Pages that repeat a few lines many times: the per-line shortcuts decide as before.

The rules remember decisions per distinct line (or run of lines) within one call, skip
runs of copies, and the page stage rules out texts that cannot hold an article before
building blocks. Each shortcut is checked here against the plain computation.
"""

from __future__ import annotations

import sys
from itertools import pairwise
from re._constants import ASSERT, ASSERT_NOT
from re._parser import SubPattern, parse
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclean import resources as res
from newsclean.config import DEFAULT
from newsclean.document import Document, Removal, line_key
from newsclean.rules.bullets import fix_markers, lone_markers
from newsclean.rules.page import page
from newsclean.rules.ui_strings import (
    MAX_BLOCK_LINES,
    catalogue_for,
    inside_prose,
    ui_strings,
)

# The modules, not the functions of the same name that newsclean.rules exports.
UI = sys.modules["newsclean.rules.ui_strings"]
PAGE = sys.modules["newsclean.rules.page"]

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

POOL = (
    "",
    " ",
    "\u00a0",
    "•",
    "  •  ",
    "| | |",
    "Advertisement",
    "ADVERTISEMENT",
    "Share",
    "Oops!",
    "Something went wrong.",
    "Please try again later.",
    "- Share",
    "photos.",
    "Pictures of the actress were shared in private",
    "pictures of the actress were shared in private photos and more",
    "The minister said on Tuesday that talks had stalled.",
    "Home",
    "News",
)

# Runs of copies of a line, as the adversarial pages have them.
lines_with_runs = st.lists(st.tuples(st.sampled_from(POOL), st.integers(1, 9)), max_size=25).map(
    lambda runs: [line for line, n in runs for _ in range(n)]
)


def _ui_strings_plain(doc: Document) -> list[Removal]:
    """ui_strings() as written before its memos and shortcuts: every line, each time."""
    cat = catalogue_for(DEFAULT)
    kept = list(doc.kept())
    removals: list[Removal] = []
    gone: set[int] = set()
    jump: dict[int, int] = {}
    k = 0
    while k < len(kept):
        i = kept[k]
        best: tuple[int, str] | None = None
        key = ""
        for j in range(k, min(k + MAX_BLOCK_LINES, len(kept))):
            if j > k and kept[j] != kept[j - 1] + 1:
                break
            part = doc.keys[kept[j]]
            key = f"{key} {part}" if key and part else key or part
            if len(key) > cat.max_key_length:
                break
            reason = cat.lookup_key(key)
            if reason is not None:
                best = (j, reason)
        if best is None or inside_prose(doc, i, kept[best[0]] + 1, gone, jump):
            k += 1
            continue
        last, reason = best
        removals.append(Removal("ui_strings", reason, i, kept[last] + 1))
        gone.update(range(i, kept[last] + 1))
        k = last + 1
    return removals


def _spans(removals: list[Removal]) -> list[tuple[int, int, str]]:
    return [(r.start, r.end, r.reason) for r in removals]


@SETTINGS
@given(lines_with_runs, st.sets(st.integers(0, 60), max_size=8))
def test_ui_strings_decides_as_without_shortcuts(lines: list[str], removed: set[int]) -> None:
    doc = Document.from_text("\n".join(lines))
    for i in removed:  # lines an earlier rule took
        doc.mark(Removal("earlier", "x.y", i, i + 1))
    found = ui_strings(doc)
    assert _spans(found) == _spans(_ui_strings_plain(doc))
    assert all(r.text == "\n".join(doc.lines[r.start : r.end]) for r in found)


def test_ui_strings_memos_can_be_full(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "\n".join(["Advertisement"] * 20 + ["Share", "Body text.", "•"] * 5)
    expected = _spans(ui_strings(Document.from_text(text)))
    monkeypatch.setattr(UI, "MEMO_SIZE", 0)
    assert _spans(ui_strings(Document.from_text(text))) == expected


def test_ui_strings_on_a_run_of_copies() -> None:
    text = "Body text.\n" + "Advertisement\n" * 1000 + "Body text again."
    found = ui_strings(Document.from_text(text))
    assert _spans(found) == [(i, i + 1, "ui.advertisement") for i in range(1, 1001)]


@SETTINGS
@given(lines_with_runs)
def test_inside_prose_memo_changes_nothing(lines: list[str]) -> None:
    doc = Document.from_text("\n".join(lines))
    memo: dict[tuple[str, ...], bool | None] = {}
    for start in range(len(lines)):
        for end in range(start + 1, min(start + 3, len(lines)) + 1):
            assert inside_prose(doc, start, end, memo=memo) == inside_prose(doc, start, end)


@SETTINGS
@given(lines_with_runs)
def test_document_shortcuts(lines: list[str]) -> None:
    doc = Document.from_text("\n".join(lines))
    assert doc.keys == tuple(line_key(line) for line in doc.lines)
    assert doc.nonblank == tuple(
        i for i, line in enumerate(doc.lines) if line and not line.isspace()
    )
    if doc.nonblank:
        doc.mark(Removal("earlier", "x.y", doc.nonblank[0], doc.nonblank[0] + 1))
    assert list(doc.kept()) == [i for i in doc.nonblank if not doc.removed[i]]
    assert doc.render() == "\n".join(
        line for line, gone in zip(doc.lines, doc.removed, strict=True) if not gone
    )


def test_mark_keeps_a_complete_removal_and_completes_others() -> None:
    doc = Document.from_text("a\nb\nc")
    complete = Removal("r", "r.x", 0, 1, "a")
    assert doc.mark(complete) and doc.removals[-1] is complete
    assert doc.mark(Removal("r", "r.x", 1, 5))
    assert doc.removals[-1] == Removal("r", "r.x", 1, 3, "b\nc")
    assert not doc.mark(Removal("r", "r.x", 2, 3))


@SETTINGS
@given(lines_with_runs, st.sets(st.integers(0, 60), max_size=8))
def test_lone_markers_one_removal_per_run(lines: list[str], removed: set[int]) -> None:
    doc = Document.from_text("\n".join(lines))
    for i in removed:
        doc.mark(Removal("earlier", "x.y", i, i + 1))
    marker_lines = [
        i
        for i in doc.kept()
        if len(doc.lines[i]) <= res.MAX_SHORT_LINE
        and not doc.keys[i]
        and res.LONE_MARKERS.fullmatch(doc.lines[i])
    ]
    found = lone_markers(doc)
    assert [i for r in found for i in range(r.start, r.end)] == marker_lines
    for before, after in pairwise(found):
        assert before.end < after.start  # runs are apart, or they would be one
    assert all(r.text == "\n".join(doc.lines[r.start : r.end]) for r in found)


def test_lone_markers_runs() -> None:
    doc = Document.from_text("Text.\n•\n| | |\n\n•\nMore text.\n»")
    assert [(r.start, r.end, r.text) for r in lone_markers(doc)] == [
        (1, 3, "•\n| | |"),
        (4, 5, "•"),
        (6, 7, "»"),
    ]


@SETTINGS
@given(st.text(alphabet="•▪➢ a1\n-*.", max_size=40))
def test_fix_markers_skips_only_texts_it_leaves(text: str) -> None:
    expected = res.GLUED_MARKER.sub(r"\1 ", res.MARKER_RUN.sub(r"\1 ", text))
    assert fix_markers(text) == expected


def _page_plain(lines: list[str]) -> list[Removal]:
    """page() without its shortcut: blocks built and classified."""
    real = PAGE._no_article
    try:
        PAGE._no_article = lambda lines: False
        found: list[Removal] = page(Document.from_text("\n".join(lines)))
    finally:
        PAGE._no_article = real
    return found


SHORT_POOL = ("Home", "News", "Sport", "Advertisement", "•", "", "Login", "Contact us")


@SETTINGS
@given(
    st.lists(st.tuples(st.sampled_from(SHORT_POOL), st.integers(1, 6)), max_size=30).map(
        lambda runs: [line for line, n in runs for _ in range(n)]
    )
)
def test_short_lines_without_a_sentence_are_no_page(lines: list[str]) -> None:
    assert PAGE._no_article(Document.from_text("\n".join(lines)).lines)
    assert _page_plain(lines) == []


@SETTINGS
@given(lines_with_runs)
def test_page_shortcut_changes_nothing(lines: list[str]) -> None:
    doc = Document.from_text("\n".join(lines))
    assert page(doc) == _page_plain(lines)


MARKDOWN_POOL = (
    "# Title",
    "* [Home](/)",
    "1. item",
    "| a | b |",
    "---",
    "![img](/x.png)",
    "Read more at https://example.com/a",
    "A line of a paragraph that a converter hard-wrapped at seventy columns,",
    "and its next line goes on with the same sentence until it ends.",
    "",
    "Home",
)


@SETTINGS
@given(
    st.lists(st.tuples(st.sampled_from(MARKDOWN_POOL), st.integers(1, 7)), max_size=20).map(
        lambda runs: [line for line, n in runs for _ in range(n)]
    )
)
def test_blocks_read_each_distinct_line_once(lines: list[str]) -> None:
    blocks_module = sys.modules["newsclean.rules.page.blocks"]
    found = blocks_module.blocks(lines)
    real = blocks_module.MEMO_CHARS
    try:
        blocks_module.MEMO_CHARS = -1  # every line read afresh
        assert blocks_module.blocks(lines) == found
    finally:
        blocks_module.MEMO_CHARS = real


def test_a_long_page_read_again_is_read_and_measured_from_memory() -> None:
    # The page stage reads and measures the blocks of one text several times; a page of
    # 20,000 distinct lines is read and measured once, not again at each reading.
    blocks_module = sys.modules["newsclean.rules.page.blocks"]
    classify_module = sys.modules["newsclean.rules.page.classify"]
    entries = [f"Entry {i} of a long page read in this test only" for i in range(20_000)]
    lines = [line for entry in entries for line in (entry, "")]  # a block each
    read_misses = blocks_module._read_memo.cache_info
    measure_misses = classify_module._text_measures.cache_info
    missed = []
    for _ in range(2):
        reads, measures = read_misses().misses, measure_misses().misses
        classify_module.measure(blocks_module.blocks(lines))
        missed.append((read_misses().misses - reads, measure_misses().misses - measures))
    assert missed[0][0] >= len(entries) and missed[0][1] == len(entries)
    assert missed[1] == (0, 0)


# --- unicode: runs of copies are searched once -----------------------------------------

UNICODE = sys.modules["newsclean.normalize.unicode"]


def _reach(node: Any) -> tuple[int, int]:
    """The longest lookbehind, and lookahead, of a parsed pattern (in characters)."""
    back = ahead = 0
    for op, av in node:
        if op is ASSERT_NOT or (op is ASSERT and av[0] == 1):
            ahead = max(ahead, av[1].getwidth()[1])
        elif op is ASSERT:
            back = max(back, av[1].getwidth()[1])
        for part in av if isinstance(av, (tuple, list)) else [av]:
            for sub in part if isinstance(part, list) else [part]:
                if isinstance(sub, SubPattern):
                    sub_back, sub_ahead = _reach(sub)
                    back, ahead = max(back, sub_back), max(ahead, sub_ahead)
    return back, ahead


@pytest.mark.parametrize("uncurl_quotes", [False, True])
@pytest.mark.parametrize("fix_character_width", [False, True])
@pytest.mark.parametrize("fix_latin_ligatures", [False, True])
def test_trigger_reads_at_most_its_reach(
    uncurl_quotes: bool, fix_character_width: bool, fix_latin_ligatures: bool
) -> None:
    trigger = res.ftfy_trigger(
        uncurl_quotes=uncurl_quotes,
        fix_character_width=fix_character_width,
        fix_latin_ligatures=fix_latin_ligatures,
    )
    tree = parse(trigger.pattern)
    back, ahead = _reach(tree)
    assert max(back, tree.getwidth()[1] + ahead) <= UNICODE.TRIGGER_REACH


MOJIBAKE_POOL = (
    "•",
    "  •",
    "Ã©",
    "cafÃ©",
    "â€œquotedâ€\x9d",
    "AT&amp;T",
    "Œ",
    "œ",
    "plain line",
    "Привет",
    "ГўВ",
    "",
    "\x85",
    "ﬁ",
    "Â ",
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(MOJIBAKE_POOL), st.integers(1, 60)), max_size=8).map(
        lambda runs: "\n".join(line for line, n in runs for _ in range(n))
    ),
    st.booleans(),
)
def test_suspect_lines_same_without_run_skipping(text: str, uncurl: bool) -> None:
    trigger = res.ftfy_trigger(
        uncurl_quotes=uncurl, fix_character_width=False, fix_latin_ligatures=True
    )
    spans = UNICODE._matching_lines(text, trigger)
    plain: list[tuple[int, int]] = []
    UNICODE._scan(text, trigger, 0, len(text), plain)
    assert spans == plain


def test_runs_of_copies_are_skipped() -> None:
    text = "  •\n" * 1000 + "cafÃ©\n" + "  •\n" * 1000
    trigger = res.ftfy_trigger(
        uncurl_quotes=False, fix_character_width=False, fix_latin_ligatures=True
    )
    assert UNICODE._quiet_runs(text, trigger)
    assert UNICODE._matching_lines(text, trigger) == [(4000, 4006)]
