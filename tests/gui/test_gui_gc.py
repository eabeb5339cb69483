"""Cycles with Qt objects are collected on the GUI thread, never on a worker (issue 17)."""

from __future__ import annotations

import gc
import threading

import pytest

from bureau_app.gui_gc import GuiThreadCollector

pytestmark = pytest.mark.gui


class _Cycle:
    def __init__(self, on_delete) -> None:  # type: ignore[no-untyped-def]
        self.me = self
        self._on_delete = on_delete

    def __del__(self) -> None:
        self._on_delete(threading.get_ident())


def test_a_cycle_made_on_a_worker_is_freed_on_the_gui_thread(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    freed_on: list[int] = []
    collector = GuiThreadCollector(interval_ms=20)
    try:
        assert not gc.isenabled()

        kept: list[object] = []

        def worker() -> None:
            _Cycle(freed_on.append)
            # Far more live allocations than Python's threshold: automatic GC would run here.
            kept.append([[i] for i in range(50_000)])

        thread = threading.Thread(target=worker)
        thread.start()
        thread.join()
        assert freed_on == []
        qtbot.waitUntil(lambda: bool(freed_on), timeout=10_000)
        assert freed_on == [threading.get_ident()]
        assert collector.collections >= 1
    finally:
        collector.stop()
    assert gc.isenabled()
