"""Python's cyclic garbage collector runs on the GUI thread only (issue 17's segfault).

Python collects reference cycles in whichever thread happens to allocate when
a threshold is crossed: with the engine's work on pool threads, that is most
often a pool thread. If a cycle holds a Qt object that Python owns (a widget, a
pixmap, a QObject without parent), collecting it there destroys that object off
the GUI thread, which crashes Qt. The ten-run bench caught one such crash with
``faulthandler`` (a pool thread "Garbage-collecting" while registering a card).
So automatic collection is turned off and this timer collects on the GUI thread,
with Python's own thresholds; reference counting frees everything else at once
as before, in any thread.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

_INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """Create once on the GUI thread; ``stop`` gives collection back to Python."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = _INTERVAL_MS) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self.collections = 0
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> None:
        """Collect the generations whose counts passed Python's thresholds."""
        counts = gc.get_count()
        if counts[0] <= self._thresholds[0]:
            return
        generation = 0
        if counts[1] > self._thresholds[1]:
            generation = 1
            if counts[2] > self._thresholds[2]:
                generation = 2
        gc.collect(generation)
        self.collections += 1

    def stop(self) -> None:
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
