"""A text given as pieces, so that a long text is never copied whole more than once.

The pipeline hands the text from one line-local step to the next as an iterable of
pieces (``"".join(pieces)`` is the text) and joins them once at the end: each step then
holds a piece of its input and of its output at a time, not two more copies of the
whole text. Pieces cut at line ends also tend to be narrower strings than the whole:
a text holding one emoji takes four bytes a character, its pieces without one take one
or two.

>>> list(line_pieces(["ab\\ncd", "e\\nfg\\nh"], 3))
['ab\\ncde\\n', 'fg\\nh']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

# Characters per piece handed between line-local steps (the cut waits for a line end).
PIECE_CHARS = 1 << 16


def line_pieces(pieces: Iterable[str], size: int | None = None) -> Iterator[str]:
    """The text of ``pieces`` cut again: each piece ends with the first line end at
    index ``size`` (default ``PIECE_CHARS``) or later within it, the last one where
    the text ends.

    Fed one piece (the whole text), this cuts at ``text.find("\\n", start + size)``,
    one piece after the other; the cut does not depend on how the text was given.
    An empty text gives no piece.
    """
    if size is None:
        size = PIECE_CHARS
    held: list[str] = []  # the start of the piece being cut, from earlier pieces
    held_chars = 0
    for piece in pieces:
        pos = 0
        while True:
            end = piece.find("\n", max(pos, pos + size - held_chars))
            if end < 0:
                break
            held.append(piece[pos : end + 1])
            yield "".join(held)
            held, held_chars = [], 0
            pos = end + 1
        if pos < len(piece):
            held.append(piece[pos:])
            held_chars += len(piece) - pos
    if held:
        yield "".join(held)
