"""The duplicates rule alone: which repeats go, which legitimate repetition stays."""

from __future__ import annotations

import pytest

from newsclean.document import Document
from newsclean.pipeline import apply_rule
from newsclean.rules.duplicates import duplicates, hard_wrapped

CAPTION = "Residents wade through a flooded street in the town centre on Sunday."
PARA = "The council said the repairs would take at least three months to finish. "


def _prose(n: int) -> str:
    return f"Paragraph {n} of the article tells another part of the story in one full sentence."


@pytest.mark.parametrize(
    ("text", "reasons"),
    [
        # a caption twice, adjacent
        (f"{CAPTION}\n{CAPTION}\nBody.", ["duplicate.exact"]),
        # the second copy carries a credit
        (f"{CAPTION}\n{CAPTION} (AP Photo/Martin Meissner)", ["duplicate.near"]),
        (f"{CAPTION}\n{CAPTION} -/Kremlin/dpa", ["duplicate.near"]),
        (f"{CAPTION}\n{CAPTION} Foto: Michael Kappeler/dpa", ["duplicate.near"]),
        # the second copy lacks the credit the first one had
        (f"{CAPTION} REUTERS/Brendan McDermid\n{CAPTION}", ["duplicate.near"]),
        # only short UI lines between the copies
        (f"{CAPTION}\nOops!\nPlay\n{CAPTION}", ["duplicate.exact"]),
        # a caption and its credit repeated in turn (a gallery)
        (
            f"{CAPTION}\n{CAPTION}\nPhoto: Jane Doe, AP\nPhoto: Jane Doe, AP\n{CAPTION}",
            ["duplicate.exact", "duplicate.exact", "duplicate.exact"],
        ),
        # the caption again, cut short at a width, with or without a "more" link
        (f"{CAPTION}\nResidents wade through a flooded street in the", ["duplicate.near"]),
        (f"{CAPTION}\nResidents wade through a flooded street ... more", ["duplicate.near"]),
        # the title printed again after a gallery
        (
            f"Floods close the town centre for a week\nBy Jane Doe\n{CAPTION}\n{_prose(1)}\n"
            f"{_prose(2)}\n{_prose(3)}\nFloods close the town centre for a week\n{_prose(4)}",
            ["duplicate.title"],
        ),
        # a paragraph printed twice far apart (a highlight box): the earlier copy goes
        (
            f"{_prose(9)}\n{_prose(1)}\n{_prose(2)}\n{_prose(3)}\n{_prose(4)}\n{_prose(9)}",
            ["duplicate.far"],
        ),
        # a block of four paragraphs printed again
        (
            "\n".join(_prose(n) for n in range(4))
            + "\n\nMore.\n\n"
            + "\n".join(_prose(n) for n in range(4)),
            ["duplicate.block"] * 4,
        ),
    ],
)
def test_removed(text: str, reasons: list[str]) -> None:
    assert [r.reason for r in duplicates(Document.from_text(text))] == reasons


@pytest.mark.parametrize(
    "text",
    [
        # the copy is far away, with prose between: a pull-quote
        f"{CAPTION}\n{_prose(1)}\n{_prose(2)}\n{_prose(3)}\n{_prose(4)}\n{CAPTION}",
        # the same question to several people
        "What inspired you to start cooking for others?\nMy grandmother did.\n" * 3,
        # short list items repeat
        "Eggs\nFlour\nSalt\n\nEggs\nFlour\nSalt",
        # a longer copy whose extra words are not a credit
        "Portion containers: 1 purple, 1 red\n"
        "Portion containers: 1 purple, 1 red, 1 yellow, 1 tsp.",
        # repeated lines with prose between each copy
        f"{CAPTION}\n{PARA}\n{CAPTION}\n{PARA}x\n{CAPTION}",
        # lines under the minimum length
        "Yes.\nYes.\nNo.\nNo.",
        # the same credit under two different captions
        f"{CAPTION}\nPhoto: Jane Doe, AP\n{_prose(1)}\nPhoto: Jane Doe, AP",
        # a shorter line that is not a cut copy: the first words differ
        f"{CAPTION}\nPeople wade through a flooded street in the town",
        # the title again after a menu: a whole page's name and its headline
        "Floods close the town centre for a week\n"
        + "\n".join(["News", "Sport", "Weather", "Culture", "Travel", "Video"])
        + f"\nFloods close the town centre for a week\n{_prose(1)}",
        # a paragraph printed twice far apart with its neighbours: a repeated structure
        f"Plan A\n{_prose(1)}\nPortion: 1 green\n{_prose(3)}\n{_prose(4)}\n"
        f"{_prose(5)}\nPlan B\n{_prose(1)}\nPortion: 1 green\n{_prose(6)}",
        # a paragraph three times far apart: structure
        f"{_prose(1)}\n{_prose(2)}\n{_prose(3)}\n{_prose(4)}\n{_prose(1)}\n"
        f"{_prose(5)}\n{_prose(6)}\n{_prose(7)}\n{_prose(1)}",
    ],
)
def test_kept(text: str) -> None:
    assert duplicates(Document.from_text(text)) == []


def test_wrapped_paragraph_fragment_is_not_a_duplicate() -> None:
    line = "can make your own hours. Or perhaps you would like to focus on side income."
    text = (
        "He said the early retirement plan works if you keep your savings rate high and\n"
        f"{line}\n\n"
        "Readers asked how it works for families. He said families must save more but\n"
        f"{line}\n"
    )
    assert hard_wrapped(Document.from_text(text))
    assert apply_rule(duplicates, text) == text


def test_every_document_is_judged_alone() -> None:
    text = f"{CAPTION}\n{CAPTION}"
    first = duplicates(Document.from_text(text))
    assert duplicates(Document.from_text(text)) == first
    assert duplicates(Document.from_text(CAPTION)) == []
