"""A training card on the card I/O thread asks its PINs through the GUI's dialogs.

Chain under test, all real: GUI thread → job thread → ``CardWorker`` thread →
``QtPinHandler.get_pin`` → queued signal → ``PinDialog`` on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from bureau_app.pin_bridge import PinRequestedOnGuiThreadError, QtPinHandler
from bureau_app.pin_dialog import PinDialog
from bureau_app.worker import Job, JobRunner
from ceremony.cards.errors import PinEntryCancelledError, WrongPinError
from ceremony.cards.interface import (
    CardSetup,
    PinKind,
    PinPrompt,
    verify_card_signature,
)
from ceremony.cards.training import TrainingCard
from ceremony.cards.worker import CardWorker, ThreadedCard

pytestmark = pytest.mark.gui

PIN = "482913"
SETUP = CardSetup(holder="Dr Marie Dupont", role="president", bureau_id="bureau-test")


@pytest.fixture
def card_worker() -> Iterator[CardWorker]:
    worker = CardWorker()
    yield worker
    worker.shutdown()


@pytest.fixture
def runner(app):  # type: ignore[no-untyped-def]
    runner = JobRunner()
    yield runner
    assert runner.wait(60_000)


@pytest.fixture
def handler(app):  # type: ignore[no-untyped-def]
    handler = QtPinHandler()
    yield handler
    handler.cancel_all()


def _answer(qtbot, handler, *, pin: str, confirm: bool = False):  # type: ignore[no-untyped-def]
    """Wait for the next dialog, type ``pin`` (twice for a new PIN), press Enter."""
    with qtbot.waitSignal(handler.dialog_opened, timeout=20_000) as opened:
        pass
    dialog: PinDialog = opened.args[0]
    qtbot.keyClicks(dialog.field, pin)
    if confirm:
        qtbot.keyClicks(dialog.confirm_field, pin)
    seen = (dialog.heading.text(), dialog.tries.text(), dialog.is_new_pin)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    return seen


def _initialised(qtbot, tmp_path: Path, card_worker, runner, handler) -> ThreadedCard:  # type: ignore[no-untyped-def]
    card = ThreadedCard(TrainingCard.create(tmp_path / "card.json"), card_worker)
    job = Job(lambda _progress: card.initialise(SETUP, handler), cancellable=False)
    runner.start(job)
    heading, advice, is_new = _answer(qtbot, handler, pin=PIN, confirm=True)
    qtbot.waitUntil(lambda: job.done, timeout=30_000)
    assert job.error is None, job.error
    assert is_new and heading == "Choisissez le code de la carte"
    assert advice.startswith("Au moins 6 caractères")
    return card


def test_initialise_then_sign_with_pins_typed_in_the_gui(
    qtbot, tmp_path, card_worker, runner, handler
) -> None:  # type: ignore[no-untyped-def]
    card = _initialised(qtbot, tmp_path, card_worker, runner, handler)
    identity = card.read_identity()
    job = Job(lambda _progress: card.sign(b"proces-verbal", handler), cancellable=False)
    runner.start(job)
    heading, tries, is_new = _answer(qtbot, handler, pin=PIN)
    qtbot.waitUntil(lambda: job.done, timeout=30_000)
    assert job.error is None, job.error
    assert not is_new
    assert heading == "Dr Marie Dupont, tapez le code de votre carte"
    assert tries == "Il reste 3 essais avant le blocage de la carte."
    verify_card_signature(identity.signature_key, b"proces-verbal", job.result)


def test_a_wrong_pin_comes_back_as_the_card_error_and_tries_go_down(
    qtbot, tmp_path, card_worker, runner, handler
) -> None:  # type: ignore[no-untyped-def]
    card = _initialised(qtbot, tmp_path, card_worker, runner, handler)
    job = Job(lambda _progress: card.sign(b"x", handler), cancellable=False)
    runner.start(job)
    _answer(qtbot, handler, pin="999999")
    qtbot.waitUntil(lambda: job.done, timeout=30_000)
    assert isinstance(job.error, WrongPinError) and job.error.tries_left == 2
    again = Job(lambda _progress: card.sign(b"x", handler), cancellable=False)
    runner.start(again)
    _heading, tries, _new = _answer(qtbot, handler, pin=PIN)
    qtbot.waitUntil(lambda: again.done, timeout=30_000)
    assert tries == "Il reste 2 essais avant le blocage de la carte."
    assert again.error is None


def test_cancelling_the_dialog_cancels_the_card_operation(
    qtbot, tmp_path, card_worker, runner, handler
) -> None:  # type: ignore[no-untyped-def]
    card = _initialised(qtbot, tmp_path, card_worker, runner, handler)
    job = Job(lambda _progress: card.sign(b"x", handler), cancellable=False)
    runner.start(job)
    with qtbot.waitSignal(handler.dialog_opened, timeout=20_000) as opened:
        pass
    dialog = opened.args[0]
    qtbot.keyClicks(dialog.field, PIN)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: job.done, timeout=30_000)
    assert isinstance(job.error, PinEntryCancelledError)


def test_a_factory_or_mismatched_new_pin_cannot_be_confirmed(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    dialog = PinDialog("", None, kind=PinKind.NEW_USER)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.field, "123456")
    qtbot.keyClicks(dialog.confirm_field, "123456")
    assert not dialog.ok_button.isEnabled()
    assert dialog.problem.text()  # the card policy's own French sentence
    dialog.field.setText("482913")
    dialog.confirm_field.setText("48291")
    assert not dialog.ok_button.isEnabled()
    dialog.confirm_field.setText("482914")
    assert dialog.problem.text() == "Les deux codes tapés sont différents."
    dialog.confirm_field.setText("482913")
    assert dialog.ok_button.isEnabled() and not dialog.problem.isVisible()


def test_an_admin_pin_needs_eight_characters(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    dialog = PinDialog("", None, kind=PinKind.NEW_ADMIN)
    qtbot.addWidget(dialog)
    dialog.field.setText("4829135")
    dialog.confirm_field.setText("4829135")
    assert not dialog.ok_button.isEnabled()
    dialog.field.setText("48291357")
    dialog.confirm_field.setText("48291357")
    assert dialog.ok_button.isEnabled()


def test_asking_on_the_gui_thread_is_refused_not_frozen(handler) -> None:  # type: ignore[no-untyped-def]
    prompt = PinPrompt(PinKind.USER, "Code personnel pour signer.", "TRAINING-00", "A")
    with pytest.raises(PinRequestedOnGuiThreadError):
        handler.get_pin(prompt, 3)


def test_closing_releases_a_waiting_card_thread(qtbot, card_worker, handler) -> None:  # type: ignore[no-untyped-def]
    prompt = PinPrompt(PinKind.USER, "Code personnel pour signer.", "TRAINING-00", "A")
    future = card_worker._executor.submit(handler.get_pin, prompt, 3)
    with qtbot.waitSignal(handler.dialog_opened, timeout=20_000) as opened:
        pass
    qtbot.addWidget(opened.args[0])
    handler.cancel_all()
    with pytest.raises(PinEntryCancelledError):
        future.result(timeout=10)
