"""The roll-call dialogs: a session opens with the call of the members, closes with its time,
and an arrival or departure is entered when it happens (arrêté of 16 April 2019, art. 5, 9).

Each member is marked present, absent or replaced (the president by the secretary,
art. 5; a delegate by the substitute their union named, art. 9, typed in). Times are
Paris time, entered to the minute, within the bounds the engine accepts (never in the
future; a count session after the vote's end; a close after the session's last act).
The dialogs only collect; the engine (``ceremony.workflow.rollcall``) decides.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from itertools import pairwise

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Qt, QTime, QTimeZone
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bureau_app.quorum import quorum_need, who_may_come
from bureau_app.roles import gender, list_names, role_word
from bureau_app.rollcall_model import (
    call_lines,
    format_moment,
    member_label,
    session_title,
    unrepresented_lists,
)
from bureau_app.sizing import fit_to_text, fit_to_width, scale_font
from bureau_app.text import NBSP, fill, typeset
from ceremony.bundles.payloads.definition import BureauDefinition, Member
from ceremony.store.timefmt import PARIS
from ceremony.workflow.rollcall import RollCall

translate = QCoreApplication.translate

PRESENT, ABSENT, REPLACED = "present", "absent", "replaced"
ARRIVAL, DEPARTURE = "arrivals", "departures"


def _feminine(member: Member) -> bool:
    return gender(member) == "f"


class TimeField(QDateTimeEdit):
    """A day and a time to the minute, Paris time, between ``earliest`` and ``latest``."""

    def __init__(
        self,
        value: datetime,
        latest: datetime,
        earliest: datetime | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._zone = QTimeZone(b"Europe/Paris")
        self.setTimeZone(self._zone)
        self.setDisplayFormat(self.tr("dd/MM/yyyy' à 'HH' h 'mm").replace(" ", NBSP))
        if earliest is not None:
            self.setMinimumDateTime(self._qt(earliest))
        self.setMaximumDateTime(self._qt(latest))
        self.setDateTime(self._qt(value.replace(second=0, microsecond=0)))
        # Typing starts with the hour: "0915" is 9 h 15 on the day shown.
        self.setCurrentSection(QDateTimeEdit.Section.HourSection)

    def _qt(self, moment: datetime) -> QDateTime:
        local = moment.astimezone(PARIS)
        return QDateTime(
            QDate(local.year, local.month, local.day),
            QTime(local.hour, local.minute, local.second),
            self._zone,
        )

    def focusInEvent(self, event: object) -> None:  # noqa: N802
        super().focusInEvent(event)  # type: ignore[arg-type]
        self.setSelectedSection(QDateTimeEdit.Section.HourSection)

    def moment(self) -> datetime:
        value = self.dateTime().toTimeZone(self._zone)
        day, time = value.date(), value.time()
        return datetime(
            day.year(), day.month(), day.day(), time.hour(), time.minute(), time.second(), 0, PARIS
        )


def _buttons(dialog: QDialog, ok_text: str) -> tuple[QDialogButtonBox, QPushButton]:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setAccessibleName(ok_text.replace("&", ""))
    ok.setDefault(True)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.setText(translate("RollCallDialogs", "&Annuler"))
    cancel.setAccessibleName(translate("RollCallDialogs", "Annuler, rien n'est consigné"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, ok


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    scale_font(label, 1.3, bold=True)
    label.setWordWrap(True)
    return label


def _wrapped(text: str, name: str) -> QLabel:
    label = QLabel(typeset(text))
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAccessibleName(name)
    return label


class SessionOpenDialog(QDialog):
    """The call of the members opening ``session``, with its opening time."""

    def __init__(
        self,
        session: str,
        definition: BureauDefinition,
        *,
        now: datetime,
        latest: datetime,
        earliest: datetime | None = None,
        every_card: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        """``every_card``: the session has steps that take every member's card (keys, test
        vote): an absent member is then said to be needed before them."""
        super().__init__(parent)
        self.session = session
        self.definition = definition
        self._every_card = every_card
        lists = list_names(definition)
        title = session_title(session)
        self.setWindowTitle(fill(self.tr("Appel des membres — %1"), title))
        self.setAccessibleName(fill(self.tr("Appel des membres à l'ouverture de la %1"), title))
        layout = QVBoxLayout(self)
        layout.addWidget(_heading(fill(self.tr("Ouverture de la %1 : appel des membres"), title)))
        layout.addWidget(
            _wrapped(
                self.tr(
                    "Pour chaque membre du bureau, indiquez s'il est présent, absent ou "
                    "remplacé. La présidence absente est assurée par le secrétaire (art. 5) ; "
                    "un délégué absent peut être remplacé par le délégué suppléant que son "
                    "organisation syndicale a désigné (art. 9) : saisissez son nom. Seuls les "
                    "membres présents présentent leur carte pendant la séance."
                ),
                self.tr("Explication de l'appel"),
            )
        )
        place = (
            definition.texts.sealing_place if session == "sealing" else definition.texts.count_place
        )
        form = QFormLayout()
        if place:
            form.addRow(self.tr("Lieu :"), _wrapped(place, self.tr("Lieu de la séance")))
        self.time = TimeField(now, latest, earliest)
        self.time.setAccessibleName(self.tr("Heure d'ouverture de la séance (heure de Paris)"))
        time_label = QLabel(self.tr("&Heure d'ouverture (heure de Paris) :"))
        time_label.setBuddy(self.time)
        form.addRow(time_label, self.time)
        layout.addLayout(form)

        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("<b>Membre</b>")), 0, 0)
        grid.addWidget(QLabel(self.tr("<b>À l'appel</b>")), 0, 1)
        grid.addWidget(QLabel(self.tr("<b>Délégué suppléant (nom)</b>")), 0, 2)
        self.choices: dict[str, QComboBox] = {}
        self.substitutes: dict[str, QLineEdit] = {}
        order: list[QWidget] = [self.time]
        for row, member in enumerate(definition.members, start=1):
            # Name, then role on its own line: a wrapped label in a grid gets clipped.
            label = QLabel(f"{member.name}\n{role_word(member, lists)}")
            label.setAccessibleName(member_label(member, lists))
            combo = QComboBox()
            feminine = _feminine(member)
            combo.addItem(self.tr("Présente") if feminine else self.tr("Présent"), PRESENT)
            combo.addItem(self.tr("Absente") if feminine else self.tr("Absent"), ABSENT)
            if member.role == "president":
                by_secretary = (
                    self.tr("Remplacée par le secrétaire")
                    if feminine
                    else self.tr("Remplacé par le secrétaire")
                )
                combo.addItem(by_secretary, REPLACED)
            elif member.role == "delegate":
                by_substitute = (
                    self.tr("Remplacée par un suppléant")
                    if feminine
                    else self.tr("Remplacé par un suppléant")
                )
                combo.addItem(by_substitute, REPLACED)
            combo.setAccessibleName(fill(self.tr("Présence de %1"), member_label(member, lists)))
            label.setBuddy(combo)
            combo.currentIndexChanged.connect(self._update)
            grid.addWidget(label, row, 0)
            grid.addWidget(combo, row, 1)
            order.append(combo)
            self.choices[member.member_id] = combo
            if member.role == "delegate":
                field = QLineEdit()
                field.setPlaceholderText(self.tr("Nom du délégué suppléant"))
                field.setAccessibleName(
                    fill(self.tr("Nom du délégué suppléant remplaçant %1"), member.name)
                )
                field.setEnabled(False)
                field.textChanged.connect(self._update)
                grid.addWidget(field, row, 2)
                order.append(field)
                self.substitutes[member.member_id] = field
        # The members' names and lists get the room: a substitute's name is short.
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(2, 1)
        layout.addLayout(grid)
        missing = unrepresented_lists(definition)
        if missing:
            layout.addWidget(
                _wrapped(
                    fill(self.tr("Listes sans délégué au bureau : %1."), " ; ".join(missing)),
                    self.tr("Listes sans délégué au bureau"),
                )
            )
        self.summary = _wrapped("", self.tr("Résumé de l'appel"))
        self.problem = _wrapped("", self.tr("Ce qui empêche de consigner l'appel"))
        self.problem.setStyleSheet("color: #b00020;")
        layout.addWidget(self.summary)
        layout.addWidget(self.problem)
        buttons, self.ok_button = _buttons(self, self.tr("&Consigner l'appel"))
        layout.addWidget(buttons)
        # Row by row: each member's presence, then the substitute's name beside it.
        for first, second in pairwise(order):
            self.setTabOrder(first, second)
        self._update()
        self._fit_on_screen(124)
        president_line = next(iter(self.choices.values()), None)
        if president_line is not None:
            president_line.setFocus()

    def _fit_on_screen(self, columns: int) -> None:
        """Wide enough that each member's line wraps once at most, within the screen: at
        1280×720 a narrower dialog is taller than the screen and its lines overlap."""
        width = self.fontMetrics().averageCharWidth() * columns
        screen = self.screen()
        if screen is not None:
            width = min(width, screen.availableGeometry().width() - 32)
        fit_to_width(self, width)

    def _members(self) -> dict[str, Member]:
        return {m.member_id: m for m in self.definition.members}

    def state_of(self, member_id: str) -> str:
        return str(self.choices[member_id].currentData())

    def _update(self) -> None:
        members = self._members()
        lists = list_names(self.definition)
        for member_id, field in self.substitutes.items():
            field.setEnabled(self.state_of(member_id) == REPLACED)
        present = [m for m in members if self.state_of(m) == PRESENT]
        absent = [m for m in members if self.state_of(m) == ABSENT]
        replaced = [m for m in members if self.state_of(m) == REPLACED]
        problems: list[str] = []
        secretary = next((m for m in members.values() if m.role == "secretary"), None)
        for member_id in replaced:
            member = members[member_id]
            if member.role == "president" and (
                secretary is None or secretary.member_id not in present
            ):
                template = (
                    self.tr("%1 est remplacée par le secrétaire : le secrétaire doit être présent.")
                    if _feminine(member)
                    else self.tr(
                        "%1 est remplacé par le secrétaire : le secrétaire doit être présent."
                    )
                )
                problems.append(fill(template, member.name))
            name_field = self.substitutes.get(member_id)
            if name_field is not None and not name_field.text().strip():
                problems.append(
                    fill(self.tr("Saisissez le nom du délégué suppléant de %1."), member.name)
                )
        lines = [
            fill(
                self.tr("Présents : %1 ; absents : %2 ; remplacés : %3."),
                str(len(present)),
                str(len(absent)),
                str(len(replaced)),
            )
        ]
        need = quorum_need(self.definition, eligible=present)
        if not need.complete(present):
            lines.append(
                fill(
                    self.tr(
                        "Avec les membres présents, le quorum n'est pas atteint (il manque : %1) : "
                        "les cartes ne pourront servir qu'après l'arrivée d'autres membres."
                    ),
                    " ; ".join(who_may_come(quorum_need(self.definition), present, lists)),
                )
            )
        if self._every_card and len(present) < len(members):
            lines.append(
                self.tr(
                    "La création des clés et le vote à blanc demandent la carte de chaque "
                    "membre : l'arrivée des autres se consignera avant ces étapes."
                )
            )
        self.summary.setText(typeset("\n".join(lines)))
        self.problem.setText(typeset("\n".join(problems)))
        self.problem.setVisible(bool(problems))
        self.ok_button.setEnabled(not problems)

    def values(self) -> tuple[datetime, list[str], list[str], dict[str, str]]:
        """(opening time, present, absent, replaced member → who stands in)."""
        members = self._members()
        secretary = next(m.member_id for m in members.values() if m.role == "secretary")
        present = [m for m in members if self.state_of(m) == PRESENT]
        absent = [m for m in members if self.state_of(m) == ABSENT]
        replaced: dict[str, str] = {}
        for member_id in members:
            if self.state_of(member_id) != REPLACED:
                continue
            field = self.substitutes.get(member_id)
            replaced[member_id] = field.text().strip() if field is not None else secretary
        return self.time.moment(), present, absent, replaced


class SessionCloseDialog(QDialog):
    """The closing of ``call``'s session, at the time the bureau enters."""

    def __init__(
        self,
        call: RollCall,
        definition: BureauDefinition,
        *,
        now: datetime,
        latest: datetime,
        earliest: datetime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        title = session_title(call.session)
        self.setWindowTitle(fill(self.tr("Lever la %1"), title))
        self.setAccessibleName(fill(self.tr("Clôture de la %1"), title))
        layout = QVBoxLayout(self)
        layout.addWidget(_heading(fill(self.tr("Clôture de la %1"), title)))
        layout.addWidget(
            _wrapped(
                self.tr(
                    "Le procès-verbal reprend l'appel, les arrivées et départs et l'heure de "
                    "clôture. Une arrivée ou un départ oublié se consigne d'abord, avec "
                    "« Arrivée ou départ d'un membre »."
                ),
                self.tr("Explication de la clôture"),
            )
        )
        self.record = _wrapped(
            "\n".join(f"• {line}" for line in call_lines(call, definition)),
            self.tr("L'appel de la séance tel qu'il est consigné"),
        )
        layout.addWidget(self.record)
        form = QFormLayout()
        self.time = TimeField(now, latest, earliest)
        self.time.setAccessibleName(self.tr("Heure de clôture de la séance (heure de Paris)"))
        label = QLabel(self.tr("&Heure de clôture (heure de Paris) :"))
        label.setBuddy(self.time)
        form.addRow(label, self.time)
        layout.addLayout(form)
        layout.addWidget(
            _wrapped(
                fill(
                    self.tr("Au plus tôt le %1 (dernier acte consigné de la séance)."),
                    format_moment(earliest),
                ),
                self.tr("Heure de clôture la plus tôt possible"),
            )
        )
        buttons, self.ok_button = _buttons(self, self.tr("&Lever la séance"))
        layout.addWidget(buttons)
        fit_to_text(self, 80)
        self.time.setFocus()

    def closed_at(self) -> datetime:
        return self.time.moment()


class MovementDialog(QDialog):
    """An arrival or a departure during the session, with its time."""

    def __init__(
        self,
        call: RollCall,
        definition: BureauDefinition,
        *,
        now: datetime,
        latest: datetime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._lists = list_names(definition)
        members = definition.members
        present = call.present_at_close()
        arrived = {m.member_id for m in call.arrivals}
        gone = {m.member_id for m in call.departures}
        # Who may arrive: not present at the call nor arrived since; who may leave: present now.
        self._candidates: Mapping[str, Sequence[Member]] = {
            ARRIVAL: [
                m for m in members if m.member_id not in call.present and m.member_id not in arrived
            ],
            DEPARTURE: [m for m in members if m.member_id in present and m.member_id not in gone],
        }
        title = session_title(call.session)
        self.setWindowTitle(self.tr("Arrivée ou départ d'un membre"))
        self.setAccessibleName(fill(self.tr("Arrivée ou départ d'un membre pendant la %1"), title))
        layout = QVBoxLayout(self)
        layout.addWidget(
            _heading(fill(self.tr("Arrivée ou départ d'un membre pendant la %1"), title))
        )
        layout.addWidget(
            _wrapped(
                self.tr(
                    "Consignez l'arrivée d'un membre avant qu'il ne présente sa carte, et le "
                    "départ d'un membre quand il quitte la salle : le procès-verbal les "
                    "reprend avec leur heure."
                ),
                self.tr("Explication"),
            )
        )
        form = QFormLayout()
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Arrivée"), ARRIVAL)
        self.kind.addItem(self.tr("Départ"), DEPARTURE)
        self.kind.setAccessibleName(self.tr("Arrivée ou départ"))
        kind_label = QLabel(self.tr("&Mouvement :"))
        kind_label.setBuddy(self.kind)
        self.member = QComboBox()
        self.member.setAccessibleName(self.tr("Membre qui arrive ou qui part"))
        member_label_ = QLabel(self.tr("M&embre :"))
        member_label_.setBuddy(self.member)
        self.time = TimeField(now, latest, call.opened_at)
        self.time.setAccessibleName(self.tr("Heure de l'arrivée ou du départ (heure de Paris)"))
        time_label = QLabel(self.tr("&Heure (heure de Paris) :"))
        time_label.setBuddy(self.time)
        form.addRow(kind_label, self.kind)
        form.addRow(member_label_, self.member)
        form.addRow(time_label, self.time)
        layout.addLayout(form)
        self.problem = _wrapped("", self.tr("Ce qui empêche de consigner"))
        layout.addWidget(self.problem)
        buttons, self.ok_button = _buttons(self, self.tr("&Consigner"))
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._fill_members)
        if not self._candidates[ARRIVAL]:
            self.kind.setCurrentIndex(1)
        self._fill_members()
        fit_to_text(self, 72)
        self.kind.setFocus()

    def _fill_members(self) -> None:
        kind = str(self.kind.currentData())
        self.member.clear()
        for member in self._candidates[kind]:
            self.member.addItem(member_label(member, self._lists), member.member_id)
        empty = not self._candidates[kind]
        self.problem.setText(
            (
                self.tr("Tous les membres sont déjà présents : personne ne peut arriver.")
                if kind == ARRIVAL
                else self.tr("Aucun membre présent ne peut partir.")
            )
            if empty
            else ""
        )
        self.problem.setVisible(empty)
        self.ok_button.setEnabled(not empty)

    def values(self) -> tuple[str, str, datetime]:
        """("arrivals" | "departures", member id, time)."""
        return str(self.kind.currentData()), str(self.member.currentData()), self.time.moment()
