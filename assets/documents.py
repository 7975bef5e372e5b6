"""The documents layer: every file in the source folder becomes a document or a rejection."""

from collections.abc import Iterator
from datetime import datetime

import dagster as dg

from assets.metadata import markdown_preview, table_metadata, table_specs
from assets.resources import SourceFolder, Warehouse
from wirefacts.documents import DOCUMENTS, REJECTED, SENTENCES, build_tables
from wirefacts.text.ingest import scan_folder
from wirefacts.text.outlets import OUTLETS_FILE, load_outlet_map
from wirefacts.warehouse import read_table, table_names


@dg.multi_asset(specs=table_specs("documents"), pool="duckdb")
def document_tables(
    context: dg.AssetExecutionContext, source: SourceFolder, warehouse: Warehouse
) -> Iterator[dg.MaterializeResult]:
    """Read the source folder, decode, strip site furniture, and merge with what is already loaded."""
    if not source.root.is_dir():
        raise dg.Failure(f"the source folder {source.root} does not exist or is not a folder")
    now = datetime.now().replace(microsecond=0)
    try:
        outlets = load_outlet_map(source.root)
    except (ValueError, UnicodeDecodeError) as exc:
        raise dg.Failure(f"{source.root / OUTLETS_FILE} cannot be read: {exc}") from exc
    with warehouse.connect() as con:
        previous = read_table(con, "documents", DOCUMENTS)
        loaded = dict(previous.filter("is_present").select("source_path", "content_sha256").iter_rows())
        scanned = scan_folder(source.root, source.byte_limit, source.file_limit, loaded)
        before = {
            "documents": previous,
            "rejected_documents": read_table(con, "rejected_documents", REJECTED),
            "sentences": read_table(con, "sentences", SENTENCES),
        }
        tables = build_tables(
            scanned, before["documents"], before["rejected_documents"], before["sentences"], now, outlets
        )
        # Only the tables that changed are rewritten: an unchanged folder writes nothing.
        present = table_names(con)
        changed = {n: f for n, f in tables.items() if n not in present or not f.equals(before[n])}
        if changed:
            warehouse.write(con, changed)
    documents, rejected = tables["documents"], tables["rejected_documents"]
    reasons = rejected.group_by("reason").len().sort("len", descending=True)
    context.log.info(
        f"{documents.filter('is_present').height} documents, {rejected.height} rejected from {source.root}"
    )
    yield dg.MaterializeResult(
        asset_key="documents",
        metadata={
            **table_metadata(
                "documents",
                documents,
                ["doc_id", "source_path", "title", "published_on", "outlet", "credited_agency", "word_count"],
            ),
            "outlets_from_metadata": int((documents["outlet_source"] == "html_metadata").sum()),
            "outlets_from_outlets_csv": int((documents["outlet_source"] == "outlets_csv").sum()),
            "credited_documents": int(documents["credited_agency"].is_not_null().sum()),
            "present": int(documents["is_present"].sum()),
            "missing_from_folder": int((~documents["is_present"]).sum()),
            "source_folder": str(source.root),
            "rewritten": "documents" in changed,
        },
    )
    yield dg.MaterializeResult(
        asset_key="rejected_documents",
        metadata={
            **table_metadata("rejected_documents", rejected, ["source_path", "reason", "detail"]),
            "by_reason": markdown_preview(reasons),
        },
    )
    yield dg.MaterializeResult(
        asset_key="sentences",
        metadata=table_metadata("sentences", tables["sentences"], ["doc_id", "sentence_no", "sentence"]),
    )
