"""The end of the ceremony: where every document went, with its fingerprint, and what is left.

Shown once the archive is written: the archive folder, the signed
procès-verbal, the key hand-over list, the signed results bundle, each with
its SHA-256 as recorded in the journal (``state.archive["files"]``), so that
the bureau can read them out and write them in the minutes.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bureau_app import printing
from bureau_app.error_dialog import ErrorDialog
from bureau_app.sizing import scale_font
from bureau_app.text import fill, typeset

PV_FILE = "proces-verbal.pdf"
HANDOVER_FILE = "remise-des-cles.pdf"
RESULTS_FILE = "bundles/results.zip"
INDEX_FILE = "archive.json"


def group_hex(digest: str) -> str:
    """A fingerprint in groups of four, easier to read out loud."""
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))


class EndSummary(QWidget):
    """Filled by ``set_archive(folder, files)``; empty until the archive is written."""

    printed = Signal(str, int)  # file name, pages

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Fin de la cérémonie"))
        self.training = False
        self._folder: Path | None = None
        title = QLabel(self.tr("Fin de la cérémonie"))
        scale_font(title, 1.4, bold=True)
        title.setAccessibleName(self.tr("Titre : fin de la cérémonie"))
        self.status = QLabel(self.tr("L'archive de la cérémonie n'est pas encore écrite."))
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Où sont les documents"))
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, 3)
        self.table.setMinimumWidth(200)
        self.table.setAccessibleName(self.tr("Documents de la cérémonie et leurs empreintes"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Document"), self.tr("Fichier"), self.tr("Empreinte SHA-256")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.next_steps = QLabel(
            self.tr(
                "Il reste à faire, en public : imprimer la liste de remise des clés, puis "
                "chaque titulaire glisse sa carte dans un pli et écrit son code, seul, dans "
                "un autre pli ; les plis sont scellés séparément et remis à l'administration, "
                "qui les conserve deux ans avec l'archive (arrêté, art. 23)."
            )
        )
        self.next_steps.setWordWrap(True)
        self.next_steps.setAccessibleName(self.tr("Ce qui reste à faire"))
        self.open_button = QPushButton(self.tr("Ouvrir le dossier de l'archive"))
        self.open_button.setAccessibleName(self.tr("Ouvrir le dossier de l'archive"))
        self.print_pv_button = QPushButton(self.tr("Imprimer le procès-verbal signé…"))
        self.print_pv_button.setAccessibleName(self.tr("Imprimer le procès-verbal signé"))
        self.print_handover_button = QPushButton(self.tr("Imprimer la liste de remise des clés…"))
        self.print_handover_button.setAccessibleName(
            self.tr("Imprimer la liste de remise des clés et les étiquettes")
        )
        for button in (self.open_button, self.print_pv_button, self.print_handover_button):
            button.setEnabled(False)
        self.open_button.clicked.connect(self.open_folder)
        self.print_pv_button.clicked.connect(lambda: self.print_file(PV_FILE))
        self.print_handover_button.clicked.connect(lambda: self.print_file(HANDOVER_FILE))
        # Two rows: the window must never grow wider for its buttons (1280 px screens).
        buttons = QVBoxLayout()
        first, second = QHBoxLayout(), QHBoxLayout()
        first.addWidget(self.print_handover_button)
        first.addWidget(self.print_pv_button)
        first.addStretch(1)
        second.addWidget(self.open_button)
        second.addStretch(1)
        buttons.addLayout(first)
        buttons.addLayout(second)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.next_steps)
        layout.addLayout(buttons)

    @property
    def folder(self) -> Path | None:
        return self._folder

    def set_archive(self, folder: Path | None, files: Mapping[str, str]) -> None:
        """``files``: archive file names and SHA-256 as journalled by the engine."""
        self._folder = folder
        where = str(folder) if folder is not None else self.tr("(dossier non mémorisé)")
        self.status.setText(
            typeset(
                fill(
                    self.tr(
                        "La cérémonie est terminée. L'archive (%1 fichiers, dont le journal) "
                        "est dans : %2"
                    ),
                    str(len(files) + 1),
                    where,
                )
            )
        )
        rows = [
            (self.tr("Procès-verbal signé"), PV_FILE),
            (self.tr("Liste de remise des clés"), HANDOVER_FILE),
            (self.tr("Résultats signés (pour la publication)"), RESULTS_FILE),
            (self.tr("Index de l'archive"), INDEX_FILE),
        ]
        shown = [(label, name) for label, name in rows if name in files]
        self.table.setRowCount(len(shown))
        for row, (label, name) in enumerate(shown):
            path = folder / name if folder is not None else Path(name)
            cells = (label, str(path), group_hex(files[name]))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if column == 2:  # read out digit by digit: a monospace font, same size
                    fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
                    fixed.setFamilies(["DejaVu Sans Mono", *fixed.families()])
                    fixed.setPointSizeF(self.table.font().pointSizeF())
                    item.setFont(fixed)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        present = folder is not None and folder.is_dir()
        self.open_button.setEnabled(present)
        self.print_pv_button.setEnabled(present and PV_FILE in files)
        self.print_handover_button.setEnabled(present and HANDOVER_FILE in files)

    def path_of(self, name: str) -> Path | None:
        return self._folder / name if self._folder is not None else None

    def open_folder(self) -> None:
        if self._folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._folder)))

    def print_file(self, name: str) -> int:
        path = self.path_of(name)
        if path is None:
            return 0
        try:
            pages = printing.print_pdf(self, path, name, training=self.training)
        except Exception as error:  # noqa: BLE001 - shown to the bureau, nothing else changes
            ErrorDialog(error, self).open()
            return 0
        if pages:
            self.printed.emit(name, pages)
        return pages
