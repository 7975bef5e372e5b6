"""What every table asset shows in the UI: row count, column schema and a Markdown preview."""

from __future__ import annotations

import dagster as dg
import polars as pl

from schemas import model_for
from schemas.registry import table as registered_table
from schemas.registry import written_by

PREVIEW_ROWS = 10
PREVIEW_CELL_CHARS = 80


def column_schema(table: str) -> dg.TableSchema:
    """The table's columns as the pandera model declares them."""
    schema = model_for(table).to_schema()
    return dg.TableSchema(
        columns=[
            dg.TableColumn(
                name=name,
                type=str(column.dtype),
                description=column.description,
                constraints=dg.TableColumnConstraints(nullable=column.nullable, unique=column.unique),
            )
            for name, column in schema.columns.items()
        ]
    )


def table_spec_metadata(table: str) -> dict:
    """Definition-time metadata: the schema and key are visible before the first run."""
    key = ", ".join(registered_table(table).key)
    return {"dagster/column_schema": column_schema(table), "dagster/table_name": table, "key": key}


def table_specs(step: str, deps: list[str] | None = None) -> list[dg.AssetSpec]:
    """One spec per warehouse table the step writes (from the table registry): its group (layer),
    description, kinds and column schema."""
    return [
        dg.AssetSpec(
            t.name,
            description=t.description,
            group_name=t.layer,
            kinds={"duckdb", "polars"},
            deps=deps or [],
            metadata=table_spec_metadata(t.name),
        )
        for t in written_by(step)
    ]


def markdown_preview(
    frame: pl.DataFrame, columns: list[str] | None = None, rows: int = PREVIEW_ROWS
) -> dg.MetadataValue:
    shown = frame.select(columns or frame.columns).head(rows)
    if shown.is_empty():
        return dg.MetadataValue.md("_no rows_")

    def cell(value: object) -> str:
        text = "" if value is None else str(value).replace("\n", " ").replace("|", "\\|")
        return text if len(text) <= PREVIEW_CELL_CHARS else text[: PREVIEW_CELL_CHARS - 1] + "…"

    header = "| " + " | ".join(shown.columns) + " |\n|" + "---|" * len(shown.columns) + "\n"
    body = "\n".join("| " + " | ".join(cell(v) for v in row) + " |" for row in shown.iter_rows())
    return dg.MetadataValue.md(header + body)


def table_metadata(table: str, frame: pl.DataFrame, preview_columns: list[str] | None = None) -> dict:
    return {
        "dagster/row_count": frame.height,
        "dagster/column_schema": column_schema(table),
        "preview": markdown_preview(frame, preview_columns),
    }
