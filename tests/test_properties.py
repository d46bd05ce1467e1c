"""Property-based tests: what ``clean()`` guarantees on any input.

The documents come from ``tests/strategies.py`` (prose among scraped-page artefacts);
arbitrary strings come from Hypothesis with every Unicode category, surrogates and
control characters included.
"""

from __future__ import annotations

import html
import unicodedata

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from strategies import Doc, any_text, documents, scraped_chars

import newsclean
from newsclean import Pipeline, normalize
from newsclean.html import looks_like_html

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# Generated documents are larger: fewer examples keep the suite fast.
DOC_SETTINGS = settings(SETTINGS, max_examples=100)
FORBIDDEN = {"\u200b", "\ufeff", "\u2060", "\u00ad", "\r"}
# The stages that repair text rather than remove it: what the output is compared with.
REPAIR = Pipeline([newsclean.HTML, newsclean.UNICODE, newsclean.WHITESPACE])


def squashed(text: str) -> str:
    """``text`` with every run of whitespace made one space."""
    return " ".join(text.split())


def repaired(paragraph: str) -> str:
    """A prose paragraph as the unicode and whitespace stages leave it."""
    return squashed(normalize.whitespace(normalize.unicode(paragraph)))


def assert_tidy(out: str) -> None:
    """No trailing spaces, no runs of 3+ newlines, no zero-width or control characters."""
    assert isinstance(out, str)
    assert "\n\n\n" not in out
    assert out == out.strip("\n")
    for line in out.split("\n"):
        assert line == line.rstrip(), f"trailing space in {line!r}"
        assert line == line.lstrip(" \t"), f"indentation in {line!r}"
    for ch in out:
        assert ch not in FORBIDDEN, f"{ch!r} in output"
        assert ch == "\n" or unicodedata.category(ch) != "Cc", f"control {ch!r} in output"
        assert unicodedata.category(ch) != "Cs", f"surrogate {ch!r} in output"


# --- any str ------------------------------------------------------------------------


@SETTINGS
@given(any_text())
def test_any_text_never_raises_and_is_tidy(text: str) -> None:
    assert_tidy(newsclean.clean(text))


@SETTINGS
@given(scraped_chars())
def test_tricky_characters_never_raise_and_are_tidy(text: str) -> None:
    assert_tidy(newsclean.clean(text))


@SETTINGS
@given(st.binary(max_size=300))
def test_any_bytes_never_raise(data: bytes) -> None:
    assert_tidy(newsclean.clean(data))


@SETTINGS
@given(st.one_of(any_text(), scraped_chars()))
def test_settles_after_two_runs_on_any_text(text: str) -> None:
    # On arbitrary character soup clean() is idempotent except in a known case
    # (README, "Known limits"): text whose words are markup reads as HTML the second
    # time. It settles on the next run.
    twice = newsclean.clean(newsclean.clean(text))
    assert newsclean.clean(twice) == twice


@SETTINGS
@given(st.one_of(any_text(), scraped_chars()))
def test_idempotent_on_any_text_without_spaces_or_markup(text: str) -> None:
    assume(not any(ch.isspace() for ch in text))
    out = newsclean.clean(text)
    assume(not looks_like_html(out))
    assert newsclean.clean(out) == out


# --- scraped-text-like documents ----------------------------------------------------


@DOC_SETTINGS
@given(documents())
def test_documents_are_tidy_and_idempotent(doc: Doc) -> None:
    out = newsclean.clean(doc.text)
    assert_tidy(out)
    assert newsclean.clean(out) == out


@DOC_SETTINGS
@given(documents())
def test_prose_survives_in_order(doc: Doc) -> None:
    out = squashed(newsclean.clean(doc.text))
    position = 0
    for paragraph in doc.prose:
        expected = repaired(paragraph)
        found = out.find(expected, position)
        assert found >= 0, f"lost or reordered: {expected!r}"
        position = found + len(expected)


@DOC_SETTINGS
@given(documents(html=False))
def test_prose_paragraphs_stay_paragraphs(doc: Doc) -> None:
    paragraphs = [squashed(p) for p in newsclean.clean(doc.text).split("\n\n")]
    for paragraph in doc.prose:
        assert repaired(paragraph) in paragraphs


@DOC_SETTINGS
@given(documents())
@example(
    # Once the error lines are gone the rest reads as HTML, whose entities are decoded.
    Doc(
        "The the the the the the the w0x1 the the the the the the the.\n\n\n"
        "Es ist ein Fehler aufgetreten. Bitte versuchen Sie es erneut.\n"
        "ES IST EIN FEHLER AUFGETRETEN. BITTE VERSUCHEN SIE ES ERNEUT.\n"
        "<p>Tom &amp; Jerry &lt;3</p>",
        ("The the the the the the the w0x1 the the the the the the the.",),
    )
)
def test_output_holds_no_text_that_was_not_in_the_input(doc: Doc) -> None:
    # Every kept line is a line of the repaired input (markers may lose a space). Text
    # read as HTML also has the entities ftfy keeps on a line with a ``<`` decoded.
    repaired_text = REPAIR(doc.text)
    references = ("".join(repaired_text.split()), "".join(html.unescape(repaired_text).split()))
    for line in newsclean.clean(doc.text).split("\n"):
        squashed_line = "".join(line.split())
        assert any(squashed_line in ref for ref in references), f"invented: {line!r}"


@DOC_SETTINGS
@given(documents(), st.sampled_from(["ui_strings", "duplicates", "bullets", "unicode"]))
def test_switching_a_step_off_never_loses_prose(doc: Doc, step: str) -> None:
    out = squashed(newsclean.clean(doc.text, **{step: False}))
    for paragraph in doc.prose:
        if step == "unicode":
            expected = squashed(normalize.whitespace(paragraph))
        else:
            expected = repaired(paragraph)
        assert expected in out


@DOC_SETTINGS
@given(documents(max_prose=3), documents(max_prose=3))
def test_no_state_carries_between_calls(first: Doc, second: Doc) -> None:
    alone = newsclean.clean(second.text)
    newsclean.clean(first.text)
    assert newsclean.clean(second.text) == alone
