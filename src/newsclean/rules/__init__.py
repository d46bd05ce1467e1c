"""Line rules: each reads a :class:`~newsclean.document.Document` and returns the
lines it would remove, as :class:`~newsclean.document.Removal` records with a reason.

Rules never edit text. Every rule is a plain function ``(doc, config) -> list[Removal]``
and can be run alone with :func:`newsclean.pipeline.apply_rule`.
"""

from .bullets import lone_markers
from .code import code, code_reason
from .credits import credits, is_credit_line
from .duplicates import duplicates
from .ui_strings import ui_strings

__all__ = [
    "code",
    "code_reason",
    "credits",
    "duplicates",
    "is_credit_line",
    "lone_markers",
    "ui_strings",
]
