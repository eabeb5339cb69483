"""Jobs run off the GUI thread: progress, results, errors and safe cancel come back as signals."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt, QTimer

from bureau_app.eta import RemainingTimeEstimator
from bureau_app.progress_dialog import ProgressDialog, remaining_text
from bureau_app.worker import Job, JobCancelledError, JobRunner, Progress
from ceremony.errors import CeremonyError

pytestmark = pytest.mark.gui


@pytest.fixture
def runner(app):  # type: ignore[no-untyped-def]
    runner = JobRunner()
    yield runner
    assert runner.wait(30_000)


def _busy_python(seconds: float, progress: Progress) -> int:
    """CPU-bound pure-Python work for ``seconds``, reporting progress as it goes."""
    start = time.monotonic()
    total = 0
    while (elapsed := time.monotonic() - start) < seconds:
        for number in range(2000):
            total += number * number % 7
        progress.report(elapsed / seconds, "Calcul en cours")
    progress.report(1.0, "Terminé")
    return total


def test_the_event_loop_keeps_ticking_during_a_two_second_job(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    ticks_during_job = 0
    job = Job(lambda progress: _busy_python(2.0, progress), cancellable=False)

    def tick() -> None:
        nonlocal ticks_during_job
        if not job.done:
            ticks_during_job += 1

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(tick)
    timer.start()
    messages: list[str] = []
    job.progressed.connect(lambda _f, message, _r: messages.append(message))
    with qtbot.waitSignal(job.finished, timeout=20_000):
        runner.start(job)
    timer.stop()
    assert isinstance(job.result, int)
    # A blocked GUI thread would tick at most once or twice in two seconds.
    assert ticks_during_job >= 20, ticks_during_job
    assert messages[-1] == "Terminé"


def test_the_job_runs_in_another_thread_and_returns_its_result(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    gui_thread = threading.get_ident()
    job = Job(lambda _progress: threading.get_ident(), cancellable=False)
    with qtbot.waitSignal(job.succeeded) as signal:
        runner.start(job)
    assert signal.args[0] != gui_thread
    assert job.result == signal.args[0]
    assert job.error is None


def test_errors_come_back_as_the_exception(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    def fail(_progress: Progress) -> None:
        raise CeremonyError("urn 3: ballot 17 proof invalid", user_message="L'urne est invalide.")

    job = Job(fail, cancellable=False)
    with qtbot.waitSignal(job.failed) as signal:
        runner.start(job)
    error = signal.args[0]
    assert isinstance(error, CeremonyError)
    assert error.user_message == "L'urne est invalide."
    assert job.error is error and job.result is None


def test_safe_cancel_stops_at_the_next_safe_point(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    started = threading.Event()
    steps_done: list[int] = []

    def steps(progress: Progress) -> str:
        started.set()
        for step in range(10_000):
            progress.check_cancelled()
            time.sleep(0.001)
            steps_done.append(step)
        return "fini"

    job = Job(steps, cancellable=True)
    runner.start(job)
    assert started.wait(10)
    with qtbot.waitSignal(job.cancelled, timeout=10_000):
        job.cancel()
    qtbot.waitUntil(lambda: job.done)
    assert job.result is None and job.error is None
    assert len(steps_done) < 10_000


def test_a_job_not_marked_safe_cannot_be_cancelled(app) -> None:  # type: ignore[no-untyped-def]
    job = Job(lambda _progress: None, cancellable=False)
    with pytest.raises(RuntimeError):
        job.cancel()


def test_progress_is_thinned_but_the_end_always_arrives(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    received: list[float] = []

    def chatty(progress: Progress) -> None:
        for step in range(1, 20_001):
            progress.report(step / 20_000, f"Bulletin {step}")

    job = Job(chatty, cancellable=False)
    job.progressed.connect(lambda fraction, _m, _r: received.append(fraction))
    with qtbot.waitSignal(job.finished, timeout=20_000):
        runner.start(job)
    assert received[-1] == 1.0
    assert len(received) < 20_000


def test_the_remaining_time_is_extrapolated_and_smoothed() -> None:
    estimator = RemainingTimeEstimator(started_at=100.0)
    assert estimator.update(0.01, now=100.5) is None  # too early to say
    assert estimator.update(0.25, now=110.0) == pytest.approx(30.0)
    smoothed = estimator.update(0.5, now=130.0)  # raw 30 s, 30 s before
    assert smoothed == pytest.approx(30.0)
    assert estimator.update(1.0, now=160.0) == 0.0


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (-1.0, "Temps restant : estimation en cours…"),
        (5.0, "Presque terminé…"),
        (45.0, "Temps restant : moins d'une minute"),
        (61.0, "Temps restant : environ 2 minutes"),
        (60.0, "Temps restant : environ 1 minute"),
        (3 * 3600 + 5 * 60, "Temps restant : environ 3 h 05 min"),
    ],
)
def test_remaining_time_reads_like_a_person_would_say_it(app, seconds, text) -> None:  # type: ignore[no-untyped-def]
    assert remaining_text(seconds) == text


def test_the_progress_dialog_follows_the_job_and_cancels_on_escape(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    started = threading.Event()

    def steps(progress: Progress) -> None:
        started.set()
        for step in range(100_000):
            progress.report(step / 100_000, f"Bulletin {step}")
            progress.check_cancelled()
            time.sleep(0.001)

    job = Job(steps, cancellable=True)
    dialog = ProgressDialog("Vérification de l'urne", job)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.cancel_button is not None
    runner.start(job)
    assert started.wait(10)
    qtbot.waitUntil(lambda: dialog.bar.value() > 0, timeout=10_000)
    assert dialog.message.text().startswith("Bulletin ")
    with qtbot.waitSignal(job.cancelled, timeout=10_000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_an_uncancellable_job_offers_no_cancel_and_ignores_escape(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()
    job = Job(lambda _progress: release.wait(10), cancellable=False)
    dialog = ProgressDialog("Génération des clés", job)
    qtbot.addWidget(dialog)
    dialog.show()
    runner.start(job)
    assert dialog.cancel_button is None
    assert "ne peut pas être interrompue" in dialog.note.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.close()
    assert dialog.isVisible()
    with qtbot.waitSignal(job.finished, timeout=10_000):
        release.set()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert job.result is True


def test_cancelled_error_is_a_ceremony_error_with_a_french_message() -> None:
    error = JobCancelledError("job cancelled")
    assert isinstance(error, CeremonyError)
    assert error.user_message.startswith("L'opération a été annulée")


def test_a_finished_job_is_deleted_on_the_gui_thread(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    """Issue 17: a job must never be destroyed on a pool thread (a segfault in libpython)."""
    import shiboken6
    from PySide6.QtCore import QThread

    destroyed_on: list[object] = []
    job = Job(lambda _p: 42, cancellable=False)
    job.destroyed.connect(lambda: destroyed_on.append(QThread.currentThread()))
    with qtbot.waitSignal(job.finished, timeout=10_000):
        runner.start(job)
    assert job.result == 42
    qtbot.waitUntil(lambda: not shiboken6.isValid(job), timeout=10_000)
    assert destroyed_on == [runner.thread()]
    assert not runner.busy
