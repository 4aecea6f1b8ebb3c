"""Every committed generated fixture set is exactly what its generator renders today.

Each generator runs as its documented command into a temporary folder; a committed
file that differs, is missing or was not generated fails the test with the command
that regenerates the set.
"""

from __future__ import annotations

import filecmp
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class FixtureSet:
    name: str
    command: tuple[str, ...]
    """Arguments after ``python``; ``--out DIR`` is appended."""
    folder: str
    """Where the set is committed, relative to the repository."""
    outputs: tuple[str, ...]
    """What the generator writes, relative to ``folder`` (files or folders)."""

    @property
    def regenerate(self) -> str:
        return "python " + " ".join(self.command)


FIXTURE_SETS = [
    FixtureSet("demo site", ("-m", "tools.demo_site"), "newscrawler/demo",
               ("site", "manifest.json")),
    FixtureSet("wire mirrors", ("tests/sites/build.py",), "tests", ("sites", "data/wire")),
    FixtureSet("soft-404 corpus", ("tests/data/soft404/build_corpus.py",), "tests/data/soft404",
               ("pages", "labels.json")),
    FixtureSet("dedup set", ("tests/data/dedup/build_set.py",), "tests/data/dedup",
               ("set.jsonl",)),
]


def files_under(root: Path, outputs: tuple[str, ...]) -> set[str]:
    """The generated files below ``root``; generator sources (``*.py``) live beside them."""
    found: set[str] = set()
    for output in outputs:
        path = root / output
        if path.is_file():
            found.add(output)
        elif path.is_dir():
            found.update(p.relative_to(root).as_posix() for p in path.rglob("*")
                         if p.is_file() and p.suffix != ".py" and "__pycache__" not in p.parts)
    return found


def differences(generated: Path, committed: Path, outputs: tuple[str, ...]) -> list[str]:
    """One line per file that is not byte for byte what the generator wrote."""
    fresh, stored = files_under(generated, outputs), files_under(committed, outputs)
    lines = [f"missing (not committed): {rel}" for rel in sorted(fresh - stored)]
    lines += [f"not generated (stale or hand-made): {rel}" for rel in sorted(stored - fresh)]
    lines += [f"differs: {rel}" for rel in sorted(fresh & stored)
              if not filecmp.cmp(generated / rel, committed / rel, shallow=False)]
    return lines


@pytest.mark.parametrize("fixture_set", FIXTURE_SETS, ids=lambda s: s.name)
def test_committed_fixtures_are_what_the_generator_renders(fixture_set: FixtureSet,
                                                           tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, *fixture_set.command, "--out", str(tmp_path)],
                         cwd=REPO, capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, f"{fixture_set.regenerate} failed:\n{run.stderr}"
    assert files_under(tmp_path, fixture_set.outputs), "the generator wrote nothing"
    diff = differences(tmp_path, REPO / fixture_set.folder, fixture_set.outputs)
    assert not diff, (
        f"the committed {fixture_set.name} ({fixture_set.folder}) is not what its generator "
        f"renders today:\n  " + "\n  ".join(diff[:20])
        + (f"\n  ... and {len(diff) - 20} more" if len(diff) > 20 else "")
        + f"\nRegenerate it with: {fixture_set.regenerate}  (then review the diff and commit)"
    )


def test_a_stale_file_is_named(tmp_path: Path) -> None:
    """The comparison itself: a changed, a missing and an extra file are each reported."""
    generated, committed = tmp_path / "generated", tmp_path / "committed"
    for root, files in ((generated, {"a.txt": "1", "sub/b.txt": "2", "sub/c.txt": "3"}),
                        (committed, {"a.txt": "1", "sub/b.txt": "changed", "sub/d.txt": "4",
                                     "sub/build.py": "# generator source"})):
        for rel, text in files.items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(text)
    assert differences(generated, committed, ("a.txt", "sub")) == [
        "missing (not committed): sub/c.txt",
        "not generated (stale or hand-made): sub/d.txt",
        "differs: sub/b.txt",
    ]
