"""The welcome screen: what the person at the laptop came to do, in four large choices.

Shown when ``bureau-app`` starts without ``--store`` or ``--demo``. It only
returns a choice (and a folder); ``window.run`` opens what was chosen.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from bureau_app.sizing import scale_font
from bureau_app.text import fill


@dataclass(frozen=True)
class Choice:
    """``kind``: "resume", "new", "open", "training", "recount" or "expert"; ``folder`` when one
    applies."""

    kind: str
    folder: Path | None = None


def holds_ceremony(folder: Path) -> bool:
    """A bureau's store is there (its database file), not just any folder."""
    from ceremony.store.store import DATABASE_FILE_NAME

    return (folder / DATABASE_FILE_NAME).is_file()


def opens_as_ceremony(folder: Path) -> bool:
    """A bureau's store, or a training folder (its store and its cards)."""
    return holds_ceremony(folder) or holds_ceremony(folder / "store")


def not_a_ceremony(parent: QWidget | None, folder: Path) -> QMessageBox:
    """Opening is never creating: an empty or foreign folder is refused in words."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("WelcomeDialog", "Pas de cérémonie dans ce dossier"),
        QCoreApplication.translate(
            "WelcomeDialog",
            "Le dossier « %1 » ne contient pas de cérémonie de Bureau. Choisissez le dossier "
            "où la cérémonie a été commencée, ou « Nouvelle cérémonie » pour en commencer une.",
        ).replace("%1", str(folder)),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setAccessibleName(box.windowTitle())
    return box


def already_a_ceremony(parent: QWidget | None, folder: Path) -> QMessageBox:
    """A new ceremony never goes where one already is: it would be the same record."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("WelcomeDialog", "Une cérémonie est déjà dans ce dossier"),
        QCoreApplication.translate(
            "WelcomeDialog",
            "Le dossier « %1 » contient déjà une cérémonie. Pour la poursuivre, choisissez "
            "« Ouvrir une cérémonie » ; pour en commencer une autre, choisissez un dossier vide.",
        ).replace("%1", str(folder)),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setAccessibleName(box.windowTitle())
    return box


class WelcomeDialog(QDialog):
    """Four choices (five when this laptop already holds a ceremony); Escape quits."""

    def __init__(
        self,
        default_store: Path,
        training_folder: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._default_store = default_store
        self._training_folder = training_folder
        self.choice: Choice | None = None
        self.setWindowTitle(self.tr("Bureau de vote électronique"))
        self.setAccessibleName(self.tr("Accueil : que voulez-vous faire ?"))
        title = QLabel(self.tr("Bureau de vote électronique"))
        scale_font(title, 1.6, bold=True)
        question = QLabel(self.tr("Que voulez-vous faire ?"))
        scale_font(question, 1.2)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(question)
        self.buttons: dict[str, QPushButton] = {}
        existing = holds_ceremony(default_store)
        entries = [
            (
                "resume",
                self.tr("&Reprendre la cérémonie de cet ordinateur"),
                fill(self.tr("Dossier : %1"), str(default_store)),
            ),
            (
                "new",
                self.tr("&Nouvelle cérémonie"),
                self.tr("Un bureau réel : cartes des membres, fichiers remis par la plateforme."),
            ),
            (
                "open",
                self.tr("&Ouvrir une cérémonie…"),
                self.tr("Choisir le dossier d'une cérémonie commencée (par exemple, une copie)."),
            ),
            (
                "training",
                self.tr("&Entraînement"),
                self.tr(
                    "Plateforme simulée et cartes d'entraînement : pour apprendre, "
                    "sans valeur légale."
                ),
            ),
            (
                "recount",
                self.tr("Re&compter à partir d'une archive"),
                self.tr(
                    "Nouveau décompte des votes (art. 23) : l'archive de la cérémonie et les "
                    "cartes des membres, sur n'importe quel ordinateur."
                ),
            ),
            (
                "expert",
                self.tr("&Vérification par un expert"),
                self.tr(
                    "Vérifier une archive de cérémonie ou une élection Belenios, "
                    "sans rien modifier."
                ),
            ),
        ]
        for kind, text, explanation in entries:
            if kind == "resume" and not existing:
                continue
            button = QPushButton(text)
            button.setObjectName(f"welcome_{kind}")
            button.setAccessibleName(text.replace("&", "").rstrip("…"))
            button.setAccessibleDescription(explanation)
            scale_font(button, 1.2, bold=True)
            button.setMinimumHeight(48)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _checked=False, k=kind: self._chosen(k))
            note = QLabel(explanation)
            note.setWordWrap(True)
            note.setAlignment(Qt.AlignmentFlag.AlignLeft)
            layout.addWidget(button)
            layout.addWidget(note)
            self.buttons[kind] = button
        quit_button = QPushButton(self.tr("&Quitter"))
        quit_button.clicked.connect(self.reject)
        layout.addStretch(1)
        layout.addWidget(quit_button)
        first = next(iter(self.buttons.values()))
        first.setDefault(True)
        first.setFocus()
        self.resize(720, 560)

    def _chosen(self, kind: str) -> None:
        folder: Path | None = None
        if kind == "resume":
            folder = self._default_store
        elif kind in ("new", "open"):
            title = (
                self.tr("Dossier de la nouvelle cérémonie (vide)")
                if kind == "new"
                else self.tr("Dossier de la cérémonie à ouvrir")
            )
            chosen = QFileDialog.getExistingDirectory(self, title)
            if not chosen:
                return
            folder = Path(chosen)
            if kind == "open" and not opens_as_ceremony(folder):
                not_a_ceremony(self, folder).exec()
                return
            if kind == "new" and opens_as_ceremony(folder):
                already_a_ceremony(self, folder).exec()
                return
        elif kind == "training":
            folder = self._training_folder
        self.choice = Choice(kind, folder)
        self.accept()
