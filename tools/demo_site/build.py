"""Render the whole demo site in memory, then write it or name the files that differ from it."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tools.demo_site import feeds, listings, odd_pages, paths
from tools.demo_site.manifest import build_manifest, check_invariants
from tools.demo_site.stories import STORIES
from tools.demo_site.story_pages import render_story
from tools.demo_site.structure import (
    LISTINGS,
    ROUTES,
    SITEMAP_2019,
    SITEMAP_2025,
    author_pages,
    tag_pages,
)

DEMO_DIR = Path(__file__).resolve().parents[2] / "newscrawler" / "demo"
"""Where the installed package keeps the rendered site (``site/``) and ``manifest.json``."""
CSS_FILE = Path(__file__).resolve().parent / "site.css"
COMMAND = "python -m tools.demo_site"


def file_for(path: str) -> str:
    """The file that serves a URL path: ``/markets/`` is ``markets/index.html``."""
    rel = path.lstrip("/")
    if not rel or rel.endswith("/"):
        rel += "index.html"
    return rel


def site_files() -> dict[str, str]:
    """Every file of ``site/``: relative path -> content."""
    pages = {story.path: render_story(story) for story in STORIES}
    pages[paths.SOFT404] = odd_pages.render_soft404()
    pages[paths.EXPIRED] = odd_pages.render_expired()
    pages[paths.GONE] = odd_pages.render_gone()
    pages[paths.EMPTY_SHELL] = odd_pages.render_empty_shell()
    pages[paths.PRIVATE] = odd_pages.render_private()
    for path, spec in LISTINGS.items():
        pages[path] = listings.render_listing(path, spec)
    for path, (heading, intro, links) in {**tag_pages(), **author_pages()}.items():
        pages[path] = listings.render_hub(path, heading, intro, links)

    files = {file_for(path): html_text for path, html_text in pages.items()}
    files["robots.txt"] = feeds.render_robots()
    files["sitemap_index.xml"] = feeds.render_sitemap_index()
    files["sitemaps/stories-2025.xml"] = feeds.render_urlset(SITEMAP_2025)
    files["sitemaps/stories-2019.xml"] = feeds.render_urlset(SITEMAP_2019)
    files["news-sitemap.xml"] = feeds.render_news_sitemap()
    files["feeds/latest.rss"] = feeds.render_rss()
    files["feeds/markets.atom"] = feeds.render_atom()
    files["static/site.css"] = CSS_FILE.read_text(encoding="utf-8")
    files["_routes.json"] = json.dumps(ROUTES, indent=2, sort_keys=True) + "\n"
    return files


def render() -> dict[str, str]:
    """Every output file relative to the demo folder: ``site/...`` and ``manifest.json``."""
    files = site_files()
    manifest = build_manifest(files)
    check_invariants(manifest)  # edits to the content must not break what the demo shows
    rendered = {f"site/{rel}": text for rel, text in files.items()}
    rendered["manifest.json"] = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    return rendered


def stored_files(out_dir: Path) -> set[str]:
    """The files under ``out_dir`` this generator owns (``site/`` and the manifest)."""
    site = out_dir / "site"
    stored = {p.relative_to(out_dir).as_posix() for p in site.rglob("*") if p.is_file()}
    if (out_dir / "manifest.json").is_file():
        stored.add("manifest.json")
    return stored


def stale_files(rendered: dict[str, str], out_dir: Path = DEMO_DIR) -> list[str]:
    """Files that differ from the rendering, are missing, or should not be there."""
    stale = [
        rel
        for rel, text in rendered.items()
        if not (out_dir / rel).is_file() or (out_dir / rel).read_text(encoding="utf-8") != text
    ]
    stale.extend(sorted(stored_files(out_dir) - set(rendered)))
    return sorted(stale)


def write(rendered: dict[str, str], out_dir: Path = DEMO_DIR) -> None:
    """Replace ``site/`` and ``manifest.json`` under ``out_dir`` with the rendering."""
    for rel in stored_files(out_dir) - set(rendered):
        (out_dir / rel).unlink()
    for rel, text in sorted(rendered.items()):
        target = out_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")
    for folder in sorted((out_dir / "site").rglob("*"), reverse=True):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


def main(argv: list[str] | None = None) -> int:
    """The command line: render, then write, or with ``--check`` only compare."""
    parser = argparse.ArgumentParser(prog=COMMAND, description=__doc__)
    parser.add_argument("--check", action="store_true", help="only name the stale files")
    parser.add_argument(
        "--out",
        type=Path,
        default=DEMO_DIR,
        help="folder for site/ and manifest.json (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    rendered = render()
    if args.check:
        stale = stale_files(rendered, args.out)
        for rel in stale:
            print(f"stale: {rel}")
        return 1 if stale else 0
    write(rendered, args.out)
    print(f"wrote {len(rendered)} files to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
