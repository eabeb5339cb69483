"""« À propos de Bureau »: version, this installation's software fingerprint, the sealed one.

The count refuses to run unless the software is the one recorded in the seal
(``ceremony.workflow.count.check_before_count``); this box lets an expert
compare the two beforehand, reading the fingerprints aloud in groups of four.
The fingerprint hashes the application's files: it is computed in a job, off
the GUI thread.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from bureau_app.sizing import fit_to_text, scale_font
from bureau_app.step_dialogs import group_fingerprint
from bureau_app.text import fill
from bureau_app.worker import Job, JobRunner, Progress
from ceremony import __version__
from ceremony.fingerprint import (
    PREFIX,
    ApplicationFiles,
    SoftwareFingerprint,
    compute_fingerprint,
    locate_application,
)

_GROUPS_PER_LINE = 8
MONO_FAMILY = "DejaVu Sans Mono"


def readable_fingerprint(value: str) -> str:
    """``sha256:<hex>`` (or bare hex) as two lines of groups of four, to read aloud."""
    groups = group_fingerprint(value.removeprefix(PREFIX)).split()
    return "\n".join(
        " ".join(groups[i : i + _GROUPS_PER_LINE]) for i in range(0, len(groups), _GROUPS_PER_LINE)
    )


def _fingerprint_field(name: str) -> QPlainTextEdit:
    field = QPlainTextEdit()
    field.setReadOnly(True)
    field.setAccessibleName(name)
    font = QFont(QApplication.font())
    font.setFamily(MONO_FAMILY)  # shipped in resources/fonts
    font.setStyleHint(QFont.StyleHint.Monospace)
    field.setFont(font)
    field.setTabChangesFocus(True)
    lines = field.fontMetrics().lineSpacing() * 2
    field.setFixedHeight(lines + 2 * field.frameWidth() + 12)
    return field


class AboutDialog(QDialog):
    """Name, version, licence, the running fingerprint and, once sealed, the comparison."""

    def __init__(
        self,
        runner: JobRunner,
        sealed: str | None,
        files: ApplicationFiles | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._sealed = sealed
        self.setWindowTitle(self.tr("À propos de Bureau"))
        self.setAccessibleName(self.tr("À propos de Bureau"))
        heading = QLabel(fill(self.tr("Bureau, version %1"), __version__))
        scale_font(heading, 1.3, bold=True)
        purpose = QLabel(
            self.tr(
                "L'application hors ligne du bureau de vote électronique : scellement, "
                "contrôle de l'urne, dépouillement et procès-verbal."
            )
        )
        purpose.setWordWrap(True)

        running_label = QLabel(self.tr("Empreinte &logicielle de cette installation (SHA-256) :"))
        self.running = _fingerprint_field(self.tr("Empreinte logicielle de cette installation"))
        self.running.setPlainText(self.tr("Calcul en cours…"))
        running_label.setBuddy(self.running)
        self.running_detail = QLabel()
        self.running_detail.setWordWrap(True)

        sealed_label = QLabel(self.tr("Empreinte enregistrée dans le &scellement :"))
        self.sealed = _fingerprint_field(self.tr("Empreinte enregistrée dans le scellement"))
        sealed_label.setBuddy(self.sealed)
        self.comparison = QLabel()
        self.comparison.setWordWrap(True)
        self.comparison.setAccessibleName(self.tr("Comparaison des empreintes"))
        scale_font(self.comparison, 1.1, bold=True)
        if sealed is None:
            sealed_label.hide()
            self.sealed.hide()
            self.comparison.setText(
                self.tr("Ce bureau n'est pas encore scellé : aucune empreinte à comparer.")
            )
        else:
            self.sealed.setPlainText(readable_fingerprint(sealed))
            self.comparison.setText(self.tr("Comparaison : calcul en cours…"))

        licence = QLabel(
            self.tr(
                "Logiciel libre sous licence GNU AGPL version 3 ou ultérieure. "
                "Aucune connexion réseau : l'application n'utilise pas le réseau ; "
                "les échanges avec la plateforme se font par fichiers signés."
            )
        )
        licence.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("&Fermer"))
        close.setAccessibleName(self.tr("Fermer"))
        close.setDefault(True)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(purpose)
        layout.addWidget(running_label)
        layout.addWidget(self.running)
        layout.addWidget(self.running_detail)
        layout.addWidget(sealed_label)
        layout.addWidget(self.sealed)
        layout.addWidget(self.comparison)
        layout.addWidget(licence)
        layout.addWidget(buttons)
        fit_to_text(self, 60)

        def compute(_progress: Progress) -> SoftwareFingerprint:
            return compute_fingerprint(files if files is not None else locate_application())

        self.job: Job[SoftwareFingerprint] = Job(compute, cancellable=False)
        self.job.succeeded.connect(self._show_fingerprint)
        self.job.failed.connect(self._show_failure)
        runner.start(self.job)

    def _show_fingerprint(self, found: SoftwareFingerprint) -> None:
        self.running.setPlainText(readable_fingerprint(found.value))
        kind = (
            self.tr("paquet autonome") if found.kind == "frozen" else self.tr("installation source")
        )
        self.running_detail.setText(
            fill(self.tr("%1, %2 fichiers pris en compte."), kind, str(len(found.files)))
        )
        if self._sealed is None:
            fit_to_text(self, 60)
            return
        if found.value == self._sealed:
            self.comparison.setText(
                self.tr("Comparaison : identique. Le logiciel est celui qui a été scellé.")
            )
        else:
            self.comparison.setText(
                self.tr(
                    "Comparaison : DIFFÉRENTE. Ce logiciel n'est pas celui qui a été scellé : "
                    "le dépouillement sera refusé. Prévenez l'expert."
                )
            )
        fit_to_text(self, 60)  # the texts grew: keep every line visible

    def _show_failure(self, error: BaseException) -> None:
        message = getattr(error, "user_message", "") or str(error)
        self.running.setPlainText(self.tr("Impossible de calculer l'empreinte."))
        self.running_detail.setText(message)
        if self._sealed is not None:
            self.comparison.setText(self.tr("Comparaison impossible."))
        fit_to_text(self, 60)
