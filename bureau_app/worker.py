"""Long work off the GUI thread, with progress, remaining time, results and safe cancel.

A job is a plain function ``fn(progress) -> result`` that calls the ceremony
core; it reports through ``progress.report(fraction, message)`` and, if the
caller marked it cancellable, calls ``progress.check_cancelled()`` at the points
where stopping leaves nothing half-done. Signals carry everything back to the
GUI thread (queued connections), so the interface never waits for the job.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from bureau_app.eta import RemainingTimeEstimator
from ceremony.errors import CeremonyError

T = TypeVar("T")

# Progress is sent at most this often: a job reporting every ballot would
# otherwise flood the GUI thread's event queue.
_REPORT_INTERVAL = 0.05
UNKNOWN_REMAINING = -1.0
UNKNOWN_FRACTION = -1.0


class JobCancelledError(CeremonyError):
    default_message = "L'opération a été annulée à votre demande. Rien n'a été modifié."


class Progress:
    """Handed to the job; thread-safe."""

    def __init__(
        self,
        emit: Callable[[float, str, float], None],
        cancel_event: threading.Event,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._emit = emit
        self._cancel = cancel_event
        self._clock = clock
        self._estimator = RemainingTimeEstimator(started_at=clock())
        self._last_sent = float("-inf")

    def report(self, fraction: float, message: str) -> None:
        fraction = max(0.0, min(1.0, fraction))
        now = self._clock()
        remaining = self._estimator.update(fraction, now)
        if fraction < 1.0 and now - self._last_sent < _REPORT_INTERVAL:
            return
        self._last_sent = now
        self._emit(fraction, message, UNKNOWN_REMAINING if remaining is None else remaining)

    def say(self, message: str) -> None:
        """What is being done, when no fraction can be told (the bar stays "busy")."""
        self._emit(UNKNOWN_FRACTION, message, UNKNOWN_REMAINING)

    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def check_cancelled(self) -> None:
        """Raise ``JobCancelledError`` here if cancel was asked; call only where it is safe."""
        if self._cancel.is_set():
            raise JobCancelledError("job cancelled at a safe point")


class Job(QObject, Generic[T]):
    """A handle on one running job. Connect to its signals before ``JobRunner.start``."""

    progressed = Signal(float, str, float)  # fraction, French message, seconds left (-1 unknown)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    cancelled = Signal()
    finished = Signal()  # after any of the three above

    def __init__(self, fn: Callable[[Progress], T], *, cancellable: bool) -> None:
        super().__init__()
        self._fn = fn
        self.cancellable = cancellable
        self._cancel = threading.Event()
        self._done = False
        self.result: T | None = None
        self.error: BaseException | None = None
        self.succeeded.connect(self._record_result)
        self.failed.connect(self._record_error)
        self.finished.connect(self._mark_done)

    @property
    def done(self) -> bool:
        return self._done

    def cancel(self) -> None:
        if not self.cancellable:
            raise RuntimeError("this job was not marked safe to cancel")
        self._cancel.set()

    def _record_result(self, result: T) -> None:
        self.result = result

    def _record_error(self, error: BaseException) -> None:
        self.error = error

    def _mark_done(self) -> None:
        self._done = True

    def run_here(self) -> None:
        """Run the job in the calling thread (the worker thread)."""
        progress = Progress(self.progressed.emit, self._cancel)
        fn, self._fn = self._fn, _spent
        try:
            result = fn(progress)
        except JobCancelledError:
            self.cancelled.emit()
        except Exception as error:  # noqa: BLE001 - every failure goes to the GUI as a signal
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)
        # The closure (cards, PIN handlers, widgets' data) is released here, not with the job.
        del fn
        self.finished.emit()


def _spent(_progress: Progress) -> Any:
    raise RuntimeError("a job runs once")


class _Runnable(QRunnable):
    def __init__(self, job: Job[Any]) -> None:
        super().__init__()
        self._job = job
        self.setAutoDelete(True)

    def run(self) -> None:
        self._job.run_here()


class JobRunner(QObject):
    """Starts jobs on its own thread pool and keeps them alive until they finish.

    A job is a QObject of the GUI thread: it must never be destroyed on a pool
    thread (the last Python reference could otherwise go with the pool's runnable,
    and Qt would delete an object of another thread, with queued signals still on
    their way: the crash of issue 17). The runner owns each job in C++ and deletes
    it later on the GUI thread, once its ``finished`` has been delivered there.
    """

    def __init__(self, max_threads: int = 2, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._running: set[Job[Any]] = set()

    def start(self, job: Job[T]) -> Job[T]:
        self._running.add(job)
        job.setParent(self)
        job.finished.connect(self._job_finished)
        self._pool.start(_Runnable(job))
        return job

    def _job_finished(self) -> None:
        job = self.sender()
        if isinstance(job, Job):
            self._running.discard(job)
            job.deleteLater()

    @property
    def busy(self) -> bool:
        """Whether a job started here has not finished yet."""
        return bool(self._running)

    def wait(self, msecs: int = -1) -> bool:
        """Block until every job has finished (for shutdown and tests, not the GUI)."""
        return self._pool.waitForDone(msecs)
