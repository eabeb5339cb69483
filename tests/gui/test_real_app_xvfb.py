"""The real `bureau-app`, in Xvfb with a window manager, through a whole training ceremony
with the keyboard only (xdotool), incidents included (``tests.gui.xceremony.INCIDENTS``).

Another process, real key events, the application's own log: nothing is called
inside the application. The ten-run loop is ``tests/bench/real_app_runs.py``.
"""

from __future__ import annotations

import os
import re
import subprocess
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


def pv_text(x: XSession) -> str:
    """The archived procès-verbal as pdftotext reads it, spaces made plain and single."""
    pdf = x.folder / "demo" / "archive" / "proces-verbal.pdf"
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " "))


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
    # Each session opened with its roll-call, typed in the call's dialog, and closed; the
    # late delegate's arrival was entered (Ctrl+Maj+M) before the key ceremony.
    assert steps.count("open_session") == 2 and steps.count("close_session") == 2
    assert steps.index("open_session") < steps.index("session_movement")
    assert steps.index("session_movement") < steps.index("generate_keys")
    assert "arrival of del-inph entered" in run.incidents
    # The procès-verbal prints both roll-calls as they were entered.
    pv = pv_text(session)
    assert "Appel non consigné" not in pv
    # pv4's PV: one column per session, the state in the member's grammatical gender.
    assert "Mme Anne Rousseau Mme la présidente — Présente Remplacée par M. Paul Mercier" in pv
    assert re.search(
        r"Dr Yves Perrin délégué de liste Intersyndicat National des Praticiens Hospitaliers "
        r"Arrivé à \d{1,2} h \d{2} Absent",
        pv,
    ), pv[:3000]
    assert "La séance de scellement est levée." in pv
    assert "La séance de dépouillement est levée." in pv
    # Signed by the members present at the count, and only them (the secretary presiding):
    # the president's card served no more once her replacement was recorded.
    signatures = pv.split("5. Signatures des membres du bureau")[1].split("PAGE DES SIGNATURES")[0]
    names = r"(M\. Paul Mercier|Dr Julie Caron|Dr Sarah Benali|Mme Anne Rousseau|Dr Yves Perrin)"
    signers = re.findall(names + r" (?:M\. le secrétaire|déléguée? de liste)", signatures)
    assert signers == ["M. Paul Mercier", "Dr Julie Caron", "Dr Sarah Benali"]
    log = session.log_path.read_text()
    assert "quorum prompt: card of presidente checked" not in log.split("step started: count")[-1]
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
    # Dr Caron is replaced at the count by the substitute her union named (art. 9).
    plan = Plan(
        cards={"count": present},
        cancel_lots=True,
        roll_calls={"count": {"del-aph": "replaced:Dr Marc Lefort"}},
    )
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
    # The substitute is in the procès-verbal's roll-call of the count; every member
    # present there (the secretary too) signed it.
    pv = pv_text(session)
    assert "Action Praticiens Hôpital Présente Remplacée par Dr Marc Lefort" in pv
    assert steps.count("sign_pv") == 4
