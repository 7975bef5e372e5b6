"""build_tables and with_outlets_and_credits: scan results merged with the previous run's tables."""

import hashlib
import shutil
from datetime import datetime

import polars as pl

from tests.conftest import SEEDS
from wirefacts.documents import DOCUMENTS, REJECTED, SENTENCES, build_tables, with_outlets_and_credits
from wirefacts.text.article import WORD
from wirefacts.text.ingest import document_id, scan_folder
from wirefacts.text.outlets import OutletMap

FIRST = datetime(2026, 3, 2, 9, 0, 0)
SECOND = datetime(2026, 3, 3, 9, 0, 0)
THIRD = datetime(2026, 3, 4, 9, 0, 0)
EMPTY = {
    "documents": pl.DataFrame(schema=DOCUMENTS),
    "rejected_documents": pl.DataFrame(schema=REJECTED),
    "sentences": pl.DataFrame(schema=SENTENCES),
}
# Reuters-21578, reut-00974.txt (hard-wrapped wire copy, as the wire sent it).
LEADING_INDEX = (
    "U.S. LEADING INDEX FELL 1.0 PCT IN JANUARY\n\n"
    "WASHINGTON, March 3 - The U.S. index of leading indicators\n"
    "fell a seasonally adjusted 1.0 pct in January after a revised\n"
    "2.3 pct December gain, the Commerce Department said.\n"
    "    The department previously said the index rose 2.1 pct in\n"
    "December.\n"
    "    The decline in January was the biggest for any month since\n"
    "July, 1984, when the index fell 1.7 pct.\n"
    " REUTER\n"
)


def run(source, previous, now, outlets=None, same_rules=False):
    """One documents run as the asset does it: files already loaded are only hashed."""
    loaded = dict(
        previous["documents"].filter("is_present").select("source_path", "content_sha256").iter_rows()
    )
    return build_tables(
        scan_folder(source, loaded=loaded),
        previous["documents"],
        previous["rejected_documents"],
        previous["sentences"],
        now,
        outlets,
        same_rules,
    )


def rows(frame, key="source_path"):
    return {row[key]: row for row in frame.iter_rows(named=True)}


def folder(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    shutil.copy(next(SEEDS.glob("002_*.txt")), source / "mea.txt")
    shutil.copy(next(SEEDS.glob("004_*.txt")), source / "realignment.txt")
    (source / "leading-index.txt").write_text(LEADING_INDEX, encoding="utf-8")
    return source


def test_a_new_file_is_a_present_document_loaded_now_with_its_sentences(tmp_path):
    source = folder(tmp_path)
    tables = run(source, EMPTY, FIRST)
    docs = rows(tables["documents"])
    assert sorted(docs) == ["leading-index.txt", "mea.txt", "realignment.txt"]
    wire = docs["leading-index.txt"]
    sha = hashlib.sha256(LEADING_INDEX.encode()).hexdigest()
    assert wire["content_sha256"] == sha
    assert wire["doc_id"] == document_id("leading-index.txt", sha)
    assert (wire["is_present"], wire["ingested_at"], wire["missing_since"]) == (True, FIRST, None)
    assert (wire["content_type"], wire["title"]) == ("text", "U.S. LEADING INDEX FELL 1.0 PCT IN JANUARY")
    assert wire["body"].startswith("WASHINGTON, March 3 - The U.S. index of leading indicators fell")
    assert wire["word_count"] == len(WORD.findall(wire["body"])) > 50
    sentences = tables["sentences"].filter(pl.col("doc_id") == wire["doc_id"]).sort("sentence_no")
    assert sentences["sentence"][0].startswith("WASHINGTON, March 3 - The U.S. index")
    assert sentences["sentence_no"].to_list() == list(range(len(sentences)))
    assert tables["rejected_documents"].is_empty()


def test_sentences_inside_a_photo_caption_are_marked(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    shutil.copy(next(SEEDS.glob("000_*.txt")), source / "pledge.txt")
    sentences = run(source, EMPTY, FIRST)["sentences"]
    captions = sentences.filter("is_caption")["sentence"].to_list()
    assert captions and all("Kuala Lumpur" in c or "File Photo" in c for c in captions)
    assert any("MANDEL NGAN/Pool via REUTERS/File Photo" in c for c in captions)
    assert sentences.filter(~pl.col("is_caption")).height > 5


def test_an_unchanged_file_keeps_its_row_and_sentences_as_they_were(tmp_path):
    source = folder(tmp_path)
    first = run(source, EMPTY, FIRST)
    second = run(source, first, SECOND)
    assert second["documents"].equals(first["documents"])
    assert rows(second["documents"])["mea.txt"]["ingested_at"] == FIRST
    order = ("doc_id", "sentence_no")
    assert second["sentences"].sort(order).equals(first["sentences"].sort(order))


def test_a_changed_file_replaces_its_row_and_its_sentences(tmp_path):
    source = folder(tmp_path)
    first = run(source, EMPTY, FIRST)
    old = rows(first["documents"])["leading-index.txt"]
    changed = LEADING_INDEX.replace(
        " REUTER\n",
        "    The index fell 0.5 pct in November and rose 0.9 pct in\nOctober, the department said.\n REUTER\n",
    )
    (source / "leading-index.txt").write_text(changed, encoding="utf-8")
    second = run(source, first, SECOND)
    matching = second["documents"].filter(pl.col("source_path") == "leading-index.txt")
    assert matching.height == 1
    new = matching.row(0, named=True)
    assert new["doc_id"] != old["doc_id"]
    assert new["content_sha256"] == hashlib.sha256(changed.encode()).hexdigest()
    assert new["body"].endswith("rose 0.9 pct in October, the department said.")
    assert (new["is_present"], new["ingested_at"]) == (True, SECOND)
    assert second["sentences"].filter(pl.col("doc_id") == old["doc_id"]).is_empty()
    last = second["sentences"].filter(pl.col("doc_id") == new["doc_id"])["sentence"][-1]
    assert last.startswith("The index fell 0.5 pct in November")
    # The other files were not touched.
    assert rows(second["documents"])["mea.txt"] == rows(first["documents"])["mea.txt"]


def test_a_vanished_file_is_kept_marked_missing_since_the_run_that_first_missed_it(tmp_path):
    source = folder(tmp_path)
    first = run(source, EMPTY, FIRST)
    before = rows(first["documents"])["realignment.txt"]
    kept_bytes = (source / "realignment.txt").read_bytes()
    (source / "realignment.txt").unlink()

    second = run(source, first, SECOND)
    gone = rows(second["documents"])["realignment.txt"]
    assert (gone["is_present"], gone["missing_since"]) == (False, SECOND)
    assert {k: v for k, v in gone.items() if k not in ("is_present", "missing_since")} == {
        k: v for k, v in before.items() if k not in ("is_present", "missing_since")
    }
    history = second["sentences"].filter(pl.col("doc_id") == before["doc_id"])
    assert history.height == first["sentences"].filter(pl.col("doc_id") == before["doc_id"]).height > 0

    third = run(source, second, THIRD)
    assert rows(third["documents"])["realignment.txt"]["missing_since"] == SECOND  # not moved forward

    # The same bytes back at the same path: present again, nothing missing.
    (source / "realignment.txt").write_bytes(kept_bytes)
    fourth = run(source, third, THIRD)
    back = fourth["documents"].filter(pl.col("source_path") == "realignment.txt")
    assert back.height == 1
    assert back.select("doc_id", "is_present", "missing_since").row(0) == (before["doc_id"], True, None)
    sentences = fourth["sentences"].filter(pl.col("doc_id") == before["doc_id"]).sort("sentence_no")
    assert sentences.equals(
        first["sentences"].filter(pl.col("doc_id") == before["doc_id"]).sort("sentence_no")
    )


def test_byte_identical_copies_under_two_paths_are_two_documents_with_equal_content(tmp_path):
    source = folder(tmp_path)
    (source / "resent").mkdir()
    shutil.copy(source / "leading-index.txt", source / "resent" / "leading-index.txt")
    tables = run(source, EMPTY, FIRST)
    copies = tables["documents"].filter(pl.col("source_path").str.ends_with("leading-index.txt"))
    assert copies["source_path"].to_list() == ["leading-index.txt", "resent/leading-index.txt"]
    assert copies["content_sha256"].n_unique() == 1
    assert copies["doc_id"].n_unique() == 2
    assert copies["body"].n_unique() == 1
    per_copy = tables["sentences"].filter(pl.col("doc_id").is_in(copies["doc_id"].implode()))
    assert per_copy.group_by("doc_id").len()["len"].n_unique() == 1 and per_copy.height > 2


def test_rejections_are_listed_with_their_reason_and_keep_the_time_first_seen(tmp_path):
    source = folder(tmp_path)
    (source / "empty.txt").write_bytes(b"")
    (source / "noise.bin").write_bytes(bytes(range(256)) * 8)
    first = run(source, EMPTY, FIRST)
    rejected = rows(first["rejected_documents"])
    assert {path: row["reason"] for path, row in rejected.items()} == {
        "empty.txt": "empty",
        "noise.bin": "not_text",
    }
    assert all(row["detail"] and row["seen_at"] == FIRST for row in rejected.values())
    assert "empty.txt" not in rows(first["documents"])

    second = run(source, first, SECOND)
    assert second["rejected_documents"].equals(first["rejected_documents"])

    # The same file with new bytes is a new rejection; a rejected file that is gone is no longer listed.
    (source / "empty.txt").write_bytes(b"\x00" * 300)
    (source / "noise.bin").unlink()
    third = run(source, second, THIRD)
    assert third["rejected_documents"].select("source_path", "reason", "seen_at").rows() == [
        ("empty.txt", "binary", THIRD)
    ]


def test_a_rejection_without_a_hash_keeps_the_time_first_seen(tmp_path):
    source = folder(tmp_path)
    (source / "big.txt").write_text(LEADING_INDEX * 40, encoding="utf-8")  # about 18 kB

    def limited(previous, now):
        return build_tables(
            scan_folder(source, max_file_bytes=10_000),
            previous["documents"],
            previous["rejected_documents"],
            previous["sentences"],
            now,
        )

    first = limited(EMPTY, FIRST)
    assert first["rejected_documents"].select("source_path", "reason", "sha256").rows() == [
        ("big.txt", "too_large", None)
    ]
    second = limited(first, SECOND)
    assert second["rejected_documents"]["seen_at"].to_list() == [FIRST]


def outlet(docs, path):
    return docs[path]["outlet"], docs[path]["outlet_source"]


def test_outlets_and_credits_reach_kept_rows_and_page_metadata_wins(tmp_path):
    source = folder(tmp_path)
    (source / "page.html").write_text(
        "<!doctype html><html><head><title>Leading index falls</title>"
        '<meta property="og:site_name" content="Wire Review"></head><body><article>'
        "<h1>U.S. leading index fell 1.0 pct in January</h1>"
        "<p>WASHINGTON (Reuters) - The U.S. index of leading indicators fell a seasonally adjusted 1.0 pct "
        "in January after a revised 2.3 pct December gain, the Commerce Department said.</p>"
        "<p>The decline in January was the biggest for any month since July, 1984, when the index fell "
        "1.7 pct, the department said in its monthly report.</p></article></body></html>",
        encoding="utf-8",
    )
    first = run(source, EMPTY, FIRST, OutletMap((("*.html", "Mapped"), ("leading-*.txt", "Reuters Wire"))))
    docs = rows(first["documents"])
    assert outlet(docs, "page.html") == ("Wire Review", "html_metadata")
    assert outlet(docs, "leading-index.txt") == ("Reuters Wire", "outlets_csv")
    assert outlet(docs, "mea.txt") == (None, None)
    page = docs["page.html"]
    assert (page["credited_agency"], page["credited_agencies"], page["credit_kind"]) == (
        "Reuters",
        ["Reuters"],
        "dateline",
    )
    assert page["body"][page["credit_start"] : page["credit_end"]] == "Reuters"
    assert docs["mea.txt"]["credited_agency"] is None and docs["mea.txt"]["credited_agencies"] == []

    # A new outlet map reaches rows whose bytes did not change; a file it no longer names has none.
    second = run(source, first, SECOND, OutletMap((("mea.txt", "Organiser"),)))
    docs = rows(second["documents"])
    assert docs["mea.txt"]["outlet"] == "Organiser" and docs["mea.txt"]["ingested_at"] == FIRST
    assert outlet(docs, "leading-index.txt") == (None, None)
    assert docs["page.html"]["outlet"] == "Wire Review"


def test_kept_rows_keep_their_credits_under_the_same_rules_and_are_read_again_under_new_ones(tmp_path):
    source = folder(tmp_path)
    (source / "credited.txt").write_text(
        "WASHINGTON (Reuters) - The U.S. index of leading indicators fell a seasonally adjusted 1.0 pct in "
        "January after a revised 2.3 pct December gain, the Commerce Department said.",
        encoding="utf-8",
    )
    first = run(source, EMPTY, FIRST)
    assert rows(first["documents"])["credited.txt"]["credited_agency"] == "Reuters"
    # What an older rule had stored: the same rules keep it, new rules find the credit again.
    older = {
        **first,
        "documents": first["documents"].with_columns(pl.lit(None, pl.String).alias("credited_agency")),
    }
    assert (
        rows(run(source, older, SECOND, same_rules=True)["documents"])["credited.txt"]["credited_agency"]
        is None
    )
    assert rows(run(source, older, SECOND)["documents"])["credited.txt"]["credited_agency"] == "Reuters"


def test_with_outlets_and_credits_ignores_credits_inside_captions():
    # The photo caption and standfirst of seeds/001, the caption's photo credit shortened to "(AP)":
    # closing a paragraph that is an agency line, but not inside a caption.
    body = (
        "Indian Foreign Minister S. Jaishankar shakes hand with his Chinese counterpart Wang Yi, left, in "
        "New Delhi, India, Monday, August 18, 2025. (AP)\n\n"
        "India and China are cautiously rebuilding ties, with Beijing pledging rare earth supplies as "
        "Prime Minister Modi prepares for his first visit to China."
    )
    caption_end = body.index("\n\n")
    documents = pl.DataFrame(
        {
            "doc_id": ["d1"],
            "source_path": ["wire/001.txt"],
            "body": [body],
            "outlet": ["Old Outlet"],
            "outlet_source": ["outlets_csv"],
        }
    ).with_columns(
        pl.lit(None, dtype=DOCUMENTS[c]).alias(c)
        for c in DOCUMENTS.names()
        if c not in ("doc_id", "source_path", "body", "outlet", "outlet_source")
    )
    sentences = pl.DataFrame(
        {
            "doc_id": ["d1", "d1"],
            "sentence_no": [0, 1],
            "char_start": [0, caption_end + 2],
            "char_end": [caption_end, len(body)],
            "is_caption": [True, False],
            "sentence": [body[:caption_end], body[caption_end + 2 :]],
        },
        schema=SENTENCES,
    )
    captioned = with_outlets_and_credits(documents, sentences, OutletMap((("wire/", "Wire Desk"),)))
    assert captioned.columns == DOCUMENTS.names()
    row = captioned.row(0, named=True)
    # A mapped outlet replaces an earlier mapping (only page metadata is kept).
    assert (row["outlet"], row["outlet_source"]) == ("Wire Desk", "outlets_csv")
    assert (row["credited_agency"], row["credited_agencies"]) == (None, [])
    uncaptioned = with_outlets_and_credits(
        documents, sentences.with_columns(pl.lit(False).alias("is_caption")), OutletMap()
    ).row(0, named=True)
    assert uncaptioned["credited_agency"] == "AP"
    assert (uncaptioned["outlet"], uncaptioned["outlet_source"]) == (None, None)
