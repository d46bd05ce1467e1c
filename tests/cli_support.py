"""Helpers for the tests that drive the real ``newsclean`` console script."""

from __future__ import annotations

import importlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seed" / "000_0f7fd40353161a89.txt"


def script() -> list[str]:
    """The installed console script beside this Python (else ``python -m newsclean``)."""
    beside = Path(sys.executable).parent / "newsclean"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("newsclean")
    return [found] if found else [sys.executable, "-m", "newsclean"]


def run(
    *args: str | Path,
    cwd: Path,
    stdin: bytes | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [*script(), *map(str, args)],
        cwd=cwd,
        input=stdin if stdin is not None else b"",
        capture_output=True,
        timeout=timeout,
        env=env,
        check=False,
    )


def docs() -> list[str]:
    """Texts with artefacts of several kinds, each different."""
    seed = SEED.read_text(encoding="utf-8")
    out = [seed]
    for i in range(40):
        out.append(
            f"Headline number {i} about the council budget\n\n"
            "Advertisement\n\n"
            f"The council met on day {i} and approved the budget for the coming year.\n"
            f"The council met on day {i} and approved the budget for the coming year.\n"
            "  • \n"
            f"Residents asked {i} questions about parking, schools and the new library.\n"
        )
    out.append("")
    out.append("<p>An HTML <b>paragraph</b> of the story.</p><div>Advertisement</div>")
    return out


def write_jsonl(path: Path, records: list[Any]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


def read_jsonl(path: Path) -> list[Any]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


SUMMARY = re.compile(r"(records|documents): (\d+) in = (\d+) out \+ (\d+) rejected")


def summary(stderr: bytes) -> tuple[int, int, int]:
    """``(in, out, rejected)`` from the command's summary line."""
    match = SUMMARY.search(stderr.decode("utf-8"))
    assert match is not None, stderr.decode("utf-8")
    return int(match.group(2)), int(match.group(3)), int(match.group(4))


def leftovers(folder: Path) -> list[str]:
    """Temporary files the command left behind in ``folder``."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def require(module: str) -> Any:
    """Import an optional engine; in CI (``CI`` set) a missing one is a failure, not a skip."""
    if os.environ.get("CI"):
        return importlib.import_module(module)
    return pytest.importorskip(module)
