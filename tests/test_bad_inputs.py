"""A folder of hostile and broken files: the run completes and every file is accounted for."""

import os

from tests.conftest import SEEDS, query, run_pipeline

ARTICLE = next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8")


def make_bad_folder(root, outside):
    root.mkdir()
    (root / "empty.txt").write_bytes(b"")
    (root / "random.txt").write_bytes(os.urandom(20_000))
    with open(root / "huge.txt", "wb") as handle:  # 60 MB, over the default 10 MB limit
        handle.truncate(60 * 1024 * 1024)
    (root / "latin1.txt").write_bytes(
        ("Le ministre français a rencontré son homologue à Pékin. " * 20).encode("latin-1")
    )
    (root / "utf16.txt").write_bytes(ARTICLE.encode("utf-16"))
    (root / "utf16-no-bom.txt").write_bytes(ARTICLE.encode("utf-16-le"))
    (root / "page.html").write_text(
        "<!doctype html><html><head><title>Wheat exports</title></head><body><nav>Home | World</nav>"
        "<article><h1>Wheat exports rise</h1><p>"
        + ARTICLE.split("\n")[0]
        + "</p><p>"
        + ARTICLE.split("\n")[2]
        + "</p></article><footer>© 2025 News</footer></body></html>",
        encoding="utf-8",
    )
    (outside / "secret.txt").write_text("not for reading " * 50, encoding="utf-8")
    (root / "escape.txt").symlink_to(outside / "secret.txt")
    (root / "loop.txt").symlink_to(root / "loop.txt")
    (root / "nested" / "deeper").mkdir(parents=True)
    (root / "nested" / "deeper" / """it's a "quoted"; name.txt""").write_text(ARTICLE, encoding="utf-8")
    (root / "archive.zip.txt").write_bytes(b"PK\x03\x04" + os.urandom(500))
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(500))
    (root / "notes.md").write_text(ARTICLE.upper(), encoding="utf-8")  # other extension, clearly text
    (root / "zz-copy.txt").write_bytes((root / "latin1.txt").read_bytes())  # read after latin1.txt


def test_every_bad_file_is_accepted_or_rejected_with_a_reason(tmp_path):
    source, outside, warehouse = tmp_path / "in", tmp_path / "outside", tmp_path / "w.duckdb"
    outside.mkdir()
    make_bad_folder(source, outside)
    result = run_pipeline(source, warehouse)
    assert result.success

    accepted = dict(query(warehouse, "SELECT source_path, encoding FROM documents"))
    rejected = {
        p: r for p, r, _ in query(warehouse, "SELECT source_path, reason, detail FROM rejected_documents")
    }
    files = {p.relative_to(source).as_posix() for p in source.rglob("*") if p.is_file() or p.is_symlink()}
    assert set(accepted) | set(rejected) == files
    assert not set(accepted) & set(rejected)

    assert rejected["empty.txt"] == "empty"
    assert rejected["random.txt"] == "binary"
    assert rejected["huge.txt"] == "too_large"
    assert rejected["escape.txt"] == "outside_source"
    assert rejected["loop.txt"] == "unreadable"
    assert rejected["archive.zip.txt"] == "binary"
    assert rejected["image.png"] == "not_text"
    assert accepted["latin1.txt"] in ("cp1252", "latin_1", "iso8859_15")
    assert accepted["utf16.txt"].startswith("utf-16")
    # The unmarked UTF-16 copy has the same text but other bytes: it is a document of its own.
    assert accepted["utf16-no-bom.txt"] == "utf-16-le"
    assert "page.html" in accepted
    assert "notes.md" in accepted
    assert """nested/deeper/it's a "quoted"; name.txt""" in accepted
    # A byte-identical copy under another name is a document of its own, in its original's story.
    assert "zz-copy.txt" in accepted and "zz-copy.txt" not in rejected
    copies = query(
        warehouse,
        "SELECT d.source_path, c.relation, c.story_id FROM documents d JOIN story_clusters c USING (doc_id) "
        "WHERE d.content_sha256 = (SELECT content_sha256 FROM documents WHERE source_path = 'zz-copy.txt')",
    )
    assert len(copies) == 2 and len({story for _, _, story in copies}) == 1
    assert "exact_duplicate" in {relation for _, relation, _ in copies}
    assert all(detail for (detail,) in query(warehouse, "SELECT detail FROM rejected_documents"))
    # Nothing from outside the folder was read.
    assert query(warehouse, "SELECT count(*) FROM documents WHERE body LIKE '%not for reading%'") == [(0,)]


def test_html_goes_through_main_content_extraction(tmp_path):
    source, outside, warehouse = tmp_path / "in", tmp_path / "outside", tmp_path / "w.duckdb"
    outside.mkdir()
    make_bad_folder(source, outside)
    assert run_pipeline(source, warehouse).success
    ((body, content_type),) = query(
        warehouse, "SELECT body, content_type FROM documents WHERE source_path = 'page.html'"
    )
    assert content_type == "html"
    assert "China has approved import licences" in body
    assert "Home | World" not in body
