"""Every input/expected pair under fixtures/ (recursively): clean(input) == expected.

A pair is ``NAME.expected.txt`` and one input beside it with the same ``NAME`` and any
other suffix (``NAME.txt``, ``NAME.html``...). Files are read as bytes and decoded as
UTF-8 so line ends (CRLF fixtures) reach ``clean()`` untouched. Each pair is also
checked for idempotence: cleaning the result again changes nothing.

A folder may hold an ``options.json``: ``clean()`` keyword options for every pair in it
(``fixtures/credits/`` runs with ``{"credits": "drop"}``, since the default keeps
credit lines).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import newsclean

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
EXPECTED = ".expected.txt"


def _pairs() -> list[tuple[Path, Path]]:
    pairs = []
    for expected in sorted(FIXTURES.rglob(f"*{EXPECTED}")):
        name = expected.name[: -len(EXPECTED)]
        inputs = [
            p
            for p in expected.parent.glob(f"{name}.*")
            if p != expected and p.name[len(name) :].count(".") == 1
        ]
        if len(inputs) != 1:
            raise AssertionError(f"{expected}: expected one input file beside it, found {inputs}")
        pairs.append((inputs[0], expected))
    return pairs


PAIRS = _pairs()


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def _id(pair: tuple[Path, Path]) -> str:
    return str(pair[0].relative_to(FIXTURES))


def _options(folder: Path) -> dict[str, Any]:
    path = folder / "options.json"
    if not path.is_file():
        return {}
    try:
        options = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise AssertionError(f"{path}: not valid JSON: {exc}") from None
    if not isinstance(options, dict):
        raise AssertionError(f"{path}: must hold a JSON object of clean() options")
    return options


@pytest.mark.parametrize("pair", PAIRS, ids=[_id(p) for p in PAIRS])
def test_fixture_pair(pair: tuple[Path, Path]) -> None:
    source, expected = pair
    options = _options(source.parent)
    out = newsclean.clean(_read(source), **options)
    assert out == _read(expected).rstrip("\n")
    assert newsclean.clean(out, **options) == out, "clean() is not idempotent on this fixture"


CLASSES = "duplicates ui_strings credits bullets whitespace unicode html page code".split()


def test_enough_fixtures_per_class() -> None:
    counts = {
        folder: sum(1 for _ in (FIXTURES / folder).glob(f"*{EXPECTED}"))
        for folder in CLASSES
    }
    assert all(n >= 5 for n in counts.values()), counts
    assert sum(1 for _ in (FIXTURES / "keep").glob(f"*{EXPECTED}")) >= 10
    assert len(PAIRS) >= 40


def test_keep_fixtures_are_unchanged_apart_from_whitespace() -> None:
    """Must-keep cases: article text that resembles boilerplate survives word for word."""
    for source, expected in PAIRS:
        if source.parent.name == "keep":
            assert _read(expected).split() == _read(source).split(), source.name
