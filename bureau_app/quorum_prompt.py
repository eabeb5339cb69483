"""The card prompt of a step that needs a quorum: whoever may come, comes.

It says who may bring a card ("la présidente ou le secrétaire", "deux délégués
de liste parmi trois"), takes any card that still counts, checks its holder's
PIN at once (``StepPins.check_pin``, on a worker thread) and ticks the holder
off. A wrong or cancelled PIN, a blocked card or a card that is not needed
leave the cards already done done: the member tries again or another steps in.
It accepts once the quorum is complete (or, for a step signed one card at a
time, once one more card is checked) and then ``present`` holds the cards.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bureau_app.card_prompt import CardEvents
from bureau_app.card_sources import TrainingReader
from bureau_app.quorum import Need, member_label, who_may_come
from bureau_app.resources import icon
from bureau_app.sizing import fit_to_text, scale_font
from bureau_app.step_pins import StepPins
from bureau_app.text import fill
from bureau_app.worker import Job, JobRunner
from ceremony.bundles.payloads.definition import Member
from ceremony.cards.errors import (
    CardError,
    PinBlockedError,
    PinEntryCancelledError,
    WrongPinError,
)
from ceremony.cards.interface import CardClient
from ceremony.errors import CeremonyError
from ceremony.workflow.holders import PresentCard

log = logging.getLogger(__name__)


class QuorumPromptDialog(QDialog):
    """Collects the cards of a quorum (or one more signer); ``present`` once accepted."""

    def __init__(
        self,
        title: str,
        need: Need,
        *,
        events: CardEvents,
        serials: Mapping[str, str],
        open_client: Callable[[str], CardClient],
        pins: StepPins,
        runner: JobRunner,
        lists: Mapping[str, str],
        already: Collection[str] = (),
        one: bool = False,
        reader: Callable[[str], QWidget | None] = lambda _m: None,
        absent: Mapping[str, str] | None = None,
        absent_members: Sequence[Member] = (),
        on_card_event: Callable[[str, str, int | None], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``serials``: card serial → member id (the registered cards); ``already``: members
        who have done this step before (they count, and are shown as done); ``one``: accept
        after one more card (a signature per card, e.g. the seal); ``absent``: members not
        present at the session (roll-call) → why, with ``absent_members`` those who are not
        in ``need`` (their card is refused; they are shown as absent)."""
        super().__init__(parent)
        self._absent = dict(absent or {})
        self._absent_members = tuple(absent_members)
        self.need = need
        self._events = events
        self._serials = dict(serials)
        self._open_client = open_client
        self._pins = pins
        self._runner = runner
        self._lists = lists
        self._already = set(already)
        self._one = one
        self.present: list[PresentCard] = []
        # Absent from the session: their card cannot serve (the step may still need it).
        self._unavailable: set[str] = set(self._absent)
        self._failed_pin: dict[str, str] = {}  # member id → serial, to try the code again
        self._retry_member: str | None = None  # whose code the retry button asks again
        # Wrong, cancelled or blocked codes go to the journal (never the code itself).
        self._on_card_event = on_card_event
        self._checking: str | None = None
        self._job: Job[None] | None = None
        self._closed = False
        self.setWindowTitle(title)
        self.setAccessibleName(self.tr("Demande des cartes du quorum"))

        picture = QLabel()
        picture.setPixmap(icon("card").pixmap(96, 64))
        picture.setAccessibleName(self.tr("Dessin d'une carte à puce"))
        self.heading = QLabel()
        scale_font(self.heading, 1.4, bold=True)
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName(self.tr("Cartes demandées"))
        self.who = QLabel()
        self.who.setWordWrap(True)
        self.who.setTextFormat(Qt.TextFormat.PlainText)
        self.who.setAccessibleName(self.tr("Qui peut présenter sa carte"))
        self.members = QListWidget()
        self.members.setAccessibleName(self.tr("Membres et cartes déjà prises en compte"))
        self.members.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.members.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        # Long list names wrap instead of scrolling sideways.
        self.members.setWordWrap(True)
        self.members.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.members.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.members.setMinimumHeight(self.members.fontMetrics().height() * 7)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("État du lecteur de carte"))
        self.status.setMinimumHeight(self.status.fontMetrics().height() * 3)
        self.retry_button = QPushButton()
        self.retry_button.setVisible(False)
        self.retry_button.clicked.connect(self._retry)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("&Annuler"))
        self.cancel_button.setAccessibleName(self.tr("Annuler la demande de cartes"))
        buttons.rejected.connect(self.reject)

        head = QHBoxLayout()
        head.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.heading, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.who)
        layout.addWidget(self.members)
        layout.addWidget(self.status)
        layout.addWidget(self.retry_button)
        # Training: the stand-in reader where the member "inserts" a training card.
        first = self._next_member()
        self.reader = reader(first) if first is not None else None
        if self.reader is not None:
            layout.addWidget(self.reader)
        layout.addWidget(buttons)
        if isinstance(self.reader, TrainingReader):
            # Default once inside the dialog (Qt finds the dialog when the flag is set):
            # Entrée inserts the card the reader shows, wherever the focus is.
            self.reader.insert_button.setDefault(True)
            self.reader.insert_button.setFocus()

        events.card_inserted.connect(self._on_inserted)
        events.card_removed.connect(self._on_removed)
        events.card_unreadable.connect(self._on_unreadable)
        self._show()
        waiting = self.tr("En attente d'une carte… Placez-la dans le lecteur, puce vers le haut.")
        if not need.reachable(self._counted(), self._unavailable):
            waiting = self.tr(
                "Avec les membres présents à la séance, cette étape ne peut pas se faire. "
                "Annulez, puis consignez l'arrivée du membre attendu (« Arrivée ou départ "
                "d'un membre ») avant de recommencer l'étape."
            )
        self._say(waiting)
        fit_to_text(self, 70)

    # --- what is shown ------------------------------------------------------------------------

    def done_members(self) -> set[str]:
        return self._already | {c.member_id for c in self.present}

    def _counted(self) -> set[str]:
        return self.done_members()

    def _next_member(self) -> str | None:
        done = self._counted()
        return next(
            (
                m.member_id
                for m in self.need.members
                if m.member_id not in self._unavailable and self.need.may_join(m.member_id, done)
            ),
            None,
        )

    def _show(self) -> None:
        done = self._counted()
        if self._one:
            self.heading.setText(
                self.tr("Présentez une carte : un membre qui n'a pas encore signé")
            )
        elif self.need.everyone:
            self.heading.setText(
                self.tr("Les cartes de tous les membres, dans l'ordre de votre choix")
            )
        else:
            self.heading.setText(self.tr("Les cartes du quorum, parmi les membres présents"))
        lines = who_may_come(self.need, done, self._lists)
        if lines:
            text = self.tr("Encore nécessaire :") + "\n" + "\n".join(f"• {line}" for line in lines)
        else:
            text = self.tr("Le quorum est atteint.")
        away = [m.name for m in self._all_members() if m.member_id in self._absent]
        if away:
            text += "\n" + fill(
                self.tr("Pas à la séance (leur carte ne sert pas) : %1."), ", ".join(away)
            )
        self.who.setText(text)
        self.members.clear()
        for member in self.need.members:
            label = member_label(member, self._lists)
            if member.member_id in self._already:
                state = self.tr("déjà fait")
                mark = "✓"
            elif member.member_id in {c.member_id for c in self.present}:
                state = self.tr("carte et code vérifiés")
                mark = "✓"
            elif member.member_id == self._checking:
                state = self.tr("code en cours de saisie")
                mark = "…"
            elif member.member_id in self._absent:
                state = self._absent[member.member_id]
                mark = "✗"
            elif member.member_id in self._unavailable:
                state = self.tr("carte bloquée")
                mark = "✗"
            elif self.need.may_join(member.member_id, done):
                state = self.tr("peut présenter sa carte")
                mark = "○"
            else:
                state = self.tr("pas nécessaire")
                mark = "–"
            line = fill(self.tr("%1 : %2"), label, state)
            item = QListWidgetItem(f"{mark}  {line}")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, line)
            self.members.addItem(item)
        for member in self._absent_members:
            line = fill(
                self.tr("%1 : %2"),
                member_label(member, self._lists),
                self._absent[member.member_id],
            )
            item = QListWidgetItem(f"✗  {line}")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, line)
            self.members.addItem(item)
        if isinstance(self.reader, TrainingReader):
            wanted = self._next_member()
            if wanted is not None:
                self.reader.choose_member(wanted)

    def _all_members(self) -> tuple[Member, ...]:
        return (*self.need.members, *self._absent_members)

    def _say(self, text: str) -> None:
        self.status.setText(text)

    def _focus_next(self) -> None:
        """Back from the PIN dialog: the focus where the next key press is useful."""
        self.activateWindow()
        if self.retry_button.isVisible():
            self.retry_button.setFocus()
        elif isinstance(self.reader, TrainingReader):
            self.reader.insert_button.setFocus()

    def _name(self, member_id: str) -> str:
        member = next((m for m in self._all_members() if m.member_id == member_id), None)
        return member_label(member, self._lists) if member is not None else member_id

    # --- cards ------------------------------------------------------------------------------------

    def _on_inserted(self, serial: str) -> None:
        if self._checking is not None:
            self._say(
                fill(
                    self.tr("Un instant : le code de la carte de %1 est en cours de saisie."),
                    self._name(self._checking),
                )
            )
            return
        member_id = self._serials.get(serial)
        if member_id is not None and member_id in self._absent:
            self._say(
                fill(
                    self.tr(
                        "La présence de %1 n'est pas consignée à cette séance (%2) : sa carte "
                        "ne peut pas servir. Retirez-la. Si ce membre vient d'arriver, "
                        "consignez d'abord son arrivée (« Arrivée ou départ d'un membre »)."
                    ),
                    self._name(member_id),
                    self._absent[member_id],
                )
            )
            log.info("quorum prompt: card of %s refused: not present at the session", member_id)
            return
        if member_id is None or self.need.member(member_id) is None:
            self._say(
                fill(
                    self.tr(
                        "Cette carte (n° %1) n'est pas une carte de ce bureau pour cette étape. "
                        "Retirez-la."
                    ),
                    serial,
                )
            )
            return
        done = self._counted()
        if member_id in done:
            self._say(
                fill(self.tr("La carte de %1 est déjà prise en compte."), self._name(member_id))
            )
            return
        if not self.need.may_join(member_id, done):
            self._say(
                fill(
                    self.tr(
                        "La carte de %1 n'est pas nécessaire : ce rôle est déjà représenté. "
                        "Retirez-la."
                    ),
                    self._name(member_id),
                )
            )
            return
        self._check(member_id, serial)

    def _on_unreadable(self, sentence: str) -> None:
        self._say(sentence)

    def _on_removed(self, _serial: str) -> None:
        pass

    def _retry(self) -> None:
        # The card the button names: the latest failure, not the first one kept.
        member_id = self._retry_member
        if self._checking is not None or member_id not in self._failed_pin:
            return
        self._check(member_id, self._failed_pin[member_id])

    def _check(self, member_id: str, serial: str) -> None:
        try:
            client = self._open_client(serial)
        except CardError as error:
            self._say(
                fill(
                    self.tr("La carte de %1 ne peut pas être lue : %2"),
                    self._name(member_id),
                    error.user_message,
                )
            )
            return
        self._checking = member_id
        self._failed_pin.pop(member_id, None)
        self.retry_button.setVisible(False)
        self._say(
            fill(
                self.tr("Carte de %1 détectée (n° %2). Saisissez le code de cette carte."),
                self._name(member_id),
                serial,
            )
        )
        self._show()
        pins = self._pins

        def work(_progress: object) -> None:
            pins.check_pin(client, serial)

        job: Job[None] = Job(work, cancellable=False)
        job.succeeded.connect(lambda _r: self._checked(member_id, serial, client))
        job.failed.connect(lambda error: self._check_failed(member_id, serial, client, error))
        self._job = job
        self._runner.start(job)

    def _checked(self, member_id: str, serial: str, client: CardClient) -> None:
        self._checking = None
        self._job = None
        if self._closed:
            client.close()
            return
        self.present.append(PresentCard(member_id, client, self._pins))
        done = self._counted()
        complete = self._one or self.need.complete(done)
        log.info(
            "quorum prompt: card of %s checked, %s",
            member_id,
            "complete" if complete else "more needed",
        )
        self._show()
        if complete:
            self._say(self.tr("Toutes les cartes nécessaires sont là. L'étape commence."))
            self.accept()
            return
        if self.reader is None:
            # Real cards: the step's work uses every card at once, each in its own reader.
            template = self.tr(
                "Carte de %1 : code correct, carte prise en compte. Laissez-la dans son lecteur "
                "jusqu'à la fin de l'étape ; carte suivante dans un autre lecteur."
            )
        else:
            template = self.tr("Carte de %1 : code correct, carte prise en compte. Carte suivante.")
        self._say(fill(template, self._name(member_id)))
        self._focus_next()

    def _check_failed(
        self, member_id: str, serial: str, client: CardClient, error: BaseException
    ) -> None:
        self._checking = None
        self._job = None
        client.close()
        log.info("quorum prompt: card of %s not taken: %r", member_id, error)
        name = self._name(member_id)
        others = self._others_line(member_id)
        if self._closed:
            return
        self._journal_failure(member_id, error)
        if isinstance(error, WrongPinError):
            self._failed_pin[member_id] = serial
            if error.tries_left == 1:
                template = self.tr(
                    "Code incorrect pour la carte de %1 : il reste un seul essai avant blocage. %2"
                )
            elif error.tries_left is None:
                template = self.tr("Code incorrect pour la carte de %1. %2")
            else:
                template = self.tr(
                    "Code incorrect pour la carte de %1 : il reste %3 essais avant blocage. %2"
                )
            self._say(fill(template, name, others, str(error.tries_left)))
            self._offer_retry(member_id)
        elif isinstance(error, PinEntryCancelledError):
            self._failed_pin[member_id] = serial
            self._say(
                fill(
                    self.tr(
                        "Saisie du code annulée pour la carte de %1. Les cartes déjà prises "
                        "en compte le restent. %2"
                    ),
                    name,
                    others,
                )
            )
            self._offer_retry(member_id)
        elif isinstance(error, PinBlockedError):
            self._unavailable.add(member_id)
            self._say(
                fill(self.tr("La carte de %1 est bloquée (trop de codes faux). %2"), name, others)
            )
        elif isinstance(error, CardError):
            self._failed_pin[member_id] = serial
            self._say(fill(self.tr("Carte de %1 : %2 %3"), name, error.user_message, others))
            self._offer_retry(member_id)
        else:
            self._say(
                fill(
                    self.tr("Carte de %1 : erreur imprévue (%2). %3"),
                    name,
                    type(error).__name__,
                    others,
                )
            )
        self._show()
        if not self.need.reachable(self._counted(), self._unavailable):
            self._say(
                self.status.text()
                + "\n"
                + self.tr(
                    "Le quorum ne peut plus être atteint avec les cartes restantes : "
                    "annulez et appelez l'organisateur."
                )
            )
        self._focus_next()

    def _journal_failure(self, member_id: str, error: BaseException) -> None:
        if self._on_card_event is None:
            return
        if isinstance(error, PinBlockedError):
            event, tries = "pin_blocked", None
        elif isinstance(error, WrongPinError):
            event, tries = "pin_wrong", error.tries_left
        elif isinstance(error, PinEntryCancelledError):
            event, tries = "pin_cancelled", None
        else:
            return
        try:
            self._on_card_event(member_id, event, tries)
        except CeremonyError:
            log.exception("quorum prompt: the card event of %s was not journaled", member_id)

    def _offer_retry(self, member_id: str) -> None:
        self._retry_member = member_id
        self.retry_button.setText(fill(self.tr("&Ressaisir le code de %1"), self._name(member_id)))
        self.retry_button.setAccessibleName(self.retry_button.text().replace("&", ""))
        self.retry_button.setVisible(True)

    def _others_line(self, member_id: str) -> str:
        done = self._counted()
        others = [
            m
            for m in self.need.members
            if m.member_id != member_id
            and m.member_id not in self._unavailable
            and self.need.may_join(m.member_id, done)
        ]
        if not others:
            return self.tr("Ressaisissez le code.")
        return fill(
            self.tr("Ressaisissez le code, ou un autre membre présente sa carte : %1."),
            ", ".join(m.name for m in others),
        )

    # --- closing ----------------------------------------------------------------------------

    def reject(self) -> None:
        if self._checking is not None:
            # The PIN dialog is open on top; its own Cancel ends the check first.
            self._say(self.tr("Terminez ou annulez d'abord la saisie du code en cours."))
            return
        super().reject()

    def done(self, result: int) -> None:
        # A closed prompt must not react to later cards.
        self._closed = True
        self._events.card_inserted.disconnect(self._on_inserted)
        self._events.card_removed.disconnect(self._on_removed)
        self._events.card_unreadable.disconnect(self._on_unreadable)
        if result != QDialog.DialogCode.Accepted:
            for card in self.present:
                card.client.close()
                self._pins.forget()
        super().done(result)
