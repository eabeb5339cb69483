"""The application in the counting room (issue 17): lock, training banner, help, printing,
results and projection, layout, typography, expert mode. Driven by real input events."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.gui.fakes import ceremony_at_test_vote, sample_results

pytestmark = pytest.mark.gui


def _left():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def _answer_modal(qtbot, key) -> list[str]:  # type: ignore[no-untyped-def]
    """Press ``key`` in the next modal dialog (a nested event loop runs it); returns its text."""
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLabel

    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(50, answer)
            return
        seen.extend(label.text() for label in dialog.findChildren(QLabel))
        QTest.keyClick(dialog, key)

    QTimer.singleShot(50, answer)
    return seen


def _pdf_printer(target: Path):  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinter

    def make() -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return printer

    return make


def _pdf_pages(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    line = next(x for x in out.stdout.splitlines() if x.startswith("Pages:"))
    return int(line.split()[1])


def _pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture
def window(qtbot, app, settings):  # type: ignore[no-untyped-def]
    from bureau_app.shell import BureauWindow

    window = BureauWindow(settings)
    qtbot.addWidget(window)
    window.set_phases(ceremony_at_test_vote())
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    return window


# --- 7. one instance per ceremony ------------------------------------------------------


def test_a_second_launch_on_an_open_ceremony_says_so_and_opens_nothing(
    qtbot, app, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    import argparse

    from PySide6.QtCore import Qt

    from bureau_app.window import run
    from ceremony.store.store import open_store

    held = open_store(tmp_path / "demo" / "store")  # the first instance
    try:
        seen = _answer_modal(qtbot, Qt.Key.Key_Return)
        args = argparse.Namespace(
            demo=str(tmp_path / "demo"), store=None, ballots=4, lang="fr", expert=False
        )
        assert run(args) == 1
    finally:
        held.close()
    assert any("déjà ouverte dans une autre fenêtre" in text for text in seen), seen


# --- 8. training is unmistakable -------------------------------------------------------


def test_the_training_banner_is_on_every_page_and_only_in_training(
    qtbot, window, screenshot_dir
) -> None:  # type: ignore[no-untyped-def]
    assert not window.banner.isVisible()
    window.set_training(True)
    for show in (window.show_journal, window.show_results, window.show_pv, window.show_expert):
        show()
        assert window.banner.isVisible()
        assert "ENTRAÎNEMENT" in window.banner.text()
    for key in window.pages:
        window.show_phase(key)
        assert window.banner.isVisible()
    assert window.banner.grab().save(str(screenshot_dir / "banner.png"))


def test_a_training_document_is_printed_with_the_training_mark(
    qtbot, app, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from bureau_app import printing
    from bureau_app.pv_preview import PvPreview
    from bureau_app.worker import JobRunner
    from tests.gui.test_pv_preview import _two_page_pdf

    printed = tmp_path / "printed.pdf"
    monkeypatch.setattr(printing, "make_printer", _pdf_printer(printed))
    preview = PvPreview(JobRunner())
    qtbot.addWidget(preview)
    preview.training = True
    with qtbot.waitSignal(preview.rendered, timeout=60_000):
        preview.set_document(_two_page_pdf(tmp_path / "pv.pdf"), "proces-verbal.pdf")
    preview.show()
    _answer_modal(qtbot, Qt.Key.Key_Return)  # the print dialog: "Imprimer"
    with qtbot.waitSignal(preview.printed, timeout=60_000) as done:
        qtbot.mouseClick(preview.print_button, _left())
    assert done.args == [2]
    assert _pdf_pages(printed) == 2
    assert _pdf_text(printed).count("ENTRAÎNEMENT") == 2  # on every sheet


# --- 3. the procès-verbal read before signing, page count, status after signing ---------


def test_the_pv_is_reachable_before_signing_and_its_status_follows_the_signatures(
    qtbot, window, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from tests.gui.test_pv_preview import _two_page_pdf

    pdf = _two_page_pdf(tmp_path / "pv.pdf")
    assert not window.pv_action.isEnabled()
    with qtbot.waitSignal(window.pv_preview.rendered, timeout=60_000) as rendered:
        window.pv_preview.set_document(pdf, "proces-verbal.pdf")
    assert rendered.args == [_pdf_pages(pdf)]
    window.show_phase("pv")
    link = window.pages["pv"].links["pv"]
    assert link.isEnabled() and link.text() == "Relire le procès-verbal"
    qtbot.mouseClick(link, _left())
    assert window.stack.currentWidget() is window.pv_preview
    assert "Relisez chaque page avant de signer" in window.pv_preview.status.text()
    window.set_pv_signatures(3, 3)
    assert "Relisez" not in window.pv_preview.status.text()
    assert "Signé par tous les membres requis" in window.pv_preview.status.text()
    qtbot.mouseClick(window.pv_preview.back_button, _left())
    assert window.current_page() is not None
    QTest.keyClick(
        window,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.stack.currentWidget() is window.pv_preview


# --- 5. results after the count, projection full screen --------------------------------


def test_results_arriving_are_shown_and_projected_full_screen(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from bureau_app.projection import open_projection

    window.show_phase("test_vote")
    assert not window.pages["pv"].links["results"].isEnabled()
    window.results_view.set_results(sample_results())
    assert window.stack.currentWidget() is window.results_view
    assert window.pages["pv"].links["results"].isEnabled()
    with qtbot.waitSignal(window.projection_requested):
        qtbot.mouseClick(window.results_view.project_button, _left())
    projection = open_projection(window.results_view.contests, window, training=True)
    qtbot.addWidget(projection)
    qtbot.waitExposed(projection)
    assert projection.isFullScreen()
    assert projection.banner.isVisible()
    assert "F11" in projection.footer.text()
    qtbot.mouseClick(window.results_view.back_button, _left())
    assert window.current_page() is not None and window.current_page().key == "test_vote"


def test_projected_figures_are_never_cut(qtbot, app, screenshot_dir) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFontMetricsF

    from bureau_app.projection import ProjectionWindow
    from bureau_app.results_model import ContestResult, ListResult

    names = [f"Liste d'union syndicale des praticiens hospitaliers n° {n}" for n in range(1, 9)]
    contest = ContestResult(
        "CSN — collège 1 — section Anesthésie-réanimation",
        94_000,
        26_320,
        412,
        [ListResult(name, 3_000 + 17 * n, n % 3) for n, name in enumerate(names)],
    )
    for width, height in ((1280, 720), (1920, 1080)):
        window = ProjectionWindow([contest])
        qtbot.addWidget(window)
        window.resize(width, height)
        window.show()
        qtbot.waitExposed(window)
        chart = window.chart
        metrics = QFontMetricsF(chart.font())
        line = metrics.height()
        widest = max(metrics.horizontalAdvance(chart.label(e)) for e in contest.lists)
        assert widest + 2 * line <= chart.width(), (width, widest, chart.width())
        assert len(contest.lists) * line * 2.8 <= chart.height() + line, (width, chart.height())
        assert window.grab().save(str(screenshot_dir / f"projection-8-lists-{width}.png"))
        window.close()


# --- 16. help, F1, mnemonics ---------------------------------------------------------


def test_f1_opens_the_help_of_the_step_shown_with_its_articles(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window.show_phase("sealing")
    QTest.keyClick(window, Qt.Key.Key_F1)
    dialog = window.help_dialog
    assert dialog is not None and dialog.isVisible()
    text = dialog.browser.toPlainText()
    assert "Scellement" in text and "Art. 15" in text and "Qui agit" in text
    qtbot.mouseClick(dialog.count_button, _left())
    checklist = dialog.browser.toPlainText()
    assert "Séance de dépouillement" in checklist and "☐" in checklist
    assert "Art. 21" in checklist
    dialog.close()


def test_the_session_checklist_prints(qtbot, window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from bureau_app import printing

    printed = tmp_path / "checklist.pdf"
    monkeypatch.setattr(printing, "make_printer", _pdf_printer(printed))
    QTest.keyClick(window, Qt.Key.Key_F1)
    dialog = window.help_dialog
    qtbot.mouseClick(dialog.sealing_button, _left())
    _answer_modal(qtbot, Qt.Key.Key_Return)
    qtbot.mouseClick(dialog.print_button, _left())
    text = _pdf_text(printed)
    assert "Séance de scellement" in text and "Cérémonie des clés" in text
    dialog.close()


def _mnemonic(text: str) -> str | None:
    index = text.replace("&&", "").find("&")
    return text.replace("&&", "")[index + 1].lower() if index >= 0 else None


@pytest.mark.parametrize("language", ["fr", "en"])
def test_no_alt_key_is_claimed_twice_in_the_main_window(qtbot, app, settings, language) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QAbstractButton

    from bureau_app.i18n import install_language
    from bureau_app.shell import BureauWindow

    install_language(app, language)
    try:
        window = BureauWindow(settings)  # built in the language, as the application does
        qtbot.addWidget(window)
        window.set_phases(ceremony_at_test_vote())
        window.show()
        menus = [_mnemonic(a.text()) for a in window.menuBar().actions()]
        assert len(menus) == len(set(menus)), menus
        for view in (window.expert_view, window.pv_preview, window.results_view):
            window.stack.setCurrentWidget(view)
            window.side.setCurrentIndex(1 if view is window.expert_view else 0)
            side = window.side.currentWidget().findChildren(QAbstractButton)
            buttons = [*view.findChildren(QAbstractButton), *side]
            keys = [_mnemonic(b.text()) for b in buttons if b.isVisibleTo(window)]
            keys = [k for k in keys if k is not None]
            assert not set(keys) & set(menus), (view.accessibleName(), keys, menus)
            assert len(keys) == len(set(keys)), (view.accessibleName(), keys)
    finally:
        install_language(app, "fr")


# --- 7. welcome screen --------------------------------------------------------------------


def test_the_welcome_screen_offers_the_four_ways_in(qtbot, app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from bureau_app.welcome import WelcomeDialog

    dialog = WelcomeDialog(tmp_path / "store", tmp_path / "training")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    # No store yet: no "resume"; the recount from an archive is offered beside the others.
    assert set(dialog.buttons) == {"new", "open", "training", "recount", "expert"}
    # Keyboard only: Tab from the first choice to "Entraînement", then Space.
    assert dialog.focusWidget() is dialog.buttons["new"]
    while dialog.focusWidget() is not dialog.buttons["training"]:
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    QTest.keyClick(dialog.buttons["training"], Qt.Key.Key_Space)
    assert dialog.choice is not None and dialog.choice.kind == "training"
    assert dialog.choice.folder == tmp_path / "training"


# --- 9. end of the ceremony -------------------------------------------------------------


def test_the_end_summary_lists_each_document_with_its_fingerprint(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from bureau_app.summary_view import group_hex

    folder = tmp_path / "archive"
    (folder / "bundles").mkdir(parents=True)
    files = {}
    for name in ("proces-verbal.pdf", "remise-des-cles.pdf", "bundles/results.zip", "archive.json"):
        data = name.encode() * 10
        (folder / name).write_bytes(data)
        files[name] = hashlib.sha256(data).hexdigest()
    window.set_archive(folder, files)
    window.show_phase("archived")
    link = window.pages["archived"].links["summary"]
    assert link.isEnabled()
    qtbot.mouseClick(link, _left())
    table = window.summary.table
    assert table.rowCount() == 4
    shown = {table.item(r, 1).text(): table.item(r, 2).text() for r in range(4)}
    for name, digest in files.items():
        assert shown[str(folder / name)] == group_hex(digest)
    assert str(folder) in window.summary.status.text()
    # Reopened later (the engine journals the files, not the folder): found again.
    window.summary.set_archive(None, {})
    window.set_archive(None, files)
    assert window.summary.folder == folder


# --- 15. layout ------------------------------------------------------------------------


def test_a_long_verified_list_gets_the_room_the_short_todo_list_leaves(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from bureau_app.phase_model import ChecklistItem, PhaseState
    from tests.gui.fakes import FakePhase

    verified = [ChecklistItem(f"Scrutin n° {n} : 1 843 bulletins vérifiés", True) for n in range(9)]
    phases = ceremony_at_test_vote()
    phases[2] = FakePhase(
        "test_vote",
        "Vote à blanc",
        PhaseState.CURRENT,
        checklist=[ChecklistItem("Faire le vote à blanc", False)],
        verified=verified,
        next_action="Faire le vote à blanc",
    )
    window.set_phases(phases)
    window.show_phase("test_vote")
    page = window.pages["test_vote"]
    qtbot.wait(100)  # one layout pass
    assert page.verified.verticalScrollBar().maximum() == 0  # nothing hidden
    assert page.checklist.height() < page.verified.height()


def test_a_long_action_label_never_widens_the_window(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from bureau_app.phase_model import PhaseState
    from tests.gui.fakes import FakePhase

    phases = ceremony_at_test_vote()
    long_name = "Marie-Hélène de La Tour d'Auvergne-Lauraguais, déléguée de liste " * 3
    phases[2] = FakePhase(
        "test_vote",
        "Vote à blanc",
        PhaseState.CURRENT,
        next_action=f"Signer le scellement : carte de {long_name}",
    )
    window.set_phases(phases)
    window.set_bureau_name("Bureau de vote électronique " * 8)
    qtbot.wait(50)
    assert window.minimumSizeHint().width() <= 1280
    assert window.width() == 1280


# --- 11. expert mode ---------------------------------------------------------------------


def test_expert_verification_shows_progress_at_once_and_can_be_cancelled(
    qtbot, app, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    import threading

    from bureau_app.expert_view import ExpertView
    from bureau_app.worker import JobRunner

    started = threading.Event()

    def slow_verify(path, progress=None):  # type: ignore[no-untyped-def]
        # Stands in for ceremony's verifier (tested on its own): it reports, step after step.
        started.set()
        while True:
            progress("Contrôle du chaînage du journal…")
            threading.Event().wait(0.05)

    view = ExpertView(JobRunner(), verify=slow_verify)
    qtbot.addWidget(view)
    view.show()
    job = view.open_path(tmp_path / "archive")
    dialog = view.progress
    assert dialog is not None and dialog.isVisible()
    assert dialog.message.text() != "Démarrage…"
    assert "archive" in dialog.message.text()
    assert dialog.cancel_button is not None
    qtbot.waitUntil(started.is_set, timeout=10_000)
    with qtbot.waitSignal(view.cancelled, timeout=10_000):
        qtbot.mouseClick(dialog.cancel_button, _left())
    # The job's "finished" arrives through the event loop after "cancelled": wait for it.
    qtbot.waitUntil(lambda: job.done, timeout=10_000)
    assert view.report is None


def test_reasons_are_read_in_full_and_the_report_exports(qtbot, app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from bureau_app.expert_view import ExpertView
    from bureau_app.worker import JobRunner
    from tests.gui.test_screenshots import _failed_report

    report = _failed_report()
    view = ExpertView(JobRunner(), verify=lambda _p, progress=None: report)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    with qtbot.waitSignal(view.verified, timeout=10_000):
        view.open_path(tmp_path / "x.bel")
    table = view.report_view.table
    assert table.textElideMode() == Qt.TextElideMode.ElideNone
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "ÉCHEC")
    qtbot.mouseClick(
        table.viewport(), _left(), pos=table.visualItemRect(table.item(row, 2)).center()
    )
    assert "preuve invalide" in view.report_view.detail.text()
    pdf = view.export_to(tmp_path / "rapport.pdf")
    assert "preuve invalide" in _pdf_text(pdf).replace("\n", " ")
    text = view.export_to(tmp_path / "rapport.txt")
    assert "preuve invalide" in text.read_text(encoding="utf-8")


def test_the_left_column_shows_the_archive_being_checked(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window.expert_view._verify = lambda _p, progress=None: __import__(
        "tests.gui.test_screenshots", fromlist=["_failed_report"]
    )._failed_report()
    qtbot.mouseClick(window.expert_button, _left())
    assert window.side.currentIndex() == 1
    assert not window.panel.isVisible()
    with qtbot.waitSignal(window.expert_view.verified, timeout=10_000):
        window.expert_view.open_path(tmp_path / "archive-bureau")
    assert str(tmp_path / "archive-bureau") in window.expert_subject.text()
    qtbot.mouseClick(window.back_to_ceremony, _left())
    assert window.panel.isVisible()


# --- 13, 14. language and typography ------------------------------------------------------


def test_qt_own_dialogs_speak_the_interface_language(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog, QLabel

    from bureau_app.i18n import install_language

    def labels() -> list[str]:
        dialog = QFileDialog()
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(dialog)
        return [label.text() for label in dialog.findChildren(QLabel)]

    french = labels()
    assert "&Voir dans\u00a0:" in french and "&Type de fichier\u00a0:" in french, french
    assert "&Nom de fichier\u00a0:" in french  # Qt's own catalogue still answers the rest
    install_language(app, "en")
    assert "&Look in:" in labels()
    install_language(app, "fr")


def test_plurals_and_french_spacing() -> None:
    from bureau_app.text import NARROW_NBSP, NBSP, resolve_plurals, typeset

    assert resolve_plurals("1 scrutin(s) préparé(s)") == "1 scrutin préparé"
    assert resolve_plurals("3 bulletin(s) vérifié(s), 1 émargement(s)") == (
        "3 bulletins vérifiés, 1 émargement"
    )
    assert resolve_plurals("0 intervention(s)") == "0 intervention"
    assert resolve_plurals("0 intervention(s)", zero_is_plural=True) == "0 interventions"
    assert typeset("Suspendu à 10 h 12 : 12 bulletins (4,5 %)") == (
        f"Suspendu à 10{NBSP}h{NBSP}12{NBSP}: 12{NBSP}bulletins (4,5{NARROW_NBSP}%)"
    )


def test_english_chart_labels_count_properly(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    from bureau_app.bar_chart import BarChart
    from bureau_app.i18n import install_language
    from bureau_app.results_model import ContestResult, ListResult

    contest = ContestResult("X", 10, 3, 0, [ListResult("A", 1, 1), ListResult("B", 2, 0)])
    install_language(app, "en")
    try:
        chart = BarChart()
        qtbot.addWidget(chart)
        chart.set_contest(contest)
        assert chart.label(contest.lists[0]).startswith("A: 1 vote (")
        assert chart.label(contest.lists[1]).startswith("B: 2 votes (")
    finally:
        install_language(app, "fr")


def test_checklist_lines_have_no_parenthesised_plural_and_no_box(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    from bureau_app.checklist_view import ChecklistView
    from bureau_app.phase_model import ChecklistItem

    view = ChecklistView("todo", "À faire")
    qtbot.addWidget(view)
    view.set_items([ChecklistItem("Résultats calculés pour 1 scrutin(s)", True)], "")
    assert "(s)" not in view.item(0).text()
    assert view._marker(False)[0] == "state-todo"  # a dashed circle, not an empty box


def test_pdftools_are_there() -> None:
    # The print and page-count checks above read PDFs back with poppler.
    assert shutil.which("pdfinfo") and shutil.which("pdftotext")


# --- 13. the engine's messages in English; 12. the bureau from the bundle's list ----------


def test_engine_errors_are_english_in_the_english_interface(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    from bureau_app.engine_messages import user_text
    from bureau_app.error_dialog import ErrorDialog
    from bureau_app.i18n import install_language
    from ceremony.bundles.errors import FileIntegrityError
    from ceremony.cards.errors import CardRemovedError, WrongPinError
    from ceremony.workflow.errors import QuorumError

    install_language(app, "en")
    try:
        assert user_text(WrongPinError(tries_left=2)) == "Wrong PIN. 2 tries left."
        assert "blocked" in user_text(WrongPinError(tries_left=1))
        assert user_text(QuorumError("x")).startswith("The quorum is not reached")
        assert "changed or damaged" in user_text(FileIntegrityError("x"))
        dialog = ErrorDialog(CardRemovedError("reader 0"))
        qtbot.addWidget(dialog)
        assert dialog.message.text().startswith("The card was removed")
    finally:
        install_language(app, "fr")
    assert user_text(CardRemovedError("reader 0")).startswith("La carte a été retirée")


def test_every_engine_error_class_has_an_english_sentence_of_its_own_or_its_family() -> None:
    import importlib
    import inspect

    from bureau_app.engine_messages import _EN, english_message
    from ceremony.errors import CeremonyError

    for module in (
        "ceremony.cards.errors",
        "ceremony.workflow.errors",
        "ceremony.bundles.errors",
        "ceremony.store.errors",
    ):
        for name, cls in inspect.getmembers(importlib.import_module(module), inspect.isclass):
            if issubclass(cls, CeremonyError) and cls.__module__ == module:
                if "default_message" in cls.__dict__:
                    assert name in _EN or name.startswith("Journal") or "Checkpoint" in name, name
                assert english_message(cls.__new__(cls)) != ""


def test_the_bureau_is_chosen_from_the_bundle_and_a_bad_file_is_named(qtbot, app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from bureau_app.bundle_choice import BundleFileError, definition_bureaux
    from ceremony.simulator.platform import PlatformSimulator
    from tests.workflow.ceremony_setup import small_description

    simulator = PlatformSimulator(seed="ux", ballots=2, description=small_description(), workers=1)
    bundle = tmp_path / "definition.zip"
    bundle.write_bytes(simulator.definition_bundle())
    bureaux = definition_bureaux(bundle)
    assert simulator.bureau_id in [bureau_id for bureau_id, _name in bureaux]
    bad = tmp_path / "urne-close.zip"
    bad.write_bytes(b"not a zip at all")
    with pytest.raises(BundleFileError) as refused:
        definition_bureaux(bad)
    assert "« urne-close.zip »" in refused.value.user_message
    assert "organisateur" in refused.value.user_message


def test_at_1280_by_720_the_ten_steps_fit_with_the_training_banner(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.set_training(True)
    window.set_bureau_name("Bureau de vote électronique de la commission statutaire nationale")
    qtbot.wait(50)
    assert window.panel.verticalScrollBar().maximum() == 0


def test_a_refused_import_names_the_file_chosen(qtbot, app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    from bureau_app.engine_messages import user_text
    from bureau_app.error_dialog import ErrorDialog
    from bureau_app.platform_sources import FilePlatform
    from ceremony.bundles.errors import StaleStatusError

    chosen = tmp_path / "etat-du-vote-3.zip"
    platform = FilePlatform(choose_open=lambda _parent, _title, _pattern: chosen)
    parent = QWidget()
    qtbot.addWidget(parent)
    assert platform.status(parent, None) is not None
    assert platform.last_chosen == chosen
    error = StaleStatusError("status 2 <= 3")
    error.bureau_file = chosen.name  # what the adapter does when the import fails
    assert user_text(error, "fr").startswith("Le fichier « etat-du-vote-3.zip » a été refusé.")
    assert "importez le dernier statut" in user_text(error, "fr")
    assert user_text(error, "en").startswith("The file “etat-du-vote-3.zip” was refused.")
    dialog = ErrorDialog(error)
    qtbot.addWidget(dialog)
    assert "etat-du-vote-3.zip" in dialog.message.text()


def test_the_projection_goes_full_screen_on_the_second_screen(tmp_path, screenshot_dir) -> None:
    import json
    import os
    import sys

    # Qt's offscreen platform with two screens: the laptop's and a projector on its right.
    screens = {
        "synchronousWindowSystem": True,
        "windowFrameMargins": False,
        "screens": [
            {"name": "laptop", "x": 0, "y": 0, "width": 1280, "height": 720},
            {"name": "projector", "x": 1280, "y": 0, "width": 1920, "height": 1080},
        ],
    }
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(screens))
    shot = screenshot_dir / "projection-on-second-screen.png"
    script = f"""
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
from bureau_app.appearance import load_fonts
load_fonts()
from bureau_app.projection import open_projection
from tests.gui.fakes import sample_results
main = QWidget()
main.resize(800, 600)
main.show()
app.processEvents()
projection = open_projection(sample_results(), main, training=True)
for _ in range(5):
    app.processEvents()
geometry = projection.geometry()
print(projection.screen().name(), geometry.x(), geometry.width(), projection.isFullScreen())
projection.grab().save({str(shot)!r})
"""
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", PYTHONPATH=str(root))
    out = subprocess.run(
        [sys.executable, "-c", script],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout.split()
    assert out[:4] == ["projector", "1280", "1920", "True"], out


def test_a_second_bureau_app_process_shows_a_message_not_a_traceback(tmp_path) -> None:
    import os
    import signal
    import sys
    import time

    from ceremony.store.store import open_store

    root = Path(__file__).resolve().parents[2]
    held = open_store(tmp_path / "demo" / "store")  # the ceremony is open in "another window"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen(
        [sys.executable, "-m", "bureau_app.main", "--demo", str(tmp_path / "demo")],
        cwd=root,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stderr is not None
        line = process.stderr.readline()  # the message box then waits for the person
        while "propagateSizeHints" in line:
            line = process.stderr.readline()
        assert "est déjà ouvert par une autre instance" in line, line
        time.sleep(0.5)
        assert process.poll() is None  # still showing the message, not crashed
    finally:
        process.send_signal(signal.SIGTERM)
        rest = process.communicate(timeout=30)[1]
        held.close()
    assert "Traceback" not in rest


def test_opening_a_folder_without_a_ceremony_is_refused_in_words(
    qtbot, app, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog

    from bureau_app.welcome import WelcomeDialog

    empty = tmp_path / "cle-usb"
    empty.mkdir()
    # Qt's folder picker stands in for the person choosing the USB stick.
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(empty))
    dialog = WelcomeDialog(tmp_path / "store", tmp_path / "training")
    qtbot.addWidget(dialog)
    dialog.show()
    seen = _answer_modal(qtbot, Qt.Key.Key_Return)
    qtbot.mouseClick(dialog.buttons["open"], _left())
    assert dialog.choice is None and dialog.isVisible()  # nothing created, still choosing
    assert any("ne contient pas de cérémonie" in text for text in seen), seen
    assert list(empty.iterdir()) == []


def test_a_new_ceremony_never_goes_where_one_already_is(qtbot, app, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog

    from bureau_app.welcome import WelcomeDialog
    from ceremony.store.store import open_store

    open_store(tmp_path / "existing").close()
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(tmp_path / "existing")
    )
    dialog = WelcomeDialog(tmp_path / "store", tmp_path / "training")
    qtbot.addWidget(dialog)
    dialog.show()
    seen = _answer_modal(qtbot, Qt.Key.Key_Return)
    qtbot.mouseClick(dialog.buttons["new"], _left())
    assert dialog.choice is None
    assert any("contient déjà une cérémonie" in text for text in seen), seen
