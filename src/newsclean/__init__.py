"""newsclean: turn the text of scraped news pages into clean article text.

>>> import newsclean
>>> newsclean.clean("Body text.\\n\\nAdvertisement\\n\\nMore body text.")
'Body text.\\n\\nMore body text.'
"""

from . import normalize, rules
from .batch import (
    BatchCleaner,
    BatchError,
    clean_batch,
    clean_dataframe,
    clean_many,
    clean_pandas_batches,
    clean_partition,
    explain_many,
)
from .catalogue import CatalogueError
from .config import Config
from .document import Document, Removal, line_key
from .pipeline import (
    BULLET_MARKERS,
    CODE,
    CREDITS,
    DEFAULT_STEPS,
    DUPLICATES,
    HTML,
    LONE_MARKERS,
    UI_STRINGS,
    UI_STRINGS_HELD,
    UNICODE,
    WHITESPACE,
    Pipeline,
    Report,
    Step,
    apply_rule,
    clean,
    explain,
    rule,
    text_step,
)

__version__ = "0.1.0"

__all__ = [
    "BULLET_MARKERS",
    "CODE",
    "CREDITS",
    "DEFAULT_STEPS",
    "DUPLICATES",
    "HTML",
    "LONE_MARKERS",
    "UI_STRINGS",
    "UI_STRINGS_HELD",
    "UNICODE",
    "WHITESPACE",
    "BatchCleaner",
    "BatchError",
    "CatalogueError",
    "Config",
    "Document",
    "Pipeline",
    "Removal",
    "Report",
    "Step",
    "__version__",
    "apply_rule",
    "clean",
    "clean_batch",
    "clean_dataframe",
    "clean_many",
    "clean_pandas_batches",
    "clean_partition",
    "explain",
    "explain_many",
    "line_key",
    "normalize",
    "rule",
    "rules",
    "text_step",
]
