"""A held-out extraction set from newspaper4k's own test pages, in the dev sets' layout.

newspaper4k's source distribution ships 23 real news pages (CNN, Time, Wired, Nikkei,
Xinhua, Yonhap, Prachatai, an Arabic, a Latvian and a Burmese page...) with the body text and
metadata its tests expect. The extractor was never tuned on them, so they are a check on
unseen pages beside ``extraction-dev-2``. The truth is newspaper4k's own output: read its
misses critically (it keeps photo captions, drops some leads).

    .venv/bin/python benchmarks/newspaper4k_set.py /tmp/heldout/np4k
    .venv/bin/python benchmarks/extraction.py --data /tmp/heldout/np4k --compare-trafilatura
    .venv/bin/python benchmarks/fields.py --data /tmp/heldout/np4k

The sdist is fetched from the package index with ``pip download`` (no other network), or read
from ``--sdist`` when given.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VERSION = "0.9.6"


def fetch_sdist(folder: Path) -> Path:
    """newspaper4k's source distribution, downloaded into ``folder``."""
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-binary", ":all:", "--no-deps",
                    "--quiet", "--dest", str(folder), f"newspaper4k=={VERSION}"], check=True)
    return next(folder.glob("newspaper4k-*.tar.gz"))


def build(sdist: Path, out: Path) -> int:
    """Write ``out/html/<key>.html.gz`` and ``out/ground-truth.json``; the number of pages."""
    (out / "html").mkdir(parents=True, exist_ok=True)
    truth: dict[str, dict[str, object]] = {}
    with tarfile.open(sdist) as tar:
        members = {Path(m.name).relative_to(Path(m.name).parts[0]).as_posix(): m
                   for m in tar.getmembers() if m.isfile()}

        def read(name: str) -> bytes | None:
            member = members.get(f"tests/data/{name}")
            handle = tar.extractfile(member) if member else None
            return handle.read() if handle else None

        for name in sorted(members):
            if not (name.startswith("tests/data/txt/") and name.endswith(".txt")):
                continue
            key = Path(name).stem
            html, body = read(f"html/{key}.html"), read(f"txt/{key}.txt")
            if html is None or body is None:
                continue
            meta_raw = read(f"metadata/{key}.json")
            meta = json.loads(meta_raw) if meta_raw else {}
            truth[key] = {
                "articleBody": body.decode("utf-8"),
                "title": meta.get("title") or "",
                "byline": ", ".join(meta.get("authors") or []),
                "lang": meta.get("language") or "",
                "url": meta.get("url") or "",
                "date": meta.get("publish_date"),
            }
            (out / "html" / f"{key}.html.gz").write_bytes(gzip.compress(html, mtime=0))
    (out / "ground-truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1),
                                           encoding="utf-8")
    return len(truth)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path, help="the dataset folder to write")
    ap.add_argument("--sdist", type=Path, help="a newspaper4k-*.tar.gz already downloaded")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        sdist = args.sdist or fetch_sdist(Path(tmp))
        pages = build(sdist, args.out)
    print(f"{pages} pages from {sdist.name} in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
