"""Where the platform's bundles come from, and where the bureau's go.

For a real election they are files on removable media, chosen by the bureau
(``FilePlatform``). For training they come from ``ceremony``'s platform
simulator (``SimulatedPlatform``). Choosing happens on the GUI thread; the
returned functions do the reading or building and run in a worker job.
"""

from __future__ import annotations

import json
import threading
import zipfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from ceremony.bundles.payloads.common import Intervention
from ceremony.simulator.calendar import read_report
from ceremony.simulator.platform import ContestVotes, PlatformSimulator
from ceremony.workflow.engine import Bureau

# A bare name lupdate recognises, so these strings reach the .ts file.
translate = QCoreApplication.translate

SEAL_FILE = "scellement.zip"
OUTBOX = "vers-la-plateforme"
"""Training: the folder standing for the removable media carried to the platform."""

ChooseOpen = Callable[[QWidget, str, str], Path | None]
ChooseFolder = Callable[[QWidget, str], Path | None]


def urn_ballots(path: Path) -> int:
    """Ballots the urn bundle announces (for the progress bar only; the engine checks them)."""
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = json.loads(archive.read("manifest.json"))
            payload = json.loads(archive.read(str(manifest["payload"])))
        return sum(int(c["ballots"]) for c in payload["contests"])
    except (OSError, KeyError, ValueError, TypeError, zipfile.BadZipFile):
        return 0


class PlatformSource(Protocol):
    training: bool

    def key_fingerprint(self) -> str:
        """Pre-filled fingerprint (the simulator's), or "" when the organiser reads it out."""
        ...

    def definition(self, parent: QWidget) -> tuple[Callable[[], bytes], str] | None:
        """A reader of the definition bundle and the bureau id, or None if cancelled."""
        ...

    def status(self, parent: QWidget, bureau: Bureau) -> Callable[[], bytes] | None: ...

    def urn(self, parent: QWidget, bureau: Bureau) -> Callable[[Path], Path] | None:
        """A function writing (or finding) the urn bundle given a scratch folder."""
        ...

    def deliver_seal(self, parent: QWidget) -> Callable[[bytes], None] | None:
        """Where the exported seal goes (called in the job), or None if cancelled."""
        ...

    def deliver_decision(self, parent: QWidget, filename: str) -> Callable[[bytes], None] | None:
        """Where a signed decision goes, as ``filename`` (called in the job), or None."""
        ...

    def archive_folder(self, parent: QWidget) -> Path | None: ...


def _dialog_open(parent: QWidget, title: str, pattern: str) -> Path | None:
    path, _filter = QFileDialog.getOpenFileName(parent, title, "", pattern)
    return Path(path) if path else None


def _dialog_folder(parent: QWidget, title: str) -> Path | None:
    path = QFileDialog.getExistingDirectory(parent, title)
    return Path(path) if path else None


def _writer(folder: Path | None, filename: str) -> Callable[[bytes], None] | None:
    """Writes a bundle as ``folder/filename`` (removable media), or None if no folder."""
    if folder is None:
        return None

    def write(data: bytes) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / filename).write_bytes(data)
        return folder / filename  # the window says where the file went

    return write


class FilePlatform:
    """Bundles exchanged as files; the bureau picks each one."""

    training = False

    def __init__(
        self,
        choose_open: ChooseOpen = _dialog_open,
        choose_folder: ChooseFolder = _dialog_folder,
        bureau_id: str | None = None,
    ) -> None:
        self._open = choose_open
        self._folder = choose_folder
        self._bureau_id = bureau_id
        # The file last chosen for an import: an error message names it.
        self.last_chosen: Path | None = None

    def key_fingerprint(self) -> str:
        return ""

    def definition(self, parent: QWidget) -> tuple[Callable[[], bytes], str] | None:
        path = self._open(
            parent,
            translate("Platform", "Définition de l'élection"),
            translate("Platform", "Paquet (*.zip)"),
        )
        if path is None:
            return None
        self.last_chosen = path
        bureau_id = self._bureau_id
        if bureau_id is None:
            from bureau_app.bundle_choice import BundleFileError, choose_bureau
            from bureau_app.error_dialog import ErrorDialog

            try:
                bureau_id = choose_bureau(parent, path)  # from the bundle's own list
            except BundleFileError as error:
                ErrorDialog(error, parent).open()
                return None
            if bureau_id is None:
                return None
        return path.read_bytes, bureau_id

    def status(self, parent: QWidget, bureau: Bureau) -> Callable[[], bytes] | None:
        path = self._open(
            parent, translate("Platform", "État du vote"), translate("Platform", "Paquet (*.zip)")
        )
        self.last_chosen = path
        return None if path is None else path.read_bytes

    def urn(self, parent: QWidget, bureau: Bureau) -> Callable[[Path], Path] | None:
        path = self._open(
            parent, translate("Platform", "Urne close"), translate("Platform", "Paquet (*.zip)")
        )
        self.last_chosen = path
        return None if path is None else (lambda _scratch: path)

    def deliver_seal(self, parent: QWidget) -> Callable[[bytes], None] | None:
        return self._deliver(
            parent, translate("Platform", "Dossier où écrire le scellement (clé USB)"), SEAL_FILE
        )

    def deliver_decision(self, parent: QWidget, filename: str) -> Callable[[bytes], None] | None:
        return self._deliver(
            parent, translate("Platform", "Dossier où écrire la décision (clé USB)"), filename
        )

    def _deliver(
        self, parent: QWidget, title: str, filename: str
    ) -> Callable[[bytes], None] | None:
        return _writer(self._folder(parent, title), filename)

    def archive_folder(self, parent: QWidget) -> Path | None:
        return self._folder(parent, translate("Platform", "Dossier de l'archive de la cérémonie"))


class SimulatedPlatform:
    """The platform simulator of ``ceremony`` plays the voting platform (training only)."""

    training = True

    def __init__(
        self, simulator: PlatformSimulator, archive_folder: Path, outbox: Path | None = None
    ) -> None:
        self.simulator = simulator
        self._archive = archive_folder
        # Stands for the removable media of bundles the simulator does not take (decisions).
        self.outbox = outbox if outbox is not None else archive_folder.parent / OUTBOX
        self._votes: list[ContestVotes] | None = None
        self._lock = threading.Lock()

    def key_fingerprint(self) -> str:
        return self.simulator.platform_key_id

    def definition(self, parent: QWidget) -> tuple[Callable[[], bytes], str] | None:
        return self.simulator.definition_bundle, self.simulator.bureau_id

    def _cast(self) -> list[ContestVotes]:
        with self._lock:
            if self._votes is None:
                self._votes = self.simulator.cast_votes()
            return self._votes

    def status(self, parent: QWidget, bureau: Bureau) -> Callable[[], bytes] | None:
        def make() -> bytes:
            state = bureau.state
            schedule = bureau.bureau_definition(state).schedule
            sequence = len(state.statuses) + 1
            votes = self._cast()
            midday = schedule.opening + (schedule.closing - schedule.opening) / 2
            interventions: tuple[Any, ...] = ()
            if sequence == 1:
                vote_state, as_of = "open", schedule.opening
            elif sequence == 2:
                vote_state, as_of = "open", midday
                interventions = (
                    Intervention(
                        midday,
                        "exploitant",
                        "Redémarrage planifié d'un serveur frontal, sans effet sur l'urne.",
                    ),
                )
            else:
                vote_state = "closed"
                as_of = schedule.closing + timedelta(minutes=schedule.grace_minutes)
            # The bureau reads each report a few minutes after the platform issued it (the
            # engine refuses a status dated after its reception).
            read_report(bureau.now, as_of)
            return self.simulator.status_bundle(sequence, vote_state, as_of, votes, interventions)

        return make

    def urn(self, parent: QWidget, bureau: Bureau) -> Callable[[Path], Path] | None:
        def make(scratch: Path) -> Path:
            state = bureau.state
            assert state.keys is not None
            store = bureau.store
            elections = {u: store.get_blob(b) for u, b in state.keys["elections"].items()}
            return self.simulator.urn_bundle_file(
                scratch / "urn.zip",
                bureau.sealed(state),
                store.get_blob(state.keys["trustees"]),
                elections,
                self._cast(),
            )

        return make

    def deliver_seal(self, parent: QWidget) -> Callable[[bytes], None] | None:
        def accept(data: bytes) -> None:
            self.simulator.accept_seal(data)

        return accept

    def deliver_decision(self, parent: QWidget, filename: str) -> Callable[[bytes], None] | None:
        return _writer(self.outbox, filename)

    def archive_folder(self, parent: QWidget) -> Path | None:
        return self._archive
