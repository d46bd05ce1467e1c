"""Bullet artefacts: lone marker lines (a rule) and glued or doubled markers (an edit).

>>> from newsclean.document import Document
>>> doc = Document.from_text("Text\\n•\\n| | |\\n• Item")
>>> [r.reason for r in lone_markers(doc)]
['bullet.lone_marker', 'bullet.lone_marker']
>>> fix_markers("•Item one\\n• • Item two")
'• Item one\\n• Item two'
"""

from __future__ import annotations

from .. import resources as res
from ..config import DEFAULT, Config
from ..document import Document, Removal

RULE = "bullets"


def lone_markers(doc: Document, config: Config = DEFAULT) -> list[Removal]:
    """Lines made only of list markers and separators (``•``, ``|``, ``·``, ``»``…)."""
    removals = []
    for i in doc.kept():
        line = doc.lines[i]
        short = len(line) <= res.MAX_SHORT_LINE
        if short and not doc.keys[i] and res.LONE_MARKERS.fullmatch(line):
            removals.append(Removal(RULE, "bullet.lone_marker", i, i + 1))
    return removals


def fix_markers(text: str) -> str:
    """Separate a marker glued to its word and collapse doubled markers.

    Kept list items keep their marker: only its spacing changes.
    """
    if res.MARKER_CHAR.search(text) is None:
        return text
    text = res.MARKER_RUN.sub(r"\1 ", text)
    return res.GLUED_MARKER.sub(r"\1 ", text)
