"""The options of a cleaning run, as one immutable value.

``Config`` is a frozen dataclass: build one once and pass it around, or give the same
options as keyword arguments to :func:`newsclean.clean`, which builds the ``Config`` for
you. Nothing is read from global state.

>>> cfg = Config(unicode=False)
>>> cfg.unicode, cfg.whitespace
(False, True)
>>> cfg.replace(credits="drop").credits
'drop'
>>> Config(colour=True)
Traceback (most recent call last):
...
TypeError: Config.__init__() got an unexpected keyword argument 'colour'
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

CreditsMode = Literal["keep", "drop"]
AutoFlag = Literal["auto"] | bool


@dataclass(frozen=True)
class Config:
    """Every option of the default pipeline. Each step can be switched off.

    Steps (``True`` runs the step, ``False`` skips it):

    - ``html``: turn markup into text first; ``"auto"`` (default) does it only when
      the input looks like HTML.
    - ``unicode``: repair mojibake, HTML entities, control characters; NFC (ftfy).
    - ``whitespace``: normalise spaces, zero-width characters, line ends, blank lines.
    - ``bullets``: drop lone list markers and separator runs, un-glue markers.
    - ``ui_strings``: drop UI strings and page chrome found in the phrase catalogue.
    - ``duplicates``: drop repeated captions and lines.
    - ``code``: drop lines of code and markup a converter left (CSS rules, script
      statements, tags with no text, wrapped fragments of web addresses).
    - ``credits``: ``"keep"`` (default) leaves standalone photo-credit lines,
      ``"drop"`` removes them. On newsbench dropping them raises the mean F1 by
      0.0004 but deletes gold paragraphs: some pages' gold text keeps its credits.
    - ``page``: the whole-page stage (menus, footers, link lists) for text that is a
      whole page rather than an article; ``"auto"`` runs it when the text looks like
      one.

    Catalogue:

    - ``languages``: catalogue languages to load (``None``: all that ship).
    - ``extra_phrases``: more whole-line UI strings, matched like catalogue entries.
    - ``extra_patterns``: more anchored patterns, matched against a line's key
      (lower-case words separated by single spaces).

    Unicode (ftfy) settings, chosen for news text:

    - ``uncurl_quotes`` (default ``False``): keep typographic quotes.
    - ``fix_character_width`` (default ``False``): keep full-width CJK punctuation.
    - ``fix_latin_ligatures`` (default ``True``): ``ﬁ`` becomes ``fi``.
    - ``normalization`` (default ``"NFC"``).
    """

    html: AutoFlag = "auto"
    unicode: bool = True
    whitespace: bool = True
    bullets: bool = True
    ui_strings: bool = True
    duplicates: bool = True
    code: bool = True
    credits: CreditsMode = "keep"
    page: AutoFlag = "auto"

    languages: tuple[str, ...] | None = None
    extra_phrases: tuple[str, ...] = field(default=())
    extra_patterns: tuple[str, ...] = field(default=())

    uncurl_quotes: bool = False
    fix_character_width: bool = False
    fix_latin_ligatures: bool = True
    normalization: Literal["NFC", "NFKC", "NFD", "NFKD"] | None = "NFC"

    def __post_init__(self) -> None:
        for name in ("extra_phrases", "extra_patterns"):
            value = getattr(self, name)
            if isinstance(value, str):
                raise TypeError(f"Config.{name} takes a sequence of strings, not one string")
            items = tuple(value)
            for i, item in enumerate(items):
                if not isinstance(item, str):
                    raise TypeError(f"Config.{name}[{i}] must be a str, not {type(item).__name__}")
            object.__setattr__(self, name, items)
        if self.languages is not None:
            if isinstance(self.languages, str):
                object.__setattr__(self, "languages", (self.languages,))
            else:
                object.__setattr__(self, "languages", tuple(self.languages))
        if self.credits not in ("keep", "drop"):
            raise ValueError(f"Config.credits must be 'keep' or 'drop', not {self.credits!r}")
        for name in ("html", "page"):
            if getattr(self, name) not in ("auto", True, False):
                raise ValueError(f"Config.{name} must be 'auto', True or False")
        if self.normalization not in ("NFC", "NFKC", "NFD", "NFKD", None):
            raise ValueError(f"Config.normalization: unknown form {self.normalization!r}")
        from .catalogue import validate  # here: catalogue needs no Config

        validate(self.languages, self.extra_phrases, self.extra_patterns)

    def replace(self, **changes: Any) -> Config:
        """A copy with some options changed (unknown names raise ``TypeError``)."""
        return dataclasses.replace(self, **changes) if changes else self

    @classmethod
    def option_names(cls) -> tuple[str, ...]:
        """The names every ``clean()`` keyword may take."""
        return tuple(f.name for f in dataclasses.fields(cls))


DEFAULT = Config()


def make_config(config: Config | None = None, **options: Any) -> Config:
    """The ``Config`` for a call: ``config`` (or the defaults) with ``options`` applied.

    >>> make_config(unicode=False).unicode
    False
    >>> make_config(colour=True)
    Traceback (most recent call last):
    ...
    TypeError: unknown newsclean option 'colour'; known options: html, unicode, ...
    """
    base = DEFAULT if config is None else config
    if not isinstance(base, Config):
        raise TypeError(f"config must be a newsclean.Config, not {type(base).__name__}")
    unknown = [name for name in options if name not in Config.option_names()]
    if unknown:
        known = ", ".join(Config.option_names())
        raise TypeError(f"unknown newsclean option {unknown[0]!r}; known options: {known}")
    return base.replace(**options)
