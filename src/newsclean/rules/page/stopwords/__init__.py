"""Stop-word lists per language, the signal that tells running prose from page chrome.

The lists are the jusText ones (BSD 2-Clause, see ``LICENSE.jusText``), one word a line.

>>> "the" in stopwords()["en"]
True
>>> sorted(stopwords())[:3]
['de', 'en', 'es']
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def stopwords() -> dict[str, frozenset[str]]:
    """Every shipped list, by language code, loaded once."""
    out: dict[str, frozenset[str]] = {}
    for entry in resources.files(__name__).iterdir():
        name = entry.name
        if not name.endswith(".txt"):
            continue
        words = (line.strip().casefold() for line in entry.read_text("utf-8").splitlines())
        out[name[:-4]] = frozenset(w for w in words if w and not w.startswith("#"))
    return out
