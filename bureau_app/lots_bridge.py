"""The drawing of lots asks each member present for a value: worker asks, Qt thread answers.

``Bureau.count(cards, lots=ask)`` calls ``ask(member_id, message, hidden)`` on the
worker thread when a perfect tie needs a drawing of lots
(:mod:`ceremony.workflow.lots_draw`: commit, then reveal). The request crosses to
the GUI thread through a queued signal, where an input dialog opens for that
member; the worker waits for the answer. A cancelled entry stops the count
(nothing of the draw is kept), as the engine expects of an unanswered member.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QWidget,
)

from bureau_app.engine_messages import lots_prompt
from bureau_app.pin_bridge import PinRequestedOnGuiThreadError
from bureau_app.sizing import fit_to_text
from bureau_app.text import typeset
from ceremony.cards.errors import PinEntryCancelledError
from ceremony.workflow.lots_draw import MIN_VALUE_LENGTH

log = logging.getLogger(__name__)


class LotsEntryCancelledError(PinEntryCancelledError):
    """A member cancelled a value of the drawing of lots (not a card code)."""

    default_message = (
        "Tirage au sort interrompu : un membre a annulé sa saisie. Rien du tirage n'a été "
        "enregistré ; relancez le dépouillement pour le refaire."
    )


@dataclass(eq=False)
class _Request:
    member: str
    message: str
    hidden: bool
    answered: threading.Event = field(default_factory=threading.Event)
    value: str | None = None


class QtLotsAsker(QObject):
    """``ask(member_id, message, hidden) -> str``; create on the GUI thread, call from a worker."""

    _requested = Signal(object)
    dialog_opened = Signal(object)  # the QInputDialog, for tests

    def __init__(self, name_of: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__()
        self._name_of = name_of
        self._parent = parent
        self._requested.connect(self._open_dialog)

    def __call__(self, member_id: str, message: str, hidden: bool) -> str:
        if QThread.currentThread() is self.thread():
            raise PinRequestedOnGuiThreadError("lots value asked on the GUI thread")
        request = _Request(member_id, message, hidden)
        self._requested.emit(request)
        request.answered.wait()
        if request.value is None:
            # Still a PinEntryCancelledError for the engine (an unanswered member stops the
            # count); its own words for the bureau, who typed no card code here.
            raise LotsEntryCancelledError(f"lots entry cancelled by {member_id}")
        return request.value

    def _open_dialog(self, request: _Request) -> None:
        # The phase and the member, never the value: the log is how the real-app test
        # (another process) knows the draw is waiting for someone.
        phase = "commit" if request.hidden else "reveal"
        log.info("lots value asked: %s, %s", request.member, phase)
        dialog = QInputDialog(QApplication.activeModalWidget() or self._parent)
        dialog.setWindowTitle(
            self.tr("Tirage au sort : %1").replace("%1", self._name_of(request.member))
        )
        if request.hidden:
            how = self.tr(
                "Chaque membre présent tape une valeur que personne ne voit. Retenez-la : "
                "vous la retaperez à l'identique, en public, quand toutes les valeurs auront "
                "été données. Ensemble, elles désignent le sort."
            )
        else:
            how = self.tr(
                "Retapez exactement la valeur cachée que vous avez choisie : elle s'affiche, "
                "pour que chacun puisse la noter."
            )
        # Non-breaking spaces inside « » and before ":" — a list name never breaks off its mark.
        dialog.setLabelText(typeset(lots_prompt(request.message) + "\n\n" + how))
        dialog.setTextEchoMode(
            QLineEdit.EchoMode.Password if request.hidden else QLineEdit.EchoMode.Normal
        )
        dialog.setAccessibleName(self.tr("Valeur pour le tirage au sort"))
        label = dialog.findChild(QLabel)
        if label is not None:
            # The tied lists' names are long: the text wraps, the dialog never widens for it.
            label.setWordWrap(True)
        fit_to_text(dialog, 60)
        buttons = dialog.findChild(QDialogButtonBox)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok) if buttons is not None else None
        if ok is not None:
            # Shorter than the engine accepts would only fail the whole draw afterwards.
            ok.setEnabled(False)
            dialog.textValueChanged.connect(
                lambda text: ok.setEnabled(len(text) >= MIN_VALUE_LENGTH)
            )

        def answer(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                request.value = dialog.textValue()
            else:
                log.info("lots value not given: %s cancelled", request.member)
            request.answered.set()
            dialog.deleteLater()

        dialog.finished.connect(answer)
        dialog.open()
        self.dialog_opened.emit(dialog)
