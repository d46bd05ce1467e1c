"""Standalone photo-credit lines: ``Photo: Damian Dovarganes, AP``,
``Alex Wong | Getty Images``, ``Foto: Markus Scholz/dpa/Archivbild``.

A caption that ends with a credit is a caption and stays; only lines that are a credit
and nothing else are removed (``credits="drop"``, the default) or kept (``"keep"``).

>>> is_credit_line("Photo: Damian Dovarganes, AP")
True
>>> is_credit_line("Alex Wong | Getty Images")
True
>>> is_credit_line("(AP Photo/Evan Vucci)")
True
>>> is_credit_line("Reuters reported that the talks had stalled.")
False
>>> is_credit_line("Why Can't Taylor Swift Perform Her Own Songs? It's Complicated - Bloomberg")
False
>>> is_credit_line("Photo: Protesters gather outside parliament in the capital on Monday evening.")
False
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import regex

from .. import resources as res
from ..config import DEFAULT, Config
from ..document import Document, Removal

RULE = "credits"
MAX_CREDIT_WORDS = 10
MAX_CREDIT_CHARS = 160


@lru_cache(maxsize=1)
def _agency_pattern() -> regex.Pattern[str]:
    text = resources.files("newsclean.catalogue").joinpath("agencies.list").read_text("utf-8")
    names = [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]
    names.sort(key=len, reverse=True)
    alternation = "|".join(regex.escape(name) for name in names)
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{alternation})(?![\p{{L}}\p{{N}}])")


def _looks_like_names(words: list[str]) -> bool:
    """Every word is capitalised (a name, an agency) or a credit filler word."""
    agencies = _agency_pattern()
    return all(
        w[0].isupper()
        or w[0].isdigit()
        or w.casefold() in res.CREDIT_FILLER
        or agencies.fullmatch(w)
        for w in words
    )


def is_credit_line(line: str) -> bool:
    """Whether ``line`` is a photo credit and nothing else."""
    line = line.strip().strip("()[]")
    if not line or len(line) > MAX_CREDIT_CHARS:
        return False
    first = line[0]
    if first in _LABEL_FIRST or not first.isascii():
        for label in _LABELS:
            match = label.match(line)
            if match:
                rest = res.WORD.findall(line[match.end() :])
                return 0 < len(rest) <= MAX_CREDIT_WORDS and _looks_like_names(rest)
    # The cheap tests first: most lines that get here are sentences.
    if "?" in line or "!" in line:  # a headline ending in a source name, not a credit
        return False
    if res.ends_sentence(line):
        return False
    words = res.WORD.findall(line)
    if not words or len(words) > MAX_CREDIT_WORDS:
        return False
    return bool(_agency_pattern().search(line)) and _looks_like_names(words)


# The ASCII characters a credit label (``res.CREDIT_LABEL``, ``res.CREDIT_BY``,
# ``res.CREDIT_COPYRIGHT``) can start with, read off the patterns (a partial match of
# one character): a line that starts with another ASCII character has none.
_LABELS = (res.CREDIT_LABEL, res.CREDIT_BY, res.CREDIT_COPYRIGHT)
_LABEL_FIRST = frozenset(
    c for c in map(chr, range(128)) if any(p.match(c, partial=True) for p in _LABELS)
)


def looks_like_credit(text: str) -> bool:
    """Whether a few words cut from a caption's end are a credit: a credit line, an
    agency name or a credit label (``Photo:``, ``Foto:``, ``©``).

    >>> looks_like_credit("-/Kremlin/dpa"), looks_like_credit("(AP Photo/Evan Vucci)")
    (True, True)
    >>> looks_like_credit("1 Red, 1 tsp.")
    False
    """
    text = text.strip(" -–—/|,;()[]")
    if not text or len(text) > MAX_CREDIT_CHARS:
        return False
    if is_credit_line(text) or _agency_pattern().search(text):
        return True
    return any(
        label.search(text) for label in (res.CREDIT_LABEL, res.CREDIT_BY, res.CREDIT_COPYRIGHT)
    )


def credits(doc: Document, config: Config = DEFAULT) -> list[Removal]:
    """Standalone credit lines, when ``config.credits == "drop"``; none when it is
    ``"keep"`` (the default: see ``Config``)."""
    if config.credits == "keep":
        return []
    from .ui_strings import inside_prose

    jump: dict[int, int] = {}  # shared: runs of removed lines are skipped once
    return [
        Removal(RULE, "credit.photo", i, i + 1)
        for i in doc.kept()
        if len(doc.lines[i]) <= MAX_CREDIT_CHARS
        and is_credit_line(doc.lines[i])
        and not inside_prose(doc, i, i + 1, jump=jump)
    ]
