"""The pipeline: text steps that edit, and line rules that only mark lines for removal.

A :class:`Pipeline` is a sequence of :class:`Step` objects. A *text* step is a function
``(text, config) -> text`` (unicode, whitespace...). A *rule* step is a function
``(document, config) -> [Removal, ...]``; consecutive rules share one
:class:`~newsclean.document.Document`, and the lines they mark are dropped when the
group ends. :meth:`Pipeline.explain` returns a :class:`Report` that lists every removal
with its rule and reason, and the steps that changed the text.

>>> pipe = Pipeline([WHITESPACE, UI_STRINGS, DUPLICATES, WHITESPACE])
>>> pipe("Advertisement\\n\\nOne paragraph here.\\u00a0\\n\\n\\n\\nAnother one.")
'One paragraph here.\\n\\nAnother one.'
>>> pipe("Share\\nBody text.", ui_strings=False)
'Share\\nBody text.'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import import_module
from operator import attrgetter
from typing import Any, Literal

from . import pieces
from . import resources as res
from .config import Config, make_config
from .decode import decode
from .document import Document, Removal
from .normalize.unicode import UnicodeOptions, unicode_settled, unicode_settled_pieces
from .normalize.whitespace import whitespace, whitespace_pieces
from .pieces import line_pieces
from .rules.bullets import fix_markers, lone_markers
from .rules.code import code
from .rules.credits import credits
from .rules.duplicates import duplicates
from .rules.page import page, split_long_lines
from .rules.ui_strings import held_and_repeats, ui_strings

TextFn = Callable[[str, Config], str]
RuleFn = Callable[[Document, Config], Iterable[Removal]]
StepKind = Literal["text", "rule"]


@dataclass(frozen=True)
class Step:
    """One named step. ``option`` names the ``Config`` field that switches it off.

    A text step may also give ``pieces``: the same step over a text given as pieces
    (``(pieces, config) -> pieces``, ``"".join`` of the result equal to ``fn`` of
    ``"".join(pieces)``). The pipeline then hands a long text from one such step to
    the next in pieces and builds the whole only where a step needs it.
    """

    name: str
    fn: Callable[..., Any]
    kind: StepKind = "text"
    option: str | None = None
    pieces: Callable[[Iterable[str], Config], Iterable[str]] | None = None

    def enabled(self, config: Config, text: str) -> bool:
        if self.option is None:
            return True
        value = getattr(config, self.option)
        if value == "auto":
            return _auto(self.name, text)
        return value not in (False, "keep")

    def reads_text(self, config: Config) -> bool:
        """Whether :meth:`enabled` looks at the text (else any text gives the answer)."""
        return (
            self.option is not None
            and self.name == "html"
            and getattr(config, self.option) == "auto"
        )


@dataclass(frozen=True)
class _PlainText:
    """A user's ``str -> str`` function as a text step (picklable if ``fn`` is)."""

    fn: Callable[[str], str]

    def __call__(self, text: str, config: Config) -> str:
        return self.fn(text)


def text_step(fn: Callable[[str], str], name: str | None = None) -> Step:
    """Wrap a plain ``str -> str`` function as a pipeline step."""
    return Step(name or str(getattr(fn, "__name__", "text_step")), _PlainText(fn), "text")


def rule(fn: RuleFn, name: str | None = None, option: str | None = None) -> Step:
    """Wrap a ``(document, config) -> [Removal]`` function as a rule step."""
    return Step(name or str(getattr(fn, "__name__", "rule")), fn, "rule", option)


def _html_module() -> Any:
    """``newsclean.html``, imported on first use: text input never needs the parser."""
    return import_module(".html", __package__)


def _auto(name: str, text: str) -> bool:
    if name == "html":
        found: bool = _html_module().looks_like_html(text)
        return found
    # The whole-page steps decide for themselves (they need the page's blocks to).
    return name in ("page_split", "page")


def _html(text: str, config: Config) -> str:
    converted: str = _html_module().html_to_text(text)
    return converted


def _unicode_options(config: Config) -> UnicodeOptions:
    return UnicodeOptions(
        uncurl_quotes=config.uncurl_quotes,
        fix_character_width=config.fix_character_width,
        fix_latin_ligatures=config.fix_latin_ligatures,
        normalization=config.normalization,
    )


def _unicode(text: str, config: Config) -> str:
    return unicode_settled(text, **_unicode_options(config))


def _unicode_pieces(pieces: Iterable[str], config: Config) -> Iterable[str]:
    return unicode_settled_pieces(pieces, **_unicode_options(config))


def _whitespace(text: str, config: Config) -> str:
    return whitespace(text)


def _whitespace_pieces(pieces: Iterable[str], config: Config) -> Iterable[str]:
    return whitespace_pieces(pieces)


def _bullet_markers(text: str, config: Config) -> str:
    return fix_markers(text)


def _bullet_markers_pieces(pieces: Iterable[str], config: Config) -> Iterable[str]:
    return map(fix_markers, line_pieces(pieces))  # its patterns work within a line


HTML = Step("html", _html, "text", "html")
UNICODE = Step("unicode", _unicode, "text", "unicode", _unicode_pieces)
WHITESPACE = Step("whitespace", _whitespace, "text", "whitespace", _whitespace_pieces)
BULLET_MARKERS = Step("bullet_markers", _bullet_markers, "text", "bullets", _bullet_markers_pieces)
CODE = Step("code", code, "rule", "code")
UI_STRINGS = Step("ui_strings", ui_strings, "rule", "ui_strings")
CREDITS = Step("credits", credits, "rule", "credits")
LONE_MARKERS = Step("lone_markers", lone_markers, "rule", "bullets")
DUPLICATES = Step("duplicates", duplicates, "rule", "duplicates")
UI_STRINGS_HELD = Step("ui_strings_held", held_and_repeats, "rule", "ui_strings")


def _page_split(text: str, config: Config) -> str:
    split = split_long_lines(text, config)
    if split is not text and UNICODE.enabled(config, split):
        # The unicode step repairs line by line: a line cut into sentences is repaired
        # again as its parts, as a second run finds them.
        split = _unicode(split, config)
        if WHITESPACE.enabled(config, split):
            split = whitespace(split)
    return split


PAGE_SPLIT = Step("page_split", _page_split, "text", "page")
PAGE = Step("page", page, "rule", "page")

DEFAULT_STEPS: tuple[Step, ...] = (
    HTML,
    UNICODE,
    WHITESPACE,
    PAGE_SPLIT,
    PAGE,
    BULLET_MARKERS,
    CODE,
    UI_STRINGS,
    CREDITS,
    LONE_MARKERS,
    DUPLICATES,
    UI_STRINGS_HELD,
    WHITESPACE,
)
STEPS: dict[str, Step] = {step.name: step for step in DEFAULT_STEPS}


@dataclass(frozen=True)
class Report:
    """What a run did: the result, every removal, and the steps that changed the text."""

    text: str
    removals: tuple[Removal, ...] = ()
    steps: tuple[str, ...] = field(default=())

    def counts(self) -> dict[str, int]:
        """Removed lines per reason code."""
        counter: Counter[str] = Counter()
        for removal in self.removals:
            counter[removal.reason] += removal.end - removal.start
        return dict(counter)

    def as_dict(self) -> dict[str, Any]:
        return {
            "steps": list(self.steps),
            "removals": [removal.as_dict() for removal in self.removals],
            "counts": self.counts(),
        }

    def __str__(self) -> str:
        lines = [f"steps that changed the text: {', '.join(self.steps) or 'none'}"]
        for r in self.removals:
            shown = r.text.replace("\n", " / ")
            shown = shown if len(shown) <= 70 else shown[:67] + "..."
            lines.append(f"  line {r.start + 1:>4}  {r.reason:<22} {shown}")
        return "\n".join(lines)


def as_text(text: str | bytes, encoding: str | None = None) -> str:
    """``text`` itself, or decoded bytes; any other type is a ``TypeError``."""
    if isinstance(text, str):
        if res.SURROGATE.search(text):
            # Pairs become the character they encode, a lone surrogate U+FFFD: the HTML
            # parser (and any file the text is written to) cannot take them.
            text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        return decode(bytes(text), encoding)
    raise TypeError(f"newsclean cleans str or bytes, not {type(text).__name__}")


class Pipeline:
    """An ordered list of steps, run with one ``Config``.

    Steps may be :class:`Step` objects (the built-ins: ``HTML``, ``UNICODE``,
    ``WHITESPACE``, ``BULLET_MARKERS``, ``UI_STRINGS``, ``CREDITS``, ``LONE_MARKERS``,
    ``DUPLICATES``) or plain ``str -> str`` functions.
    """

    def __init__(self, steps: Sequence[Step | Callable[[str], str]] = DEFAULT_STEPS) -> None:
        built: list[Step] = []
        for i, step in enumerate(steps):
            if isinstance(step, Step):
                built.append(step)
            elif callable(step):
                built.append(text_step(step))
            else:
                raise TypeError(f"Pipeline step {i} is a {type(step).__name__}, not a step")
        self.steps: tuple[Step, ...] = tuple(built)

    @classmethod
    def from_names(cls, names: Iterable[str]) -> Pipeline:
        """A pipeline of built-in steps by name, e.g. to replay a ``Report.steps``."""
        try:
            return cls([STEPS[name] for name in names])
        except KeyError as exc:
            raise ValueError(f"unknown step {exc.args[0]!r}; known: {', '.join(STEPS)}") from None

    def __repr__(self) -> str:
        return f"Pipeline([{', '.join(step.name for step in self.steps)}])"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Pipeline) and other.steps == self.steps

    def __hash__(self) -> int:
        return hash(self.steps)

    def __call__(self, text: str | bytes, config: Config | None = None, **options: Any) -> str:
        return self._report(text, make_config(config, **options), False, False).text

    def explain(self, text: str | bytes, config: Config | None = None, **options: Any) -> Report:
        return self.run(text, make_config(config, **options), explain=True)

    def run(self, text: str | bytes, config: Config, *, explain: bool = False) -> Report:
        """Run every enabled step on ``text``."""
        return self._report(text, config, explain, True)

    def _report(self, text: str | bytes, config: Config, explain: bool, record: bool) -> Report:
        text = as_text(text)
        report = self._run(text, config, explain, record)
        if (
            config.html == "auto"
            and HTML in self.steps
            and _auto("html", report.text)
            and not _auto("html", text)
        ):
            # What the line rules left of the text reads as markup: it was markup with
            # chrome lines around it. Read it as HTML from the start, as a second run
            # would.
            report = self._run(text, config.replace(html=True), explain, record)
        return report

    def _run(self, text: str, config: Config, explain: bool, record: bool = True) -> Report:
        """The steps in order. ``record``: the report lists the removals (with their
        text); without it, only its text is of use.

        Between steps the text is a ``str`` or, once it is longer than
        ``pieces.PIECE_CHARS`` and after steps that give ``pieces`` (not when
        explaining: that compares each step's input and output), an iterable of pieces:
        the whole is built only for a step that needs it, so a long text is never held
        in more than one copy and a half.
        """
        removals: list[Removal] = []
        changed: list[str] = []
        current: str | Iterable[str] = text
        in_pieces = not explain and len(text) > pieces.PIECE_CHARS
        del text  # ``current`` is the only reference: later steps may release it
        steps = self.steps
        # The last rule group's document and the text it rendered, when it removed no
        # line: a next group given that very text starts from the same lines, and the
        # line facts the first one computed (keys) are not computed again.
        unchanged: tuple[Document, str] | None = None
        i = 0
        while i < len(steps):
            step = steps[i]
            if step.kind == "rule":
                end = i
                while end < len(steps) and steps[end].kind == "rule":
                    end += 1
                if unchanged is not None and current is unchanged[1]:
                    doc = unchanged[0].unmarked(record_text=record)
                elif isinstance(current, str):
                    doc = Document.from_text(current, record_text=record)
                else:
                    doc = Document.from_pieces(current, record_text=record)
                unchanged = None
                group = [s for s in steps[i:end] if s.enabled(config, _text_for(s, config, doc))]
                current = ()  # the text lives on in ``doc`` only
                for rule_step in group:
                    before = len(doc.removals)
                    for removal in rule_step.fn(doc, config):
                        doc.mark(removal)
                    if len(doc.removals) > before:
                        changed.append(rule_step.name)
                if record:
                    removals.extend(sorted(doc.removals, key=_START))
                current = doc.render_pieces() if in_pieces else doc.render()
                if isinstance(current, str) and not any(doc.removed):
                    unchanged = (doc, current)
                del doc
                i = end
                continue
            i += 1
            if step.pieces is not None and in_pieces and not step.reads_text(config):
                if step.enabled(config, ""):
                    current = step.pieces(_as_pieces(current), config)
                continue
            text = current if isinstance(current, str) else "".join(current)
            current = ()
            if step.enabled(config, text):
                text, given = step.fn(text, config), text
                if explain and text != given:
                    changed.append(step.name)
                del given
            in_pieces = not explain and len(text) > pieces.PIECE_CHARS
            current = text
            del text
        result = current if isinstance(current, str) else "".join(current)
        return Report(result, tuple(removals), tuple(changed))


_START = attrgetter("start")


def _as_pieces(current: str | Iterable[str]) -> Iterable[str]:
    return (current,) if isinstance(current, str) else current


def _text_for(step: Step, config: Config, doc: Document) -> str:
    """The text ``step.enabled`` needs: the document's only when it reads it."""
    return doc.render() if step.reads_text(config) else ""


DEFAULT_PIPELINE = Pipeline()


def clean(text: str | bytes, config: Config | None = None, **options: Any) -> str:
    """Clean the text of a scraped news page with the default pipeline.

    ``text`` may be plain text, HTML, or bytes (decoded first). Options are the fields
    of :class:`~newsclean.config.Config`, given as keywords or as ``config``.

    >>> clean("Putin lands in Beijing.\\n  • Oops!\\n    Something went wrong.\\n\\n\\nHe met Xi.")
    'Putin lands in Beijing.\\n\\nHe met Xi.'
    """
    return DEFAULT_PIPELINE(text, config, **options)


def explain(text: str | bytes, config: Config | None = None, **options: Any) -> Report:
    """Like :func:`clean`, but return a :class:`Report` of what was removed and why.

    >>> report = explain("Body text.\\nAdvertisement\\nBody text two.")
    >>> [(r.rule, r.reason, r.start + 1, r.text) for r in report.removals]
    [('ui_strings', 'ui.advertisement', 2, 'Advertisement')]
    >>> report.text
    'Body text.\\nBody text two.'
    """
    return DEFAULT_PIPELINE.explain(text, config, **options)


def apply_rule(fn: RuleFn, text: str, config: Config | None = None, **options: Any) -> str:
    """Run one rule alone on ``text`` and return what is left.

    >>> apply_rule(duplicates, "A line that repeats itself exactly.\\n" * 2)
    'A line that repeats itself exactly.\\n'
    """
    doc = Document.from_text(text)
    for removal in fn(doc, make_config(config, **options)):
        doc.mark(removal)
    return doc.render()
