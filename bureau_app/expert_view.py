"""Expert mode: open an election record read-only and read its verification, check by check.

The verification itself is ``ceremony``'s (``verify`` below, by default
``verify_any``: a whole ceremony archive with
``ceremony.verify.archive.verify_ceremony_archive``, a ``.bel`` file or an
election folder with ``ceremony.verify.belenios.verify_belenios``); it runs on a
worker thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bureau_app.error_dialog import ErrorDialog
from bureau_app.progress_dialog import ProgressDialog
from bureau_app.report_view import VerificationReportView
from bureau_app.sizing import scale_font
from bureau_app.text import fill
from bureau_app.worker import Job, JobRunner, Progress
from ceremony.verify.report import VerificationReport

Verify = Callable[[Path], VerificationReport]


def _verify_belenios(path: Path) -> VerificationReport:
    from ceremony.verify.belenios import verify_belenios

    # One process: a pool would fork this multi-threaded GUI process.
    return verify_belenios(path, workers=1)


def verify_any(path: Path) -> VerificationReport:
    """A ceremony archive (a folder with its journal) as a whole, else a Belenios election."""
    if path.is_dir() and (path / "journal.jsonl").is_file():
        from ceremony.verify.archive import verify_ceremony_archive

        # ceremony's pools spawn (not fork) their workers when the process runs threads.
        return verify_ceremony_archive(path)
    return _verify_belenios(path)


class ExpertView(QWidget):
    """Opens a ``.bel`` file or an election folder; never writes to it."""

    verified = Signal(object)  # the VerificationReport
    failed = Signal(object)  # the exception, already shown to the user

    def __init__(
        self, runner: JobRunner, verify: Verify = verify_any, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._verify = verify
        self.setAccessibleName(self.tr("Mode expert"))
        title = QLabel(self.tr("Mode expert : vérification indépendante"))
        scale_font(title, 1.4, bold=True)
        title.setAccessibleName(self.tr("Titre : mode expert"))
        explanation = QLabel(
            self.tr(
                "Ouvrez une élection (fichier .bel ou dossier). Elle est lue sans être "
                "modifiée, puis chaque contrôle est affiché avec son résultat."
            )
        )
        explanation.setWordWrap(True)
        explanation.setAccessibleName(self.tr("Explication du mode expert"))
        self.open_file_button = QPushButton(self.tr("Ouvrir un &fichier .bel…"))
        self.open_file_button.setAccessibleName(self.tr("Ouvrir un fichier d'élection .bel"))
        self.open_folder_button = QPushButton(self.tr("Ouvrir un &dossier…"))
        self.open_folder_button.setAccessibleName(self.tr("Ouvrir un dossier d'élection"))
        self.open_file_button.clicked.connect(self._choose_file)
        self.open_folder_button.clicked.connect(self._choose_folder)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_file_button)
        buttons.addWidget(self.open_folder_button)
        buttons.addStretch(1)
        self.report_view = VerificationReportView()

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(explanation)
        layout.addLayout(buttons)
        layout.addWidget(self.report_view, 1)
        self.progress: ProgressDialog | None = None

    def _choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Élection à vérifier"), "", self.tr("Élection Belenios (*.bel)")
        )
        if path:
            self.open_path(Path(path))

    def _choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Dossier d'élection à vérifier"))
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path) -> Job[VerificationReport]:
        """Verify ``path`` on a worker; the report (or the error) appears when done."""
        verify = self._verify
        reading = fill(self.tr("Lecture et contrôle de %1…"), path.name)

        def work(progress: Progress) -> VerificationReport:
            progress.report(0.0, reading)
            return verify(path)

        job: Job[VerificationReport] = Job(work, cancellable=False)
        self.progress = ProgressDialog(self.tr("Vérification de l'élection"), job, self)
        job.succeeded.connect(self._show_report)
        job.failed.connect(self._show_error)
        self.progress.open()
        self._runner.start(job)
        return job

    def _show_report(self, report: VerificationReport) -> None:
        self.report_view.set_report(report)
        self.verified.emit(report)

    def _show_error(self, error: BaseException) -> None:
        self.failed.emit(error)
        ErrorDialog(error, self).open()
