"""Dataset-scale cleaning with the ``newsclean`` command: throughput, speed-up, memory.

Builds a JSONL corpus of at least ``--size-mb`` MB (default 200) from the newsbench
extractor texts, repeated, then runs ``newsclean corpus.jsonl --field text -o out.jsonl``
with ``--jobs 1`` and ``--jobs 2`` (or ``--jobs-list``) and prints, for each run:
documents/s, MB/s, the speed-up over one job, and the peak memory of the whole run (the
resident set of the command and all its worker processes added up, sampled every 50 ms)
and the CPU time they used (on a shared machine, "cores busy" shows how much of the
two cores the run actually got).
It also checks that every run wrote the same bytes.

    .venv/bin/python benchmarks/batch.py [DATA] [--size-mb 200] [--workdir DIR]

DATA is the newsbench folder (default: ../shared/newsbench beside the repository).
Targets: speed-up >= 1.7 with 2 jobs on 2 cores, peak memory < 300 MB.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "newsbench"


def extractor_texts(data: Path) -> list[tuple[str, str, str]]:
    """``(extractor, page_id, text)`` for every extractor output in the benchmark."""
    out: list[tuple[str, str, str]] = []
    for path in sorted((data / "aeb" / "extractors").glob("*.json.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            content = json.load(f)
        if isinstance(content, dict) and "output" in content and "version" in content:
            content = content["output"]
        for page, value in sorted(content.items()):
            text = value.get("articleBody") if isinstance(value, dict) else None
            if isinstance(text, str) and text.strip():
                out.append((path.name.removesuffix(".json.gz"), page, text))
    return out


def build_corpus(data: Path, target: Path, size_mb: float) -> tuple[int, int]:
    """Write the corpus; returns ``(records, bytes)``."""
    texts = extractor_texts(data)
    if not texts:
        raise SystemExit(f"no extractor texts under {data}/aeb/extractors")
    limit = int(size_mb * 1_000_000)
    written = records = 0
    with target.open("wb") as f:
        while written < limit:
            for extractor, page, text in texts:
                line = json.dumps(
                    {"id": records, "extractor": extractor, "page": page, "text": text},
                    ensure_ascii=False,
                ).encode("utf-8")
                f.write(line + b"\n")
                written += len(line) + 1
                records += 1
                if written >= limit:
                    break
    return records, written


def _tree(pid: int) -> list[int]:
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return pids
    for child in children:
        pids.extend(_tree(int(child)))
    return pids


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def run(corpus: Path, output: Path, jobs: int) -> dict[str, float]:
    command = [
        sys.executable, "-m", "newsclean", str(corpus), "--field", "text",
        "-o", str(output), "--jobs", str(jobs), "--no-progress",
    ]  # fmt: skip
    peak = {"rss": 0, "processes": 0}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    process = subprocess.Popen(command, stderr=subprocess.PIPE)
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            pids = _tree(process.pid)
            total = sum(_rss(p) for p in pids)
            if total > peak["rss"]:
                peak["rss"], peak["processes"] = total, len(pids)
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = process.communicate()
    elapsed = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the command and its workers
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"newsclean failed ({process.returncode}):\n{stderr.decode()}")
    summary = stderr.decode()
    records = int(summary.split("records: ", 1)[1].split(" in", 1)[0])
    return {
        "jobs": jobs,
        "seconds": elapsed,
        "cpu_seconds": cpu,
        "records": records,
        "peak_rss_mb": peak["rss"] / 1e6,
        "processes": peak["processes"],
    }


def digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--size-mb", type=float, default=200.0)
    parser.add_argument("--jobs-list", default="1,2", help="comma-separated --jobs values")
    parser.add_argument("--workdir", type=Path, help="where the corpus goes (default: a temp dir)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        folder = Path(tmp)
        corpus = folder / "corpus.jsonl"
        records, size = build_corpus(args.data, corpus, args.size_mb)
        print(f"corpus: {records} records, {size / 1e6:.1f} MB ({corpus})")
        print(f"machine: {os.cpu_count()} cores, {sys.platform}, Python {sys.version.split()[0]}")
        results = []
        digests = set()
        for jobs in (int(j) for j in args.jobs_list.split(",")):
            output = folder / f"out-{jobs}.jsonl"
            result = run(corpus, output, jobs)
            digests.add(digest(output))
            output.unlink()
            results.append(result)
            print(
                f"--jobs {jobs}: {result['seconds']:.1f} s, "
                f"{result['records'] / result['seconds']:.1f} docs/s, "
                f"{size / 1e6 / result['seconds']:.2f} MB/s, "
                f"peak RSS {result['peak_rss_mb']:.0f} MB "
                f"({result['processes']:.0f} processes), "
                f"CPU {result['cpu_seconds']:.0f} s "
                f"({result['cpu_seconds'] / result['seconds']:.2f} cores busy on average)",
                flush=True,
            )
        base = results[0]["seconds"]
        for result in results[1:]:
            speedup = base / result["seconds"]
            target = "meets" if speedup >= 1.7 else "misses"
            print(f"speed-up with {result['jobs']:.0f} jobs: {speedup:.2f}x ({target} 1.7)")
        peak = max(r["peak_rss_mb"] for r in results)
        print(f"peak RSS of any run: {peak:.0f} MB ({'meets' if peak < 300 else 'misses'} 300)")
        print("outputs identical across runs:", "yes" if len(digests) == 1 else "NO")


if __name__ == "__main__":
    main()
