"""Bad input and interrupted runs: a clear message, nothing lost, no half-written file."""

from __future__ import annotations

import gzip
import json
import os
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest
from cli_support import docs, leftovers, read_jsonl, run, script, summary

import newsclean

GOOD = [json.dumps({"id": i, "text": text}).encode() for i, text in enumerate(docs()[:6])]

# (bad line, the problem the message must name)
BAD_LINES = {
    "malformed": (b'{"id": 90, "text": "unfinished', b"malformed JSON"),
    "missing": (b'{"id": 91, "body": "no text field"}', b"no field 'text'"),
    "not_string": (b'{"id": 92, "text": ["a", "list"]}', b"field 'text' is an array, not a string"),
    "null": (b'{"id": 93, "text": null}', b"field 'text' is null, not a string"),
    "not_object": (b'["id", 94]', b"the record is an array, not an object"),
    "undecodable": (b'{"id": 95, "text": "caf\xe9 au lait"}', b"undecodable bytes"),
}


def _write(path: Path, lines: list[bytes]) -> None:
    path.write_bytes(b"".join(line + b"\n" for line in lines))


@pytest.mark.parametrize("case", sorted(BAD_LINES))
def test_bad_record_fails_naming_file_line_and_problem(tmp_path: Path, case: str) -> None:
    bad, problem = BAD_LINES[case]
    _write(tmp_path / "in.jsonl", [*GOOD[:3], bad, *GOOD[3:]])
    (tmp_path / "out.jsonl").write_bytes(b"an earlier result\n")
    result = run("in.jsonl", "-o", "out.jsonl", "--jobs", "1", cwd=tmp_path)
    assert result.returncode == 1
    stderr = result.stderr
    assert b"in.jsonl:4: " + problem in stderr, stderr
    assert b"stopped after in.jsonl line 3" in stderr
    # The earlier output is untouched and no temporary file is left.
    assert (tmp_path / "out.jsonl").read_bytes() == b"an earlier result\n"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("case", sorted(BAD_LINES))
def test_bad_record_skipped_into_rejects(tmp_path: Path, case: str) -> None:
    bad, problem = BAD_LINES[case]
    _write(tmp_path / "in.jsonl", [*GOOD[:3], bad, *GOOD[3:]])
    result = run(
        "in.jsonl",
        "-o",
        "out.jsonl",
        "--on-error",
        "skip",
        "--rejects",
        "rejects.jsonl",
        cwd=tmp_path,
    )
    assert result.returncode == 1  # some records rejected
    assert b"in.jsonl:4: " + problem in result.stderr
    assert (tmp_path / "rejects.jsonl").read_bytes() == bad + b"\n"  # verbatim
    out = read_jsonl(tmp_path / "out.jsonl")
    assert [r["id"] for r in out] == list(range(6))
    assert [r["text"] for r in out] == [newsclean.clean(t) for t in docs()[:6]]
    assert summary(result.stderr) == (7, 6, 1)


def test_undecodable_text_file_names_line_and_byte(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_bytes(b"First line.\nA caf\xe9 here.\n")
    result = run("page.txt", "--encoding", "utf-8", "-o", "out.txt", cwd=tmp_path)
    assert result.returncode == 1
    assert b"page.txt:2: undecodable bytes" in result.stderr
    assert b"0xe9 at column 6" in result.stderr
    assert not (tmp_path / "out.txt").exists()
    (tmp_path / "fine.txt").write_text("A fine page.", "utf-8")
    skipped = run(
        "page.txt", "fine.txt", "--encoding", "utf-8", "--on-error", "skip",
        "--rejects", "rejects.txt", "-o", "out.txt", cwd=tmp_path,
    )  # fmt: skip
    assert skipped.returncode == 1
    assert (tmp_path / "rejects.txt").read_text("utf-8") == "page.txt\n"
    assert (tmp_path / "out.txt").read_text("utf-8") == "A fine page.\n"
    assert summary(skipped.stderr) == (2, 1, 1)
    # Without --encoding the bytes are detected, not rejected.
    detected = run("page.txt", cwd=tmp_path)
    assert detected.returncode == 0
    assert "café" in detected.stdout.decode("utf-8")


def _truncated_gzip(path: Path, count: int) -> int:
    lines = [json.dumps({"id": i, "text": docs()[1 + i % 30]}).encode() for i in range(count)]
    data = gzip.compress(b"".join(line + b"\n" for line in lines))
    path.write_bytes(data[: len(data) * 2 // 3])
    return count


def test_truncated_gzip_fails(tmp_path: Path) -> None:
    _truncated_gzip(tmp_path / "in.jsonl.gz", 400)
    result = run("in.jsonl.gz", "-o", "out.jsonl", cwd=tmp_path)
    assert result.returncode == 1
    assert b"in.jsonl.gz" in result.stderr and b"truncated gzip" in result.stderr
    assert b"incomplete last record" in result.stderr
    assert not (tmp_path / "out.jsonl").exists()
    assert leftovers(tmp_path) == []


def test_truncated_gzip_skipped_accounts_for_every_record(tmp_path: Path) -> None:
    _truncated_gzip(tmp_path / "in.jsonl.gz", 400)
    result = run(
        "in.jsonl.gz",
        "-o",
        "out.jsonl",
        "--on-error",
        "skip",
        "--rejects",
        "rej.jsonl",
        cwd=tmp_path,
    )
    assert result.returncode == 1
    records_in, records_out, rejected = summary(result.stderr)
    out = read_jsonl(tmp_path / "out.jsonl")
    rejects = (tmp_path / "rej.jsonl").read_bytes().splitlines()
    assert records_out == len(out) and rejected == len(rejects) == 1
    assert records_in == records_out + rejected
    assert [r["id"] for r in out] == list(range(len(out)))  # a prefix, in order
    assert 0 < len(out) < 400
    assert b"truncated gzip" in result.stderr
    assert b"inputs not read to their end: 1" in result.stderr


def test_records_in_equal_out_plus_rejected(tmp_path: Path) -> None:
    rng = random.Random(5)
    lines: list[bytes] = []
    expected_good: list[int] = []
    expected_bad: list[bytes] = []
    for i in range(300):
        if rng.random() < 0.2:
            bad = rng.choice(list(BAD_LINES.values()))[0]
            lines.append(bad)
            expected_bad.append(bad)
        else:
            lines.append(json.dumps({"id": i, "text": docs()[i % len(docs())]}).encode())
            expected_good.append(i)
        if rng.random() < 0.05:
            lines.append(b"   ")  # blank lines are not records
    _write(tmp_path / "in.jsonl", lines)
    result = run(
        "in.jsonl",
        "-o",
        "out.jsonl",
        "--on-error",
        "skip",
        "--rejects",
        "rej.jsonl",
        "--jobs",
        "2",
        "--chunk-size",
        "2000",
        cwd=tmp_path,
    )
    assert result.returncode == 1
    out = read_jsonl(tmp_path / "out.jsonl")
    rejects = (tmp_path / "rej.jsonl").read_bytes().split(b"\n")[:-1]
    assert [r["id"] for r in out] == expected_good
    assert rejects == expected_bad
    assert summary(result.stderr) == (300, len(expected_good), len(expected_bad))


def _descendants(pid: int) -> list[int]:
    found: list[int] = []
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return found
    for child in map(int, children):
        found.append(child)
        found.extend(_descendants(child))
    return found


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start_streaming(tmp_path: Path, jobs: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [
            *script(),
            "--format",
            "jsonl",
            "-o",
            "out.jsonl",
            "--jobs",
            str(jobs),
            "--chunk-size",
            "500",
        ],
        cwd=tmp_path,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        # Ctrl-C as at a terminal: a shell runs a background job (a CI script started
        # with "&") with SIGINT ignored, and a child inherits that.
        preexec_fn=_default_sigint,
    )
    assert process.stdin is not None
    for line in GOOD * 3:
        process.stdin.write(line + b"\n")
    process.stdin.flush()
    return process


def _wait_for(condition: object, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return
        time.sleep(0.1)
    raise AssertionError("timed out waiting")


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("jobs", [1, 2])
def test_interrupt_leaves_no_output_and_says_where(tmp_path: Path, jobs: int) -> None:
    process = _start_streaming(tmp_path, jobs)
    # Wait until some records are written (to the temporary file) and more are pending.
    _wait_for(lambda: any((tmp_path / name).stat().st_size for name in leftovers(tmp_path)))
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 1, stderr
    assert b"interrupted" in stderr and b"stopped after <stdin> line" in stderr
    assert not (tmp_path / "out.jsonl").exists()
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_worker_crash_leaves_no_output_and_says_where(tmp_path: Path) -> None:
    process = _start_streaming(tmp_path, 2)
    pid = process.pid

    def workers() -> list[int]:
        found = []
        for child in _descendants(pid):
            try:
                if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
                    found.append(child)
            except OSError:
                pass
        return found

    _wait_for(lambda: len(workers()) == 2)
    worker = workers()[0]
    os.kill(worker, signal.SIGKILL)
    assert process.stdin is not None
    for line in GOOD * 3:
        process.stdin.write(line + b"\n")
    process.stdin.close()
    stderr = process.stderr.read() if process.stderr else b""
    process.wait(timeout=120)
    assert process.returncode == 1, stderr
    assert b"a worker process died while cleaning <stdin> lines" in stderr
    assert not (tmp_path / "out.jsonl").exists()
    assert leftovers(tmp_path) == []
