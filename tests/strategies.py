"""Hypothesis strategies that build scraped-text-like documents.

A generated :class:`Doc` is a list of blocks: ordinary prose paragraphs (which every
cleaning run must keep, in order) mixed with the artefacts extractors leave behind:
UI strings from the shipped catalogue, photo captions and their near duplicates,
standalone credits, bullet and separator lines, repeated lines, HTML fragments,
mojibake and whitespace junk.

Prose paragraphs are built so that no rule may fairly take them: each is a sentence of
at least fourteen words, ends with a full stop, and holds a word no other block holds
away from both ends (so no paragraph is a near duplicate of another).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from hypothesis import strategies as st

# Words of running text in several scripts, with accents (composed and decomposed),
# joiners, bidi text and emoji sequences. None of them is a UI string on its own.
PROSE_WORDS: tuple[str, ...] = (
    *"the minister said on tuesday that talks with unions over wages had stalled "
    "while prices for food and energy kept rising across the region".split(),
    *"die regierung hat am montag neue pläne für straßen schulen und krankenhäuser "
    "vorgestellt".split(),
    *"le président a déclaré mercredi que la réforme serait présentée".split(),
    *"правительство объявило новые меры поддержки семей".split(),
    *"η κυβέρνηση ανακοίνωσε νέα μέτρα".split(),
    "الحكومة",
    "أعلنت",
    "ממשלה",
    "सरकार",
    "नई",
    "می\u200cخواهم",  # Persian, ZWNJ inside the word
    "कार्यक्रम",
    "政府",
    "宣布",
    "e\u0301lection",  # decomposed accent (NFC composes it)
    "“quoted”",
    "‘single’",
    "1,250",
    "3.5%",
    "€40",
    "👩\u200d👩\u200d👧",
    "🇩🇪",
    "naïve",
    "coöperation",
)

# Noise the unicode and whitespace steps repair inside a paragraph.
INLINE_NOISE: tuple[str, ...] = (" ", " ", " ", "\u00a0", "\u2009", "\t", "  ", " \u200b")

CAPTION_WORDS: tuple[str, ...] = tuple(
    "Putin Biden Scholz Macron Protesters Firefighters Supporters Police Officials "
    "gather stand wave march outside near during after the a parliament stadium "
    "Kremlin ceremony rally fire in on Monday Friday".split()
)
CREDITS: tuple[str, ...] = (
    "(AP Photo/Evan Vucci)",
    "-/Kremlin/dpa",
    "Photo: Reuters",
    "(Foto: Markus Scholz/dpa)",
    "Getty Images",
    "© AFP",
)
CREDIT_LINES: tuple[str, ...] = (
    "Photo: Damian Dovarganes, AP",
    "Alex Wong | Getty Images",
    "Foto: Markus Scholz/dpa/Archivbild",
    "(AP Photo/Evan Vucci)",
    "Photo by John Smith/Reuters",
)
BULLET_LINES: tuple[str, ...] = ("•", "  •  ", "| | |", "» »", "· · ·", "|", "—", "▪", "• •")
HTML_FRAGMENTS: tuple[str, ...] = (
    "<p>Advertisement</p>",
    "<div class='ad'>Anzeige</div>",
    "<b>Read more</b><br>",
    "<ul><li>Share</li><li>Tweet</li></ul>",
    "<script>var a = 1 < 2 && 3;</script>",
    "<style>p { color: red }</style>",
    "<img src='x.jpg' alt='photo'>",
    "<span>&nbsp;</span>",
    "<a href='/x'>Skip to content</a>",
    "<p>Tom &amp; Jerry &lt;3</p>",
)
MOJIBAKE: tuple[str, ...] = (
    *(
        text.encode("utf-8").decode(codec, errors="replace")
        for text, codec in (
            ("Café – “Advertisement”", "cp1252"),
            ("Grüße aus Köln", "cp1252"),
            ("Ça coûte 10 €", "latin-1"),
            ("Ошибка загрузки", "cp1252"),
        )
    ),
    "cafÃ© Ã  la carte",
    "â€œWeiterlesenâ€\x9d",
)
JUNK_LINES: tuple[str, ...] = ("", " ", "\u00a0", "\t\t", "\u200b", "\ufeff", "\u3000", "\r")


@lru_cache(maxsize=1)
def catalogue_phrases() -> tuple[str, ...]:
    """Every plain (non-pattern) entry of every shipped catalogue file, as written."""
    folder = resources.files("newsclean.catalogue")
    phrases: list[str] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".txt"):
            continue
        for raw in entry.read_text("utf-8").splitlines():
            line = raw.strip()
            if line and not line.startswith(("#", "[", "re:")):
                phrases.append(line)
    return tuple(phrases)


@dataclass(frozen=True)
class Doc:
    """A generated document and the prose paragraphs that must survive in it."""

    text: str
    prose: tuple[str, ...]


@st.composite
def prose_paragraph(draw: st.DrawFn, marker: str) -> str:
    """One sentence of at least fourteen words with ``marker`` in its middle."""
    words = draw(st.lists(st.sampled_from(PROSE_WORDS), min_size=14, max_size=40))
    middle = len(words) // 2
    words.insert(middle, marker)
    gaps = draw(st.lists(st.sampled_from(INLINE_NOISE), min_size=len(words), max_size=len(words)))
    text = "".join(word + gap for word, gap in zip(words, gaps, strict=True)).strip(" \t\u200b")
    text = text.rstrip("\u00a0\u2009") or "text"
    return text[0].upper() + text[1:] + "."


@st.composite
def caption_pair(draw: st.DrawFn) -> list[str]:
    """A photo caption and the same caption again, possibly with a credit."""
    words = draw(st.lists(st.sampled_from(CAPTION_WORDS), min_size=7, max_size=14))
    caption = " ".join(words) + "."
    again = caption
    if draw(st.booleans()):
        again = f"{caption} {draw(st.sampled_from(CREDITS))}"
    return [caption, again]


@st.composite
def ui_line(draw: st.DrawFn) -> str:
    """A catalogue entry as a page shows it: maybe bulleted, indented, upper-cased."""
    phrase = draw(st.sampled_from(catalogue_phrases()))
    prefix = draw(st.sampled_from(("", "  ", "• ", "  • ", "» ", "\u00a0")))
    if draw(st.booleans()):
        phrase = phrase.upper()
    return prefix + phrase


def artefact_lines() -> st.SearchStrategy[list[str]]:
    """One artefact: one or more lines."""
    one = st.one_of(
        ui_line(),
        st.sampled_from(CREDIT_LINES),
        st.sampled_from(BULLET_LINES),
        st.sampled_from(HTML_FRAGMENTS),
        st.sampled_from(MOJIBAKE),
        st.sampled_from(JUNK_LINES),
    )
    return st.one_of(one.map(lambda line: [line]), caption_pair())


@st.composite
def documents(draw: st.DrawFn, min_prose: int = 1, max_prose: int = 6, html: bool = True) -> Doc:
    """Prose paragraphs among artefacts, joined by single or double line breaks.

    With ``html=False`` no HTML fragment is drawn (the text stays plain text).
    """
    count = draw(st.integers(min_prose, max_prose))
    prose = [draw(prose_paragraph(f"w{index}x{count}")) for index in range(count)]
    blocks: list[tuple[bool, str]] = []
    for paragraph in prose:
        for lines in draw(st.lists(artefact_lines(), max_size=3)):
            blocks.extend((False, line) for line in lines)
        blocks.append((True, paragraph))
    for lines in draw(st.lists(artefact_lines(), max_size=3)):
        blocks.extend((False, line) for line in lines)
    if not html:
        blocks = [(is_prose, line) for is_prose, line in blocks if line not in HTML_FRAGMENTS]
    if blocks and draw(st.booleans()):
        # A repeated artefact line (a duplicated UI string or caption).
        artefacts = [line for is_prose, line in blocks if not is_prose]
        if artefacts:
            blocks.append((False, draw(st.sampled_from(artefacts))))
    parts: list[str] = []
    for is_prose, line in blocks:
        # Prose always stands in its own paragraph; artefacts may hug their neighbours.
        sep = "\n\n" if is_prose or draw(st.booleans()) else "\n"
        if parts:
            parts.append(sep)
        parts.append(line)
        if is_prose:
            parts.append("\n\n")
    newline = draw(st.sampled_from(("\n", "\r\n", "\r")))
    text = "".join(parts).replace("\n", newline)
    return Doc(text, tuple(prose))


def any_text() -> st.SearchStrategy[str]:
    """Any ``str``: every category, surrogates and control characters included."""
    return st.text(st.characters(codec=None, exclude_categories=()), max_size=300)


def scraped_chars() -> st.SearchStrategy[str]:
    """Short strings biased towards the characters that trip cleaners."""
    tricky = st.sampled_from(
        [
            *"\n\r\t •|»·<>&;#/-—",
            *("\u00a0", "\u200b", "\u200c", "\u200d", "\u00ad", "\ufeff", "\u2028", "\u202e"),
            *("\u200f", "\x00", "\x1b", "\x85", "\ud800", "\u0301", "&amp;", "&lt;", "<p>"),
            *("</p>", "<br>", "Ã©", "â€™", "Advertisement", "Oops!"),
        ]
    )
    return st.lists(st.one_of(tricky, st.characters(codec=None)), max_size=80).map("".join)
