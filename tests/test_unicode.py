"""The unicode stage equals ftfy.fix_text with newsclean's configuration, while running
ftfy only on the lines that can need it."""

from __future__ import annotations

import gzip
import importlib
import itertools
import json
import re
from pathlib import Path
from typing import Any

import ftfy
import pytest
from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import resources as res
from newsclean.normalize.unicode import ftfy_config, suspect_lines, unicode, unicode_settled
from newsclean.resources import ftfy_trigger

CASES_FILE = Path(__file__).parent / "data" / "ftfy_test_cases.json"
CASES: list[dict[str, str]] = json.loads(CASES_FILE.read_text("utf-8"))["cases"]
NEWSBENCH = Path(__file__).resolve().parents[1].parent / "shared" / "newsbench" / "aeb"

OPTION_SETS: list[dict[str, Any]] = [
    {},
    {"uncurl_quotes": True},
    {"fix_character_width": True},
    {"fix_latin_ligatures": False},
    {"normalization": None},
    {"normalization": "NFKC"},
    {"uncurl_quotes": True, "fix_character_width": True, "normalization": "NFD"},
]


def reference(text: str, **options: Any) -> str:
    result: str = ftfy.fix_text(text, ftfy_config(**options))
    return result


def _category_chars() -> list[str]:
    chars: set[str] = set()
    for value in MOJIBAKE_CATEGORIES.values():
        for m in re.finditer(r"(.)-(.)|(.)", value, re.S):
            if m.group(3):
                chars.add(m.group(3))
            else:
                chars.update(chr(c) for c in range(ord(m.group(1)), ord(m.group(2)) + 1))
    return sorted(chars)


MOJIBAKE_CHARS = _category_chars()


def test_cases_file_is_real_mojibake() -> None:
    assert len(CASES) > 100
    changed = [c for c in CASES if reference(c["original"]) != c["original"]]
    assert len(changed) > 80  # most cases are mojibake ftfy repairs


@pytest.mark.parametrize("options", OPTION_SETS, ids=lambda o: ",".join(o) or "default")
def test_each_case_equals_ftfy(options: dict[str, Any]) -> None:
    for case in CASES:
        text = case["original"]
        assert unicode(text, **options) == reference(text, **options), case["label"]


@pytest.mark.parametrize("options", OPTION_SETS, ids=lambda o: ",".join(o) or "default")
def test_cases_as_one_document_equal_ftfy(options: dict[str, Any]) -> None:
    lines = [case["original"] for case in CASES]
    clean = ["A clean line with “curly quotes”, café and naïve – fine.", "", "AT&T and Q&A."]
    doc = "\n".join(itertools.chain.from_iterable(zip(lines, itertools.cycle(clean))))
    assert unicode(doc, **options) == reference(doc, **options)
    # ftfy stops decoding entities from the first line that holds "<" (markup).
    half = len(lines) // 2
    marked = "\n".join([*lines[:half], "a <b>tag</b> &amp; here", *lines[half:], "&amp;"])
    assert unicode(marked, **options) == reference(marked, **options)


def test_clean_typography_is_not_sent_to_ftfy() -> None:
    text = (
        "« L’économie française », a dit le ministre – “quoted” — naïve café.\n"
        "Die Straße „hier“ ist schön. Привет, мир! Γειά σου. 東京 ¿Qué? ¡Sí!\n"
        "AT&T and Q&A, 5 × 3 = 15; 20 °C; £5 and €10 © 2024 Reuters™\n"
    )
    assert suspect_lines(text) == []
    assert unicode(text) is text


def test_suspect_lines_are_the_broken_ones() -> None:
    text = "fine line\nbroken cafÃ© line\nfine\nR&amp;D\n\ufb01nal\nfine"
    spans = suspect_lines(text)
    assert [text[s:e] for s, e in spans] == ["broken cafÃ© line\n", "R&amp;D\n\ufb01nal\n"]
    assert unicode(text) == "fine line\nbroken café line\nfine\nR&D\nfinal\nfine"


def test_not_normalized_lines_are_repaired() -> None:
    text = "ok\nCafe\u0301 de\u0301ja\u0300\nok"
    assert unicode(text) == reference(text) == "ok\nCafé déjà\nok"
    assert unicode(text, normalization=None) == text


def test_trigger_covers_badness_on_every_pair() -> None:
    """Every two-character string ftfy's detector flags is flagged by the trigger."""
    trigger = ftfy_trigger(uncurl_quotes=False, fix_character_width=False, fix_latin_ligatures=True)
    alphabet = [*MOJIBAKE_CHARS, *"aZ .1?ВГРСΒΓΞΟβāàÄâóЂ€×√≈‚"]
    missed = [
        a + b
        for a in alphabet
        for b in alphabet
        if BADNESS_RE.search(a + b) and not trigger.search(a + b)
    ]
    assert missed == []


mojibake_text = st.text(
    alphabet=st.sampled_from([*MOJIBAKE_CHARS, *"aeZ .,1?!<>&;#\n\r\t\x00\x1b\ufb01\u0301"]),
    max_size=40,
)


@settings(max_examples=400, deadline=None)
@given(mojibake_text)
def test_generated_text_equals_ftfy(text: str) -> None:
    assert unicode(text) == reference(text)


@settings(max_examples=150, deadline=None)
@given(mojibake_text, st.sampled_from(OPTION_SETS))
def test_generated_text_equals_ftfy_with_options(text: str, options: dict[str, Any]) -> None:
    assert unicode(text, **options) == reference(text, **options)


@pytest.mark.skipif(not NEWSBENCH.is_dir(), reason="needs ../shared/newsbench (not shipped)")
def test_newsbench_sample_equals_ftfy() -> None:
    """Two extractors' texts (the benchmark script checks all 32)."""
    for name in ("trafilatura", "html-text"):
        data = json.loads(
            gzip.decompress((NEWSBENCH / "extractors" / f"{name}.json.gz").read_bytes())
        )
        if isinstance(data, dict) and set(data) == {"version", "output"}:
            data = data["output"]
        for page, value in data.items():
            text = (value or {}).get("articleBody") or ""
            assert unicode(text) == reference(text), (name, page)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("caf\x81Ã©", "café"),  # an unmapped C1 control splits the mojibake
        ("caf\u200bÃ©", "café"),  # so does a zero-width space
        ("Plain “quoted” text.", "Plain “quoted” text."),
    ],
)
def test_settled_repairs_what_hidden_characters_split(text: str, expected: str) -> None:
    settled = unicode_settled(text)
    assert settled == expected
    assert unicode_settled(settled) == settled


def test_settled_in_chunks_equals_settled_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # Long texts are settled a chunk of lines at a time; ftfy works per line, so the
    # result is the same as settling the whole text (markup and controls included).
    module = importlib.import_module("newsclean.normalize.unicode")
    text = "\n".join(case["original"] for case in CASES) + "\ncaf\x81Ã©\n<b>x</b> &amp;\n"
    text = text * 3
    whole = unicode_settled(text)
    assert len(text) < module.SETTLE_CHUNK
    monkeypatch.setattr(module, "SETTLE_CHUNK", 500)
    assert unicode_settled(text) == whole


def test_settled_reads_markup_per_line_where_ftfy_reads_it_per_text() -> None:
    text = "[Home](<https://example.com/>)\nTom &amp; Jerry &lt;3\nA &lt;b&gt; tag: <b>"
    assert unicode(text) == text  # ftfy: a "<" in the first line, no entity decoded
    settled = unicode_settled(text)
    assert settled.split("\n") == [
        "[Home](<https://example.com/>)",
        "Tom & Jerry <3",  # no "<" in this line: decoded
        "A &lt;b&gt; tag: <b>",  # a "<" in this line: left as it is
    ]
    # The lines read the same once the first line is gone (the idempotence this buys).
    assert unicode_settled(settled.split("\n", 1)[1]) == settled.split("\n", 1)[1]


@pytest.mark.parametrize("options", [(False, False, True), (True, True, False)])
def test_trigger_matches_every_character_settling_looks_for(
    options: tuple[bool, bool, bool],
) -> None:
    # unicode_settled skips its C1 and control-character scans when the trigger finds
    # nothing: that is sound only while the trigger matches each of those characters.
    uncurl, width, ligatures = options
    trigger = ftfy_trigger(
        uncurl_quotes=uncurl, fix_character_width=width, fix_latin_ligatures=ligatures
    )
    for cp in range(0x110000):
        char = chr(cp)
        if 0xD800 <= cp < 0xE000:
            continue
        if res.C1_CONTROL.match(char) or res.FTFY_CONTROL.match(char):
            assert trigger.search(char), hex(cp)
