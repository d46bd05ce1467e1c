"""How fast newsclean is, against the targets of its speed issue.

Run from the repository root (needs the newsbench data, which does not ship):

    .venv/bin/python benchmarks/speed.py [NEWSBENCH_DIR] [--big-mb 100] [--jobs 2]

NEWSBENCH_DIR defaults to ../shared/newsbench next to the repository. Every figure is
printed as the measured value, the ratio, the target and whether it is met, after the
machine it ran on. Times are CPU seconds of this process (``time.process_time``), so
other programs on a shared machine disturb them less than wall-clock time; the
wall-clock figure is printed beside each. Uses only the standard library, newsclean,
ftfy and BeautifulSoup (lxml).

Figures:

1. throughput: ``newsclean.clean`` over the text of every newsbench extractor, one
   call per text, against ``ftfy.fix_text`` (default configuration) over the same
   texts. Target: at least 5 times ftfy's throughput.
2. equality: ``newsclean.normalize.unicode`` equals ``ftfy.fix_text`` with newsclean's
   configuration on every newsbench text (and the mojibake cases of the test suite).
3. linearity: seconds per MB cleaning one 100 MB document (the newsbench texts, one
   after another, repeated) against five 1 MB slices of it (same mix of texts).
   Target: at most 1.5 times.
4. memory: peak resident memory added while cleaning that 100 MB document, in a fresh
   process (Linux: the high-water mark VmHWM, reset just before the call), against
   ``sys.getsizeof`` of the input. Target: at most 3.
5. HTML: ``clean(html)`` against ``BeautifulSoup(html, "lxml").get_text()`` on the
   newsbench pages (reported; the HTML stage has its own owner and target).
6. import: ``import newsclean`` in a fresh process, CPU time (median of 7; the
   wall-clock ``python -X importtime`` figure beside it). Target: under 150 ms.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "newsbench"
MB = 1_000_000


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cpu}, {cores} cores, Python {platform.python_version()} ({platform.system()})"


def load_texts(data: Path) -> list[str]:
    texts = []
    folder = data / "aeb" / "extractors"
    files = sorted(folder.glob("*.json.gz"))
    if not files:
        sys.exit(f"no extractor outputs in {folder}: give the newsbench folder as argument")
    for path in files:
        loaded = json.loads(gzip.decompress(path.read_bytes()))
        if isinstance(loaded, dict) and set(loaded) == {"version", "output"}:
            loaded = loaded["output"]
        for _, value in sorted(loaded.items()):
            text = (value or {}).get("articleBody") or ""
            if text:
                texts.append(text)
    return texts


def load_pages(data: Path) -> list[str]:
    return [
        gzip.decompress(p.read_bytes()).decode("utf-8", errors="replace")
        for p in sorted((data / "aeb" / "html").glob("*.html.gz"))
    ]


def timed(fn: Callable[[str], Any], items: Iterable[str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) to call ``fn`` on every item."""
    cpu, wall = time.process_time(), time.perf_counter()
    for item in items:
        fn(item)
    return time.process_time() - cpu, time.perf_counter() - wall


def size_mb(texts: Iterable[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / MB


def row(name: str, measured: str, ratio: float, target: str, met: bool) -> None:
    verdict = "MET" if met else "NOT MET"
    print(f"{name:<11} {measured:<66} ratio {ratio:6.2f}  target {target:<9} {verdict}")


def _unequal(chunk: list[str]) -> list[int]:
    import ftfy

    from newsclean.normalize.unicode import ftfy_config, unicode

    config = ftfy_config()
    return [i for i, text in enumerate(chunk) if unicode(text) != ftfy.fix_text(text, config)]


def equality(texts: list[str], jobs: int) -> int:
    """How many texts the unicode stage repairs differently from ftfy (not timed)."""
    chunks = [texts[i::jobs] for i in range(jobs)]
    with ProcessPoolExecutor(jobs) as pool:
        return sum(len(bad) for bad in pool.map(_unequal, chunks))


def big_document(texts: list[str], megabytes: int) -> str:
    """The plain texts one after another, repeated, cut to about ``megabytes`` MB of
    UTF-8. Texts holding a "<" are left out: a few tags among 100 MB would make the
    whole document look like HTML, and this figure is about text."""
    joined = "\n\n".join(text for text in texts if "<" not in text)
    chars_per_mb = len(joined) * MB / len(joined.encode("utf-8"))
    chars = int(megabytes * chars_per_mb)
    return "\n\n".join([joined] * (chars // len(joined) + 1))[:chars]


_CHILD = """
import sys, time
sys.path.insert(0, {here!r})
from pathlib import Path
from speed import big_document, load_texts
import newsclean
newsclean.clean("warm up: imports, catalogue")
doc = big_document(load_texts(Path({newsbench!r})), {mb})
# Seconds per MB on 1 MB slices taken at five places of the same document.
step = len(doc) // {mb}
slices = [doc[i * (len(doc) - step) // 5 :][:step] for i in range(5)]
small_mb = sum(len(s.encode("utf-8")) for s in slices) / 1e6
cpu, wall = time.process_time(), time.perf_counter()
for piece in slices:
    newsclean.clean(piece)
small = (time.process_time() - cpu, time.perf_counter() - wall)
del slices, piece
def status(field):
    with open("/proc/self/status") as f:
        return next(int(l.split()[1]) * 1024 for l in f if l.startswith(field))
before = status("VmRSS:")
with open("/proc/self/clear_refs", "w") as f:
    f.write("5")  # reset the peak (VmHWM) to the current resident size
cpu, wall = time.process_time(), time.perf_counter()
newsclean.clean(doc)
cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
peak = status("VmHWM:")
print(small_mb, small[0], small[1], len(doc.encode("utf-8")) / 1e6, sys.getsizeof(doc),
      cpu, wall, max(0, peak - before))
"""


def big_run(newsbench: Path, megabytes: int) -> list[float]:
    """In a fresh process: [MB, CPU s, wall s] for five 1 MB slices, then [MB,
    getsizeof, CPU s, wall s, peak RSS added] for the whole ``megabytes`` document."""
    code = _CHILD.format(here=str(Path(__file__).parent), newsbench=str(newsbench), mb=megabytes)
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return [float(value) for value in out.stdout.split()]


_IMPORT = (
    "import time; t = time.process_time(); import newsclean; "
    "print((time.process_time() - t) * 1000)"
)


def import_ms(runs: int = 7) -> tuple[float, float]:
    """Median CPU milliseconds of ``import newsclean`` in a fresh process, and the median
    cumulative wall-clock figure ``python -X importtime`` reports for it."""
    cpu, cumulative = [], []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", _IMPORT],
            check=True,
            capture_output=True,
            text=True,
        )
        cpu.append(float(done.stdout))
        found = re.search(r"\|\s*(\d+) \| newsclean\n", done.stderr)
        cumulative.append(int(found.group(1)) / 1000 if found else float("nan"))
    return statistics.median(cpu), statistics.median(cumulative)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("newsbench", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--big-mb", type=int, default=100, help="size of the big document")
    parser.add_argument("--jobs", type=int, default=2, help="processes for the equality check")
    parser.add_argument("--every", type=int, default=1, help="use every n-th text (smoke test)")
    args = parser.parse_args()

    import ftfy
    from bs4 import BeautifulSoup

    import newsclean

    print(f"machine     {machine()}")
    print(f"versions    newsclean {newsclean.__version__}, ftfy {ftfy.__version__}")
    started = time.perf_counter()
    texts = load_texts(args.newsbench)[:: args.every]
    megabytes = size_mb(texts)
    print(f"corpus      {len(texts)} texts from {args.newsbench}, {megabytes:.1f} MB UTF-8")
    newsclean.clean("warm up: lazy imports and the catalogue")
    ftfy.fix_text("warm up")

    ftfy_cpu, ftfy_wall = timed(ftfy.fix_text, texts)
    clean_cpu, clean_wall = timed(newsclean.clean, texts)
    ratio = ftfy_cpu / clean_cpu
    row(
        "throughput",
        f"clean {megabytes / clean_cpu:.2f} MB/s, ftfy {megabytes / ftfy_cpu:.2f} MB/s "
        f"(wall {megabytes / clean_wall:.2f} / {megabytes / ftfy_wall:.2f})",
        ratio,
        ">= 5",
        ratio >= 5,
    )

    cases_file = ROOT / "tests" / "data" / "ftfy_test_cases.json"
    cases = [case["original"] for case in json.loads(cases_file.read_text("utf-8"))["cases"]]
    checked = [*texts, *cases]
    unequal = equality(checked, args.jobs)
    row(
        "equality",
        f"unicode stage vs ftfy.fix_text: {unequal} of {len(checked)} texts differ "
        f"({len(cases)} mojibake cases)",
        unequal / len(checked),
        "0",
        not unequal,
    )

    small_mb, cpu1, wall1, size_big, obj, cpu_big, wall_big, added = big_run(
        args.newsbench, args.big_mb
    )
    ratio = (cpu_big / size_big) / (cpu1 / small_mb)
    row(
        "linearity",
        f"{cpu_big / size_big:.3f} s/MB at {size_big:.0f} MB, {cpu1 / small_mb:.3f} s/MB on "
        f"1 MB slices (wall {wall_big / size_big:.3f} / {wall1 / small_mb:.3f})",
        ratio,
        "<= 1.5",
        ratio <= 1.5,
    )
    ratio = added / obj
    row(
        "memory",
        f"peak RSS +{added / MB:.0f} MB cleaning a {obj / MB:.0f} MB str (getsizeof)",
        ratio,
        "<= 3",
        ratio <= 3,
    )

    pages = load_pages(args.newsbench)
    soup_cpu, _ = timed(lambda html: BeautifulSoup(html, "lxml").get_text(), pages)
    html_cpu, _ = timed(newsclean.clean, pages)
    ratio = html_cpu / soup_cpu
    row(
        "html",
        f"clean(html) {html_cpu:.2f} s, BeautifulSoup get_text {soup_cpu:.2f} s "
        f"({len(pages)} pages)",
        ratio,
        "<= 1.5",
        ratio <= 1.5,
    )

    cpu_ms, wall_ms = import_ms()
    row(
        "import",
        f"import newsclean {cpu_ms:.0f} ms CPU ({wall_ms:.0f} ms wall by -X importtime)",
        cpu_ms / 150,
        "< 150 ms",
        cpu_ms < 150,
    )
    print(f"total       {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
