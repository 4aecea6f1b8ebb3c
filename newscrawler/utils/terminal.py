"""Untrusted text made safe to print: control characters shown as ``\\uXXXX``, never sent.

Exports hold what web pages said. Printed as they are, an ESC, OSC or CSI
sequence in a title would drive the reader's terminal (retitle it, recolour it,
hide lines), and a bidi override would make the text that follows read
backwards. :func:`printable` replaces each such character with the six
characters ``\\uXXXX``; the same form is a valid escape inside a JSON string,
so one helper serves text and ``--json`` output alike (control characters can
only occur inside strings there).
"""

from __future__ import annotations

import re
from typing import IO, Any

_OTHER_UNSAFE = (
    "\x7f-\x9f"  # DEL and the C1 controls (U+009B is an 8-bit CSI, U+009D an OSC)
    "\u2028\u2029"  # line and paragraph separators: a line break to some readers
    "\u202a-\u202e\u2066-\u2069"  # bidi embeddings, overrides and isolates
    "\ud800-\udfff"  # lone surrogates (from "\\ud800" in JSON): no encoding can print them
)
# C0 controls (ESC, BEL, CR, TAB, ...), with or without the newline
_UNSAFE_CHARS = re.compile(f"[\x00-\x1f{_OTHER_UNSAFE}]")
_UNSAFE_KEEP_NEWLINE = re.compile(f"[\x00-\x09\x0b-\x1f{_OTHER_UNSAFE}]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def printable(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with every control, bidi-override and lone-surrogate character escaped.

    >>> printable("Title\\x1b]0;owned\\x07 \\u202egnp.exe")
    'Title\\\\u001b]0;owned\\\\u0007 \\\\u202egnp.exe'
    >>> printable("two\\nlines\\tand a tab"), printable("a\\nb", keep_newlines=True)
    ('two\\\\u000alines\\\\u0009and a tab', 'a\\nb')
    >>> printable("Café — 東京 ‘quotes’ \\u200f")  # text, punctuation, marks: untouched
    'Café — 東京 ‘quotes’ \\u200f'
    """
    pattern = _UNSAFE_KEEP_NEWLINE if keep_newlines else _UNSAFE_CHARS
    return pattern.sub(_escape, text)


class SafeStream:
    """A text stream that escapes what :func:`printable` escapes (newlines pass).

    Wrapped around stdout and stderr at the edge of a command, so no call site
    can forget. Characters the stream's encoding cannot hold are written as
    backslash escapes instead of raising.
    """

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        safe = printable(text, keep_newlines=True)
        try:
            return self.stream.write(safe)
        except UnicodeEncodeError:
            encoding = getattr(self.stream, "encoding", None) or "ascii"
            return self.stream.write(
                safe.encode(encoding, "backslashreplace").decode(encoding))

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()


def printable_data(value: Any) -> Any:
    """``value`` with :func:`printable` applied to every string in it, keys too.

    For reports where each value is printed on one line of a table: a newline
    inside a value could otherwise forge a line of the report.

    >>> printable_data({"src\\x1b": ["a\\nb", 3, None]})
    {'src\\\\u001b': ['a\\\\u000ab', 3, None]}
    """
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {printable_data(key): printable_data(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [printable_data(item) for item in value]
    return value
