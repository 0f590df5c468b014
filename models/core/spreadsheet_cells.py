"""Spreadsheet cells we write and read: formula injection neutralised (OWASP CSV injection rule, issue 16 item 5).

A value starting with = + - @ TAB or CR is a formula to Excel and WPS (`=HYPERLINK(…)`, `@SUM(…)|cmd`); a
leading apostrophe makes it text. Import strips that one apostrophe again, so an exported roster re-imports
unchanged.
"""
from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """The value as a spreadsheet shows it literally."""
    return "'" + value if _needs_quote(value) else value


def restore(value: str) -> str:
    """The inverse of `neutralise` for a cell read back from one of our exports."""
    return value[1:] if value.startswith("'") and _needs_quote(value[1:]) else value


def _needs_quote(value: str) -> bool:
    """A formula start, or apostrophes before one (so a value that looks neutralised already comes back exact)."""
    return value.startswith(FORMULA_STARTS) or (value.startswith("'") and _needs_quote(value[1:]))
