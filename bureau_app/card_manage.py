"""The « Cartes » menu's dialog: a member's own card, at any time (issue 15).

One dialog for the four acts of ``bureau card show|check|unblock|wipe``
(:mod:`ceremony.workflow.card_wipe`): the member puts any card in the reader,
the dialog reads what the card says about itself (no PIN: holder, bureau,
role, election key fingerprint, date, PIN tries left) on a worker thread, then:

- ``show``: nothing more;
- ``check``: the card opens its key and it is compared with the public trustee
  key (PIN through the usual PIN dialog), nothing shown, journaled;
- ``unblock``: the card's admin PIN resets the personal PIN, journaled;
- ``wipe``: the holder reads what the card holds, types the confirmation
  sentence, presses a button that is never the default, then types the card's
  current PIN; journaled. The engine refuses the wipe of this bureau's own key.

Cards are read and used only inside jobs (off the GUI thread); the jobs get
plain values (serial, the sentence typed), never a widget.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from enum import Enum

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from bureau_app.card_manage_info import CardFacts, read_facts
from bureau_app.card_prompt import CardEvents
from bureau_app.card_sources import TrainingReader
from bureau_app.engine_messages import user_text
from bureau_app.fingerprint_field import group_fingerprint
from bureau_app.resources import icon
from bureau_app.sizing import fit_to_text, scale_font
from bureau_app.text import fill
from bureau_app.worker import Job, JobRunner, Progress
from ceremony.cards.errors import PinEntryCancelledError
from ceremony.cards.interface import CardClient, PinHandler
from ceremony.cards.keylabel import KeyLabel, stored_in_paris
from ceremony.errors import CeremonyError
from ceremony.workflow.card_wipe import check_card, confirmation_phrase, unblock_card, wipe_card
from ceremony.workflow.engine import Bureau
from ceremony.workflow.holders import PresentCard

log = logging.getLogger(__name__)

_OK_STYLE = "QLabel { color: #1b5e20; }"
_BAD_STYLE = "QLabel { color: #b3261e; }"
_DANGER_STYLE = (
    "QPushButton { background: #b3261e; color: #ffffff; font-weight: bold; padding: 6px 12px; }"
    " QPushButton:disabled { background: #d9a5a1; color: #ffffff; }"
)
# A card whose holder is not a member of this bureau: journaled under this id.
OUTSIDE_MEMBER = "hors-bureau"


def reset_code_unblock_available() -> bool:
    """Whether the engine unblocks with the card's resetting code (``UNBLOCK_METHODS``)."""
    from ceremony.workflow import card_wipe

    return "reset_code" in getattr(card_wipe, "UNBLOCK_METHODS", ("admin_pin",))


def unblock(bureau: Bureau, card: PresentCard, method: str) -> None:
    """``card_wipe.unblock_card``, with the method only when the engine takes one."""
    if method == "admin_pin":
        unblock_card(bureau, card)
        return
    with_method: Callable[..., None] = unblock_card
    with_method(bureau, card, method)


class CardAction(Enum):
    SHOW = "show"
    CHECK = "check"
    UNBLOCK = "unblock"
    WIPE = "wipe"


class CardManageDialog(QDialog):
    """Insert a card, see what it holds, then (check, unblock, wipe) act on it."""

    # "read", "ok", "failed", "cancelled" — for the log, the tests and the journal view.
    outcome = Signal(str)
    journal_changed = Signal()

    def __init__(
        self,
        action: CardAction,
        *,
        events: CardEvents,
        open_client: Callable[[str], CardClient],
        runner: JobRunner,
        pins: PinHandler,
        bureau: Bureau | None,
        members: Sequence[tuple[str, str]] = (),
        serials: Mapping[str, str] | None = None,
        reader: QWidget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``members``: (member id, "name (role)") of this bureau; ``serials``: registered card
        serial → member id; ``reader``: the training reader, when cards are training cards."""
        super().__init__(parent)
        self.action = action
        self._events = events
        self._open_client = open_client
        self._runner = runner
        self._pins = pins
        self._bureau = bureau
        self._serials = dict(serials or {})
        self._members = list(members)
        self.facts: CardFacts | None = None
        self._job: Job[object] | None = None
        self._closed = False
        titles = {
            CardAction.SHOW: self.tr("Voir ce que contient une carte"),
            CardAction.CHECK: self.tr("Vérifier ma carte"),
            CardAction.UNBLOCK: self.tr("Débloquer une carte"),
            CardAction.WIPE: self.tr("Effacer une carte"),
        }
        intros = {
            CardAction.SHOW: self.tr(
                "Insérez une carte : elle dit à qui elle appartient et quelle clé elle porte. "
                "Aucun code n'est demandé."
            ),
            CardAction.CHECK: self.tr(
                "Le membre prouve que sa carte ouvre toujours sa clé pour cette cérémonie : "
                "la carte ouvre la clé avec son code, la clé est comparée à la clé publique du "
                "bureau, rien n'est affiché. Le contrôle est inscrit au journal."
            ),
            CardAction.UNBLOCK: self.tr(
                "Un code personnel bloqué (trop d'essais faux) est remplacé avec le code "
                "administrateur de la carte, puis le titulaire choisit un nouveau code. "
                "Le déblocage est inscrit au journal."
            )
            + " "
            + (
                self.tr(
                    "Si la carte a un code de réinitialisation (enveloppe R), il peut servir "
                    "à la place du code administrateur."
                )
                if reset_code_unblock_available()
                else self.tr("(Le déblocage par code de réinitialisation n'est pas proposé.)")
            ),
            CardAction.WIPE: self.tr(
                "À la seule demande de son titulaire. Effacer la clé d'une carte est "
                "DÉFINITIF : l'urne de la cérémonie qui l'a écrite ne pourra plus jamais être "
                "ouverte avec cette carte. La carte de la cérémonie de ce bureau ne peut pas "
                "être effacée ici : elle est conservée deux ans."
            ),
        }
        self.setWindowTitle(titles[action])
        self.setAccessibleName(titles[action])

        picture = QLabel()
        picture.setPixmap(icon("card").pixmap(96, 64))
        picture.setAccessibleName(self.tr("Dessin d'une carte à puce"))
        self.heading = QLabel(titles[action])
        scale_font(self.heading, 1.4, bold=True)
        self.heading.setWordWrap(True)
        self.intro = QLabel(intros[action])
        self.intro.setWordWrap(True)
        self.intro.setAccessibleName(self.tr("À quoi sert cette action"))
        if action is CardAction.WIPE:
            self.intro.setStyleSheet(_BAD_STYLE)
            scale_font(self.intro, 1.0, bold=True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("État du lecteur de carte"))

        self.facts_box = QWidget()
        self.facts_box.setAccessibleName(self.tr("Ce que la carte porte"))
        form = QFormLayout(self.facts_box)
        self.fields: dict[str, QLabel] = {}
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        for key, text in (
            ("serial", self.tr("Carte n° :")),
            ("holder", self.tr("Titulaire :")),
            ("bureau", self.tr("Bureau :")),
            ("role", self.tr("Rôle :")),
            ("fingerprint", self.tr("Clé d'élection (empreinte) :")),
            ("stored", self.tr("Clé rangée le :")),
            ("tries", self.tr("Essais de code restants :")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(text.rstrip(" :"))
            if key == "fingerprint":
                value.setFont(mono)
            self.fields[key] = value
            form.addRow(text, value)
        self.facts_box.setVisible(False)

        self.member_box = QComboBox()
        self.member_box.setAccessibleName(self.tr("Membre dont c'est la carte"))
        for member_id, label in members:
            self.member_box.addItem(label, member_id)
        member_label = QLabel(self.tr("&Membre :"))
        member_label.setBuddy(self.member_box)
        self.member_row = QWidget()
        member_line = QHBoxLayout(self.member_row)
        member_line.setContentsMargins(0, 0, 0, 0)
        member_line.addWidget(member_label)
        member_line.addWidget(self.member_box, 1)
        self.member_row.setVisible(False)

        # Unblock: with the admin PIN, or the resetting code where the engine offers it.
        self.method_box = QWidget()
        method_line = QHBoxLayout(self.method_box)
        method_line.setContentsMargins(0, 0, 0, 0)
        self.admin_method = QRadioButton(self.tr("avec le code &administrateur"))
        self.admin_method.setAccessibleName(self.tr("Débloquer avec le code administrateur"))
        self.reset_method = QRadioButton(self.tr("avec le code de &réinitialisation"))
        self.reset_method.setAccessibleName(
            self.tr("Débloquer avec le code de réinitialisation (enveloppe R)")
        )
        self.admin_method.setChecked(True)
        method_line.addWidget(self.admin_method)
        method_line.addWidget(self.reset_method)
        method_line.addStretch(1)
        self.method_box.setVisible(action is CardAction.UNBLOCK and reset_code_unblock_available())

        # The wipe's confirmation: the sentence to type, in the holder's own hands.
        self.wipe_box = QWidget()
        wipe_layout = QVBoxLayout(self.wipe_box)
        wipe_layout.setContentsMargins(0, 0, 0, 0)
        self.phrase_label = QLabel()
        self.phrase_label.setWordWrap(True)
        self.phrase_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.phrase_label.setAccessibleName(self.tr("Phrase de confirmation à taper"))
        self.phrase_field = QLineEdit()
        self.phrase_field.setAccessibleName(
            self.tr("Phrase de confirmation tapée par le titulaire")
        )
        phrase_prompt = QLabel(self.tr("&Phrase de confirmation :"))
        phrase_prompt.setBuddy(self.phrase_field)
        wipe_layout.addWidget(self.phrase_label)
        wipe_layout.addWidget(phrase_prompt)
        wipe_layout.addWidget(self.phrase_field)
        self.wipe_box.setVisible(False)
        self.phrase_field.textChanged.connect(self._update_buttons)

        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setAccessibleName(self.tr("Résultat"))
        scale_font(self.result_label, 1.3, bold=True)
        self.result_label.setVisible(False)

        actions = {
            CardAction.CHECK: (
                self.tr("&Vérifier ma carte"),
                self.tr("Vérifier que la carte ouvre sa clé (code demandé)"),
            ),
            CardAction.UNBLOCK: (
                self.tr("&Débloquer la carte"),
                self.tr("Débloquer la carte avec son code administrateur"),
            ),
            CardAction.WIPE: (
                self.tr("&Effacer définitivement la clé"),
                self.tr("Effacer définitivement la clé de cette carte (code actuel demandé)"),
            ),
        }
        self.action_button: QPushButton | None = None
        if action in actions:
            text, accessible = actions[action]
            self.action_button = QPushButton(text)
            self.action_button.setAccessibleName(accessible)
            self.action_button.setEnabled(False)
            # Never the default: Entrée must not start an act on a card by accident.
            self.action_button.setAutoDefault(False)
            self.action_button.setDefault(False)
            if action is CardAction.WIPE:
                self.action_button.setStyleSheet(_DANGER_STYLE)
            self.action_button.clicked.connect(self._act)
        self.close_button = QPushButton(self.tr("&Fermer"))
        self.close_button.setAccessibleName(self.tr("Fermer sans rien faire de plus"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)

        head = QHBoxLayout()
        head.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.heading, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.intro)
        layout.addWidget(self.status)
        self.reader = reader
        if reader is not None:
            layout.addWidget(reader)
        layout.addWidget(self.facts_box)
        layout.addWidget(self.member_row)
        layout.addWidget(self.method_box)
        layout.addWidget(self.wipe_box)
        layout.addWidget(self.result_label)
        row = QHBoxLayout()
        row.addStretch(1)
        if self.action_button is not None:
            row.addWidget(self.action_button)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        if isinstance(reader, TrainingReader):
            # Entrée inserts the training card shown (the only default of this dialog).
            reader.insert_button.setDefault(True)
            reader.insert_button.setFocus()

        events.card_inserted.connect(self._on_inserted)
        events.card_unreadable.connect(self._on_unreadable)
        self.status.setText(
            self.tr("En attente d'une carte… Placez-la dans le lecteur, puce vers le haut.")
        )
        fit_to_text(self, 80)

    # --- reading the card ----------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._job is not None

    def _on_unreadable(self, sentence: str) -> None:
        self.status.setText(sentence)

    def _on_inserted(self, serial: str) -> None:
        if self.busy:
            return
        self.facts = None
        self.result_label.setVisible(False)
        self.status.setText(fill(self.tr("Carte n° %1 : lecture…"), serial))
        open_client = self._open_client

        def work(_progress: Progress) -> CardFacts:
            client = open_client(serial)
            try:
                return read_facts(client, serial)
            finally:
                client.close()

        self._start(work, self._read_done, self._read_failed)

    def _read_done(self, facts: object) -> None:
        assert isinstance(facts, CardFacts)
        self.facts = facts
        self._show_facts(facts)
        log.info("card management: card %s read (%s)", facts.serial, self.action.value)
        if self.action is CardAction.SHOW:
            self.outcome.emit("read")
        # Enabled first: a disabled button does not take the focus (Espace would then
        # insert the card again instead of checking it).
        self._update_buttons()
        if self.action is CardAction.WIPE and self.wipe_box.isVisible():
            # Entrée in the sentence field does nothing at all: no default button now.
            if isinstance(self.reader, TrainingReader):
                self.reader.insert_button.setDefault(False)
                self.reader.insert_button.setAutoDefault(False)
            self.phrase_field.setFocus()
        elif self.action_button is not None and self.action_button.isEnabled():
            self.action_button.setFocus()
        else:
            self.close_button.setFocus()

    def _read_failed(self, error: object) -> None:
        self.status.setText(self._error_text(error))
        self._update_buttons()

    def _show_facts(self, facts: CardFacts) -> None:
        label = facts.label
        identity = facts.identity
        unknown = self.tr("inconnu")
        self.fields["serial"].setText(facts.serial)
        self.fields["holder"].setText(facts.holder or self.tr("carte neuve, sans titulaire"))
        bureau = label.bureau_id if label is not None else None
        if bureau in (None, "?") and identity is not None:
            bureau = identity.bureau_id
        self.fields["bureau"].setText(bureau or unknown)
        role = label.role if label is not None and label.role != "?" else None
        if role is None and identity is not None:
            role = identity.role
        self.fields["role"].setText(self._role_word(role) if role else unknown)
        if label is None:
            self.fields["fingerprint"].setText(self.tr("aucune clé de cérémonie sur cette carte"))
            self.fields["stored"].setText("—")
        else:
            fingerprint = label.election_key_fingerprint
            self.fields["fingerprint"].setText(
                group_fingerprint(fingerprint) if fingerprint != "?" else unknown
            )
            self.fields["stored"].setText(
                stored_in_paris(label.stored_at) if label.stored_at != "?" else unknown
            )
        tries = facts.pin_tries
        if tries is None:
            self.fields["tries"].setText(unknown)
        elif tries == 0:
            self.fields["tries"].setText(self.tr("0 — code personnel bloqué"))
        else:
            self.fields["tries"].setText(str(tries))
        self.facts_box.setVisible(True)
        if label is None:
            self.status.setText(
                fill(self.tr("Carte n° %1 : elle ne porte aucune clé de cérémonie."), facts.serial)
            )
        else:
            self.status.setText(
                fill(self.tr("Carte n° %1 : elle porte une clé de cérémonie."), facts.serial)
            )
        member = self._serials.get(facts.serial)
        if self.action is CardAction.CHECK:
            self.member_row.setVisible(self.member_box.count() > 0)
            index = self.member_box.findData(member) if member else -1
            if index >= 0:
                self.member_box.setCurrentIndex(index)
            elif member is None:
                self.status.setText(
                    self.status.text()
                    + " "
                    + self.tr(
                        "Elle n'est pas enregistrée dans ce bureau : choisissez le membre qui "
                        "la présente ; le contrôle échouera et sera inscrit au journal."
                    )
                )
        if self.action is CardAction.WIPE:
            kept = label is not None and self._holds_this_bureaus_key(label)
            self.wipe_box.setVisible(label is not None and not kept)
            if kept:
                # Said before anyone types anything; the engine refuses it anyway.
                self._say_result(
                    self.tr(
                        "Cette carte porte la clé de la cérémonie de ce bureau : elle est "
                        "conservée deux ans (nouveau décompte possible) et ne peut pas être "
                        "effacée ici."
                    ),
                    ok=False,
                )
            elif label is not None:
                phrase = confirmation_phrase(label)
                self.phrase_label.setText(
                    fill(
                        self.tr(
                            "Cette carte porte la clé de %1 (bureau %2). Si son titulaire "
                            "demande vraiment l'effacement, il tape exactement : « %3 »"
                        ),
                        label.holder,
                        label.bureau_id,
                        phrase,
                    )
                )
                self.phrase_field.clear()
                self.phrase_field.setFocus()
        self._grow()

    def _holds_this_bureaus_key(self, label: KeyLabel) -> bool:
        """The rule of ``card_wipe.wipe_card``: this store's own key is never wiped here."""
        if self._bureau is None:
            return False
        state = self._bureau.state
        return (
            state.keys is not None
            and label.bureau_id == state.bureau_id
            and label.election_key_fingerprint in (state.keys["election_key_fingerprint"], "?")
        )

    def _role_word(self, role: str) -> str:
        words = {
            "president": self.tr("présidence du bureau"),
            "secretary": self.tr("secrétariat"),
            "delegate": self.tr("délégué de liste"),
        }
        return words.get(role, role)

    # --- acting --------------------------------------------------------------------------------

    def _phrase_matches(self) -> bool:
        if self.facts is None or self.facts.label is None:
            return False
        phrase = confirmation_phrase(self.facts.label)
        return self.phrase_field.text().strip().casefold() == phrase.casefold()

    def _update_buttons(self, _text: str = "") -> None:
        if self.action_button is None:
            return
        ready = self.facts is not None and not self.busy and self._bureau is not None
        if self.action is CardAction.CHECK:
            ready = ready and self.member_box.count() > 0
        if self.action is CardAction.WIPE:
            ready = ready and self.wipe_box.isVisibleTo(self) and self._phrase_matches()
        self.action_button.setEnabled(ready)

    def _member_id(self) -> str:
        assert self.facts is not None
        if self.action is CardAction.CHECK:
            chosen = self.member_box.currentData()
            if isinstance(chosen, str):
                return chosen
        registered = self._serials.get(self.facts.serial)
        if registered is not None:
            return registered
        # Not registered here (a card of another ceremony): the member of the same name.
        holder = self.facts.holder
        for member_id, label in self._members:
            if holder and label.startswith(f"{holder} ("):
                return member_id
        return OUTSIDE_MEMBER

    def _act(self) -> None:
        if self.facts is None or self.busy or self._bureau is None:
            return
        serial = self.facts.serial
        member_id = self._member_id()
        bureau = self._bureau
        pins = self._pins
        open_client = self._open_client
        action = self.action
        # Read on the GUI thread; the job gets the plain text, never the field.
        typed = self.phrase_field.text()
        method = "reset_code" if self.reset_method.isChecked() else "admin_pin"

        def work(_progress: Progress) -> object:
            client = open_client(serial)
            card = PresentCard(member_id, client, pins)
            try:
                if action is CardAction.CHECK:
                    check_card(bureau, card)
                elif action is CardAction.UNBLOCK:
                    unblock(bureau, card, method)
                elif action is CardAction.WIPE:
                    wipe_card(bureau, card, lambda _label, _phrase: typed)
                return read_facts(client, serial)
            finally:
                client.close()

        log.info("card management: %s of card %s started", action.value, serial)
        self.status.setText(self._working_text())
        self._start(work, self._act_done, self._act_failed)

    def _working_text(self) -> str:
        if self.action is CardAction.CHECK:
            return self.tr("Contrôle en cours : tapez le code de la carte quand il est demandé.")
        if self.action is CardAction.UNBLOCK:
            return self.tr("Déblocage en cours : code administrateur, puis nouveau code personnel.")
        return self.tr("Effacement : tapez le code personnel actuel de la carte.")

    def _act_done(self, facts: object) -> None:
        texts = {
            CardAction.CHECK: self.tr(
                "Votre carte ouvre bien sa clé : elle correspond à la clé publique du bureau. "
                "Contrôle inscrit au journal."
            ),
            CardAction.UNBLOCK: self.tr(
                "Carte débloquée : le nouveau code personnel est enregistré. Déblocage "
                "inscrit au journal."
            ),
            CardAction.WIPE: self.tr(
                "Clé effacée de cette carte. Effacement inscrit au journal. La carte peut "
                "maintenant être préparée pour une autre cérémonie."
            ),
        }
        if isinstance(facts, CardFacts):
            self.facts = facts
            self._show_facts(facts)
        self.wipe_box.setVisible(False)
        self.status.setText(
            fill(self.tr("Carte n° %1 : opération terminée."), self.facts.serial)
            if self.facts is not None
            else ""
        )
        self._say_result(texts[self.action], ok=True)
        log.info("card management: %s ok", self.action.value)
        self.journal_changed.emit()
        self.outcome.emit("ok")
        self.close_button.setFocus()
        self._update_buttons()

    def _act_failed(self, error: object) -> None:
        cancelled = isinstance(error, PinEntryCancelledError)
        log.info("card management: %s not done: %s", self.action.value, type(error).__name__)
        if cancelled:
            text = self.tr("Saisie du code annulée : rien n'a été fait sur la carte.")
        elif self.action is CardAction.CHECK:
            text = fill(
                self.tr("ÉCHEC : cette carte n'ouvre pas sa clé pour cette cérémonie. %1"),
                self._error_text(error),
            )
        else:
            text = fill(self.tr("Non fait : %1"), self._error_text(error))
        self.status.setText(self.tr("Opération non faite."))
        self._say_result(text, ok=False)
        # A failed check is journaled too (and a cancelled one, as a failure).
        self.journal_changed.emit()
        self.outcome.emit("cancelled" if cancelled else "failed")
        self._update_buttons()
        self.close_button.setFocus()

    def _say_result(self, text: str, *, ok: bool) -> None:
        self.result_label.setText(text)
        self.result_label.setStyleSheet(_OK_STYLE if ok else _BAD_STYLE)
        self.result_label.setVisible(True)
        self._grow()

    def _grow(self) -> None:
        """Taller when the card's facts or the result appear (never squeezed rows)."""
        width = self.width()
        layout = self.layout()
        if layout is not None:
            layout.activate()
        needed = max(self.heightForWidth(width), self.minimumSizeHint().height())
        if needed > self.height():
            self.resize(width, needed)

    @staticmethod
    def _error_text(error: object) -> str:
        if isinstance(error, CeremonyError):
            return user_text(error)
        return str(error)

    # --- jobs and closing ----------------------------------------------------------------------

    def _start(
        self,
        work: Callable[[Progress], object],
        done: Callable[[object], None],
        failed: Callable[[object], None],
    ) -> None:
        job: Job[object] = Job(work, cancellable=False)

        def finished_ok(result: object) -> None:
            self._job = None
            if not self._closed:
                done(result)

        def finished_bad(error: object) -> None:
            self._job = None
            if not self._closed:
                failed(error)

        job.succeeded.connect(finished_ok)
        job.failed.connect(finished_bad)
        self._job = job
        self._update_buttons()
        self._runner.start(job)

    def reject(self) -> None:
        if self.busy:
            # The PIN dialog is on top; its own Cancel ends the card operation first.
            self.status.setText(self.tr("Attendez la fin de l'opération sur la carte."))
            return
        super().reject()

    def done(self, result: int) -> None:
        self._closed = True
        self._events.card_inserted.disconnect(self._on_inserted)
        self._events.card_unreadable.disconnect(self._on_unreadable)
        super().done(result)
