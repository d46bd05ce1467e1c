"""The ``newsclean`` command: clean files, directories, stdin and JSONL datasets.

Run ``newsclean --help`` for the options and examples. The work is split into chunks
(a file, or about 256 kB of JSONL lines) cleaned by ``--jobs`` worker processes, at
most two chunks per worker in flight, written in input order. Output goes to a
temporary file renamed into place only when the run completes.

>>> args = build_parser().parse_args(["data.jsonl", "--field", "meta.body", "--no-duplicates"])
>>> args.field, config_from_args(args).duplicates
('meta.body', False)
"""

from __future__ import annotations

import argparse
import codecs
import dataclasses
import json
import os
import sys
import tempfile
import time
import types
import typing
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import IO, Any, Literal

from . import __version__
from .batch import WorkerCrashed, default_jobs, ordered_map
from .catalogue import CatalogueError
from .config import Config, make_config
from .decode import decode
from .pipeline import Report, explain
from .sources import InputError, LineChunk, Source, is_jsonl_name, line_chunks, read_all, walk

PROG = "newsclean"

EXAMPLES = """\
examples:
  newsclean article.txt                       clean one file to stdout
  curl -s URL | newsclean                     HTML or text on stdin
  newsclean pages/ -o clean/                  a directory, one output file per input
  newsclean data.jsonl.gz --field text -o clean.jsonl
                                              clean the "text" field of each record
  newsclean data.jsonl --field meta.body --output-field clean_body -o out.jsonl
  newsclean data.jsonl --on-error skip --rejects bad.jsonl -o out.jsonl
  newsclean data.jsonl -o out.jsonl --report report.jsonl --jobs 4
  newsclean page.txt --explain --no-duplicates --credits keep --languages en,de

exit status: 0 success, 1 some records rejected or the run failed, 2 usage error
"""

# Help for the options of newsclean.Config; an option without an entry still gets a flag.
OPTION_HELP = {
    "html": "markup to text: auto (when the input looks like HTML), on, off",
    "unicode": "repair mojibake, entities, control characters; NFC (ftfy)",
    "whitespace": "normalise spaces, zero-width characters, blank lines",
    "bullets": "drop lone list markers and separator rows",
    "ui_strings": "drop UI strings and page chrome from the phrase catalogue",
    "duplicates": "drop repeated captions and lines",
    "code": "drop lines of code and markup (CSS, scripts, bare tags, address fragments)",
    "credits": "standalone photo-credit lines: drop or keep",
    "page": "the whole-page stage (menus, footers): auto, on, off",
    "languages": "catalogue languages to load, comma-separated (default: all)",
    "extra_phrases": "a file of your own UI lines to remove, one a line (repeatable)",
    "extra_patterns": "a file of your own patterns over a line's key, one a line (repeatable)",
    "uncurl_quotes": "straighten curly quotes",
    "fix_character_width": "full-width characters to half-width",
    "fix_latin_ligatures": "ligatures such as ﬁ to fi",
    "normalization": "Unicode normalisation form: NFC, NFKC, NFD, NFKD or none",
}
FILE_OPTIONS = ("extra_phrases", "extra_patterns")


class UsageError(Exception):
    """A command line that cannot run: exit status 2."""


# -- the command line ----------------------------------------------------------------


def _flag(name: str) -> str:
    return "--" + name.replace("_", "-")


def _literal_values(hint: Any) -> list[Any] | None:
    """The values of a ``Literal[...]`` (possibly inside a union), else ``None``."""
    if typing.get_origin(hint) is Literal:
        return list(typing.get_args(hint))
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        values: list[Any] = []
        for arg in typing.get_args(hint):
            inner = _literal_values(arg)
            if inner is not None:
                values.extend(inner)
            elif arg is type(None):
                values.append(None)
            elif arg is bool:
                values.extend([True, False])
            else:
                return None
        return values
    return None


_WORDS = {True: "on", False: "off", None: "none"}


def _add_config_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("cleaning options (the options of newsclean.clean)")
    hints = typing.get_type_hints(Config)
    for option in dataclasses.fields(Config):
        name, hint = option.name, hints[option.name]
        help_text = OPTION_HELP.get(name, f"the clean() option {name}")
        default: Any = option.default
        if name in FILE_OPTIONS:
            group.add_argument(
                _flag(name), dest=name, action="append", metavar="FILE", help=help_text
            )
        elif hint is bool:
            group.add_argument(
                _flag(name),
                dest=name,
                action=argparse.BooleanOptionalAction,
                default=None,
                help=f"{help_text} (default: {_WORDS[bool(default)]})",
            )
        elif (values := _literal_values(hint)) is not None:
            words = {_WORDS.get(v, v) if not isinstance(v, str) else v: v for v in values}
            shown = _WORDS.get(default, default) if not isinstance(default, str) else default
            group.add_argument(
                _flag(name),
                dest=name,
                choices=list(words),
                default=None,
                help=f"{help_text} (default: {shown})",
            )
        elif (
            name == "languages" or typing.get_origin(hint) in (tuple, list) or "tuple" in str(hint)
        ):
            group.add_argument(_flag(name), dest=name, metavar="A,B", default=None, help=help_text)
        elif hint in (int, float, str):
            group.add_argument(_flag(name), dest=name, type=hint, default=None, help=help_text)
        else:  # pragma: no cover - a new option of an unforeseen type
            group.add_argument(_flag(name), dest=name, metavar="JSON", default=None, help=help_text)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``newsclean`` command."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=(
            "Clean the text of scraped news pages: text or HTML files, directories, "
            "stdin, or a field of each record of JSONL datasets (.jsonl, .jsonl.gz)."
        ),
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help="files or directories to clean; - or nothing reads stdin",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    io_group = parser.add_argument_group("input and output")
    io_group.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="write here instead of stdout (an existing directory: one file per input); "
        "ending in .gz: gzip",
    )
    io_group.add_argument(
        "--format",
        choices=["auto", "text", "jsonl"],
        default="auto",
        help="auto: JSONL when --field is given or an input is named *.jsonl[.gz] "
        "or *.ndjson[.gz], else text (default: auto)",
    )
    io_group.add_argument(
        "--field",
        metavar="NAME",
        help="JSONL: the field to clean; a.b for a nested field (default: text)",
    )
    io_group.add_argument(
        "--output-field",
        metavar="NAME",
        help="JSONL: write the clean text here (default: the --field itself)",
    )
    io_group.add_argument(
        "--encoding",
        metavar="NAME",
        help="decode input with this encoding, strictly (default: text files UTF-8 or "
        "detected, JSONL UTF-8)",
    )
    run_group = parser.add_argument_group("running")
    run_group.add_argument(
        "-j",
        "--jobs",
        type=int,
        metavar="N",
        help=f"worker processes (default: all cores, here {default_jobs()})",
    )
    run_group.add_argument(
        "--on-error",
        choices=["fail", "skip"],
        default="fail",
        help="a bad record: fail stops with exit status 1 and writes no output file; "
        "skip goes on, reports it and writes it to --rejects (default: fail)",
    )
    run_group.add_argument(
        "--rejects",
        metavar="PATH",
        help="write rejected records here verbatim (text inputs: their paths)",
    )
    run_group.add_argument(
        "--report",
        metavar="PATH",
        help="write a JSONL audit: for each document, the removals and their rules",
    )
    run_group.add_argument(
        "--explain",
        action="store_true",
        help="print each document's removals (line, reason, text) on stderr",
    )
    run_group.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="a progress bar on stderr (default: when stderr is a terminal)",
    )
    run_group.add_argument("-q", "--quiet", action="store_true", help="no summary at the end")
    run_group.add_argument(
        "--chunk-size",
        type=int,
        default=256 * 1024,
        metavar="BYTES",
        help="JSONL bytes per unit of work sent to a worker (default: 262144)",
    )
    _add_config_options(parser)
    return parser


def _read_lines_file(path: str) -> list[str]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def config_from_args(args: argparse.Namespace) -> Config:
    """The :class:`Config` the options ask for; :class:`UsageError` if it is invalid."""
    hints = typing.get_type_hints(Config)
    options: dict[str, Any] = {}
    for option in dataclasses.fields(Config):
        value = getattr(args, option.name, None)
        if value is None:
            continue
        hint = hints[option.name]
        if option.name in FILE_OPTIONS:
            options[option.name] = tuple(line for path in value for line in _read_lines_file(path))
        elif hint is bool or hint in (int, float, str):
            options[option.name] = value
        elif (values := _literal_values(hint)) is not None:
            words = {_WORDS.get(v, v) if not isinstance(v, str) else v: v for v in values}
            options[option.name] = words[value]
        elif isinstance(value, str) and "tuple" in str(hint):
            options[option.name] = tuple(p.strip() for p in value.split(",") if p.strip())
        else:  # pragma: no cover - a new option of an unforeseen type
            options[option.name] = json.loads(value)
    try:
        config = make_config(**options)
        explain("Validating the options.", config)  # compiles the catalogue and user rules
    except (TypeError, ValueError, CatalogueError) as exc:
        raise UsageError(str(exc)) from None
    return config


# -- the work a worker does ----------------------------------------------------------


@dataclass(frozen=True)
class Spec:
    """What to do with each unit of work (sent to the workers with it)."""

    config: Config
    jsonl: bool
    field: tuple[str, ...] = ("text",)
    output_field: tuple[str, ...] = ("text",)
    encoding: str | None = None
    stop_on_error: bool = True
    report: bool = False
    explain: bool = False


@dataclass(frozen=True)
class Document:
    """A whole text input: its bytes, or the error that stopped reading it."""

    source: str
    relative: str
    data: bytes
    error: str | None = None


@dataclass(frozen=True)
class Rejection:
    source: str
    line: int | None
    problem: str
    raw: bytes

    def message(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.problem}"


@dataclass
class Result:
    """What a worker returns for one unit of work."""

    output: list[bytes] = field(default_factory=list)
    records_in: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    report: list[bytes] = field(default_factory=list)
    explained: list[str] = field(default_factory=list)
    bytes_in: int = 0
    bytes_out: int = 0
    removals: Counter[str] = field(default_factory=Counter)
    removed_lines: Counter[str] = field(default_factory=Counter)
    done_line: int | None = None  # the last line done (JSONL)


class RecordError(Exception):
    """A record that cannot be cleaned; the message names the problem."""


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return "a number"
    return names.get(type(value), type(value).__name__)


def get_field(record: object, path: tuple[str, ...]) -> str:
    """The string at ``path`` in ``record``; :class:`RecordError` saying what is wrong.

    >>> get_field({"meta": {"body": "Text."}}, ("meta", "body"))
    'Text.'
    >>> get_field({"meta": {}}, ("meta", "body"))
    Traceback (most recent call last):
    ...
    newsclean.cli.RecordError: no field 'meta.body'
    >>> get_field({"text": 3}, ("text",))
    Traceback (most recent call last):
    ...
    newsclean.cli.RecordError: field 'text' is a number, not a string
    """
    value = record
    for depth, key in enumerate(path):
        if not isinstance(value, dict):
            where = ".".join(path[:depth]) or "the record"
            raise RecordError(f"{where} is {_json_type(value)}, not an object")
        if key not in value:
            raise RecordError(f"no field {'.'.join(path)!r}")
        value = value[key]
    if not isinstance(value, str):
        raise RecordError(f"field {'.'.join(path)!r} is {_json_type(value)}, not a string")
    return value


def set_field(record: dict[str, Any], path: tuple[str, ...], value: str) -> None:
    """Set ``path`` in ``record`` to ``value``, creating objects on the way."""
    target = record
    for depth, key in enumerate(path[:-1]):
        nxt = target.setdefault(key, {})
        if not isinstance(nxt, dict):
            where = ".".join(path[: depth + 1])
            raise RecordError(f"cannot write {'.'.join(path)!r}: {where} is {_json_type(nxt)}")
        target = nxt
    target[path[-1]] = value


def _account(result: Result, spec: Spec, report: Report, where: dict[str, Any]) -> None:
    for removal in report.removals:
        result.removals[removal.reason] += 1
        result.removed_lines[removal.reason] += removal.end - removal.start
    if spec.report:
        entry = {**where, **report.as_dict()}
        result.report.append(json.dumps(entry, ensure_ascii=False).encode("utf-8", "replace"))
    if spec.explain and report.removals:
        name = where["source"] + (f":{where['line']}" if "line" in where else "")
        result.explained.append(f"{name}: {report}")


def work(spec: Spec, task: LineChunk | Document) -> Result:
    """Clean one unit of work: a chunk of JSONL lines or a whole document."""
    if isinstance(task, Document):
        return _work_document(spec, task)
    return _work_records(spec, task)


def _work_document(spec: Spec, doc: Document) -> Result:
    result = Result(records_in=1)
    name = doc.source
    if doc.error is not None:
        result.rejected.append(Rejection(name, None, doc.error, name.encode("utf-8", "replace")))
        return result
    try:
        text = decode(doc.data) if spec.encoding is None else doc.data.decode(spec.encoding)
    except UnicodeDecodeError as exc:
        line = doc.data[: exc.start].count(b"\n") + 1
        column = exc.start - (doc.data.rfind(b"\n", 0, exc.start) + 1) + 1
        problem = (
            f"undecodable bytes: {exc.reason} for {spec.encoding} "
            f"(byte 0x{doc.data[exc.start]:02x} at column {column})"
        )
        result.rejected.append(Rejection(name, line, problem, name.encode("utf-8", "replace")))
        return result
    try:
        report = explain(text, spec.config)
    except Exception as exc:  # a bug in a rule must not lose the document silently
        problem = f"cleaning failed: {type(exc).__name__}: {exc}"
        result.rejected.append(Rejection(name, None, problem, name.encode("utf-8", "replace")))
        return result
    out = report.text if report.text.endswith("\n") or not report.text else report.text + "\n"
    encoded = out.encode("utf-8", "replace")  # a lone surrogate cannot be UTF-8
    result.output.append(encoded)
    result.bytes_in = len(doc.data)
    result.bytes_out = len(encoded)
    _account(result, spec, report, {"source": name})
    return result


def _work_records(spec: Spec, chunk: LineChunk) -> Result:
    result = Result()
    encoding = spec.encoding or "utf-8"
    last_index = len(chunk.lines) - 1
    for index, raw in enumerate(chunk.lines):
        line_no = chunk.first_line + index
        if not raw.strip():
            result.done_line = line_no
            continue  # a blank line is no record
        result.records_in += 1
        try:
            if chunk.partial and index == last_index:
                raise RecordError(f"incomplete last record: {chunk.error}")
            try:
                line = raw.decode(encoding)
            except UnicodeDecodeError as exc:
                raise RecordError(
                    f"undecodable bytes: {exc.reason} for {encoding} "
                    f"(byte 0x{raw[exc.start]:02x} at column {exc.start + 1})"
                ) from None
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise RecordError(f"malformed JSON: {exc.msg} (column {exc.colno})") from None
            if not isinstance(record, dict):
                raise RecordError(f"the record is {_json_type(record)}, not an object")
            text = get_field(record, spec.field)
            try:
                report = explain(text, spec.config)
            except Exception as exc:  # a bug in a rule must not lose the record silently
                raise RecordError(f"cleaning failed: {type(exc).__name__}: {exc}") from None
            set_field(record, spec.output_field, report.text)
            out = json.dumps(record, ensure_ascii=False)
        except RecordError as exc:
            result.rejected.append(Rejection(chunk.source, line_no, str(exc), raw))
            if spec.stop_on_error:
                return result
            result.done_line = line_no
            continue
        # A lone surrogate (from a \\ud800 escape) becomes that escape again.
        result.output.append(out.encode("utf-8", "backslashreplace") + b"\n")
        result.bytes_in += len(text.encode("utf-8", "surrogatepass"))
        result.bytes_out += len(report.text.encode("utf-8", "surrogatepass"))
        result.done_line = line_no
        _account(result, spec, report, {"source": chunk.source, "line": line_no})
    return result


# -- outputs -------------------------------------------------------------------------


class Output:
    """A destination written in full or not at all: a temporary file renamed at the end.

    ``None`` as the path writes to stdout (streamed; nothing to rename).
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.temp: Path | None = None
        self.stream: IO[bytes]
        self._raw: IO[bytes] | None = None
        if path is None:
            self.stream = sys.stdout.buffer
            return
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        self.temp = Path(temp)
        raw = os.fdopen(fd, "wb")
        if path.name.endswith(".gz"):
            import gzip

            self._raw = raw
            self.stream = typing.cast(IO[bytes], gzip.GzipFile(path.name, "wb", 6, raw, 0))
        else:
            self.stream = raw

    def write(self, data: bytes) -> None:
        self.stream.write(data)

    def flush(self) -> None:
        """Make what was written visible (not for gzip, where it would cost ratio)."""
        if self._raw is None:
            self.stream.flush()

    def commit(self) -> None:
        if self.path is None:
            self.stream.flush()
            return
        assert self.temp is not None
        self.stream.close()
        if self._raw is not None:
            self._raw.close()
        os.replace(self.temp, self.path)
        self.temp = None

    def abort(self) -> None:
        if self.temp is None:
            return
        try:
            self.stream.close()
            if self._raw is not None:
                self._raw.close()
        finally:
            self.temp.unlink(missing_ok=True)
            self.temp = None


# -- the run -------------------------------------------------------------------------


@dataclass
class Totals:
    records_in: int = 0
    records_out: int = 0
    rejected: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    input_bytes: int = 0
    removals: Counter[str] = field(default_factory=Counter)
    removed_lines: Counter[str] = field(default_factory=Counter)
    unreadable: list[str] = field(default_factory=list)
    done: str = ""  # where the last finished record came from

    def add(self, result: Result) -> None:
        self.records_in += result.records_in
        self.records_out += result.records_in - len(result.rejected)
        self.rejected += len(result.rejected)
        self.bytes_in += result.bytes_in
        self.bytes_out += result.bytes_out
        self.removals.update(result.removals)
        self.removed_lines.update(result.removed_lines)


def _same(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:  # pragma: no cover
        return False


def _check_paths(sources: list[Source], outputs: dict[str, Path | None]) -> None:
    named = {flag: path for flag, path in outputs.items() if path is not None}
    for flag, path in named.items():
        resolved = path.resolve()
        for source in sources:
            if source.path is not None and (
                _same(source.path, path) or source.path.resolve() == resolved
            ):
                raise UsageError(f"{flag} {path} is an input: refusing to overwrite it")
        if not path.parent.is_dir():
            raise UsageError(f"{flag} {path}: no such directory {path.parent}")
    paths = list(named.items())
    for i, (flag, path) in enumerate(paths):
        for other_flag, other in paths[i + 1 :]:
            if path.resolve() == other.resolve():
                raise UsageError(f"{flag} and {other_flag} are the same file {path}")


def _parse_field(name: str, flag: str) -> tuple[str, ...]:
    parts = tuple(name.split("."))
    if not all(parts):
        raise UsageError(f"{flag} {name!r}: empty name between dots")
    return parts


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status (0 ok, 1 rejected or failed, 2 usage)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return _run(args)
    except UsageError as exc:
        parser.print_usage(sys.stderr)
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (e.g. `newsclean big.jsonl | head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


def _run(args: argparse.Namespace) -> int:
    config = config_from_args(args)
    if args.encoding is not None:
        try:
            codecs.lookup(args.encoding)
        except LookupError:
            raise UsageError(f"unknown encoding {args.encoding!r}") from None
    if args.jobs is not None and args.jobs < 1:
        raise UsageError(f"--jobs must be at least 1, not {args.jobs}")
    if args.chunk_size < 1:
        raise UsageError("--chunk-size must be at least 1")
    inputs = list(args.inputs) or ["-"]
    if inputs == ["-"] and sys.stdin.isatty() and not args.inputs:
        raise UsageError("no input: give files or directories, or pipe text in")
    for arg in inputs:
        if arg != "-" and not os.path.exists(arg):
            raise UsageError(f"no such file or directory: {arg}")
    if inputs.count("-") > 1:
        raise UsageError("stdin (-) can be read only once")

    fmt = args.format
    if fmt == "auto":
        named_jsonl = any(is_jsonl_name(a) for a in inputs)
        in_dirs = any(is_jsonl_name(s.name) for a in inputs if os.path.isdir(a) for s in walk([a]))
        jsonl = bool(args.field or args.output_field or named_jsonl or in_dirs)
    else:
        jsonl = fmt == "jsonl"
    if not jsonl and (args.field or args.output_field):
        raise UsageError("--field and --output-field are for JSONL input (--format jsonl)")
    sources = list(walk(inputs, jsonl_only_in_dirs=jsonl))
    if not sources:
        raise UsageError("no input files found")

    output_dir: Path | None = None
    output_path = Path(args.output) if args.output else None
    if output_path is not None and output_path.is_dir():
        if jsonl:
            raise UsageError(f"-o {output_path} is a directory: give a file for JSONL output")
        output_dir, output_path = output_path, None
    _check_paths(
        sources,
        {
            "-o": output_path,
            "--report": Path(args.report) if args.report else None,
            "--rejects": Path(args.rejects) if args.rejects else None,
        },
    )
    if output_dir is not None:
        names = [s.relative for s in sources]
        clash = next((n for n, c in Counter(names).items() if c > 1), None)
        if clash is not None:
            raise UsageError(f"two inputs would both be written to {output_dir / clash}")
        for source in sources:
            if source.path is not None and _same(source.path, output_dir / source.relative):
                raise UsageError(f"-o {output_dir} would overwrite the input {source.name}")

    field_path = _parse_field(args.field or "text", "--field")
    output_field = _parse_field(args.output_field, "--output-field") if args.output_field else None
    spec = Spec(
        config=config,
        jsonl=jsonl,
        field=field_path,
        output_field=output_field or field_path,
        encoding=args.encoding,
        stop_on_error=args.on_error == "fail",
        report=args.report is not None,
        explain=args.explain,
    )
    jobs = args.jobs
    if jobs is None:
        small = all(s.path is not None and s.path.stat().st_size < (1 << 20) for s in sources)
        # Starting workers costs more than cleaning one page or a small file.
        one_page = not jsonl and len(sources) == 1
        jobs = 1 if one_page or (small and jsonl) else default_jobs()
    progress = args.progress if args.progress is not None else sys.stderr.isatty()
    try:
        runner = Runner(args, spec, sources, jobs, output_path, output_dir, progress)
    except OSError as exc:
        raise UsageError(f"cannot write: {exc}") from None
    return runner.run()


class Runner:
    """One run of the command: feeds the workers, writes results in order, accounts."""

    def __init__(
        self,
        args: argparse.Namespace,
        spec: Spec,
        sources: list[Source],
        jobs: int,
        output: Path | None,
        output_dir: Path | None,
        progress: bool,
    ) -> None:
        self.args = args
        self.spec = spec
        self.sources = sources
        self.jobs = jobs
        self.output_dir = output_dir
        self.totals = Totals()
        self.outputs: list[Output] = []
        try:
            self.out = self._open(output) if output_dir is None else None
            self.report = self._open(Path(args.report)) if args.report else None
            self.rejects = self._open(Path(args.rejects)) if args.rejects else None
        except OSError:
            for opened in self.outputs:
                opened.abort()
            raise
        self.documents_written = 0
        self.bar: Any = None
        if progress:
            from tqdm import tqdm

            self.bar = tqdm(
                unit=" docs" if not spec.jsonl else " records",
                file=sys.stderr,
                mininterval=0.5,
                dynamic_ncols=True,
            )
        self.started = time.monotonic()

    def _open(self, path: Path | None) -> Output:
        output = Output(path)
        self.outputs.append(output)
        return output

    def tasks(self) -> Iterator[LineChunk | Document]:
        for source in self.sources:
            if self.spec.jsonl:
                yield from line_chunks(source, self.args.chunk_size)
                continue
            try:
                data = read_all(source)
            except InputError as exc:
                yield Document(source.name, source.relative, b"", str(exc))
                continue
            yield Document(source.name, source.relative, data)

    def run(self) -> int:
        fn = partial(work, self.spec)
        stop: str | None = None
        try:
            for task, result in ordered_map(fn, self.tasks(), self.jobs):
                stop = self.take(task, result)
                if stop is not None:
                    break
        except WorkerCrashed as exc:
            stop = f"a worker process died while cleaning {_where(exc.item)}"
        except KeyboardInterrupt:
            stop = "interrupted"
        except OSError as exc:
            stop = f"cannot write: {exc}"
        except Exception as exc:  # never leave a half-written file, whatever happened
            stop = f"internal error: {type(exc).__name__}: {exc}"
        finally:
            if self.bar is not None:
                self.bar.close()
        if stop is not None:
            for output in self.outputs:
                output.abort()
            self.summary()
            written = "no output file was written" if self.args.output else "output incomplete"
            print(
                f"{PROG}: {stop}; stopped after {self.totals.done or 'nothing'}; {written}",
                file=sys.stderr,
            )
            return 1
        for output in self.outputs:
            output.commit()
        self.summary()
        return 1 if self.totals.rejected or self.totals.unreadable else 0

    def take(self, task: LineChunk | Document, result: Result) -> str | None:
        """Write one unit's results; a reason to stop, or ``None``."""
        totals = self.totals
        totals.add(result)
        if isinstance(task, LineChunk):
            totals.input_bytes += sum(len(line) + 1 for line in task.lines)
        else:
            totals.input_bytes += len(task.data)
        self._write(task, result)
        for text in result.explained:
            self.say(text)
        for rejection in result.rejected:
            if not self.spec.stop_on_error:  # else the stop message names it
                self.say(f"{PROG}: {rejection.message()}")
            if self.rejects is not None:
                self.rejects.write(rejection.raw + b"\n")
        if isinstance(task, LineChunk) and result.done_line is not None:
            totals.done = f"{task.source} line {result.done_line}"
        elif isinstance(task, Document) and not result.rejected:
            totals.done = task.source
        if self.bar is not None:
            self.bar.update(result.records_in)
            elapsed = max(time.monotonic() - self.started, 1e-9)
            megabytes = totals.input_bytes / 1e6
            self.bar.set_postfix_str(f"{megabytes:.1f} MB, {megabytes / elapsed:.2f} MB/s")
        if result.rejected and self.spec.stop_on_error:
            return f"{result.rejected[0].message()} (--on-error fail)"
        if isinstance(task, LineChunk) and task.error is not None:
            totals.unreadable.append(task.error)
            if not task.partial:
                self.say(f"{PROG}: {task.error} (after line {task.last_line})")
            if self.spec.stop_on_error:
                return f"{task.error} (--on-error fail)"
        return None

    def say(self, message: str) -> None:
        """A message on stderr, above the progress bar if there is one."""
        if self.bar is not None:
            self.bar.write(message, file=sys.stderr)
        else:
            print(message, file=sys.stderr)

    def _write(self, task: LineChunk | Document, result: Result) -> None:
        if self.report is not None:
            for line in result.report:
                self.report.write(line + b"\n")
        if not result.output:
            return
        if isinstance(task, Document) and self.output_dir is not None:
            target = self.output_dir / task.relative
            target.parent.mkdir(parents=True, exist_ok=True)
            single = Output(target)
            try:
                single.write(b"".join(result.output))
                single.commit()
            except BaseException:
                single.abort()
                raise
            return
        assert self.out is not None
        if isinstance(task, Document):
            if self.documents_written:
                self.out.write(b"\n")  # a blank line between documents
            self.documents_written += 1
        self.out.write(b"".join(result.output))
        self.out.flush()

    def summary(self) -> None:
        if self.args.quiet:
            return
        t = self.totals
        kind = "records" if self.spec.jsonl else "documents"
        rejects = f" (written to {self.args.rejects})" if self.args.rejects and t.rejected else ""
        lines = [f"{kind}: {t.records_in} in = {t.records_out} out + {t.rejected} rejected"]
        lines[0] += rejects
        if t.unreadable:
            lines.append(f"inputs not read to their end: {len(t.unreadable)}")
        elapsed = max(time.monotonic() - self.started, 1e-9)
        share = 100 * (1 - t.bytes_out / t.bytes_in) if t.bytes_in else 0.0
        lines.append(
            f"text: {_size(t.bytes_in)} in, {_size(t.bytes_out)} out ({share:.1f}% removed); "
            f"{elapsed:.1f} s, {t.records_in / elapsed:.1f} {kind}/s, "
            f"{t.input_bytes / 1e6 / elapsed:.2f} MB/s, {_plural(self.jobs, 'job')}"
        )
        if t.removals:
            parts = [
                f"{reason} {count} ({_plural(t.removed_lines[reason], 'line')})"
                for reason, count in sorted(t.removals.items(), key=lambda kv: (-kv[1], kv[0]))
            ]
            lines.append("removals by reason: " + ", ".join(parts))
        else:
            lines.append("removals by reason: none")
        for line in lines:
            print(f"{PROG}: {line}", file=sys.stderr)


def _where(item: object) -> str:
    if isinstance(item, LineChunk):
        return f"{item.source} lines {item.first_line}-{item.last_line}"
    if isinstance(item, Document):
        return item.source
    return repr(item)  # pragma: no cover


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _size(n: int) -> str:
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{n} B"
