"""The whole-page stage: when the text is a whole web page, keep only its article.

Scrapers that do not run an article extractor (``get_text()``, html2text, inscriptis,
markdown converters) hand back the article *and* the menus, link lists, footers and
teasers around it. :func:`page` cuts such a text into blocks
(:mod:`~newsclean.rules.page.blocks`), classifies them the way jusText does
(:mod:`~newsclean.rules.page.classify`) and marks every block outside the article with
a reason:

- ``page.navigation``: chrome before the article (menus, breadcrumbs, the site header);
- ``page.link_list``: a block that is mostly link text (markdown links, URLs);
- ``page.boilerplate``: chrome between parts of the article;
- ``page.footer``: chrome after the article (footers, copyright, "most read", comments).

With ``page="auto"`` (the default) the rule acts only when the text *is* a page:
enough of it is chrome around prose (:func:`looks_like_page`); article text from a
real extractor is left alone. ``page=True`` forces it, ``page=False`` switches it off.

A page given as one long line (``get_text()`` without a separator) has no lines to
mark: :func:`split_long_lines`, a text step that runs first, cuts such a line into one
sentence per line when the result looks like a page.

>>> from newsclean.document import Document
>>> prose = ("The committee said on Tuesday that it would publish the report before the "
...          "end of the year, and that the findings were not yet final.")
>>> text = "\\n".join(["Home", "News", "Sport", "Weather", "Video", "Login", "Search",
...                   "Menu", prose, prose.replace("Tuesday", "Monday"), "Privacy",
...                   "Terms", "About us", "Contact"])
>>> doc = Document.from_text(text)
>>> [(r.start, r.end, r.reason) for r in page(doc)]
[(0, 8, 'page.navigation'), (10, 14, 'page.footer')]
>>> page(Document.from_text(prose))          # an article alone is not a page
[]
"""

from __future__ import annotations

import operator
import re
from collections.abc import Sequence
from itertools import compress, islice

from ... import resources as res
from ...config import DEFAULT, Config
from ...document import Document, Removal
from ..bullets import lone_markers
from ..code import code
from ..duplicates import duplicates
from ..ui_strings import held_and_repeats, ui_strings
from .blocks import Block, _wrap_width, blocks
from .classify import (
    LENGTH_HIGH,
    LENGTH_LOW,
    MIN_HEAD_MENU,
    MIN_PAGE_BLOCKS,
    classify,
    classify_page,
    is_menu_entry,
    looks_like_page,
    may_be_page,
    tag_list,
    title_start,
)
from .split import split_long_lines

RULE = "page"

__all__ = [
    "MIN_HEAD_MENU",
    "Block",
    "blocks",
    "classify",
    "is_menu_entry",
    "looks_like_page",
    "may_be_page",
    "page",
    "repeats",
    "split_long_lines",
]


def _reason(b: Block, before: bool, after: bool) -> str:
    if b.link_density > 0.5:
        return "page.link_list"
    if before:
        return "page.navigation"
    if after or b.copyright:
        return "page.footer"
    return "page.boilerplate"


def repeats(doc: Document, config: Config = DEFAULT) -> list[bool]:
    """Which lines of ``doc`` the ``code``, ``ui_strings``, ``lone_markers`` and
    ``duplicates`` rules would remove, in the order the line rules run (none of a rule that is off).

    A text that is not a page as it stands is judged again without them. Repeats are
    what the line rules remove that changes a page's shape most (a block of teasers
    copied at the foot of the page stretches the article region over the footer, and
    the page goes unrecognised); a catalogue line ("Advertisement") between menu
    entries, or inside a hard-wrapped paragraph, shifts the article region too. A
    second ``clean()`` finds them gone, and must decide as the first did.
    """
    # The view shares the line keys with ``doc`` (computed once, and kept for the rules
    # after this stage).
    doc.keys  # noqa: B018
    view = doc.unmarked(record_text=False)
    rules = (
        (config.code, code),
        (config.ui_strings, ui_strings),
        (config.bullets, lone_markers),
        (config.duplicates, duplicates),
        (config.ui_strings, held_and_repeats),
    )
    for enabled, rule in rules:
        if enabled:
            for removal in rule(view, config):
                view.mark(removal)
    return view.removed


def page(doc: Document, config: Config = DEFAULT) -> list[Removal]:
    """Mark the blocks of a whole-page text that are not its article (see module doc)."""
    auto = config.page == "auto"
    if auto and _fewer_nonblank(doc.lines, MIN_PAGE_BLOCKS):
        return []  # each block holds a non-blank line: too few blocks for a page
    if auto and _no_article(doc.lines):
        return []
    bs = blocks(doc.lines)
    if auto and not may_be_page(bs):
        return []
    gone = [False] * len(doc)
    classified = classify_page(bs) if auto else classify(bs)
    if classified is None and _wrap_width(doc.lines) != _wrap_width(doc.lines, full=False):
        # Found wrapped only by the lines at its width, it may be a page read line by
        # line (teasers joined into paragraphs can outweigh a short article).
        bs = blocks(doc.lines, full=False)
        classified = classify_page(bs) if may_be_page(bs) else None
    if classified is None:
        # Not a page as it stands; it may be one once the line rules have removed
        # catalogue lines and repeats, as a second clean() finds it. Decide as that
        # run will.
        gone = repeats(doc, config)
        if not any(gone):
            return []
        # The lines are left out, not blanked: a line gone from a hard-wrapped
        # paragraph joins the lines around it, as in the cleaned text.
        kept = list(compress(range(len(gone)), map(operator.not_, gone)))
        bs = blocks([doc.lines[i] for i in kept])
        if not may_be_page(bs):
            return []
        classified = classify_page(bs)
        if classified is None:
            return []
        for b in classified:
            b.start, b.end = kept[b.start], kept[b.end - 1] + 1
    bs = classified
    if not any(b.cls == "good" for b in bs):
        return []
    first = next(i for i, b in enumerate(bs) if b.cls == "good")
    last = max(i for i, b in enumerate(bs) if b.cls == "good")
    if any(gone):
        # Repeats outside the article go with the chrome around them; inside it the
        # line rules decide on them.
        top, bottom = bs[first].start, bs[last].end
        inside = [False] * len(doc)  # gone lines a block spans (a wrapped paragraph)
        for b in bs:
            if b.end - b.start > 1:
                inside[b.start : b.end] = [True] * (b.end - b.start)
        bs += [
            Block(i, i + 1, "", cls="bad")
            for i, g in enumerate(gone)
            if g and not inside[i] and not top <= i < bottom
        ]
        bs.sort(key=lambda b: b.start)
        first = next(i for i, b in enumerate(bs) if b.cls == "good")
        last = max(i for i, b in enumerate(bs) if b.cls == "good")
    tags = next((i for i in range(first + 1, last + 1) if tag_list(bs, i)), None)
    if tags is not None and _good_chars(bs[first:tags]) >= MIN_TAGGED_CHARS:
        # The article's list of tags ends it: what follows is the page's (teasers,
        # comments, sidebars). Tags under a headline and a lead alone end nothing.
        for b in bs[tags:]:
            b.cls = "bad"
        last = max(i for i in range(first, tags) if bs[i].cls == "good")
    start = title_start(bs, doc.lines, first, last)
    if start > first:
        # The article opens with the page's title again: the teasers above it go.
        for b in bs[first:start]:
            b.cls = "bad"
        first = next(i for i in range(start, last + 1) if bs[i].cls == "good")
    removals: list[Removal] = []
    for i, b in enumerate(bs):
        if b.cls == "good":
            continue
        reason = _reason(b, i < first, i > last)
        prev = removals[-1] if removals else None
        if prev is not None and prev.reason == reason and _only_blank_between(doc, prev.end, b):
            removals[-1] = Removal(RULE, reason, prev.start, b.end)
        else:
            removals.append(Removal(RULE, reason, b.start, b.end))
    return removals


# The good text before a list of tags for it to end the article.
MIN_TAGGED_CHARS = 2 * LENGTH_HIGH


def _good_chars(bs: Sequence[Block]) -> int:
    return sum(b.length for b in bs if b.cls == "good")


def _fewer_nonblank(lines: Sequence[str], n: int) -> bool:
    """Whether fewer than ``n`` of ``lines`` hold more than whitespace (the count stops
    at ``n``: a long text need not be scanned to the end)."""
    nonblank = compress(lines, map(str.strip, lines))
    return next(islice(nonblank, n - 1, None), None) is None


# The characters a sentence mark (``res.SENTENCE_MARK``) is made of.
_SENTENCE_MARK_CHAR = re.compile(f"[{res.SENTENCE_MARK_CHARS}]")


def _no_article(lines: Sequence[str]) -> bool:
    """Whether the blocks of ``lines`` cannot hold an article, known without building
    them (a page of 100k short lines would build 100k blocks to find none).

    A page needs an article region, and a block adds to one only when it is good or
    near-good (``LENGTH_LOW`` characters of text or more) or prose (it holds a sentence
    mark). When no line is that long, no line holds a mark character, and the lines
    are not hard-wrapped (so each block is one line, and its text is part of it), no
    block scores, the region is empty and :func:`looks_like_page` is ``False``.
    """
    if max(map(len, lines), default=0) >= LENGTH_LOW:
        return False
    if _SENTENCE_MARK_CHAR.search("\n".join(lines)):
        return False
    return _wrap_width(lines) == 0


def _only_blank_between(doc: Document, end: int, b: Block) -> bool:
    return all(doc.is_blank(i) for i in range(end, b.start))
