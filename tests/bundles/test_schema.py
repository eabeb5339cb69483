"""Time fields: only named errors, whatever the string."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ceremony.bundles.errors import PayloadSchemaError
from ceremony.bundles.schema import PARIS, Reader, paris_text, utc_text


def read(value: object, kind: str) -> datetime:
    reader = Reader({"t": value}, PayloadSchemaError, "x")
    return reader.paris_time("t") if kind == "paris" else reader.utc_time("t")


@pytest.mark.parametrize(
    "value",
    [
        "0001-01-01T00:00:00+01:00",
        "9999-12-31T23:59:59-01:00",
        "1999-12-31T23:00:00+01:00",
        "2024-07-01T09:00:00+01:00",  # winter offset in summer
        "2024-07-01T09:00:00",
        "2024-07-01T09:00:00.5+02:00",
    ],
)
def test_bad_paris_times(value: str) -> None:
    with pytest.raises(PayloadSchemaError):
        read(value, "paris")


def test_paris_times_round_trip_across_daylight_saving() -> None:
    for moment in (
        datetime(2024, 3, 31, 3, 0, tzinfo=PARIS),
        datetime(2024, 10, 27, 2, 30, tzinfo=PARIS),
    ):
        assert read(paris_text(moment), "paris") == moment


offsets = st.integers(-23 * 60, 23 * 60).map(lambda m: timezone(timedelta(minutes=m)))


@settings(max_examples=200, deadline=None)
@given(
    moment=st.datetimes(timezones=offsets) | st.datetimes(timezones=st.just(UTC)),
    kind=st.sampled_from(["paris", "utc"]),
)
def test_any_datetime_string_gives_a_time_or_a_named_error(moment: datetime, kind: str) -> None:
    for text in (moment.isoformat(), moment.strftime("%Y-%m-%dT%H:%M:%SZ")):
        try:
            parsed = read(text, kind)
        except PayloadSchemaError:
            continue
        assert (paris_text if kind == "paris" else utc_text)(parsed) == text
