"""A verification report, check by check: the expert's view of ``ceremony.verify``."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bureau_app.i18n import current_language
from bureau_app.resources import icon
from bureau_app.sizing import scale_font
from bureau_app.text import fill
from ceremony.verify.report import CheckResult, Language, Outcome, VerificationReport

_ICONS = {
    Outcome.PASSED: "check-done",
    Outcome.FAILED: "check-failed",
    Outcome.NOT_APPLICABLE: "check-open",
    Outcome.SKIPPED: "check-failed",
}


class VerificationReportView(QWidget):
    """Verdict first, in words and symbol; then every check in order, failures easy to isolate."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Rapport de vérification"))
        self._report: VerificationReport | None = None
        self.subject = QLabel()
        self.subject.setAccessibleName(self.tr("Ce qui a été vérifié"))
        self.subject.setWordWrap(True)
        scale_font(self.subject, 1.3, bold=True)
        self.verdict_icon = QLabel()
        self.verdict_icon.setAccessibleName(self.tr("Symbole du verdict"))
        self.verdict = QLabel()
        self.verdict.setAccessibleName(self.tr("Verdict"))
        self.verdict.setWordWrap(True)
        scale_font(self.verdict, 1.2, bold=True)
        verdict_row = QHBoxLayout()
        verdict_row.addWidget(self.verdict_icon)
        verdict_row.addWidget(self.verdict, 1)
        self.only_failures = QCheckBox(self.tr("N'afficher que les &échecs"))
        self.only_failures.setAccessibleName(self.tr("N'afficher que les contrôles en échec"))
        self.only_failures.toggled.connect(self._fill_table)

        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName(self.tr("Contrôles, dans l'ordre"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Résultat"), self.tr("Contrôle"), self.tr("Motif")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        # Reasons are read in full: wrapped on as many lines as they need, never "…".
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setIconSize(QSize(20, 20))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_args: self.table.resizeRowsToContents())
        self.detail = QLabel()
        self.detail.setAccessibleName(self.tr("Contrôle choisi, en entier"))
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setFrameShape(QLabel.Shape.StyledPanel)
        self.table.currentCellChanged.connect(self._show_detail)

        layout = QVBoxLayout(self)
        layout.addWidget(self.subject)
        layout.addLayout(verdict_row)
        layout.addWidget(self.only_failures)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)

    def set_report(self, report: VerificationReport) -> None:
        self._report = report
        self.subject.setText(fill(self.tr("Vérification de %1"), report.subject))
        failed = len(report.failed_checks())
        if report.passed:
            text, name = self.tr("Toutes les vérifications ont réussi."), "check-done"
        elif not report.checks:
            text, name = self.tr("Aucune vérification n'a pu être faite."), "check-failed"
        elif failed == 1:
            text, name = (
                self.tr("1 vérification en échec : voir la ligne marquée ÉCHEC."),
                "check-failed",
            )
        else:
            text = fill(
                self.tr("%1 vérifications en échec : voir les lignes marquées ÉCHEC."), str(failed)
            )
            name = "check-failed"
        self.verdict.setText(text)
        size = self.verdict.fontMetrics().height() * 2
        self.verdict_icon.setPixmap(icon(name).pixmap(size, size))
        self._fill_table()

    def outcome_word(self, outcome: Outcome) -> str:
        words = {
            Outcome.PASSED: self.tr("RÉUSSI"),
            Outcome.FAILED: self.tr("ÉCHEC"),
            Outcome.NOT_APPLICABLE: self.tr("sans objet"),
            Outcome.SKIPPED: self.tr("non exécutée"),
        }
        return words[outcome]

    def _fill_table(self) -> None:
        report = self._report
        checks: list[CheckResult] = list(report.checks) if report is not None else []
        if self.only_failures.isChecked():
            checks = [check for check in checks if check.outcome is Outcome.FAILED]
        language: Language = "en" if current_language() == "en" else "fr"
        self.table.setRowCount(len(checks))
        for row, check in enumerate(checks):
            outcome = QTableWidgetItem(
                icon(_ICONS[check.outcome]), self.outcome_word(check.outcome)
            )
            title = QTableWidgetItem(check.spec.title(language))
            title.setToolTip(check.name)
            reason = QTableWidgetItem(check.reason_en if language == "en" else check.reason_fr)
            reason.setToolTip(check.error)
            for column, item in enumerate((outcome, title, reason)):
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()

    def _show_detail(self, row: int, *_args: int) -> None:
        cells = [self.table.item(row, column) for column in range(3)]
        if any(cell is None for cell in cells):
            self.detail.clear()
            return
        outcome, title, reason = (cell.text() for cell in cells if cell is not None)
        self.detail.setText(f"{outcome} — {title}\n{reason}")

    def shown_names(self) -> list[str]:
        """The checks' identifiers in the rows shown (tooltips of the title column)."""
        items = (self.table.item(row, 1) for row in range(self.table.rowCount()))
        return [item.toolTip() for item in items if item is not None]
