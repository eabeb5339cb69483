"""The real `bureau-app` in Xvfb: a member checks their card, then the bureau recounts from
the archive with another legal quorum, with key presses only (xdotool), another process.

Setup (engine): a whole training ceremony to its archive (``run_demo``), laid out as
``bureau-app --demo`` opens it: ``run/demo`` holds the store, the training cards and
the ceremony archive ``run/demo/archive``. The application is then started on ``run/demo``:

1. « Cartes › Vérifier ma carte » (Alt+C, M): the president inserts her training card,
   presses the check button, types her PIN → « Votre carte ouvre bien sa clé »; the
   engine journaled ``card.checked`` ok.
2. « Fichier › Recompter à partir d'une archive » (Alt+F, C): the archive's path typed,
   verified, then the secretary and two delegates (the count had used the president and
   two others) present their cards → « Identiques aux résultats archivés »; the report
   verifies and the original archive is unchanged and still verifies.
"""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

import pytest

from ceremony.cards.interface import PinKind, PinPrompt
from ceremony.cards.training import TrainingCard
from ceremony.store.export import JournalExport
from ceremony.verify.archive import verify_ceremony_archive
from ceremony.verify.recount import verify_recount
from ceremony.workflow.demo import DemoPins, run_demo, store_folder
from tests.gui.xsession import XSession, missing_tools
from tests.workflow.ceremony_setup import BALLOTS, SEED, small_description

pytestmark = [pytest.mark.gui, pytest.mark.timeout(900)]

RECOUNT_QUORUM = ("secretaire", "del-inph", "del-cmh-snam")


@pytest.fixture
def session(tmp_path: Path):  # type: ignore[no-untyped-def]
    missing = missing_tools()
    if missing:
        pytest.fail(f"install the GUI test tools (bash scripts/bootstrap.sh --dev): {missing}")
    x = XSession(tmp_path / "run", size=_size())
    x.start_x()
    try:
        yield x
    finally:
        x.close()


def _size() -> tuple[int, int]:
    text = os.environ.get("BUREAU_CARDS_SIZE", "1280x720")
    width, height = text.split("x")
    return int(width), int(height)


class Driver:
    def __init__(self, x: XSession, shots: Path | None) -> None:
        self.x = x
        self.shots = shots
        self.cards = x.folder / "demo" / "cartes-entrainement"
        self.members = [TrainingCard(p).serial for p in sorted(self.cards.glob("*.card"))]
        self._serials = {TrainingCard(p).serial: p.stem for p in self.cards.glob("*.card")}
        self._shot = 0

    def shot(self, name: str) -> None:
        if self.shots is None:
            return
        self._shot += 1
        width, height = self.x.size
        self.x.screenshot(self.shots / f"{width}x{height}-xvfb-{self._shot:02d}-{name}.png")

    def pin(self) -> str:
        match = self.x.wait_for(r"PIN asked: card (\S+), ([\w-]+)", timeout=60)
        serial, kind = match.group(1), match.group(2)
        self.x.wait_window("Code de la carte")
        member = self._serials[serial]
        self.x.type(DemoPins(SEED, member).get_pin(PinPrompt(PinKind(kind), "", serial), None))
        self.shot(f"pin-{member}")
        self.x.key("Return")
        return member


def _journal_actions(store: Path) -> list[tuple[str, dict[str, object]]]:
    from ceremony.store.store import open_store

    opened = open_store(store)
    try:
        return [(e.action, dict(e.details)) for e in opened.entries()]
    finally:
        opened.close()


def test_card_check_then_recount_from_the_archive_in_the_real_application(
    session: XSession,
) -> None:
    shots_env = os.environ.get("BUREAU_SCREENSHOTS")
    shots = Path(shots_env) if shots_env else None
    # The engine runs the whole ceremony; the app opens it as `bureau-app --demo run/demo`.
    made = session.folder / "archive"
    run_demo(made, BALLOTS, seed=SEED, description=small_description(), stream=io.StringIO())
    store_folder(made).rename(session.folder / "demo")
    out = session.folder / "demo" / "archive"  # where the application writes its archive
    made.rename(out)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    count_roles = sorted(
        str(actor.role)
        for entry in JournalExport.from_bytes((out / "journal.jsonl").read_bytes()).entries
        if entry.action == "count.done"
        for actor in entry.actors
    )
    assert "president" in count_roles  # the count used the president's card

    session.start_app()
    drive = Driver(session, shots)
    session.wait_window("Bureau de vote")
    drive.shot("main")

    # 1. « Cartes › Vérifier ma carte »: the president's training card, her PIN. (Alt+C is
    # the test window manager's "close window" (/etc/matchbox/kbdconfig): Alt+L opens
    # « Aller à », the right arrow the next menu, « Cartes ».)
    session.key("alt+l", "Right")
    drive.shot("cards-menu")
    session.key("m")
    session.wait_for(r"card dialog opened: check", timeout=30)
    session.wait_window("Vérifier ma carte")
    drive.shot("check-dialog")
    session.key("Return")  # the training reader's « Insérer cette carte » (presidente)
    session.wait_for(r"card management: card \S+ read \(check\)", timeout=30)
    drive.shot("check-card-read")
    session.key("space")  # the focused « Vérifier ma carte » button (never a default)
    assert drive.pin() == "presidente"
    session.wait_for(r"card management: check ok", timeout=60)
    session.wait_window("Vérifier ma carte")
    drive.shot("check-ok")
    session.key("Escape")

    # « Voir ce que contient une carte »: no PIN. « Effacer une carte » on this bureau's own
    # key: refused at once (kept two years), nothing to type, nothing wiped.
    session.wait_window("Bureau de vote")
    session.key("alt+l", "Right", "v")
    session.wait_for(r"card dialog opened: show", timeout=30)
    session.wait_window("Voir ce que contient une carte")
    session.key("alt+t", "Home", "Down", "alt+i")  # the secretary's card
    session.wait_for(r"card management: card \S+ read \(show\)", timeout=30)
    drive.shot("show-secretary")
    session.key("Escape")
    session.wait_window("Bureau de vote")
    session.key("alt+l", "Right", "f")
    session.wait_for(r"card dialog opened: wipe", timeout=30)
    session.wait_window("Effacer une carte")
    session.key("Return")  # the president's card, shown first in the reader
    session.wait_for(r"card management: card \S+ read \(wipe\)", timeout=30)
    drive.shot("wipe-refused-own-key")
    session.key("Escape")

    # 2. « Fichier › Recompter à partir d'une archive »: another quorum.
    session.wait_window("Bureau de vote")
    session.key("alt+f")
    session.key("c")
    session.wait_for(r"recount screen opened", timeout=30)
    session.wait_window("Nouveau décompte")
    session.type(str(out))
    session.key("Tab")  # leaving the field reads the archive: folders suggested beside it
    drive.shot("recount-filled")
    session.key("alt+v")  # « Vérifier l'archive et recompter »
    session.wait_for(r"recount: verifying archive", timeout=30)
    session.wait_for(r"quorum prompt opened: recount", timeout=300)
    session.wait_window("cartes du quorum")
    order = ("presidente", "secretaire", "del-aph", "del-inph", "del-cmh-snam")
    typed: list[str] = []
    for member in RECOUNT_QUORUM:
        session.wait_window("cartes du quorum")
        session.key("alt+t", "Home", *(["Down"] * order.index(member)))
        drive.shot(f"recount-quorum-{member}")
        session.key("alt+i")
        typed.append(drive.pin())
        session.wait_for(rf"quorum prompt: card of {member} checked", timeout=60)
    assert typed == list(RECOUNT_QUORUM)
    match = session.wait_for(r"recount finished: (\w+)", timeout=600)
    assert match.group(1) == "identical"
    session.wait_window("Nouveau décompte")
    drive.shot("recount-identical")

    # What the screen said is what was written: the report verifies, the original stays.
    folders = [p for p in out.parent.iterdir() if p.name.startswith("archive-recompte-2")]
    assert len(folders) == 1
    document = json.loads((folders[0] / "recount.json").read_bytes())
    assert document["identical"] is True
    assert document["members_used"] == sorted(RECOUNT_QUORUM)
    assert verify_recount(folders[0]).passed
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert verify_ceremony_archive(out).passed
    session.key("Escape")  # closes the recount screen
    session.wait_window("Bureau de vote")
    drive.shot("back-to-ceremony")
    session.close()
    # The card check is in the ceremony's journal (the engine's record), never a PIN.
    checks = [
        d for a, d in _journal_actions(session.folder / "demo" / "store") if a == "card.checked"
    ]
    assert [(c["member_id"], c["outcome"]) for c in checks] == [("presidente", "ok")]
    assert not [
        a for a, _d in _journal_actions(session.folder / "demo" / "store") if a == "card.wiped"
    ]
    assert TrainingCard(drive.cards / "presidente.card").read_key_label() is not None
    log = session.log_path.read_text()
    for member in ("presidente", *RECOUNT_QUORUM):
        pin = DemoPins(SEED, member).get_pin(PinPrompt(PinKind.USER, "", ""), None)
        assert pin not in log
    shutil.rmtree(folders[0])


def test_the_welcome_screen_leads_to_the_recount_in_the_real_application(
    session: XSession,
) -> None:
    """`bureau-app` with no argument: welcome → « Recompter à partir d'une archive » (keys
    only) → the screen alone, its own window → identical. A parentless recount dialog once
    froze here (modal progress dialog under a window manager): now a main window."""
    import subprocess
    import sys

    shots_env = os.environ.get("BUREAU_SCREENSHOTS")
    shots = Path(shots_env) if shots_env else None
    made = session.folder / "archive"
    run_demo(made, BALLOTS, seed=SEED, description=small_description(), stream=io.StringIO())
    cards = store_folder(made) / "cartes-entrainement"
    serials = {TrainingCard(p).serial: p.stem for p in cards.glob("*.card")}
    env = session.env()
    env["XDG_DATA_HOME"] = str(session.folder / "data")  # no ceremony on this "computer"
    env["XDG_CONFIG_HOME"] = str(session.folder / "config")
    session.app = subprocess.Popen(
        [sys.executable, "-m", "bureau_app.main", "--lang", "fr"],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    session.wait_window("Bureau de vote", timeout=60)
    # New ceremony → Open → Training → Recount (Alt+C is the test window manager's close).
    session.key("Tab", "Tab", "Tab", "space")
    session.wait_for(r"recount screen opened", timeout=60)
    session.wait_window("Nouveau décompte")
    session.type(str(made))
    session.key("Tab", "alt+v")
    session.wait_for(r"quorum prompt opened: recount", timeout=300)
    order = ("presidente", "secretaire", "del-aph", "del-inph", "del-cmh-snam")
    for member in ("presidente", "del-inph", "del-cmh-snam"):
        session.wait_window("cartes du quorum")
        session.key("alt+t", "Home", *(["Down"] * order.index(member)), "alt+i")
        match = session.wait_for(r"PIN asked: card (\S+), ([\w-]+)", timeout=60)
        session.wait_window("Code de la carte")
        pin_kind = PinKind(match.group(2))
        who = serials[match.group(1)]
        session.type(DemoPins(SEED, who).get_pin(PinPrompt(pin_kind, "", ""), None))
        session.key("Return")
        session.wait_for(rf"quorum prompt: card of {member} checked", timeout=60)
    assert session.wait_for(r"recount finished: (\w+)", timeout=600).group(1) == "identical"
    session.wait_window("Nouveau décompte")
    if shots is not None:
        width, height = session.size
        session.screenshot(shots / f"{width}x{height}-welcome-path-recount-identical.png")
    session.key("Escape")  # closes the screen, and with it the application
    assert session.app.wait(timeout=30) == 0
