"""Files a reader may open at any time: written aside, then moved into place whole."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

PART_SUFFIX = ".part"


def part_path(final: Path) -> Path:
    """Where a file is written until it is complete: ``x.jsonl`` -> ``x.jsonl.part``."""
    return final.with_name(final.name + PART_SUFFIX)


def fsync_dir(path: Path) -> None:
    """Make a rename in ``path`` durable (a crash after it cannot undo it)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish(part: Path, final: Path, *, append: bool = False) -> None:
    """Move a complete ``part`` file to ``final``.

    The rename is atomic: a reader sees no file or the whole file. With
    ``append`` and an existing ``final`` (two runs named in the same second),
    the part is added to its end instead, so nothing is overwritten.
    """
    if append and final.exists():
        with part.open("rb") as src, final.open("ab") as dst:
            shutil.copyfileobj(src, dst)
            dst.flush()
            os.fsync(dst.fileno())
        part.unlink()
    else:
        os.replace(part, final)
    fsync_dir(final.parent)


def write_json_atomic(final: Path, data: Any) -> None:
    """Write a small JSON document so that readers never see half of it."""
    final.parent.mkdir(parents=True, exist_ok=True)
    part = part_path(final)
    with part.open("w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=2, default=str)
        f.write("\n")
        f.flush()
        os.fsync(f.fileno())
    publish(part, final)
