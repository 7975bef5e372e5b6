"""The code location: every asset, check, job, schedule and sensor of wirefacts."""

import warnings

import dagster as dg

from assets.charts import warehouse_charts
from assets.documents import document_tables
from assets.facts import fact_tables
from assets.resources import SourceFolder, Warehouse
from assets.stories import story_tables
from assets.story_facts import story_fact_tables
from assets.views import analyst_views, published_warehouse
from pipelines.automation import build_automation
from pipelines.checks import schema_checks
from schemas.registry import STEPS

ALL_ASSETS = [
    document_tables,
    story_tables,
    fact_tables,
    story_fact_tables,
    analyst_views,
    published_warehouse,
    warehouse_charts,
]

materialize_everything = dg.define_asset_job(
    "materialize_everything",
    selection=dg.AssetSelection.all(),
    description="Read the source folder and rebuild every table of the warehouse.",
)
inbox_sensor, daily_reconciliation = build_automation(materialize_everything)

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=".*is currently in beta")
    # Each asset links to the file and line that defines it ("code references" in the UI).
    ASSETS_WITH_CODE = dg.with_source_code_references(ALL_ASSETS)

defs = dg.Definitions(
    assets=ASSETS_WITH_CODE,
    asset_checks=[schema_checks(step) for step in STEPS],
    jobs=[materialize_everything],
    sensors=[inbox_sensor],
    schedules=[daily_reconciliation],
    resources={"source": SourceFolder(), "warehouse": Warehouse()},
    executor=dg.in_process_executor,
)
