"""The public API: options, extra phrases, pipelines, explain."""

from __future__ import annotations

import pickle

import pytest

import newsclean
from newsclean import Config, Pipeline

DOC = (
    "Headline of the story\n\n"
    "Advertisement\n\n"
    "First paragraph of the article, with enough words to be prose.\n\n"
    "First paragraph of the article, with enough words to be prose.\n\n"
    "“Quoted” text stays curly.\n"
)


def test_default_removes_ad_and_duplicate() -> None:
    out = newsclean.clean(DOC)
    assert "Advertisement" not in out
    assert out.count("First paragraph") == 1
    assert "“Quoted”" in out


@pytest.mark.parametrize(
    ("option", "kept"),
    [
        ("ui_strings", "Advertisement"),
        ("duplicates", "First paragraph"),
    ],
)
def test_each_step_can_be_switched_off(option: str, kept: str) -> None:
    out = newsclean.clean(DOC, **{option: False})
    assert kept in out
    if option == "duplicates":
        assert out.count(kept) == 2


def test_unicode_off_keeps_mojibake() -> None:
    assert newsclean.clean("cafÃ©") == "café"
    assert newsclean.clean("cafÃ©", unicode=False) == "cafÃ©"


def test_whitespace_off_keeps_spacing() -> None:
    assert newsclean.clean("a\u00a0b", whitespace=False) == "a\u00a0b"


def test_extra_phrases_are_whole_line_matches() -> None:
    text = "Body text here.\nSupport our journalism\nSupport our journalism by reading on."
    out = newsclean.clean(text, extra_phrases=["Support our journalism"])
    assert out == "Body text here.\nSupport our journalism by reading on."


def test_extra_patterns_match_line_keys() -> None:
    out = newsclean.clean("Body.\nPromo code 1234\nMore body.", extra_patterns=[r"promo code \d+"])
    assert out == "Body.\nMore body."


def test_bad_user_pattern_is_rejected_at_configuration() -> None:
    with pytest.raises(newsclean.CatalogueError, match="extra_patterns"):
        newsclean.clean("x", extra_patterns=["(unclosed"])


def test_unknown_option_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="colour"):
        newsclean.clean("x", colour=True)


def test_non_text_input_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="int"):
        newsclean.clean(42)  # type: ignore[arg-type]


def test_bytes_are_decoded() -> None:
    assert newsclean.clean("Zürich café".encode()) == "Zürich café"


def test_config_object_and_keywords_agree() -> None:
    cfg = Config(ui_strings=False)
    assert newsclean.clean(DOC, cfg) == newsclean.clean(DOC, ui_strings=False)
    assert newsclean.clean(DOC, cfg, ui_strings=True) == newsclean.clean(DOC)


def test_custom_pipeline_with_plain_function() -> None:
    pipe = Pipeline([newsclean.WHITESPACE, newsclean.UI_STRINGS, str.upper])
    assert pipe("Share\n  body  text") == "BODY TEXT"


def test_custom_rule() -> None:
    def no_digits(doc: newsclean.Document, config: Config) -> list[newsclean.Removal]:
        return [
            newsclean.Removal("no_digits", "user.digits", i, i + 1)
            for i in doc.kept()
            if doc.lines[i].isdigit()
        ]

    pipe = Pipeline([newsclean.rule(no_digits), newsclean.WHITESPACE])
    report = pipe.explain("12\nText\n34")
    assert report.text == "Text"
    assert [r.reason for r in report.removals] == ["user.digits", "user.digits"]


def test_explain_lists_steps_and_replays() -> None:
    report = newsclean.explain("cafÃ©\u00a0au lait\n\nShare")
    assert report.text == "café au lait"
    assert report.steps == ("unicode", "whitespace", "ui_strings", "whitespace")
    replay = Pipeline.from_names(report.steps)
    assert replay("cafÃ©\u00a0au lait\n\nShare") == report.text
    assert report.counts() == {"ui.share": 1}
    assert report.as_dict()["removals"][0]["line"] == 3


def test_no_state_between_documents() -> None:
    line = "A caption that appears in two different documents, once each."
    assert newsclean.clean(line) == line
    assert newsclean.clean(line) == line


def test_pipeline_and_config_pickle() -> None:
    pipe = pickle.loads(pickle.dumps(newsclean.pipeline.DEFAULT_PIPELINE))
    assert pipe(DOC) == newsclean.clean(DOC)
    assert pickle.loads(pickle.dumps(Config(credits="keep"))) == Config(credits="keep")


def test_html_input_is_converted() -> None:
    html = "<html><body><p>Para one.</p><script>var x;</script><p>Para two.</p></body></html>"
    assert newsclean.clean(html) == "Para one.\n\nPara two."


def test_text_with_stray_markup_characters_is_not_html() -> None:
    text = "Profits rose 5% & margins < 3% in Q2 > Q1."
    assert newsclean.clean(text) == text
