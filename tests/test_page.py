"""The whole-page stage: detection, each input form, reasons, switches, explain()."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsclean
from newsclean.config import Config
from newsclean.document import Document
from newsclean.rules.page import (
    blocks,
    classify,
    is_menu_entry,
    looks_like_page,
    may_be_page,
    page,
    repeats,
    split_long_lines,
)
from newsclean.rules.page.classify import (
    _list_heading,
    _longest_run,
    _run_on,
    _score,
    article_region,
    bridged,
    measure,
    starts_tag_list,
    title_start,
)
from newsclean.rules.page.split import (
    _closing_sentence,
    _cut_menus,
    _entries,
    _is_page,
    _menu_cut,
    _menu_runs,
    _sentences,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PAIRS = sorted(
    p
    for folder in ("page", "html")
    for p in (FIXTURES / folder).glob("*.txt")
    if not p.name.endswith(".expected.txt")
)

PROSE = [
    "The regional parliament voted on Wednesday to extend the ban on night flights at the "
    "airport, after months of complaints from residents living under the approach path.",
    "Airlines had warned that the rule would cost jobs, but the transport minister said the "
    "health of the people who live near the runway had to come first this time.",
    "The ban will now run from eleven in the evening until six in the morning, one hour "
    "longer than before, and fines for breaking it will double from next year.",
    "A spokesman for the airport said it would study the decision before deciding whether "
    "to appeal, and that the cargo operators were the most affected by the change.",
]
MENU = "Home News Politics Business Sport Culture Travel Weather Video Podcasts".split()
FOOTER = ["About us", "Contact", "Careers", "Privacy", "Terms", "Cookies"]


def whole_page() -> str:
    return "\n".join(["Skip to content", *MENU, "Night flight ban extended", *PROSE, *FOOTER])


@pytest.mark.parametrize("path", PAIRS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture_pairs(path: Path) -> None:
    expected = path.with_name(path.name[: -len(".txt")] + ".expected.txt")
    got = newsclean.clean(path.read_text(encoding="utf-8"))
    assert got.rstrip("\n") == expected.read_text(encoding="utf-8").rstrip("\n")


def test_fixtures_cover_every_input_form() -> None:
    names = {p.name for p in PAIRS}
    for name in ("one_line_per_block", "wrapped_html2text", "markdown", "single_line"):
        assert f"{name}.txt" in names
    assert "full_page.txt" in names


def test_whole_page_keeps_article_and_drops_chrome() -> None:
    out = newsclean.clean(whole_page())
    for paragraph in PROSE:
        assert paragraph in out
    for word in ("Podcasts", "Weather", "Careers", "Cookies"):
        assert word not in out.split("\n")


def test_reasons_say_where_chrome_was() -> None:
    report = newsclean.explain(whole_page())
    reasons = {r.reason for r in report.removals if r.rule == "page"}
    assert reasons == {"page.navigation", "page.footer"}
    nav = next(r for r in report.removals if r.reason == "page.navigation")
    assert nav.start == 0 and "Podcasts" in nav.text
    assert "page" in report.steps


def test_link_list_reason() -> None:
    links = [f"* [{word}](/{word.lower()})" for word in MENU]
    text = "\n".join([*links, "", *PROSE, "", *links[:4]])
    reasons = [r.reason for r in page(Document.from_text(text), Config(page=True))]
    assert reasons and set(reasons) == {"page.link_list"}


def test_article_text_is_not_a_page() -> None:
    article = "\n\n".join(["Night flight ban extended", *PROSE])
    assert newsclean.clean(article) == article
    assert not looks_like_page(classify(blocks(article.split("\n"))))


def test_may_be_page_is_necessary() -> None:
    page_blocks = blocks(whole_page().split("\n"))
    assert may_be_page(page_blocks) and looks_like_page(classify(page_blocks))
    # Ten prose blocks and two headings: too few menu-shaped blocks to be a page.
    article = "\n".join(["Night flight ban extended", *PROSE, "Reactions", *PROSE, *PROSE[:2]])
    bs = blocks(article.split("\n"))
    assert len(bs) >= 11 and not may_be_page(bs)
    assert not looks_like_page(classify(bs))


def test_article_with_a_list_is_not_a_page() -> None:
    items = [f"- {name}" for name in ("Berlin", "Hamburg", "Munich", "Cologne", "Frankfurt")]
    article = "\n".join([PROSE[0], "The ban applies at these airports:", *items, *PROSE[1:]])
    assert newsclean.clean(article) == article


def test_switches() -> None:
    text = whole_page()
    assert "Podcasts" in newsclean.clean(text, page=False)
    assert "Podcasts" not in newsclean.clean(text, page=True)
    # Forcing it on works without the head-and-footer evidence auto mode asks for.
    short = "\n".join([*MENU, *PROSE])
    assert "Podcasts" in newsclean.clean(short)
    assert "Podcasts" not in newsclean.clean(short, page=True)


def test_wrapped_paragraphs_are_one_block() -> None:
    lines = [
        "The regional parliament voted on Wednesday to extend the ban on night flights",
        "at the airport, after months of complaints from residents living under the",
        "approach path, and the airlines said they would study the decision carefully.",
        "",
    ] * 3
    bs = blocks(lines)
    assert [(b.start, b.end) for b in bs] == [(0, 3), (4, 7), (8, 11)]


def test_single_line_page_is_split_and_cleaned() -> None:
    more = [p.replace("the", "this") for p in PROSE]  # a page line is long (> 1000 chars)
    footer = "About Contact Careers Advertise Privacy Terms Cookies Sitemap Archive Help"
    one = " ".join([*MENU * 3, "Night flight ban extended", *PROSE, *more, footer])
    assert len(one) > 1000
    out = newsclean.clean(one)
    assert "Podcasts" not in out and "Careers" not in out
    for paragraph in PROSE[1:]:
        assert paragraph in out


def test_single_line_article_untouched() -> None:
    one = " ".join(PROSE * 3)
    assert split_long_lines(one) == one
    assert newsclean.clean(one) == one


def test_page_stage_is_idempotent_on_pages() -> None:
    once = newsclean.clean(whole_page())
    assert newsclean.clean(once) == once


def test_no_prose_means_no_removal() -> None:
    text = "\n".join(MENU * 3)
    assert page(Document.from_text(text), Config(page=True)) == []


def test_an_article_that_is_a_list_is_not_a_page() -> None:
    # A calendar of twelve short lines reads like a menu before the one paragraph of
    # prose (a comment notice); the list holds more words than that "article".
    text = (FIXTURES / "page" / "article_that_is_a_table.txt").read_text("utf-8")
    doc = Document.from_text(newsclean.clean(text, page=False))
    bs = classify(blocks(doc.lines))
    assert not looks_like_page(bs)
    assert "12a etapa: 9 de dezembro – Interlagos" in newsclean.clean(text)


def test_first_characters_of_the_markdown_shapes() -> None:
    # The blocks skip each pattern on lines that do not start with one of its characters.
    from newsclean import resources as res

    shapes = [
        (res.MD_HEADING.match, res.MD_HEADING_FIRST),
        (res.MD_RULE.fullmatch, res.MD_RULE_FIRST),
        (res.LIST_MARKER.match, res.LIST_MARKER_FIRST),
        (res.TABLE_ROW.fullmatch, res.TABLE_ROW_FIRST),
    ]
    tails = ["", " x", "--", "- -", "**", "1. x", ". x", ") x", "2) x", "| x |", "|"]
    for code in range(0x20, 0x3000):
        first = chr(code)
        if first.isspace():
            continue
        for match, allowed in shapes:
            digit = allowed is res.LIST_MARKER_FIRST and first.isdigit()
            for tail in tails:
                if match(first + tail):
                    assert first in allowed or digit, (first, tail)


HEADLINES = [
    "Airport operator reports record passenger numbers for October",
    "Rail strike called off after late-night talks with the unions",
    "New cycle lanes open along the river despite protests from drivers",
]


def test_list_introduced_by_the_article_is_kept() -> None:
    # The article's last paragraph introduces a list: its items stay with the article.
    intro = "The ban applies to flights at these airports from next year:"
    items = [
        "Berlin Brandenburg airport, from 11 pm",
        "Hamburg airport in Fuhlsbuettel, from 10 pm",
    ]
    text = "\n".join(["Skip to content", *MENU, *PROSE, intro, *items, *FOOTER])
    out = newsclean.clean(text)
    assert intro in out and all(item in out for item in items)
    assert "Careers" not in out


TOUR = [
    "June 9 - Coral Sky Amphitheatre, West Palm Beach, FL",
    "June 10 - Credit Union Amphitheatre, Tampa, FL",
    "June 17 - Bridgestone Arena, Nashville, TN",
    "Sept. 2 - USANA Amphitheatre, Salt Lake City, UT",
]


def test_dated_list_after_the_article_is_kept() -> None:
    # Tour dates under the story, with a title line and no colon to introduce them.
    text = "\n".join(["Skip to content", *MENU, *PROSE, "The Tour Dates", *TOUR, *FOOTER])
    out = newsclean.clean(text)
    assert "The Tour Dates" in out and all(item in out for item in TOUR)
    assert "Careers" not in out
    # Too few dated lines are not a list of the article's own.
    text = "\n".join(["Skip to content", *MENU, *PROSE, *TOUR[:3], *FOOTER])
    assert not any(item in newsclean.clean(text) for item in TOUR)


def test_dated_links_and_stamps_after_the_article_go() -> None:
    # Teasers of other stories are links, or carry their date as a stamp of its own.
    links = [f"[{item}](/news/{i})" for i, item in enumerate(TOUR)]
    text = "\n".join(["Skip to content", *MENU, *PROSE, *links, *FOOTER])
    assert not any(item in newsclean.clean(text) for item in TOUR)
    stamps = ["Nov 18, 2019 at 6:34 am", "Nov 17, 2019 at 9:02 pm", "Nov 17, 2019 at 8:15 am"]
    teasers = [line for pair in zip(stamps, HEADLINES, strict=True) for line in pair]
    text = "\n".join(["Skip to content", *MENU, *PROSE, *teasers, *FOOTER])
    out = newsclean.clean(text)
    assert PROSE[-1] in out and not any(h in out for h in HEADLINES)


def test_an_address_the_article_cites_is_kept() -> None:
    # A source written out between the article's paragraphs is part of its text.
    source = "https://www.example.org/2019/11/report-on-night-flights.html"
    body = [*PROSE[:2], source, *PROSE[2:]]
    out = newsclean.clean("\n".join(["Skip to content", *MENU, *body, *FOOTER]))
    assert source in out and "Careers" not in out
    # An image's address is not text; nor is an address after the article.
    image = "https://www.example.org/images/runway.jpg"
    out = newsclean.clean(
        "\n".join(["Skip to content", *MENU, *PROSE[:2], image, *PROSE[2:], source, *FOOTER])
    )
    assert image not in out and source not in out


def test_an_address_on_a_page_that_writes_link_addresses_goes() -> None:
    # A converter that writes "Label (https://...)" writes a linked image as its
    # address alone: the address is not the article's text.
    menu = [f"{entry} (https://www.example.org/{entry.lower()})" for entry in MENU]
    link = "https://www.example.org/2019/11/other-story.html"
    body = [*PROSE[:2], link, *PROSE[2:]]
    out = newsclean.clean("\n".join(["Skip to content", *menu, *body, *FOOTER]))
    assert PROSE[2] in out and link not in out


def test_asides_in_parentheses_after_the_article_are_kept() -> None:
    # Notes the article adds after its last paragraph, as text or as markdown.
    asides = ["(Graphic: Night flights in 2019 - here)", "(Graphic: Fines since 2010 - here)"]
    marked = [a.replace("here)", "[here](https://example.org/g/1) )") for a in asides]
    for notes in (asides, marked):
        out = newsclean.clean("\n".join(["Skip to content", *MENU, *PROSE, *notes, *FOOTER]))
        assert all(note.split(" - ")[0] in out for note in notes)
        assert "Careers" not in out
    # An address in parentheses is a link's, not a note.
    link = "(/news/2019/11/night-flights-ban)"
    out = newsclean.clean("\n".join(["Skip to content", *MENU, *PROSE, link, *FOOTER]))
    assert PROSE[-1] in out and link not in out


def test_a_post_quoted_inside_the_article_is_kept() -> None:
    # An embedded post: a markdown quotation whose author, handle and date are links.
    post = [
        "> Night flights end at eleven from next year, and the fines [double](https://x.com/a).",
        ">",
        "> — Jane Doe (@janedoe) [November 18, 2019](https://x.com/janedoe/status/1)",
    ]
    text = "\n".join(["Skip to content", *MENU, *PROSE[:2], *post, *PROSE[2:], *FOOTER])
    out = newsclean.clean(text)
    assert "Jane Doe" in out and "the fines" in out and "Careers" not in out
    # A link list is no quotation.
    links = [f"* [{h}](https://example.org/{i})" for i, h in enumerate(HEADLINES)]
    text = "\n".join(["Skip to content", *MENU, *PROSE[:2], *links, *PROSE[2:], *FOOTER])
    assert not any(h in newsclean.clean(text) for h in HEADLINES)


def test_introduced_list_goes_on_past_lines_without_words() -> None:
    # A converter wrapped each item's link: "][28]" lines between the items.
    intro = "The ban applies to flights at these airports from next year:"
    items = [
        "1) Berlin Brandenburg airport, from 11 pm [",
        "][28]",
        "2) Hamburg airport in Fuhlsbuettel, from 10 pm [",
        "][29]",
        "3) Munich airport in Erding, from midnight [",
        "][30]",
    ]
    text = "\n".join(["Skip to content", *MENU, *PROSE, intro, *items, *FOOTER])
    out = newsclean.clean(text)
    assert all(item in out for item in items[::2])
    assert "Careers" not in out


def test_a_sentence_with_many_links_does_not_cut_the_article() -> None:
    # A paragraph of running text, half of it link text (a deals roundup): prose for
    # the article region, not chrome between its two halves.
    linked = (
        "The [AirPods with the charging case](https://example.com/a) dropped to an "
        "all-time low at just $139, and the [AirPods with the wireless case]"
        "(https://example.com/b) are down to $164, while the [new AirPods Pro]"
        "(https://example.com/c) are discounted too, and [the Apple Watch]"
        "(https://example.com/d) starts at $169 for the first time this year."
    )
    text = "\n\n".join(
        ["Skip to content", *MENU, PROSE[0], linked, PROSE[1], *FOOTER]
    )
    out = newsclean.clean(text)
    assert PROSE[0] in out and PROSE[1] in out and "all-time low" in out
    assert "Careers" not in out


def test_short_read_more_list_after_the_article_goes() -> None:
    # "Read more:" introduces other articles, not the article's own list.
    text = "\n".join(["Skip to content", *MENU, *PROSE, "Read more:", *HEADLINES, *FOOTER])
    out = newsclean.clean(text)
    assert PROSE[-1] in out
    assert not any(headline in out for headline in HEADLINES)


def test_the_stage_decides_without_repeats() -> None:
    # Teasers copied at the foot of a page are repeats the duplicates rule removes: the
    # stage decides without them (a second clean() finds them gone), and removes them
    # with the footer around them.
    text = (FIXTURES / "page" / "teasers_repeated_at_the_foot.txt").read_text("utf-8")
    lines = text.split("\n")
    gone = repeats(Document.from_text(text), Config(ui_strings=False))
    flagged = [i for i, g in enumerate(gone) if g]
    assert len(flagged) >= 10
    assert all(lines[i] in lines[: flagged[0]] for i in flagged)
    assert not any(repeats(Document.from_text(text), Config(duplicates=False, ui_strings=False)))
    once = newsclean.clean(text)
    assert newsclean.clean(once) == once
    assert once.count("Imran Khan-led govt") == 1


def test_the_stage_decides_without_catalogue_lines() -> None:
    # The line rules remove catalogue lines after the stage: it judges the page without
    # them, as a second clean() will find it.
    text = "\n".join([*MENU[:4], "Advertisement", *MENU[4:], *PROSE, *FOOTER])
    gone = repeats(Document.from_text(text))
    assert [line for line, g in zip(text.split("\n"), gone, strict=True) if g] == [
        "Advertisement",
        "Video",  # a bare "Video" label is a catalogue entry too
    ]
    assert not any(repeats(Document.from_text(text), Config(ui_strings=False)))


def test_sentence_with_links_inside_the_article_stays() -> None:
    # Markdown keeps an article's inline links: a sentence that is partly link text is
    # article; a bare link inside the article is not.
    linked = (
        "The ruling was published on Monday in the [official journal of the "
        "region](https://example.org/journal/2026/11) and takes effect next month."
    )
    links = [f"* [{word}](/{word.lower()})" for word in MENU]
    lines = [*links, "", PROSE[0], "", linked, "", "[Weather](/weather)", "", *PROSE[1:]]
    out = newsclean.clean("\n".join([*lines, "", *links[:4]]))
    assert linked in out and PROSE[0] in out and PROSE[-1] in out
    assert "[Weather](/weather)" not in out
    assert blocks([linked])[0].link_density > 0.2  # more than a link list may hold


def test_rows_of_figures_are_the_articles_table() -> None:
    # Standings rows have a name or two among many figures: not menu entries.
    from newsclean.rules.page.classify import _figures_row, measure

    rows = [
        f"{n} {name} {5040 - 7 * n} {n % 3} {n % 2} {17 - n} {27 - n}"
        for n, name in enumerate(
            ["Kyle Busch", "Martin Truex Jr.", "Kevin Harvick", "Denny Hamlin"], 1
        )
    ]
    dates = ["Guest 16:17 05.11.18", "November 19, 2019 at 8:40 AM", "Top 10 of 2019"]
    bs = blocks([*rows, *dates])
    measure(bs)
    assert [_figures_row(b) for b in bs] == [True] * 4 + [False] * 3
    intro = "The final standings of the championship after all thirty-six races were run:"
    text = "\n".join(["Skip to content", *MENU, PROSE[0], intro, *rows, PROSE[1], *FOOTER])
    out = newsclean.clean(text)
    assert all(row in out for row in rows) and "Careers" not in out


def test_short_lines_of_a_wrapped_text_are_not_joined() -> None:
    # A wrapper moves a word to the next line only when it does not fit: list lines
    # well short of the width (tour dates, one a line) stay blocks of their own. (A line
    # within a word of the width cannot be told from a wrapped one.)
    wrapped = [
        "The regional parliament voted on Wednesday to extend the ban on night flights",
        "at the airport, after months of complaints from residents living under the",
        "approach path, and the airlines said they would study the decision carefully.",
        "",
    ] * 3
    dates = [
        "June 19 -- PNC Music Pavilion, Charlotte, NC",
        "June 24 -- Jiffy Lube Live, Bristow, VA",
        "June 26 -- PPL Center, Allentown, PA",
    ]
    bs = blocks([*wrapped, *dates])
    assert [(b.start, b.end) for b in bs] == [(0, 3), (4, 7), (8, 11), (12, 13), (13, 14), (14, 15)]


def test_wrapped_text_among_many_menu_lines_is_found_wrapped() -> None:
    # Most long lines of this page are teasers well short of the width, yet its
    # paragraphs pile up lines at the width: it is wrapped, and each paragraph is one
    # block (a line of names in it is not cut out as chrome).
    import textwrap

    from newsclean.rules.page.blocks import _wrap_width

    words = (
        "the council said on Tuesday that it would publish its report on the new bridge "
        "before the end of the year and that the findings of the engineers were not final"
    )
    para = textwrap.wrap(" ".join([words] * 4), 80)
    teasers = [f"Another story of the week from the region, number {i}" for i in range(40)]
    lines = [*teasers[:20], "", *para, "", *para, "", *teasers[20:]]
    assert _wrap_width(lines, full=False) == 0  # fewer than half the long lines are full
    assert _wrap_width(lines) == 80
    joined = [(b.start, b.end) for b in blocks(lines) if b.end - b.start > 1]
    assert joined == [(21, 21 + len(para)), (22 + len(para), 22 + 2 * len(para))]
    assert all(b.end - b.start == 1 for b in blocks(lines, full=False))


def test_page_found_wrapped_by_full_lines_only_is_read_line_by_line_if_need_be() -> None:
    # Teasers in capitals, wrapped over two lines, outweigh the article once joined into
    # paragraphs: read wrapped, the text is no page; read line by line (as when its
    # wrapping is not found) it is, and its menus and teasers go.
    import textwrap

    from newsclean.rules.page.blocks import _wrap_width

    names = "Garrett Rudolph Cleveland Browns Pittsburgh Steelers Myles Mason Helmet Swing"
    teasers: list[str] = []
    for i in range(9):
        words = names.split()
        first = " ".join(words[i:] + words[:i])
        teasers += [(first + " Xy" * 10)[:79].rstrip().upper(), "WEEK ELEVEN RECAP", ""]
    article = [line for p in PROSE for line in [*textwrap.wrap(p, 80), ""]]
    links = [f"[Story {i} of the week](https://example.org/n/{i})" for i in range(30)]
    lines = [*MENU, "", *teasers, *article, *links]
    assert _wrap_width(lines) == 79 and _wrap_width(lines, full=False) == 0
    assert not looks_like_page(classify(blocks(lines)))
    assert looks_like_page(classify(blocks(lines, full=False)))
    removals = page(Document.from_text("\n".join(lines)))
    assert [(r.start, r.end) for r in removals] == [(0, 37), (53, 83)]
    out = newsclean.clean("\n".join(lines))
    assert "RECAP" not in out and "Story 3" not in out and PROSE[3][:40] in out


def test_link_definitions_are_one_block_without_text() -> None:
    # A converter's "[n]: address" lines are not a footer of menu entries.
    lines = ["Some text.", "", "[1]: https://example.org/a", "[2]: https://example.org/b/c"]
    bs = blocks(lines)
    assert [(b.start, b.end, b.media) for b in bs] == [(0, 1, False), (2, 4, True)]
    text = (FIXTURES / "page" / "article_with_link_definitions.txt").read_text("utf-8")
    assert not looks_like_page(classify(blocks(text.split("\n"))))


def test_copies_count_for_nothing_in_the_region() -> None:
    # A caption repeated under each photo is a copy: it no longer splits the article.
    from newsclean.rules.page.classify import article_region, mark_repeats

    caption = "2018 Theatre Tradition Series [The Palace] Welcome Festival opening night"
    bs = blocks([caption, "Home", caption, "Home", "Share on Facebook and Twitter today"])
    mark_repeats(bs)
    assert [b.repeat for b in bs] == [False, False, True, False, False]
    lines = ["Skip to content", *MENU, PROSE[0], caption, PROSE[1], caption, PROSE[2]]
    bs = classify(blocks([*lines, caption, PROSE[3], *FOOTER]))
    start, end = article_region(bs)
    assert bs[start].text == PROSE[0] and bs[end - 1].text == PROSE[3]


def test_the_plain_copy_of_link_text_counts() -> None:
    # Teaser links above the article, then the article giving the same sentences in
    # full: the plain copy is the article's own, not a copy to ignore.
    teasers = [f"* [{p}](https://example.org/{i})" for i, p in enumerate(PROSE[:3])]
    lines = ["Skip to content", *MENU, *teasers, "", *PROSE[:3], *FOOTER]
    bs = classify(blocks(lines))
    plain = [b for b in bs if b.text in PROSE[:3] and b.link_chars == 0]
    assert len(plain) == 3 and not any(b.repeat for b in plain)
    out = newsclean.clean("\n".join(lines), page=True)
    assert all(p in out.split("\n") for p in PROSE[:3])


TEASERS = [
    (
        "Council approves new budget for city parks",
        "Spending on playgrounds rises by a third",
        "3H ago",
    ),
    (
        "Storm closes the coastal road for two days",
        "Crews worked through the night on repairs",
        "5H ago",
    ),
    (
        "Local team wins the regional cup final again",
        "A late goal settled it in front of fans",
        "Nov 18",
    ),
    (
        "Museum reopens its doors after the renovation",
        "The new wing shows the town's old maps",
        "Nov 17",
    ),
]


def test_dated_teasers_after_the_article_go() -> None:
    # A list of teasers below the article, each with its date or time: the stamps are
    # chrome, and the article region stops before the list.
    from newsclean.rules.page.classify import article_region

    teasers = [line for teaser in TEASERS for line in teaser]
    lines = ["Skip to content", *MENU, "Night flight ban extended", *PROSE, *teasers, *FOOTER]
    bs = classify(blocks(lines))
    assert sum(b.stamp for b in bs) == 4
    _, end = article_region(bs)
    assert bs[end - 1].text == PROSE[-1]
    report = newsclean.explain("\n".join(lines))
    out = report.text.split("\n")
    assert all(p in out for p in PROSE)
    assert not any(title in out for title, _, _ in TEASERS)
    footer = [r for r in report.removals if r.reason == "page.footer"]
    assert footer and TEASERS[0][0] in footer[0].text


def test_one_or_two_dates_are_the_articles_own() -> None:
    from newsclean.rules.page.classify import _stamp, mark_stamps

    bs = classify(blocks(["Nov 18, 2019", *PROSE, "Updated 10:45", *FOOTER]))
    mark_stamps(bs)
    assert not any(b.stamp for b in bs)
    bs = classify(blocks(["Nov 18, 2019", "3H ago", "content/uploads/2019/11/a.jpg", *PROSE]))
    assert [b.stamp for b in bs[:3]] == [False, False, False]  # two stamps and a path
    # A year alone is no stamp ("Since 1994"), nor a day with a place (a tour date).
    lines = ["Since 1994", "June 9 West Palm Beach", "Sept. 2 Salt Lake City", "1 hour ago"]
    assert not [line for line in lines[:3] if _stamp(*classify(blocks([line])))]
    assert _stamp(*classify(blocks(lines[3:])))


def test_an_agency_copyright_after_the_article_stays() -> None:
    # The notice that signs the article right after its last paragraph is the
    # article's; the site's own notice, after the footer's menus, goes.
    notice = "© 2019 The Associated Press. All rights reserved."
    site = "Copyright © 2019 Example Media Group"
    lines = ["Skip to content", *MENU, "Night flight ban extended", *PROSE, notice, *FOOTER, site]
    out = newsclean.clean("\n".join(lines)).split("\n")
    assert notice in out and site not in out
    assert "Careers" not in out
    # Not right after the article: it goes with the footer.
    lines = ["Skip to content", *MENU, "Night flight ban extended", *PROSE, *FOOTER, notice]
    assert notice not in newsclean.clean("\n".join(lines)).split("\n")
    # An image between the article and the notice does not part them.
    image = "![](https://example.org/photo.jpg)"
    lines = ["Skip to content", *MENU, "Night flight ban extended", *PROSE, image, notice, *FOOTER]
    assert notice in newsclean.clean("\n".join(lines)).split("\n")


def _one_line_page(head: list[str]) -> str:
    more = [p.replace("the", "this") for p in PROSE]  # a page line is long (> 1000 chars)
    footer = "About Contact Careers Advertise Privacy Terms Cookies Sitemap Archive Help"
    return " ".join([*head, *PROSE, *more, footer])


def _assert_cut_to_article(one: str, gone: tuple[str, ...]) -> None:
    """A one-line page is cut, and cleaned to its article: its paragraphs after the
    first (which a title may be glued to) stay, and none of the menu words ``gone``."""
    assert split_long_lines(one) != one
    out = newsclean.clean(one)
    assert not any(word in out for word in gone)
    for paragraph in PROSE[1:]:
        assert paragraph in out


def test_single_line_page_that_opens_with_its_title_is_split() -> None:
    # The title is the first sentence; the menu comes after it.
    one = _one_line_page(["Night flight ban extended at the airport.", *MENU * 3])
    _assert_cut_to_article(one, ("Podcasts", "Careers"))


def test_single_line_without_a_menu_near_its_start_is_not_split() -> None:
    filler = [p.replace("the", "a") for p in PROSE]  # the menu only after four sentences
    one = _one_line_page([*filler, *MENU * 3])
    assert split_long_lines(one) == one


def test_sentence_glued_to_the_end_of_a_menu_run_stays() -> None:
    lead = "Night flights banned longer starting next year, says regional parliament."
    menu = "World Politics Sport Culture Travel Weather Video Podcasts Science Health".split()
    one = _one_line_page([*menu * 3, lead])
    lines = split_long_lines(one).splitlines()
    assert lead in lines and "Podcasts" not in lines[lines.index(lead)]


def test_a_rule_of_underscores_ends_a_sentence() -> None:
    one = _one_line_page([*MENU * 3]).replace(PROSE[-1], PROSE[-1] + " ___ Reach the desk")
    lines = split_long_lines(one).splitlines()
    assert PROSE[-1] in lines


def test_long_sentence_with_an_image_credit_inside_the_article_stays() -> None:
    # The credit of a photo, glued to the paragraph under it.
    credited = "Image copyright Getty Images " + PROSE[2]
    more = [p.replace("the", "this") for p in PROSE]
    lines = ["Skip to content", *MENU, "Night flight ban extended", *PROSE[:2], credited,
             PROSE[3], *more, *FOOTER]
    bs = classify(blocks(lines))
    assert next(b for b in bs if b.text == credited).cls == "good"
    notice = "Copyright 2019 The Daily News."  # a short notice inside the article goes
    lines.insert(lines.index(PROSE[3]), notice)
    bs = classify(blocks(lines))
    assert next(b for b in bs if b.text == notice).cls == "bad"


# Menus in title case, shortened from real one-line pages: entries glued together with
# "of", "the", "a" between their words.
TITLE_MENU = (
    "Giving Effectively Your Donation Can Change a Life Quick Start Guide How We Work "
    "for You Who We Are and Why Top Charities in Africa Our Mistakes and Lessons About Us"
)
TITLE_FOOTER = (
    "Footer menu About Us Advertise With Us Become a Subscriber Our Team Solve a "
    "Technical Question Complaints and Corrections Terms of Use"
)


def test_menu_run_in_title_case_is_cut() -> None:
    words = TITLE_FOOTER.split()
    assert _menu_runs(words) == [(0, len(words))]
    # A name or two in a sentence is no menu.
    prose = "President Donald Trump and First Lady Melania Trump visited the White House"
    assert _menu_runs(prose.split()) == []


def test_menu_run_ends_where_the_sentence_glued_to_it_starts() -> None:
    words = (
        "Israel News Opinion Middle East Diaspora Health & Science Business & Tech "
        "Premium Green Israel BREAKING NEWS The son of a former president was stabbed"
    ).split()
    ((start, end),) = _menu_runs(words)
    assert start == 0 and words[end:end + 3] == ["The", "son", "of"]


def test_list_with_commas_between_its_items_is_no_menu() -> None:
    tour = (
        "The Tour Dates June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre June 10 – "
        "Tampa, FL @ Credit Union Amphitheatre June 14 – Alpharetta, GA @ Ameris Bank "
        "Amphitheatre June 17 – Nashville, TN @ Bridgestone Arena June 19 – Charlotte, NC"
    )
    assert _menu_runs(tour.split()) == []


def test_row_of_a_table_is_no_menu() -> None:
    row = "Kevin Harvick 5033 4 6 15 26 4 Denny Hamlin 5027 6 3 19 24 5 Joey Logano 2"
    assert _menu_runs(row.split()) == []
    # Nor is it a block of few stop words (a menu run that lost its line breaks).
    rows = " ".join([row] * 4) + "."
    one = _one_line_page([*MENU * 3, "These are the standings after the last race.", rows])
    lines = split_long_lines(one).splitlines()
    assert "Podcasts" in lines[3] and rows in lines


def test_single_line_page_with_menus_in_title_case_is_split() -> None:
    one = _one_line_page(["Night flight ban extended at the airport -", TITLE_MENU])
    one = one.replace("About Contact Careers", TITLE_FOOTER + " About Contact Careers")
    _assert_cut_to_article(one, ("Quick Start Guide", "Subscriber"))


def test_copyright_mark_after_a_sentence_starts_a_new_one() -> None:
    line = "It was the first time in years. © Martin Taylor Detainees wait at the gate."
    assert _sentences(line) == [
        "It was the first time in years.",
        "© Martin Taylor Detainees wait at the gate.",
    ]


def test_single_line_page_with_a_footer_of_separated_entries_is_split() -> None:
    more = [p.replace("the", "this") for p in PROSE]
    footer = "About us | Stats | Advertise with us | Terms of service | Privacy policy"
    one = " ".join(["Night flight ban extended -", TITLE_MENU, *PROSE, *more, footer])
    _assert_cut_to_article(one, ("Advertise with us", "Quick Start Guide"))


def test_sentence_that_a_comma_or_an_abbreviation_ends_is_no_menu_entry() -> None:
    # A run in title case ends at a comma: the sentence after it starts at the
    # capitalised word before its last lower-case one.
    words = (
        "Scissor Keyboard Expected in First Half of 2020 Monday 7:45 am PST by Joe "
        "Rossignol Following the 16-inch MacBook Pro, Apple plans to release it"
    ).split()
    ((start, end),) = _menu_runs(words)
    assert start == 0 and words[end] == "Following"
    words = (
        "Home News Sport Weather Video Travel Culture Science Image via Getty Images "
        "Claim Former U.S. ambassador to Ukraine has a net worth of $17 million."
    ).split()
    ((start, end),) = _menu_runs(words)
    assert start == 0 and words[end] == "Image"


def test_block_of_few_stop_words_ending_with_a_sentence_keeps_the_sentence() -> None:
    menu = (
        "Mac Pro macOS Catalina iPadOS AirPods HomePod iPad Air iPad mini iPod touch Mac "
        "mini MacBook Air Apple TV Apple Watch iMac iPad iPhone XS MacBook Pro tvOS "
        "watchOS Apple Stores iMac Pro iPad Pro Apple Deals CarPlay "
    )
    text = (
        menu * 2 + "All > 16-Inch MacBook "
        "Pro: Magic Keyboard, Physical Esc Key, Up to 64GB of RAM, and More First "
        "Impressions Scissor Keyboard Expected in First Half of 2020 Monday 7:45 am PST "
        "by Joe Rossignol Following the 16-inch MacBook Pro, Apple plans to release a "
        "new 13-inch MacBook Pro with a scissor switch keyboard in the first half of 2020."
    )
    bs = blocks([text])
    assert measure(bs) is not None and bs[0].stop_density < 0.2
    words = text.split()
    # Where the sentence starts is not found: the first reading takes the whole block
    # for a menu, the title-case reading only its runs.
    assert _menu_cut(bs[0], words, True, False) == [(0, len(words))]
    spans = _menu_cut(bs[0], words, True, True)
    assert spans and spans[-1][1] <= words.index("Following")


def test_single_line_page_whose_menu_comes_after_a_cookie_notice_is_split() -> None:
    # The menu does not open the page: a notice of a few sentences comes first.
    cookies = (
        "Skip to main content We use cookies and other tracking technologies to improve "
        "your browsing experience on our site, show personalized content and targeted "
        "ads, and understand where our audience is coming from. To find out more or to "
        "opt-out, please read our Cookie Policy. In addition, please read our Privacy "
        "Policy, which has also been updated. By choosing I Accept, you consent to our "
        "use of cookies and other tracking technologies."
    )
    head = ["Night flight ban extended - The Riverside Post", cookies, *[TITLE_MENU] * 3]
    one = _one_line_page(head)
    _assert_cut_to_article(one, ("Quick Start Guide", "Careers"))


COOKIES = [
    "This website uses cookies to improve your experience while you navigate through the "
    "website. Out of these, the cookies that are categorized as necessary are stored on your "
    "browser as they are essential for the working of basic functionalities of the website.",
    "Necessary cookies are absolutely essential for the website to function properly. This "
    "category only includes cookies that ensure basic functionalities and security features.",
]
SITE_FOOTER = ["Terms and conditions", "Privacy Policy", "Sitemap", "Advertise", "Contact us"]
SITE_NOTICE = "Copyright © Example Media Group Ltd, Media Centre, Harbour Road, Exampleton"


def test_a_legal_text_past_the_footer_does_not_hide_the_page() -> None:
    # The cookie notice after the footer's menu and copyright reads as prose: the
    # article region runs to the end of the page, which then seems to have no footer.
    # Read up to the footer, it is a page, and the notice goes with the footer.
    from newsclean.rules.page.classify import page_region

    lines = ["Skip to content", *MENU, "Night flight ban extended", *PROSE, *SITE_FOOTER,
             SITE_NOTICE, "Privacy Overview", *COOKIES]
    bs = classify(blocks(lines))
    region = page_region(bs)
    assert region is not None and bs[region[1] - 1].text == PROSE[-1]
    assert page_region(bs, past_footer=False) is None
    out = newsclean.clean("\n".join(lines)).split("\n")
    assert all(p in out for p in PROSE)
    assert not any(c in out for c in COOKIES) and SITE_NOTICE not in out


def test_short_lines_inside_the_article_are_no_footer() -> None:
    # A list of one-word items inside the article, with no copyright notice after it,
    # is not the site's footer: a text without a footer is still no page.
    items = ["cabbage", "courgette", "peas", "tomatoes", "onions"]
    lines = ["Skip to content", *MENU, "Night flight ban extended", *PROSE[:2], *items,
             *PROSE[2:], *COOKIES]
    out = newsclean.clean("\n".join(lines)).split("\n")
    assert all(p in out for p in PROSE) and all(i in out for i in items)


def test_a_line_of_facts_right_above_the_article_stays() -> None:
    # A review's facts line (no sentence, a few words) opens the article.
    facts = "Tested by: Jane Smith Price: £23.99 More info:"
    lines = ["Skip to content", *MENU, "Night flight ban extended", facts, *PROSE, *FOOTER]
    out = newsclean.clean("\n".join(lines)).split("\n")
    assert facts in out and all(p in out for p in PROSE)
    assert "Careers" not in out and "Podcasts" not in out


def test_a_copyright_notice_alone_is_the_footer_before_a_legal_text() -> None:
    # No menu run at the foot of the page: its copyright notice, with a legal text
    # after it that reads as prose, is the footer the page needs.
    notice = "© 2019 Example Media. All rights reserved (About Us)."
    legal = [
        "The material on this site may not be reproduced, distributed, transmitted, cached "
        "or otherwise used, except with the prior written permission of Example Media.",
        "Community rules apply to all content you upload or otherwise submit to this site.",
    ]
    menu = [*MENU, *(f"{entry} Extra" for entry in MENU)]  # a long head menu
    lines = ["Skip to content", *menu, "Night flight ban extended", *PROSE, "View Comments",
             "Disclaimer", notice, *legal, "Ad Choices"]
    out = newsclean.clean("\n".join(lines)).split("\n")
    assert all(p in out for p in PROSE)
    assert notice not in out and not any(x in out for x in legal)
    assert "Podcasts" not in out and "Podcasts Extra" not in out
    # A credit inside the article is no footer: the article after it stays.
    credit = "Photo © 2019 Jane Smith"
    lines = ["Skip to content", *menu, "Night flight ban extended", PROSE[0], credit,
             *PROSE[1:], *legal]
    out = newsclean.clean("\n".join(lines)).split("\n")
    assert all(p in out for p in PROSE)


COMMENTS = [
    "The council should have done this years ago, the noise at night has been unbearable "
    "for everyone who lives near the runway and nobody listened to us until now.",
    "Cargo flights will simply move to another airport and take the jobs with them, as they "
    "did ten years ago when the same thing was tried for a few months.",
    "I live under the approach path and I can tell you the first flight at six is already "
    "early enough. Good decision, and about time too.",
    "What about the fines? Doubling them means nothing if nobody is ever fined in the first "
    "place, which has been the case so far as far as I know.",
]


def test_a_comment_section_after_the_article_goes() -> None:
    # Each comment has its dated stamp: from the first of them the region is a list of
    # dated items, however much prose the comments hold.
    comments: list[str] = []
    for n, comment in enumerate(COMMENTS):
        comments += [f"reader{n} says:", f"November 19, 2019 at 10:{10 + n} am", comment]
    article = [" ".join(PROSE[:2]), *PROSE[2:]]  # its first paragraph is long
    lines = ["Skip to content", *MENU, "Night flight ban extended", *article, *comments, *FOOTER]
    out = newsclean.clean("\n".join(lines)).split("\n")
    assert all(p in out for p in article)
    assert not any(c in out for c in COMMENTS)
    assert "November 19, 2019 at 10:10 am" not in out


def test_a_live_report_with_times_alone_keeps_its_entries() -> None:
    # A report's entries carry their times, not dates: no list of other items.
    entries: list[str] = []
    for n, prose in enumerate(PROSE):
        entries += [f"{n + 1}:40 p.m.", prose + " " + prose]
    lines = ["Skip to content", *MENU, "Night flight ban extended", *entries, *FOOTER]
    out = newsclean.clean("\n".join(lines)).split("\n")
    assert all(p + " " + p in out for p in PROSE)


def test_a_comment_head_with_name_date_and_time_is_a_stamp() -> None:
    # "NAME on DATE at TIME said:" is too long for a stamp of a date alone; with a
    # date and a time it is the head of a comment, and the comments after the article
    # go as a list of dated items.
    from newsclean.rules.page.classify import _stamp

    heads = [f"Reader Number{n} on September {12 + n}, 2018 at 4:4{n} pm said:" for n in range(4)]
    assert all(_stamp(*classify(blocks([head]))) for head in heads)
    # A sentence, or a line with a date but no time, is no such head.
    assert not _stamp(*classify(blocks(["The vote on September 12, 2018 at 4:47 pm was close."])))
    assert not _stamp(*classify(blocks(["Reader Number1 wrote this on September 12, 2018"])))
    comments: list[str] = []
    for head, comment in zip(heads, COMMENTS, strict=True):
        comments += [head, comment]
    article = [" ".join(PROSE[:2]), *PROSE[2:]]
    lines = ["Skip to content", *MENU, "Night flight ban extended", *article, *comments, *FOOTER]
    out = newsclean.clean("\n".join(lines)).split("\n")
    assert all(p in out for p in article)
    assert not any(c in out for c in COMMENTS)


LONG_REPLIES = [
    "We have limited data on this question; the only information we have is from the 2015 "
    "randomized controlled trial, which looked at the drivers of the buses in the study.",
    "There is no significant difference in reports of reckless driving or passenger "
    "complaints between the treatment and the control vehicles of that trial.",
    "However, the average moving speed was slower for the treatment vehicles than for the "
    "control vehicles, by about one kilometre an hour on average over the whole period.",
    "Reductions in average speed at levels similar to that are small enough that we do not "
    "model the disutility of a slower journey for the passengers in our estimates.",
    "That said, the study raises the question of the mechanism by which accidents are "
    "reduced if speeds do not change, and it is one of our key uncertainties.",
    "On balance, our best guess is that the benefits of giving now are likely to outweigh "
    "the benefits of giving later, although we have a high degree of uncertainty here.",
]


def test_a_thread_of_signed_comments_with_long_replies_after_a_short_article_goes() -> None:
    # Shortened from a real page: a post of two lines, then a thread whose heads are
    # signed stamps ("NAME on DATE at TIME said:") and whose replies run to a thousand
    # characters each, too long for a list of short dated items.
    heads = [f"Reader Number{n} on September {12 + n}, 2018 at 4:4{n} pm said:" for n in range(4)]
    comments: list[str] = []
    for n, head in enumerate(heads):
        comments += [head, *(f"{reply} ({n + 1}.{k + 1})" for k, reply in enumerate(LONG_REPLIES))]
    assert sum(map(len, comments)) > 800 * len(heads)
    article = [" ".join(PROSE[:2]), PROSE[2]]
    lines = ["Skip to content", *MENU, "Night flight ban extended", *article, *comments, *FOOTER]
    out = newsclean.clean("\n".join(lines)).split("\n")
    assert all(p in out for p in article)
    assert not any(reply in line for line in out for reply in LONG_REPLIES)
    # Stamps of a date and a time alone (a list of posts' times) are no signed heads.
    bare = [f"September {12 + n}, 2018 at 4:4{n} pm" for n in range(4)]
    posts: list[str] = []
    for n, stamp in enumerate(bare):
        posts += [stamp, *(f"{reply} ({n + 1}.{k + 1})" for k, reply in enumerate(LONG_REPLIES))]
    lines = ["Skip to content", *MENU, "Night flight ban extended", *article, *posts, *FOOTER]
    out = newsclean.clean("\n".join(lines)).split("\n")
    assert f"{LONG_REPLIES[0]} (4.1)" in out


def test_a_notice_after_an_articles_short_lines_makes_no_page() -> None:
    # An extractor's output: a meal plan's short lines and numbered headings, then the
    # site's legal text with its notice. Eight short lines are no site's menu: a
    # notice alone makes a page only after a longer one.
    plan = [
        "Pre-Workout Meal", "Eat 60–90 minutes before your workout",
        "Asparagus and eggs with half a cup of sweet potato, one teaspoon of olive oil, and "
        "a pinch of sea salt, cooked together until the eggs are set.",
        "Post-Workout Meal", "Eat 1–2 hours after your workout",
        "Chicken zoodles with a cup of zucchini noodles, four ounces of cooked chicken, and "
        "a tablespoon of the sesame dressing, tossed and served warm.",
    ]
    for n in range(1, 4):
        plan += [f"Meal {n}", "Eat every 2–3 hours", "Portion Fix Containers: 1 Green, 1 Red"]
    legal = [
        "The information provided on this website (including the blogs, community pages, "
        "program materials and all other content) was originally intended for a US audience.",
        "Consult your physician and follow all safety instructions before beginning any "
        "exercise program or using any supplement or meal replacement product, especially if "
        "you have any unique medical conditions or needs.",
        "Results vary depending on starting point, goals and effort. Exercise and proper diet "
        "are necessary to achieve and maintain weight loss and muscle definition, and the "
        "testimonials featured may have used more than one product to achieve their results.",
    ]
    notice = "© 2019 Example Fitness, LLC. All rights reserved."
    marks = "All product names mentioned on these pages are the property of their owners."
    text = "\n".join([*plan, "Nutrition Join our newsletter", *legal, notice, marks])
    assert not any(r.rule == "page" for r in newsclean.explain(text).removals)


def test_rows_of_menu_entries_between_bars_are_a_footer() -> None:
    # The footer's menu on a few lines, its entries between separator bars.
    rows = ["About us | Contact | Careers", "Privacy policy • Terms of use • Cookies",
            "Sitemap | Archive | Help | RSS"]
    lines = ["Skip to content", *MENU, "Night flight ban extended", *PROSE, *rows]
    out = newsclean.clean("\n".join(lines)).split("\n")
    assert all(p in out for p in PROSE)
    assert not any(r in out for r in rows) and "Podcasts" not in out
    # A sentence with a bar in it, or a row of long entries, is no menu row.
    from newsclean.rules.page.classify import is_menu_entry

    (sentence,) = classify(blocks(["The vote was close | the minister said so."]))
    (long_row,) = classify(blocks(["The vote on the night ban | Airlines warn of lost jobs"]))
    assert not is_menu_entry(sentence) and not is_menu_entry(long_row)


PRODUCTS = {
    "Quiet Fan 200": [
        "Runs at a whisper on its lowest setting",
        "Three speeds and a timer for the night",
        "Tilts up and down to reach the whole room",
        "Cleans with a damp cloth in a minute",
    ],
    "Quiet Fan 300": [
        "Moves twice the air of the smaller model",
        "A remote control that fits in your pocket",
        "Folds flat to store away for the winter",
        "Comes with a two year warranty from the maker",
    ],
    "Quiet Fan 400": [
        "Stands as tall as a kitchen table when set up",
        "Turns from side to side to cool the whole room",
        "Shows the temperature of the room on its screen",
        "Switches itself off when it tips over",
    ],
}


def _cards(linked_items: bool) -> list[str]:
    lines: list[str] = []
    for name, features in PRODUCTS.items():
        lines.append(f"## {name}")
        for n, feature in enumerate(features):
            lines.append(f"* [{feature}](/item/{n})" if linked_items else f"* {feature}")
        shop = f"https://shop.example.com/{name.replace(' ', '-')}"
        title = f"{name} Tower Fan with Remote Control, Timer and Three Speeds (White)"
        lines += [
            f"[{title}]({shop})",
            f"[$49.99]({shop})",
            f"[Available from the shop]({shop})",
            f"[Buy Now]({shop})",
        ]
    return lines


def _product_page(linked_items: bool) -> str:
    links = [f"* [{word}](/{word.lower()})" for word in MENU]
    tail = [f"* [{word}](/{word.lower()})" for word in FOOTER]
    return "\n".join(
        [
            *links,
            "# Night flight ban extended",
            " ".join(PROSE[:2]),
            *_cards(linked_items),
            " ".join(PROSE[2:]),
            *tail,
        ]
    )


def test_lists_of_plain_items_between_the_articles_paragraphs_stay() -> None:
    # Product cards (a heading, its features, the shop's links) split the article: the
    # features are plain list items, more of them than link text, and a paragraph of
    # the article follows: the region goes on over them.
    out = newsclean.clean(_product_page(linked_items=False))
    for features in PRODUCTS.values():
        assert all(f"* {feature}" in out for feature in features)
    assert " ".join(PROSE[2:]) in out
    assert "[Buy Now]" not in out  # link text inside the article still goes


def test_linked_items_between_the_articles_paragraphs_are_no_bridge() -> None:
    # The same cards whose items are links: teasers, not the article's lists.
    out = newsclean.clean(_product_page(linked_items=True))
    assert "Runs at a whisper on its lowest setting" not in out
    assert " ".join(PROSE[:2]) in out


def test_no_bridge_on_a_page_without_link_text() -> None:
    # A converter that drops the links leaves teasers and the article's lists alike:
    # the same blocks with no link text written are not carried over.
    bs = blocks(Document.from_text(_product_page(linked_items=False)).lines)
    classify(bs)
    end = article_region(bs)[1]
    assert bridged(bs, end) > end
    for b in bs:
        b.link_chars = 0
    assert bridged(bs, end) == end


def test_inline_html_tags_are_not_text() -> None:
    # A converter that leaves inline markup in its markdown (``<span style=...>``):
    # the tags are neither words nor length, so a paragraph with one is still prose
    # and a menu entry wrapped in one is still a menu entry.
    line = '<span style="color: #8a2be2;">' + PROSE[0] + "</span>"
    (b,) = blocks([line])
    assert b.text == PROSE[0]
    (entry,) = blocks(['<span id="menu-item-937"></span>- [News](/news)'])
    assert "<span" not in entry.text and is_menu_entry(entry)
    menu = [f'<span id="menu-item-{n}"></span>- [{w}](/{w.lower()})' for n, w in enumerate(MENU)]
    text = "\n".join([*menu, "Night flight ban extended", *PROSE[:2], line, *PROSE[2:], *FOOTER])
    out = newsclean.clean(text)
    assert line in out.split("\n")
    assert "Podcasts" not in out
    (image,) = blocks(['[<img src="/logo.png" alt="Logo" width="400">](/) ' + PROSE[1]])
    assert image.text == PROSE[1] and image.link_chars == 0


def test_a_sentence_with_inline_links_counts_for_the_region_as_prose_does() -> None:
    # Past the share a block may be link text and still read as text, a sentence
    # with its links counts for the region as a sentence poor in stop words does, at a
    # share of its length (it used to weigh as chrome, cutting an article whose lead
    # names people and places as links).
    line = (
        "The [regional parliament](/parliament) voted on Wednesday to extend the ban on "
        "[night flights](/flights) at the airport, after months of complaints from residents."
    )
    bs = blocks([line])
    measure(bs)
    (b,) = bs
    b.cf_class = "bad"
    assert 0.2 < b.link_density <= 0.6
    assert 0.0 < _score(b) < b.length


ONE_LINE_FOOTER = "About Contact Careers Advertise Privacy Terms Cookies Sitemap Archive Help"


def test_one_line_page_whose_footer_a_legal_text_hides_is_split() -> None:
    # Cut into sentences, the page is found only when read up to its footer (the
    # cookie notice after it reads as prose): it is split as the page stage reads it.
    from newsclean.rules.page.classify import classify_page

    more = [p.replace("the", "this") for p in PROSE]
    one = " ".join(["Night flight ban extended -", TITLE_MENU, *PROSE, *more, ONE_LINE_FOOTER,
                    SITE_NOTICE + ".", "Privacy Overview", *COOKIES])
    cut = split_long_lines(one)
    assert cut != one
    assert classify_page(blocks(cut.split("\n")), past_footer=False) is None
    out = newsclean.clean(one)
    assert all(p in out for p in PROSE) and "Quick Start" not in out
    assert not any(c[:40] in out for c in COOKIES)


def test_one_line_page_read_up_to_its_footer_keeps_the_prose_before_its_region() -> None:
    # A product list without marks reads as menu runs and cuts the article off from its
    # first paragraphs: read up to the footer, the region after the list would be taken
    # for the article. Prose before it makes that reading no page.
    specs = " ".join([
        "Apple Watch Series 3 GPS Optical heart sensor Digital Crown S3 dual-core processor",
        "Accelerometer gyroscope Swimproof watchOS Aluminum case White Sport Band $169.99",
        "Amazon Deal Buy Now Apple AirPods Pro Active noise cancellation Immersive sound",
        "Transparency mode Sweat resistant Adaptive EQ $234.98 Amazon Deal Buy Now.",
    ])
    more = [p.replace("the", "this") for p in PROSE] + [p.replace("the", "a") for p in PROSE]
    one = " ".join([*MENU * 3, "Night flight ban extended.", *PROSE, *[specs] * 4, *more,
                    ONE_LINE_FOOTER, SITE_NOTICE + ".", "Privacy Overview", *COOKIES])
    lines = _sentences(one)
    cut, opens_with_menu = _cut_menus(lines, need_opening=True)
    assert opens_with_menu and PROSE[0] in cut and specs not in cut  # the list is cut
    assert not _is_page(cut)
    out = newsclean.clean(one)
    assert all(p in out for p in PROSE + more)


def test_a_dash_before_a_capital_after_a_sentence_starts_a_new_one() -> None:
    line = "It could arrive in the future. - Next Auto News 2020 Mini JCW GP is a hatch"
    assert _sentences(line) == [
        "It could arrive in the future.",
        "- Next Auto News 2020 Mini JCW GP is a hatch",
    ]
    # A dash inside a sentence, or before a lower-case word, cuts nothing.
    line = "The figures - 12 in all - were late. - and so on"
    assert _sentences(line) == [line]


def test_heads_of_comments_on_a_one_line_page_are_cut_out_and_end_the_article() -> None:
    # Shortened from a real one-line page: each comment's head (a name, a verb, a date
    # and a time) is glued between the comments.
    comments = [
        "v2787 says: November 19, 2019 at 7:02 am Rivers is done. Get a new QB, Chargers.",
        "joetoronto says: November 19, 2019 at 7:06 am It is time for a change at the top "
        "of the team, and everyone in the building has known it for a long while now.",
        "Milan Griffes on November 19, 2019 at 7:19 am said: Another team suffering from a "
        "hangover after a long run, courtesy of the schedule they were handed this year.",
        "sammievee says: November 19, 2019 at 7:42 am If you needed to win, practise during "
        "the week while preparing a play just for that situation, as good teams do.",
    ]
    one = _one_line_page([*MENU * 3, "Night flight ban extended."])
    one = one.replace(" " + ONE_LINE_FOOTER, " " + " ".join(comments) + " " + ONE_LINE_FOOTER)
    lines = split_long_lines(one).splitlines()
    assert "v2787 says: November 19, 2019 at 7:02 am" in lines
    assert "Milan Griffes on November 19, 2019 at 7:19 am said:" in lines
    out = newsclean.clean(one)
    assert all(p in out for p in PROSE)
    assert "Rivers is done" not in out and "good teams do" not in out
    # One or two dated lines in an article are its own: nothing is cut.
    line = " ".join([PROSE[0], comments[0], PROSE[1], comments[1]])
    assert "v2787 says: November 19, 2019 at 7:02 am" not in _sentences(line)


LONG_LEAD = (
    "Residents who have campaigned against the noise for more than a decade welcomed the "
    "vote, saying that they had finally been heard, although several of them added that "
    "they would keep counting the planes that fly over their homes after midnight."
)


def _assert_teasers_cut(teasers: list[str], stamps: list[str], gone: list[str]) -> None:
    """A one-line page (menus, a title, a long paragraph, ``teasers``, the footer) is cut
    with each of ``stamps`` a line of its own, and cleaned to its article: none of the
    words ``gone`` of the teasers is left."""
    one = _one_line_page([*MENU * 3, "Night flight ban extended.", LONG_LEAD])
    one = one.replace(" " + ONE_LINE_FOOTER, " " + " ".join(teasers) + " " + ONE_LINE_FOOTER)
    lines = split_long_lines(one).splitlines()
    assert all(stamp in lines for stamp in stamps)
    out = newsclean.clean(one)
    assert LONG_LEAD in out and all(p in out for p in PROSE)
    assert not any(word in out for word in gone)


def test_ages_of_teasers_on_a_one_line_page_are_cut_out_and_end_the_article() -> None:
    # Shortened from a real one-line page: a list of teasers after the article, each
    # with its age ("1H ago") glued between the teaser before and its own headline.
    teasers = [
        "32M ago Two U.S. troops killed in helicopter crash Officials promptly dismiss a "
        "claim that it downed the craft but say the cause of the crash is not yet known.",
        "1H ago Cities urge boycott of meat companies Lawmakers in the two biggest cities "
        "want to cut ties with businesses involved in the fires of the summer.",
        "14H ago Why farmers may want to paint their cows Some people thought the stripy "
        "cattle in a pasture were a practical joke played by the local children.",
        "2 days ago New anti-meth ad gets mixed reviews It is appearing on billboards "
        "across the state and has been shared thousands of times on social media.",
    ]
    _assert_teasers_cut(teasers, ["1H ago", "2 days ago"], ["helicopter", "billboards"])


def test_dated_bylines_of_teasers_on_a_one_line_page_are_cut_out_and_end_the_article() -> None:
    # Shortened from a real one-line page: related articles after the article, each a
    # headline, an author and a weekday with its date glued to the first sentence.
    teasers = [
        "Carlos Ghosn and the dark side of Japanese justice Anthony Ghosn Wednesday November "
        "20, 2019 Our family always believed in the fairness of the courts of the country.",
        "What made Joker so popular? Madeline Fry Wednesday November 20, 2019 Joker killed at "
        "the box office, and the critics who hated it are still trying to explain why.",
        "Kurt Volker throws Rudy Giuliani under the bus Kaylee McGhee Tuesday November 19, "
        "2019 Kurt Volker, a former special envoy, has been tied to the back channel.",
        "Here is what we learned Tom Rogan Tuesday November 19, 2019 Beyond the partisan "
        "whirlwind of the hearings, relations between the two countries remain strong.",
    ]
    stamps = ["Wednesday November 20, 2019", "Tuesday November 19, 2019"]
    _assert_teasers_cut(teasers, stamps, ["box office", "partisan"])
    # A date in a sentence, with a comma or a lower-case word after it, stays in it.
    line = " ".join(
        [PROSE[0], "It opened on Wednesday November 20, 2019, to crowds. " * 3, PROSE[1]]
    )
    assert not any(s.startswith("Wednesday") for s in _sentences(line))


def test_one_line_page_in_indonesian_is_split() -> None:
    # Indonesian has a stop-word list: its menus in title case are read as runs.
    from newsclean.rules.page.classify import language

    prose = [
        "Pemerintah daerah memutuskan pada hari Rabu untuk memperpanjang larangan penerbangan "
        "malam di bandara, setelah berbulan-bulan warga yang tinggal di dekat landasan "
        "mengeluhkan suara pesawat.",
        "Maskapai penerbangan sudah memperingatkan bahwa aturan itu akan mengurangi lapangan "
        "kerja, tetapi menteri mengatakan bahwa kesehatan warga harus didahulukan kali ini.",
        "Larangan itu sekarang berlaku dari pukul sebelas malam sampai pukul enam pagi, satu "
        "jam lebih lama dari sebelumnya, dan denda bagi yang melanggar akan naik dua kali lipat.",
        "Juru bicara bandara mengatakan bahwa mereka akan mempelajari keputusan itu sebelum "
        "memutuskan apakah akan mengajukan banding atau tidak dalam waktu dekat ini.",
    ]
    menu = (
        "Kabar tentang Dunia Islam Iklan Beranda Khawarij Tentang Kami Kabar tentang Dunia "
        "Islam Entries RSS Comments RSS Iklan Berita Terbaru Kabar Daerah Olahraga Hiburan"
    )
    footer = "Beranda Tentang Kami Kontak Kebijakan Privasi Syarat Ketentuan Arsip Bantuan"
    more = [p.replace("itu", "tersebut") for p in prose]
    one = " ".join(["Larangan penerbangan malam diperpanjang |", menu, *prose, *more, footer])
    assert language(blocks([one])) == "id"
    assert split_long_lines(one) != one
    out = newsclean.clean(one)
    assert all(p in out for p in prose) and "Khawarij" not in out and "Privasi" not in out


def test_sentence_framing_a_card_of_links_does_not_end_the_article() -> None:
    # A site pops up a card of teaser links over a name linked in the text; a converter
    # writes the card inside the sentence. The line is mostly link text, but it opens
    # in plain words and closes in a plain sentence: the article goes on after it.
    from newsclean.rules.page.blocks import _visible

    card = (
        "Rep. [Jane Roe](/people/jane-roe)![](/files/thumb_100/roe.jpg)[Jane Roe](/people/"
        "jane-roe)[Senators call for a security coordinator after the ransomware attack on "
        "the state agencies](/policy/technology/471175-senators-call) [House committee "
        "unveils its renewable energy tax plan ahead of the winter session](/policy/energy/"
        "471186-tax-plan) [Funding for the conservation program passes a Senate hurdle]"
        "(/policy/energy/471190-funding) [MORE](/people/jane-roe) (D-N.Y.) shortly after "
        "the vote [linked](https://example.org/news/437751-links) the decision to the "
        "noise measurements published last spring."
    )
    quote = "\n".join(f"> {p}" for p in ("We must hear the residents.", "Sleep is health."))
    lines = ["Skip to content", *MENU, "Night flight ban extended", *PROSE[:2], card]
    text = "\n".join([*lines, PROSE[2], quote, PROSE[3], *FOOTER])
    out = newsclean.clean(text)
    assert PROSE[0] in out and PROSE[2] in out and PROSE[3] in out
    assert _visible(card)[2]
    # A teaser link with a line of description, or a list of links, is not framed.
    assert not _visible("[Ban extended](/news/ban) The parliament voted on Wednesday.")[2]
    assert not _visible("Read more: [one](/a) [two](/b)")[2]


def test_sentence_broken_before_a_card_of_links_goes_on_after_it() -> None:
    # A converter that breaks the line before the card: the card's line opens with the
    # links, and the sentence goes on after them in lower case or after a parenthesis.
    from newsclean.rules.page.blocks import _visible

    teasers = " ".join(
        f"[{t}](/policy/{n})"
        for n, t in enumerate(
            [
                "Senators call for a security coordinator after the ransomware attack",
                "House committee unveils its renewable energy tax plan for the winter",
                "Funding for the conservation program passes a Senate hurdle at last",
            ]
        )
    )
    head = "Residents had written to Rep. [Jane Roe](/people/jane-roe) ![](/files/roe.jpg)"
    card = (
        f"[Jane Roe](/people/jane-roe) {teasers} [MORE](/people/jane-roe) (D-N.Y.), "
        "who took the noise measurements of last spring to the committee."
    )
    lines = ["Skip to content", *MENU, "Night flight ban extended", *PROSE[:2], head, card]
    out = newsclean.clean("\n".join([*lines, PROSE[2], PROSE[3], *FOOTER]))
    assert PROSE[0] in out and PROSE[2] in out and PROSE[3] in out
    assert _visible(card)[2]
    assert _visible("[MORE](/a) and it took the measurements to the committee.")[2]
    assert not _visible("[MORE](/a) It took the measurements to the committee.")[2]


def test_sentence_that_is_link_text_as_a_whole_stays_inside_the_article() -> None:
    # A quote the article offers to share ("... Click To Tweet") is one link: inside
    # the article it is a sentence of the text, not a link list.
    tweet = (
        "[I am here to tell you that the laws of physics apply to an online business just "
        "like they do to one offline. Click To Tweet](https://twitter.com/share?text=laws)"
    )
    teaser = "[Ten ways to grow your list](https://example.org/grow-your-list)"
    lines = ["Skip to content", *MENU, "Night flight ban extended", *PROSE[:2], tweet]
    out = newsclean.clean("\n".join([*lines, teaser, *PROSE[2:], *FOOTER]))
    assert tweet in out and PROSE[0] in out and PROSE[3] in out
    assert teaser not in out


# Shortened from real one-line pages: the headlines of a box of teasers, glued into one
# "sentence" of well over a hundred words with no mark between them.
GLUED_HEADLINES = " ".join(
    [
        "What we know so far about the plan for a new library in the town",
        "Police search for the driver who was seen leaving the scene of a crash",
        "Why the bakery on the corner has won a prize for its rye bread",
        "Schools will close early on Friday as the storm is on its way",
        "The hospital has opened a new wing for children and their parents",
        "How a young striker went from the second division to the top of the table",
        "The museum is open again after two years of work on its roof",
        "Farmers say that it was the worst harvest they have had in years",
        "Is there room for all of the new cycle lanes in the old town",
        "A fire at an old warehouse near the docks was put out in the night",
        "The mayor says that he will not sell the site of the old swimming pool",
        "Who will pay for the new bridge over the river?",
    ]
)


def test_glued_headlines_after_the_article_on_a_one_line_page_go() -> None:
    one = _one_line_page([*MENU * 3, "Night flight ban extended.", LONG_LEAD])
    one = one.replace(" " + ONE_LINE_FOOTER, " " + GLUED_HEADLINES + " " + ONE_LINE_FOOTER)
    lines = split_long_lines(one).splitlines()
    assert GLUED_HEADLINES in lines  # one "sentence" of more than a hundred words
    report = newsclean.explain(one)
    assert LONG_LEAD in report.text and all(p in report.text for p in PROSE)
    assert "swimming pool" not in report.text and "rye bread" not in report.text
    gone = [r for r in report.removals if "swimming pool" in r.text]
    assert [r.rule for r in gone] == ["page"]


# A "most read" box glued into one line: ranks standing alone before each headline.
RANKED_HEADLINES = (
    "Most Popular 1 Fire damages the old club near the harbour 2 Best of the region "
    "2019: Pizza 3 Photos: the mall through the years 4 Man charged after a crash on "
    "the bypass 5 Is there room for all of the new cycle lanes in the old town?"
)


def _one_line_article_before_footer(insert: str) -> newsclean.Report:
    """explain() of a one-line page with ``insert`` between its article and its footer,
    checked to keep the whole article."""
    one = _one_line_page([*MENU * 3, "Night flight ban extended.", LONG_LEAD])
    report = newsclean.explain(one.replace(" " + ONE_LINE_FOOTER, f" {insert} {ONE_LINE_FOOTER}"))
    assert LONG_LEAD in report.text and all(p in report.text for p in PROSE)
    return report


def _removed_as(report: newsclean.Report, word: str) -> list[tuple[str, str]]:
    return [(r.rule, r.reason) for r in report.removals if word in r.text]


def test_ranked_headlines_after_the_article_on_a_one_line_page_go() -> None:
    report = _one_line_article_before_footer(RANKED_HEADLINES)
    assert "cycle lanes" not in report.text and "Fire damages" not in report.text
    assert _removed_as(report, "Fire damages") == [("page", "page.footer")]


def test_a_ranked_box_the_sentence_cut_split_goes_on_in_the_next_block() -> None:
    # "... 5 J.J." ends one block; the next opens with the rest of that headline.
    rest, prose = blocks(
        [
            "Watt gives out his phone number on the radio 6 County declared a park zone "
            "7 Four cities with clean air this year 8 Report: old tower sells for a record",
            "",
            "He said that 6 of the 7 members had voted for it. The other 8 did not.",
        ]
    )
    measure([rest])
    measure([prose])
    assert _run_on(rest) and _score(rest) < 0
    assert not _run_on(prose)


def test_numbered_sentences_and_table_rows_are_no_ranked_headlines() -> None:
    ranked, numbered, table, lower = blocks(
        [
            RANKED_HEADLINES,
            "",
            "The plan has three steps: 1 The town buys the site. 2 The council "
            "draws up the rules. 3 The builders start work next spring.",
            "",
            "1 Kyle Busch 5040 5 1 17 27 2 Martin Truex Jr. 5035 7 0 15 24 3 Kevin "
            "Harvick 5033 4 1 15 26 4 Denny Hamlin 5027 6 2 19 24",
            "",
            "The council met 1 time in may and talked 2 hours about roads and 3 more "
            "about the bridge over the river",
        ]
    )
    for b in (ranked, numbered, table, lower):
        measure([b])
    assert _run_on(ranked) and _score(ranked) < 0
    assert not _run_on(numbered) and not _run_on(table) and not _run_on(lower)


def test_teasers_above_the_headline_that_repeats_the_pages_title_go() -> None:
    # A one-line page: its title and the site's name, menus, teasers of other articles
    # that hold sentences, then the article under its headline, the title again.
    title = "Night flight ban extended after years of complaints"
    teasers = [
        "Bakery wins prize The bakery on the corner has won a national prize for the rye "
        "bread it has baked since the war, its owner said on Monday.",
        "Museum reopens The museum in the old town is open again after two years of work "
        "on its roof, and the first visitors queued for an hour to get in.",
    ]
    one = _one_line_page(
        [f"{title} - The Daily Courier", *MENU * 3, *teasers, title, "By Jane Doe"]
    )
    report = newsclean.explain(one)
    assert all(p in report.text for p in PROSE[1:])
    assert "rye bread" not in report.text and "first visitors" not in report.text
    gone = [r for r in report.removals if "rye" in r.text]
    assert [(r.rule, r.reason) for r in gone] == [("page", "page.navigation")]


def test_a_title_on_a_line_of_its_own_leaves_the_article_start_to_the_lines() -> None:
    # A converter's <title> line: the page was not one line, and its lines tell where
    # the article starts (the title may repeat inside the article, as a caption).
    title = "Night flight ban extended after years of complaints"
    lines = [f"{title} - The Daily Courier", *MENU, PROSE[0], title, *PROSE[1:], *FOOTER]
    bs = classify(blocks(lines))
    first = next(i for i, b in enumerate(bs) if b.cls == "good")
    last = max(i for i, b in enumerate(bs) if b.cls == "good")
    assert title_start(bs, lines, first, last) == first
    words = lines[0].split()  # the title cut over lines, as a one-line page's is
    cut = [*(" ".join(words[i : i + 3]) for i in range(0, len(words), 3)), *lines[1:]]
    cut_bs = classify(blocks(cut))
    first = next(i for i, b in enumerate(cut_bs) if b.cls == "good")
    last = max(i for i, b in enumerate(cut_bs) if b.cls == "good")
    assert cut_bs[title_start(cut_bs, cut, first, last)].text.startswith(title)


def test_a_page_the_headlines_own_line_hides_is_read_without_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The title's repeat on a line of its own can end a run the menus are read in,
    # and the page goes unfound: it is then read as its sentences alone.
    from newsclean.rules.page import split

    title = "Night flight ban extended after years of complaints"
    one = _one_line_page([f"{title} - The Daily Courier", *MENU * 3, title, "By Jane Doe."])
    assert title in split_long_lines(one).splitlines()
    found = split._is_page
    monkeypatch.setattr(split, "_is_page", lambda lines: title not in lines and found(lines))
    out = split_long_lines(one)
    assert out != one and title not in out.splitlines()


def test_a_short_sentence_glued_after_a_menu_run_stays() -> None:
    words = "Shares Buffer Share Pin Tweet Share Email Jane Doe Your “night flights” matter."
    assert _closing_sentence(words.split()) == 4


def test_an_articles_lead_glued_after_headlines_stays_with_the_article() -> None:
    # The page's headlines, then the article's first sentence, with no mark between.
    lead = (
        "Residents of the villages near the airport said on Thursday that they would "
        "celebrate the decision with a quiet night at last."
    )
    one = _one_line_page([*MENU * 3, GLUED_HEADLINES, lead, LONG_LEAD])
    out = newsclean.clean(one)
    assert lead in out and LONG_LEAD in out and all(p in out for p in PROSE)


def test_a_list_with_separators_between_its_items_is_no_run_of_headlines() -> None:
    dates = " ".join(
        f"June {day} Amphitheatre, {town} FL" for day, town in enumerate(MENU * 3, start=1)
    )
    headlines = blocks([GLUED_HEADLINES])
    listed = blocks([dates])
    measure(headlines)
    measure(listed)
    assert _run_on(headlines[0]) and _score(headlines[0]) < 0
    assert listed[0].words > 100 and not _run_on(listed[0])


def _cleaned_after_article(extra: list[str]) -> list[str]:
    """The lines clean() keeps of a page with ``extra`` between its article and footer."""
    lines = ["Skip to content", *MENU, *PROSE, *extra, *FOOTER]
    return newsclean.clean("\n".join(lines)).split("\n")


def _page_with_list_after(heading: str, items: list[str]) -> str:
    head = ["Skip to content", *MENU, "Night flight ban extended", LONG_LEAD, *PROSE]
    return "\n".join([*head, heading, *items, *FOOTER])


# The article's last paragraphs.
PROSE_MORE = [
    "Campaigners said that they would now turn their attention to the noise of the "
    "early morning flights, which the new rule does not cover at all.",
    "The minister promised a review of those flights within two years, once the effect "
    "of the night ban on the residents had been measured.",
]


# Shortened from real pages: teasers of other articles under a heading, each a
# headline and a sentence of its own.
HEADED_TEASERS = [
    "Harbour cranes",
    "The port authority said that the new cranes would arrive in the spring, and "
    "double what it can handle.",
    "Rail strike",
    "Train drivers will walk out on Monday for the second time this month, after the "
    "talks broke down.",
]


def test_a_list_under_a_related_heading_after_the_article_goes() -> None:
    text = _page_with_list_after("Related articles", HEADED_TEASERS)
    report = newsclean.explain(text)
    assert LONG_LEAD in report.text and all(p in report.text for p in PROSE)
    assert "cranes" not in report.text and "Train drivers" not in report.text
    gone = [r for r in report.removals if "Train drivers" in r.text]
    assert [(r.rule, r.reason) for r in gone] == [("page", "page.footer")]
    # On a one-line page the heading is glued to the list after it.
    assert _list_heading(blocks(["Most Popular 1 Harbour cranes arrive in the spring"])[0])


def test_a_call_to_click_inside_the_article_does_not_end_it() -> None:
    # "Click here" goes on with a stop word: a sentence of the article, not a heading.
    text = _page_with_list_after("Click here to get the app", PROSE_MORE)
    out = newsclean.clean(text)
    assert all(p in out for p in PROSE_MORE)
    assert not _list_heading(blocks(["CLICK HERE TO GET THE APP"])[0])


def test_a_related_heading_followed_by_the_rest_of_the_article_does_not_end_it() -> None:
    # The article goes on after the heading: its rest is prose, no chrome.
    text = _page_with_list_after("Related articles", PROSE_MORE)
    out = newsclean.clean(text)
    assert all(p in out for p in PROSE_MORE)


def test_the_articles_last_paragraph_after_a_read_also_link_stays() -> None:
    # A heading, one linked teaser (chrome), then the article's long last paragraph:
    # one item of prose is no list of teasers.
    last = " ".join(PROSE_MORE)
    text = _page_with_list_after("Related articles", ["[Harbour cranes](/harbour)", last])
    assert last in newsclean.clean(text)
    # Two or more are: the list goes, up to half of what the article scores.
    assert _longest_run([120.0, -14.0, 150.0, 130.0]) == 2


def test_wrap_width_found_when_a_tenth_of_the_long_lines_fill_it() -> None:
    # More than a tenth of the long lines are at the width itself (80), so the 90th
    # percentile falls just below it (79): the lines at 80 are the wrapped ones. A rule
    # drawn across the width is no wrapped text.
    from newsclean.rules.page.blocks import _wrap_width

    def line(n: int) -> str:
        return ("abc " * 30)[: n - 1] + "z"

    teasers = [line(58)] * 40
    wrapped = [line(79)] * 3 + [line(78)] * 5
    assert _wrap_width([*teasers, *wrapped, *[line(80)] * 6]) == 80
    assert _wrap_width([*teasers, *wrapped, *["─" * 80] * 6]) == 0


def test_underlined_text_is_link_text_and_takes_no_columns() -> None:
    # A converter that draws each link's label underlined (U+0332 after each character)
    # and writes its address after it: the marks are no letters, the label is link text.
    u = "\u0332"
    label = u.join("Photos of the new bridge") + u
    bs = blocks([f"* {label} (https://example.org/photos-bridge.html)"])
    assert bs[0].text == "Photos of the new bridge"
    assert bs[0].link_density > 0.9
    from newsclean.rules.page.blocks import _wrapped

    # Underlined, the line takes the columns of its letters: the next word fits on it.
    assert not _wrapped("The council said " + u.join("on Tuesday") + u, "that", 80)


def test_introduced_list_goes_on_past_the_rest_of_a_wrapped_address() -> None:
    # Each item is followed by its image's address, wrapped over two lines: the rest of
    # the address on the next line ("1.jpg)") is no word and does not end the list.
    intro = "These are the offers of the week that we picked for readers of the site:"
    items: list[str] = []
    for n, name in enumerate(
        ["Lego set of the old space ship", "Electric racing track for two", "Box of films"],
        start=1,
    ):
        items += [
            f"{n}) {name} in the big edition",
            f"(http://shop.example/x{n}) (http://example.org/wp-content/uploads/2017/11/",
            f"{n}.jpg)",
        ]
    text = "\n".join(["Skip to content", *MENU, *PROSE, intro, *items, *FOOTER])
    out = newsclean.clean(text)
    assert all(f"{n}) " in out for n in (1, 2, 3)), out
    assert "Careers" not in out


def test_a_priced_product_link_inside_the_article_stays() -> None:
    # A buying guide's product card: the name and price link to the shop, between the
    # card's features and the article's paragraphs. "Buy now" and the shop's name go.
    card = [
        "* Quiet motor and long battery life",
        "* Folds flat for storage in the car",
        "[Garden Tiller 3000 with Two Batteries (Latest Model)](https://shop.example/t3) $139.00",
        "[Buy now](https://shop.example/t3)",
    ]
    text = "\n".join(
        ["Skip to content", *MENU, *PROSE[:2], *card, *PROSE[2:], *FOOTER]
    )
    out = newsclean.clean(text)
    assert "Garden Tiller 3000" in out and "$139.00" in out
    assert "Buy now" not in out and "Careers" not in out


def test_a_paragraph_with_an_image_credit_glued_after_it_stays() -> None:
    # A converter that joins blocks glues the credit of the image after a paragraph to
    # it: the paragraph is the article's, the copyright mark no site's notice.
    glued = (
        "The airport said it did not need the permission of the council in the first "
        "place. Image copyright Press Agency Image caption The runway at night"
    )
    text = "\n".join(["Skip to content", *MENU, *PROSE[:2], glued, *PROSE[2:], *FOOTER])
    out = newsclean.clean(text)
    assert glued in out
    assert "Careers" not in out
    # A notice alone, or a few words before the mark, is still chrome.
    notice = "All content. Copyright 2019 The Airport Company, all rights reserved"
    text = "\n".join(["Skip to content", *MENU, *PROSE[:2], notice, *PROSE[2:], *FOOTER])
    assert notice not in newsclean.clean(text)


def test_a_table_without_outer_bars_stays_inside_the_article() -> None:
    # html2text writes a table's rows without bars at their ends, under a delimiter
    # row. Rows of names and figures are no menu: they count for nothing against the
    # region, so the article's lead above the table stays with it.
    lead = (
        "Below we look at the minutes each player spent on the field in the second "
        "game of the season against the visitors from the north."
    )
    table = [
        "Pos | Player | Minutes | Notes",
        "---|---|---|---",
        "GK | Annabella Bergqvist | 90 | 100% | 2 saves (1 penalty). 1 clean sheet, 3 claims.",
        "DF | Lena Holmqvist | 90 | 100% | 1 goal (header). 3 tackles, 2 interceptions.",
        "DF | Mia Strandberg | 64 | 71% | Booked. 2 fouls, 1 tackle, 4 clearances.",
        "MF | Ida Lundqvist | 77 | 85% | 1 assist (corner). 4 passes, 2 shots.",
    ]
    text = "\n".join(["Skip to content", *MENU, lead, *table, *PROSE, *FOOTER])
    out = newsclean.clean(text)
    assert lead in out and "Lena Holmqvist" in out
    assert "Careers" not in out
    bs = blocks(table)
    assert [b.table_row for b in bs] == [True, False, True, True, True, True]
    assert bs[3].text.startswith("DF Lena Holmqvist 90 100% 1 goal")


def test_a_table_drawn_with_box_characters_is_read_row_by_row() -> None:
    # A converter that draws a table with box characters: each rule is a delimiter,
    # each row a block of its cells (not one long block of rules and figures), and a
    # row of data counts for nothing against the region; a table laid out to hold
    # teasers (links cut by the cells' edges, two cells) is no table of data.
    rule = "──────┼──────────────┼──────┼──────"
    rows = ["Pos.  │Driver        │Points│Wins", "1     │Anna Berg     │5040  │5"]
    lines = [rule.replace("┼", "┬"), rows[0], rule, rows[1], rule]
    bs = [b for b in blocks(lines) if not b.media]
    assert [(b.text, b.cells) for b in bs] == [
        ("Pos. Driver Points Wins", 4),
        ("1 Anna Berg 5040 5", 4),
    ]
    assert _score(bs[0]) == 0 and _score(bs[1]) == 0
    teasers = ["[[Relics found in │[Relics found in", "the north]][41] │the north][42]"]
    assert all(b.cells == 0 for b in blocks([rule, *teasers]) if not b.media)


def test_a_photo_caption_with_its_credit_between_paragraphs_does_not_cut_the_article() -> None:
    # The article's first paragraph, then a long caption under the photo with its
    # credit: the caption weighed as chrome cut the first paragraph off the region.
    first = (
        "A group of residents, alarmed that the council is closing the only library in "
        "the district before the winter, offered on Monday to run it themselves for free "
        "until a new building is ready next year."
    )
    caption = (
        "© Jane Example Readers sit at the long tables of the old library on the market "
        "square, which the council wants to close at the end of the month because the "
        "roof of the building is no longer safe and the repairs would cost too much."
    )
    text = "\n".join(["Skip to content", *MENU, first, caption, *PROSE, *FOOTER])
    out = newsclean.clean(text)
    assert first in out
    assert "Careers" not in out


def test_an_address_that_ends_a_wrapped_paragraph_is_its_last_line() -> None:
    # The wrapper moved the address that ends a paragraph to a line of its own: it is
    # the paragraph's last line (one block), not an address standing alone.
    import textwrap

    para = textwrap.wrap(
        "SPEND a day in the country watching the riders of the autumn horse trials "
        "in the hills north of the town, where the best of them ride for a place in "
        "the national team that goes to the games next summer, with a picnic by the river "
        "and music in the evening;",
        80,
    )[:3]  # a paragraph whose last line fills the width
    assert len(para[-1]) > 70
    lines = [*para, "*www.example-horse-trials.org.*"]
    bs = blocks([*lines, "", *textwrap.wrap(" ".join(PROSE), 80)])
    assert (bs[0].start, bs[0].end) == (0, len(lines))


def test_a_copyright_line_signing_a_paragraph_inside_the_region_stays() -> None:
    # The notice that signs the article, followed by a weather box and a paragraph of
    # the page the region also takes in: right after a paragraph, it is the article's.
    notice = "/Copyright 2019 Island News Now. All rights reserved./"
    lines = ["Skip to content", *MENU, *PROSE[:3], notice, *PROSE[3:], *FOOTER]
    assert notice in newsclean.clean("\n".join(lines)).split("\n")
    # After a line of chrome, it is the site's.
    lines = ["Skip to content", *MENU, *PROSE[:3], "Share", notice, *PROSE[3:], *FOOTER]
    assert notice not in newsclean.clean("\n".join(lines)).split("\n")


def test_an_embedded_post_keeps_its_signature_and_date() -> None:
    # A post the article quotes last: its signature (author and handle) and its date,
    # the date on a line of its own after the fragments of the quote's links, are the
    # post's and stay with it.
    post = [
        "> We will publish the full report on the night flights next week.",
        "[> pic.example.com/AbCd1234",
        "](https://t.example/AbCd1234)",
        "> — Regional Parliament (@regparl)",
        "[> November 19, 2019",
        "](https://social.example/regparl/status/1196)",
    ]
    out = _cleaned_after_article(post)
    assert "> — Regional Parliament (@regparl)" in out
    assert "[> November 19, 2019" in out
    assert "About us" not in out
    # On the same line as the date, after a blank quoted line.
    post = [
        "> We will publish the full report on the night flights next week.",
        ">",
        "> — Regional Parliament (@regparl) [November 19, 2019](https://social.example/s/1)",
    ]
    out = _cleaned_after_article(post)
    assert post[-1] in out
    # Quoted lines that no signature closes are left to the rest of the stage.
    lines = ["Skip to content", *MENU, *PROSE, "> Share", "> Tweet", *FOOTER]
    assert "> Tweet" not in newsclean.clean("\n".join(lines)).split("\n")


def test_a_copyright_notice_is_not_cut_into_its_sentences() -> None:
    # On a one-line page, the notice that signs the article stays one line: its "All
    # rights reserved." is no line of its own (a footer's catalogue line).
    text = "The mosquitoes are gone. © 2019 Associated Press. All Rights Reserved. Comments"
    assert _sentences(text) == [
        "The mosquitoes are gone.",
        "© 2019 Associated Press. All Rights Reserved.",
        "Comments",
    ]
    # A short sentence with no mark after the notice is a sentence of its own.
    assert _sentences("© 2019 Associated Press. Read more.") == [
        "© 2019 Associated Press.",
        "Read more.",
    ]


def test_a_linked_subheading_over_a_paragraph_of_the_article_stays() -> None:
    # A buying guide links the product each part is about: its heading heads a
    # paragraph of the article, inside the region, and stays.
    heading = "### [Quiet Night Earplugs Pro Edition](https://shop.example/earplugs)"
    lines = ["Skip to content", *MENU, *PROSE[:2], heading, *PROSE[2:], *FOOTER]
    assert heading in newsclean.clean("\n".join(lines)).split("\n")
    # A linked headline over another one (teasers set inside the article) goes.
    teaser = "### [Airport cargo operators plan to appeal](https://news.example/a)"
    lines = [
        "Skip to content", *MENU, *PROSE[:2], heading, teaser, *PROSE[2:], *FOOTER
    ]
    out = newsclean.clean("\n".join(lines)).split("\n")
    assert heading not in out
    assert PROSE[2] in out


def test_a_facts_line_with_a_link_above_the_article_stays() -> None:
    # A review's facts line, one of its values a link: the article's lead line.
    facts = (
        "**Tested by:** Jane Roe **Price:** £23.99 **More info:** "
        "[www.example-earplugs.com](http://www.example-earplugs.com)"
    )
    lines = ["Skip to content", *MENU, facts, *PROSE, *FOOTER]
    assert facts in newsclean.clean("\n".join(lines)).split("\n")
    # A line with one label and a link is a link, not a facts line.
    share = "**More info:** [www.example-earplugs.com](http://www.example-earplugs.com)"
    lines = ["Skip to content", *MENU, share, *PROSE, *FOOTER]
    assert share not in newsclean.clean("\n".join(lines)).split("\n")


def test_the_credit_of_the_articles_last_image_stays() -> None:
    # The credit under the article's last image, right after its last paragraph.
    credit = "Image Source: Jane Roe / Example Agency"
    lines = ["Skip to content", *MENU, *PROSE, credit, *FOOTER]
    out = newsclean.clean("\n".join(lines)).split("\n")
    assert credit in out
    assert "About us" not in out
    # A short line without a credit label there is the footer's.
    lines = ["Skip to content", *MENU, *PROSE, "Jane Roe / Example Agency", *FOOTER]
    assert "Jane Roe / Example Agency" not in newsclean.clean("\n".join(lines)).split("\n")


def test_a_paragraph_with_a_credit_glued_to_its_last_mark_stays() -> None:
    # A converter that joins blocks glued the image's credit to the paragraph's last
    # full stop, with no space between: still a paragraph with its credit after it.
    glued = PROSE[0] + "© Jane Roe Planes wait on the runway at dawn before the ban starts."
    lines = ["Skip to content", *MENU, *PROSE_MORE, glued, *PROSE[1:], *FOOTER]
    out = newsclean.clean("\n".join(lines)).split("\n")
    assert glued in out
    assert "About us" not in out


def test_the_lines_signing_the_article_off_stay_up_to_its_notice() -> None:
    # The author's line with an e-mail address, the photo credit in brackets and the
    # notice of rights right after the last paragraph sign the article off.
    sign_off = [
        "Jane Roe, columnist jane.roe@example.com",
        "[Photo = Example Agency]",
        "Copyright ⓒ Example Daily. No reproduction without permission",
    ]
    out = _cleaned_after_article(sign_off)
    assert all(line in out for line in sign_off)
    assert "About us" not in out
    # Without a notice to close them, the lines are left to the footer.
    lines = ["Skip to content", *MENU, *PROSE, *sign_off[:2], *FOOTER]
    assert sign_off[0] not in newsclean.clean("\n".join(lines)).split("\n")


def test_one_address_before_the_article_does_not_hide_the_ones_it_cites() -> None:
    # A link in the sidebar whose text is its address is no converter writing out
    # every link's address: the source the article cites stays.
    source = "https://www.example.org/2019/11/report-on-night-flights.html"
    sidebar = "https://www.example.org/groups/night-flights"
    body = [*PROSE[:2], source, *PROSE[2:]]
    out = newsclean.clean("\n".join(["Skip to content", *MENU, sidebar, *body, *FOOTER]))
    assert source in out and "Careers" not in out
    # Two of them are.
    out = newsclean.clean(
        "\n".join(["Skip to content", *MENU, sidebar, "Home", sidebar + "/2", *body, *FOOTER])
    )
    assert source not in out


TEASER_SENTENCES = [
    "Bakery wins prize The bakery on the corner has won a national prize for the rye "
    "bread it has baked since the war, its owner said on Monday.",
    "Museum reopens The museum in the old town is open again after two years of work "
    "on its roof, and the first visitors queued for an hour to get in.",
    "Harbour plan Click here to read what the council has planned for the old harbour "
    "and the ferry quay, and how the new bridge will change the traffic there.",
]


def test_a_list_of_tags_ends_the_article_of_a_one_line_page() -> None:
    # The tags are glued to the article's last sentence and the teasers after them.
    tags = "Tags night flights , airport , regional parliament , noise , residents"
    report = _one_line_article_before_footer(f"{tags} {' '.join(TEASER_SENTENCES)}")
    assert "bakery" not in report.text and "Tags" not in report.text
    assert _removed_as(report, "bakery") == [("page", "page.footer")]


def test_a_list_of_tags_ends_the_article_of_a_page_read_line_by_line() -> None:
    tags = ["Tags:", "night flights,", "airport,", "regional parliament,", "noise"]
    text = "\n".join([*MENU, *PROSE, LONG_LEAD, *tags, *TEASER_SENTENCES, *FOOTER])
    out = newsclean.clean(text)
    assert LONG_LEAD in out and all(p in out for p in PROSE)
    assert "bakery" not in out and "Tags:" not in out


def test_a_tag_label_alone_ends_nothing() -> None:
    # "Tags" opening a sentence of the article, or a list that is no list of tags.
    assert not starts_tag_list("Tags, labels and stickers were found at the scene.")
    assert not starts_tag_list("Tagged as a suspect by the police he fled the town.")
    assert starts_tag_list("Tags: budget, parliament, elections Read more")


def test_tags_under_the_lead_end_no_article() -> None:
    tags = ["Tags:", "night flights,", "airport,", "regional parliament,", "noise"]
    text = "\n".join([*MENU, LONG_LEAD, *tags, *PROSE, *FOOTER])
    out = newsclean.clean(text)
    assert LONG_LEAD in out and all(p in out for p in PROSE)


def test_a_labelled_address_closing_the_article_stays() -> None:
    # The article closes with where to book, the page's address written out after a
    # label and a dash, and a last short sentence: both stay, the footer goes.
    label = "Book your seats on the festival website – https://www.example.org/tickets/night-show"
    closing = "We hope to see you soon!"
    lines = ["Skip to content", *MENU, *PROSE, label, closing, *FOOTER]
    out = newsclean.clean("\n".join(lines)).split("\n")
    assert label in out and closing in out
    assert "About us" not in out
    # A one-word label (a footer's social link) is no such line.
    social = "Facebook: https://www.facebook.com/examplenews"
    lines = ["Skip to content", *MENU, *PROSE, social, *FOOTER]
    assert social not in newsclean.clean("\n".join(lines)).split("\n")


def test_asides_opening_a_menu_run_are_cut_whole() -> None:
    # A one-line page glues the notes closing its article ("(Graphic: ... - here)")
    # to the credits and menus after them: each note is cut whole, an aside the
    # article region goes on over, and the words after them into menu entries.
    words = (
        "(Graphic: Global assets in 2019 - here ) (Graphic: Emerging markets - here ) "
        "Reporting by Jane Roe"
    ).split()
    assert _entries(words) == [
        "(Graphic: Global assets in 2019 - here )",
        "(Graphic: Emerging markets - here )",
        "Reporting by Jane",
        "Roe",
    ]
    # Parentheses inside an aside, or words before it: entries as before.
    assert _entries("(a (b) c) d".split()) == ["(a (b) c)", "d"]
    assert _entries("Home (News) Sport Video".split()) == ["Home (News) Sport", "Video"]


def test_a_markup_tag_does_not_cut_off_the_articles_last_sentence() -> None:
    # A converter left the tags wrapping the article's last line on lines of their
    # own: the short sentence after them still closes the article.
    note = "This article has been adapted from its original source."
    lines = ["Skip to content", *MENU, *PROSE, "", '<span style="text-align:left">', "", note, "",
             "</span>", *FOOTER]
    out = newsclean.clean("\n".join(lines)).split("\n")
    assert note in out
    assert "About us" not in out
