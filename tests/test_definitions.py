"""A snapshot of the code location: removing an asset, check, job, sensor or schedule fails here."""

import dagster as dg

from pipelines.definitions import defs

ASSETS = {
    "documents",
    "rejected_documents",
    "sentences",
    "story_clusters",
    "duplicate_pairs",
    "minhash_signatures",
    "lsh_bands",
    "officials",
    "official_mentions",
    "meetings",
    "meeting_participants",
    "commodity_mentions",
    "trade_figures",
    "quarantined_rows",
    "story_facts",
    "story_fact_reports",
    "fact_conflicts",
    "analyst_views",
    "published_warehouse",
    "warehouse_charts",
}
VIEWS_LAYER = {"analyst_views", "published_warehouse", "warehouse_charts"}


def test_every_asset_is_defined_in_its_layer():
    graph = defs.resolve_asset_graph()
    keys = {key.to_user_string() for key in graph.get_all_asset_keys()}
    assert keys == ASSETS
    assert {k for k in keys if graph.get(dg.AssetKey(k)).group_name == "views"} == VIEWS_LAYER


def test_every_table_has_a_blocking_schema_check():
    checks = defs.resolve_asset_graph().asset_check_keys
    tables = ASSETS - VIEWS_LAYER
    assert {c.name for c in checks} == {f"{t}_schema" for t in tables}
    assert {c.asset_key.to_user_string() for c in checks} == tables


def test_the_job_the_sensor_and_the_schedule():
    job = defs.resolve_job_def("materialize_everything")
    assert {n.name for n in job.nodes if not n.name.endswith("_schema")} == {
        "document_tables",
        "story_tables",
        "fact_tables",
        "story_fact_tables",
        "analyst_views",
        "published_warehouse",
        "warehouse_charts",
    }
    sensor = defs.resolve_sensor_def("inbox_sensor")
    assert sensor.job_name == "materialize_everything"
    assert sensor.default_status == dg.DefaultSensorStatus.RUNNING
    schedule = defs.resolve_schedule_def("daily_reconciliation")
    assert schedule.job_name == "materialize_everything" and schedule.cron_schedule == "0 3 * * *"
    assert schedule.default_status == dg.DefaultScheduleStatus.RUNNING
