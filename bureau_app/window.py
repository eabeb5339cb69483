"""Starting the application: language, appearance, a bureau's store, then the main window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QProcess, QSettings
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from bureau_app.adapter import CeremonyAdapter
from bureau_app.appearance import apply_appearance, load_appearance, load_fonts
from bureau_app.card_sources import CardSource, PcscCardSource, TrainingCardSource
from bureau_app.i18n import choose_language, install_language
from bureau_app.platform_sources import FilePlatform, PlatformSource, SimulatedPlatform
from bureau_app.shell import BureauWindow
from ceremony import __version__
from ceremony.store.errors import StoreLockedError
from ceremony.store.store import default_store_dir, open_store
from ceremony.store.workstation_key import FileKeySource
from ceremony.workflow.engine import Bureau

DEMO_BALLOTS = 40
TRAINING_CARDS = "cartes-entrainement"


def default_training_folder() -> Path:
    return default_store_dir().parent / "bureau-entrainement"


def make_application(language: str | None, settings: QSettings) -> QApplication:
    """The QApplication with our fonts, the chosen language and the saved appearance."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("bureau-app")
    app.setOrganizationName("Bureau")
    load_fonts()
    install_language(app, choose_language(language))
    apply_appearance(app, load_appearance(settings))
    return app


def open_demo(
    window: BureauWindow,
    folder: Path,
    *,
    ballots: int = DEMO_BALLOTS,
    seed: str = "bureau-demo",
    description: dict[str, object] | None = None,
) -> CeremonyAdapter:
    """Training: the platform simulator plays the platform, training cards sit in ``folder``.

    The store is ``folder/store``, the cards ``folder/cartes-entrainement``, the
    ceremony archive ``folder/archive``; opening the same folder again resumes.
    """
    from ceremony.simulator.platform import PlatformSimulator
    from ceremony.workflow.demo import open_simulated_bureau

    simulator = PlatformSimulator(seed=seed, ballots=ballots, description=description, workers=1)
    # The simulated calendar: sealing before the opening, the count after the closing.
    bureau = open_simulated_bureau(
        folder / "store", simulator.bureau().schedule, FileKeySource(folder / "workstation-key")
    )
    platform = SimulatedPlatform(simulator, folder / "archive")

    def cards(members: dict[str, str]) -> CardSource:
        return TrainingCardSource(folder / "cartes-entrainement", members)

    window.setWindowTitle(
        QCoreApplication.translate("BureauWindow", "Bureau de vote électronique — ENTRAÎNEMENT")
    )
    window.set_training(True)
    return CeremonyAdapter(window, bureau, platform, cards)


def open_bureau(
    window: BureauWindow, store: Path, platform: PlatformSource | None = None
) -> CeremonyAdapter:
    """A real bureau: its store, OpenPGP cards in the readers, bundles as files."""
    bureau = Bureau(open_store(store))

    def cards(_members: dict[str, str]) -> CardSource:
        return PcscCardSource()

    return CeremonyAdapter(window, bureau, platform or FilePlatform(), cards)


def already_open(parent: QWidget | None, folder: Path) -> QMessageBox:
    """The message for a second launch on a ceremony that is already open (no traceback)."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("BureauWindow", "Cérémonie déjà ouverte"),
        QCoreApplication.translate(
            "BureauWindow",
            "Cette cérémonie est déjà ouverte dans une autre fenêtre de Bureau. Une cérémonie "
            "ne s'ouvre qu'une fois à la fois, pour que deux fenêtres n'écrivent jamais dans le "
            "même registre.\n\nRevenez à l'autre fenêtre (elle est peut-être réduite ou "
            "derrière celle-ci), ou fermez-la avant de rouvrir la cérémonie.",
        ),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setInformativeText(
        QCoreApplication.translate("BureauWindow", "Dossier : %1").replace("%1", str(folder))
    )
    box.setAccessibleName(QCoreApplication.translate("BureauWindow", "Cérémonie déjà ouverte"))
    return box


def launch(
    kind: str, parent: QWidget | None, language: str | None = None, current: Path | None = None
) -> bool:
    """Another window of the application for "new", "open", "training" or "expert".

    One window per ceremony: each runs in its own process with its own lock.
    ``current``: the training folder this window has open, if any.
    """
    training_here = current is not None and current.resolve() == default_training_folder().resolve()
    if kind == "training" and training_here:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("BureauWindow", "Entraînement"),
            QCoreApplication.translate(
                "BureauWindow",
                "La cérémonie d'entraînement est celle de cette fenêtre : elle est déjà "
                "ouverte ici.",
            ),
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.exec()
        return False
    arguments = ["-m", "bureau_app.main"]
    if language:
        arguments += ["--lang", language]
    if kind in ("new", "open"):
        title = (
            QCoreApplication.translate("BureauWindow", "Dossier de la nouvelle cérémonie (vide)")
            if kind == "new"
            else QCoreApplication.translate("BureauWindow", "Dossier de la cérémonie à ouvrir")
        )
        chosen = QFileDialog.getExistingDirectory(parent, title)
        if not chosen:
            return False
        from bureau_app.welcome import already_a_ceremony, not_a_ceremony, opens_as_ceremony

        if kind == "open" and not opens_as_ceremony(Path(chosen)):
            not_a_ceremony(parent, Path(chosen)).exec()
            return False
        if kind == "new" and opens_as_ceremony(Path(chosen)):
            already_a_ceremony(parent, Path(chosen)).exec()
            return False
        arguments += _open_arguments(Path(chosen))
    elif kind == "training":
        arguments += ["--demo", str(default_training_folder())]
    elif kind == "expert":
        arguments += ["--expert"]
    else:
        raise ValueError(kind)
    started, _pid = QProcess.startDetached(sys.executable, arguments)
    return bool(started)


def _open_arguments(folder: Path) -> list[str]:
    # A training folder holds its store and its cards; anything else is a bureau's store.
    if (folder / TRAINING_CARDS).is_dir() and (folder / "store").is_dir():
        return ["--demo", str(folder)]
    return ["--store", str(folder)]


def _choose_start(args: argparse.Namespace) -> argparse.Namespace | None:
    """No folder given: the welcome screen says what to open; None when the user quits."""
    from bureau_app.welcome import WelcomeDialog

    welcome = WelcomeDialog(default_store_dir(), default_training_folder())
    if welcome.exec() != WelcomeDialog.DialogCode.Accepted or welcome.choice is None:
        return None
    choice = welcome.choice
    chosen = argparse.Namespace(**vars(args))
    if choice.kind == "expert":
        chosen.expert = True
    elif choice.kind == "recount":
        chosen.recount = True
    elif choice.kind == "training":
        chosen.demo = str(choice.folder)
    elif choice.folder is not None:
        kind, folder = _open_arguments(choice.folder)
        if kind == "--demo":
            chosen.demo = folder
        else:
            chosen.store = folder
    return chosen


def run(args: argparse.Namespace) -> int:
    from bureau_app.app_log import AppLog
    from bureau_app.error_hook import ErrorHook
    from bureau_app.gui_gc import GuiThreadCollector

    app_log = AppLog()
    app_log.install()
    settings = QSettings("Bureau", "bureau-app")
    app = make_application(getattr(args, "lang", None), settings)
    opened = getattr(args, "demo", None) or getattr(args, "store", None)
    if not opened and not getattr(args, "expert", False) and not getattr(args, "recount", False):
        chosen = _choose_start(args)
        if chosen is None:
            return 0
        args = chosen
    if getattr(args, "recount", False):
        return _run_recount(app, app_log)
    window = BureauWindow(settings)
    error_hook = ErrorHook(lambda: window)
    error_hook.install()
    # Reference cycles are collected here, never on a worker thread (issue 17).
    collector = GuiThreadCollector(app)
    # Test-only (BUREAU_APP_GEOMETRY): where widgets are, for the mouse-only real-app test.
    from bureau_app.geometry_dump import install_from_environment

    geometry = install_from_environment(app)
    language = getattr(args, "lang", None)
    demo = getattr(args, "demo", None)
    current = Path(demo) if demo else None
    window.launch_requested.connect(lambda kind: launch(kind, window, language, current))
    if getattr(args, "expert", False):
        window.expert_only()
        window.setWindowTitle(f"{window.windowTitle()} ({__version__})")
        window.show()
        try:
            return app.exec()
        finally:
            collector.stop()
            error_hook.uninstall()
            app_log.close()
    folder = Path(args.demo) / "store" if getattr(args, "demo", None) else None
    try:
        if getattr(args, "demo", None):
            adapter = open_demo(window, Path(args.demo), ballots=args.ballots)
        else:
            folder = Path(args.store) if args.store else default_store_dir()
            adapter = open_bureau(window, folder)
    except StoreLockedError:
        print(f"bureau-app: {folder} est déjà ouvert par une autre instance", file=sys.stderr)
        already_open(None, folder or default_store_dir()).exec()
        window.deleteLater()
        collector.stop()
        error_hook.uninstall()
        app_log.close()
        return 1
    window.setWindowTitle(f"{window.windowTitle()} ({__version__})")
    window.show()
    try:
        return app.exec()
    finally:
        if geometry is not None:
            geometry.stop()
        adapter.close()
        adapter.bureau.store.close()
        collector.stop()
        error_hook.uninstall()
        app_log.close()


def _run_recount(app: QApplication, app_log: object) -> int:
    """The welcome screen's « Recompter à partir d'une archive »: that screen alone."""
    from bureau_app.error_hook import ErrorHook
    from bureau_app.gui_gc import GuiThreadCollector
    from bureau_app.recount_view import RecountWindow

    window = RecountWindow()
    error_hook = ErrorHook(lambda: window)
    error_hook.install()
    collector = GuiThreadCollector(app)
    window.setWindowTitle(f"{window.windowTitle()} ({__version__})")
    window.show()
    try:
        return app.exec()
    finally:
        collector.stop()
        error_hook.uninstall()
        close = getattr(app_log, "close", None)
        if callable(close):
            close()
