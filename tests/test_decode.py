import os

import pytest

from wirefacts.text.decode import Rejected, decode_bytes

SENTENCE = "Le ministre français du Commerce extérieur a rencontré son homologue à Pékin.\n"


def test_utf8_is_read_as_utf8():
    decoded = decode_bytes(SENTENCE.encode("utf-8"))
    assert decoded.encoding == "utf-8"
    assert decoded.text == SENTENCE


def test_latin1_text_is_detected_and_decoded():
    raw = (SENTENCE * 5).encode("latin-1")
    decoded = decode_bytes(raw)
    assert "ministre français" in decoded.text
    assert decoded.encoding != "utf-8"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_byte_order_mark(encoding):
    text = "Japan's trade surplus rose to 8.14 billion dlrs in March.\n"
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.text == text
    assert decoded.encoding == encoding


def test_utf16_with_byte_order_mark():
    text = "Wheat exports fell 12 pct."
    assert decode_bytes(text.encode("utf-16")).text == text


def test_utf8_cut_in_the_middle_of_the_last_character_is_kept():
    raw = "Prices rose to 58 € per tonne €".encode()[:-1]
    assert decode_bytes(raw).text.startswith("Prices rose to 58 € per tonne")


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t \n", "empty"),
        (os.urandom(4096), "binary"),
        (b"PK\x03\x04" + b"\x00" * 100, "binary"),
        (b"%PDF-1.7 rest of a pdf", "binary"),
        (b"text with a NUL \x00 byte in the middle of otherwise plain words, twice \x00", "binary"),
    ],
)
def test_rejections_carry_a_reason(raw, reason):
    with pytest.raises(Rejected) as caught:
        decode_bytes(raw)
    assert caught.value.reason == reason
    assert caught.value.detail
