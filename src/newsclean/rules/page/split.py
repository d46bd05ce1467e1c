"""Cut a page that came as one long line into sentences, so its chrome can be marked.

``BeautifulSoup(html).get_text(" ")`` and some converters return a whole page, menus
and all, on one line. Line rules cannot remove part of a line, so this text step puts
each sentence on its own line, and only when the result is a page (with
``page="auto"``): a long line of article text (jusText's output, say) stays as it was.

>>> menu = " ".join(["Home", "World", "Business", "Tech", "Sport", "Culture"] * 6)
>>> prose = ("The committee said on Tuesday that it would publish the report before the "
...          "end of the year, and that the findings were not yet final. ")
>>> footer = "About Contact Careers Advertise Privacy Terms Cookies Sitemap Archive Help"
>>> one_line = menu + " " + prose * 8 + footer
>>> lines = split_long_lines(one_line).splitlines()
>>> lines[:2]
['Home World Business', 'Tech Sport Culture']
>>> lines[12][:32], lines[-1][:25]
('The committee said on Tuesday th', 'Help')
>>> split_long_lines(prose * 20) == prose * 20
True
"""

from __future__ import annotations

from ... import resources as res
from ...config import DEFAULT, Config
from .blocks import Block, blocks
from .classify import classify_page, may_be_page, measure

LONG_LINE = 1000
# A run of this many words with few stop words and no sentence end is a menu that lost
# its line breaks: it is cut into entries of ``MENU_ENTRY`` words.
MENU_RUN = 12
MENU_ENTRY = 3
MENU_WINDOW = 8
# A page opens with a menu run in one of its first blocks that hold a letter: a title
# or a line of the site's name may come before it. Past the first block, only in a
# language with a stop-word list (where a run is told by its stop words as well).
OPENING_BLOCKS = 3


def _sentences(line: str) -> list[str]:
    return [part.strip() for part in res.SENTENCE_CUT.split(line) if part.strip()]


def _entries(words: list[str]) -> list[str]:
    return [" ".join(words[i : i + MENU_ENTRY]) for i in range(0, len(words), MENU_ENTRY)]


def _menu_prefix(words: list[str]) -> int:
    """How many leading words of a sentence are a menu glued to it (0: none).

    Menu entries are capitalised; a sentence has lower-case words (a script without
    case never looks like a menu here). The menu is the
    last run of at least ``MENU_WINDOW`` words that do not start in lower case, less
    its last word when a lower-case word follows (the sentence's first word).
    """
    run, end = 0, 0
    for i, word in enumerate(words):
        capital = word[0].isupper() or word[0].isdigit()
        if not capital or word[-1] in ".!?:;,":
            if run > MENU_WINDOW:
                end = i - 1 if word[0].islower() else i + 1 if capital else i
            run = 0
        else:
            run += 1
    if run >= MENU_WINDOW:
        return len(words)  # the run goes to the end: all menu
    return end if len(words) - end >= MENU_ENTRY + 2 else 0


def _closing_sentence(words: list[str]) -> int:
    """How many trailing words of a menu run are a sentence glued to its end (0: none).

    The sentence ends the run with a sentence mark. It starts after the last word
    that ends with a mark of its own (a menu entry's colon, the separator bar), at the
    last capitalised word before its first lower-case one (the menu's entries are
    capitalised); at least half its words start in lower case, as a sentence's do and
    a menu's do not.

    >>> words = "Markets Tech Media Beauty company Coty is breaking out in a good way.".split()
    >>> " ".join(words[-_closing_sentence(words) :])
    'Beauty company Coty is breaking out in a good way.'
    >>> _closing_sentence("Home World Business Tech Sport Culture Contact us.".split())
    0
    """
    if not words[-1].rstrip("\"'”’»)").endswith((".", "!", "?")):
        return 0
    n = 1
    while n < len(words) and words[-n - 1][-1] not in ".!?:;|":
        n += 1
    start = len(words) - n
    while start + 1 < len(words) and not words[start + 1][0].islower():
        start += 1
    tail = words[start:]
    lower = sum(1 for word in tail if word[0].islower())
    return len(tail) if MENU_ENTRY + 2 <= len(tail) < len(words) and 2 * lower >= len(tail) else 0


def _menu_cut(b: Block, words: list[str], known_language: bool) -> int:
    """How many leading words of a measured block (its ``words``) are a menu (0: none)."""
    if known_language and b.words >= MENU_RUN and b.stop_density < 0.2:
        # A block's lines are not blank: at least one word.
        return len(words) - _closing_sentence(words)
    if b.words >= MENU_WINDOW:
        return _menu_prefix(words)
    return 0


def _opening(bs: list[Block]) -> list[int]:
    """The indexes of the first ``OPENING_BLOCKS`` blocks that hold a letter."""
    return [n for n, b in enumerate(bs) if any(map(str.isalpha, b.text))][:OPENING_BLOCKS]


def _openers(opening: list[int], known_language: bool) -> list[int]:
    """The blocks of ``opening`` a page's opening menu may be in: past the first, only
    in a language with a stop-word list (see ``OPENING_BLOCKS``)."""
    return opening if known_language else opening[:1]


def _cut_menus(lines: list[str], need_opening: bool = False) -> tuple[list[str], bool]:
    """Menu runs cut into entries, and whether the text opens with one.

    With ``need_opening``, a text that does not open with a menu run (see
    ``OPENING_BLOCKS``) comes back as it was, its other runs not cut.
    """
    bs = blocks(lines)
    opening = _opening(bs)
    if need_opening:
        if not opening:
            return lines, False
        known_language = measure(bs, upto=opening[-1] + 1) is not None
        if not any(
            _menu_cut(bs[n], " ".join(lines[bs[n].start : bs[n].end]).split(), known_language)
            for n in _openers(opening, known_language)
        ):
            return lines, False
    known_language = measure(bs) is not None
    openers = _openers(opening, known_language)
    out: list[str] = []
    done = 0
    opens_with_menu = False
    for n, b in enumerate(bs):
        out.extend(lines[done : b.start])
        done = b.end
        words = " ".join(lines[b.start : b.end]).split()
        if cut := _menu_cut(b, words, known_language):
            out.extend(_entries(words[:cut]))
            if cut < len(words):
                out.append(" ".join(words[cut:]))
            opens_with_menu = opens_with_menu or n in openers
        else:
            out.extend(lines[b.start : b.end])
    out.extend(lines[done:])
    return out, opens_with_menu


def _is_page(lines: list[str]) -> bool:
    # A sentence-cut page is judged on its own footer: one read past a legal text
    # at its foot may find the article among the sentences of its menus.
    bs = blocks(lines)
    return may_be_page(bs) and classify_page(bs, past_footer=False) is not None


def split_long_lines(text: str, config: Config = DEFAULT) -> str:
    """``text`` with each line longer than 1000 characters cut into sentences (and menu
    runs into entries), if the result is a whole page (see the module doc); otherwise
    ``text`` unchanged."""
    if config.page is False:
        return text
    lines = text.split("\n")
    if max(map(len, lines)) <= LONG_LINE:
        return text  # no long line (found in C: a text may have 100k short ones)
    long_chars = sum(len(line) for line in lines if len(line) > LONG_LINE)
    if not long_chars or long_chars < 0.5 * len(text):
        return text
    out: list[str] = []
    for line in lines:
        out.extend(_sentences(line) if len(line) > LONG_LINE else [line])
    auto = config.page == "auto"
    out, opens_with_menu = _cut_menus(out, need_opening=auto)
    if auto and not (opens_with_menu and _is_page(out)):
        return text
    return "\n".join(out)
