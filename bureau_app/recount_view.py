"""« Recompter à partir d'une archive » (art. 23): the GUI of ``bureau recount``.

On any computer that has the ceremony archive and the members' cards:
choose the archive folder and a new working folder; the archive is verified
in full first (progress, cancel); then any legal quorum of members presents
their cards (the same quorum prompt as the count: whoever may come, comes);
:func:`ceremony.workflow.recount.recount_from_archive` verifies the archive
again, rebuilds the count in the new folder, decrypts, compares and writes a
signed report beside the archive (never inside). The screen then says
« Identiques aux résultats archivés » or shows the differences, with the
report's path and SHA-256 and buttons to open and print its PDF.

In training (an archive whose cards were training cards) the cards are the
training card files of that ceremony (only existing files: nothing is created).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from bureau_app.banner import TrainingBanner
from bureau_app.card_sources import CardSource, PcscCardSource, TrainingCardSource
from bureau_app.engine_messages import user_text
from bureau_app.pin_bridge import QtPinHandler
from bureau_app.progress_dialog import ProgressDialog
from bureau_app.quorum import quorum_need
from bureau_app.quorum_prompt import QuorumPromptDialog
from bureau_app.recount_archive import (
    ArchiveInfo,
    guess_training_cards,
    read_archive,
    suggested_store,
    training_members,
)
from bureau_app.recount_result import RecountResult
from bureau_app.roles import list_names
from bureau_app.sizing import scale_font
from bureau_app.step_pins import StepPins
from bureau_app.text import fill
from bureau_app.worker import Job, JobRunner, Progress
from ceremony.errors import CeremonyError
from ceremony.workflow.holders import PresentCard
from ceremony.workflow.recount import ArchiveNotVerifiedError, RecountOutcome

log = logging.getLogger(__name__)


class ExistingTrainingCards(TrainingCardSource):
    """The training cards found in a folder; a member without a card file has none here
    (the recount never makes a blank card): the others step in, as for an absent member."""

    def serial_of(self, member_id: str) -> str:
        try:
            return super().serial_of(member_id)
        except KeyError:
            return ""


class RecountDialog(QDialog):
    """The recount screen; a window of its own (welcome screen) or over a ceremony."""

    # For tests and accessibility tools: the verification's progress, the quorum prompt,
    # the recount's progress, then the outcome (RecountOutcome) or the error.
    dialog_opened = Signal(object)
    finished_recount = Signal(object)
    failed_recount = Signal(object)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        archive: Path | None = None,
        pcsc: Callable[[], CardSource] = PcscCardSource,
    ) -> None:
        super().__init__(parent)
        self._pcsc = pcsc
        self.runner = JobRunner(parent=self)
        self.pins = QtPinHandler(self)
        self._source: CardSource | None = None
        self._info: ArchiveInfo | None = None
        self.outcome: RecountOutcome | None = None
        self.prompt: QuorumPromptDialog | None = None
        self.progress: ProgressDialog | None = None
        self.setWindowTitle(self.tr("Nouveau décompte à partir d'une archive"))
        self.setAccessibleName(self.tr("Nouveau décompte à partir de l'archive de la cérémonie"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)

        self.banner = TrainingBanner()
        title = QLabel(self.tr("Nouveau décompte à partir de l'archive"))
        scale_font(title, 1.5, bold=True)
        title.setWordWrap(True)
        intro = QLabel(
            self.tr(
                "Les clés et les fichiers sont conservés deux ans pour permettre une nouvelle "
                "exécution du décompte des votes (art. 23 de l'arrêté). Sur n'importe quel "
                "ordinateur : l'archive de la cérémonie est d'abord vérifiée en entier, puis "
                "un quorum légal de membres présente ses cartes — pas forcément les mêmes qu'au "
                "dépouillement. Le résultat est comparé aux résultats archivés et un rapport "
                "signé est écrit à côté de l'archive, qui n'est jamais modifiée."
            )
        )
        intro.setWordWrap(True)
        intro.setAccessibleName(self.tr("À quoi sert ce nouveau décompte"))
        self.intro = intro
        # Texts keep their height; the space left goes to the results table.
        for label in (self.banner, title, intro):
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        self.archive_field = QLineEdit()
        self.archive_field.setAccessibleName(self.tr("Dossier de l'archive de la cérémonie"))
        self.archive_field.setPlaceholderText(self.tr("le dossier qui contient archive.json"))
        self.store_field = QLineEdit()
        self.store_field.setAccessibleName(
            self.tr("Nouveau dossier de travail du décompte (nouveau ou vide)")
        )
        self.cards_field = QLineEdit()
        self.cards_field.setAccessibleName(self.tr("Dossier des cartes d'entraînement"))
        archive_label = QLabel(self.tr("&Archive de la cérémonie :"))
        archive_label.setBuddy(self.archive_field)
        store_label = QLabel(self.tr("&Nouveau dossier de travail :"))
        store_label.setBuddy(self.store_field)
        self.cards_label = QLabel(self.tr("Cartes d'&entraînement :"))
        self.cards_label.setBuddy(self.cards_field)
        self.archive_button = QPushButton(self.tr("&Choisir…"))
        self.archive_button.setAccessibleName(self.tr("Choisir le dossier de l'archive"))
        self.store_button = QPushButton(self.tr("C&hoisir ou créer…"))
        self.store_button.setAccessibleName(
            self.tr("Choisir ou créer le nouveau dossier de travail")
        )
        self.cards_button = QPushButton(self.tr("Choi&sir…"))
        self.cards_button.setAccessibleName(self.tr("Choisir le dossier des cartes d'entraînement"))
        for button in (self.archive_button, self.store_button, self.cards_button):
            button.setAutoDefault(False)
        self.archive_button.clicked.connect(self._choose_archive)
        self.store_button.clicked.connect(self._choose_store)
        self.cards_button.clicked.connect(self._choose_cards)
        self.archive_field.editingFinished.connect(self._archive_changed)

        grid = QGridLayout()
        grid.addWidget(archive_label, 0, 0)
        grid.addWidget(self.archive_field, 0, 1)
        grid.addWidget(self.archive_button, 0, 2)
        grid.addWidget(store_label, 1, 0)
        grid.addWidget(self.store_field, 1, 1)
        grid.addWidget(self.store_button, 1, 2)
        grid.addWidget(self.cards_label, 2, 0)
        grid.addWidget(self.cards_field, 2, 1)
        grid.addWidget(self.cards_button, 2, 2)
        grid.setColumnStretch(1, 1)
        self._show_cards_row(False)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("État du nouveau décompte"))
        self.start_button = QPushButton(self.tr("&Vérifier l'archive et recompter"))
        self.start_button.setAccessibleName(
            self.tr("Vérifier l'archive, demander les cartes du quorum et recompter")
        )
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.close_button = QPushButton(self.tr("&Fermer"))
        self.close_button.setAccessibleName(self.tr("Fermer l'écran du nouveau décompte"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        self.report_view = RecountResult()

        row = QHBoxLayout()
        row.addWidget(self.start_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(self.status)
        layout.addLayout(row)
        layout.addWidget(self.report_view, 1)
        layout.addStretch(0)
        self._fit_screen()
        if archive is not None:
            self.archive_field.setText(str(archive))
            self._archive_changed()
        self.archive_field.setFocus()
        log.info("recount screen opened")

    def _fit_screen(self) -> None:
        """Most of the screen: the results table needs the room (1280×720 included)."""
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is None:
            self.resize(1000, 640)
            return
        self.resize(min(1100, int(screen.width() * 0.9)), int(screen.height() * 0.92))

    # --- choosing folders ------------------------------------------------------------------------

    def _show_cards_row(self, shown: bool) -> None:
        for widget in (self.cards_label, self.cards_field, self.cards_button):
            widget.setVisible(shown)

    def _choose_archive(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Dossier de l'archive de la cérémonie"), self.archive_field.text()
        )
        if chosen:
            self.archive_field.setText(chosen)
            self._archive_changed()

    def _choose_store(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self,
            self.tr("Nouveau dossier de travail (nouveau ou vide)"),
            str(Path(self.store_field.text()).parent) if self.store_field.text() else "",
        )
        if chosen:
            self.store_field.setText(chosen)

    def _choose_cards(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Dossier des cartes d'entraînement"), self.cards_field.text()
        )
        if chosen:
            self.cards_field.setText(chosen)

    def _archive_changed(self) -> None:
        """A new archive: the new folder and training cards are suggested beside it."""
        text = self.archive_field.text().strip()
        if not text:
            return
        archive = Path(text)
        if not self.store_field.text().strip() or self._info is None:
            self.store_field.setText(str(suggested_store(archive)))
        self._info = None
        try:
            info = read_archive(archive)
        except CeremonyError as error:
            self.status.setText(user_text(error))
            self._show_cards_row(False)
            return
        self._info = info
        self.banner.set_training(info.training)
        self.report_view.training = info.training
        self._show_cards_row(info.training)
        if info.training and not self.cards_field.text().strip():
            guess = guess_training_cards(archive)
            self.cards_field.setText(str(guess) if guess is not None else "")
        self.status.setText(
            fill(
                self.tr("Archive de la cérémonie du bureau « %1 » (%2 membres). %3"),
                info.definition.name,
                str(len(info.definition.members)),
                self.tr("Cartes d'entraînement : sans valeur légale.") if info.training else "",
            )
        )

    # --- 1. verify the archive -------------------------------------------------------------------

    def start(self) -> None:
        if self.runner.busy:
            return
        self._archive_changed()
        info = self._info
        store = Path(self.store_field.text().strip()) if self.store_field.text().strip() else None
        if info is None:
            if not self.status.text():
                self.status.setText(self.tr("Choisissez d'abord le dossier de l'archive."))
            return
        if store is None or (store.exists() and (not store.is_dir() or any(store.iterdir()))):
            self.status.setText(
                self.tr(
                    "Le dossier de travail doit être nouveau ou vide : choisissez-en un autre "
                    "(il sera créé s'il n'existe pas)."
                )
            )
            self.store_field.setFocus()
            return
        cards = self.cards_field.text().strip()
        if info.training and (not cards or not Path(cards).is_dir()):
            self.status.setText(self.tr("Choisissez le dossier des cartes d'entraînement."))
            self.cards_field.setFocus()
            return
        archive = info.folder
        self.report_view.setVisible(False)
        reading = self.tr("Vérification complète de l'archive avant le décompte…")

        def work(progress: Progress) -> bool:
            from ceremony.verify.archive import verify_ceremony_archive

            progress.say(reading)

            def line(message: str) -> None:
                # Reading only: stopping here leaves nothing written anywhere.
                progress.check_cancelled()
                progress.say(message)

            report = verify_ceremony_archive(archive, progress=line)
            progress.check_cancelled()
            if not report.passed:
                failed = ", ".join(c.spec.title_fr for c in report.failed_checks())
                raise ArchiveNotVerifiedError(f"the archive fails {failed}")
            return True

        job: Job[bool] = Job(work, cancellable=True)
        job.succeeded.connect(lambda _ok: self._ask_cards(info, store))
        job.failed.connect(self._failed)
        job.cancelled.connect(self._verification_cancelled)
        self._open_progress(self.tr("Vérification de l'archive"), job, reading)
        log.info("recount: verifying archive %s", archive)

    def _open_progress(self, title: str, job: Job[Any], first: str) -> None:
        self.progress = ProgressDialog(title, job, self)
        self.progress.message.setText(first)
        self.progress.open()
        self.dialog_opened.emit(self.progress)
        self.runner.start(job)

    def _verification_cancelled(self) -> None:
        log.info("recount: verification cancelled")
        self.status.setText(
            self.tr("Vérification annulée : rien n'a été écrit. Vous pouvez recommencer.")
        )

    # --- 2. the quorum's cards -------------------------------------------------------------------

    def _card_source(self, info: ArchiveInfo) -> CardSource:
        if self._source is not None:
            self._source.close()
        if info.training:
            folder = Path(self.cards_field.text().strip())
            self._source = ExistingTrainingCards(folder, training_members(folder, info.definition))
        else:
            self._source = self._pcsc()
        return self._source

    def _ask_cards(self, info: ArchiveInfo, store: Path) -> None:
        log.info("recount: archive verified, asking the quorum's cards")
        self.status.setText(
            self.tr("Archive vérifiée : intègre et complète. Les membres présentent leurs cartes.")
        )
        source = self._card_source(info)
        pins = StepPins(self.pins)
        prompt = QuorumPromptDialog(
            self.tr("Nouveau décompte : cartes du quorum"),
            quorum_need(info.definition),
            events=source.events,
            serials=info.serials,
            open_client=source.client,
            pins=pins,
            runner=self.runner,
            lists=list_names(info.definition),
            reader=source.reader_widget,
            parent=self,
        )
        self.prompt = prompt

        def finished(result: int) -> None:
            prompt.deleteLater()
            self.prompt = None
            if result != QDialog.DialogCode.Accepted:
                pins.forget()
                self.status.setText(self.tr("Cartes non présentées : aucun décompte n'a été fait."))
                return
            self._recount(info, store, list(prompt.present), pins)

        prompt.finished.connect(finished)
        prompt.open()
        log.info("quorum prompt opened: recount")
        self.dialog_opened.emit(prompt)

    # --- 3. the recount ---------------------------------------------------------------------------

    def _recount(
        self, info: ArchiveInfo, store: Path, cards: list[PresentCard], pins: StepPins
    ) -> None:
        archive = info.folder
        first = self.tr("Nouvelle vérification de l'archive, puis décompte avec les cartes…")

        def work(progress: Progress) -> RecountOutcome:
            from ceremony.workflow.recount import recount_from_archive

            progress.say(first)
            try:
                return recount_from_archive(archive, store, cards, notice=progress.say)
            finally:
                for card in cards:
                    card.client.close()

        job: Job[RecountOutcome] = Job(work, cancellable=False)

        def done(outcome: RecountOutcome) -> None:
            pins.forget()
            self._done(info, outcome)

        def failed(error: BaseException) -> None:
            pins.forget()
            self._failed(error)

        job.succeeded.connect(done)
        job.failed.connect(failed)
        self._open_progress(self.tr("Nouveau décompte"), job, first)
        log.info("recount started with %s", sorted(c.member_id for c in cards))

    def _done(self, info: ArchiveInfo, outcome: RecountOutcome) -> None:
        self.outcome = outcome
        names = {m.member_id: m.name for m in info.definition.members}
        # The explanation has been read; its room goes to the figures.
        self.intro.setVisible(False)
        self.report_view.show_outcome(outcome, info.definition, names)
        self.status.setText(
            self.tr("Nouveau décompte terminé.")
            + " "
            + (
                self.tr("Identiques aux résultats archivés.")
                if outcome.equal
                else self.tr("DIFFÉRENTS des résultats archivés.")
            )
        )
        log.info("recount finished: %s", "identical" if outcome.equal else "DIFFERENT")
        self.finished_recount.emit(outcome)

    def _failed(self, error: BaseException) -> None:
        from bureau_app.error_dialog import ErrorDialog

        log.warning("recount not done: %r", error)
        self.status.setText(
            fill(
                self.tr("Nouveau décompte non fait : %1"),
                user_text(error) if isinstance(error, CeremonyError) else str(error),
            )
        )
        dialog = ErrorDialog(error, self)
        dialog.open()
        self.dialog_opened.emit(dialog)
        self.failed_recount.emit(error)

    # --- closing ---------------------------------------------------------------------------------

    def reject(self) -> None:
        if self.runner.busy:
            self.status.setText(self.tr("Une opération est en cours : attendez sa fin."))
            return
        super().reject()

    def done(self, result: int) -> None:
        self.pins.cancel_all()
        if self._source is not None:
            self._source.close()
            self._source = None
        super().done(result)


class RecountWindow(QMainWindow):
    """The recount screen as the application's only window (welcome screen's choice).

    A parentless dialog opening its modal progress dialog froze the event loop under a
    window manager in the real-app tests (Xvfb + matchbox); inside a main window, as it
    is over a ceremony window, it does not. Closing is refused while work is running.
    """

    def __init__(self) -> None:
        super().__init__()
        self.recount = RecountDialog(self)
        self.recount.setWindowFlags(Qt.WindowType.Widget)
        self.setCentralWidget(self.recount)
        self.setWindowTitle(self.recount.windowTitle())
        self.setAccessibleName(self.recount.accessibleName())
        self.recount.finished.connect(lambda _result: self.close())
        self.resize(self.recount.size())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.recount.runner.busy:
            event.ignore()
            self.recount.status.setText(self.tr("Une opération est en cours : attendez sa fin."))
            return
        if self.recount.isVisible():
            self.recount.done(QDialog.DialogCode.Rejected)
        super().closeEvent(event)
