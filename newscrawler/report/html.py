"""The summary as one self-contained HTML file: inline CSS, inline SVG charts, inline JS.

Nothing is fetched when the file is opened: no CDN, no fonts, no images. The
item list holds at most ``html_items`` items (a uniform sample, said on the page),
so a multi-GB export makes a report of bounded size.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import Any

from newscrawler.report.summary import BAD_DATE, NO_DATE, Inspection
from newscrawler.report.text import per_period
from newscrawler.utils.terminal import printable

PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
           "#17becf", "#bcbd22", "#7f7f7f")
MAX_CHART_SOURCES = 9
"""Sources beyond the biggest this many are drawn together as "other"."""
OTHER = "(other sources)"

CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;
  margin:0;color:#1d2430;background:#f6f7f9}
header{background:#1d2430;color:#fff;padding:16px 28px}
header h1{margin:0 0 4px;font-size:22px}
header p{margin:0;color:#c9d1dc}
main{padding:8px 28px 40px;max-width:1250px}
section{background:#fff;border:1px solid #dde2e8;border-radius:6px;margin:18px 0;padding:12px 18px}
h2{font-size:17px;margin:4px 0 10px}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(330px,1fr));gap:0 28px}
table{border-collapse:collapse;margin:4px 0 12px;font-variant-numeric:tabular-nums}
th,td{padding:3px 10px 3px 0;text-align:left;vertical-align:top;border-bottom:1px solid #eef0f3}
th{font-weight:600;color:#4a5566}
td.n{text-align:right}
.stats{display:flex;flex-wrap:wrap;gap:12px;margin:6px 0}
.stat{background:#f0f3f7;border-radius:6px;padding:8px 14px;min-width:110px}
.stat b{display:block;font-size:20px}
.legend span{display:inline-block;margin:0 14px 4px 0}
.legend i{display:inline-block;width:11px;height:11px;margin-right:5px;vertical-align:-1px}
.note{color:#5b6675;font-size:13px}
.bad{color:#b3261e}
svg text{font:11px system-ui,"DejaVu Sans",sans-serif;fill:#333}
#q{font-size:15px;padding:6px 10px;width:min(480px,90%);border:1px solid #b8c2ce;border-radius:5px}
#items{list-style:none;padding:0;margin:10px 0}
#items li{border-top:1px solid #e5e9ee;padding:8px 0}
#items li[hidden]{display:none}
.title{font-weight:600;font-size:15px}
.meta{color:#5b6675;font-size:12.5px}
.body p{margin:6px 0;max-width:80ch}
details summary{cursor:pointer;color:#1f5fa8;font-size:13px}
"""

SCRIPT = """
(function(){
  var q=document.getElementById('q'), list=document.getElementById('items');
  if(!q||!list)return;
  var items=Array.prototype.slice.call(list.querySelectorAll('li.item'));
  var texts=items.map(function(li){return li.textContent.toLowerCase();});
  var shown=document.getElementById('shown');
  function apply(){
    var words=q.value.toLowerCase().split(/\\s+/).filter(Boolean), n=0;
    items.forEach(function(li,i){
      var ok=words.every(function(w){return texts[i].indexOf(w)>=0;});
      li.hidden=!ok; if(ok)n++;
    });
    shown.textContent=n;
    list.setAttribute('data-shown',n);
  }
  function fromHash(){
    var m=/(?:^#|&)q=([^&]*)/.exec(location.hash);
    if(m){q.value=decodeURIComponent(m[1].replace(/\\+/g,' '));}
    apply();
  }
  q.addEventListener('input',function(){
    history.replaceState(null,'',q.value?'#q='+encodeURIComponent(q.value):location.pathname);
    apply();
  });
  window.addEventListener('hashchange',fromHash);
  fromHash();
})();
"""


def _e(value: Any) -> str:
    """``value`` as HTML text; controls, bidi overrides and lone surrogates shown as ``\\uXXXX``.

    A bidi override would reverse what follows it in the page, and a lone
    surrogate (``"\\ud800"`` in the JSON) cannot be written as UTF-8 at all.
    """
    return escape(printable(str(value), keep_newlines=True), quote=True)


def axis_ticks(peak: int, count: int = 4) -> list[int]:
    """Round, whole-number ticks from 0 to at or above ``peak``.

    >>> axis_ticks(9), axis_ticks(3), axis_ticks(1234)
    ([0, 5, 10], [0, 1, 2, 3], [0, 500, 1000, 1500])
    """
    rough = max(peak, 1) / count
    magnitude = 10 ** math.floor(math.log10(rough)) if rough >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= rough)
    step = max(int(step), 1)
    return list(range(0, math.ceil(max(peak, 1) / step) * step + 1, step))


def stacked_bars_svg(per_period_source: dict[str, dict[str, int]], sources: list[str],
                     colours: dict[str, str], *, chart_id: str, label: str) -> str:
    """Vertical bars, one per period, stacked by source."""
    if not per_period_source:
        return (f'<svg id="{chart_id}" class="chart" width="600" height="60" role="img" '
                f'aria-label="{_e(label)}"><text x="10" y="35">No dated items</text></svg>')
    width, height = 1160, 320
    left, right, top, bottom = 56, 12, 14, 74
    plot_w, plot_h = width - left - right, height - top - bottom
    periods = list(per_period_source)
    peak = max(sum(by_source.values()) for by_source in per_period_source.values())
    ticks = axis_ticks(peak)
    top_value = ticks[-1]
    slot = plot_w / len(periods)
    bar_w = max(slot * 0.8, 1.0)
    parts = [(f'<svg id="{chart_id}" class="chart" xmlns="http://www.w3.org/2000/svg" '
              f'viewBox="0 0 {width} {height}" width="100%" role="img" '
              f'aria-label="{_e(label)}">')]
    for value in ticks:
        y = top + plot_h - plot_h * value / top_value
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" '
                     f'stroke="#e3e7ec"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">'
                     f'{value:,}</text>')
    label_every = max(1, math.ceil(len(periods) / 40))
    for index, period in enumerate(periods):
        x = left + index * slot + (slot - bar_w) / 2
        y = top + plot_h
        for source in sources:
            count = per_period_source[period].get(source, 0)
            if not count:
                continue
            h = plot_h * count / top_value
            y -= h
            parts.append(f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" '
                         f'height="{h:.1f}" fill="{colours[source]}"><title>{_e(period)} · '
                         f'{_e(source)}: {count:,}</title></rect>')
        if index % label_every == 0:
            cx = x + bar_w / 2
            ly = top + plot_h + 12
            parts.append(f'<text x="{cx:.1f}" y="{ly}" text-anchor="end" '
                         f'transform="rotate(-45 {cx:.1f} {ly})">{_e(period)}</text>')
    parts.append(f'<line x1="{left}" x2="{width - right}" y1="{top + plot_h}" '
                 f'y2="{top + plot_h}" stroke="#888"/>')
    parts.append("</svg>")
    return "".join(parts)


def horizontal_bars_svg(rows: list[tuple[str, int]], *, chart_id: str, label: str,
                        empty: str, colour: str = "#d62728") -> str:
    """One labelled horizontal bar per row."""
    if not rows:
        return (f'<svg id="{chart_id}" class="chart" width="600" height="40" role="img" '
                f'aria-label="{_e(label)}"><text x="10" y="25">{_e(empty)}</text></svg>')
    row_h, label_w, width = 26, 210, 760
    height = row_h * len(rows) + 10
    peak = max(count for _, count in rows) or 1
    plot_w = width - label_w - 80
    parts = [(f'<svg id="{chart_id}" class="chart" xmlns="http://www.w3.org/2000/svg" '
              f'viewBox="0 0 {width} {height}" width="100%" style="max-width:{width}px" '
              f'role="img" '
              f'aria-label="{_e(label)}">')]
    for index, (name, count) in enumerate(rows):
        y = 5 + index * row_h
        w = max(plot_w * count / peak, 1.0)
        parts.append(f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end">'
                     f'{_e(name[:34])}</text>')
        parts.append(f'<rect class="bar" x="{label_w}" y="{y + 3}" width="{w:.1f}" '
                     f'height="{row_h - 8}" fill="{colour}"><title>{_e(name)}: {count:,}'
                     f'</title></rect>')
        parts.append(f'<text x="{label_w + w + 6:.1f}" y="{y + 16}">{count:,}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _table(headers: list[str], rows: list[list[Any]], *, numeric_from: int = 1,
           table_id: str | None = None) -> str:
    if not rows:
        return '<p class="note">(none)</p>'
    ident = f' id="{table_id}"' if table_id else ""
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = []
    for row in rows:
        cells = []
        for index, cell in enumerate(row):
            number = isinstance(cell, int) and not isinstance(cell, bool)
            text = f"{cell:,}" if number else cell
            css = ' class="n"' if number and index >= numeric_from else ""
            cells.append(f"<td{css}>{_e('' if text is None else text)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table{ident}><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _or_dash(value: Any) -> Any:
    return "-" if value is None else value


def _pct(count: int, total: int) -> str:
    return f"{count / total:.1%}" if total else "-"


def _chart_series(totals: dict[str, Any]) -> tuple[str, dict[str, dict[str, int]], list[str]]:
    """(period name, {period: {source: n}}, sources biggest first) for the per-day chart."""
    period, _ = per_period(totals["per_day"])
    ranked = list(totals["per_source"])
    kept = ranked if len(ranked) <= MAX_CHART_SOURCES + 1 else ranked[:MAX_CHART_SOURCES]
    series: dict[str, dict[str, int]] = {}
    for day, by_source in totals["per_day_source"].items():
        if day in (NO_DATE, BAD_DATE):
            continue
        key = day if period == "day" else day[:7]
        bucket = series.setdefault(key, {})
        for source, count in by_source.items():
            name = source if source in kept else OTHER
            bucket[name] = bucket.get(name, 0) + count
    sources = kept + ([OTHER] if len(kept) < len(ranked) else [])
    return period, dict(sorted(series.items())), sources


def _item_html(item: dict[str, Any]) -> str:
    meta = [str(item.get("source") or "(no source)"), str(item.get("published") or "(no date)")]
    if item.get("language"):
        meta.append(str(item["language"]))
    if item.get("flags"):
        meta.append("flags: " + ", ".join(map(str, item["flags"])))
    body = str(item.get("body") or "")
    paragraphs = "".join(f"<p>{_e(p)}</p>" for p in body.split("\n\n") if p.strip())
    url = str(item.get("url") or "")
    link = (f'<a href="{_e(url)}" rel="noreferrer">{_e(url)}</a>'
            if url.startswith(("http://", "https://")) else _e(url))
    return (f'<li class="item"><div class="title">{_e(item.get("title") or "(no title)")}</div>'
            f'<div class="meta">{_e(" · ".join(meta))}</div>'
            f'<div class="meta">{link} · {_e(item.get("file"))}:{_e(item.get("line"))}</div>'
            f"<details><summary>Full text ({len(body):,} characters)</summary>"
            f'<div class="body">{paragraphs}</div></details></li>')


def render_html(inspection: Inspection) -> str:
    data = inspection.as_dict()
    totals = data["totals"]
    n = totals["items"]
    generated = datetime.now(UTC).replace(microsecond=0).isoformat()
    period, series, sources = _chart_series(totals)
    colours = {source: PALETTE[i % len(PALETTE)] for i, source in enumerate(sources)}
    if OTHER in colours:
        colours[OTHER] = "#b0b7c0"
    undated = totals["per_day"].get(NO_DATE, 0) + totals["per_day"].get(BAD_DATE, 0)
    grep = (f" — only what matches “{_e(inspection.grep)}”" if inspection.grep else "")

    out: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # no network, ever: nothing on this page may be loaded from elsewhere
        ("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">"),
        f"<title>newscrawler inspect: {n:,} items</title><style>{CSS}</style></head><body>",
        (f"<header><h1>newscrawler inspect{grep}</h1>"
         f"<p>{_e(', '.join(inspection.paths))} · generated {_e(generated)}</p></header><main>"),
    ]

    published = totals["published"]
    stats = [("runs", totals["runs"]), ("items", n), ("rejects", totals["rejects_total"]),
             ("bad lines", totals["bad_lines"]), ("sources", len(totals["per_source"])),
             ("flagged items", totals["flagged_items"])]
    if inspection.validated:
        stats.append(("invalid lines", inspection.invalid_line_count))
    out.append('<section id="overview"><h2>Overview</h2><div class="stats">')
    out += [f'<div class="stat"><b>{value:,}</b>{_e(name)}</div>' for name, value in stats]
    out.append("</div>")
    out.append(f'<p>Published from <b>{_e(published["first"] or "-")}</b> to '
               f'<b>{_e(published["last"] or "-")}</b> ({published["dated"]:,} of {n:,} items '
               f'dated). Fetched from {_e(totals["fetched"]["first"] or "-")} to '
               f'{_e(totals["fetched"]["last"] or "-")}.</p></section>')

    run_rows = []
    for run in data["runs"]:
        run_rows.append([run["export"] or run["rejects_file"] or run["summary_file"],
                         run["items"], sum(run["rejects"].values()), run["bad_lines"],
                         run["published"]["first"] or "-", run["published"]["last"] or "-",
                         run["finish_reason"] or "-",
                         "-" if run["exit_status"] is None else str(run["exit_status"]),
                         _or_dash(run["pages_fetched"]), _or_dash(run["retries"]),
                         ", ".join(f"{k}: {v}" for k, v in (run["http_errors"] or {}).items())
                         or "-",
                         "-" if run["duration_seconds"] is None
                         else f'{run["duration_seconds"]:,.0f} s',
                         "; ".join(run["notes"])])
    out.append('<section id="runs"><h2>Runs</h2>')
    out.append(_table(["run", "items", "rejects", "bad lines", "first published",
                       "last published", "finish reason", "exit status", "pages fetched",
                       "retries", "HTTP errors", "duration", "notes"],
                      run_rows, table_id="runs-table"))
    out.append("</section>")

    out.append(f'<section id="per-day"><h2>Items per {period} per source</h2>')
    out.append(stacked_bars_svg(series, sources, colours, chart_id="chart-per-day",
                                label=f"Items per {period} per source"))
    out.append('<div class="legend">' + "".join(
        f'<span><i style="background:{colours[s]}"></i>{_e(s)}</span>' for s in sources) + "</div>")
    if undated:
        out.append(f'<p class="note">{undated:,} item(s) without a readable publication date are not '
                   "drawn.</p>")
    out.append('<p class="note">Days are the dates the sources print (their local time).</p>')
    out.append("</section>")

    reject_rows = list(totals["rejects"].items())
    out.append('<section id="rejects"><h2>Rejects per reason</h2>')
    out.append(horizontal_bars_svg(reject_rows, chart_id="chart-rejects",
                                   label="Rejects per reason", empty="No rejected pages"))
    out.append('<div class="grid"><div><h2>Blocked per vendor</h2>')
    out.append(_table(["vendor", "pages"], [list(r) for r in totals["blocked"].items()]))
    out.append("</div><div><h2>Duplicates</h2>")
    out.append(_table(["kind", "count"], [
        ["dropped as duplicate (rejects)", totals["duplicates_rejected"]],
        ["exported with duplicate_of", totals["duplicates_marked"]],
        ["repeated ids in the exports", totals["repeated_ids"]],
        *[[f"match: {k}", v] for k, v in totals["duplicate_match"].items()],
    ]))
    out.append("</div></div></section>")

    body = totals["body_length"]
    out.append('<section id="tables"><div class="grid"><div><h2>Items per source</h2>')
    out.append(_table(["source", "items", "share"],
                      [[s, c, _pct(c, n)] for s, c in totals["per_source"].items()]))
    out.append("<h2>Field coverage</h2>")
    out.append(_table(["field", "items with a value"],
                      [[f + (" (not in schema)" if f in totals["fields_not_in_schema"] else ""),
                        f"{share:.1%}"] for f, share in totals["coverage"].items()],
                      table_id="coverage-table"))
    out.append("</div><div><h2>Body length (characters)</h2>")
    if body["min"] is not None:
        out.append(f'<p>min {body["min"]:,} · p10 {body["p10"]:,} · median {body["median"]:,}'
                   f' · p90 {body["p90"]:,} · max {body["max"]:,} · mean {body["mean"]:,}</p>')
    out.append(horizontal_bars_svg(list(body["histogram"].items()), chart_id="chart-body",
                                   label="Body length", empty="No items", colour="#1f77b4"))
    out.append("<h2>Flags</h2>")
    out.append(_table(["flag", "items"], [list(r) for r in totals["flags"].items()]))
    out.append("<h2>Languages</h2>")
    out.append(_table(["language", "items"], [list(r) for r in totals["languages"].items()]))
    out.append("<h2>HTTP status</h2>")
    out.append(_table(["status", "items"], [list(r) for r in totals["http_status"].items()]))
    out.append("</div></div></section>")

    if data["bad_lines"] or inspection.validated:
        out.append('<section id="problems"><h2>Bad lines</h2>')
        out.append(_table(["file", "line", "error"],
                          [[b["file"], b["line"], b["error"]] for b in data["bad_lines"]],
                          numeric_from=1))
        if inspection.validated:
            out.append(f"<h2>Validation: {inspection.invalid_line_count:,} invalid line(s)</h2>")
            out.append(_table(["file", "line", "errors"],
                              [[str(i.path), i.line, "; ".join(i.errors)]
                               for i in inspection.invalid_lines]))
        out.append("</section>")

    listed = inspection.listed
    if len(listed) < n:
        about = (f"{len(listed):,} of {n:,} items are listed: a uniform sample "
                 f"(<code>--html-items {inspection.html_items}</code> sets how many).")
    else:
        about = f"All {n:,} items are listed."
    out.append(f'<section id="item-list"><h2>Items</h2><p class="note">{about}</p>')
    out.append('<input id="q" type="search" placeholder="Search titles, sources and text" '
               'aria-label="Search items"> <span class="note"><span id="shown">'
               f"{len(listed):,}</span> shown</span>")
    out.append(f'<ol id="items" data-total="{len(listed)}">')
    out += [_item_html(item) for item in listed]
    out.append(f"</ol></section></main><script>{SCRIPT}</script></body></html>")
    return "\n".join(out)


def write_html(inspection: Inspection, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(inspection), encoding="utf-8")
