"""The recount's outcome on screen: identical or not, the figures side by side, the report.

Shows :class:`ceremony.workflow.recount.RecountOutcome`: the verdict in large
type, per contest and list the archived and recounted votes, the cards used,
where the signed report was written and the SHA-256 of the signed bundle
``recount.zip``, ``recount.json`` and ``recompte.pdf``, with buttons to open and print the PDF.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
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

from bureau_app.sizing import scale_font
from bureau_app.text import fill
from ceremony.bundles.payloads.definition import BureauDefinition
from ceremony.verify.archive_context import sha256_file
from ceremony.workflow.recount import PDF_FILE, RECOUNT_FILE, RecountOutcome
from ceremony.workflow.recount_bundle import BUNDLE_FILE

_OK_STYLE = "QLabel { color: #1b5e20; }"
_BAD_STYLE = "QLabel { color: #b3261e; }"


class RecountResult(QWidget):
    """Empty until ``show_outcome``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.training = False
        self.pdf: Path | None = None
        self.setAccessibleName(self.tr("Résultat du nouveau décompte"))
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setAccessibleName(self.tr("Conclusion du nouveau décompte"))
        scale_font(self.verdict, 1.4, bold=True)
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(self.tr("Voix archivées et voix recomptées, liste par liste"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Liste"),
                self.tr("Archive"),
                self.tr("Nouveau décompte"),
                self.tr("Égal"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.setMinimumHeight(self.fontMetrics().height() * 5)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAccessibleName(self.tr("Cartes utilisées et rapport signé"))
        self.hashes = QLabel()
        self.hashes.setWordWrap(True)
        self.hashes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hashes.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.hashes.setAccessibleName(self.tr("Empreintes SHA-256 du rapport"))
        self.open_button = QPushButton(self.tr("&Ouvrir le rapport (PDF)"))
        self.open_button.setAccessibleName(self.tr("Ouvrir le rapport du nouveau décompte"))
        self.print_button = QPushButton(self.tr("&Imprimer le rapport…"))
        self.print_button.setAccessibleName(self.tr("Imprimer le rapport du nouveau décompte"))
        self.folder_button = QPushButton(self.tr("Ouvrir le &dossier du rapport"))
        self.folder_button.setAccessibleName(self.tr("Ouvrir le dossier du rapport signé"))
        self.open_button.clicked.connect(self.open_pdf)
        self.print_button.clicked.connect(self.print_pdf)
        self.folder_button.clicked.connect(self.open_folder)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.print_button, self.folder_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.verdict)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.hashes)
        layout.addLayout(buttons)
        self.setVisible(False)

    def show_outcome(
        self, outcome: RecountOutcome, definition: BureauDefinition, names: dict[str, str]
    ) -> None:
        if outcome.equal:
            self.verdict.setText(
                self.tr(
                    "Identiques aux résultats archivés : le nouveau décompte donne les mêmes voix."
                )
            )
            self.verdict.setStyleSheet(_OK_STYLE)
        else:
            self.verdict.setText(
                fill(
                    self.tr("DIFFÉRENTS des résultats archivés : %1"),
                    " ; ".join(outcome.differences),
                )
            )
            self.verdict.setStyleSheet(_BAD_STYLE)
        self.table.setRowCount(0)
        contests = {c.contest_uuid: c for c in definition.contests}
        order = [c.contest_uuid for c in definition.contests]
        order += sorted(u for u in set(outcome.results) | set(outcome.original) if u not in order)
        for uuid in order:
            again = outcome.results.get(uuid, [])
            before = outcome.original.get(uuid, [])
            contest = contests.get(uuid)
            # The contest's name on a row of its own, across the table: never cut.
            row = self.table.rowCount()
            self.table.insertRow(row)
            title = QTableWidgetItem(outcome.contest_names.get(uuid, uuid))
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            self.table.setItem(row, 0, title)
            self.table.setSpan(row, 0, 1, 4)
            rows = [self.tr("Votes blancs")]
            rows += [lst.name for lst in contest.lists] if contest is not None else []
            for index in range(max(len(again), len(before), len(rows))):
                label = rows[index] if index < len(rows) else str(index)
                a = str(before[index]) if index < len(before) else "—"
                b = str(again[index]) if index < len(again) else "—"
                same = self.tr("oui") if a == b else self.tr("NON")
                row = self.table.rowCount()
                self.table.insertRow(row)
                for column, text in enumerate((label, a, b, same)):
                    item = QTableWidgetItem(text)
                    if column >= 1:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        used = ", ".join(names.get(m, m) for m in outcome.members_used)
        self.pdf = outcome.folder / PDF_FILE
        bundle = outcome.folder / BUNDLE_FILE
        self.details.setText(
            fill(
                self.tr(
                    "Cartes utilisées : %1.\nRapport signé par ces cartes, écrit dans : %2\n"
                    "Paquet signé (bureau verify le vérifie seul) : %3\n"
                    "Annexe au procès-verbal : %4"
                ),
                used,
                str(outcome.folder),
                str(bundle),
                str(self.pdf),
            )
        )
        report = outcome.folder / RECOUNT_FILE
        lines = [
            (BUNDLE_FILE, bundle),
            (RECOUNT_FILE, report),
            (PDF_FILE, self.pdf),
        ]
        self.hashes.setText(
            "\n".join(
                fill(self.tr("SHA-256 de %1 : %2"), name, sha256_file(path))
                for name, path in lines
                if path.is_file()
            )
        )
        self.setVisible(True)
        self.open_button.setFocus()

    def open_pdf(self) -> None:
        if self.pdf is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.pdf)))

    def open_folder(self) -> None:
        if self.pdf is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.pdf.parent)))

    def print_pdf(self) -> None:
        from bureau_app.printing import print_pdf

        if self.pdf is not None:
            print_pdf(self, self.pdf, self.tr("Nouveau décompte"), training=self.training)
