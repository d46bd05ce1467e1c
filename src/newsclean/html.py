"""Markup to text with block structure, using BeautifulSoup.

Paragraphs, headings, list items, table rows and ``<br>`` become line breaks; script,
style, noscript, template, svg and other non-text elements are dropped. Text that only
happens to contain ``<`` or ``&`` is not treated as markup.

>>> html_to_text("<p>First <b>para</b>.</p><ul><li>One</li><li>Two</li></ul><script>x()</script>")
'First para.\\n\\nOne\\nTwo'
>>> looks_like_html("if a < b and c > d then")
False
"""

from __future__ import annotations

import warnings

import regex
from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning
from bs4.element import NavigableString, Tag

DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "iframe",
    "object",
    "embed",
    "canvas",
    "head",
    "link",
    "meta",
    "select",
    "option",
    "button",
    "input",
    "textarea",
    "audio",
    "video",
    "source",
    "track",
    "map",
)
_DROP = frozenset(DROP_TAGS)
PARAGRAPH_TAGS = frozenset(
    "p h1 h2 h3 h4 h5 h6 article section header footer nav aside main div blockquote "
    "pre figure figcaption table form fieldset address details summary dl ul ol hr "
    "body html center".split()
)
LINE_TAGS = frozenset("li tr dt dd caption legend option br td th".split())
_TAG = regex.compile(
    r"<(?:!doctype\s|html[\s>]|body[\s>]|/?(?:p|div|br|span|a|li|ul|ol|h[1-6]|article|"
    r"section|table|tr|td|img|script|style|em|strong|b|i|blockquote|figure|figcaption)"
    r"(?:\s[^<>]{0,500})?/?>)",
    regex.IGNORECASE,
)
_SPACE = regex.compile(r"\s+")
# Characters the unicode and whitespace steps delete (ftfy's control characters, zero-width
# characters): detection ignores them, so that cleaning twice decides the same way.
_INVISIBLE = regex.compile(
    r"[\x00-\x08\x0b\x0e-\x1f\x7f\u200b-\u200d\u2060-\u206f\ufeff\ufff9-\ufffc\u00ad\u180e]+"
)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` holds markup (a doctype, or at least two known HTML tags)."""
    if _INVISIBLE.search(text):
        text = _INVISIBLE.sub("", text)
    head = text[:200].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")):
        return True
    matches = _TAG.finditer(text)
    return next(matches, None) is not None and next(matches, None) is not None


def html_to_text(html: str) -> str:
    """The text of an HTML page or fragment, one block per line."""
    with warnings.catch_warnings():
        # XHTML pages (an XML prolog) and short text that resembles a file name or URL
        # are parsed as HTML on purpose; bs4 would warn on every such page.
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(html, "lxml")
    out = _Parts()
    stack: list[object] = [soup]
    while stack:
        node = stack.pop()
        if isinstance(node, str) and not isinstance(node, NavigableString):
            out.separator(node)  # pushed when the element was entered
        elif isinstance(node, Tag):
            if node.name in _DROP:
                continue  # skipped, not decomposed: decompose is slow on deep nesting
            sep = "\n\n" if node.name in PARAGRAPH_TAGS else "\n" if node.name in LINE_TAGS else ""
            if sep:
                out.separator(sep)
                stack.append(sep)
            stack.extend(reversed(node.contents))
        elif type(node) is NavigableString:
            text = str(node)
            parent = node.parent
            out.text(text if parent is not None and parent.name == "pre" else _SPACE.sub(" ", text))
    return "\n".join(line.strip() for line in "".join(out.parts).split("\n")).strip()


class _Parts:
    """Text pieces where adjacent block separators merge into the larger one."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.last_sep = "\n\n"  # the separator the text ends with ("" after text)

    def separator(self, sep: str) -> None:
        if self.last_sep:
            if len(sep) > len(self.last_sep):
                self.parts[-1] = sep
                self.last_sep = sep
            return
        while self.parts and not self.parts[-1].strip():
            self.parts.pop()  # spaces before a block boundary
        self.parts.append(sep)
        self.last_sep = sep

    def text(self, text: str) -> None:
        if not text.strip() and self.last_sep:
            return
        self.parts.append(text)
        self.last_sep = ""
