"""The real web server and daemon (`dagster dev`): GraphQL, a launched run, and a screenshot."""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from schemas.registry import TABLE_NAMES
from tests.conftest import SEEDS, query

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOT = ROOT / "benchmarks" / "out" / "asset-graph.png"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def graphql(port: int, document: str, variables: dict | None = None) -> dict:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql",
        data=json.dumps({"query": document, "variables": variables or {}}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        payload = json.load(response)
    assert "errors" not in payload, payload
    return payload["data"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    home = tmp_path_factory.mktemp("dagster_home")
    source = home / "source"
    shutil.copytree(SEEDS, source)
    inbox = home / "inbox"
    inbox.mkdir()
    config = (
        (ROOT / "dagster.yaml")
        .read_text(encoding="utf-8")
        .replace("base_dir: .dagster/", f"base_dir: {home}/")
    )
    (home / "dagster.yaml").write_text(config, encoding="utf-8")
    warehouse = home / "wirefacts.duckdb"
    env = os.environ | {
        "DAGSTER_HOME": str(home),
        "WIREFACTS_SOURCE": str(source),
        "WIREFACTS_WAREHOUSE": str(warehouse),
        "WIREFACTS_INBOX": str(inbox),
    }
    port = free_port()
    dagster = Path(sys.executable).with_name("dagster")

    def default_signals() -> None:  # dagster dev started from a script ignores SIGINT otherwise
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)

    log = open(home / "dagster-dev.log", "w")  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        [str(dagster), "dev", "-m", "pipelines.definitions", "-h", "127.0.0.1", "-p", str(port)],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        preexec_fn=default_signals,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/server_info", timeout=2):
                    break
            except OSError:
                time.sleep(1)
        else:
            pytest.fail("the web server did not start: " + (home / "dagster-dev.log").read_text()[-2000:])
        yield {"port": port, "warehouse": warehouse}
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def location_name(port: int) -> str:
    data = graphql(port, "{ workspaceOrError { ... on Workspace { locationEntries { name } } } }")
    return data["workspaceOrError"]["locationEntries"][0]["name"]


def test_asset_graph_sensors_and_schedules_are_served(server):
    port = server["port"]
    assets = graphql(port, "{ assetNodes { assetKey { path } groupName } }")["assetNodes"]
    keys = {node["assetKey"]["path"][0] for node in assets}
    for table in (
        "documents",
        "rejected_documents",
        "story_clusters",
        "officials",
        "meetings",
        "trade_figures",
        "commodity_mentions",
        "analyst_views",
        "published_warehouse",
    ):
        assert table in keys
    assert {node["groupName"] for node in assets} == {"documents", "stories", "facts", "views"}
    repos = graphql(
        port,
        """{ repositoriesOrError { ... on RepositoryConnection { nodes {
             sensors { name sensorState { status } } schedules { name scheduleState { status } } } } } }""",
    )["repositoriesOrError"]["nodes"][0]
    assert {s["name"]: s["sensorState"]["status"] for s in repos["sensors"]} == {"inbox_sensor": "RUNNING"}
    assert {s["name"]: s["scheduleState"]["status"] for s in repos["schedules"]} == {
        "daily_reconciliation": "RUNNING"
    }


def test_launch_run_through_graphql_fills_the_warehouse(server):
    port = server["port"]
    launched = graphql(
        port,
        """mutation Launch($params: ExecutionParams!) { launchRun(executionParams: $params) {
             __typename ... on LaunchRunSuccess { run { runId } } ... on PythonError { message } } }""",
        {
            "params": {
                "selector": {
                    "repositoryLocationName": location_name(port),
                    "repositoryName": "__repository__",
                    "jobName": "materialize_everything",
                },
                "runConfigData": {},
            }
        },
    )["launchRun"]
    assert launched["__typename"] == "LaunchRunSuccess", launched
    run_id = launched["run"]["runId"]
    deadline, status = time.monotonic() + 240, None
    while time.monotonic() < deadline:
        status = graphql(
            port, "query($id: ID!) { runOrError(runId: $id) { ... on Run { status } } }", {"id": run_id}
        )
        status = status["runOrError"]["status"]
        if status in ("SUCCESS", "FAILURE", "CANCELED"):
            break
        time.sleep(2)
    assert status == "SUCCESS"
    assert query(server["warehouse"], "SELECT count(*) FROM documents") == [(5,)]
    # The run through the web server gives the stories an in-process run gives (the rewrites of
    # the seed story grouped, its topic neighbours apart).
    assert query(server["warehouse"], "SELECT count(DISTINCT story_id) FROM story_clusters") == [(4,)]
    # The chart asset's page carries every chart as an embedded PNG the UI renders.
    charts = graphql(
        port,
        """{ assetOrError(assetKey: {path: ["warehouse_charts"]}) { ... on Asset {
             assetMaterializations(limit: 1) { metadataEntries { label ... on MarkdownMetadataEntry { mdStr } } } } } }""",
    )["assetOrError"]["assetMaterializations"][0]["metadataEntries"]
    embedded = {
        e["label"]
        for e in charts
        if e.get("mdStr", "").startswith("![") and "data:image/png;base64," in e["mdStr"]
    }
    assert embedded == {"stories_over_time", "figures_by_commodity_and_country", "conflicts_per_story"}


def test_asset_graph_page_renders_in_headless_chromium(server):
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("chromium is not installed (make test installs it with apt-get where it can)")
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    profile = SCREENSHOT.parent / "chromium-profile"
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--window-size=1600,1000",
            "--virtual-time-budget=25000",
            "--hide-scrollbars",
            f"--screenshot={SCREENSHOT}",
            f"http://127.0.0.1:{server['port']}/asset-groups",
        ],
        check=True,
        timeout=120,
        capture_output=True,
    )
    shutil.rmtree(profile, ignore_errors=True)
    assert SCREENSHOT.stat().st_size > 20_000  # a rendered graph, not a blank page


def test_every_column_of_every_table_has_a_description_in_the_ui(server):
    nodes = graphql(
        server["port"],
        """{ assetNodes { assetKey { path } metadataEntries { label
             ... on TableSchemaMetadataEntry { schema { columns { name description } } } } } }""",
    )["assetNodes"]
    described = {}
    for node in nodes:
        for entry in node["metadataEntries"]:
            if entry["label"] == "dagster/column_schema":
                described[node["assetKey"]["path"][0]] = {
                    c["name"]: c["description"] for c in entry["schema"]["columns"]
                }
    assert set(described) == set(TABLE_NAMES)
    undescribed = [f"{t}.{c}" for t, columns in described.items() for c, text in columns.items() if not text]
    assert undescribed == []
