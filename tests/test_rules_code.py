"""Code and markup lines: CSS, scripts, bare tags and address fragments go; prose stays."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.document import Document
from newsclean.rules.code import code, code_reason, link_definition
from newsclean.rules.page import blocks, classify_page
from newsclean.rules.page.classify import article_region

SCRIPT_LINES = [
    ".jWZZew{width:95px;margin-right:32px;}",
    "body {margin:0 auto;padding:0;}",
    "  background-color: #ae4c06; color: #fff; }",
    "(function(i,r){i['GoogleAnalyticsObject']=r;i[r]=i[r]||function(){})(window);",
    "window._taboola = window._taboola || [];",
    "var sc = document.createElement('script'); sc.type = 'text/javascript';",
    "if ( 0 !== selectors.length ) {",
    "});",
    "}",
    "{{/ product_link }}",
    # a script's settings: many strings, few marks between them
    "window.__config = {"
    + ",".join(f'"setting_{n}":"the value of setting {n}"' for n in range(40))
    + "};",
]


MARKUP_LINES = [
    '<span style="height:inherit;">',
    '</span><span style="border:none;background:#f52828;">',
    '<span id="div-gpt-ad-1559306343883-0"></span><span style="width:1px;"></span>',
    "</div>",
    '<img height="1" width="1" style="display:none"',
    '<a href="/news/a-story" data-id="59">',
]


ADDRESS_LINES = [
    "&utm_source=twitter.com&utm_medium=social",
    "witter&utm_medium=Social&utm_campaign=SW)",
    "](https://www.amazon.com/dp/B07ZPC9QD4?ie=UTF8&linkCode=xm2&tag=x-20)",
    "planner?utm_source=businessinsider&utm_medium=cpc&utm_campaig",
]


TEXT_LINES = [
    # semicolons that join clauses, in a sentence
    "You will be visible online in everything from a published blog post; an email "
    "inbox; a webinar; a live video; a podcast; a stage; ",
    "thermal performance; new keyboard; speakers; mics; larger screen.",
    "TL;DR",
    "[사진=JTBC, 이매진아시아]",
    "<The Palace: Jang Noksu>",  # a title in angle brackets, not a tag
    "The minister said <b>no</b> to the plan.",
    "<span>Publicidade</span>",
    "### 10\\. Make a backup plan",
    "to 99% of those do not even require clinical intervention^{[2]}.",
    "* [Outubro (129)](/noticias.php?y=2009&amp;m=10)",  # a link line: not code
    "GIVE A GIFT (https://example.com/gift.jsp?page_id=234059&code=RLS)",
    "https://example.com/photo.jpg",
    "If a < b and c > d, then x = y.",
    'He said "we will win; we = them" and left the room at noon.',
    "",
]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        *((line, "code.script") for line in SCRIPT_LINES),
        *((line, "code.markup") for line in MARKUP_LINES),
        *((line, "code.address") for line in ADDRESS_LINES),
        *((line, None) for line in TEXT_LINES),
    ],
)
def test_code_reason(line: str, reason: str | None) -> None:
    assert code_reason(line) == reason


def test_long_script_line_with_english_strings_is_code() -> None:
    # A consent script whose strings are sentences: still more code than prose.
    line = (
        'var elem=document.createElement("script");elem.async=!0;'
        'window.__cmp("init",{"Display Consent Title":"We value your privacy",'
        '"Display Consent Body":"We and our partners use technology such as cookies on '
        'our site to personalise content and ads, provide social media features, and '
        'analyse our traffic.","Button Text":"I accept"});'
    )
    assert code_reason(line) == "code.script"


def test_rule_merges_runs_and_keeps_prose() -> None:
    text = "\n".join(
        [
            "The council met on Monday; it voted late.",
            "var a = 1;",
            "var b = {x: 2};",
            '<span class="ad">',
            "</span>",
            "It will meet again next week.",
        ]
    )
    doc = Document.from_text(text)
    removals = code(doc)
    assert [(r.reason, r.start, r.end) for r in removals] == [
        ("code.script", 1, 3),
        ("code.markup", 3, 5),
    ]


def test_link_definitions_go_unless_their_address_is_shown() -> None:
    assert link_definition("[3]: https://example.org/a") == "https://example.org/a"
    assert link_definition("[a] b") is None
    text = "\n".join(
        [
            "Read more: [http://example.org/2013/02/a-long-story-name.html#abc][1]",
            "A paragraph with a [link][2] in it.",
            "",
            "[1]: http://example.org/2013/02/a-long-story-name.html#abc",
            "[2]: https://example.org/other",
        ]
    )
    removals = code(Document.from_text(text))
    assert [(r.reason, r.start) for r in removals] == [("code.address", 4)]


def test_clean_removes_code_and_can_be_switched_off() -> None:
    text = "\n".join(
        [
            "The council met on Monday and voted on the budget.",
            "window._queue = window._queue || [];",
            '<span style="display:none">',
            "It will meet again next week.",
        ]
    )
    assert newsclean.clean(text) == (
        "The council met on Monday and voted on the budget.\nIt will meet again next week."
    )
    assert newsclean.clean(text, code=False) == text
    reasons = [r.reason for r in newsclean.explain(text).removals]
    assert reasons == ["code.script", "code.markup"]


PROSE = (
    "The committee said on Tuesday that it would publish the report before the end of "
    "the year, and that the findings were not yet final, according to the chair."
)
MENU = "Home News Politics Business Sport Culture Travel Weather Video Podcasts".split()
FOOTER = ["About us", "Contact", "Careers", "Privacy", "Terms", "Cookies"]
SCRIPT = (
    'window.__cmp("init",{"Title":"We value your privacy and the privacy of the people '
    'who read our site every day","Body":"We and our partners use technology such as '
    'cookies on our site to personalise the content and the ads you see, to provide '
    'social media features and to analyse our traffic, which helps us understand how '
    'you read us and what you read most.","More":"You can change your mind and your '
    'choices at any time by returning to this site and opening the settings page."});'
)


def test_page_stage_counts_code_as_chrome() -> None:
    # A long script full of English strings below the article, before the footer: it
    # holds more words than the article, but it is chrome, not the article.
    script = " ".join([SCRIPT, SCRIPT.replace("day", "week"), SCRIPT.replace("site", "page")])
    article = [PROSE, PROSE.replace("Tuesday", "Monday")]
    lines = [*MENU, "Night flight ban extended", *article, *FOOTER[:3], script, *FOOTER[3:]]
    bs = classify_page(blocks(lines))
    assert bs is not None
    start, end = article_region(bs)
    assert [b.text for b in bs[start:end]] == article
    assert newsclean.clean("\n".join(lines)) == "\n".join(article)
