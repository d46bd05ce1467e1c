"""Reading the command's inputs: files, directories, stdin, gzip, JSONL line chunks.

Everything here streams: a file is read in blocks, gzip is decompressed block by block
(a truncated or corrupt stream is reported after every complete line before it was
delivered), and JSONL lines are grouped into chunks of about ``target`` bytes.

>>> import io
>>> chunks = list(line_chunks(Source("<demo>", lambda: io.BytesIO(b'{"a": 1}\\n{"a": 2}\\n')), 4))
>>> [(c.first_line, c.lines) for c in chunks]
[(1, (b'{"a": 1}',)), (2, (b'{"a": 2}',))]
"""

from __future__ import annotations

import os
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

BLOCK = 1 << 20
GZIP_MAGIC = b"\x1f\x8b"
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


class InputError(Exception):
    """An input that cannot be read to its end (truncated or corrupt gzip, I/O error)."""


@dataclass(frozen=True)
class Source:
    """One input: a name for messages and a way to open it as a binary stream."""

    name: str
    open: Callable[[], BinaryIO]
    path: Path | None = None
    relative: str = ""


def is_jsonl_name(name: str) -> bool:
    """Whether a file name says JSON Lines.

    >>> is_jsonl_name("data/part-0001.jsonl.gz"), is_jsonl_name("page.html")
    (True, False)
    """
    return name.lower().endswith(JSONL_SUFFIXES)


def walk(paths: Iterable[str], jsonl_only_in_dirs: bool = False) -> Iterator[Source]:
    """A :class:`Source` per path; ``-`` is stdin; directories are walked, sorted.

    Hidden files and directories (``.name``) are skipped inside a walked directory.
    """
    for arg in paths:
        if arg == "-":
            yield Source("<stdin>", lambda: sys.stdin.buffer, None, "stdin")
            continue
        path = Path(arg)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    if jsonl_only_in_dirs and not is_jsonl_name(name):
                        continue
                    full = Path(root) / name
                    yield _file(full, str(full.relative_to(path)))
        else:
            yield _file(path, path.name)


def _file(path: Path, relative: str) -> Source:
    return Source(str(path), lambda: path.open("rb"), path, relative)


def blocks(stream: BinaryIO, name: str) -> Iterator[bytes]:
    """The bytes of ``stream`` in blocks, gunzipped when it starts with the gzip magic.

    Raises :class:`InputError` (after yielding all the data before it) when a gzip
    stream is truncated or corrupt.

    >>> import gzip, io
    >>> data = gzip.compress(b"line one\\nline two\\n")
    >>> b"".join(blocks(io.BytesIO(data), "x.gz"))
    b'line one\\nline two\\n'
    >>> list(blocks(io.BytesIO(data[:-10]), "x.gz"))
    Traceback (most recent call last):
    ...
    newsclean.sources.InputError: x.gz: truncated gzip: the stream ends before its end marker
    """
    # read1: what is there, without waiting for a whole block (a pipe streams).
    read: Callable[[int], bytes] = getattr(stream, "read1", stream.read)
    first = read(BLOCK)
    while 0 < len(first) < len(GZIP_MAGIC):
        more = read(BLOCK)
        if not more:
            break
        first += more
    if not first.startswith(GZIP_MAGIC):
        while first:
            yield first
            first = read(BLOCK)
        return
    yield from _gunzip(first, read, name)


def _gunzip(first: bytes, read: Callable[[int], bytes], name: str) -> Iterator[bytes]:
    decoder = zlib.decompressobj(wbits=31)
    data = first
    member_done = False
    while data:
        try:
            while data:
                out = decoder.decompress(data, BLOCK)
                if out:
                    yield out
                if decoder.eof:
                    # Another gzip member may follow (concatenated .gz files).
                    data = decoder.unused_data
                    decoder = zlib.decompressobj(wbits=31)
                    member_done = not data
                    continue
                data = decoder.unconsumed_tail
                member_done = False
        except zlib.error as exc:
            raise InputError(f"{name}: corrupt gzip data ({exc})") from None
        data = read(BLOCK)
    tail = decoder.flush()
    if tail:
        yield tail
    if not member_done:
        raise InputError(f"{name}: truncated gzip: the stream ends before its end marker")


def read_all(source: Source) -> bytes:
    """The whole content of ``source`` (gunzipped); :class:`InputError` if unreadable."""
    try:
        with _opened(source) as stream:
            return b"".join(blocks(stream, source.name))
    except OSError as exc:
        raise InputError(f"{source.name}: cannot read: {exc.strerror or exc}") from None


class _opened:
    """Open a source; never close stdin."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.stream: BinaryIO | None = None

    def __enter__(self) -> BinaryIO:
        self.stream = self.source.open()
        return self.stream

    def __exit__(self, *exc: object) -> None:
        if self.stream is not None and self.source.path is not None:
            self.stream.close()


@dataclass(frozen=True)
class LineChunk:
    """Consecutive lines of one source, without their line ends.

    ``first_line`` is the 1-based number of ``lines[0]``. On the last chunk of a source
    that could not be read to its end, ``error`` says why and ``partial`` tells whether
    the last line is an incomplete record cut by that error.
    """

    source: str
    first_line: int
    lines: tuple[bytes, ...]
    error: str | None = None
    partial: bool = False

    @property
    def last_line(self) -> int:
        return self.first_line + len(self.lines) - 1


def line_chunks(source: Source, target: int = 256 * 1024) -> Iterator[LineChunk]:
    """The lines of ``source`` in chunks of about ``target`` bytes, streaming."""
    lines: list[bytes] = []
    size = 0
    first = 1
    pending: list[bytes] = []
    error: str | None = None
    try:
        with _opened(source) as stream:
            for block in blocks(stream, source.name):
                if b"\n" not in block:
                    pending.append(block)
                    continue
                parts = block.split(b"\n")
                if pending:
                    parts[0] = b"".join([*pending, parts[0]])
                    pending = []
                last = parts.pop()
                if last:
                    pending.append(last)
                for line in parts:
                    lines.append(line)
                    size += len(line) + 1
                    if size >= target:
                        yield LineChunk(source.name, first, tuple(lines))
                        first += len(lines)
                        lines, size = [], 0
    except InputError as exc:
        error = str(exc)
    except OSError as exc:
        error = f"{source.name}: cannot read: {exc.strerror or exc}"
    partial = False
    if pending:
        lines.append(b"".join(pending))
        partial = error is not None
    if lines or error is not None:
        yield LineChunk(source.name, first, tuple(lines), error, partial)
