"""The seed article: a real extractor output with a duplicated caption and a player error."""

from __future__ import annotations

from pathlib import Path

import newsclean

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed"


def test_seed_matches_expected_output() -> None:
    raw = (SEED / "000_0f7fd40353161a89.txt").read_text(encoding="utf-8")
    expected = (SEED / "000_0f7fd40353161a89.expected.txt").read_text(encoding="utf-8")
    assert newsclean.clean(raw) == expected.rstrip("\n")


def test_seed_explain_names_each_removal() -> None:
    raw = (SEED / "000_0f7fd40353161a89.txt").read_text(encoding="utf-8")
    report = newsclean.explain(raw)
    reasons = [r.reason for r in report.removals]
    assert reasons == ["duplicate.exact", "ui.player_error", "ui.player_error"]
    assert all("Oops" in r.text for r in report.removals if r.rule == "ui_strings")
    assert report.text == newsclean.clean(raw)
