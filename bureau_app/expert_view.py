"""Expert mode: open an election record read-only and read its verification, check by check.

The verification itself is ``ceremony``'s (``verify`` below, by default
``verify_any``: a whole ceremony archive with
``ceremony.verify.archive.verify_ceremony_archive``, a ``.bel`` file or an
election folder with ``ceremony.verify.belenios.verify_belenios``); it runs on a
worker thread.
"""

from __future__ import annotations

import inspect
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

from bureau_app import printing
from bureau_app.error_dialog import ErrorDialog
from bureau_app.progress_dialog import ProgressDialog
from bureau_app.report_view import VerificationReportView
from bureau_app.sizing import scale_font
from bureau_app.text import fill
from bureau_app.worker import Job, JobRunner, Progress
from ceremony.verify.report import VerificationReport

Verify = Callable[..., VerificationReport]  # (path, progress=line callback)


def _verify_belenios(path: Path) -> VerificationReport:
    from ceremony.verify.belenios import verify_belenios

    # One process: a pool would fork this multi-threaded GUI process.
    return verify_belenios(path, workers=1)


def verify_any(path: Path, progress: Callable[[str], None] | None = None) -> VerificationReport:
    """A ceremony archive (a folder with its journal) as a whole, else a Belenios election.

    ``progress`` gets a French line per step (archives only; a ``.bel`` is one step).
    """
    if path.is_dir() and (path / "journal.jsonl").is_file():
        from ceremony.verify.archive import verify_ceremony_archive

        # ceremony's pools spawn (not fork) their workers when the process runs threads.
        return verify_ceremony_archive(path, progress=progress)
    return _verify_belenios(path)


class ExpertView(QWidget):
    """Opens a ``.bel`` file or an election folder; never writes to it."""

    verified = Signal(object)  # the VerificationReport
    failed = Signal(object)  # the exception, already shown to the user
    opened = Signal(object)  # the Path being verified
    cancelled = Signal()
    exported = Signal(object)  # the Path of the written report

    def __init__(
        self, runner: JobRunner, verify: Verify = verify_any, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._verify = verify
        self.setAccessibleName(self.tr("Mode expert"))
        title = QLabel(self.tr("Mode expert : vérification indépendante"))
        scale_font(title, 1.4, bold=True)
        title.setWordWrap(True)
        title.setAccessibleName(self.tr("Titre : mode expert"))
        explanation = QLabel(
            self.tr(
                "Ouvrez une élection (fichier .bel ou dossier). Elle est lue sans être "
                "modifiée, puis chaque contrôle est affiché avec son résultat."
            )
        )
        explanation.setWordWrap(True)
        explanation.setAccessibleName(self.tr("Explication du mode expert"))
        self.open_file_button = QPushButton(self.tr("Ouvrir un fichier .&bel…"))
        self.open_file_button.setAccessibleName(self.tr("Ouvrir un fichier d'élection .bel"))
        self.open_folder_button = QPushButton(self.tr("Ouvrir un &dossier…"))
        self.open_folder_button.setAccessibleName(self.tr("Ouvrir un dossier d'élection"))
        self.open_file_button.clicked.connect(self._choose_file)
        self.open_folder_button.clicked.connect(self._choose_folder)
        self.print_button = QPushButton(self.tr("&Imprimer le rapport…"))
        self.print_button.setAccessibleName(self.tr("Imprimer le rapport de vérification"))
        self.export_button = QPushButton(self.tr("Ex&porter le rapport…"))
        self.export_button.setAccessibleName(
            self.tr("Exporter le rapport de vérification (PDF, texte ou JSON)")
        )
        for button in (self.print_button, self.export_button):
            button.setEnabled(False)
        self.print_button.clicked.connect(self.print_report)
        self.export_button.clicked.connect(self._choose_export)
        self.training = False
        self._report: VerificationReport | None = None
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_file_button)
        buttons.addWidget(self.open_folder_button)
        buttons.addStretch(1)
        report_buttons = QHBoxLayout()
        report_buttons.addWidget(self.print_button)
        report_buttons.addWidget(self.export_button)
        report_buttons.addStretch(1)
        self.report_view = VerificationReportView()

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(explanation)
        layout.addLayout(buttons)
        layout.addWidget(self.report_view, 1)
        layout.addLayout(report_buttons)
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
        """Verify ``path`` on a worker; the report (or the error) appears when done.

        Reading only, so cancelling is always safe: the job stops at the next step
        the verifier reports and nothing is shown as verified.
        """
        verify = self._verify
        reading = fill(self.tr("Lecture et contrôle de %1…"), path.name)
        takes_progress = "progress" in inspect.signature(verify).parameters

        def work(progress: Progress) -> VerificationReport:
            progress.report(0.0, reading)

            def line(message: str) -> None:
                progress.check_cancelled()
                progress.report(0.0, message)

            report = verify(path, progress=line) if takes_progress else verify(path)
            # A cancel caught inside the verifier must not pass for a finished report.
            progress.check_cancelled()
            return report

        job: Job[VerificationReport] = Job(work, cancellable=True)
        self.progress = ProgressDialog(self.tr("Vérification de l'élection"), job, self)
        self.progress.message.setText(reading)  # from the first second, before the worker runs
        job.succeeded.connect(self._show_report)
        job.failed.connect(self._show_error)
        job.cancelled.connect(self.cancelled.emit)
        self.progress.open()
        self.opened.emit(path)
        self._runner.start(job)
        return job

    @property
    def report(self) -> VerificationReport | None:
        return self._report

    def report_html(self) -> str:
        """The report as printed: subject, verdict, then every check with its full reason."""
        import html

        from bureau_app.i18n import current_language

        report = self._report
        if report is None:
            return ""
        language = "en" if current_language() == "en" else "fr"
        rows = "".join(
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>".format(
                html.escape(self.report_view.outcome_word(check.outcome)),
                html.escape(check.spec.title(language)),
                html.escape(check.reason_en if language == "en" else check.reason_fr),
            )
            for check in report.checks
        )
        return (
            f"<h1>{html.escape(self.report_view.subject.text())}</h1>"
            f"<p><b>{html.escape(self.report_view.verdict.text())}</b></p>"
            f"<table border='1' cellpadding='4' cellspacing='0' width='100%'>"
            f"<tr><th>{html.escape(self.tr('Résultat'))}</th>"
            f"<th>{html.escape(self.tr('Contrôle'))}</th>"
            f"<th>{html.escape(self.tr('Motif'))}</th></tr>{rows}</table>"
        )

    def print_report(self) -> bool:
        if self._report is None:
            return False
        return printing.print_html(
            self, self.report_html(), self.tr("Rapport de vérification"), training=self.training
        )

    def _choose_export(self) -> None:
        if self._report is None:
            return
        target, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Exporter le rapport de vérification"),
            "rapport-verification.pdf",
            ";;".join(
                (
                    self.tr("Document PDF (*.pdf)"),
                    self.tr("Texte (*.txt)"),
                    self.tr("JSON pour les outils (*.json)"),
                )
            ),
        )
        if target:
            self.export_to(Path(target))

    def export_to(self, target: Path) -> Path:
        """Write the report: PDF, plain text or JSON, chosen by the file's extension."""
        from bureau_app.i18n import current_language

        assert self._report is not None
        suffix = target.suffix.lower()
        if suffix == ".json":
            target.write_text(self._report.to_json(), encoding="utf-8")
        elif suffix == ".txt":
            language = "en" if current_language() == "en" else "fr"
            target.write_text(self._report.to_text(language), encoding="utf-8")
        else:
            if suffix != ".pdf":
                target = target.with_name(target.name + ".pdf")
            printing.export_html_pdf(target, self.report_html(), training=self.training)
        self.exported.emit(target)
        return target

    def _show_report(self, report: VerificationReport) -> None:
        self._report = report
        self.report_view.set_report(report)
        self.print_button.setEnabled(True)
        self.export_button.setEnabled(True)
        self.verified.emit(report)

    def _show_error(self, error: BaseException) -> None:
        self.failed.emit(error)
        ErrorDialog(error, self).open()
