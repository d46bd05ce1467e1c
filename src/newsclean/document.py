"""The one view of a text that every line rule shares.

A :class:`Document` is the text split once into lines. Rules never edit it: they
return :class:`Removal` records (which lines, which rule, why), the pipeline marks those
lines, and :meth:`Document.render` joins the lines nobody removed. That keeps rules
independent of each other and makes every deletion explainable.

>>> doc = Document.from_text("Title\\n\\nAdvertisement\\nBody text.")
>>> doc.lines
('Title', '', 'Advertisement', 'Body text.')
>>> doc.mark(Removal(rule="ui_strings", reason="ui.advertisement", start=2, end=3))
True
>>> doc.render()
'Title\\n\\nBody text.'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import compress
from operator import not_

# A run of letters and digits: ``\w`` without the underscore, which in the stdlib
# engine is exactly ``[\p{L}\p{N}]`` for the Unicode version Python runs on (and
# about 1.5 times faster than the regex module).
_KEY_WORD = re.compile(r"[^\W_]+")


def line_key(line: str) -> str:
    """A line reduced to its words: case-folded, punctuation, bullets and spacing gone.

    Catalogue lookups and duplicate detection compare keys, so ``"• Oops!"`` and
    ``"oops"`` are the same line to them.

    >>> line_key("  • Oops!  Something   went wrong.")
    'oops something went wrong'
    """
    if line.isascii():  # O(1) in CPython
        if line.isalnum():
            return line.lower()
        # The runs of ASCII letters and digits, found without a regex.
        return " ".join(line.lower().translate(_ASCII_GAPS).split())
    return " ".join(_KEY_WORD.findall(line.casefold()))


# Every ASCII character that is no letter nor digit, turned into a space: the ASCII
# line's words are then what str.split() gives (casefold() is lower() on ASCII).
_ASCII_GAPS = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isalnum()})


def _regex_line_key(line: str) -> str:
    """:func:`line_key` without its ASCII fast path (the tests compare the two)."""
    return " ".join(_KEY_WORD.findall(line.casefold()))


@dataclass(frozen=True)
class Removal:
    """Lines ``start`` (inclusive) to ``end`` (exclusive), 0-based, removed by ``rule``.

    ``reason`` is a stable code such as ``duplicate.line`` or ``ui.player_error``;
    ``text`` is what was removed (filled in by :meth:`Document.mark`).
    """

    rule: str
    reason: str
    start: int
    end: int
    text: str = ""

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready form (line numbers 1-based, as editors show them)."""
        return {
            "rule": self.rule,
            "reason": self.reason,
            "line": self.start + 1,
            "lines": self.end - self.start,
            "text": self.text,
        }


# A rule's result on a document's lines: what it depends on (a catalogue, the lines
# removed before it ran), its removals, and its held entries (see Document.fresh).
Fresh = tuple[object, tuple[Removal, ...], tuple[tuple[int, int, str], ...]]


@dataclass
class Document:
    """A text as lines, plus the set of lines rules have removed so far."""

    lines: tuple[str, ...]
    removed: list[bool] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)
    # Whether each Removal gets the text of its lines (a report needs it, clean() not).
    record_text: bool = True
    # Catalogue entries (start, end, reason) ui_strings kept only because they seemed to
    # carry a sentence on; a later rule may remove a line that decided it (see
    # ui_strings.held_lines).
    held: list[tuple[int, int, str]] = field(default_factory=list)
    # What a rule found on these lines, by rule name: what the result depends on (a
    # catalogue, the lines removed before it ran), its removals and held entries.
    # Shared by the documents unmarked() makes of this one, so a rule asked again about
    # the same lines (the whole-page stage's view, then the line rules) answers from it.
    fresh: dict[str, Fresh] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.removed:
            self.removed = [False] * len(self.lines)

    @classmethod
    def from_text(cls, text: str, *, record_text: bool = True) -> Document:
        return cls(tuple(text.split("\n")), record_text=record_text)

    @classmethod
    def from_pieces(cls, pieces: Iterable[str], *, record_text: bool = True) -> Document:
        """The document of the text ``"".join(pieces)``, built without that text.

        >>> Document.from_pieces(["Title\\nBo", "dy\\n"]).lines
        ('Title', 'Body', '')
        """
        lines: list[str] = []
        open_line = ""  # the end of the last piece: a line the next piece carries on
        for piece in pieces:
            cut = piece.split("\n")
            if open_line:
                cut[0] = open_line + cut[0]
            open_line = cut.pop()
            lines.extend(cut)
        lines.append(open_line)
        return cls(tuple(lines), record_text=record_text)

    def unmarked(self, *, record_text: bool = True) -> Document:
        """A document of the same lines with none removed, sharing the per-line facts
        (``keys``, ``nonblank``) computed for this one so far, and ``fresh``.

        >>> doc = Document.from_text("Title\\nBody")
        >>> doc.keys is doc.unmarked().keys
        True
        """
        doc = Document(self.lines, record_text=record_text, fresh=self.fresh)
        for name in ("keys", "nonblank"):
            if name in self.__dict__:
                doc.__dict__[name] = self.__dict__[name]
        return doc

    def remembered(
        self, rule: str, find: Callable[[Document], list[Removal]], depends: object = None
    ) -> list[Removal]:
        """``find(self)`` for a rule whose removals and held entries depend on the lines,
        the lines removed so far and ``depends`` (a catalogue) alone; answered from
        ``fresh`` when the rule ran on these lines with the same lines removed and the
        same ``depends``, its held entries added again.

        >>> doc = Document.from_text("a\\nb")
        >>> found = lambda d: [Removal("r", "r.x", 0, 1)]
        >>> doc.remembered("r", found) == doc.unmarked().remembered("r", lambda d: [])
        True
        """
        key = (depends, tuple(self.removed))
        known = self.fresh.get(rule)
        if known is not None and known[0] == key:
            self.held.extend(known[2])
            return list(known[1])
        held = len(self.held)
        removals = find(self)
        self.fresh[rule] = (key, tuple(removals), tuple(self.held[held:]))
        return removals

    @cached_property
    def keys(self) -> tuple[str, ...]:
        """:func:`line_key` of every line, computed once per document (and once per
        distinct line: a page may repeat one line many times)."""
        distinct = {line: line_key(line) for line in dict.fromkeys(self.lines)}
        return tuple(map(distinct.__getitem__, self.lines))

    def __len__(self) -> int:
        return len(self.lines)

    @cached_property
    def nonblank(self) -> tuple[int, ...]:
        """Indexes of the lines that hold more than whitespace, computed once."""
        # str.strip() and str.isspace() agree on what whitespace is.
        return tuple(compress(range(len(self.lines)), map(str.strip, self.lines)))

    def is_blank(self, i: int) -> bool:
        return not self.lines[i].strip()

    def kept(self) -> Iterator[int]:
        """Indexes of non-blank lines no rule has removed yet."""
        removed = self.removed
        return (i for i in self.nonblank if not removed[i])

    def mark(self, removal: Removal) -> bool:
        """Remove a span of lines; ``False`` if every line in it was already removed."""
        start, end = max(0, removal.start), min(len(self.lines), removal.end)
        removed = self.removed
        if end == start + 1:  # the common case, made cheap: many rules mark one line
            if removed[start]:
                return False
            removed[start] = True
        else:
            if start >= end or all(removed[start:end]):
                return False
            removed[start:end] = [True] * (end - start)
        text = removal.text
        if not text and self.record_text:
            text = self.lines[start] if end == start + 1 else "\n".join(self.lines[start:end])
        if (
            type(removal) is Removal
            and removal.start == start
            and removal.end == end
            and removal.text == text
        ):
            self.removals.append(removal)  # already the record to keep (it is frozen)
        else:
            self.removals.append(Removal(removal.rule, removal.reason, start, end, text))
        return True

    def render(self) -> str:
        """The lines no rule removed, joined; blank lines are tidied by whitespace."""
        if not any(self.removed):
            return "\n".join(self.lines)
        return "\n".join(compress(self.lines, map(not_, self.removed)))

    def render_pieces(self, lines_per_piece: int = 1024) -> Iterator[str]:
        """:meth:`render` as pieces of ``lines_per_piece`` lines (without the whole).

        >>> doc = Document.from_text("a\\nb\\nc")
        >>> list(doc.render_pieces(2))
        ['a\\nb', '\\n', 'c']
        """
        kept = list(compress(self.lines, map(not_, self.removed)))
        for start in range(0, len(kept), lines_per_piece):
            if start:
                yield "\n"
            yield "\n".join(kept[start : start + lines_per_piece])
