"""Starting the application: language, appearance, a bureau's store, then the main window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from bureau_app.adapter import CeremonyAdapter
from bureau_app.appearance import apply_appearance, load_appearance, load_fonts
from bureau_app.card_sources import CardSource, PcscCardSource, TrainingCardSource
from bureau_app.i18n import choose_language, install_language
from bureau_app.platform_sources import FilePlatform, PlatformSource, SimulatedPlatform
from bureau_app.shell import BureauWindow
from ceremony import __version__
from ceremony.store.store import default_store_dir, open_store
from ceremony.store.workstation_key import FileKeySource
from ceremony.workflow.engine import Bureau

DEMO_BALLOTS = 40


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
    return CeremonyAdapter(window, bureau, platform, cards)


def open_bureau(
    window: BureauWindow, store: Path, platform: PlatformSource | None = None
) -> CeremonyAdapter:
    """A real bureau: its store, OpenPGP cards in the readers, bundles as files."""
    bureau = Bureau(open_store(store))

    def cards(_members: dict[str, str]) -> CardSource:
        return PcscCardSource()

    return CeremonyAdapter(window, bureau, platform or FilePlatform(), cards)


def run(args: argparse.Namespace) -> int:
    settings = QSettings("Bureau", "bureau-app")
    app = make_application(getattr(args, "lang", None), settings)
    window = BureauWindow(settings)
    if getattr(args, "demo", None):
        adapter = open_demo(window, Path(args.demo), ballots=args.ballots)
    else:
        adapter = open_bureau(window, Path(args.store) if args.store else default_store_dir())
    window.setWindowTitle(f"{window.windowTitle()} ({__version__})")
    window.show()
    try:
        return app.exec()
    finally:
        adapter.close()
        adapter.bureau.store.close()
