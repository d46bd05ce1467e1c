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

from collections.abc import Callable

import regex

from ... import resources as res
from ...config import DEFAULT, Config
from .blocks import Block, blocks
from .classify import (
    MAX_TAG_WORDS,
    MIN_TAGS,
    TAG_LABELS,
    find_page,
    is_menu_entry,
    may_be_page,
    measure,
    page_title,
    starts_tag_list,
)

# The words after a label a list of tags is looked for in, and the labels' first words.
TAG_WINDOW = 2 + MIN_TAGS * (MAX_TAG_WORDS + 1)
TAG_WORDS = frozenset(label.split()[0] for label in TAG_LABELS)

LONG_LINE = 1000
# A run of this many words with few stop words and no sentence end is a menu that lost
# its line breaks: it is cut into entries of ``MENU_ENTRY`` words.
MENU_RUN = 12
MENU_ENTRY = 3
MENU_WINDOW = 8
# ... or this many with short lower-case words (of ``BRIDGE_CHARS`` characters at most)
# between two of them: entries in title case ("Become a Subscriber Our Team"). Read
# only when the page is not found without them, in a language with a stop-word list.
TITLE_RUN = MENU_WINDOW
BRIDGE_CHARS = 4
# A sentence with at least ``LIST_COMMAS`` commas, one in ``LIST_WORDS`` words or more,
# is a list of the article's ("June 9 – Tampa, FL @ Amphitheatre June 10 – ..."): its
# capitalised runs are not menus.
LIST_COMMAS = 4
LIST_WORDS = 12
# Entries with a separator between each two: at least this many, of this many words
# at most each.
SEPARATORS = frozenset("|·•¦")
SEPARATED_RUN = 3
SEPARATED_ENTRY = 4
# A page opens with a menu run in one of its first blocks that hold a letter: a title
# or a line of the site's name may come before it. Past the first block, only in a
# language with a stop-word list (where a run is told by its stop words as well).
# The title-case reading does not ask for it (a cookie notice of a few sentences may
# come before the menu): there the page test alone decides.
OPENING_BLOCKS = 3
# The head of a comment glued to the comments around it (see ``_comment_heads``): a
# name of ``NAME_WORDS`` words at most, a verb, a date of ``DATE_WORDS`` words and a
# time. A line is cut at them when it holds ``MIN_HEADS`` or more (a list of comments).
COMMENT_VERBS = ("says:", "said:", "wrote:")
NAME_WORDS = 3
DATE_WORDS = 3
MIN_HEADS = 3
# A relative stamp: a number and a unit ("14H", "13 hours") before "ago".
AGE_UNIT_CHARS = 7
_AGE = regex.compile(r"\d{1,3}[HhMmDd]")
_CLOCK = regex.compile(r"\d{1,2}:\d{2}")
_DATE = regex.compile(
    r"\b\d{1,2},? (?:19|20)\d{2}$|^\d{1,2}\.? \p{L}{3,9}\.? (?:19|20)\d{2}$|^\d+ \p{L}{1,7} ago$"
)
# A sentence-cut page: the good text between its first menu entry and its article region
# is less than this share of the region's (see ``_is_page``).
HIDDEN_PROSE = 0.25


# A copyright notice is one line, though its parts are sentences ("© 2019 The
# Associated Press. All rights reserved."): a part of at most this many words that
# holds a copyright mark stays with the part before it when that one holds a mark too.
MAX_NOTICE_PART_WORDS = 5


def _notices_joined(parts: list[str]) -> list[str]:
    out: list[str] = []
    for part in parts:
        if (
            out
            and len(part.split()) <= MAX_NOTICE_PART_WORDS
            and res.COPYRIGHT.search(part)
            and res.COPYRIGHT.search(out[-1])
        ):
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return out


def _tags_cut(parts: list[str]) -> list[str]:
    """``parts`` cut before each labelled list of tags (see ``classify.tag_list``)."""
    out: list[str] = []
    for part in parts:
        words = part.split()
        cuts = [
            j
            for j in range(1, len(words) - 1)
            if words[j][:1].isupper()
            and words[j].rstrip(":").casefold() in TAG_WORDS
            and starts_tag_list(" ".join(words[j : j + TAG_WINDOW]))
        ]
        out.extend(_cut_at(words, [(j, j) for j in cuts], lambda span: []) if cuts else [part])
    return out


def _sentences(line: str) -> list[str]:
    parts = _notices_joined([part.strip() for part in res.SENTENCE_CUT.split(line) if part.strip()])
    parts = _tags_cut(parts)
    words = [part.split() for part in parts]
    heads = [_stamps(w) for w in words]
    if sum(map(len, heads)) < MIN_HEADS:
        return parts
    out: list[str] = []
    for part, ws, spans in zip(parts, words, heads, strict=True):
        if spans:
            out.extend(_cut_at(ws, spans, lambda span: [" ".join(span)]))
        else:
            out.append(part)
    return out


def _cut_at(
    words: list[str], spans: list[tuple[int, int]], piece: Callable[[list[str]], list[str]]
) -> list[str]:
    """``words`` cut at the ordered ``spans``: the words between spans joined, and each
    span as ``piece`` gives it.

    >>> _cut_at("a b c d e".split(), [(1, 3)], lambda span: ["+".join(span)])
    ['a', 'b+c', 'd e']
    """
    out: list[str] = []
    done = 0
    for start, end in spans:
        if start > done:
            out.append(" ".join(words[done:start]))
        out.extend(piece(words[start:end]))
        done = end
    if done < len(words):
        out.append(" ".join(words[done:]))
    return out


def _stamps(words: list[str]) -> list[tuple[int, int]]:
    """The heads of comments (:func:`_comment_heads`) and the relative stamps ("14H
    ago", "13 hours ago": the age of a teaser) in ``words``, in order."""
    spans = _comment_heads(words)
    covered = {i for start, end in spans for i in range(start, end)}
    for i in range(len(words) - 1):
        if i in covered:
            continue
        word = words[i].lstrip("~")
        # The cheap tests first: most words are neither before "ago" nor before a day
        # ("20,") of a date.
        if words[i + 1] == "ago" and _AGE.fullmatch(word) is not None:
            spans.append((i, i + 2))
        elif words[i + 1][-1:] == "," and _glued_date(words, i) and i - 1 not in covered:
            spans.append((i - 1, i + 3))
        elif (
            word.isdigit()
            and i + 2 < len(words)
            and words[i + 2] == "ago"
            and len(words[i + 1]) <= AGE_UNIT_CHARS
            and words[i + 1].isalpha()
        ):
            spans.append((i, i + 3))
    return sorted(spans)


_MONTH = regex.compile(r"\p{Lu}\p{Ll}{2,8}\.?")
_DAY = regex.compile(r"\d{1,2},")
_YEAR = regex.compile(r"(?:19|20)\d{2}")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _glued_date(words: list[str], i: int) -> bool:
    """Whether ``words[i - 1 : i + 3]`` is a dated byline ("Wednesday November 20,
    2019") glued between a teaser's author and its first sentence: a weekday, a month,
    a day and a year, and a capitalised word right after the year, with no comma or
    stop between (in a sentence, a date is followed by a comma or a lower-case word).

    >>> _glued_date("Rob Crilly Wednesday November 20, 2019 The show".split(), 3)
    True
    >>> _glued_date("It opened on Wednesday November 20, 2019, to crowds".split(), 4)
    False
    """
    return (
        i > 0
        and i + 3 < len(words)
        and words[i - 1].rstrip(",").casefold() in WEEKDAYS
        and _MONTH.fullmatch(words[i]) is not None
        and _DAY.fullmatch(words[i + 1]) is not None
        and _YEAR.fullmatch(words[i + 2]) is not None
        and words[i + 3][:1].isupper()
    )


def _comment_heads(words: list[str]) -> list[tuple[int, int]]:
    """The spans of ``words`` that are the heads of comments: a name, a verb, a date and
    a time ("Jane Doe on May 2, 2019 at 4:47 pm said:", "jdoe says: May 2, 2019 at
    4:47 am"), glued to the comments around them on a one-line page.

    >>> words = "Great read. jdoe says: May 2, 2019 at 4:47 am I agree.".split()
    >>> [" ".join(words[a:b]) for a, b in _comment_heads(words)]
    ['jdoe says: May 2, 2019 at 4:47 am']
    """
    spans: list[tuple[int, int]] = []
    n = len(words)
    for i, word in enumerate(words):
        if ":" not in word or _CLOCK.fullmatch(word) is None:  # most words have no ":"
            continue
        end = i + 1
        if end < n and words[end].casefold().rstrip(".").replace(".", "") in ("am", "pm"):
            end += 1
        verb = end < n and words[end].casefold() in COMMENT_VERBS
        end += verb
        at = i - 1 if i > 0 and words[i - 1].casefold() == "at" else i
        start = at - DATE_WORDS
        if start < 0 or _DATE.search(" ".join(words[start:at])) is None:
            continue
        if start > 0 and words[start - 1].casefold() in (*COMMENT_VERBS, "on"):
            verb = verb or words[start - 1].casefold() != "on"
            start -= 1
        if not verb:
            continue
        low = max(spans[-1][1] if spans else 0, start - NAME_WORDS)
        while start > low and not _marked(words[start - 1]):
            start -= 1
        spans.append((start, end))
    return spans


def _entries(words: list[str]) -> list[str]:
    """A menu run cut into entries of ``MENU_ENTRY`` words; asides in parentheses one
    after the other that open the run ("(Graphic: ... - here) (Graphic: ...)", the
    notes closing an article) are cut at their parentheses instead, an aside a line."""
    asides = _asides(words)
    done = sum(len(aside.split()) for aside in asides)
    rest = range(done, len(words), MENU_ENTRY)
    return asides + [" ".join(words[i : i + MENU_ENTRY]) for i in rest]


def _asides(words: list[str]) -> list[str]:
    """The asides in parentheses, each whole, that ``words`` open with (an aside that
    holds parentheses of its own ends them)."""
    out: list[str] = []
    start = -1
    for i, word in enumerate(words):
        opens, closes = word.count("("), word.count(")")
        if start < 0:
            if not word.startswith("(") or opens != 1:
                break
            start = i
            opens -= 1
        if opens or closes > 1 or (closes and not word.endswith(")")):
            break
        if closes:
            out.append(" ".join(words[start : i + 1]))
            start = -1
    return out


def _menu_runs(words: list[str]) -> list[tuple[int, int]]:
    """The spans ``[start, end)`` of ``words`` that are menu entries glued together.

    Menu entries are capitalised; a sentence has lower-case words (a script without
    case never looks like a menu here). A run is at least ``MENU_WINDOW`` words that
    do not start in lower case, or ``TITLE_RUN`` of them with short lower-case words
    between two of them ("Become a Subscriber Our Team Solve a Technical Question":
    entries in title case). A word with a mark at its end (``.``, ``:``, ``,``) ends a
    run; a run that a lower-case word ends loses its last word, which starts the
    sentence after it ("... Weather Video The son of ..."). Entries with a separator
    between each two are a run too (:func:`_separated`). The words before a run, or
    between two, go with it when no mark ends one of them (a title, an entry in lower
    case): a list in a sentence has commas between its items.

    >>> words = "Log In Home World Business Tech Sport Culture Science The son of a".split()
    >>> _menu_runs(words)
    [(0, 9)]
    """
    commas = sum(1 for word in words if word[-1] == "," and len(word) > 1)
    if commas >= LIST_COMMAS and commas * LIST_WORDS >= sum(map(_alnum, words)):
        return []  # items with commas between them: a list of the article's
    runs = _separated(words)
    firsts = [word[0] for word in words]  # a capital: upper case or a digit, never both
    capitals = sum(map(str.isupper, firsts)) + sum(map(str.isdigit, firsts))
    if capitals >= min(MENU_WINDOW, TITLE_RUN):  # else no run (most sentences)
        runs += _runs(words, False) + _runs(words, True)
    runs.sort()
    spans: list[tuple[int, int]] = []
    for start, end in runs:
        before = spans[-1][1] if spans else 0
        if start <= before or not any(_marked(word) for word in words[before:start]):
            if spans:
                spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
            else:
                spans.append((0, end))
        else:
            spans.append((start, end))
    return spans


def _separated(words: list[str]) -> list[tuple[int, int]]:
    """Runs of ``SEPARATED_RUN`` entries or more with a separator between each two
    ("About us | Stats | Advertise with us | Terms of service | Privacy policy"): each
    entry ``SEPARATED_ENTRY`` words at most, with no mark at its end.

    >>> words = "It ended. Home | About us | Terms of use | Privacy Copyright 2019.".split()
    >>> words[slice(*_separated(words)[0])]
    ['Home', '|', 'About', 'us', '|', 'Terms', 'of', 'use', '|', 'Privacy', 'Copyright']
    """
    spans: list[tuple[int, int]] = []
    group: list[int] = []
    bars = [i for i, word in enumerate(words) if word in SEPARATORS]
    for i in [*bars, -1]:
        if group and i >= 0 and _entry(words[group[-1] + 1 : i]):
            group.append(i)
            continue
        if len(group) + 1 >= SEPARATED_RUN:
            # The first and the last entry: the words up to a mark, as many as one has.
            first, last = group[0], group[-1]
            start, end = first, last + 1
            while start > 0 and first - start < SEPARATED_ENTRY and not _marked(words[start - 1]):
                start -= 1
            while end < len(words) and end - last <= SEPARATED_ENTRY and not _marked(words[end]):
                end += 1
            spans.append((start, end))
        group = [i]
    return spans


def _entry(words: list[str]) -> bool:
    """Whether ``words`` between two separators are a menu entry."""
    return 0 < len(words) <= SEPARATED_ENTRY and not any(map(_marked, words))


def _alnum(word: str) -> bool:
    return any(map(str.isalnum, word))


def _marked(word: str) -> bool:
    """Whether a word ends with a mark (a lone separator does not count)."""
    return word[-1] in ".!?:;," and len(word) > 1


def _capital(word: str) -> bool:
    return word[0].isupper() or word[0].isdigit()


def _runs(words: list[str], bridged: bool) -> list[tuple[int, int]]:
    """The runs of :func:`_menu_runs`, strict (no lower-case word) or ``bridged``."""
    spans: list[tuple[int, int]] = []
    need = TITLE_RUN if bridged else MENU_WINDOW
    start = low = -1  # the run's first word (-1: no run), its last lower-case word
    caps = figures = 0
    n = len(words)
    for i, word in enumerate(words):
        first = word[0]
        if not first.isalnum() and not _alnum(word):
            continue  # a separator ("|", "&", "-"): neither ends nor counts
        nxt = words[i + 1] if i + 1 < n else ""
        if _capital(word):
            if start < 0:
                start, low, caps, figures = i, -1, 0, 0
            caps += 1
            figures += first.isdigit()
            if _marked(word):
                end = i + 1
                if low > start and (word[-1] == "," or nxt[:1].islower()):
                    # A comma, or a full stop a sentence goes on after ("U.S."): a
                    # sentence ends the run, from the capitalised word before its last
                    # lower-case one ("... 7:45 am PST Following the 16-inch MacBook,").
                    end = low - 1
                    caps = sum(map(_capital, words[start:end]))
                if _menu(caps, figures, need):
                    spans.append((start, end))
                start = -1
            continue
        if start < 0:
            continue
        if bridged and len(word) <= BRIDGE_CHARS and not _marked(word) and nxt and _capital(nxt):
            low = i
            continue  # "of", "the", "a" between two entries' words
        # A lower-case word: a sentence starts at the run's last capitalised word.
        last = i - 1
        while last > start and not _capital(words[last]):
            last -= 1
        if _menu(caps - 1, figures, need):
            spans.append((start, last))
        start = -1
    if start >= 0 and _menu(caps, figures, need):
        spans.append((start, n))
    return spans


def _menu(caps: int, figures: int, need: int) -> bool:
    """Whether a run of ``caps`` capitalised words, ``figures`` of them numbers, is a
    menu: ``need`` words or more, and not a row of a table (a third of them figures)."""
    return caps >= need and 3 * figures < caps


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
    if not _sentence_end(words[-1]):
        return 0
    n = 1
    while n < len(words) and words[-n - 1][-1] not in ".!?:;|":
        n += 1
    start = len(words) - n
    while start + 1 < len(words) and not _lower(words[start + 1]):
        start += 1
    tail = words[start:]
    lower = sum(map(_lower, tail))
    return len(tail) if MENU_ENTRY + 1 <= len(tail) < len(words) and 2 * lower >= len(tail) else 0


def _lower(word: str) -> bool:
    """Whether ``word`` starts in lower case, an opening quote aside ("“success")."""
    return word.lstrip(_OPENING_QUOTES)[:1].islower()


_OPENING_QUOTES = "\"'“‘«„"


def _sentence_end(word: str) -> bool:
    return word.rstrip("\"'”’»)").endswith((".", "!", "?"))


def _menu_cut(
    b: Block, words: list[str], known_language: bool, title_case: bool
) -> list[tuple[int, int]]:
    """The spans of a measured block's ``words`` that are menu runs (none: ``[]``);
    with ``title_case``, runs of :func:`_menu_runs`, else the prefix of
    :func:`_menu_prefix`."""
    if (
        known_language
        and b.words >= MENU_RUN
        and b.stop_density < 0.2
        and 3 * sum(1 for word in words if word[0].isdigit()) < len(words)
    ):
        # A block's lines are not blank: at least one word.
        closing = _closing_sentence(words)
        if not (title_case and not closing and _sentence_end(words[-1])):
            return [(0, len(words) - closing)]
        # A sentence ends the block but where it starts is not found: the runs in it.
    if b.words < MENU_WINDOW:
        return []
    if title_case:
        return _menu_runs(words) if known_language else []
    cut = _menu_prefix(words)
    return [(0, cut)] if cut else []


def _opening(bs: list[Block]) -> list[int]:
    """The indexes of the first ``OPENING_BLOCKS`` blocks that hold a letter."""
    return [n for n, b in enumerate(bs) if any(map(str.isalpha, b.text))][:OPENING_BLOCKS]


def _openers(opening: list[int], known_language: bool) -> list[int]:
    """The blocks of ``opening`` a page's opening menu may be in: past the first, only
    in a language with a stop-word list (see ``OPENING_BLOCKS``)."""
    return opening if known_language else opening[:1]


def _cut_menus(
    lines: list[str],
    need_opening: bool = False,
    title_case: bool = False,
    measured: tuple[list[Block], bool] | None = None,
) -> tuple[list[str], bool]:
    """Menu runs cut into entries, and whether the text opens with one.

    With ``need_opening``, a text that does not open with a menu run (see
    ``OPENING_BLOCKS``) comes back as it was, its other runs not cut. ``measured``:
    the blocks of ``lines``, measured, and whether their language is known (each
    reading of a page cuts the same blocks).
    """
    if measured is None:
        bs = blocks(lines)
        known_language = measure(bs) is not None
    else:
        bs, known_language = measured
    opening = _opening(bs)
    if need_opening:
        if not opening:
            return lines, False
        if not any(
            _menu_cut(
                bs[n], " ".join(lines[bs[n].start : bs[n].end]).split(), known_language, title_case
            )
            for n in _openers(opening, known_language)
        ):
            return lines, False
    openers = _openers(opening, known_language)
    out: list[str] = []
    done = 0
    opens_with_menu = False
    for n, b in enumerate(bs):
        out.extend(lines[done : b.start])
        done = b.end
        # A block of fewer than MENU_WINDOW words holds no run: its words are not needed.
        words = " ".join(lines[b.start : b.end]).split() if b.words >= MENU_WINDOW else []
        if words and (spans := _menu_cut(b, words, known_language, title_case)):
            out.extend(_cut_at(words, spans, _entries))
            opens_with_menu = opens_with_menu or n in openers
        else:
            out.extend(lines[b.start : b.end])
    out.extend(lines[done:])
    return out, opens_with_menu


def _is_page(lines: list[str]) -> bool:
    """Whether sentence-cut ``lines`` are a page.

    They are judged as the page stage reads them (a page whose footer a legal text
    hides is read up to that footer), and the good text between the page's first menu
    entry and its article region must be less than ``HIDDEN_PROSE`` of the region's:
    more means the region is not the article (an article's own list read as menu runs,
    or its stamps, cut it off from its first paragraphs). A notice before the menu
    (cookies, the publisher's) does not count.
    """
    bs = blocks(lines)
    region = find_page(bs) if may_be_page(bs) else None
    if region is None:
        return False
    start, end = region
    menu = next((i for i, b in enumerate(bs) if is_menu_entry(b)), start)
    return _good_chars(bs[menu:start]) < HIDDEN_PROSE * _good_chars(bs[start:end])


def _good_chars(bs: list[Block]) -> int:
    return sum(b.length for b in bs if b.cf_class in ("good", "neargood"))


def _title_repeat(line: str) -> int:
    """Where the title ``line`` opens with (:func:`page_title`) repeats in it (-1:
    nowhere)."""
    title = page_title(line)
    if title is None:
        return -1
    return line.find(title, line.find(title) + len(title))


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
    # The first line's title again is the article's headline: on a line of its own it
    # helps find where the article starts.
    at = _title_repeat(lines[0]) if len(lines[0]) > LONG_LINE else -1
    titled = _split(lines, at)
    if config.page != "auto":
        return "\n".join(_cut_menus(titled)[0])
    found = _page_read(titled)
    if found is not None:
        return found
    # A page the headline's line hides (its line ends a run the page's menus are read
    # in) is read without it.
    if at > 0 and (plain := _split(lines, -1)) != titled:
        found = _page_read(plain)
    return text if found is None else found


def _split(lines: list[str], title_at: int) -> list[str]:
    """``lines`` with each long line cut into sentences; the first line's title repeat
    at ``title_at`` (see :func:`_title_repeat`; -1: none) on a line of its own."""
    out: list[str] = []
    for n, line in enumerate(lines):
        if len(line) <= LONG_LINE:
            out.append(line)
        elif n == 0 and title_at > 0:
            end = title_at + len(page_title(line) or "")
            out.extend([*_sentences(line[:title_at]), line[title_at:end], *_sentences(line[end:])])
        else:
            out.extend(_sentences(line))
    return out


def _page_read(reading: list[str]) -> str | None:
    """``reading`` with its menu runs cut into entries, joined, when that is a page."""
    # Menu runs in title case are read only when the page is not found without them:
    # an article's own list of names or places can look like one. That reading finds
    # the page wherever its menus are (see ``OPENING_BLOCKS``).
    # Both readings cut the same blocks: they are built and measured once.
    bs = blocks(reading)
    measured = bs, measure(bs) is not None
    for title_case in (False, True):
        cut, opens_with_menu = _cut_menus(
            reading, need_opening=not title_case, title_case=title_case, measured=measured
        )
        if (opens_with_menu or title_case) and _is_page(cut):
            return "\n".join(cut)
    return None
