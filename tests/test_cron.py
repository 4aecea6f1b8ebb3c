"""Cron behaviour with real processes: summaries, exit status, atomic exports, the run lock."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newscrawler.runs.outcome import EXIT_FAILED, EXIT_LOCKED

ENV = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawler.settings"}


def crawl_command(*args: str, delay: float = 0) -> list[str]:
    command = [sys.executable, "-m", "scrapy", "crawl", "generic", "-s", "LOG_LEVEL=INFO",
               "-s", f"DOWNLOAD_DELAY={delay}", "-s", "AUTOTHROTTLE_ENABLED=False",
               "-s", "CONCURRENT_REQUESTS=1", "-s", "DOWNLOAD_TIMEOUT=5", "-s", "RETRY_TIMES=0"]
    for arg in args:
        command += ["-a", arg] if "=" in arg and not arg.startswith("-") else [arg]
    return command


def run(cwd: Path, *args: str, env: dict[str, str] | None = None
        ) -> subprocess.CompletedProcess[str]:
    return subprocess.run(crawl_command(*args), cwd=cwd, env=env or ENV, capture_output=True,
                          text=True, timeout=120, check=False)


def wait_for(predicate, timeout: float = 60.0) -> None:
    """Poll a condition another process brings about (no event to await across processes)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        time.sleep(0.05)


def outputs(cwd: Path, pattern: str) -> list[Path]:
    found = sorted((cwd / "output" / "generic").glob(pattern))
    if pattern.endswith((".jsonl", ".jsonl.part")):  # exports only, not their rejects files
        found = [p for p in found if ".rejects.jsonl" not in p.name]
    return found


def test_summary_beside_the_default_feed_and_one_human_line(demo_site, tmp_path):
    result = run(tmp_path, f"url={demo_site.base_url}/")
    assert result.returncode == 0, result.stderr[-2000:]
    names = {p.name for p in outputs(tmp_path, "*")}
    (summary_path,) = outputs(tmp_path, "*.summary.json")
    summary = json.loads(summary_path.read_text())
    stem = summary_path.name.removesuffix(".summary.json")
    assert f"{stem}.jsonl" in names
    assert f"{stem}.rejects.jsonl" in names
    items = (tmp_path / "output/generic" / f"{stem}.jsonl").read_text().splitlines()
    assert summary["items_exported"] == len(items) > 0
    assert summary["finish_reason"] == "finished"
    assert summary["exit_status"] == 0
    assert summary["failure"] == []
    assert summary["pages_fetched"] > summary["items_exported"]
    assert summary["rejects"]["thin"] >= 1  # the demo's empty shell (soft-404 stage)
    assert summary["http_errors"]["410"] == 1
    assert not outputs(tmp_path, "*.part")
    lines = [line for line in result.stderr.splitlines() if "stories exported" in line]
    assert len(lines) == 1
    assert f"generic: {len(items)} stories exported to output/generic/{stem}.jsonl" in lines[0]


def test_a_run_that_fetched_nothing_fails(tmp_path):
    result = run(tmp_path, "url=http://127.0.0.1:9/")  # nothing listens on the discard port
    assert result.returncode == EXIT_FAILED
    assert "FAILED: no page fetched" in result.stderr


def test_zero_items_after_a_run_with_items_fails(demo_site, tmp_path):
    assert run(tmp_path, f"url={demo_site.base_url}/feeds/latest.rss", "max_items=2").returncode == 0
    time.sleep(1.1)  # run files are named by the second the run started
    result = run(tmp_path, f"url={demo_site.base_url}/feeds/latest.rss", "since=2031-01-01")
    assert result.returncode == EXIT_FAILED
    assert "zero items (the previous run exported 2)" in result.stderr
    summaries = outputs(tmp_path, "*.summary.json")
    assert [json.loads(p.read_text())["exit_status"] for p in summaries] == [0, 1]


def test_lock_atomic_export_and_kill_minus_9(demo_site, tmp_path):
    temp = tmp_path / "tmp"  # where the runs keep their crawl frontier
    temp.mkdir()
    env = {**ENV, "TMPDIR": str(temp)}
    slow = subprocess.Popen(crawl_command(f"url={demo_site.base_url}/", delay=0.3), cwd=tmp_path,
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        # while the first run exports, readers see only a .part file
        wait_for(lambda: any(p.stat().st_size for p in outputs(tmp_path, "*.jsonl.part")))
        assert not outputs(tmp_path, "*.jsonl")
        second = run(tmp_path, f"url={demo_site.base_url}/")
        assert second.returncode == EXIT_LOCKED
        assert "generic is already running" in second.stderr
        assert f"pid {slow.pid}" in second.stderr
        slow.send_signal(signal.SIGKILL)
        slow.wait(timeout=30)
    finally:
        if slow.poll() is None:
            slow.kill()
            slow.wait()
    # the killed run left no finished export, only its part file
    assert not outputs(tmp_path, "*.jsonl")
    assert outputs(tmp_path, "*.jsonl.part")
    (left,) = temp.glob("newscrawler-frontier-*")  # the killed run could not remove its queue
    third = run(tmp_path, f"url={demo_site.base_url}/feeds/latest.rss", "max_items=1", env=env)
    assert third.returncode == 0, third.stderr[-2000:]
    assert f"took over a stale lock (pid {slow.pid}" in third.stderr
    assert len(outputs(tmp_path, "*.jsonl")) == 1
    # the next run removed it, and its own at its end
    assert "Removed 1 crawl frontier folder(s) left by killed runs" in third.stderr
    assert not left.exists()
    assert not list(temp.iterdir())


@pytest.mark.parametrize("flag", ["-O", "-o"])
def test_cli_feed_replaces_the_default_export(demo_site, tmp_path, flag):
    result = run(tmp_path, f"url={demo_site.base_url}/feeds/latest.rss", "max_items=2",
                 flag, "today.jsonl")
    assert result.returncode == 0, result.stderr[-2000:]
    assert len((tmp_path / "today.jsonl").read_text().splitlines()) == 2
    assert (tmp_path / "today.summary.json").exists()
    assert not (tmp_path / "output").exists()
