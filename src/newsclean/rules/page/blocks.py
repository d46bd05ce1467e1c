"""A text cut into blocks, each with the features the page classifier reads.

Whole-page text comes in several forms; :func:`blocks` finds the blocks in each:

- one line per block (``get_text("\\n")``, html-text, inscriptis): every line a block;
- hard-wrapped lines (html2text wraps at 78 columns): consecutive lines that fill the
  width are one paragraph;
- markdown: ``[links](url)`` count as link text, images are dropped from the text,
  ``#`` headings are headings, ``* item`` / ``1. item`` and ``| table |`` rows are
  blocks of their own.

Pages given as one long line are cut into sentences first by
:func:`newsclean.rules.page.split_long_lines`.

>>> bs = blocks(("# Title", "", "* [Home](/)", "* [News](/news)", "", "Body text."))
>>> for b in bs:
...     print(b.start, b.end, b.heading, b.list_item, b.link_chars, b.text)
0 1 True False 0 Title
2 3 False True 4 Home
3 4 False True 4 News
5 6 False False 0 Body text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ... import resources as res
from ..code import code_reason


@dataclass(slots=True)  # a long page has a block per line: no dict per block
class Block:
    """Lines ``start``..``end`` (exclusive) of a document, read as one block."""

    start: int
    end: int
    text: str  # visible text: markdown syntax and images gone
    link_chars: int = 0
    heading: bool = False
    list_item: bool = False
    table_row: bool = False
    media: bool = False  # no text of its own (a markdown image or empty link)
    address: bool = False  # media that is a web address alone (a source the text cites)
    words: int = 0
    stop: int = 0
    sentences: int = 0
    unspaced: bool = False
    copyright: bool = False
    stamp: bool = False  # a date or time among many (see classify.mark_stamps)
    repeat: bool = False  # the same text as an earlier block (see classify.mark_repeats)
    code: bool = False  # lines of code or markup (see rules.code), no text: chrome
    code_chars: int = 0  # ... and their characters
    framed: bool = False  # a line of links inside a sentence (see _framed)
    cells: int = 0  # a row of a table of data without outer bars: its cells (see blocks)
    caption: bool = False  # a photo's caption with its credit (see classify.mark_captions)
    labelled: bool = False  # a label and the page address it gives (see _labelled_address)
    cf_class: str = ""
    cls: str = ""

    @property
    def length(self) -> int:
        return len(self.text)

    @property
    def link_density(self) -> float:
        return self.link_chars / max(1, len(self.text))

    @property
    def stop_density(self) -> float:
        return self.stop / max(1, self.words)


# A markdown link reference definition ("[3]: https://..."): an address, no text.
LINK_DEFINITION = re.compile(r"\[[^\]\s]{1,40}\]:\s*\S+(?:\s+\S+)*")


# An inline HTML tag a converter left in its markdown (``<span style="...">``, ``</span>``,
# an image as ``<img src=...>``, often the text of a link): markup, not text to read. Its
# attributes would count as words and length (and as link text inside a link), turning
# a menu entry into a long line and a paragraph into one poor in stop words.
_INLINE_TAG = re.compile(r"</?(?:span|font|b|i|em|strong|u|small|sup|sub|img)(?:\s[^<>]*)?>")


# The plain text after a line's last link that makes the line a sentence with links
# inside it (see _framed): at least this many words, ending a sentence.
FRAME_WORDS = 6


# How the rest of a sentence broken by a line end may open after the links.
_GOES_ON = frozenset("(,;:")


def _framed(head: str, tail: str) -> bool:
    """Whether a line whose links lie between plain text ``head`` and ``tail`` is a
    sentence of the article with links set inside it (a name's card of teaser links a
    site pops up over an inline link): it opens in plain words and closes in a plain
    sentence of ``FRAME_WORDS`` or more, not a list of links or a teaser with a label."""
    tail = tail.strip()
    return (
        (any(map(str.isalpha, head)) or tail[:1] in _GOES_ON or tail[:1].islower())
        and len(tail.split()) >= FRAME_WORDS
        and res.SENTENCE_MARK.search(tail[-2:]) is not None
        and "http" not in tail
    )


# Combining marks a converter draws under or through each character to show
# underlined or struck-out text (a link, ``<u>``, ``<s>``): styling, not letters. Each
# would cut a word into letters, and they take no column of a wrapped line.
UNDERLINE = "\u0332"
STYLE_MARKS = UNDERLINE + "\u0336"
_LETTER = re.compile(r"[^\W\d_]")
# A character drawn underlined (one or more marks after it).
_UNDERLINED = re.compile(f"[^{UNDERLINE}]{UNDERLINE}+")


def _unstyled(raw: str) -> str:
    """``raw`` without the styling marks (``STYLE_MARKS``)."""
    if raw.isascii():
        return raw
    for mark in STYLE_MARKS:
        if mark in raw:
            raw = raw.replace(mark, "")
    return raw


def _visible(raw: str) -> tuple[str, int, bool]:
    """A markdown line's visible text, how many of its characters are link text, and
    whether its links are framed by a sentence (see :func:`_framed`).

    Underlined text is link text: a converter that draws links underlined (plain text
    has no other way to show one) underlines little else."""
    framed = False
    underlined = 0
    if UNDERLINE in raw:
        underlined = sum(1 for _ in _UNDERLINED.finditer(raw))
    raw = _unstyled(raw)
    if "<" in raw:
        raw = _INLINE_TAG.sub("", raw)
    if "](" in raw or "<http" in raw:
        raw = res.MD_IMAGE.sub("", raw)
        link = 0
        parts: list[str] = []
        last = 0
        for m in res.MD_LINK.finditer(raw):
            parts.append(raw[last : m.start()])
            parts.append(m.group(1))
            link += len(m.group(1).strip())
            last = m.end()
        parts.append(raw[last:])
        framed = link > 0 and _framed(parts[0], parts[-1])
        raw = "".join(parts)
        raw = res.MD_AUTOLINK.sub("", raw)
    else:
        link = 0
    if "http" in raw or "www." in raw:
        # "text (https://...)": the address is not text to read.
        raw = res.BARE_URL.sub("", raw).replace("()", "")
    if "*" in raw or "_" in raw or "`" in raw:
        raw = res.MD_EMPHASIS.sub("", raw)
    text = " ".join(raw.split())
    link = min(len(text), link + underlined)
    # Most lines are tidy already: keep the document's own string, not a copy.
    return raw if text == raw else text, link, framed


# Characters a wrapped line may fall short of the width by, beyond the word that moved.
WRAP_SLACK = 8


# A wrapped text has at least this many lines (and this share of its lines of 40
# characters or more) within FULL_SLACK characters of the width.
FULL_SLACK = 2
MIN_FULL_LINES = 10
FULL_SHARE = 0.1


def _columns(line: str) -> int:
    """The columns a line of text takes (styling marks take none); 0 for a line
    without a letter (a rule drawn across the width wraps no text)."""
    return len(_unstyled(line)) if _LETTER.search(line) else 0


def _wrap_width(lines: Sequence[str], full: bool = True) -> int:
    """The column a hard-wrapped text was wrapped at, or 0 if it is not wrapped
    (``full=False``: only when most long lines are near the width)."""
    # Lengths of 40 or more, in columns (styling marks take none).
    lengths = sorted(filter((40).__le__, (len(_unstyled(line)) for line in lines)))
    if len(lengths) < 5:
        return 0
    width = lengths[int(0.9 * (len(lengths) - 1))]  # a few long URLs overflow the width
    if width > 120:
        return 0
    near = sum(1 for n in lengths if width - 20 <= n <= width)
    if near >= 0.5 * len(lengths):
        return width
    if not full:
        return 0
    # A page whose menus and teasers are many lines of 40 to 60 characters: its wrapped
    # paragraphs still pile up lines at the width itself.
    need = max(MIN_FULL_LINES, FULL_SHARE * len(lengths))
    if sum(1 for n in lengths if width - FULL_SLACK <= n <= width) >= need:
        return width
    # When more than a tenth of the long lines fill the width, the percentile falls
    # short of it: the lines of text just above it are the wrapped ones, not addresses
    # overflowing the width (a rule drawn across the width wraps no text).
    top = max(n for n in lengths if n <= width + FULL_SLACK)
    if top == width:
        return 0
    low = top - FULL_SLACK
    at_top = sum(1 for line in lines if len(line) >= low and low <= _columns(line) <= top)
    return top if at_top >= need else 0


# A line read as a block: its visible text, link characters, and whether it is a
# heading, a list item, a table row, a link definition or code (see rules.code: then
# its characters stand in for the link characters), and a sentence framing its links
# (see _framed); None for a line that separates blocks.
_Line = tuple[str, int, bool, bool, bool, bool, bool, bool] | None
# Distinct lines blocks() remembers how to read: a page repeats lines, and the page
# stage reads the lines of one text several times (as many lines as a long page has:
# a smaller memo reads them all again each time). Longer lines are read afresh.
MEMO_SIZE = 1 << 16
MEMO_CHARS = 500


def _read(raw: str) -> _Line:
    """What one line holds, as :func:`blocks` reads it."""
    stripped = raw.strip()
    first = stripped[:1]
    if not stripped or (first in res.MD_RULE_FIRST and res.MD_RULE.fullmatch(stripped)):
        return None
    if first == "[" and LINK_DEFINITION.fullmatch(stripped):
        return "", 0, False, False, False, True, False, False
    reason = code_reason(stripped)
    if reason is not None:
        # Tags and addresses (an image's tag) are no text; a script or a style sheet
        # is chrome, and weighs as its characters.
        chars = len(stripped) if reason == "code.script" else 0
        return "", chars, False, False, False, True, True, False
    heading = first == res.MD_HEADING_FIRST and res.MD_HEADING.match(stripped) is not None
    marker = (
        res.LIST_MARKER.match(stripped)
        if first in res.LIST_MARKER_FIRST or first.isdigit()
        else None
    )
    table = (
        first == res.TABLE_ROW_FIRST
        and not heading
        and res.TABLE_ROW.fullmatch(stripped) is not None
    )
    body = stripped
    if heading:
        body = stripped.lstrip("#").strip()
    elif marker is not None:
        body = stripped[marker.end() :]
    elif table:
        body = " ".join(cell.strip() for cell in stripped.strip("|").split("|"))
    text, link, framed = _visible(body)
    return text, link, heading, marker is not None, table, False, False, framed


_read_memo = lru_cache(maxsize=MEMO_SIZE)(_read)


def _address(raw: str) -> bool:
    """Whether a line without text is the address of a page written out (bare, or a
    link whose text is the address) rather than an image, an empty link, a site's
    name or the address of the link on the line before it ("(https://...)")."""
    line = raw.strip().removeprefix("[")
    m = res.BARE_URL.match(line) if line.startswith(("http", "www.")) else None
    if m is None or _IMAGE_FILE.search(m.group()):
        return False
    # A page of the site, not its name alone ("www.example.com" signs a page).
    path = m.group().split("//", 1)[-1].partition("/")[2]
    return bool(path.strip("/#"))


# A line that gives a page's address after a label of a few words and a colon or a
# dash ("Read the full report here: https://..."; "Tickets \u2013 www.example.com/show"):
# the address written out as text, as an article closes with where to read or book.
# The label has at least this many words (a footer's "Facebook: https://..." has one).
MIN_LABEL_WORDS = 3
_DASHES = frozenset(("-", "\u2013", "\u2014"))


def _labelled_address(raw: str) -> bool:
    """Whether the line ``raw`` is a label of ``MIN_LABEL_WORDS`` words or more and,
    after a colon or a dash, the address of a page (see :func:`_address`) written out,
    not linked."""
    if "](" in raw or ("http" not in raw and "www." not in raw):
        return False
    words = raw.split()
    if len(words) < MIN_LABEL_WORDS + 1:
        return False
    *label, address = words
    if label[-1] in _DASHES:
        label.pop()
    elif not label[-1].endswith(":"):
        return False
    return len(label) >= MIN_LABEL_WORDS and _address(address)


# The address of an image file (a converter writes out the image's source).
_IMAGE_FILE = re.compile(r"(?i)\.(?:jpe?g|png|gif|webp|svg|avif)(?:[?#]|$)")


# A table's delimiter row ("---|:---:|---", "| --- | --- |", or drawn with box
# characters, "────┼────"): two columns or more, or a rule above or below a table drawn
# with box characters.
_DELIMITER = re.compile(
    r"\|?(?:[ \t]*:?-{3,}:?[ \t]*\|){1,}[ \t]*:?-{3,}:?[ \t]*\|?"
    r"|[─━═]{3,}(?:[┼┬┴┿╋╪╤╧][─━═]{3,})+"
)


def _wrapped(previous: str, stripped: str, width: int) -> bool:
    """Whether ``previous`` was cut at the wrap width before the line ``stripped``: a
    wrapper moves a word to the next line only when it does not fit on this one (so a
    list of short lines is not one paragraph). Some slack for wrappers that count
    characters differently."""
    first = _unstyled(stripped.split(maxsplit=1)[0])
    return len(_unstyled(previous).rstrip()) + 1 + len(first) > width - WRAP_SLACK


def blocks(lines: Sequence[str], full: bool = True) -> list[Block]:
    """The blocks of a document's lines, with their features (see the module doc;
    ``full``: as :func:`_wrap_width` finds the wrap width)."""
    width = _wrap_width(lines, full)
    out: list[Block] = []
    joined: dict[int, list[str]] = {}  # block index -> texts of its lines (joined once)
    current: Block | None = None
    definitions: Block | None = None  # the run of link definitions that ends here
    addresses: list[Block] = []  # blocks that are a web address alone
    written = False  # whether a line writes out a link's address after its label
    barless = False  # inside a table written without its outer bars
    for i, raw in enumerate(lines):
        if ("--" in raw or "──" in raw) and _DELIMITER.fullmatch(raw.strip()) is not None:
            # A table's delimiter row: the row above is its head, the rows below its
            # body (a converter may leave out the bars at each end of a row).
            if out and out[-1].end == i and ("|" in lines[i - 1] or "│" in lines[i - 1]):
                out[-1].table_row = True
            out.append(Block(i, i + 1, "", media=True))
            current = None
            barless = True
            continue
        if "|" not in raw and "│" not in raw:
            barless = False
        line = _read_memo(raw) if len(raw) <= MEMO_CHARS else _read(raw)
        if line is None:
            current = None
            continue
        text, link, heading, listed, table, definition, code, framed = line
        cells = 0
        if barless and not table:
            table = True
            parts = text.replace("│", "|").split("|")
            text = " ".join(" ".join(parts).split())
            # The cells of a table of data: no link in any (a link cut by a cell's
            # edge leaves its "[" behind: a table laid out to hold teasers).
            cells = 0 if "[" in raw else sum(1 for part in parts if part.strip())
        if definition:
            # The converter's list of link addresses, or lines of code or markup (a
            # script, a style sheet): one block without text, however many lines
            # (short ones are not a footer's menu entries). Code is chrome.
            current = None
            if definitions is not None and definitions.end == i and definitions.code == code:
                definitions.end = i + 1
                definitions.code_chars += link
            else:
                definitions = Block(i, i + 1, "", media=True, code=code, code_chars=link)
                out.append(definitions)
            continue
        if not text and (
            current is not None
            and width
            and not current.heading
            and not current.table_row
            and raw.lstrip(" *_").startswith(("www.", "http"))
            and _wrapped(lines[i - 1], raw.strip(), width)
        ):
            # The address that ends a wrapped paragraph ("...; www.example.org."),
            # moved to a line of its own by the wrapper: the paragraph's last line.
            current.end = i + 1
            continue
        if not text:  # an image, an empty link: nothing to read, a block of its own
            out.append(Block(i, i + 1, "", link, media=True, address=_address(raw)))
            if out[-1].address:
                addresses.append(out[-1])
            current = None
            continue
        written = written or (  # not markdown
            "(http" in raw and raw.count("(http") > raw.count("](http")
        )
        joins = (
            current is not None
            and width
            and not heading
            and not listed
            and not table
            and not current.heading
            and not current.table_row
            and _wrapped(lines[i - 1], raw.strip(), width)
        )
        if joins and current is not None:
            current.end = i + 1
            joined.setdefault(len(out) - 1, [current.text]).append(text)
            current.link_chars += link
            current.framed = False
        else:
            current = Block(
                i, i + 1, text, link, heading, listed, table, framed=framed, cells=cells
            )
            current.labelled = _labelled_address(raw)
            out.append(current)
        if not width or heading or table:
            current = None
    for index, texts in joined.items():
        out[index].text = " ".join(texts)
    if written:
        # A converter that writes "Label (https://...)" writes an image link as its
        # address alone: not an address the text shows.
        for b in addresses:
            b.address = False
    return out
