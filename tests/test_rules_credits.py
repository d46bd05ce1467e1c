"""The credits rule: standalone photo-credit lines, in several languages."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.document import Document
from newsclean.rules.credits import credits, is_credit_line, looks_like_credit


@pytest.mark.parametrize(
    "line",
    [
        "Photo: Damian Dovarganes, AP",
        "Alex Wong | Getty Images",
        "Foto: Markus Scholz/dpa/Archivbild",
        "(AP Photo/Evan Vucci)",
        "REUTERS/Brendan McDermid",
        "Photo by John Smith/Getty Images",
        "Crédit photo : Thomas Samson/AFP",
        "Foto: ANSA",
        "© Reuters",
        "Image: Shutterstock",
    ],
)
def test_credit_lines(line: str) -> None:
    assert is_credit_line(line)
    doc = Document.from_text(f"Body text.\n\n{line}\n\nMore text.")
    assert credits(doc, newsclean.Config(credits="drop"))


@pytest.mark.parametrize(
    "line",
    [
        "Reuters reported that the talks had stalled over the border question.",
        "Photo: Protesters gather outside parliament in the capital on Monday evening.",
        "The photo was taken by a tourist from the bridge.",
        "Getty Images said it would appeal the ruling.",
        "Why Can't Taylor Swift Perform Her Own Songs? It's Complicated - Bloomberg",
        "",
    ],
)
def test_not_credit_lines(line: str) -> None:
    assert not is_credit_line(line)


def test_credit_inside_a_sentence_stays() -> None:
    text = "Pictures were taken by a photographer working for\nGetty Images\nduring the final."
    assert credits(Document.from_text(text), newsclean.Config(credits="drop")) == []


@pytest.mark.parametrize(
    ("tail", "expected"),
    [("-/Kremlin/dpa", True), ("(AP Photo/Evan Vucci)", True), ("1 Red, 1 tsp.", False)],
)
def test_looks_like_credit(tail: str, expected: bool) -> None:
    assert looks_like_credit(tail) is expected


def test_keep_is_the_default_and_drop_removes() -> None:
    text = "A caption of the photo.\nPhoto: Damian Dovarganes, AP\n\nBody."
    assert "Dovarganes" in newsclean.clean(text)
    assert "Dovarganes" not in newsclean.clean(text, credits="drop")


def test_rule_alone_follows_the_option() -> None:
    doc = "Body.\nAlex Wong | Getty Images"
    assert credits(Document.from_text(doc)) == []
    assert credits(Document.from_text(doc), newsclean.Config(credits="drop"))


def test_ends_sentence_is_the_sentence_end_pattern() -> None:
    # is_credit_line reads a sentence end from the line's last characters; that must
    # be what the pattern finds, line ends and closing quotes included.
    import itertools

    from newsclean import resources as res

    alphabet = ["a", ".", "!", "?", "…", '"', "'", "”", "’", "»", ")", "\n", " ", "("]
    for size in range(5):
        for chars in itertools.product(alphabet, repeat=size):
            text = "".join(chars)
            assert res.ends_sentence(text) == (res.SENTENCE_END.search(text) is not None), text
