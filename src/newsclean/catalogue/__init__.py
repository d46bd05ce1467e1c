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

import string
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import regex

from ..document import line_key

USER_REASON = "ui.user_phrase"
SCREEN_PREFIX = 4  # characters of a key whose partial match tells whether it may match
MEMO_SIZE = 1 << 16  # starts of keys a catalogue remembers the answer for
_SECTION = regex.compile(r"\[([a-z0-9_.]+)\]")


class CatalogueError(ValueError):
    """A catalogue file or a user phrase/pattern that cannot be used."""


@dataclass(frozen=True)
class Catalogue:
    """Compiled phrases: a key -> reason map and one pattern alternation per reason.

    ``screen``, when set, is all the patterns in one alternation: a key it does not
    match matches none of them.
    """

    phrases: dict[str, str]
    patterns: tuple[tuple[regex.Pattern[str], str], ...]
    max_key_length: int
    screen: regex.Pattern[str] | None = None
    # Whether a key that starts with these SCREEN_PREFIX characters can match the
    # screen (bounded, shared by every lookup: a key's start is few distinct cases).
    _starts: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

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
        if self.screen is not None:
            # Most keys start in a way no pattern does: a partial match of their first
            # characters (a match of them, or of a text they begin) says so cheaply.
            head = key[:SCREEN_PREFIX]
            starts = self._starts.get(head)
            if starts is None:
                starts = self.screen.fullmatch(head, partial=True) is not None
                if len(self._starts) < MEMO_SIZE:
                    self._starts[head] = starts
            if not starts or self.screen.fullmatch(key) is None:
                return None
        for pattern, pattern_reason in self.patterns:
            if pattern.fullmatch(key):
                return pattern_reason
        return None


@lru_cache(maxsize=1)
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

    Refused: a repeated group whose body can match the same text in more than one way
    (``(a+)+``, ``(a|a)*``, ``(\\w+\\s?)+``, ``(.*a){20}``), a repeated group that can
    match the empty string, and backreferences. A repeated group stays allowed when
    each inner repetition is followed by a character it cannot match
    (``(\\d+ )+``, ``(cat|dog)+``); atomic groups and possessive quantifiers are always
    allowed.

    >>> compile_pattern(r"(photo|image) [0-9]+ of [0-9]+", "example").fullmatch("photo 3 of 12")
    <regex.Match object; span=(0, 13), match='photo 3 of 12'>
    >>> compile_pattern(r"(a+)+b", "example")
    Traceback (most recent call last):
    ...
    newsclean.catalogue.CatalogueError: example: pattern '(a+)+b' can take exponential time...
    """
    if not isinstance(source, str):
        raise CatalogueError(f"{where}: a pattern must be a str, not {type(source).__name__}")
    try:
        compiled = regex.compile(f"(?:{source})")
    except regex.error as exc:
        raise CatalogueError(f"{where}: invalid pattern {_shown(source)}: {exc}") from None
    problem = _backtracking_problem(source)
    if problem:
        raise CatalogueError(
            f"{where}: pattern {_shown(source)} can take exponential time ({problem}); "
            "rewrite it so that no repeated group can match the same text two ways"
        )
    return compiled


def _shown(source: str) -> str:
    """A pattern as an error message shows it: quoted, and cut if very long."""
    return repr(source) if len(source) <= 200 else repr(source[:200]) + "..."


# --- the linear-time guard -------------------------------------------------------------
# Patterns are parsed with the standard library's regular-expression parser (``regex``
# syntax it does not know, such as ``\p{L}``, is first replaced by an equivalent class);
# a pattern it still cannot parse falls back to a textual check for nested quantifiers.

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import sre_constants as _c
    import sre_parse as _sre

_NESTED_QUANTIFIER = regex.compile(r"\((?:[^()\\]|\\.)*(?:[+*}]|\|)(?:[^()\\]|\\.)*\)[+*{]")
_MAX_FALLBACK_CHARS = 1000
_PROPERTY = regex.compile(r"\\[pP](?:\{[^}]*\}|[A-Za-z])")
_ALPHABET = (
    string.ascii_letters
    + string.digits
    + string.punctuation
    + " \t\n"
    + "éßøçÆЖжΩω中日عא١٢é\u0301\u00a0"
)
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT)
# Python 3.11+ parses atomic groups and possessive quantifiers (never backtracked into).
_POSSESSIVE: object = getattr(_c, "POSSESSIVE_REPEAT", object())
_ATOMIC: object = getattr(_c, "ATOMIC_GROUP", object())
_CATEGORIES: dict[object, Callable[[str], bool]] = {
    _c.CATEGORY_DIGIT: str.isdigit,
    _c.CATEGORY_NOT_DIGIT: lambda ch: not ch.isdigit(),
    _c.CATEGORY_SPACE: str.isspace,
    _c.CATEGORY_NOT_SPACE: lambda ch: not ch.isspace(),
    _c.CATEGORY_WORD: lambda ch: ch.isalnum() or ch == "_",
    _c.CATEGORY_NOT_WORD: lambda ch: not (ch.isalnum() or ch == "_"),
}


class _Unsafe(Exception):
    pass


def _backtracking_problem(source: str) -> str | None:
    """Why ``source`` may backtrack exponentially, or ``None`` if it cannot."""
    try:
        tree = _sre.parse(_PROPERTY.sub(r"\\w", source))
    except Exception:
        if len(source) > _MAX_FALLBACK_CHARS:  # the textual check is not linear-time
            return f"longer than {_MAX_FALLBACK_CHARS} characters in syntax only regex knows"
        if _NESTED_QUANTIFIER.search(source):
            return "a repeated group that contains a quantifier or an alternation"
        return None
    try:
        _check(list(tree.data), inside_repeat=False)
    except _Unsafe as exc:
        return str(exc)
    return None


def _repeats(max_count: int) -> bool:
    return max_count is _c.MAXREPEAT or max_count > 1


def _check(seq: list[tuple[Any, Any]], inside_repeat: bool) -> None:
    for op, av in seq:
        if op in _REPEATS:
            _low, high, body = av
            body = list(body)
            if _repeats(high):
                if _nullable(body):
                    raise _Unsafe("a repeated group that can match the empty string")
                _check_unambiguous(body)
            _check(body, inside_repeat or _repeats(high))
        elif op is _c.BRANCH:
            alternatives = [list(alt) for alt in av[1]]
            if inside_repeat:
                firsts = [_first(alt) for alt in alternatives]
                for i, a in enumerate(firsts):
                    if _nullable(alternatives[i]) or any(a & b for b in firsts[i + 1 :]):
                        raise _Unsafe("repeated alternatives that can match the same text")
            for alt in alternatives:
                _check(alt, inside_repeat)
        elif op is _c.SUBPATTERN:
            _check(list(av[-1]), inside_repeat)
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            _check(list(av[1]), inside_repeat)
        elif op in (_c.GROUPREF, _c.GROUPREF_EXISTS):
            raise _Unsafe("a backreference")
        # ATOMIC_GROUP and POSSESSIVE_REPEAT never backtrack into themselves.


def _check_unambiguous(body: list[tuple[Any, Any]]) -> None:
    """Inside a repeated body, every repetition must end where a character it cannot
    match follows (``\\d+`` then a space), so that each text splits only one way."""
    while len(body) == 1 and body[0][0] is _c.SUBPATTERN:
        body = list(body[0][1][-1])
    for index, (op, av) in enumerate(body):
        if op in _REPEATS and _repeats(av[1]):
            inner = _first(list(av[2]))
            rest = body[index + 1 :]
            follow = _first(rest)
            if _nullable(rest):
                follow |= _first(body)
            if inner & follow or not follow:
                raise _Unsafe("a repeated group that contains a repetition")
        elif _has_repeat([(op, av)]):
            raise _Unsafe("a repeated group that contains a repetition")


def _has_repeat(seq: list[tuple[Any, Any]]) -> bool:
    for op, av in seq:
        if op in _REPEATS and _repeats(av[1]):
            return True
        if op is _c.SUBPATTERN and _has_repeat(list(av[-1])):
            return True
        if op is _c.BRANCH and any(_has_repeat(list(alt)) for alt in av[1]):
            return True
    return False


def _nullable(seq: list[tuple[Any, Any]]) -> bool:
    return all(_item_nullable(op, av) for op, av in seq)


def _item_nullable(op: Any, av: Any) -> bool:
    if op in _REPEATS or op is _POSSESSIVE:
        return bool(av[0] == 0 or _nullable(list(av[2])))
    if op is _c.SUBPATTERN:
        return _nullable(list(av[-1]))
    if op is _ATOMIC:
        return _nullable(list(av))
    if op is _c.BRANCH:
        return any(_nullable(list(alt)) for alt in av[1])
    return op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT)


def _first(seq: list[tuple[Any, Any]]) -> frozenset[str]:
    """The characters (of a sample alphabet) a match of ``seq`` can start with."""
    out: set[str] = set()
    for op, av in seq:
        out |= _item_first(op, av)
        if not _item_nullable(op, av):
            break
    return frozenset(out)


def _item_first(op: Any, av: Any) -> frozenset[str]:
    if op is _c.LITERAL:
        return frozenset({chr(av)})
    if op is _c.NOT_LITERAL:
        return frozenset(ch for ch in _ALPHABET if ord(ch) != av)
    if op is _c.ANY:
        return frozenset(_ALPHABET)
    if op is _c.IN:
        return frozenset(ch for ch in _ALPHABET if _in_set(ch, av))
    if op in _REPEATS or op is _POSSESSIVE:
        return _first(list(av[2]))
    if op is _c.SUBPATTERN:
        return _first(list(av[-1]))
    if op is _ATOMIC:
        return _first(list(av))
    if op is _c.BRANCH:
        return frozenset().union(*(_first(list(alt)) for alt in av[1]))
    return frozenset()


def _in_set(ch: str, items: list[tuple[Any, Any]]) -> bool:
    negate = False
    found = False
    for op, av in items:
        if op is _c.NEGATE:
            negate = True
        elif op is _c.LITERAL:
            found = found or ord(ch) == av
        elif op is _c.RANGE:
            found = found or av[0] <= ord(ch) <= av[1]
        elif op is _c.CATEGORY:
            test = _CATEGORIES.get(av)
            found = found or (test(ch) if test else True)
    return found != negate


@lru_cache(maxsize=256)
def validate(
    languages: tuple[str, ...] | None = None,
    extra_phrases: tuple[str, ...] = (),
    extra_patterns: tuple[str, ...] = (),
) -> None:
    """Raise :class:`CatalogueError` for an unknown language or an unusable user entry.

    :class:`newsclean.Config` calls it when it is built, so a bad pattern fails at
    configuration time, not on the millionth document.

    >>> validate(extra_patterns=("(word|words)+ here",))
    Traceback (most recent call last):
    ...
    newsclean.catalogue.CatalogueError: extra_patterns[0]: pattern '(word|words)+ here' can take...
    >>> validate(extra_phrases=("  !! ",))
    Traceback (most recent call last):
    ...
    newsclean.catalogue.CatalogueError: extra_phrases[0]: '  !! ' has no words to match
    """
    if languages is not None:
        known = available_languages()
        for language in languages:
            if language not in known:
                raise CatalogueError(
                    f"no catalogue for language {language!r} (available: {', '.join(known)})"
                )
    for i, phrase in enumerate(extra_phrases):
        if not line_key(phrase):
            raise CatalogueError(f"extra_phrases[{i}]: {phrase!r} has no words to match")
    for i, source in enumerate(extra_patterns):
        compile_pattern(source, f"extra_patterns[{i}]")


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
    return Catalogue(
        phrases, tuple(compiled), max(longest, 200 if compiled else 0), _screen(compiled)
    )


_SAFE_GROUPS = regex.compile(r"\(\?[:=!]")


def _screen(compiled: list[tuple[regex.Pattern[str], str]]) -> regex.Pattern[str] | None:
    """All patterns as one alternation (``None``: fewer than two patterns, or one with
    a construct other than ``(?:`` and lookaheads, such as an inline flag, that may not
    combine)."""
    sources = [pattern.pattern for pattern, _ in compiled]
    if len(sources) < 2 or any("(?" in _SAFE_GROUPS.sub("", source) for source in sources):
        return None
    try:
        return regex.compile("|".join(sources))
    except regex.error:
        return None
