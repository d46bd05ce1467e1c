"""Every regular expression newsclean uses, in one place.

Each pattern here is linear-time on any input: no nested quantifiers over overlapping
classes, no unbounded repetition followed by something that can fail and retry from
every position of a long run. Patterns that classify a line are only applied to lines
of bounded length (see ``MAX_SHORT_LINE``).
"""

from __future__ import annotations

import regex

Match = regex.Match[str]
Pattern = regex.Pattern[str]

# Lines longer than this are never UI strings, credits or separator rows.
MAX_SHORT_LINE = 300

# --- whitespace ----------------------------------------------------------------------
LINE_BREAKS: Pattern = regex.compile(r"\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
# Zero-width and invisible characters with no meaning in running text: ZWSP, word
# joiner, BOM, soft hyphen, Mongolian vowel separator, invisible operators.
ZERO_WIDTH: Pattern = regex.compile(r"[\u200b\u2060-\u2064\ufeff\u00ad\u180e]")
JOINER_RUN: Pattern = regex.compile(r"[\u200c\u200d]+")
# Tabs and every Unicode space separator except the line breaks handled above.
SPACE_RUN: Pattern = regex.compile(r"[\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
BLANK_RUN: Pattern = regex.compile(r"\n{3,}")

# --- bullets -------------------------------------------------------------------------
# Characters scrapers leave from list markup, breadcrumbs and separator rows.
BULLET_CHARS = "•·▪▫◦●○■□►▸▹▶◆◇◊‣⁃∙⦁➤➢→»«|¦/\\\\*~–—-"
# A line made only of markers and separators (and spaces).
LONE_MARKERS: Pattern = regex.compile(rf"[{BULLET_CHARS}\s]+")
# A list marker glued to the word after it: "•Text" (not "-" or "*", which start words).
GLUED_MARKER: Pattern = regex.compile(r"(?m)^([•▪◦●■►▸‣⁃∙⦁➤➢])(?=[\p{L}\p{N}])")
# Two or more markers in a row at the start of a line: "• • Text".
MARKER_RUN: Pattern = regex.compile(r"(?m)^([•▪◦●■►▸‣⁃∙⦁➤➢])(?:[ ]?[•▪◦●■►▸‣⁃∙⦁➤➢])+[ ]?")

# --- photo credits -------------------------------------------------------------------
# A credit label and a colon: "Photo: ...", "Foto: ...", "Image credit: ...".
CREDIT_LABEL: Pattern = regex.compile(
    r"(?i)\(?(?:photo(?:graph)?s?|photo credit|image(?: credit)?|images|picture|pic|credit|"
    r"credits|source|illustration|foto(?:s|grafie|grafia|graf)?|bild(?:er)?|bildquelle|quelle|"
    r"crédit(?:s)?(?: photo)?|crédito(?:s)?|imagen|immagine|zdjęcie|fot\.|фото|"
    r"fotoğraf|kaynak)"
    r"[ ]?[:：][ ]?"
)
# "Photo by ...", "Foto von ...", "Photo de ...".
CREDIT_BY: Pattern = regex.compile(
    r"(?i)\(?(?:photo|photograph|image|picture|foto|bild|illustration)s?"
    r"[ ](?:by|von|de|par|di|door|por)[ ]"
)
# "©", "(c)", "Copyright".
CREDIT_COPYRIGHT: Pattern = regex.compile(r"(?i)(?:©|\(c\)[ ]|copyright[ ])")
# Words a credit line may hold besides names and agencies.
CREDIT_FILLER = frozenset(
    "via for and und et y e i for the of de von di da du der la le el photo photos foto "
    "image images file archive archiv handout pool staff".split()
)
WORD: Pattern = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’.-]*")
SENTENCE_END: Pattern = regex.compile(r"[.!?…][\"'”’»)]*$")

# --- whole page (rules/page) ---------------------------------------------------------
# Markdown images and links; bounded runs between distinct delimiters keep them linear.
MD_IMAGE: Pattern = regex.compile(
    r"!\[[^\[\]\n]{0,500}\]\([^()\s]{0,2000}(?:\s\"[^\"\n]{0,300}\")?\)"
)
MD_LINK: Pattern = regex.compile(
    r"\[([^\[\]\n]{0,500})\]\([^()\s]{0,2000}(?:\s\"[^\"\n]{0,300}\")?\)"
)
MD_AUTOLINK: Pattern = regex.compile(r"<https?://[^<>\s]{1,2000}>")
BARE_URL: Pattern = regex.compile(r"\b(?:https?://|www\.)[^\s<>()\[\]]{1,2000}")
MD_HEADING: Pattern = regex.compile(r"#{1,6}[ \t]")
MD_RULE: Pattern = regex.compile(r"[ \t]*(?:[-=*_][ \t]*){3,}")
LIST_MARKER: Pattern = regex.compile(r"[ \t]*(?:[*+•·▪◦●■►▸‣⁃∙➤-]|\d{1,3}[.)])[ \t]+")
TABLE_ROW: Pattern = regex.compile(r"[ \t]*\|.*\|[ \t]*")
MD_EMPHASIS: Pattern = regex.compile(r"[*_`]{1,3}")
LETTERS: Pattern = regex.compile(r"\p{L}+")
# Sentence-final punctuation of several scripts (CJK full stops count once each).
SENTENCE_MARK: Pattern = regex.compile(r"[.!?…。！？](?=[\s\"'”’»)\]]|$)|[。！？]")
COPYRIGHT: Pattern = regex.compile(r"(?i)©|\(c\)\s+\d{4}|\bcopyright\b|all rights reserved")
# Where a run of text may be cut into sentences: after . ! ? and closing quotes, before
# a space and a capital letter, digit or opening quote.
SENTENCE_CUT: Pattern = regex.compile(r"(?<=[.!?…][\"'”’»)]{0,3}) (?=[\p{Lu}\p{N}\"“‘«(¿¡])")
# Scripts written without spaces between words.
UNSPACED: Pattern = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}]")
