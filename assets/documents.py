"""The documents layer: every file in the source folder becomes a document or a rejection."""

import time
from collections.abc import Iterator
from datetime import datetime

import dagster as dg
import xxhash

from assets.metadata import markdown_preview, table_metadata, table_specs
from assets.resources import SourceFolder, Warehouse
from assets.reuse import folder_inputs, kept_results
from wirefacts import settings
from wirefacts.documents import DOCUMENTS, REJECTED, SENTENCES, build_tables
from wirefacts.text.ingest import Document, Rejection, Unchanged, scan_folder
from wirefacts.text.outlets import OUTLETS_FILE, OutletMap, load_outlet_map
from wirefacts.text.signatures import FILE_SIGNATURES, SCHEMA, signature_table, trusted_signatures
from wirefacts.warehouse import read_table, table_names


def folder_fingerprint(scanned: list[Document | Rejection | Unchanged], outlets: OutletMap) -> str:
    """What the documents tables are built from: each file's path and bytes (or why it was
    refused) and the outlet map. A file new or changed since the last run is a Document here."""
    digest = xxhash.xxh64(repr(outlets.rows).encode())
    for item in scanned:
        # A file parsed now and the same file found unchanged by the next run hash alike.
        if isinstance(item, Document):
            item = Unchanged(item.source_path, item.content_sha256)
        digest.update(repr(item).encode() + b"\0")
    return digest.hexdigest()


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
    workers = settings.workers()
    with warehouse.connect() as con:
        # Bytes loaded by this same code version are not parsed again; a new one parses every file.
        same_rules = folder_inputs("documents", "").same_code(con)
        present = "SELECT source_path, content_sha256 FROM documents WHERE is_present"
        loaded = (
            dict(con.execute(present).fetchall()) if same_rules and "documents" in table_names(con) else {}
        )
        stored_signatures = read_table(con, FILE_SIGNATURES, SCHEMA)
        trusted = {} if source.reread_every_file else trusted_signatures(stored_signatures)
        scan_started = time.time_ns()
        scanned = scan_folder(source.root, source.byte_limit, source.file_limit, loaded, trusted, workers)
        signatures = signature_table(scanned, stored_signatures, scan_started)
        new_signatures = {} if signatures.equals(stored_signatures) else {FILE_SIGNATURES: signatures}
        inputs = folder_inputs("documents", folder_fingerprint(scanned, outlets))
        if inputs.unchanged(con):
            context.log.info(
                f"no file in {source.root} changed since the documents were built: kept as they are"
            )
            if new_signatures:  # files touched, or hashed again, with the same bytes
                warehouse.write(con, new_signatures)
            yield from kept_results(con, inputs)
            return
        before = {
            "documents": read_table(con, "documents", DOCUMENTS),
            "rejected_documents": read_table(con, "rejected_documents", REJECTED),
            "sentences": read_table(con, "sentences", SENTENCES),
        }
        tables = build_tables(
            scanned, before["documents"], before["rejected_documents"], before["sentences"], now, outlets,
            same_rules=same_rules,
        )  # fmt: skip
        # Only the tables that changed are rewritten.
        present = table_names(con)
        changed = {n: f for n, f in tables.items() if n not in present or not f.equals(before[n])}
        warehouse.write(con, {**changed, **new_signatures, **inputs.record(con)})
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
            "files_parsed": sum(isinstance(item, Document) for item in scanned),
            "workers": workers,
            **inputs.metadata(True),
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
