"""Speed of the whole-page stage, and of clean(html) against BeautifulSoup's get_text().

    python benchmarks/page_speed.py [NEWSBENCH_DIR]     (default: ../shared/newsbench)

Prints, for the whole-page text of several extractors, the page stage's throughput in
MB/s (the stage alone, forced on, and inside the default clean()), then the time of
``newsclean.clean(html)`` and of ``BeautifulSoup(html, "lxml").get_text()`` over every
page's HTML, and their ratio. BeautifulSoup is only needed for that comparison.
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from pathlib import Path

import newsclean
from newsclean.config import Config
from newsclean.pipeline import PAGE, PAGE_SPLIT, Pipeline

EXTRACTORS = ("beautifulsoup", "html-text", "inscriptis", "html2text", "fast_html2md", "mdka")


def load(path: Path) -> dict[str, str]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        data = json.load(f)
    if isinstance(data, dict) and set(data) == {"version", "output"}:
        data = data["output"]
    return {k: (v or {}).get("articleBody") or "" for k, v in data.items()}


def mb_per_s(texts: list[str], fn: object) -> float:
    size = sum(len(t.encode("utf-8")) for t in texts)
    start = time.perf_counter()
    for t in texts:
        fn(t)  # type: ignore[operator]
    return size / (time.perf_counter() - start) / 1e6


def main() -> int:
    repo = Path(__file__).resolve().parent.parent
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else repo.parent / "shared" / "newsbench"
    aeb = data / "aeb"
    if not aeb.is_dir():
        print(f"no newsbench data at {data} (give the folder as the first argument)")
        return 2
    stage = Pipeline([PAGE_SPLIT, PAGE])
    forced = Config(page=True)
    print(f"{'extractor':15} {'stage MB/s':>10} {'clean MB/s':>10}")
    for name in EXTRACTORS:
        path = aeb / "extractors" / f"{name}.json.gz"
        if not path.exists():
            continue
        texts = [t for t in load(path).values() if t]
        stage_speed = mb_per_s(texts, lambda t: stage(t, forced))
        clean_speed = mb_per_s(texts, newsclean.clean)
        print(f"{name:15} {stage_speed:10.2f} {clean_speed:10.2f}")

    pages = [
        gzip.decompress(p.read_bytes()).decode("utf-8", errors="replace")
        for p in sorted((aeb / "html").glob("*.html.gz"))
    ]
    start = time.perf_counter()
    for html in pages:
        newsclean.clean(html)
    ours = time.perf_counter() - start
    try:
        from bs4 import BeautifulSoup
    except ImportError:
        print(f"clean(html): {ours:.2f}s for {len(pages)} pages (bs4 not installed)")
        return 0
    start = time.perf_counter()
    for html in pages:
        BeautifulSoup(html, "lxml").get_text()
    theirs = time.perf_counter() - start
    print(
        f"clean(html) {ours:.2f}s, BeautifulSoup(html, 'lxml').get_text() {theirs:.2f}s "
        f"over {len(pages)} pages: ratio {ours / theirs:.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
