"""Help for each step (what for, who acts, what the arrêté requires) and the session checklists.

The texts ship with the application (``resources/help/help_<lang>.json``), so
the help works offline on the counting-room laptop; the article numbers are
those of the arrêté du 16 avril 2019.
"""

from __future__ import annotations

import functools
import html
import json
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from bureau_app import printing
from bureau_app.i18n import current_language
from bureau_app.phase_model import PHASE_KEYS, StaticPhase, phase_title
from bureau_app.resources import RESOURCES
from bureau_app.text import typeset

HELP = RESOURCES / "help"
SESSIONS = ("sealing", "count")


@functools.cache
def _load(language: str) -> dict[str, Any]:
    path = HELP / f"help_{language}.json"
    if not path.is_file():
        raise FileNotFoundError(f"missing help text {path}")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def help_data(language: str | None = None) -> dict[str, Any]:
    return _load(language or current_language())


# A bare name lupdate recognises, so these strings reach the .ts file.
translate = QCoreApplication.translate


def _title(key: str) -> str:
    return phase_title(StaticPhase(key, key))


def _e(text: str) -> str:
    return html.escape(typeset(text))


def phase_html(key: str) -> str:
    """One step's help: what it is for, who acts, the steps, the articles."""
    entry = help_data()["phases"][key]
    number = PHASE_KEYS.index(key) + 1
    purpose = _e(translate("Help", "À quoi sert cette étape"))
    who = _e(translate("Help", "Qui agit"))
    course = _e(translate("Help", "Déroulement"))
    law = _e(translate("Help", "Ce que prévoit le texte"))
    steps = "".join(f"<li>{_e(step)}</li>" for step in entry["steps"])
    return (
        f"<h2>{number}. {_e(_title(key))}</h2>"
        f"<h3>{purpose}</h3><p>{_e(entry['purpose'])}</p>"
        f"<h3>{who}</h3><p>{_e(entry['who'])}</p>"
        f"<h3>{course}</h3><ol>{steps}</ol>"
        f"<h3>{law}</h3><p>{_e(entry['articles'])}</p>"
    )


def all_phases_html() -> str:
    source = help_data()["source"]
    return "".join(phase_html(key) for key in PHASE_KEYS) + f"<p><i>{_e(source)}</i></p>"


def session_html(session: str, bureau: str = "") -> str:
    """A printable checklist of one public session: what to bring, then every step to tick."""
    entry = help_data()["sessions"][session]
    box = "☐"
    date = _e(translate("Help", "Date :"))
    start = _e(translate("Help", "Heure de début :"))
    bring_title = _e(translate("Help", "À apporter"))
    who = _e(translate("Help", "Qui agit :"))
    signatures = _e(translate("Help", "Signatures des membres présents :"))
    line = "______________________"
    heading = _e(entry["title"]) + (f" — {_e(bureau)}" if bureau else "")
    bring = "".join(f"<li>{box} {_e(item)}</li>" for item in entry["bring"])
    parts = [
        f"<h1>{heading}</h1>",
        f"<p>{date} ____________ &nbsp; {start} ________</p>",
        f"<h2>{bring_title}</h2><ul style='list-style:none'>{bring}</ul>",
    ]
    for key in entry["phases"]:
        phase = help_data()["phases"][key]
        number = PHASE_KEYS.index(key) + 1
        steps = "".join(f"<li>{box} {_e(step)}</li>" for step in phase["steps"])
        parts.append(
            f"<h2>{number}. {_e(_title(key))}</h2>"
            f"<p><b>{who}</b> {_e(phase['who'])}</p>"
            f"<ul style='list-style:none'>{steps}</ul>"
            f"<p><i>{_e(phase['articles'])}</i></p>"
        )
    parts.append(f"<p>{signatures}</p><p>{line} &nbsp; {line} &nbsp; {line}</p>")
    return "".join(parts)


class HelpDialog(QDialog):
    """F1: the current step's help, every step's help, and the printable session checklists."""

    def __init__(
        self,
        phase_key: str | None,
        *,
        bureau: str = "",
        training: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._bureau = bureau
        self._training = training
        self.setWindowTitle(self.tr("Aide"))
        self.setAccessibleName(self.tr("Aide du bureau de vote"))
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(self.tr("Texte de l'aide"))
        self.browser.setOpenLinks(False)
        self.step_button = QPushButton(self.tr("Cette &étape"))
        self.step_button.setAccessibleName(self.tr("Aide de l'étape en cours"))
        self.all_button = QPushButton(self.tr("&Toutes les étapes"))
        self.all_button.setAccessibleName(self.tr("Aide de toutes les étapes"))
        self.sealing_button = QPushButton(self.tr("Liste de la séance de &scellement"))
        self.sealing_button.setAccessibleName(self.tr("Liste à cocher de la séance de scellement"))
        self.count_button = QPushButton(self.tr("Liste de la séance de &dépouillement"))
        self.count_button.setAccessibleName(self.tr("Liste à cocher de la séance de dépouillement"))
        self.print_button = QPushButton(self.tr("&Imprimer…"))
        self.print_button.setAccessibleName(self.tr("Imprimer le texte affiché"))
        # Two rows: the four never squeeze each other's words in a narrow window.
        choices = QGridLayout()
        for index, button in enumerate(
            (self.step_button, self.all_button, self.sealing_button, self.count_button)
        ):
            choices.addWidget(button, index // 2, index % 2)
        choices.setColumnStretch(2, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(choices)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self._phase = phase_key if phase_key in PHASE_KEYS else None
        self.step_button.setEnabled(self._phase is not None)
        self.step_button.clicked.connect(self.show_step)
        self.all_button.clicked.connect(self.show_all)
        self.sealing_button.clicked.connect(lambda: self.show_session("sealing"))
        self.count_button.clicked.connect(lambda: self.show_session("count"))
        self.print_button.clicked.connect(self.print_shown)
        screen = self.screen().availableGeometry()
        self.resize(min(900, screen.width() - 40), min(700, screen.height() - 40))
        if self._phase is not None:
            self.show_step()
        else:
            self.show_all()

    def shown_html(self) -> str:
        return self._html

    def _set(self, text: str, title: str) -> None:
        self._html = text
        self._shown_title = title
        self.browser.setHtml(text)

    def show_step(self) -> None:
        if self._phase is not None:
            self._set(phase_html(self._phase), _title(self._phase))

    def show_all(self) -> None:
        self._set(all_phases_html(), self.tr("Aide : toutes les étapes"))

    def show_session(self, session: str) -> None:
        self._set(session_html(session, self._bureau), help_data()["sessions"][session]["title"])

    def print_shown(self) -> bool:
        return printing.print_html(self, self._html, self._shown_title, training=self._training)
