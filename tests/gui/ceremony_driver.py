"""Plays the bureau's members at the GUI: answers card prompts and PIN dialogs like people.

Nothing here calls the engine: it clicks the real buttons of the real dialogs
the adapter opens, inserts training cards through the training reader, and
types each member's PIN (``ceremony.workflow.demo.DemoPins``, derived from the
seed, never stored) into the PIN dialog.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from ceremony.cards.interface import PinPrompt
from ceremony.workflow.demo import DemoPins
from tests.workflow.ceremony_setup import small_description

SEED = "gui-ceremony"
BALLOTS = 12


def open_small_demo(window: Any, folder: Path) -> Any:
    from bureau_app.window import open_demo

    return open_demo(window, folder, ballots=BALLOTS, seed=SEED, description=small_description())


def save(widget: QWidget, directory: Path, name: str) -> Path:
    path = directory / f"{name}.png"
    image = widget.grab()
    assert not image.isNull()
    assert image.save(str(path))
    return path


@dataclass
class Members:
    """Answers every dialog the adapter opens, as the members at the table would."""

    adapter: Any
    shots: Path
    prompts: int = 0
    pins: int = 0
    errors: list[BaseException] = field(default_factory=list)
    saved: list[Path] = field(default_factory=list)
    keyboard_only: bool = False
    decisions: list[tuple[str, str]] = field(default_factory=list)
    """What the bureau decides when the decision dialog opens: (decision, reason), in turn."""
    roll_calls: list[Any] = field(default_factory=list)
    """How each roll-call dialog is answered, in turn (a callable given the dialog); when
    none is left, every member is present at the time proposed."""

    def __post_init__(self) -> None:
        if not self.keyboard_only:
            self.adapter.card_prompt_opened.connect(self._on_prompt)
            self.adapter.pins.dialog_opened.connect(self._on_pin)
            self.adapter.dialog_opened.connect(self._on_dialog)
        self.adapter.step_failed.connect(self.errors.append)

    def pin_for(self, dialog: Any) -> str:
        member = self.adapter.card_source().member_of(dialog.card_serial)
        prompt = PinPrompt(dialog.kind, "", dialog.card_serial)
        return DemoPins(SEED, member).get_pin(prompt, None)

    def _shot_once(self, widget: QWidget, name: str) -> None:
        if not any(p.stem == name for p in self.saved):
            self.saved.append(save(widget, self.shots, name))

    def _on_prompt(self, prompt: Any) -> None:
        from bureau_app.quorum_prompt import QuorumPromptDialog

        self.prompts += 1
        if isinstance(prompt, QuorumPromptDialog):
            # Insert the next needed card each time the prompt waits for one.
            timer = QTimer(prompt)

            def next_card() -> None:
                if not prompt.isVisible() or prompt._checking is not None:
                    return
                self._shot_once(prompt, "dialog-quorum-prompt")
                QTest.mouseClick(prompt.reader.insert_button, _left())

            timer.timeout.connect(next_card)
            timer.start(50)
            return

        def insert() -> None:
            self._shot_once(prompt, "dialog-card-prompt")
            QTest.mouseClick(prompt.reader.insert_button, _left())

        QTimer.singleShot(0, insert)

    def _on_pin(self, dialog: Any) -> None:
        self.pins += 1

        def answer() -> None:
            pin = self.pin_for(dialog)
            QTest.keyClicks(dialog.field, pin)
            if dialog.is_new_pin:
                QTest.keyClicks(dialog.confirm_field, pin)
                self._shot_once(dialog, "dialog-pin-new")
            else:
                self._shot_once(dialog, "dialog-pin")
            assert dialog.ok_button.isEnabled()
            QTest.mouseClick(dialog.ok_button, _left())

        QTimer.singleShot(0, answer)

    def _on_dialog(self, dialog: Any) -> None:
        from bureau_app.progress_dialog import ProgressDialog
        from bureau_app.rollcall_dialogs import SessionCloseDialog, SessionOpenDialog
        from bureau_app.step_dialogs import DecisionDialog, ExpertDialog, FingerprintDialog

        if isinstance(dialog, SessionOpenDialog | SessionCloseDialog):
            # Every member present at each session, at the time the calendar proposes.
            name = "dialog-rollcall-" + (
                "open" if isinstance(dialog, SessionOpenDialog) else "close"
            )

            def answer_roll_call() -> None:
                self._shot_once(dialog, name)
                if self.roll_calls:
                    self.roll_calls.pop(0)(dialog)
                    return
                assert dialog.ok_button.isEnabled()
                QTest.mouseClick(dialog.ok_button, _left())

            QTimer.singleShot(0, answer_roll_call)
        elif isinstance(dialog, DecisionDialog):
            decision, reason = self.decisions.pop(0)

            def decide() -> None:
                dialog.choice_buttons[decision].click()  # its label, not the centre, takes clicks
                QTest.keyClicks(dialog.reason, reason)
                QTest.keyClicks(dialog.authorisation, "CNG/DG/2024-117")
                self._shot_once(dialog, "dialog-decision")
                assert dialog.ok_button.isEnabled()
                QTest.mouseClick(dialog.ok_button, _left())

            QTimer.singleShot(0, decide)
        elif isinstance(dialog, FingerprintDialog | ExpertDialog):
            name = (
                "dialog-fingerprint" if isinstance(dialog, FingerprintDialog) else "dialog-expert"
            )

            def accept() -> None:
                from PySide6.QtWidgets import QDialogButtonBox

                if isinstance(dialog, FingerprintDialog) and dialog.entry.expected:
                    QTest.keyClicks(dialog.field, dialog.entry.expected)
                self._shot_once(dialog, name)
                box = dialog.findChild(QDialogButtonBox)
                QTest.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), _left())

            QTimer.singleShot(0, accept)
        elif isinstance(dialog, ProgressDialog) and "urne" in dialog.windowTitle():
            # Once the engine has reported some ballots: the bar and the time left show.
            QTimer.singleShot(400, lambda: self._shot_once(dialog, "dialog-progress-urn"))


def _left() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
