"""Unicode repair with ftfy, configured for news text.

ftfy's defaults suit a search index, not an article: it straightens curly quotes and
turns full-width CJK punctuation into ASCII. newsclean keeps both by default (as
dataset pipelines such as datatrove do) and keeps bidi marks and joiners, which
carry meaning in Arabic, Hebrew, Persian and Indic scripts.

>>> unicode("The cafÃ© said â€œhelloâ€\\x9d &amp; left")
'The café said “hello” & left'
>>> unicode("“quoted”", uncurl_quotes=True)
'"quoted"'
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

import ftfy

from .. import resources as res

Normalization = Literal["NFC", "NFKC", "NFD", "NFKD"] | None


@lru_cache(maxsize=32)
def ftfy_config(
    *,
    uncurl_quotes: bool = False,
    fix_character_width: bool = False,
    fix_latin_ligatures: bool = True,
    normalization: Normalization = "NFC",
) -> ftfy.TextFixerConfig:
    """The ``ftfy.TextFixerConfig`` newsclean runs with these options."""
    return ftfy.TextFixerConfig(
        uncurl_quotes=uncurl_quotes,
        fix_character_width=fix_character_width,
        fix_latin_ligatures=fix_latin_ligatures,
        normalization=normalization,
        explain=False,
    )


def unicode(
    text: str,
    *,
    uncurl_quotes: bool = False,
    fix_character_width: bool = False,
    fix_latin_ligatures: bool = True,
    normalization: Normalization = "NFC",
) -> str:
    """Repair mojibake, HTML entities and control characters; normalise to NFC."""
    config = ftfy_config(
        uncurl_quotes=uncurl_quotes,
        fix_character_width=fix_character_width,
        fix_latin_ligatures=fix_latin_ligatures,
        normalization=normalization,
    )
    result: str = ftfy.fix_text(text, config)
    hidden = res.C1_CONTROL.search(result) or res.ZERO_WIDTH.search(result)
    if hidden or res.FTFY_CONTROL.search(text):
        # C1 controls ftfy could not map, zero-width characters (which the whitespace
        # step deletes) and control characters (which ftfy deletes after its mojibake
        # pass) mean nothing; without them ftfy may see mojibake they hid, so it runs
        # once more now (else a second clean() would, and give another result).
        stripped = res.ZERO_WIDTH.sub("", res.C1_CONTROL.sub("", result))
        result = ftfy.fix_text(stripped, config)
    return result
