"""Markup to text with block structure, using the Lexbor HTML5 parser (selectolax).

Paragraphs, headings, list items, table rows and ``<br>`` become line breaks; script,
style, noscript, template, svg and other non-text elements are dropped. Text that only
happens to contain ``<`` or ``&`` is not treated as markup.

A *whole page* (it has ``<html>``, ``<body>`` or a doctype) also loses its chrome,
read from the page's structure: ``nav``, ``header``, ``footer``, ``aside``, forms,
buttons and dialogs, elements with a landmark role other than the main content,
hidden elements (``hidden``, ``aria-hidden="true"``, ``display: none``), elements whose
class or id names them chrome (``menu``, ``sidebar``, ``share``, ``related``,
``comments``, ``cookie``...), and lines that are mostly link text (link lists, menus).
An element that holds most of the page's text is never dropped this way (some sites
wrap the whole page in a ``<form>`` or a ``header``-classed ``div``).

A comment that swallows much of the input and holds markup (an opener a converter left
behind, running to a ``-->`` near the end) is opened up rather than dropped
(:func:`open_swallowing_comments`); ordinary comments are dropped.

The parser builds no Python tree and the walk below is iterative, so deeply nested
markup neither crashes nor loses its text. Nothing is fetched: no network, no files.

>>> html_to_text("<p>First <b>para</b>.</p><ul><li>One</li><li>Two</li></ul><script>x()</script>")
'First para.\\n\\nOne\\nTwo'
>>> page = ("<html><body><nav><a href='/'>Home</a> <a href='/n'>News</a></nav>"
...         "<p>The article, with a <a href='/x'>link</a> in it.</p>"
...         "<div hidden>Hidden text</div><footer>Contact us</footer></body></html>")
>>> html_to_text(page)
'The article, with a link in it.'
>>> looks_like_html("if a < b and c > d then")
False
"""

from __future__ import annotations

from bisect import bisect_left

import regex
from selectolax.lexbor import LexborHTMLParser, LexborNode

DROP_TAGS = frozenset(
    "script style noscript template svg math iframe object embed canvas head link meta "
    "select option button input textarea audio video source track map".split()
)
PARAGRAPH_TAGS = frozenset(
    "p h1 h2 h3 h4 h5 h6 article section header footer nav aside main div blockquote "
    "pre figure figcaption table form fieldset address details summary dl ul ol hr "
    "body html center".split()
)
LINE_TAGS = frozenset("li tr dt dd caption legend option br td th".split())
# Chrome by element, by landmark role, and by the words of a class or id.
CHROME_TAGS = frozenset("nav header footer aside form button dialog menu".split())
CHROME_ROLES = frozenset(
    "navigation banner contentinfo complementary search menu menubar dialog alertdialog".split()
)
CHROME_NAMES = frozenset(
    "nav navbar navigation menu submenu sidebar footer breadcrumb breadcrumbs cookie "
    "cookies consent share sharing social related recommended comments comment "
    "newsletter subscribe subscription promo advert advertisement ads ad popup modal "
    "masthead toolbar pagination pager widget outbrain taboola".split()
)
# An element holding more than this share of the page's text is never chrome.
MAX_CHROME_SHARE = 0.3
# A line of a whole page whose text is mostly link text is a menu or a link list.
MAX_LINK_SHARE = 0.5

_TAG = regex.compile(
    r"<(?:!doctype\s|html[\s>]|body[\s>]|/?(?:p|div|br|span|a|li|ul|ol|h[1-6]|article|"
    r"section|table|tr|td|img|script|style|em|strong|b|i|blockquote|figure|figcaption)"
    r"(?:\s[^<>]{0,500})?/?>)",
    regex.IGNORECASE,
)
_PAGE = regex.compile(r"<(?:!doctype\s+html|html[\s>]|body[\s>])", regex.IGNORECASE)
_SPACE = regex.compile(r"\s+")
# Characters the unicode and whitespace steps delete (ftfy's control characters, zero-width
# characters): detection ignores them, so that cleaning twice decides the same way.
_INVISIBLE = regex.compile(
    r"[\x00-\x08\x0b\x0e-\x1f\x7f\u200b-\u200d\u2060-\u206f\ufeff\ufff9-\ufffc\u00ad\u180e]+"
)



_NAME_WORD = regex.compile(r"[a-z]+")
_BLANK_LINE = regex.compile(r"\n[^\S\n]*\n\s*")
_HIDDEN_STYLE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.IGNORECASE)


# Markup nested deeper than this loses the tags below that depth (their text stays):
# an HTML5 parser checks the stack of open elements for each tag, so parsing n nested
# elements costs n squared (100k nested <div>s: 15 s). Browsers cap nesting too.
MAX_DEPTH = 512
_ANY_TAG = regex.compile(r"<(/?)([a-zA-Z][\w:-]*+)[^<>]*+>")
# Elements that never hold others open: void ones, and those whose end tag is optional
# (the parser closes them at the next sibling).
_NO_NESTING = frozenset(
    "area base br col embed hr img input link meta param source track wbr "
    "p li dt dd tr td th option optgroup tbody thead tfoot colgroup rb rt rp".split()
)
_VOID_OPENERS = ("<br", "<img", "<meta", "<link")
_CHUNK = 1 << 12


def _may_nest_deeper(html: str, limit: int) -> bool:
    """Whether a cheap estimate of the nesting depth exceeds ``limit``: opening minus
    closing tags, counted with ``str.count`` a 4 KB chunk at a time (so a peak inside
    one chunk, at most a few hundred tags, goes unseen)."""
    depth = 0
    count = html.count
    for at in range(0, len(html), _CHUNK):
        end = at + _CHUNK
        depth += count("<", at, end) - 2 * count("</", at, end) - count("<!", at, end)
        if depth > limit:
            depth -= sum(count(opener, at, end) for opener in _VOID_OPENERS)
            if depth > limit:
                return True
    return False


def cap_depth(html: str) -> str:
    """``html`` without the tags nested deeper than ``MAX_DEPTH`` (their text stays).

    Markup that cannot be that deep (a cheap count says so) comes back as it is.

    >>> cap_depth("<p>x</p>") == "<p>x</p>"
    True
    >>> deep = "<div>" * 2000 + "text" + "</div>" * 2000
    >>> capped = cap_depth(deep)
    >>> capped.count("<div>"), capped.count("</div>"), "text" in capped
    (512, 512, True)
    """
    if not _may_nest_deeper(html, MAX_DEPTH):
        return html
    parts: list[str] = []
    pos = depth = 0
    for match in _ANY_TAG.finditer(html):
        if match.group(2).lower() in _NO_NESTING or match.group().endswith("/>"):
            continue
        if match.group(1):
            drop = depth > MAX_DEPTH
            depth = max(0, depth - 1)
        else:
            depth += 1
            drop = depth > MAX_DEPTH
        if drop:
            parts.append(html[pos : match.start()])
            pos = match.end()
    parts.append(html[pos:])
    return "".join(parts)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is markup: a doctype, or known HTML tags, at least two and at
    more of them than lines of prose outside tags and than markdown links.

    >>> looks_like_html("<p>One</p><p>Two</p>"), looks_like_html("[a](/a) <span></span>")
    (True, False)
    """
    if "<" not in text:
        return False  # no doctype, no tag
    if _INVISIBLE.search(text):
        text = _INVISIBLE.sub("", text)
    head = text[:200].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")):
        return True
    tags = 0
    for match in _TAG.finditer(text):
        if match.group()[1:6].lower().lstrip("/")[:4] != "span":  # inline leftovers
            tags += 1
    if tags < 2:
        return False
    # Markdown or plain text with a few stray tags (converters leave <span>s behind,
    # a scraper a link): in markup, tags outnumber the lines of prose outside any tag,
    # and markdown links. Only distinct lines of six words or more count: cleaning
    # removes short chrome lines and repeats, and the decision must not change when it
    # does (idempotence).
    prose = set()
    for line in text.splitlines():
        if len(line.split(None, 5)) > 5 and ("<" not in line or not _TAG.search(line)):
            prose.add(line.strip())
    return tags >= len(prose) and tags > text.count("](")


def is_whole_page(html: str) -> bool:
    """Whether markup is a whole page (doctype, ``<html>`` or ``<body>``), not a fragment.

    >>> is_whole_page("<!DOCTYPE html><title>x</title><p>y</p>"), is_whole_page("<p>y</p>")
    (True, False)
    """
    return _PAGE.search(html, 0, 5000) is not None


def _main_ancestors(tree: LexborHTMLParser) -> frozenset[int]:
    """The elements that hold the page's longest paragraph: never chrome."""
    best, best_len = None, 0
    for p in tree.css("p"):
        n = len(p.text(deep=True).strip())
        if n > best_len:
            best, best_len = p, n
    ids: set[int] = set()
    while best is not None:
        ids.add(best.mem_id)
        best = best.parent
    return frozenset(ids)


def _is_chrome(node: LexborNode, tag: str, page_chars: int, main: frozenset[int]) -> bool:
    attrs = node.attributes
    if attrs:
        if "hidden" in attrs or attrs.get("aria-hidden") == "true":
            return True
        style = attrs.get("style")
        if style and _HIDDEN_STYLE.search(style):
            return True
    chrome = tag in CHROME_TAGS
    if not chrome and attrs:
        role = attrs.get("role")
        if role and role.strip().lower() in CHROME_ROLES:
            chrome = True
        else:
            names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
            chrome = any(word in CHROME_NAMES for word in _NAME_WORD.findall(names))
    if not chrome or node.mem_id in main:
        return False
    return len(_SPACE.sub(" ", node.text(deep=True))) <= MAX_CHROME_SHARE * page_chars


# A comment spanning at least this share of the input, with end tags in it, hides the
# text rather than a remark: see :func:`open_swallowing_comments`.
SWALLOWING_SHARE = 1 / 3
SWALLOWING_END_TAGS = 3
_RAW_TEXT = ("script", "style")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


class _Next:
    """The next occurrence of ``sub`` in ``text`` at or after a position, for positions
    that only grow: each search starts where the last one ended, so all the searches
    over a text take one pass."""

    def __init__(self, text: str, sub: str) -> None:
        self.text, self.sub, self.found = text, sub, -2

    def at(self, start: int) -> int:
        if self.found == -1 or (self.found >= start):
            return self.found
        self.found = self.text.find(self.sub, start)
        return self.found


def _end_tags(html: str) -> list[int]:
    """Where the end tags (``</`` and a letter) of ``html`` start, in order."""
    found: list[int] = []
    at = html.find("</")
    while at >= 0:
        if html[at + 2 : at + 3].isalpha():
            found.append(at)
        at = html.find("</", at + 2)
    return found


def open_swallowing_comments(html: str) -> str:
    """``html`` with the markers of each comment that swallows the text taken out.

    A ``<!--`` ends at the next ``-->``. When a converter has left a comment opener
    behind (``<!--[CDATA[`` of a ``<script>`` whose tags it stripped), or a page's
    comment is never closed, that next ``-->`` may lie near the end: the parser then
    reads most of the input as one comment, and its text is lost. A comment that
    spans at least ``SWALLOWING_SHARE`` of the input and holds at least
    ``SWALLOWING_END_TAGS`` end tags is such a one: its ``<!--`` (and the ``-->``
    closing it, unless a comment opened inside it closes there) is taken out and what
    it held is read as markup. When it holds a ``</script>`` (or ``</style>``) with no
    opener before it, the text up to there was a script's body (its start tag lost)
    and goes as well. Ordinary comments stay, for the parser to drop.

    >>> body = "<p>Article text.</p>" * 3
    >>> open_swallowing_comments("<!--[CDATA[ var a = 1; ]]></script>" + body + "-->")
    '</script><p>Article text.</p><p>Article text.</p><p>Article text.</p>'
    >>> html = "<p>Text.</p><!-- a remark --><p>More.</p>"
    >>> open_swallowing_comments(html) == html
    True
    >>> html_to_text("<!-- opener left behind<p>First.</p><p>Second.</p><p>Third.</p>")
    'opener left behind\\n\\nFirst.\\n\\nSecond.\\n\\nThird.'
    """
    at = html.find("<!--")
    if at < 0:
        return html
    n = len(html)
    closer = _Next(html, "-->")
    ends: list[int] | None = None
    raw: list[tuple[_Next, _Next]] = []
    parts: list[str] = []
    pos = 0  # html[pos:] is yet to be copied
    orphan = -1  # the "-->" of a comment opened up, unless a comment inside it closes there
    while at >= 0:
        close = closer.at(at + 2)  # "<!-->" and "<!--->" close at once, as in HTML5
        stop = n if close < 0 else close
        if 0 <= orphan < at:
            # No comment opened inside the one opened up closes at its "-->": text.
            parts.append(html[pos:orphan])
            pos, orphan = orphan + 3, -1
        swallows = stop - at >= SWALLOWING_SHARE * n
        if swallows:
            if ends is None:
                low = html.translate(_ASCII_LOWER)  # str.lower() may change the length
                ends = _end_tags(html)
                raw = [(_Next(low, f"</{name}"), _Next(low, f"<{name}")) for name in _RAW_TEXT]
            swallows = bisect_left(ends, stop) - bisect_left(ends, at) >= SWALLOWING_END_TAGS
        if not swallows:
            if close == orphan:
                orphan = -1
            if close < 0:
                break
            at = html.find("<!--", close + 3)
            continue
        parts.append(html[pos:at])
        pos = resume = at + 4
        for end_tag, start_tag in raw:
            end = end_tag.at(at)
            if 0 <= end < stop and not 0 <= start_tag.at(at) < end:
                pos = resume = max(resume, end)
        orphan = close
        at = html.find("<!--", resume)
    if orphan >= 0:
        parts.append(html[pos:orphan])
        pos = orphan + 3
    parts.append(html[pos:])
    return "".join(parts)


def html_to_text(html: str, whole_page: bool | None = None) -> str:
    """The text of an HTML page or fragment, one block per line.

    ``whole_page`` (default: :func:`is_whole_page`) also drops the page's chrome, as
    the module doc describes.
    """
    if whole_page is None:
        whole_page = is_whole_page(html)
    tree = LexborHTMLParser(cap_depth(open_swallowing_comments(html)))
    root = tree.root
    if root is None:
        return ""
    page_chars = 0
    main: frozenset[int] = frozenset()
    if whole_page:
        main = _main_ancestors(tree)
        tree.strip_tags(list(DROP_TAGS))
        page_chars = len(_SPACE.sub(" ", root.text(deep=True)))
    out = _Lines()
    links = pre = 0
    stack: list[tuple[LexborNode, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        tag = node.tag or ""
        if leaving:
            if tag == "a":
                links -= 1
            elif tag == "pre":
                pre -= 1
            if tag in PARAGRAPH_TAGS:
                out.separator("\n\n")
            elif tag in LINE_TAGS:
                out.separator("\n")
            continue
        if tag == "-text":
            text = node.text_content or ""
            if pre:
                out.text(text, links > 0)
                continue
            if whole_page or "\n" not in text:
                out.text(_SPACE.sub(" ", text), links > 0)
                continue
            # In a fragment, line ends in the text stay (a blank line is a paragraph
            # break): such input is text with some markup in it, and its lines are
            # what the line rules read.
            for n, paragraph in enumerate(_BLANK_LINE.split(text)):
                if n:
                    out.separator("\n\n")
                for m, line in enumerate(paragraph.split("\n")):
                    if m:
                        out.separator("\n")
                    out.text(_SPACE.sub(" ", line), links > 0)
            continue
        if tag.startswith("-") or tag in DROP_TAGS:
            continue
        if whole_page and tag not in ("html", "body") and _is_chrome(node, tag, page_chars, main):
            continue
        if tag == "br":
            out.separator("\n")
            continue
        if tag in PARAGRAPH_TAGS:
            out.separator("\n\n")
        elif tag in LINE_TAGS:
            out.separator("\n")
        if tag == "a":
            links += 1
        elif tag == "pre":
            pre += 1
        stack.append((node, True))
        children = list(node.iter(include_text=True))
        stack.extend((child, False) for child in reversed(children))
    return out.render(MAX_LINK_SHARE if whole_page else None)


class _Lines:
    """Text pieces where adjacent block separators merge into the larger one, with the
    share of each line that is link text."""

    def __init__(self) -> None:
        self.lines: list[tuple[str, int, str]] = []  # text, link chars, separator after
        self.parts: list[str] = []
        self.link_chars = 0

    def separator(self, sep: str) -> None:
        text = "".join(self.parts).strip()
        if text:
            self.lines.append((text, self.link_chars, sep))
        elif self.lines and len(sep) > len(self.lines[-1][2]):
            self.lines[-1] = (*self.lines[-1][:2], sep)
        self.parts = []
        self.link_chars = 0

    def text(self, text: str, link: bool) -> None:
        self.parts.append(text)
        if link:
            self.link_chars += len(text.strip())

    def render(self, max_link_share: float | None) -> str:
        self.separator("")
        pieces: list[str] = []
        for text, link_chars, sep in self.lines:
            if max_link_share is not None and link_chars > max_link_share * len(text):
                if pieces and len(sep) > len(pieces[-1]):
                    pieces[-1] = sep
                continue
            pieces.append("\n".join(line.strip() for line in text.split("\n")))
            pieces.append(sep)
        return "".join(pieces[:-1]).strip() if pieces else ""
