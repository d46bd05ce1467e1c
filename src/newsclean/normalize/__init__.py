"""Text normalisers: plain ``str -> str`` functions, grouped by what they fix.

>>> from newsclean import normalize
>>> normalize.whitespace("a\\u00a0 b\\r\\n\\r\\n\\r\\nc")
'a b\\n\\nc'
"""

from .unicode import unicode
from .whitespace import blank_lines, line_breaks, line_edges, spaces, whitespace, zero_width

__all__ = [
    "blank_lines",
    "line_breaks",
    "line_edges",
    "spaces",
    "unicode",
    "whitespace",
    "zero_width",
]
