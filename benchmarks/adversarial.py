"""Time newsclean on hostile inputs, each against an ordinary document of the same size.

Not a test: it prints a table. Every adversarial input should take at most about 3x the
time of an ordinary news text of the same length (many paragraphs of prose)::

    python benchmarks/adversarial.py            # full sizes (about a minute)
    python benchmarks/adversarial.py --scale 0.1 --only bullets,dups

The inputs are the ones ``tests/test_adversarial.py`` feeds (there only checked to
finish): 100k repeated bullets, 100k duplicate lines, 10 MB without a newline, HTML
nested 100k deep, 1M ``&amp;`` entities, a catalogue phrase repeated 100k times.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable

import newsclean

WORDS = (
    "the government said on monday that its new budget would raise spending on schools "
    "hospitals and roads while officials in the capital warned that prices had risen "
    "sharply over the past year and that families were struggling to pay for food energy "
    "and rent according to figures published by the national statistics office"
).split()


def ordinary(size: int, seed: int = 0) -> str:
    """Prose paragraphs (two to five sentences each) until ``size`` characters."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        sentences = []
        for _ in range(rng.randint(2, 5)):
            words = rng.choices(WORDS, k=rng.randint(8, 25))
            sentences.append(" ".join(words).capitalize() + ".")
        paragraph = " ".join(sentences)
        parts.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(parts)[:size]


def ordinary_html(size: int) -> str:
    """The ordinary document as HTML paragraphs, about ``size`` characters."""
    body = "".join(f"<p>{p}</p>" for p in ordinary(size).split("\n\n"))
    return f"<html><body>{body}</body></html>"


def cases(scale: float) -> dict[str, tuple[str, Callable[[int], str]]]:
    """Name -> (adversarial input, maker of an ordinary input of a given size)."""
    n = max(1, int(100_000 * scale))
    return {
        "100k repeated bullets": ("  •\n" * n, ordinary),
        "100k duplicate lines": (
            "Protesters gather outside parliament in the capital on Monday.\n" * n,
            ordinary,
        ),
        "10 MB without a newline": (("word " * int(2_000_000 * scale)).strip(), ordinary),
        "HTML nested 100k deep": (
            "<div>" * n + "<p>Deep text.</p>" + "</div>" * n,
            ordinary_html,
        ),
        "<svg> nested 100k deep": (
            "<html><body>" + "<svg>" * n + "x" + "</svg>" * n + "<p>Text.</p></body></html>",
            ordinary_html,
        ),
        "1M &amp; entities": ("&amp;" * int(1_000_000 * scale), ordinary),
        "catalogue phrase 100k times (lines)": ("Advertisement\n" * n, ordinary),
        "catalogue phrase 100k times (one line)": (
            "Oops! Something went wrong. " * n,
            ordinary,
        ),
    }


def timed(text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        newsclean.clean(text)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="input size factor")
    parser.add_argument("--repeat", type=int, default=1, help="best of N runs")
    parser.add_argument("--only", default="", help="comma-separated case name prefixes")
    args = parser.parse_args(argv)
    wanted = [w.strip() for w in args.only.split(",") if w.strip()]
    newsclean.clean("warm up: load the catalogue. Advertisement")
    print(f"{'input':<40} {'chars':>10} {'time s':>8} {'ordinary s':>10} {'ratio':>6}")
    worst = 0.0
    for name, (text, make) in cases(args.scale).items():
        if wanted and not any(name.startswith(w) for w in wanted):
            continue
        hostile = timed(text, args.repeat)
        normal = timed(make(len(text)), args.repeat)
        ratio = hostile / normal if normal else float("inf")
        worst = max(worst, ratio)
        flag = "" if ratio <= 3 else "  > 3x"
        print(
            f"{name:<40} {len(text):>10} {hostile:>8.2f} {normal:>10.2f} {ratio:>6.2f}{flag}",
            flush=True,
        )
    print(f"worst ratio: {worst:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
