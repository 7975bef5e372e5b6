"""Bytes to text: decide whether a file holds text, and in which encoding.

UTF-8 is tried first because nearly all current news text is UTF-8 and a strict UTF-8 decode
almost never succeeds on text in another encoding. Everything else goes through
charset-normalizer. Binary content is recognised by its magic number or by NUL and control
bytes, so a zip renamed .txt is rejected without ever being opened as an archive.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer


class Rejected(Exception):
    """A file that is not an article; reason is a short code, detail a sentence for people."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


# Leading bytes of formats that are never articles, with the name a person would use.
MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a zip archive"),
    (b"PK\x05\x06", "an empty zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-zip archive"),
    (b"Rar!\x1a\x07", "a rar archive"),
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Office document"),
    (b"SQLite format 3\x00", "a SQLite database"),
)

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Share of characters that may be control characters (other than tab, newline, carriage
# return and form feed) before text is judged binary.
MAX_CONTROL_SHARE = 0.01
SAMPLE_BYTES = 64 * 1024
WESTERN_ENCODINGS = ("cp1252", "latin_1", "iso8859_15")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def decode_bytes(raw: bytes) -> Decoded:
    """Decode an article's bytes, or raise Rejected with the reason it is not text."""
    if not raw.strip():
        raise Rejected("empty", "the file is empty or holds only white space")
    for magic, name in MAGIC_NUMBERS:
        if raw.startswith(magic):
            raise Rejected("binary", f"the file is {name}, not text")
    decoded = _decode_with_bom(raw) or _decode_utf16_without_bom(raw) or _decode_utf8(raw)
    if decoded is None:
        if b"\x00" in raw[:SAMPLE_BYTES]:
            raise Rejected("binary", "the file holds NUL bytes, so it is binary, not text")
        decoded = _decode_detected(raw)
    if _control_share(decoded.text[:SAMPLE_BYTES]) > MAX_CONTROL_SHARE:
        raise Rejected("binary", "more than 1% of the characters are control characters")
    if not decoded.text.strip():
        raise Rejected("empty", "the file decodes to white space only")
    return decoded


def _decode_with_bom(raw: bytes) -> Decoded | None:
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            body = raw if encoding == "utf-8-sig" else raw[len(bom) :]
            try:
                return Decoded(body.decode(encoding), encoding.removesuffix("-sig"))
            except UnicodeDecodeError as exc:
                raise Rejected(
                    "undecodable", f"the file starts with a {encoding} byte order mark but {exc.reason}"
                ) from exc
    return None


def _decode_utf8(raw: bytes) -> Decoded | None:
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        # A file cut in the middle of its last character is still UTF-8 text.
        if exc.start >= len(raw) - 3 and exc.reason == "unexpected end of data":
            return Decoded(raw[: exc.start].decode("utf-8"), "utf-8")
        return None


def _decode_utf16_without_bom(raw: bytes) -> Decoded | None:
    """UTF-16 text of Latin script has a NUL in every other byte; detect which half."""
    sample = raw[: SAMPLE_BYTES - SAMPLE_BYTES % 2]
    if len(sample) < 4 or len(raw) % 2:
        return None
    even_nuls = sample[0::2].count(0) / (len(sample) / 2)
    odd_nuls = sample[1::2].count(0) / (len(sample) / 2)
    for encoding, nul_share, other_share in (
        ("utf-16-le", odd_nuls, even_nuls),
        ("utf-16-be", even_nuls, odd_nuls),
    ):
        if nul_share > 0.7 and other_share < 0.05:
            try:
                return Decoded(raw.decode(encoding), encoding)
            except UnicodeDecodeError:
                return None
    return None


def _decode_detected(raw: bytes) -> Decoded:
    results = charset_normalizer.from_bytes(raw[: 4 * SAMPLE_BYTES])
    best = results.best()
    if best is None:
        raise Rejected("undecodable", "no text encoding fits the bytes of this file")
    # Short texts fit several single-byte code pages equally well; news in English and the
    # languages around it is far more often Windows-1252/Latin-1 than Baltic or Cyrillic pages.
    equally_good = [m for m in results if m.chaos <= best.chaos + 0.01]
    for preferred in WESTERN_ENCODINGS:
        match = next((m for m in equally_good if m.encoding == preferred), None)
        if match is not None:
            best = match
            break
    try:
        return Decoded(raw.decode(best.encoding), best.encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise Rejected("undecodable", f"the bytes look like {best.encoding} but do not decode as it") from exc


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    return len(CONTROL_CHARACTERS.findall(text)) / len(text)
