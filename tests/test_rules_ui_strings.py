"""The ui_strings rule: whole UI lines and blocks go, sentences that start alike stay."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.document import Document
from newsclean.rules.ui_strings import inside_prose, ui_strings


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("  • Oops!\n    Something went wrong.\n    Please try again later.", "ui.player_error"),
        ("An error has occurred, please try again later.", "ui.player_error"),
        ("Es ist ein Fehler aufgetreten. Bitte versuchen Sie es erneut.", "ui.player_error"),
        ("This slideshow requires JavaScript.", "ui.javascript"),
        ("Advertisement", "ui.advertisement"),
        ("ADVERTISEMENT", "ui.advertisement"),
        ("Anzeige", "ui.advertisement"),
        ("Publicité", "ui.advertisement"),
        ("Publicidad", "ui.advertisement"),
        ("Pubblicità", "ui.advertisement"),
        ("Reklama", "ui.advertisement"),
        ("Реклама", "ui.advertisement"),
        ("Reklam", "ui.advertisement"),
        ("Skip to content", "ui.navigation"),
        ("Share on Facebook", "ui.share"),
        ("Sign up for our newsletter", "ui.newsletter"),
        ("We use cookies to improve your experience on our site.", "ui.cookie"),
        ("Photo 3 of 12", "ui.gallery"),
    ],
)
def test_ui_lines(text: str, reason: str) -> None:
    doc = Document.from_text(f"Body text of the article.\n\n{text}\n\nMore body text.")
    removals = ui_strings(doc)
    assert [r.reason for r in removals] == [reason]
    assert removals[0].end - removals[0].start == text.count("\n") + 1


@pytest.mark.parametrize(
    "text",
    [
        "Sign up for a Hulu ad-free account for $11.99 a month.",
        "Advertisers have many online platforms to choose from.",
        "Click here to read the full report the ministry published.",
        "Share prices fell 4% after the company cut its forecast.",
        "Oops! The minister said something went wrong with the count.",
        "This website uses cookies to track readers, the regulator found.",
    ],
)
def test_sentences_that_start_alike_stay(text: str) -> None:
    assert ui_strings(Document.from_text(text)) == []


def test_ui_word_that_ends_a_wrapped_sentence_stays() -> None:
    text = "Pictures of the couple were taken from their private wedding\nphotos.\n\nShare\n"
    doc = Document.from_text(text)
    assert inside_prose(doc, 1, 2)
    assert [r.start for r in ui_strings(doc)] == [3]


def test_pattern_screen_agrees_with_the_patterns() -> None:
    from newsclean import catalogue

    plain = catalogue.load(("en",), (), (r"read \d+ more",))
    flagged = catalogue.load(("en",), (), (r"(?i)read \d+ more",))
    assert plain.screen is not None and flagged.screen is None
    for cat in (plain, flagged):
        assert cat.lookup("Read 3 more") == "ui.user_pattern"
        assert cat.lookup("Photo 3 of 12") == "ui.gallery"
        assert cat.lookup("Read more about the report") is None


@pytest.mark.parametrize(
    "key",
    [
        "photo 3 of 12",
        "3 of 12",
        "12 comments",
        "vk",
        "e mail",
        "share facebook twitter e mail",
        "updated 12 march 2024 10 30 am",
        "read 3 more",
        "rea",
        "read",
        "photos of the day",
        "the photo 3 of 12",
    ],
)
def test_screen_prefix_rejects_only_keys_no_pattern_matches(key: str) -> None:
    # The screen first looks at a key's first characters (memoised); what it
    # decides must be what the patterns alone decide, for a short key too.
    from newsclean import catalogue

    cat = catalogue.load(("en",), (), (r"read \d+ more",))
    assert cat.screen is not None
    expected = next((reason for p, reason in cat.patterns if p.fullmatch(key)), None)
    assert cat.phrases.get(key, expected) == cat.lookup_key(key)
    assert cat.phrases.get(key, expected) == cat.lookup_key(key)  # from the memo


def test_entry_held_by_a_line_the_duplicates_rule_removes_goes_in_one_run() -> None:
    # "Advertisement" before a lower-case line reads as part of its sentence; once the
    # duplicates rule has removed that line (a copy of the caption above), a second
    # clean() finds the entry on its own and removes it: the first run does too.
    caption = "photos of the summit were shared by the ministry on Monday"
    text = f"Intro paragraph here.\n\n{caption}\nAdvertisement\n{caption}"
    report = newsclean.explain(text)
    assert "Advertisement" not in report.text
    assert [(r.rule, r.reason) for r in report.removals] == [
        ("ui_strings", "ui.advertisement"),
        ("duplicates", "duplicate.exact"),
    ]
    assert newsclean.clean(report.text) == report.text


def test_entry_held_through_a_lone_marker_goes_in_one_run() -> None:
    # Found by the property tests: the entry's last line was a lone "•" (no words), and
    # the line after it read as its sentence going on. The lone_markers rule removes the
    # marker, and the entry, which ends with a full stop, then stands alone.
    text = (
        "The the the the the the the w0x2 the the the the the the the.\n\n"
        "Es ist ein Fehler aufgetreten. Bitte versuchen Sie es erneut.\n•\n"
        "gather Putin Putin Putin Putin Putin Putin.\n"
        "gather Putin Putin Putin Putin Putin Putin."
    )
    out = newsclean.clean(text)
    assert "Fehler" not in out
    assert newsclean.clean(out) == out
