"""How long the GUI thread goes without serving its event loop (for benchmarks).

A precise timer fires every ``interval_ms``; the gap between two firings,
minus the interval, is how long the event loop was held up. Used by
``tests/bench/bench_gui_event_loop.py``; never for assertions in tests.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer


class StallMeter(QObject):
    def __init__(
        self,
        interval_ms: int = 10,
        clock: Callable[[], float] = time.perf_counter,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._interval = interval_ms / 1000
        self._clock = clock
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._last: float | None = None
        self._started = 0.0
        self.gaps: list[float] = []
        self.ends: list[float] = []  # when each gap ended, seconds after start()

    def start(self) -> None:
        self.gaps.clear()
        self.ends.clear()
        self._last = self._started = self._clock()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._last = None

    def _tick(self) -> None:
        now = self._clock()
        if self._last is not None:
            self.gaps.append(now - self._last)
            self.ends.append(now - self._started)
        self._last = now

    @property
    def longest_stall(self) -> float:
        """Seconds: the longest time the loop was late on its timer (0 if never)."""
        return max((gap - self._interval for gap in self.gaps), default=0.0)

    @property
    def longest_stall_at(self) -> float:
        """Seconds after ``start()`` when the longest stall ended (0 if none)."""
        if not self.gaps:
            return 0.0
        return self.ends[max(range(len(self.gaps)), key=self.gaps.__getitem__)]

    def percentile_stall(self, fraction: float) -> float:
        """Seconds: the stall that ``fraction`` of the ticks did not exceed."""
        if not self.gaps:
            return 0.0
        ordered = sorted(gap - self._interval for gap in self.gaps)
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]
