"""The check every settings object of the library makes when it is made."""

from __future__ import annotations

from dataclasses import fields


def check_shares_and_counts(settings: object, what: str) -> None:
    """Refuse a float field outside 0..1 (a share) and an int field below 0 (a count), by name."""
    for f in fields(settings):
        value = getattr(settings, f.name)
        if f.type == "float" and not (isinstance(value, (int, float)) and 0 <= value <= 1):
            raise ValueError(f"{what} setting {f.name} is {value!r}: a share between 0 and 1")
        if f.type == "int" and not (isinstance(value, int) and value >= 0):
            raise ValueError(f"{what} setting {f.name} is {value!r}: a whole number of at least 0")
