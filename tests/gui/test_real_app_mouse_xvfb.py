"""The real `bureau-app`, in Xvfb with a window manager, through a whole training ceremony
with the mouse only (xdotool pointer moves and clicks; text typed only into fields).

Another process, real X pointer events; the application says where its widgets are
(``BUREAU_APP_GEOMETRY``, test-only) and what it asks (its log). The driver refuses to
press any key (``MouseSession.key`` raises): every navigation is a click.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.gui.xceremony import Plan, failures_in_log, platform_fingerprint
from tests.gui.xmouse import MouseCeremony, MouseSession
from tests.gui.xsession import missing_tools

pytestmark = [pytest.mark.gui, pytest.mark.timeout(1200)]

# The incidents a mouse reaches: a member other than the proposed one chosen in the
# training reader's list, a wrong code then "Ressaisir le code de …", a cancelled code.
MOUSE_PLAN = Plan(
    roll_calls={
        # Dr Perrin is late for the sealing session (his arrival is entered from the
        # Séance menu before the keys); at the count the president is replaced by the
        # secretary (art. 5) and Dr Perrin is absent.
        "sealing": {"del-inph": "absent"},
        "count": {"presidente": "replaced", "del-inph": "absent"},
    },
    arrivals={"sealing": ["del-inph"]},
    cards={
        # The president absent at the count: the secretary opens; Dr Benali replaces
        # Dr Perrin.
        "count": ["secretaire", "del-aph", "del-cmh-snam"],
    },
    wrong_pin={"sign_seal"},
    cancel_pin={"sign_pv"},
)


@pytest.fixture
def session(tmp_path: Path):  # type: ignore[no-untyped-def]
    missing = missing_tools()
    if missing:
        pytest.fail(f"install the GUI test tools (bash scripts/bootstrap.sh --dev): {missing}")
    x = MouseSession(tmp_path / "run")
    x.start_x()
    try:
        yield x
    finally:
        x.close()


def test_a_training_ceremony_with_the_mouse_only(session: MouseSession) -> None:
    shots = os.environ.get("BUREAU_SCREENSHOTS")
    session.start_app()
    run = MouseCeremony(
        session,
        platform_fingerprint(),
        MOUSE_PLAN,
        Path(shots) / "real-app-mouse" if shots else None,
    )
    steps = run.run()

    assert steps[0] == "confirm_key" and steps[-1] == "export_archive"
    assert "import_definition" in steps and "count" in steps
    # Whom the members chose with the mouse in the training reader's list came.
    assert sorted(run.checked["count"]) == ["del-aph", "del-cmh-snam", "secretaire"]
    present = MOUSE_PLAN.cards["count"]
    assert run.lots == [(m, "commit") for m in present] + [(m, "reveal") for m in present]
    assert "results shown after the count" in run.incidents
    # "Projeter": the projection covered the whole screen, was paged and closed by mouse.
    assert "results projected, paged and closed" in run.incidents
    assert run.projected is not None
    rect, screen = run.projected
    assert rect == [0, 0, *screen]
    assert any("wrong PIN" in i for i in run.incidents)
    assert any("cancelled" in i for i in run.incidents)
    assert sum("typed again" in i for i in run.incidents) == 2
    assert steps.count("sign_seal") == 3 and steps.count("sign_pv") == 3
    # Both sessions opened with their roll-call chosen in the call's lists, the late
    # delegate's arrival entered from the menu before the keys, both sessions closed.
    assert steps.count("open_session") == 2 and steps.count("close_session") == 2
    assert steps.index("open_session") < steps.index("session_movement")
    assert steps.index("session_movement") < steps.index("generate_keys")
    assert "arrival of del-inph entered" in run.incidents
    assert "count:presidente:replaced" in run.roll_call_keys
    # Every navigation was a click; keys only typed text into a field clicked first.
    assert run.mouse.clicks > 3 * len(steps)
    print(f"{run.mouse.clicks} clicks, {run.mouse.typed} fields typed, {run.reclicks} re-clicks")
    log = session.log_path.read_text()
    assert not failures_in_log(log), failures_in_log(log)
    assert "not taken: WrongPinError" in log and "not taken: PinEntryCancelledError" in log
