"""Every regular expression newsclean uses, in one place.

Each pattern here is linear-time on any input: no nested quantifiers over overlapping
classes, no unbounded repetition followed by something that can fail and retry from
every position of a long run. Patterns that classify a line are only applied to lines
of bounded length (see ``MAX_SHORT_LINE``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import regex

Match = regex.Match[str]
Pattern = regex.Pattern[str]

# Lines longer than this are never UI strings, credits or separator rows.
MAX_SHORT_LINE = 300

# --- input ---------------------------------------------------------------------------
# A UTF-16 surrogate code point: valid in a Python str, but no encoder or parser takes it.
SURROGATE: Pattern = regex.compile(r"[\ud800-\udfff]")

# C1 control characters ftfy leaves (the five cp1252 does not map: 0x81, 0x8d, 0x8f,
# 0x90, 0x9d).
C1_CONTROL: Pattern = regex.compile(r"[\x80-\x9f]+")
# Control characters ftfy deletes (after it looked for mojibake).
FTFY_CONTROL: Pattern = regex.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\u206a-\u206f\ufff9-\ufffc]")

# --- whitespace ----------------------------------------------------------------------
# The whitespace functions apply these classes character by character with
# ``str.replace`` (``*_CHARS``): a text that holds none is not copied, and one that
# does is copied once per character, never through a list of pieces. The patterns
# are the same definitions, for callers that want a regex.
LINE_BREAK_CHARS = "\r\x0b\x0c\x85\u2028\u2029"
LINE_BREAKS: re.Pattern[str] = re.compile(r"\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
# Zero-width and invisible characters with no meaning in running text: ZWSP, word
# joiner, BOM, soft hyphen, Mongolian vowel separator, invisible operators.
ZERO_WIDTH_CHARS = "\u200b\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u180e"
ZERO_WIDTH: re.Pattern[str] = re.compile(r"[\u200b\u2060-\u2064\ufeff\u00ad\u180e]")
# A zero-width space between punctuation and the next word, or before a capital or a
# digit, stands for a break an editor put there ("drum!\u200b2018 Festival",
# "Kim\u200bNext up"): it becomes a space, not nothing. Elsewhere (inside words,
# between Thai or Japanese words) it goes.
ZWSP_BREAK: regex.Pattern[str] = regex.compile(
    r"(?<=[.!?;:,)\]\"\u201d])\u200b+(?=\w)|(?<=[^\s\u200b])\u200b+(?=[\p{Lu}\p{N}])"
)
JOINER_RUN: re.Pattern[str] = re.compile(r"[\u200c\u200d]+")
# Tabs and every Unicode space separator except the line breaks handled above: each
# becomes an ASCII space (str.replace), then runs of spaces collapse (SPACE_RUN).
ODD_SPACE_CHARS = "\t\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
# Two or more spaces (a literal prefix: the engine searches for it fast).
SPACE_RUN: re.Pattern[str] = re.compile("  +")
# Whitespace the whitespace step changes within a line: an odd space, a run of spaces,
# or a space at the line's start or end.
SPACE_CHANGE: re.Pattern[str] = re.compile("(?m)[" + ODD_SPACE_CHARS + "]|  |^ | $")
# Any character one of the fixes above rewrites (joiners included): one scan tells
# whether a text needs more than the plain-space fixes.
ODD_WHITESPACE: re.Pattern[str] = re.compile(
    f"[{LINE_BREAK_CHARS}{ZERO_WIDTH_CHARS}{ODD_SPACE_CHARS}\u200c\u200d]"
)
# Three or more line ends (spelt out: a literal prefix lets the engine search fast).
BLANK_RUN: re.Pattern[str] = re.compile(r"\n\n\n+")

# --- bullets -------------------------------------------------------------------------
# Characters scrapers leave from list markup, breadcrumbs and separator rows, and the
# box-drawing and block characters text renderers draw table rules with ("───┼───").
# "-" comes last, where a character class reads it as itself and not as a range.
BULLET_CHARS = "•·▪▫◦●○■□►▸▹▶◆◇◊‣⁃∙⦁➤➢→»«|¦/\\\\*~\u2500-\u259f–—-"
# A line made only of markers and separators (and spaces).
LONE_MARKERS: Pattern = regex.compile(rf"[{BULLET_CHARS}\s]+")
# A list marker glued to the word after it: "•Text" (not "-" or "*", which start words).
GLUED_MARKER: Pattern = regex.compile(r"(?m)^([•▪◦●■►▸‣⁃∙⦁➤➢])(?=[\p{L}\p{N}])")
# Two or more markers in a row at the start of a line: "• • Text".
MARKER_RUN: Pattern = regex.compile(r"(?m)^([•▪◦●■►▸‣⁃∙⦁➤➢])(?:[ ]?[•▪◦●■►▸‣⁃∙⦁➤➢])+[ ]?")
# Any of those markers: texts without one skip both substitutions (a fast scan).
MARKER_CHAR: re.Pattern[str] = re.compile(r"[•▪◦●■►▸‣⁃∙⦁➤➢]")

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
_SENTENCE_END_MARKS = ".!?…"
_SENTENCE_END_CLOSERS = "\"'”’»)"
SENTENCE_END: Pattern = regex.compile(f"[{_SENTENCE_END_MARKS}][{_SENTENCE_END_CLOSERS}]*$")


def ends_sentence(text: str) -> bool:
    """``SENTENCE_END.search(text) is not None``, read from the end of ``text`` only
    (``$`` matches at the end and before a final line end).

    >>> ends_sentence('He said "yes."'), ends_sentence("No end"), ends_sentence(")")
    (True, False, False)
    """
    if text.endswith("\n"):
        text = text[:-1]
    text = text.rstrip(_SENTENCE_END_CLOSERS)
    return text != "" and text[-1] in _SENTENCE_END_MARKS

# --- unicode: lines ftfy may change ---------------------------------------------------
# ftfy fixes a text line by line, and leaves a line alone unless it holds a character
# one of its fixers rewrites (HTML entity, control, C1, surrogate, line separator,
# ligature...) or its mojibake detector (``ftfy.badness.BADNESS_RE``) matches. The
# pattern below is a superset of both, written so that the stdlib ``re`` engine can
# skip from one candidate character to the next: it starts with one character class
# (the rarest character of each ``BADNESS_RE`` branch, its "pivot"), and each branch
# then checks the characters before the pivot with a fixed-width lookbehind and the
# ones after it directly. Branch contexts that are plain ASCII ("[a-z]", "^", "\\s?")
# are left out, which only makes the pattern match more. Built on first use (it reads
# ftfy's character tables), never at import.

# (pivot, characters before it, characters after it) for each branch of BADNESS_RE,
# in ftfy's category names (see ftfy.badness.MOJIBAKE_CATEGORIES).
_BADNESS_BRANCHES: tuple[tuple[str, str, str], ...] = (
    ("[{c1}]", "", ""),
    (
        "[{bad}]",
        "[{bad}{lower_accented}{upper_accented}{box}{start_punctuation}"
        "{end_punctuation}{currency}{numeric}{law}]",
        "",
    ),
    ("[{bad}]", "[a-zA-Z][{lower_common}{upper_common}]", ""),
    (
        "[{bad}]",
        "",
        "[{lower_accented}{upper_accented}{box}{start_punctuation}"
        "{end_punctuation}{currency}{numeric}{law}]",
    ),
    (
        "[{upper_accented}]",
        "[{lower_accented}{lower_common}{box}{end_punctuation}{currency}{numeric}]",
        "",
    ),
    ("[{box}{end_punctuation}{currency}{numeric}]", "", "[{lower_accented}]"),
    ("[{currency}]", "[{lower_accented}{box}{end_punctuation}]", ""),
    ("[{currency}]", r"\s[{upper_accented}]", ""),
    ("[{upper_accented}{box}]", "", "[{numeric}{law}]"),
    (
        "[{numeric}]",
        "[{lower_accented}{upper_accented}{box}{currency}{end_punctuation}][{start_punctuation}]",
        "",
    ),
    (
        "[{start_punctuation}]",
        "[{lower_accented}{upper_accented}{currency}{numeric}{box}{law}][{end_punctuation}]",
        "",
    ),
    ("[{currency}{numeric}{box}]", "", "[{start_punctuation}]"),
    ("[{upper_accented}]", "[a-z]", "[{start_punctuation}{currency}]"),
    ("[{box}]", "", "[{kaomoji}]"),
    (
        "[{box}]",
        "[{lower_accented}{upper_accented}{currency}{numeric}{start_punctuation}"
        "{end_punctuation}{law}]",
        "",
    ),
    ("[{box}]", "", "[{end_punctuation}]"),
    ("[{start_punctuation}{end_punctuation}]", "[{lower_accented}{upper_accented}]", r"\w"),
    ("[Œœ]", "", "[^A-Za-z]"),
    ("°", "[{upper_accented}]", ""),
    ("[ÂÃÎÐ]", "", "[€œŠš¢£Ÿž\xa0\xad®©°·»{start_punctuation}{end_punctuation}–—´]"),
    ("[²³]", "×", ""),
    (
        "[ØÙ]",
        "",
        "[{common}{currency}{bad}{numeric}{start_punctuation}ŸŠ®°µ»][ØÙ]"
        "[{common}{currency}{bad}{numeric}{start_punctuation}ŸŠ®°µ»]",
    ),
    ("[²µ¹¼½¾]", "à", ""),
    ("√", "", "[±∂†≠®™´≤≥¥µø]"),
    ("≈", "", "[°¢]"),
    ("‚", "", "Ä[ìîïòôúùû†°¢π]"),
    ("‚", "", "[âó][àä°ê]"),
    ("Ђ", "в", ""),
    ("[{c1}{bad}{start_punctuation}{end_punctuation}{currency}°µ]", "[ВГРС]", "[ВГРС]"),
    ("Ђ", "ГўВ", r"В.[A-Za-z ]"),
    ("Ã", "", "[\xa0¡]"),
    ("[ÃÂ]", "", "[ ]"),
    ("Â", "[a-z.,?!{end_punctuation}]", "[ {start_punctuation}{end_punctuation}]"),
    ("€", "β", "[™\xa0Ά\xad®°]"),
    ("[{c1}{bad}{start_punctuation}{end_punctuation}{currency}°]", "[ΒΓΞΟ]", "[ΒΓΞΟ]"),
    ("€", "ā", ""),
)


def _char_class(codepoints: Iterable[int]) -> str:
    return "".join(re.escape(chr(cp)) for cp in sorted(set(codepoints)))


@lru_cache(maxsize=16)
def ftfy_trigger(
    *, uncurl_quotes: bool, fix_character_width: bool, fix_latin_ligatures: bool
) -> re.Pattern[str]:
    """A pattern that matches in every line ftfy (with these options) could change,
    NFC normalisation aside. A line where it finds nothing is left as it is by
    ``ftfy.fix_text``.

    >>> trigger = ftfy_trigger(uncurl_quotes=False, fix_character_width=False,
    ...                        fix_latin_ligatures=True)
    >>> [bool(trigger.search(s)) for s in ("The café said “hello”", "cafÃ©", "AT&amp;T")]
    [False, True, True]
    """
    from ftfy import chardata
    from ftfy.badness import MOJIBAKE_CATEGORIES

    # Characters a fixer rewrites on their own: C0 controls but tab and
    # newline (terminal escapes, CR, the control-character filter), DEL, C1, line and
    # paragraph separators, surrogates, and ftfy's control-character table.
    single = {0x7F, 0x2028, 0x2029, *range(0x00, 0x09), *range(0x0B, 0x20)}
    single.update(range(0x80, 0xA0))
    single.update(chardata.CONTROL_CHARS)
    if fix_latin_ligatures:
        single.update(chardata.LIGATURES)
    if fix_character_width:
        single.update(chardata.WIDTH_MAP)
    if uncurl_quotes:
        single.update([0x2BC, *range(0x2018, 0x2020)])
    singles = _char_class(single) + "\ud800-\udfff"
    branches = [
        (
            p.format(**MOJIBAKE_CATEGORIES),
            b.format(**MOJIBAKE_CATEGORIES),
            a.format(**MOJIBAKE_CATEGORIES),
        )
        for p, b, a in _BADNESS_BRANCHES
    ]
    # An HTML entity, as ftfy.chardata.HTML_ENTITY_RE finds them.
    branches.append(("&", "", "#?[0-9A-Za-z]{1,24};"))
    pivots = "".join(p[1:-1] if p.startswith("[") else re.escape(p) for p, _, _ in branches)
    alternatives = [f"(?<=[{singles}])"]
    alternatives += [f"(?<={before}{pivot}){after}" for pivot, before, after in branches]
    return re.compile(f"[{singles}{pivots}](?:{'|'.join(alternatives)})")

# --- duplicates ----------------------------------------------------------------------
# A line that ends a sentence or a clause (then it is not a hard-wrapped line's start).
WRAP_END: Pattern = regex.compile(r"[.!?…:;|][\"'”’»)\]*_]*$")
# A line that starts a new item: a list marker, a heading, a quote, a table row.
LIST_START: Pattern = regex.compile(r"\s*(?:[-*+•▪◦●■►▸‣⁃∙⦁➤➢>#|]|\d{1,3}[.)][ ])")

# --- code (rules/code) -----------------------------------------------------------------
# A character that may make a line code or markup: lines without one are prose (a
# query's "&" and "?" make an address code only beside an "=").
CODE_CHAR: re.Pattern[str] = re.compile(r"[{};=<]")
# HTML elements a converter leaves as tags (and custom elements, named with a hyphen).
_ELEMENTS = sorted(
    (
        "a abbr address area article aside audio b base bdi bdo blockquote body br button "
        "canvas caption center cite code col colgroup data datalist dd del details dfn "
        "dialog div dl dt em embed fieldset figcaption figure font footer form h1 h2 h3 h4 "
        "h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link "
        "main map mark menu meta meter nav noscript object ol optgroup option output p "
        "param picture pre progress q rp rt ruby s samp script section select small source "
        "span strike strong style sub summary sup svg table tbody td template textarea "
        "tfoot th thead time title tr track tt u ul var video wbr path g use noindex"
    ).split(),
    key=len,
    reverse=True,
)
_ELEMENT = "(?:" + "|".join(_ELEMENTS) + r"|[a-z][a-z0-9]*+-[\w-]*+)"
# A whole tag of a known element, a comment, or a CDATA or conditional marker.
HTML_TAG: Pattern = regex.compile(
    rf"</?{_ELEMENT}(?=[\s/>])[^<>]*+>|<!--[^<>]*+-->|<!\[[^<>]*+>", regex.IGNORECASE
)
# The start of a tag whose attributes run on to the next line ("<img src=...").
HTML_TAG_OPEN: Pattern = regex.compile(rf"<{_ELEMENT}(?=\s|$)", regex.IGNORECASE)
# An attribute and its quoted value (name="value"); the name starts a run of its
# characters, so a long run is not tried from each of its positions.
HTML_ATTRIBUTE: Pattern = regex.compile(
    r"""(?<![\w:.-])[\w:.-]++\s*+=\s*+(?:"[^"]*+"|'[^']*+')"""
)
# Addresses, which may hold "=" and ";" and are not code: a markdown link's target,
# "(/path?...)" and "(https://...)", a bare address.
CODE_ADDRESS: Pattern = regex.compile(
    r"\]\([^()\s]*+\)|\((?:https?:)?/[^()\s]*+\)|https?://[^\s\"'<>]++"
)
# A string literal in double quotes (a script's text: its words are not prose).
CODE_STRING: Pattern = regex.compile(r'"[^"\n]*+"')
# The characters of code: braces, "=", and a ";" that does not join two clauses of a
# sentence (a letter before it, a space and a letter after it).
CODE_MARK: Pattern = regex.compile(r"[{}=]|(?<!\p{L});|;(?! \p{L})")
# A line of code punctuation only ("});", "} ]", "{{/}}").
CODE_PUNCTUATION: Pattern = regex.compile(r"[\s{}\[\]();,.:=!&|+*/'\"-]*+")
# A word of running text, perhaps with quotes, brackets or punctuation around it.
PROSE_WORD: Pattern = regex.compile(r"[\"'“‘(«]*+\p{L}++[,.:;!?'\"’”)»]*+")
# A markdown link reference definition ("[12]: https://... "optional title"").
LINK_DEFINITION: Pattern = regex.compile(r'\[[^\]\s]{1,40}\]:\s++(\S++)(?:\s++"[^"]*+")?')

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
# The first character of a stripped line each of the four patterns below can match
# (LIST_MARKER: or a digit), so most lines skip them.
MD_HEADING_FIRST = "#"
MD_RULE_FIRST = "-=*_"
LIST_MARKER_FIRST = "*+•·▪◦●■►▸‣⁃∙➤-"
TABLE_ROW_FIRST = "|"
MD_HEADING: Pattern = regex.compile(r"#{1,6}[ \t]")
MD_RULE: Pattern = regex.compile(rf"[ \t]*(?:[{MD_RULE_FIRST}][ \t]*){{3,}}")
LIST_MARKER: Pattern = regex.compile(rf"[ \t]*(?:[{LIST_MARKER_FIRST}]|\d{{1,3}}[.)])[ \t]+")
TABLE_ROW: Pattern = regex.compile(r"[ \t]*\|.*\|[ \t]*")
MD_EMPHASIS: Pattern = regex.compile(r"[*_`]{1,3}")
LETTERS: Pattern = regex.compile(r"\p{L}+")
# Sentence-final punctuation of several scripts (CJK full stops count once each).
SENTENCE_MARK_CHARS = ".!?…。！？"
SENTENCE_MARK: Pattern = regex.compile(rf"[{SENTENCE_MARK_CHARS}](?=[\s\"'”’»)\]]|$)|[。！？]")
COPYRIGHT: Pattern = regex.compile(r"(?i)©|\(c\)\s+\d{4}|\bcopyright\b|all rights reserved")
# Where a run of text may be cut into sentences: after . ! ? and closing quotes, before
# a space and a capital letter, digit, opening quote or copyright mark (a photo's
# credit glued after the paragraph above it), a rule of underscores (an agency's
# "___" between the article and its notes), or a lone dash before a capital (a link
# bar's "- Next Story" glued after the article's last sentence).
SENTENCE_CUT: Pattern = regex.compile(
    r"(?<=[.!?…][\"'”’»)]{0,3}) (?=[\p{Lu}\p{N}\"“‘«(¿¡©]|_{3}|[-–—] [\p{Lu}\p{N}])"
)
# Scripts written without spaces between words.
UNSPACED: Pattern = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}]")
