"""Bullet artefacts: lone marker lines (a rule) and glued or doubled markers (an edit).

>>> from newsclean.document import Document
>>> doc = Document.from_text("Text\\n•\\n| | |\\n• Item\\n»")
>>> [(r.reason, r.start, r.end) for r in lone_markers(doc)]
[('bullet.lone_marker', 1, 3), ('bullet.lone_marker', 4, 5)]
>>> fix_markers("•Item one\\n• • Item two")
'• Item one\\n• Item two'
"""

from __future__ import annotations

import re

from .. import resources as res
from ..config import DEFAULT, Config
from ..document import Document, Removal

RULE = "bullets"

# Where either substitution of fix_markers can apply, a marker is followed by another
# (perhaps after a space) or by a character that is not a space (a letter or a digit
# are never one): texts without that skip both (a lone "•" on each of many lines).
_MARKER_NEXT = re.compile(r"[•▪◦●■►▸‣⁃∙⦁➤➢](?: ?[•▪◦●■►▸‣⁃∙⦁➤➢]|\S)")


def lone_markers(doc: Document, config: Config = DEFAULT) -> list[Removal]:
    """Lines made only of list markers and separators (``•``, ``|``, ``·``, ``»``…).

    Consecutive such lines are one removal (a separator row over two lines, or a
    list of 100k empty items, is one artefact).
    """
    lines, keys = doc.lines, doc.keys
    runs: list[tuple[int, int]] = []  # [start, end) of each run of marker lines
    start = end = -1  # the run being read
    decided: dict[str, bool] = {}  # a page may repeat one marker line many times
    for i in doc.kept():
        if keys[i]:
            continue  # a word: not a marker line
        line = lines[i]
        lone = decided.get(line)
        if lone is None:
            short = len(line) <= res.MAX_SHORT_LINE
            lone = decided[line] = short and res.LONE_MARKERS.fullmatch(line) is not None
        if not lone:
            continue
        if i == end:
            end += 1
            continue
        if end >= 0:
            runs.append((start, end))
        start, end = i, i + 1
    if end >= 0:
        runs.append((start, end))
    return [
        Removal(RULE, "bullet.lone_marker", start, end, "\n".join(lines[start:end]))
        for start, end in runs
    ]


def fix_markers(text: str) -> str:
    """Separate a marker glued to its word and collapse doubled markers.

    Kept list items keep their marker: only its spacing changes.
    """
    if _MARKER_NEXT.search(text) is None:
        return text
    text = res.MARKER_RUN.sub(r"\1 ", text)
    return res.GLUED_MARKER.sub(r"\1 ", text)
