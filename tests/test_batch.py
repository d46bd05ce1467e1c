"""The batch API: clean_many / explain_many, ordered_map, and the engine adapters."""

from __future__ import annotations

import itertools
import os
import pickle
from collections.abc import Iterator

import pytest
from cli_support import docs, require

import newsclean
from newsclean.batch import WorkerCrashed, ordered_map


@pytest.mark.parametrize("jobs", [1, 2])
def test_clean_many_equals_clean_in_order(jobs: int) -> None:
    texts = docs()
    out = list(newsclean.clean_many(texts, jobs=jobs, chunk_size=3))
    assert out == [newsclean.clean(text) for text in texts]


def test_clean_many_takes_options_once() -> None:
    texts = docs()[:5]
    out = list(newsclean.clean_many(texts, jobs=2, chunk_size=2, ui_strings=False))
    assert out == [newsclean.clean(text, ui_strings=False) for text in texts]
    assert any("Advertisement" in text for text in out)
    cfg = newsclean.Config(duplicates=False)
    assert list(newsclean.clean_many(texts, cfg)) == [newsclean.clean(t, cfg) for t in texts]


def test_clean_many_is_lazy_and_bounded() -> None:
    pulled = 0

    def endless() -> Iterator[str]:
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            yield f"Line {i} of the story.\nAdvertisement"

    stream = newsclean.clean_many(endless(), jobs=2, chunk_size=4)
    first = list(itertools.islice(stream, 10))
    assert first == [f"Line {i} of the story." for i in range(10)]
    # At most 2 * jobs chunks are in flight beyond what was taken.
    assert pulled <= 10 + 4 * (2 * 2 + 1)
    stream.close()  # type: ignore[attr-defined]


@pytest.mark.parametrize("jobs", [1, 2])
def test_bad_item_is_named_after_earlier_results(jobs: int) -> None:
    results: list[str] = []
    with pytest.raises(newsclean.BatchError) as info:
        for text in newsclean.clean_many(["a", "b", "c", 42, "d"], jobs=jobs, chunk_size=2):
            results.append(text)
    assert info.value.index == 3
    assert "int" in str(info.value)
    assert results == ["a", "b", "c"]


def test_explain_many_matches_explain() -> None:
    texts = docs()[:6]
    reports = list(newsclean.explain_many(texts, jobs=2, chunk_size=2))
    assert [r.as_dict() for r in reports] == [newsclean.explain(t).as_dict() for t in texts]


def test_ordered_map_reports_a_dead_worker() -> None:
    # os._exit kills the worker process that runs it, as a crash in native code would.
    with pytest.raises(WorkerCrashed) as info:
        list(ordered_map(os._exit, [3], jobs=2))
    assert info.value.item == 3


def test_ordered_map_rejects_zero_jobs() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        list(ordered_map(abs, [1], jobs=0))


def test_batch_cleaner_pickles_and_compares() -> None:
    cleaner = newsclean.BatchCleaner(column="body", credits="drop")
    again = pickle.loads(pickle.dumps(cleaner))
    assert again == cleaner and hash(again) == hash(cleaner)
    assert cleaner != newsclean.BatchCleaner(column="body")
    batch = {"body": docs()[:4], "id": [1, 2, 3, 4]}
    assert again(batch) == {"body": [newsclean.clean(t, credits="keep") for t in docs()[:4]]}


def test_batch_cleaner_names_a_bad_value() -> None:
    with pytest.raises(TypeError, match=r"text\[1\]"):
        newsclean.clean_batch({"text": ["ok", None]})


def test_clean_partition() -> None:
    assert newsclean.clean_partition(docs()) == [newsclean.clean(t) for t in docs()]


def test_clean_dataframe_and_pandas_batches() -> None:
    pd = require("pandas")
    frame = pd.DataFrame({"id": range(len(docs())), "body": docs()})
    out = newsclean.clean_dataframe(frame, column="body", output_column="clean")
    assert list(out["clean"]) == [newsclean.clean(t) for t in docs()]
    assert list(out["body"]) == docs() and list(out["id"]) == list(frame["id"])
    parts = [frame.iloc[:10], frame.iloc[10:]]
    cleaned = list(newsclean.clean_pandas_batches(iter(parts), column="body"))
    assert [t for part in cleaned for t in part["body"]] == [newsclean.clean(t) for t in docs()]
    with pytest.raises(KeyError, match="no column 'text'"):
        newsclean.clean_dataframe(frame)
    holes = pd.DataFrame({"text": ["Body.\nAdvertisement", None, float("nan")]})
    out = newsclean.clean_dataframe(holes)
    assert out["text"].iloc[0] == "Body." and out["text"].isna().tolist() == [False, True, True]
    with pytest.raises(TypeError, match=r"text\[1\]"):
        newsclean.clean_dataframe(pd.DataFrame({"text": ["ok", 5]}))
