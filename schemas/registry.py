"""Every warehouse table once: its name, layer, the step that writes it, description, key and model.

The asset specs and their column schemas, the asset checks, the run summary, the fault suite's
list of tables and the README's table list are all generated from `TABLES`; the columns and
their descriptions live in the table's pandera model (`schemas/models.py`).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandera.polars as pa

from schemas.models import model_for

# The steps that write tables, in the order a run executes them (each is one Dagster multi-asset).
STEPS = ("documents", "stories", "facts", "story_facts")


@dataclass(frozen=True)
class Table:
    name: str
    layer: str  # the asset group in the UI
    step: str  # the multi-asset that writes it
    description: str
    key: tuple[str, ...]  # the columns that identify a row; checked unique with the model's rules
    summary: str | None = None  # the run summary's label, when the summary reports the table
    summary_count: str = "count(*)"  # what the run summary counts

    @property
    def model(self) -> type[pa.DataFrameModel]:
        return model_for(self.name)

    def column_descriptions(self) -> dict[str, str | None]:
        return {name: column.description for name, column in self.model.to_schema().columns.items()}


TABLES: tuple[Table, ...] = (
    Table(
        "documents",
        "documents",
        "documents",
        "One row per accepted article file: headline, date, cleaned body, outlet and credited agency.",
        ("doc_id",),
        "documents accepted",
        "count(*) FILTER (WHERE is_present)",
    ),
    Table(
        "rejected_documents",
        "documents",
        "documents",
        "One row per file that is not an article, with a reason code and a sentence.",
        ("source_path",),
        "documents rejected",
    ),
    Table(
        "sentences",
        "documents",
        "documents",
        "Sentence spans of every body; the provenance every fact points into.",
        ("doc_id", "char_start"),
        "sentences",
    ),
    Table(
        "story_clusters",
        "stories",
        "stories",
        "One row per document: its story, whether it is the canonical text, and how it joined.",
        ("doc_id",),
        "stories",
        "count(DISTINCT story_id)",
    ),
    Table(
        "duplicate_pairs",
        "stories",
        "stories",
        "Every verified candidate pair with the parts of its score, merged or not.",
        ("doc_id", "other_doc_id"),
    ),
    Table(
        "minhash_signatures",
        "stories",
        "stories",
        "MinHash signatures: the persistent payload of the LSH index.",
        ("doc_id",),
    ),
    Table(
        "lsh_bands",
        "stories",
        "stories",
        "LSH band hashes per document: new batches are matched against these.",
        ("doc_id", "band"),
    ),
    Table(
        "officials",
        "facts",
        "facts",
        "One row per person holding or speaking for a public office, resolved across the corpus.",
        ("official_id",),
        "officials",
    ),
    Table(
        "official_mentions",
        "facts",
        "facts",
        "Every mention of an official, with the title the document gives and its span.",
        ("doc_id", "char_start"),
        "official mentions",
    ),
    Table(
        "meetings",
        "facts",
        "facts",
        "Talks, visits, summits and calls, with status, place, date and evidence.",
        ("meeting_id",),
        "meetings",
    ),
    Table("meeting_participants", "facts", "facts", "Who took part in each meeting.", ("meeting_id", "name")),
    Table(
        "commodity_mentions",
        "facts",
        "facts",
        "Every commodity mention, canonical name and category.",
        ("doc_id", "char_start"),
        "commodity mentions",
    ),
    Table(
        "trade_figures",
        "facts",
        "facts",
        "Trade, production, stock, price, share and tariff figures with unit, direction and context.",
        ("figure_id",),
        "trade figures",
    ),
    Table(
        "quarantined_rows",
        "facts",
        "facts",
        "Rows that broke a schema rule, kept with the table and the rule instead of dropped.",
        ("table_name", "row_json"),
        "quarantined rows",
    ),
    Table(
        "story_facts",
        "facts",
        "story_facts",
        "One row per distinct fact of a story (official, meeting, commodity, figure) with the documents, "
        "outlets and agencies reporting it and the first and last day seen.",
        ("fact_id",),
        "story facts",
    ),
    Table(
        "story_fact_reports",
        "facts",
        "story_facts",
        "Every document's report of a story fact, with its outlet, agency and evidence span.",
        ("fact_id", "doc_id", "char_start"),
    ),
    Table(
        "fact_conflicts",
        "facts",
        "story_facts",
        "Reports of one story that disagree on a figure's value or a meeting's status, place or date, with "
        "both evidence spans and outlets.",
        ("conflict_id",),
        "fact conflicts",
    ),
)
TABLE_NAMES = tuple(t.name for t in TABLES)
_BY_NAME = {t.name: t for t in TABLES}


def table(name: str) -> Table:
    return _BY_NAME[name]


def written_by(step: str) -> list[Table]:
    return [t for t in TABLES if t.step == step]


def markdown_table() -> str:
    """The README's table list (`python -m schemas.registry` prints it; a test keeps them equal)."""
    lines = ["| table | layer | key | what it holds |", "|---|---|---|---|"]
    lines += [f"| `{t.name}` | {t.layer} | {', '.join(t.key)} | {t.description} |" for t in TABLES]
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown_table())
