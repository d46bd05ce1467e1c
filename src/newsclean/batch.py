"""Cleaning many documents: a streaming, order-keeping batch API and dataset adapters.

:func:`clean_many` cleans an iterable of texts, lazily, in the input order, with the
options given once. With ``jobs`` greater than one it uses worker processes and keeps
only a bounded number of chunks in flight, so memory stays flat however long the input.

>>> list(clean_many(["Body text.\\nAdvertisement", "More text.\\n\\n\\nEnd."]))
['Body text.', 'More text.\\n\\nEnd.']
>>> list(clean_many(["Photo: Jane Doe/AP\\nStory."], credits="keep"))
['Photo: Jane Doe/AP\\nStory.']

Adapters for dataset engines, all plain module-level callables (picklable, no state
beyond their options):

- :data:`clean_batch` / :class:`BatchCleaner`: a batched function for Hugging Face
  ``datasets`` (``dataset.map(newsclean.clean_batch, batched=True, num_proc=4)``);
  its hash is the same in every process and run, so ``datasets`` caches the result.
- :func:`clean_partition`: a partition of texts, for ``dask.bag`` (``map_partitions``).
- :func:`clean_dataframe`: one column of a pandas DataFrame, for ``dask.dataframe``
  ``map_partitions`` and Ray Data ``map_batches(batch_format="pandas")``.
- :func:`clean_pandas_batches`: an iterator of pandas DataFrames, for Spark's
  ``mapInPandas``.

>>> clean_batch({"text": ["Body.\\nAdvertisement"], "id": [7]})
{'text': ['Body.']}
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from typing import Any, TypeVar

from .config import Config, make_config
from .pipeline import Report
from .pipeline import clean as _clean
from .pipeline import explain as _explain

T = TypeVar("T")
R = TypeVar("R")

__all__ = [
    "BatchCleaner",
    "BatchError",
    "WorkerCrashed",
    "clean_batch",
    "clean_dataframe",
    "clean_many",
    "clean_pandas_batches",
    "clean_partition",
    "default_jobs",
    "explain_many",
    "ordered_map",
]


class BatchError(Exception):
    """An item of a batch could not be cleaned; ``index`` is its 0-based position."""

    def __init__(self, index: int, message: str) -> None:
        super().__init__(f"item {index}: {message}")
        self.index = index
        self.problem = message

    def __reduce__(self) -> tuple[type[BatchError], tuple[int, str]]:
        return BatchError, (self.index, self.problem)  # crosses process boundaries


class WorkerCrashed(RuntimeError):
    """A worker process died (killed, out of memory, a crash in native code).

    ``item`` is the unit of work it was running; every result before it was delivered.
    """

    def __init__(self, item: object) -> None:
        super().__init__("a worker process died")
        self.item = item


def default_jobs() -> int:
    """The number of processes ``jobs=None`` means: the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _ignore_sigint() -> None:
    # Ctrl-C reaches the whole process group: only the parent handles it, the workers
    # finish their chunk and are shut down by it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _context() -> multiprocessing.context.BaseContext:
    # spawn: a fresh interpreter per worker, started once per run. fork from a parent
    # with threads is unsafe, and a fork server can hang the pool when a worker is
    # killed at the wrong moment.
    return multiprocessing.get_context("spawn")


def _dead_worker(pool: ProcessPoolExecutor) -> bool:
    processes = getattr(pool, "_processes", None) or {}
    return any(process.exitcode is not None for process in list(processes.values()))


def _stop(pool: ProcessPoolExecutor, broken: bool) -> None:
    if broken:  # do not wait for a pool that lost a worker: end the others
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            if process.exitcode is None:
                process.terminate()
        pool.shutdown(wait=False, cancel_futures=True)
    else:
        pool.shutdown(wait=True, cancel_futures=True)


def ordered_map(
    fn: Callable[[T], R], items: Iterable[T], jobs: int | None = 1, *, in_flight: int = 0
) -> Iterator[tuple[T, R]]:
    """``(item, fn(item))`` for each item, in order, run on ``jobs`` processes.

    At most ``in_flight`` items (default ``2 * jobs``) are submitted and not yet
    yielded, so a long ``items`` iterator is consumed only as fast as results are
    taken. ``fn`` must be picklable (a module-level function or ``functools.partial``
    of one). ``jobs=1`` runs in this process; ``None`` uses every core. A worker that
    dies raises :class:`WorkerCrashed` naming the item it was running.

    >>> [result for _, result in ordered_map(abs, [-3, 1, -2])]
    [3, 1, 2]
    """
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    if jobs == 1:
        for item in items:
            yield item, fn(item)
        return
    limit = in_flight or 2 * jobs
    pool = ProcessPoolExecutor(jobs, mp_context=_context(), initializer=_ignore_sigint)
    pending: deque[tuple[T, Future[R]]] = deque()
    broken = False

    def take() -> tuple[T, R]:
        nonlocal broken
        item, future = pending.popleft()
        while True:
            try:
                return item, future.result(timeout=1.0)
            except BrokenProcessPool:
                broken = True
                raise WorkerCrashed(item) from None
            except FutureTimeout:
                # The pool notices a dead worker itself; this watch makes sure.
                if _dead_worker(pool):
                    broken = True
                    raise WorkerCrashed(item) from None

    try:
        for item in items:
            try:
                pending.append((item, pool.submit(fn, item)))
            except BrokenProcessPool:
                # A worker died while earlier items ran: name the first unfinished one.
                broken = True
                yield from _drain(pending, take)
                raise WorkerCrashed(item) from None
            if len(pending) >= limit:
                yield take()
            while pending and pending[0][1].done():  # deliver what is ready, in order
                yield take()
        while pending:
            yield take()
    finally:
        _stop(pool, broken)


def _drain(
    pending: deque[tuple[T, Future[R]]], take: Callable[[], tuple[T, R]]
) -> Iterator[tuple[T, R]]:
    while pending:
        yield take()


# -- clean_many ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Chunk:
    start: int
    texts: tuple[str | bytes, ...]
    config: Config
    explain: bool


def _run_chunk(chunk: _Chunk) -> tuple[list[Any], BatchError | None]:
    out: list[Any] = []
    for offset, text in enumerate(chunk.texts):
        try:
            if chunk.explain:
                out.append(_explain(text, chunk.config))
            else:
                out.append(_clean(text, chunk.config))
        except Exception as exc:  # reported with the item's position, never lost
            return out, BatchError(chunk.start + offset, f"{type(exc).__name__}: {exc}")
    return out, None


def _chunks(
    texts: Iterable[str | bytes], config: Config, size: int, explain: bool
) -> Iterator[_Chunk]:
    iterator = iter(texts)
    start = 0
    while True:
        block = tuple(islice(iterator, size))
        if not block:
            return
        yield _Chunk(start, block, config, explain)
        start += len(block)


def _many(
    texts: Iterable[str | bytes],
    config: Config | None,
    jobs: int | None,
    chunk_size: int,
    explain: bool,
    options: dict[str, Any],
) -> Iterator[Any]:
    cfg = make_config(config, **options)
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, not {chunk_size}")
    try:
        for _, (results, error) in ordered_map(
            _run_chunk, _chunks(texts, cfg, chunk_size, explain), jobs
        ):
            yield from results
            if error is not None:
                raise error
    except WorkerCrashed as exc:
        chunk = exc.item
        assert isinstance(chunk, _Chunk)
        first, last = chunk.start, chunk.start + len(chunk.texts) - 1
        raise RuntimeError(
            f"a worker process died while cleaning items {first}-{last}; "
            f"the {first} items before were delivered"
        ) from None


def clean_many(
    texts: Iterable[str | bytes],
    config: Config | None = None,
    *,
    jobs: int | None = 1,
    chunk_size: int = 32,
    **options: Any,
) -> Iterator[str]:
    """Clean each text of ``texts``, lazily and in order, like :func:`newsclean.clean`.

    ``jobs`` processes share the work (``None``: every core) in chunks of
    ``chunk_size`` texts; at most ``2 * jobs`` chunks are in flight, so ``texts`` may
    be a generator over a corpus of any size. Options are given once, as keywords or
    a :class:`~newsclean.Config`. An item that is not ``str`` or ``bytes`` raises
    :class:`BatchError` naming its position, after every earlier result was yielded.

    >>> texts = ["Body text.\\nAdvertisement"] * 3
    >>> list(clean_many(texts, jobs=2, chunk_size=1))
    ['Body text.', 'Body text.', 'Body text.']
    >>> list(clean_many(["ok", 42]))
    Traceback (most recent call last):
    ...
    newsclean.batch.BatchError: item 1: TypeError: newsclean cleans str or bytes, not int
    """
    return _many(texts, config, jobs, chunk_size, False, options)


def explain_many(
    texts: Iterable[str | bytes],
    config: Config | None = None,
    *,
    jobs: int | None = 1,
    chunk_size: int = 32,
    **options: Any,
) -> Iterator[Report]:
    """Like :func:`clean_many`, yielding a :class:`~newsclean.Report` per text.

    >>> [report.counts() for report in explain_many(["Body.\\nAdvertisement"])]
    [{'ui.advertisement': 1}]
    """
    return _many(texts, config, jobs, chunk_size, True, options)


# -- dataset engines -----------------------------------------------------------------


def _clean_value(value: object, config: Config, where: str) -> str:
    if isinstance(value, (str, bytes)):
        return _clean(value, config)
    raise TypeError(f"{where}: newsclean cleans str or bytes, not {type(value).__name__}")


class BatchCleaner:
    """A batched function for Hugging Face ``datasets``: ``dataset.map(cleaner, batched=True)``.

    Cleans ``column`` and writes the result to ``output_column`` (default: the same
    column); every other column is kept by ``datasets``. It holds only its options, so
    it pickles to the same bytes in every process and every run: ``datasets`` gives the
    mapped dataset the same fingerprint and reuses its cache. Works unbatched too.

    >>> cleaner = BatchCleaner(column="body", output_column="clean", credits="keep")
    >>> cleaner({"body": ["Story.\\nAdvertisement", "Photo: AP\\nText."]})
    {'clean': ['Story.', 'Photo: AP\\nText.']}
    >>> cleaner({"body": "One example.\\nAdvertisement"})
    {'clean': 'One example.'}
    >>> cleaner({"text": ["no body column"]})
    Traceback (most recent call last):
    ...
    KeyError: "no column 'body' in the batch (columns: text)"
    """

    def __init__(
        self,
        column: str = "text",
        output_column: str | None = None,
        config: Config | None = None,
        **options: Any,
    ) -> None:
        self.column = column
        self.output_column = output_column or column
        self.config = make_config(config, **options)

    def __call__(self, batch: Mapping[str, Any]) -> dict[str, Any]:
        if self.column not in batch:
            columns = ", ".join(map(str, batch))
            raise KeyError(f"no column {self.column!r} in the batch (columns: {columns})")
        values = batch[self.column]
        if isinstance(values, (str, bytes)):  # dataset.map(..., batched=False)
            return {self.output_column: _clean_value(values, self.config, self.column)}
        return {
            self.output_column: [
                _clean_value(value, self.config, f"{self.column}[{i}]")
                for i, value in enumerate(values)
            ]
        }

    def __repr__(self) -> str:
        return (
            f"BatchCleaner(column={self.column!r}, output_column={self.output_column!r}, "
            f"config={self.config!r})"
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, BatchCleaner) and vars(self) == vars(other)

    def __hash__(self) -> int:
        return hash((self.column, self.output_column, self.config))


clean_batch = BatchCleaner()
"""The default :class:`BatchCleaner`: cleans the ``text`` column in place."""


def clean_partition(
    texts: Iterable[str | bytes], config: Config | None = None, **options: Any
) -> list[str]:
    """Clean one partition of texts, e.g. ``dask.bag``'s ``bag.map_partitions(clean_partition)``.

    >>> clean_partition(["Body.\\nAdvertisement", "Two."])
    ['Body.', 'Two.']
    """
    cfg = make_config(config, **options)
    return [_clean_value(text, cfg, f"item {i}") for i, text in enumerate(texts)]


def clean_dataframe(
    frame: Any,
    column: str = "text",
    output_column: str | None = None,
    config: Config | None = None,
    **options: Any,
) -> Any:
    """A copy of the pandas DataFrame ``frame`` with ``column`` cleaned.

    For ``dask.dataframe`` (``ddf.map_partitions(clean_dataframe, column="body")``)
    and Ray Data (``ds.map_batches(clean_dataframe, batch_format="pandas")``). The
    result goes to ``output_column`` (default: ``column`` itself); other columns and
    the index are kept. A missing value (``None``, ``NaN``, ``NA``) stays missing; any
    other value that is not text raises ``TypeError`` naming its row.
    """
    import pandas

    cfg = make_config(config, **options)
    if column not in frame.columns:
        columns = ", ".join(map(str, frame.columns))
        raise KeyError(f"no column {column!r} in the DataFrame (columns: {columns})")
    out = frame.copy()
    out[output_column or column] = [
        value if _missing(pandas, value) else _clean_value(value, cfg, f"{column}[{label!r}]")
        for label, value in zip(frame.index, frame[column], strict=True)
    ]
    return out


def _missing(pandas: Any, value: object) -> bool:
    return (
        not isinstance(value, (str, bytes))
        and bool(pandas.api.types.is_scalar(value))
        and bool(pandas.isna(value))
    )


def clean_pandas_batches(
    frames: Iterable[Any],
    column: str = "text",
    output_column: str | None = None,
    config: Config | None = None,
    **options: Any,
) -> Iterator[Any]:
    """:func:`clean_dataframe` over an iterator of DataFrames, for Spark's ``mapInPandas``."""
    cfg = make_config(config, **options)
    for frame in frames:
        yield clean_dataframe(frame, column, output_column, cfg)
