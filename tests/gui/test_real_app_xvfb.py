"""The real `bureau-app`, in Xvfb with a window manager, through a whole training ceremony
with the keyboard only (xdotool), incidents included (``tests.gui.xceremony.INCIDENTS``).

Another process, real key events, the application's own log: nothing is called
inside the application. The ten-run loop is ``tests/bench/real_app_runs.py``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from ceremony.cards.interface import PinKind, PinPrompt
from ceremony.workflow.demo import DemoPins
from tests.gui.xceremony import (
    INCIDENTS,
    MEMBERS,
    WRONG_PIN,
    CeremonyRun,
    Plan,
    failures_in_log,
    lots_value,
    platform_fingerprint,
)
from tests.gui.xsession import SEED, XSession, missing_tools

pytestmark = [pytest.mark.gui, pytest.mark.timeout(1200)]


@pytest.fixture
def session(tmp_path: Path):  # type: ignore[no-untyped-def]
    missing = missing_tools()
    if missing:
        pytest.fail(f"install the GUI test tools (bash scripts/bootstrap.sh --dev): {missing}")
    x = XSession(tmp_path / "run")
    x.start_x()
    try:
        yield x
    finally:
        x.close()


def test_a_training_ceremony_in_the_real_application_with_incidents(session: XSession) -> None:
    shots = os.environ.get("BUREAU_SCREENSHOTS")
    session.start_app()
    run = CeremonyRun(
        session, platform_fingerprint(), INCIDENTS, Path(shots) / "real-app" if shots else None
    )
    steps = run.run()

    assert steps[0] == "confirm_key" and steps[-1] == "export_archive"
    # The typo was refused by the dialog: the key recorded is the right one, since the
    # definition it signed was then imported.
    assert "import_definition" in steps
    assert "fingerprint typo corrected" in run.incidents
    # The test vote took every member's card, the president's fourth.
    assert run.checked["test_vote"] == list(INCIDENTS.cards["test_vote"])
    # At the count the secretary opened (the president did not come) and an absent
    # delegate was replaced: Dr Benali counted instead of Dr Perrin.
    assert sorted(run.checked["count"]) == ["del-aph", "del-cmh-snam", "secretaire"]
    # The demo's 40 ballots leave a perfect tie for the last seat: each member present at
    # the count typed a value (hidden), then revealed it in public, in the same order.
    present = INCIDENTS.cards["count"]
    assert run.lots == [(m, "commit") for m in present] + [(m, "reveal") for m in present]
    # The results were on screen after the count, and "Continuer" led on.
    assert "results shown after the count" in run.incidents
    # A wrong PIN at the seal, a cancelled one at the count: the card was taken after
    # the code was typed again, and the step went on (no error dialog, nothing lost).
    assert any("wrong PIN" in i for i in run.incidents)
    assert any("cancelled" in i for i in run.incidents)
    assert any("typed again" in i for i in run.incidents)
    assert steps.count("sign_seal") == 3 and steps.count("sign_pv") == 3
    log = session.log_path.read_text()
    assert not failures_in_log(log), failures_in_log(log)
    assert "not taken: WrongPinError" in log and "not taken: PinEntryCancelledError" in log
    # The log names cards and kinds of code, never a code (the wrong one included).
    pins = {WRONG_PIN} | {
        DemoPins(SEED, member).get_pin(PinPrompt(kind, "", "-"), None)
        for member in MEMBERS
        for kind in (PinKind.USER, PinKind.ADMIN)
    }
    assert not [pin for pin in pins if re.search(rf"(?<!\d){pin}(?!\d)", log)]


def test_a_drawing_of_lots_cancelled_then_redone_in_the_real_application(
    session: XSession,
) -> None:
    shots = os.environ.get("BUREAU_SCREENSHOTS")
    session.start_app()
    present = ["presidente", "del-inph", "del-cmh-snam"]
    plan = Plan(cards={"count": present}, cancel_lots=True)
    run = CeremonyRun(
        session, platform_fingerprint(), plan, Path(shots) / "lots-cancel" if shots else None
    )
    steps = run.run()

    assert steps[-1] == "export_archive" and steps.count("count") == 1
    # The first member cancelled her hidden value: the count stopped without an error
    # dialog, then was started again, and the whole draw was done the second time.
    assert run.incidents[:2] == [
        "lots value of presidente cancelled",
        "count stopped by LotsEntryCancelledError, redone",
    ]
    assert run.lots == [(m, "commit") for m in present] + [(m, "reveal") for m in present]
    log = session.log_path.read_text()
    assert "lots value not given: presidente cancelled" in log
    assert not failures_in_log(log), failures_in_log(log)
    # The values typed for the draw are published in the journal by design, but the log
    # only names who was asked.
    assert not [m for m in present if lots_value(m) in log]
