"""The phrase catalogue: UI strings and page chrome, as data files, compiled once.

Each ``<language>.txt`` file beside this module holds whole UI lines, grouped under
``[reason.code]`` section headers. A line is stored by its *key* (see
:func:`newsclean.document.line_key`: case-folded words, punctuation and bullets gone), so
``"• Oops! Something went wrong."`` matches the entry ``Oops! Something went wrong.``.
Entries that start with ``re:`` are patterns matched against the whole key, anchored at
both ends. Lines starting with ``#`` are comments.

>>> cat = load(("en",))
>>> cat.lookup("Advertisement")
'ui.advertisement'
>>> cat.lookup("Advertisers have many online platforms.") is None
True
>>> cat.lookup("Photo 3 of 12")
'ui.gallery'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

from ..document import line_key

USER_REASON = "ui.user_phrase"
_SECTION = regex.compile(r"\[([a-z0-9_.]+)\]")


class CatalogueError(ValueError):
    """A catalogue file or a user phrase/pattern that cannot be used."""


@dataclass(frozen=True)
class Catalogue:
    """Compiled phrases: a key -> reason map and one pattern alternation per reason."""

    phrases: dict[str, str]
    patterns: tuple[tuple[regex.Pattern[str], str], ...]
    max_key_length: int

    def lookup(self, line: str) -> str | None:
        """The reason code if ``line`` is a catalogue entry, else ``None``."""
        return self.lookup_key(line_key(line))

    def lookup_key(self, key: str) -> str | None:
        """Like :meth:`lookup`, for a line already reduced by ``line_key``."""
        if not key or len(key) > self.max_key_length:
            return None
        reason = self.phrases.get(key)
        if reason is not None:
            return reason
        for pattern, pattern_reason in self.patterns:
            if pattern.fullmatch(key):
                return pattern_reason
        return None


def available_languages() -> tuple[str, ...]:
    """The languages whose catalogue ships with newsclean."""
    folder = resources.files(__package__)
    names = (entry.name for entry in folder.iterdir() if entry.name.endswith(".txt"))
    return tuple(sorted(name[: -len(".txt")] for name in names))


def _read(language: str) -> str:
    path = resources.files(__package__).joinpath(f"{language}.txt")
    if not path.is_file():
        known = ", ".join(available_languages())
        raise CatalogueError(f"no catalogue for language {language!r} (available: {known})")
    return path.read_text(encoding="utf-8")


def parse(text: str, source: str) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Phrases (key -> reason) and patterns (reason -> sources) of one catalogue file."""
    phrases: dict[str, str] = {}
    patterns: dict[str, list[str]] = {}
    reason = ""
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        section = _SECTION.fullmatch(line)
        if section:
            reason = section.group(1)
            continue
        if not reason:
            raise CatalogueError(f"{source}:{number}: entry before any [reason] section")
        if line.startswith("re:"):
            patterns.setdefault(reason, []).append(line[3:].strip())
            continue
        key = line_key(line)
        if not key:
            raise CatalogueError(f"{source}:{number}: entry {line!r} has no words")
        phrases.setdefault(key, reason)
    return phrases, patterns


def compile_pattern(source: str, where: str) -> regex.Pattern[str]:
    """Compile a catalogue or user pattern, refusing ones that are not linear-time.

    A pattern may not hold a quantified group that is itself quantified or contains
    a quantifier (``(a+)+``, ``(a|aa)*``): those can backtrack exponentially.

    >>> compile_pattern(r"(photo|image) [0-9]+ of [0-9]+", "example").fullmatch("photo 3 of 12")
    <regex.Match object; span=(0, 13), match='photo 3 of 12'>
    >>> compile_pattern(r"(a+)+b", "example")
    Traceback (most recent call last):
    ...
    newsclean.catalogue.CatalogueError: example: pattern '(a+)+b' nests quantifiers...
    """
    if _NESTED_QUANTIFIER.search(source):
        raise CatalogueError(
            f"{where}: pattern {source!r} nests quantifiers, which can take exponential "
            "time; rewrite it without a repeated group that itself repeats"
        )
    try:
        return regex.compile(f"(?:{source})")
    except regex.error as exc:
        raise CatalogueError(f"{where}: invalid pattern {source!r}: {exc}") from None


# A group containing a quantifier, followed by a quantifier: "(...+...)*", "(...)+{2,}".
_NESTED_QUANTIFIER = regex.compile(r"\((?:[^()\\]|\\.)*(?:[+*}]|\|)(?:[^()\\]|\\.)*\)[+*{]")


@lru_cache(maxsize=16)
def load(
    languages: tuple[str, ...] | None = None,
    extra_phrases: tuple[str, ...] = (),
    extra_patterns: tuple[str, ...] = (),
) -> Catalogue:
    """The compiled catalogue for these languages plus a user's own entries.

    Compiled once per distinct set of arguments and cached.
    """
    phrases: dict[str, str] = {}
    pattern_sources: dict[str, list[str]] = {}
    for language in languages if languages is not None else available_languages():
        file_phrases, file_patterns = parse(_read(language), f"{language}.txt")
        for key, reason in file_phrases.items():
            phrases.setdefault(key, reason)
        for reason, sources in file_patterns.items():
            pattern_sources.setdefault(reason, []).extend(sources)
    for i, phrase in enumerate(extra_phrases):
        key = line_key(phrase)
        if not key:
            raise CatalogueError(f"extra_phrases[{i}]: {phrase!r} has no words to match")
        phrases[key] = USER_REASON
    compiled: list[tuple[regex.Pattern[str], str]] = []
    for reason, sources in pattern_sources.items():
        for source in sources:
            compile_pattern(source, f"catalogue [{reason}]")
        compiled.append((regex.compile("|".join(f"(?:{s})" for s in sources)), reason))
    for i, source in enumerate(extra_patterns):
        compiled.append((compile_pattern(source, f"extra_patterns[{i}]"), "ui.user_pattern"))
    longest = max((len(key) for key in phrases), default=0)
    return Catalogue(phrases, tuple(compiled), max(longest, 200 if compiled else 0))
