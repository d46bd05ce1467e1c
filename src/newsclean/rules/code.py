"""Code and markup left in the text: style rules, script statements, tag lines and
fragments of web addresses, on lines of their own.

Converters that read a page's markup as text (markdown converters, ``html2text``-like
tools) keep what a browser never shows: the page's CSS (``.nav{margin:0;padding:0}``),
its scripts (``window._queue = window._queue || [];``), tags they do not convert
(``<span style="...">``), and long addresses wrapped onto lines of their own
(``&utm_source=twitter&utm_medium=social``). None of it is text. A line goes when it
is, with strong signals only:

- ``code.script``: code. Its code marks (braces, ``=``, a ``;`` that does not join two
  clauses of a sentence) are at least ``MIN_CODE_MARKS`` and ``MIN_CODE_DENSITY`` of
  its characters, and less than ``MAX_PROSE_SHARE`` of it is running text (three
  words or more in a row). Addresses and strings in double quotes do not count:
  ``=`` and ``;`` in a link's target are not code, and the sentences of a script's
  messages are not prose. A line of code punctuation alone (``});``) is code too.
- ``code.markup``: tags and attributes, and no text outside them.
- ``code.address``: one word that is a fragment of an address with a query
  (``=`` and ``&`` or ``?``, no braces), or a markdown link definition (``[12]: https://...``),
  unless the text shows that address as a link's text.

A sentence with a semicolon, a tag with text in it (``<b>Note:</b> the vote...``) and
a line of links stay.

>>> from newsclean.document import Document
>>> doc = Document.from_text("\\n".join([
...     "The vote was held on Tuesday; the result came late.",
...     ".nav{margin:0;padding:0}",
...     "window._queue = window._queue || [];",
...     "});",
...     '<span style="display:none">',
...     "&utm_source=twitter.com&utm_medium=social",
...     "The minister said <b>no</b>.",
... ]))
>>> [(r.reason, r.start, r.end) for r in code(doc)]
[('code.script', 1, 4), ('code.markup', 4, 5), ('code.address', 5, 6)]
"""

from __future__ import annotations

from .. import resources as res
from ..config import DEFAULT, Config
from ..document import Document, Removal

RULE = "code"

# A line of code has at least this many code marks, ...
MIN_CODE_MARKS = 2
# ... they are at least this share of its characters, ...
MIN_CODE_DENSITY = 0.03
# ... and less than this share of it is running text.
MAX_PROSE_SHARE = 0.5
# Running text: at least this many words in a row.
MIN_PROSE_RUN = 3
# An address shown as text is compared by its first characters (it may be wrapped).
ADDRESS_KEY_CHARS = 60

MEMO_SIZE = 4096  # distinct lines a call remembers the reason of


def code_reason(line: str) -> str | None:
    """The reason code for a line of code or markup (see the module doc), else ``None``.

    Link definitions are told apart by :func:`link_definition`, which needs the text
    around them.

    >>> code_reason("body {margin:0 auto;padding:0;}")
    'code.script'
    >>> code_reason("It came out in 2019; sales were good.") is None
    True
    >>> code_reason('</span><span class="x">'), code_reason("<b>Note:</b> read on")
    ('code.markup', None)
    """
    if res.CODE_CHAR.search(line) is None:
        return None
    text = line.strip()
    if "<" in text or "=" in text:
        text, rest = _outside_markup(text)
        if rest is not None and not any(c.isalnum() for c in rest):
            return "code.markup"
    if not text:
        return None
    if (
        "=" in text
        and ("&" in text or "?" in text)
        and " " not in text
        and "[" not in text
        and "{" not in text
    ):
        return "code.address"
    if not any(c.isalnum() for c in text):
        if ("{" in text or "}" in text or text.endswith(";")) and (
            res.CODE_PUNCTUATION.fullmatch(text) is not None
        ):
            return "code.script"
        return None
    if '"' in text:
        text = res.CODE_STRING.sub("", text)
    text = res.CODE_ADDRESS.sub(" ", text).strip()
    if not text:
        return None
    marks = len(res.CODE_MARK.findall(text))
    if marks < MIN_CODE_MARKS or marks < MIN_CODE_DENSITY * len(text):
        return None
    return "code.script" if _prose_chars(text) < MAX_PROSE_SHARE * len(text) else None


def _outside_markup(text: str) -> tuple[str, str | None]:
    """``text`` without its tags, and without its tags and attributes too when it has
    markup (a whole tag, a tag cut at the line's end, or two attributes), else
    ``None``."""
    text, tags = res.HTML_TAG.subn(" ", text)
    text = text.strip()
    rest = text
    opener = res.HTML_TAG_OPEN.match(rest)
    if opener is not None:
        rest = rest[opener.end() :]
    rest, attributes = res.HTML_ATTRIBUTE.subn(" ", rest)
    if tags or opener is not None or attributes >= 2:
        return text, rest
    return text, None


def _prose_chars(text: str) -> int:
    """How many characters of ``text`` are words in runs of ``MIN_PROSE_RUN`` or more."""
    total = run = run_chars = 0
    for token in text.split():
        if res.PROSE_WORD.fullmatch(token) is not None:
            run += 1
            run_chars += len(token) + (run > 1)  # and the space before it
            continue
        if run >= MIN_PROSE_RUN:
            total += run_chars
        run = run_chars = 0
    return total + run_chars if run >= MIN_PROSE_RUN else total


def link_definition(line: str) -> str | None:
    """The address of a markdown link definition line (``[12]: https://...``), else
    ``None``.

    >>> link_definition('[12]: https://example.org/a?b=c "Title"'), link_definition("[a] b")
    ('https://example.org/a?b=c', None)
    """
    text = line.strip()
    if not text.startswith("["):
        return None
    found = res.LINK_DEFINITION.fullmatch(text)
    return None if found is None else found.group(1)


def _shown_addresses(lines: list[str]) -> set[str]:
    """The addresses ``lines`` show as text (a link whose text is its address), by
    their first ``ADDRESS_KEY_CHARS`` characters."""
    shown: set[str] = set()
    for line in lines:
        for match in res.BARE_URL.finditer(line):
            shown.add(match.group()[:ADDRESS_KEY_CHARS])
    return shown


def code(doc: Document, config: Config = DEFAULT) -> list[Removal]:
    """Lines of code, markup and address fragments (see the module doc). Consecutive
    lines with the same reason are one removal."""
    # The whole-page stage may have asked already, about the same lines (its view).
    return doc.remembered(RULE, _code)


def _code(doc: Document) -> list[Removal]:
    lines = doc.lines
    found: list[tuple[int, str]] = []
    definitions: list[tuple[int, str]] = []
    shown_in: list[str] = []  # lines that may show an address as text
    memo: dict[str, str | None] = {}
    for i in doc.kept():
        line = lines[i]
        address = link_definition(line)
        if address is not None:
            definitions.append((i, address))
            continue
        if line in memo:
            reason = memo[line]
        else:
            reason = code_reason(line)
            if len(memo) < MEMO_SIZE:
                memo[line] = reason
        if reason is not None:
            found.append((i, reason))
        elif "http" in line or "www." in line:
            shown_in.append(line)
    if definitions:
        shown = _shown_addresses(shown_in)
        found += [
            (i, "code.address")
            for i, address in definitions
            if _address_key(address) not in shown
        ]
        found.sort()
    removals: list[Removal] = []
    for i, reason in found:
        last = removals[-1] if removals else None
        if last is not None and last.end == i and last.reason == reason:
            removals[-1] = Removal(RULE, reason, last.start, i + 1)
        else:
            removals.append(Removal(RULE, reason, i, i + 1))
    return removals


def _address_key(address: str) -> str:
    found = res.BARE_URL.match(address)
    return (address if found is None else found.group())[:ADDRESS_KEY_CHARS]
