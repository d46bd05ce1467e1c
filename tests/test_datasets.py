"""Hugging Face ``datasets``: ``dataset.map(newsclean.clean_batch, batched=True, num_proc=2)``.

Runs in subprocesses, as a user's two separate runs would: the result must equal
``clean()`` in a loop, and the fingerprint (the hash of the function) must be the same
in both runs, so the second run loads the first one's cache instead of recomputing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from cli_support import docs, require

import newsclean

SCRIPT = """
import json, os, sys
import datasets
from datasets.fingerprint import Hasher
import newsclean

datasets.disable_progress_bars()
dataset = datasets.load_from_disk(sys.argv[1])
cleaner = newsclean.clean_batch if sys.argv[2] == "default" else newsclean.BatchCleaner(
    column="text", output_column="clean", credits="keep")
mapped = dataset.map(cleaner, batched=True, batch_size=8, num_proc=2)
print(json.dumps({
    "hash": Hasher.hash(cleaner),
    "fingerprint": mapped._fingerprint,
    "columns": mapped.column_names,
    "rows": mapped.to_list(),
    "cache_files": sorted(f["filename"] for f in mapped.cache_files),
    "mtimes": sorted(os.stat(f["filename"]).st_mtime_ns for f in mapped.cache_files),
}))
"""


def _run(folder: Path, which: str, tmp_path: Path) -> dict[str, Any]:
    env = {
        **os.environ,
        "HF_HOME": str(tmp_path / "hf"),
        "HF_DATASETS_OFFLINE": "1",
        "HF_HUB_OFFLINE": "1",
    }
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(folder), which],
        capture_output=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    out: dict[str, Any] = json.loads(result.stdout.decode().strip().splitlines()[-1])
    return out


def test_map_with_two_processes_equals_clean_and_is_cached(tmp_path: Path) -> None:
    datasets = require("datasets")
    texts = docs()
    ids = list(range(len(texts)))
    folder = tmp_path / "dataset"
    datasets.Dataset.from_dict({"id": ids, "text": texts}).save_to_disk(str(folder))

    first = _run(folder, "default", tmp_path)
    assert [row["text"] for row in first["rows"]] == [newsclean.clean(t) for t in texts]
    assert [row["id"] for row in first["rows"]] == ids  # other columns and order kept
    assert len(first["cache_files"]) == 2  # one shard per process

    second = _run(folder, "default", tmp_path)
    assert second["hash"] == first["hash"]
    assert second["fingerprint"] == first["fingerprint"]
    assert second["cache_files"] == first["cache_files"]
    assert second["mtimes"] == first["mtimes"]  # loaded from the cache, not rewritten
    assert second["rows"] == first["rows"]

    # Options change the hash (a different cleaning is a different cache entry).
    other = _run(folder, "options", tmp_path)
    assert other["hash"] != first["hash"]
    assert other["fingerprint"] != first["fingerprint"]
    assert other["columns"] == ["id", "text", "clean"]
    assert [row["clean"] for row in other["rows"]] == [
        newsclean.clean(t, credits="keep") for t in texts
    ]
    assert [row["text"] for row in other["rows"]] == texts
