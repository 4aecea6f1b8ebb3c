"""Find a run's files and read their JSON lines one at a time, in bounded memory.

A *run* is what one crawl left in its folder: the export ``<time>.jsonl`` (or
``.jsonl.gz``), beside it ``<time>.rejects.jsonl`` and ``<time>.summary.json``.
Any of them may be missing: a clean run leaves no rejects file, older runs have
no summary, and a rejects file may be inspected on its own.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from newscrawler.utils.terminal import printable

EXPORT_SUFFIXES = (".jsonl.gz", ".jsonl")
REJECTS_SUFFIXES = (".rejects.jsonl.gz", ".rejects.jsonl")
SUMMARY_SUFFIX = ".summary.json"
READ_BUFFER = 1 << 20
MAX_LINE_BYTES = 64 * 1024 * 1024
"""Longer lines are skipped, never held (``--max-line-bytes``): four times the crawl's
16 MiB page limit, room for any item it exports with every character escaped."""


@dataclass
class RunFiles:
    """The files of one run, found from what the user named."""

    stem: Path
    """``output/generic/<time>``: the run's files are this plus a suffix."""
    export: Path | None = None
    rejects: Path | None = None
    summary: Path | None = None

    @property
    def name(self) -> str:
        return str(self.export or self.rejects or self.summary or self.stem)

    @property
    def spider(self) -> str:
        return self.stem.parent.name


@dataclass
class BadLine:
    path: Path
    line: int
    error: str
    too_long: bool = False

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.error}"


def split_name(path: Path) -> tuple[Path, str] | None:
    """``(stem, kind)`` of a run file, kind ``export``, ``rejects`` or ``summary``; else None.

    >>> split_name(Path("out/g/T.rejects.jsonl"))
    (PosixPath('out/g/T'), 'rejects')
    >>> split_name(Path("out/g/T.jsonl.gz"))
    (PosixPath('out/g/T'), 'export')
    >>> split_name(Path("out/demo.log")) is None
    True
    """
    name = path.name
    for suffixes, kind in ((REJECTS_SUFFIXES, "rejects"), (EXPORT_SUFFIXES, "export"),
                           ((SUMMARY_SUFFIX,), "summary")):
        for suffix in suffixes:
            if name.endswith(suffix) and len(name) > len(suffix):
                return path.with_name(name[: -len(suffix)]), kind
    return None


def _sibling(stem: Path, suffixes: tuple[str, ...]) -> Path | None:
    for suffix in suffixes:
        candidate = stem.with_name(stem.name + suffix)
        if candidate.is_file():
            return candidate
    return None


def find_runs(paths: Iterable[Path]) -> list[RunFiles]:
    """The runs under ``paths`` (exports, rejects files, summaries or folders, searched deep).

    An export brings its rejects file and summary along; a rejects file or summary
    named on its own is a run of its own. Raises ``FileNotFoundError`` for a path
    that does not exist.
    """
    runs: dict[Path, RunFiles] = {}

    def add(path: Path, *, named: bool) -> None:
        split = split_name(path)
        if split is None:
            if named:
                raise ValueError(f"not a .jsonl, .jsonl.gz or .summary.json file: {path}")
            return
        stem, kind = split
        run = runs.setdefault(stem, RunFiles(stem))
        setattr(run, kind, path)
        if kind == "export":
            run.rejects = run.rejects or _sibling(stem, REJECTS_SUFFIXES)
            run.summary = run.summary or _sibling(stem, (SUMMARY_SUFFIX,))

    for path in paths:
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                if found.is_file():
                    add(found, named=False)
        elif path.is_file():
            add(path, named=True)
        else:
            raise FileNotFoundError(f"no such file or folder: {path}")
    return sorted(runs.values(), key=lambda run: str(run.stem))


class Progress:
    """A one-line ``\\r`` progress bar by bytes read, drawn only on a terminal."""

    def __init__(self, total: int, stream: IO[str] | None = None, *,
                 enabled: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.total = max(total, 1)
        self.done = 0
        self.started = time.monotonic()
        self._last_draw = 0.0
        self.label = ""

    def advance(self, nbytes: int) -> None:
        self.done += nbytes
        if self.enabled:
            now = time.monotonic()
            if now - self._last_draw >= 0.2:
                self._last_draw = now
                self.draw(now)

    def draw(self, now: float) -> None:
        share = min(self.done / self.total, 1.0)
        width = 30
        filled = int(share * width)
        rate = self.done / max(now - self.started, 1e-6) / 1e6
        bar = "#" * filled + "-" * (width - filled)
        self.stream.write(f"\r[{bar}] {share:4.0%} {self.done / 1e6:,.0f}/"
                          f"{self.total / 1e6:,.0f} MB {rate:,.0f} MB/s {self.label[-40:]}\x1b[K")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def bounded_lines(stream: IO[bytes], max_bytes: int) -> Iterator[tuple[bytes | None, int]]:
    """``(line, bytes read)`` per line of ``stream``; ``line`` is None for one over ``max_bytes``.

    At most ``max_bytes`` (+1) of a line is ever held: the rest of a longer one
    is read in chunks and dropped, so one 3 GB line costs no more than a short one.

    >>> import io
    >>> list(bounded_lines(io.BytesIO(b"ab\\n" + b"x" * 10 + b"\\nc"), 4))
    [(b'ab\\n', 3), (None, 11), (b'c', 1)]
    """
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) <= max_bytes or line.endswith(b"\n"):
            yield line, len(line)
            continue
        read = len(line)
        del line
        while True:
            rest = stream.readline(READ_BUFFER)
            read += len(rest)
            if not rest or rest.endswith(b"\n"):
                break
        yield None, read


def read_lines(
    path: Path,
    on_bad: Callable[[BadLine], None],
    progress: Progress | None = None,
    max_line_bytes: int = MAX_LINE_BYTES,
) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line number, object)`` for each JSON object line of ``path`` (``.gz`` too).

    Blank lines are skipped; a line that is not a JSON object (truncated, not JSON,
    not UTF-8) or longer than ``max_line_bytes`` goes to ``on_bad`` with its number
    and reading goes on. A gzip file cut short ends the reading with one bad line.
    """
    if progress is not None:
        progress.label = printable(path.name)
    with path.open("rb", buffering=READ_BUFFER) as raw:
        gzipped = path.name.endswith(".gz")
        stream: IO[bytes] = gzip.GzipFile(fileobj=raw, mode="rb") if gzipped else raw
        lineno = 0
        position = 0
        try:
            for line, nbytes in bounded_lines(stream, max_line_bytes):
                lineno += 1
                if progress is not None:
                    if gzipped:
                        if lineno % 256 == 0 or line is None:
                            progress.advance(raw.tell() - position)
                            position = raw.tell()
                    else:
                        progress.advance(nbytes)
                if line is None:
                    on_bad(BadLine(path, lineno, f"line longer than {max_line_bytes} bytes "
                                                 "skipped", too_long=True))
                    continue
                if not line.strip():
                    continue
                try:
                    value = json.loads(line)
                except UnicodeDecodeError as exc:
                    on_bad(BadLine(path, lineno, f"not UTF-8: {exc.reason}"))
                    continue
                except ValueError as exc:
                    what = "truncated line" if not line.endswith(b"\n") else "not JSON"
                    on_bad(BadLine(path, lineno, f"{what}: {exc}"))
                    continue
                if not isinstance(value, dict):
                    on_bad(BadLine(path, lineno, f"not a JSON object but {type(value).__name__}"))
                    continue
                yield lineno, value
        except (EOFError, gzip.BadGzipFile, zlib.error, OSError) as exc:
            on_bad(BadLine(path, lineno + 1, f"unreadable from here on: {exc}"))
        finally:
            if gzipped:
                stream.close()
            if progress is not None and gzipped:
                progress.advance(raw.tell() - position)


def total_size(paths: Iterable[Path | None]) -> int:
    return sum(os.path.getsize(path) for path in paths if path is not None)
