"""Reading a source folder: documents, rejections with their reasons, limits, links and copies."""

import hashlib
import os

import pytest

from wirefacts.parallel import run_all
from wirefacts.text.ingest import (
    DOC_ID_LENGTH,
    Document,
    Rejection,
    Unchanged,
    document_id,
    parse_bytes,
    read_file,
    scan_folder,
)

PARAGRAPH = (
    "TOKYO, March 27 - Japan's trade surplus rose to 8.14 billion dlrs in February from 5.83 billion "
    "in January, the Finance Ministry said."
)
# Wire copy as Reuters sent it: headline line, dateline paragraph, trailing REUTER.
WIRE = (
    f"JAPAN'S TRADE SURPLUS RISES IN FEBRUARY\n\n{PARAGRAPH}\n"
    "    Exports rose 2.8 pct from a year earlier while imports fell 11.5 pct, the ministry said.\n"
    " REUTER\n"
)


def scan(folder, **limits):
    return {r.source_path: r for r in scan_folder(folder, **limits)}


def sha256(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def test_a_wire_story_is_a_document_with_headline_body_and_sentences(tmp_path):
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "tokyo.txt").write_text(WIRE, encoding="utf-8")
    (doc,) = scan(tmp_path).values()
    assert isinstance(doc, Document)
    assert (doc.source_path, doc.encoding, doc.content_type) == ("wire/tokyo.txt", "utf-8", "text")
    assert doc.content_sha256 == sha256(WIRE.encode())
    assert doc.doc_id == document_id("wire/tokyo.txt", doc.content_sha256)
    assert doc.title == "JAPAN'S TRADE SURPLUS RISES IN FEBRUARY"
    assert doc.body.startswith(PARAGRAPH) and "REUTER" not in doc.body
    sentences = [doc.body[s:e] for s, e in doc.sentence_spans]
    assert len(sentences) == 2 and sentences[0] == PARAGRAPH
    assert (
        sentences[1]
        == "Exports rose 2.8 pct from a year earlier while imports fell 11.5 pct, the ministry said."
    )


def test_a_document_id_is_a_short_hash_of_both_its_path_and_its_bytes():
    sha = sha256(PARAGRAPH.encode())
    other = sha256(PARAGRAPH.replace("8.14", "8.41").encode())
    doc_id = document_id("wire/tokyo.txt", sha)
    assert len(doc_id) == DOC_ID_LENGTH == 16 and int(doc_id, 16) >= 0
    assert doc_id == document_id("wire/tokyo.txt", sha)
    assert doc_id != document_id("resent/tokyo.txt", sha)
    assert doc_id != document_id("wire/tokyo.txt", other)


def test_the_content_hash_is_of_the_bytes_on_disk_not_of_the_decoded_text(tmp_path):
    (tmp_path / "plain.txt").write_bytes(PARAGRAPH.encode())
    (tmp_path / "marked.txt").write_bytes(b"\xef\xbb\xbf" + PARAGRAPH.encode())
    docs = scan(tmp_path)
    assert docs["plain.txt"].body == docs["marked.txt"].body == PARAGRAPH
    assert docs["plain.txt"].encoding == docs["marked.txt"].encoding == "utf-8"
    assert docs["plain.txt"].content_sha256 == sha256(PARAGRAPH.encode())
    assert docs["marked.txt"].content_sha256 == sha256(b"\xef\xbb\xbf" + PARAGRAPH.encode())


def test_byte_identical_copies_are_each_their_own_document_or_rejection(tmp_path):
    (tmp_path / "resent").mkdir()
    for folder in (tmp_path, tmp_path / "resent"):
        (folder / "tokyo.txt").write_text(WIRE, encoding="utf-8")
        (folder / "blank.txt").write_bytes(b" \n\n ")
    found = scan(tmp_path)
    first, copy = found["tokyo.txt"], found["resent/tokyo.txt"]
    assert first.content_sha256 == copy.content_sha256 and first.body == copy.body
    assert first.doc_id == document_id("tokyo.txt", first.content_sha256)
    assert copy.doc_id == document_id("resent/tokyo.txt", first.content_sha256)
    blank, blank_copy = found["blank.txt"], found["resent/blank.txt"]
    assert isinstance(blank_copy, Rejection)
    assert (blank.reason, blank_copy.reason) == ("empty", "empty")
    assert blank.sha256 == blank_copy.sha256 == sha256(b" \n\n ")


def test_a_page_is_parsed_by_its_own_extension_when_a_copy_has_another(tmp_path):
    # A page saved by a browser starts with a "saved from url" comment, not with <html>.
    page = (
        "<!-- saved from url=(0041)https://www.reuters.com/article/japan-trade -->\n"
        "<html><head><title>Japan's trade surplus rises</title></head><body><nav>Home | Markets</nav>"
        f"<article><h1>Japan's trade surplus rises</h1><p>{PARAGRAPH}</p>"
        "<p>Exports rose 2.8 pct from a year earlier while imports fell 11.5 pct, the ministry said.</p>"
        "</article></body></html>"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    alone = scan(tmp_path)["page.html"]
    assert alone.content_type == "html" and "<nav>" not in alone.body
    (tmp_path / "archive.txt").write_text(page, encoding="utf-8")  # read before page.html
    beside_a_copy = scan(tmp_path)["page.html"]
    assert (beside_a_copy.content_type, beside_a_copy.body) == ("html", alone.body)


def test_a_file_at_the_size_limit_is_read_and_one_byte_over_is_too_large(tmp_path):
    raw = WIRE.encode()
    (tmp_path / "tokyo.txt").write_bytes(raw)
    assert isinstance(scan(tmp_path, max_file_bytes=len(raw))["tokyo.txt"], Document)
    rejected = scan(tmp_path, max_file_bytes=len(raw) - 1)["tokyo.txt"]
    assert (rejected.reason, rejected.sha256) == ("too_large", None)
    assert rejected.detail == f"{len(raw)} bytes is over the limit of {len(raw) - 1} bytes per file"


def test_files_past_the_file_limit_are_rejected_in_walking_order(tmp_path):
    # Files of a folder come before its sub-folders, each in name order.
    (tmp_path / "0-archive").mkdir()
    (tmp_path / "0-archive" / "march.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "tokyo.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "beijing.txt").write_text(WIRE.replace("TOKYO", "BEIJING"), encoding="utf-8")
    results = list(scan_folder(tmp_path, max_files=2))
    assert [r.source_path for r in results] == ["beijing.txt", "tokyo.txt", "0-archive/march.txt"]
    assert all(isinstance(r, Document) for r in results[:2])
    assert (results[2].reason, results[2].detail) == ("over_file_limit", "the run reads at most 2 files")


def test_the_folders_outlet_map_is_listed_as_source_metadata_not_read_as_an_article(tmp_path):
    (tmp_path / "outlets.csv").write_text("pattern,outlet\nwire/,Reuters\n", encoding="utf-8")
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "tokyo.txt").write_text(WIRE, encoding="utf-8")
    found = scan(tmp_path)
    assert (found["outlets.csv"].reason, found["outlets.csv"].sha256) == ("source_metadata", None)
    assert isinstance(found["wire/tokyo.txt"], Document)


def test_a_file_already_loaded_with_the_same_bytes_is_only_hashed(tmp_path):
    (tmp_path / "tokyo.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "resent.txt").write_text(WIRE, encoding="utf-8")
    sha = sha256(WIRE.encode())
    found = scan_folder(tmp_path, loaded={"tokyo.txt": sha, "resent.txt": sha256(b"an older version")})
    results = {r.source_path: r for r in found}
    assert results["tokyo.txt"] == Unchanged("tokyo.txt", sha)
    assert isinstance(results["resent.txt"], Document) and results["resent.txt"].content_sha256 == sha


@pytest.mark.parametrize(
    ("name", "raw", "reason", "detail"),
    [
        ("blank.txt", b"\n   \n\t\n", "empty", "the file is empty or holds only white space"),
        ("chart.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary", "the file is a PNG image, not text"),
        ("dump.txt", b"TOKYO\x00\x00\x00\x01\x02" * 40, "binary", "more than 1% of the characters are control characters"),
        ("cp1252.txt", b"\x93Tokyo\x94\x00" * 40, "binary", "the file holds NUL bytes, so it is binary, not text"),
        ("chart.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "not_text", "a .png file whose bytes are not text"),
        ("README", b"\x1f\x8b\x08\x00" + bytes(range(256)), "not_text", "an extension-less file whose bytes are not text"),
        ("share.txt", b"Share\n\nTweet\n\nSubscribe to our newsletter\n\n\xc2\xa9 2025 News\n", "no_article",
         "no article text was found once site furniture was removed"),
    ],
)  # fmt: skip
def test_a_file_that_is_no_article_is_rejected_with_its_reason_and_hash(tmp_path, name, raw, reason, detail):
    (tmp_path / name).write_bytes(raw)
    (rejection,) = scan_folder(tmp_path)
    assert rejection == Rejection(name, reason, detail, sha256(raw))


def test_parsed_files_do_not_depend_on_the_number_of_workers():
    page = (
        "<html><head><title>Japan trade surplus rises</title></head><body><nav>Home | World</nav>"
        f"<article><h1>Japan trade surplus rises</h1><p>{PARAGRAPH}</p>"
        "<p>Exports rose 2.8 pct from a year earlier while imports fell 11.5 pct.</p></article>"
        "<footer>Subscribe to our newsletter</footer></body></html>"
    )
    files = [
        (WIRE.encode(), ".txt", "tokyo.txt"),
        (page.encode(), ".html", "tokyo.html"),
        (b"", ".txt", "blank.txt"),
    ]
    calls = [(raw, extension, name, sha256(raw)) for raw, extension, name in files]
    here = run_all(parse_bytes, calls, workers=1)
    assert [type(r) for r in here] == [Document, Document, Rejection]
    assert run_all(parse_bytes, calls, workers=2, min_calls_per_worker=1) == here


def test_a_file_that_vanished_or_a_dangling_link_is_unreadable(tmp_path):
    gone = read_file(tmp_path / "gone.txt", tmp_path, "gone.txt", 10_000, {})
    assert gone == Rejection("gone.txt", "unreadable", "the file vanished before it was read", None)
    (tmp_path / "latest.txt").symlink_to(tmp_path / "deleted.txt")
    (dangling,) = scan_folder(tmp_path)
    assert (dangling.source_path, dangling.reason) == ("latest.txt", "unreadable")
    assert dangling.detail == "a symlink whose target does not exist"


def test_a_link_to_a_file_inside_is_read_but_links_to_folders_and_pipes_are_not(tmp_path):
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "tokyo.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "latest.txt").symlink_to(tmp_path / "wire" / "tokyo.txt")
    (tmp_path / "today").symlink_to(tmp_path / "wire")
    os.mkfifo(tmp_path / "feed.txt")
    found = scan(tmp_path)
    assert sorted(found) == ["feed.txt", "latest.txt", "today", "wire/tokyo.txt"]
    link, target = found["latest.txt"], found["wire/tokyo.txt"]
    assert link.content_sha256 == target.content_sha256 and link.doc_id != target.doc_id
    assert (found["today"].reason, found["feed.txt"].reason) == ("not_text", "not_text")
    assert found["feed.txt"].detail == "not a regular file (a device, socket or pipe)"


def test_a_text_file_that_starts_with_an_html_tag_is_read_as_html(tmp_path):
    (tmp_path / "saved.txt").write_text(
        "<!DOCTYPE html><html><head><title>Japan's trade surplus rises</title></head><body>"
        f"<nav>Home | Markets</nav><article><p>{PARAGRAPH}</p></article></body></html>",
        encoding="utf-8",
    )
    doc = scan(tmp_path)["saved.txt"]
    assert (doc.content_type, doc.title) == ("html", "Japan's trade surplus rises")
    assert PARAGRAPH in doc.body and "Home | Markets" not in doc.body


def test_bytes_held_from_many_files_do_not_take_a_memory_mapping_each(tmp_path):
    """A scan holds every new file's bytes until they are parsed; at 100,000 files a mapping each
    would exhaust the process's mappings (vm.max_map_count)."""

    def mappings() -> int:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            return sum(1 for _ in maps)

    for number in range(2_000):
        (tmp_path / f"{number}.txt").write_text(WIRE, encoding="utf-8")
    before = mappings()
    held = [read_file(path, tmp_path, path.name, 10 * 1024 * 1024, {}) for path in tmp_path.iterdir()]
    assert len(held) == 2_000 and mappings() - before < 100
