"""The repeated-content stages on the labelled set (``tests/data/dedup/set.jsonl``).

    .venv/bin/python benchmarks/dedup.py [--set tests/data/dedup/set.jsonl] [--repeat 3]

Streams the pages in the set's order through levels 1-4 against a fresh SQLite
state store, as the pipelines do (learning counts after each decision), and
prints pair precision and recall (templated pairs included as negatives),
clusters matched, templated pairs wrongly matched, story paragraphs stripped as
boilerplate, within-page repeats, and milliseconds per item per level.
"""

from __future__ import annotations

import sys
from pathlib import Path

# run as a script, this folder comes first on sys.path: keep its modules (benchmarks/inspect.py)
# from shadowing the standard library's
ROOT = Path(__file__).resolve().parent.parent
sys.path[0] = str(ROOT)

import argparse
import hashlib
import json
import tempfile
import time
from collections import Counter, defaultdict
from typing import Any
from urllib.parse import urlsplit

from newscrawler.dedup.boilerplate import learnable_hashes, strip_boilerplate
from newscrawler.dedup.fingerprint import content_hash, story_core
from newscrawler.dedup.index import DuplicateIndex, Story
from newscrawler.dedup.minhash import stored_band_keys
from newscrawler.dedup.repeats import collapse_repeats, normalize
from newscrawler.state import open_store
from newscrawler.utils.text import split_dateline

DEFAULT_SET = ROOT / "tests/data/dedup/set.jsonl"
MIN_STORIES = 10


def load(path: Path = DEFAULT_SET) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _pairs(counts: Counter) -> int:
    return sum(n * (n - 1) // 2 for n in counts.values())


def url_id(url: str) -> str:
    """The crawler's id: fingerprint of the canonical URL (tracking parameters removed)."""
    parts = urlsplit(url)
    return hashlib.sha1(f"{parts.scheme}://{parts.netloc}{parts.path}".encode()).hexdigest()[:24]


def evaluate(docs: list[dict[str, Any]], store_path: Path,
             min_stories: int = MIN_STORIES) -> dict[str, Any]:
    store = open_store(str(store_path), band_keys=stored_band_keys)
    index = DuplicateIndex(store, run="bench")
    timings = defaultdict(float)
    predicted: dict[str, str] = {}
    stripped_story: list[tuple[str, str]] = []
    boiler_removed = repeats_removed = 0
    doubled_left: list[str] = []
    false_repeats: list[str] = []
    now = time.time()
    for doc in docs:
        story_norms = {normalize(p) for p in doc["story"]}
        t0 = time.perf_counter()
        paragraphs = [p for p in doc["body"].split("\n\n") if p.strip()]
        kept, removed = collapse_repeats(paragraphs)
        t1 = time.perf_counter()
        hashes = learnable_hashes(kept)
        learned = store.boilerplate(doc["site"], hashes, min_stories)
        kept, dropped = strip_boilerplate(kept, learned)
        t2 = time.perf_counter()
        core = story_core(kept)
        story = Story(url_id(doc["url"]), doc["url"].split("?")[0], core, content_hash(core),
                      host=doc["site"])
        store.get_story(story.id)
        store.stories_by_hash(story.content_hash)
        t3 = time.perf_counter()
        decision = index.check_and_claim(story, now)
        t4 = time.perf_counter()
        if not decision.duplicate:
            store.mark_exported(story.id, now)
        if decision.new_id:
            store.count_paragraphs(doc["site"], hashes, new_cluster=not decision.duplicate,
                                   now=now)
        # exact lookups are repeated inside check_and_claim: charge them to level 3 only
        timings["1"] += t1 - t0
        timings["2"] += t2 - t1
        timings["3"] += t3 - t2
        timings["4"] += max(0.0, (t4 - t3) - (t3 - t2))
        predicted[doc["doc"]] = decision.cluster_id
        repeats_removed += removed
        boiler_removed += len(dropped)
        for text in dropped:
            norm = normalize(split_dateline(text)[1])
            if norm in story_norms:
                stripped_story.append((doc["doc"], text[:60]))
        if doc.get("doubled"):
            norms = [normalize(p) for p in kept]
            if len(norms) != len(set(norms)):
                doubled_left.append(doc["doc"])
        elif removed:
            false_repeats.append(doc["doc"])
    store.close()

    truth = {d["doc"]: d["cluster"] for d in docs}
    true_pairs = _pairs(Counter(truth.values()))
    pred_pairs = _pairs(Counter(predicted.values()))
    both = _pairs(Counter((truth[d], predicted[d]) for d in truth))
    members = defaultdict(set)
    for doc_id, cluster in truth.items():
        members[cluster].add(predicted[doc_id])
    syndicated = [c for c in members if c.startswith("c")]
    split = sorted(c for c in syndicated if len(members[c]) > 1)
    template_hits = sorted(
        d["doc"] for d in docs
        if "template_of" in d and d["doc"] < d["template_of"]
        and predicted[d["doc"]] == predicted[d["template_of"]]
    )
    n = len(docs)
    return {
        "pages": n,
        "clusters": len(syndicated),
        "templated_pairs": sum(1 for d in docs if "template_of" in d) // 2,
        "pair_precision": round(both / pred_pairs, 4) if pred_pairs else 1.0,
        "pair_recall": round(both / true_pairs, 4) if true_pairs else 1.0,
        "clusters_split": split,
        "templated_pairs_matched": template_hits,
        "story_paragraphs_stripped": stripped_story,
        "boilerplate_paragraphs_removed": boiler_removed,
        "repeated_paragraphs_removed": repeats_removed,
        "doubled_pages_left_doubled": doubled_left,
        "pages_wrongly_collapsed": false_repeats,
        "ms_per_item": {f"level{k}": round(v / n * 1000, 3) for k, v in sorted(timings.items())},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=DEFAULT_SET)
    parser.add_argument("--repeat", type=int, default=3, help="runs; timings are the median")
    args = parser.parse_args()
    docs = load(args.set)
    results = []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            results.append(evaluate(docs, Path(tmp) / "state.sqlite3"))
    result = results[0]
    for level in result["ms_per_item"]:
        values = sorted(r["ms_per_item"][level] for r in results)
        result["ms_per_item"][level] = values[len(values) // 2]
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
