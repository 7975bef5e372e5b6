"""The table models document themselves: the UI's catalog shows what every column means."""

import pytest

from schemas.models import MODELS


@pytest.mark.parametrize("table", sorted(MODELS))
def test_every_column_has_a_description(table):
    columns = MODELS[table].to_schema().columns
    missing = [name for name, column in columns.items() if not (column.description or "").strip()]
    assert missing == [], f"{table}: columns without a description: {missing}"


@pytest.mark.parametrize("table", sorted(MODELS))
def test_descriptions_are_one_lower_case_clause(table):
    for name, column in MODELS[table].to_schema().columns.items():
        description = column.description or ""
        assert description[:1] == description[:1].lower() or description.split()[0].isupper(), (
            f"{table}.{name}: starts upper-case: {description!r}"
        )
        assert not description.endswith("."), f"{table}.{name}: ends with a full stop: {description!r}"


@pytest.mark.parametrize("table", sorted(MODELS))
def test_every_model_says_what_one_row_is(table):
    assert (MODELS[table].__doc__ or "").strip(), f"{table}: the model has no docstring"
