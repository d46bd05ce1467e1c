"""The ``newsclean`` command, driven as a subprocess: inputs, outputs, options, audit."""

from __future__ import annotations

import fcntl
import gzip
import json
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from cli_support import (
    SEED,
    docs,
    leftovers,
    read_jsonl,
    run,
    script,
    summary,
    write_jsonl,
)

import newsclean
from newsclean import Config
from newsclean.batch import default_jobs


def test_text_file_to_stdout(tmp_path: Path) -> None:
    result = run(SEED, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    expected = newsclean.clean(SEED.read_text(encoding="utf-8"))
    assert result.stdout.decode("utf-8") == expected + "\n"
    assert summary(result.stderr) == (1, 1, 0)


def test_stdin_html(tmp_path: Path) -> None:
    html = "<html><body><h1>Title</h1><p>First paragraph.</p><div>Advertisement</div></body></html>"
    result = run(cwd=tmp_path, stdin=html.encode("utf-8"))
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8")
    assert out == newsclean.clean(html) + "\n"
    assert "First paragraph." in out and "<p>" not in out and "Advertisement" not in out


def test_python_dash_m(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newsclean", str(SEED)],
        capture_output=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8") == newsclean.clean(SEED.read_bytes()) + "\n"


def _tree(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    texts = {
        "a.txt": docs()[1],
        "sub/b.html": "<p>Story text here.</p><p>Advertisement</p>",
        "c.txt": docs()[2],
    }
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / ".hidden.txt").write_text("not an input", encoding="utf-8")
    return folder, texts


def test_directory_walked_to_output_dir(tmp_path: Path) -> None:
    folder, texts = _tree(tmp_path)
    out = tmp_path / "clean"
    out.mkdir()
    result = run(folder, "-o", out, "--jobs", "2", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert summary(result.stderr) == (3, 3, 0)
    for name, text in texts.items():
        assert (out / name).read_text(encoding="utf-8") == newsclean.clean(text) + "\n"
    assert not (out / ".hidden.txt").exists()
    assert leftovers(out) == [] and leftovers(out / "sub") == []


def test_directory_to_stdout_in_sorted_order(tmp_path: Path) -> None:
    folder, texts = _tree(tmp_path)
    result = run(folder, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    ordered = [texts[name] for name in ("a.txt", "c.txt", "sub/b.html")]
    expected = "\n".join(newsclean.clean(text) + "\n" for text in ordered)
    assert result.stdout.decode("utf-8") == expected


def test_encoding_detected_and_forced(tmp_path: Path) -> None:
    text = "Le président a déclaré mercredi que la réforme serait présentée à l'Assemblée."
    (tmp_path / "fr.txt").write_bytes(text.encode("cp1252"))
    detected = run("fr.txt", cwd=tmp_path)
    assert detected.returncode == 0, detected.stderr
    assert detected.stdout.decode("utf-8").strip() == text
    russian = "Президент заявил в среду, что реформа будет представлена парламенту."
    (tmp_path / "ru.txt").write_bytes(russian.encode("koi8_r"))
    forced = run("ru.txt", "--encoding", "koi8_r", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert forced.stdout.decode("utf-8").strip() == russian


def _records() -> list[dict[str, object]]:
    return [
        {"id": i, "text": text, "lang": "en", "score": i / 4, "tags": ["a", i]}
        for i, text in enumerate(docs())
    ]


def test_jsonl_field_order_and_other_fields_kept(tmp_path: Path) -> None:
    records = _records()
    write_jsonl(tmp_path / "in.jsonl", records)
    # Small chunks so that both workers get work and results come back interleaved.
    result = run(
        "in.jsonl",
        "--field",
        "text",
        "-o",
        "out.jsonl",
        "--jobs",
        "2",
        "--chunk-size",
        "300",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    out = read_jsonl(tmp_path / "out.jsonl")
    assert [r["id"] for r in out] == [r["id"] for r in records]
    for before, after in zip(records, out, strict=True):
        assert after == {**before, "text": newsclean.clean(str(before["text"]))}
        assert list(after) == list(before)  # key order too
    assert summary(result.stderr) == (len(records), len(records), 0)
    assert leftovers(tmp_path) == []


def test_jsonl_gz_in_and_out(tmp_path: Path) -> None:
    records = _records()
    with gzip.open(tmp_path / "in.jsonl.gz", "wt", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record) + "\n")
    result = run("in.jsonl.gz", "-o", "out.jsonl.gz", "--jobs", "1", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    with gzip.open(tmp_path / "out.jsonl.gz", "rt", encoding="utf-8") as f:
        out = [json.loads(line) for line in f]
    assert [r["text"] for r in out] == [newsclean.clean(str(r["text"])) for r in records]


def test_jsonl_from_stdin_to_stdout(tmp_path: Path) -> None:
    lines = b"".join(json.dumps({"text": t}).encode() + b"\n" for t in docs()[:5])
    result = run("--format", "jsonl", cwd=tmp_path, stdin=lines)
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["text"] for r in out] == [newsclean.clean(t) for t in docs()[:5]]


def test_nested_field_and_output_field(tmp_path: Path) -> None:
    records = [{"meta": {"body": text, "url": f"u{i}"}} for i, text in enumerate(docs()[:6])]
    write_jsonl(tmp_path / "in.jsonl", records)
    result = run(
        "in.jsonl",
        "--field",
        "meta.body",
        "--output-field",
        "clean.body",
        "-o",
        "o.jsonl",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    for before, after in zip(records, read_jsonl(tmp_path / "o.jsonl"), strict=True):
        assert after["meta"] == before["meta"]  # the input field stays as it was
        assert after["clean"]["body"] == newsclean.clean(before["meta"]["body"])


def test_unicode_escapes_and_lone_surrogates_survive(tmp_path: Path) -> None:
    lines = b'{"text": "caf\\u00e9 \\ud83d\\ude00 ok"}\n{"text": "lone \\ud800 here", "x": 1}\n'
    (tmp_path / "in.jsonl").write_bytes(lines)
    result = run("in.jsonl", "-o", "out.jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = read_jsonl(tmp_path / "out.jsonl")
    assert out[0]["text"] == newsclean.clean("café \U0001f600 ok")
    assert out[1]["x"] == 1 and out[1]["text"] == newsclean.clean("lone \ud800 here")


def test_every_clean_option_has_a_flag(tmp_path: Path) -> None:
    result = run("--help", cwd=tmp_path)
    assert result.returncode == 0
    help_text = result.stdout.decode("utf-8")
    for name in Config.option_names():
        assert "--" + name.replace("_", "-") in help_text, name
    assert "examples:" in help_text and "--on-error skip" in help_text


@pytest.mark.parametrize(
    ("flags", "kept"),
    [
        ([], None),
        (["--no-ui-strings"], "Advertisement"),
        (["--no-duplicates"], "approved the budget"),
    ],
)
def test_step_flags_reach_clean(tmp_path: Path, flags: list[str], kept: str | None) -> None:
    text = docs()[3]
    (tmp_path / "in.txt").write_text(text, encoding="utf-8")
    result = run("in.txt", *flags, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    options = {"ui_strings": False} if "--no-ui-strings" in flags else {}
    options |= {"duplicates": False} if "--no-duplicates" in flags else {}
    out = result.stdout.decode("utf-8")
    assert out == newsclean.clean(text, **options) + "\n"
    if kept == "Advertisement":
        assert kept in out
    if kept == "approved the budget":
        assert out.count(kept) == 2


def test_credits_languages_and_normalization_flags(tmp_path: Path) -> None:
    text = "Story line one of the article.\nPhoto: Jane Doe/AP\nStory line two of it.\nＡＢＣ"
    (tmp_path / "in.txt").write_text(text, encoding="utf-8")
    flags = ["--credits", "keep", "--languages", "en,de", "--normalization", "NFKC"]
    result = run("in.txt", *flags, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    expected = newsclean.clean(text, credits="keep", languages=("en", "de"), normalization="NFKC")
    assert result.stdout.decode("utf-8") == expected + "\n"
    assert expected != newsclean.clean(text)


def test_extra_phrases_and_patterns_files(tmp_path: Path) -> None:
    text = "Story text of the day.\nSupport our journalism!\nPromo code 1234\nMore story text."
    (tmp_path / "in.txt").write_text(text, encoding="utf-8")
    (tmp_path / "phrases.txt").write_text("# my phrases\nSupport our journalism\n", "utf-8")
    (tmp_path / "patterns.txt").write_text(r"promo code \d+" + "\n", "utf-8")
    result = run(
        "in.txt",
        "--extra-phrases",
        "phrases.txt",
        "--extra-patterns",
        "patterns.txt",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8") == "Story text of the day.\nMore story text.\n"


def test_dangerous_pattern_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "in.txt").write_text("text", "utf-8")
    (tmp_path / "patterns.txt").write_text("(a+)+b\n", "utf-8")
    result = run("in.txt", "--extra-patterns", "patterns.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert b"(a+)+b" in result.stderr or b"pattern" in result.stderr


def test_report_and_explain(tmp_path: Path) -> None:
    records = _records()[:8]
    write_jsonl(tmp_path / "in.jsonl", records)
    result = run(
        "in.jsonl", "-o", "out.jsonl", "--report", "report.jsonl", "--explain", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    report = read_jsonl(tmp_path / "report.jsonl")
    assert [entry["line"] for entry in report] == list(range(1, len(records) + 1))
    totals: dict[str, int] = {}
    for entry, record in zip(report, records, strict=True):
        expected = newsclean.explain(str(record["text"])).as_dict()
        assert entry["source"] == "in.jsonl"
        assert entry["removals"] == expected["removals"]
        assert entry["counts"] == expected["counts"]
        for removal in expected["removals"]:
            totals[removal["reason"]] = totals.get(removal["reason"], 0) + 1
    stderr = result.stderr.decode("utf-8")
    assert totals, "the sample has removals"
    for reason, count in totals.items():
        assert f"{reason} {count} (" in stderr
        assert "in.jsonl:2: steps that changed the text" in stderr
    assert "text: " in stderr and " in, " in stderr


def test_refuses_to_overwrite_an_input(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "in.jsonl", _records()[:3])
    before = (tmp_path / "in.jsonl").read_bytes()
    for flag in ("-o", "--report", "--rejects"):
        result = run("in.jsonl", flag, "./in.jsonl", cwd=tmp_path)
        assert result.returncode == 2, flag
        assert b"is an input" in result.stderr
    assert (tmp_path / "in.jsonl").read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--bogus"], b"unrecognized arguments"),
        (["missing.txt"], b"no such file"),
        (["in.txt", "--field", "text", "--format", "text"], b"--field"),
        (["in.txt", "--encoding", "no-such-codec"], b"unknown encoding"),
        (["in.txt", "--jobs", "0"], b"--jobs"),
        (["in.txt", "--credits", "maybe"], b"invalid choice"),
        (["in.txt", "--extra-phrases", "nowhere.txt"], b"cannot read nowhere.txt"),
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str], message: bytes) -> None:
    (tmp_path / "in.txt").write_text("Some text.", "utf-8")
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert result.stdout == b""


def test_progress_bar_only_when_asked_or_a_terminal(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "in.jsonl", _records()[:5])
    bar = b"records [00:"  # tqdm: count, unit, [elapsed, rate, our postfix]
    default = run("in.jsonl", "-o", "a.jsonl", cwd=tmp_path)
    assert bar not in default.stderr
    forced = run("in.jsonl", "-o", "b.jsonl", "--progress", cwd=tmp_path)
    assert b"5 " + bar in forced.stderr and b"MB/s]" in forced.stderr
    off = run("in.jsonl", "-o", "c.jsonl", "--no-progress", cwd=tmp_path)
    assert bar not in off.stderr


def test_progress_bar_on_a_terminal_by_default(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "in.jsonl", _records()[:5])
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    try:
        process = subprocess.Popen(
            [*script(), "in.jsonl", "-o", "out.jsonl"],
            cwd=tmp_path,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=follower,
        )
        os.close(follower)
        seen = b""
        while True:
            try:
                data = os.read(leader, 4096)
            except OSError:
                break
            if not data:
                break
            seen += data
        assert process.wait(timeout=120) == 0
    finally:
        os.close(leader)
    assert b"5 records [00:" in seen and b"MB/s]" in seen


def test_default_jobs_all_cores_for_a_large_file_one_for_a_small_one(tmp_path: Path) -> None:
    padding = "x" * 2000  # a field that is not cleaned, to make the file large cheaply
    write_jsonl(tmp_path / "big.jsonl", [{"pad": padding, "text": "Body."}] * 600)
    write_jsonl(tmp_path / "small.jsonl", [{"text": "Body."}] * 3)
    cores = default_jobs()
    big = run("big.jsonl", "-o", "big.out.jsonl", cwd=tmp_path)
    assert big.returncode == 0, big.stderr
    assert f"{cores} job".encode() in big.stderr
    small = run("small.jsonl", "-o", "small.out.jsonl", cwd=tmp_path)
    assert b", 1 job\n" in small.stderr


def test_unwritable_output_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "in.txt").write_text("Text.", "utf-8")
    result = run("in.txt", "-o", "no/such/dir/out.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert b"no such directory" in result.stderr


def test_directory_of_jsonl_files(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    write_jsonl(folder / "a.jsonl", [{"text": t} for t in docs()[:3]])
    with gzip.open(folder / "b.jsonl.gz", "wt", encoding="utf-8") as f:
        for text in docs()[3:6]:
            f.write(json.dumps({"text": text}) + "\n")
    (folder / "notes.txt").write_text("not a dataset", "utf-8")
    result = run(folder, "-o", "out.jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = [r["text"] for r in read_jsonl(tmp_path / "out.jsonl")]
    assert out == [newsclean.clean(t) for t in docs()[:6]]
