"""HTML input: block structure, whole-page chrome from the page's structure, safety."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.html import html_to_text, is_whole_page, looks_like_html

ARTICLE = (
    "<p>The regional parliament voted on Wednesday to extend the ban on night flights at "
    "the airport, after months of complaints from residents.</p>"
    "<p>Airlines had warned that the rule would cost jobs, but the minister said the health "
    "of the people living near the runway had to come first.</p>"
)


def page(body: str) -> str:
    return f"<!DOCTYPE html><html><head><title>t</title></head><body>{body}</body></html>"


def test_fragment_keeps_everything_structural() -> None:
    html = f"<header><h1>Title</h1></header>{ARTICLE}<footer>Reporting by A. Writer</footer>"
    out = html_to_text(html)
    assert out.startswith("Title\n\nThe regional parliament")
    assert out.endswith("Reporting by A. Writer")


def test_whole_page_drops_structural_chrome() -> None:
    html = page(
        "<header><a href='/'>Site</a></header><nav><a href='/a'>A</a><a href='/b'>B</a></nav>"
        f"<main>{ARTICLE}</main><aside>Most read</aside><form>Search</form>"
        "<footer>Imprint</footer>"
    )
    out = html_to_text(html)
    assert out.startswith("The regional parliament") and out.endswith("come first.")
    for chrome in ("Site", "Most read", "Search", "Imprint"):
        assert chrome not in out


def test_hidden_elements_dropped() -> None:
    html = page(
        f"{ARTICLE}<div hidden>one</div><div aria-hidden='true'>two</div>"
        "<div style='display: none'>three</div><span style='visibility:hidden'>four</span>"
    )
    out = html_to_text(html)
    assert not any(word in out for word in ("one", "two", "three", "four"))


def test_link_lines_dropped_inline_links_kept() -> None:
    html = page(
        "<ul><li><a href='/1'>Other story one</a></li><li><a href='/2'>Other two</a></li></ul>"
        "<p>The minister <a href='/m'>said</a> the ban would stay in place.</p>"
    )
    assert html_to_text(html) == "The minister said the ban would stay in place."


def test_chrome_named_wrapper_holding_the_article_is_kept() -> None:
    html = page(f"<form id='aspnetForm'><div class='layout has-sidebar'>{ARTICLE}</div></form>")
    out = html_to_text(html)
    assert "regional parliament" in out and "come first." in out


def test_chrome_class_names_dropped() -> None:
    html = page(f"{ARTICLE}<div class='social-share'>Share on Facebook</div>")
    assert "Facebook" not in html_to_text(html)


def test_deep_nesting_keeps_text() -> None:
    depth = 20000
    html = "<html><body>" + "<div>" * depth + "deep text" + "</div>" * depth + "<p>after</p>"
    out = html_to_text(html)
    assert "deep text" in out and "after" in out


def test_no_network_or_file_access() -> None:
    html = page(
        "<img src='http://127.0.0.1:9/x.png'><iframe src='file:///etc/passwd'></iframe>"
        "<link rel='stylesheet' href='file:///etc/passwd'>" + ARTICLE
    )
    out = newsclean.clean(html)
    assert "root:" not in out and "regional parliament" in out


def test_detection() -> None:
    assert is_whole_page("<html><body><p>x</p></body></html>")
    assert not is_whole_page("<p>x</p><p>y</p>")
    assert not looks_like_html("a < b and b > c, AT&T")
    assert newsclean.clean("a < b and b > c, AT&T") == "a < b and b > c, AT&T"


PLAIN = [
    "The minister said on Tuesday that the report would be published soon.",
    "Opposition leaders called the delay a scandal and demanded a vote.",
    "The committee meets again next week to discuss the findings in detail.",
]


@pytest.mark.parametrize("sep", ["\n", "\r", "\r\n", "\u2028"])
def test_plain_text_with_a_stray_link_is_not_markup(sep: str) -> None:
    text = sep.join([*PLAIN, "<a href='/x'>Skip to content</a>"])
    assert not looks_like_html(text)
    out = newsclean.clean(text)
    assert all(line in out.split("\n") for line in PLAIN)


def test_markup_outnumbering_prose_is_markup() -> None:
    assert looks_like_html("\n".join(f"<p>{line}</p>" for line in PLAIN))
    assert looks_like_html("<div>\n" + "\n".join(PLAIN) + "\n</div><p>x</p><br>")


def test_pre_keeps_its_lines() -> None:
    assert html_to_text("<pre>line one\n  line two</pre><p>x</p>") == "line one\nline two\n\nx"


def test_clean_of_a_page_runs_the_text_stages() -> None:
    html = page(f"{ARTICLE}<p>Advertisement</p>")
    out = newsclean.clean(html)
    assert "Advertisement" not in out and out.endswith("come first.")


def test_comment_opener_left_by_a_converter_does_not_hide_the_text() -> None:
    # A converter stripped a <script> tag and left its "<!--[CDATA[" behind: the next
    # "-->" closes an ordinary comment near the end, and all between was one comment.
    script = "<!--[CDATA[ */ var params = {'a': '1'}; /* ]]> */</script>"
    html = (
        script
        + "<link rel='x' href='/y'><style>p{margin:0}</style>"
        + ARTICLE * 3
        + "<p>The last paragraph.</p><!-- cached by a plugin -->"
        + "<p>After the comment.</p>"
    )
    out = html_to_text(html)
    assert out.startswith("The regional parliament")
    assert "The last paragraph." in out and out.endswith("After the comment.")
    for residue in ("CDATA", "params", "-->", "cached by", "margin"):
        assert residue not in out


def test_unclosed_comment_holding_the_text_is_opened() -> None:
    html = "<p>Intro.</p><!-- " + ARTICLE * 2
    out = html_to_text(html)
    assert out.startswith("Intro.") and "regional parliament" in out
    assert "<!--" not in out


def test_ordinary_comments_are_still_dropped() -> None:
    remark = "<!-- <p>an old paragraph</p> <div>kept out</div> </div> -->"
    html = "<p>Text.</p>" + remark + ARTICLE * 4
    assert "old paragraph" not in html_to_text(html)
    # a long remark without markup is a remark too
    html = "<p>Text.</p><!-- " + "x " * 5000 + " -->" + ARTICLE
    out = html_to_text(html)
    assert "x x" not in out and "regional parliament" in out


def test_orphan_closer_of_an_opened_comment_is_not_text() -> None:
    html = "<!-- left over " + ARTICLE * 3 + "--><p>Tail.</p>"
    out = html_to_text(html)
    assert "-->" not in out and "left over" in out and out.endswith("Tail.")
