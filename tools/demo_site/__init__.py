"""Generator of the Harbour Wire demo site (``newscrawler/demo/site/``) and its manifest.

    python -m tools.demo_site            # rewrite newscrawler/demo/site/ and manifest.json
    python -m tools.demo_site --check    # exit 1 and name the stale files
    python -m tools.demo_site --out DIR  # render into DIR (site/ and manifest.json)

Only the rendered site, its manifest and ``newscrawler/demo/server.py`` are installed; this
package is how they are made.  The output is deterministic (no clocks, no randomness).
"""
