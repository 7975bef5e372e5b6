"""The inbox sensor and the daily schedule, evaluated the way the daemon evaluates them."""

import dagster as dg

from pipelines.automation import folder_fingerprint
from pipelines.definitions import daily_reconciliation, inbox_sensor

ARTICLE = "Japan's Food Agency said it will buy 120,000 tonnes of U.S. wheat for shipment in May."


def evaluate(folder, monkeypatch, cursor=None):  # noqa: ANN001, ANN201
    monkeypatch.setenv("WIREFACTS_INBOX", str(folder))
    with dg.instance_for_test() as instance:
        return inbox_sensor(dg.build_sensor_context(instance=instance, cursor=cursor))


def test_a_new_file_starts_one_run_over_the_inbox(tmp_path, monkeypatch):
    (tmp_path / "wheat.txt").write_text(ARTICLE, encoding="utf-8")
    result = evaluate(tmp_path, monkeypatch)
    (request,) = result.run_requests
    assert request.run_config["resources"]["source"]["config"]["path"] == str(tmp_path)
    assert result.cursor == folder_fingerprint(tmp_path) == request.run_key


def test_nothing_new_skips_and_a_changed_file_runs_again(tmp_path, monkeypatch):
    (tmp_path / "wheat.txt").write_text(ARTICLE, encoding="utf-8")
    cursor = folder_fingerprint(tmp_path)
    skipped = evaluate(tmp_path, monkeypatch, cursor)
    assert isinstance(skipped, dg.SkipReason) and "no new or changed files" in skipped.skip_message
    (tmp_path / "wheat.txt").write_text(ARTICLE + " Reuter", encoding="utf-8")
    assert len(evaluate(tmp_path, monkeypatch, cursor).run_requests) == 1


def test_an_empty_or_missing_inbox_starts_nothing(tmp_path, monkeypatch):
    empty = evaluate(tmp_path, monkeypatch)
    assert isinstance(empty, dg.SkipReason) and "holds no files" in empty.skip_message
    missing = evaluate(tmp_path / "nowhere", monkeypatch)
    assert isinstance(missing, dg.SkipReason) and "does not exist" in missing.skip_message


def test_the_daily_reconciliation_runs_at_three_and_starts_switched_on():
    assert daily_reconciliation.cron_schedule == "0 3 * * *"
    assert daily_reconciliation.default_status == dg.DefaultScheduleStatus.RUNNING
    assert inbox_sensor.default_status == dg.DefaultSensorStatus.RUNNING
