"""The stall meter sees the event loop being held up (it measures; it does not judge)."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QTimer

from bureau_app.stall_meter import StallMeter

pytestmark = pytest.mark.gui


def test_a_blocked_gui_thread_shows_as_a_stall(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    meter = StallMeter(interval_ms=10)
    meter.start()
    qtbot.wait(50)
    QTimer.singleShot(0, lambda: time.sleep(0.3))  # hold the GUI thread on purpose
    qtbot.wait(100)
    meter.stop()
    assert meter.longest_stall >= 0.25
    assert meter.percentile_stall(1.0) == meter.longest_stall
    assert len(meter.gaps) >= 3


def test_stalls_are_computed_from_the_clock_it_is_given(app) -> None:  # type: ignore[no-untyped-def]
    times = iter([0.0, 0.010, 0.020, 0.530, 0.540])
    meter = StallMeter(interval_ms=10, clock=lambda: next(times))
    meter.start()
    for _ in range(4):
        meter._tick()
    assert meter.longest_stall == pytest.approx(0.5)
    assert meter.longest_stall_at == pytest.approx(0.530)
    assert meter.percentile_stall(0.5) == pytest.approx(0.0, abs=1e-9)
