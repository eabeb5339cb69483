"""Cancelling the urn verification leaves nothing recorded; the step can then be done."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gui.ceremony_driver import BALLOTS, SEED, Members, open_small_demo

pytestmark = [pytest.mark.gui, pytest.mark.timeout(300)]


def _bring_to_closed(folder: Path) -> None:
    """The engine alone, up to a closed vote (same store, cards and PINs as the GUI's)."""
    from ceremony.cards.training import TrainingCard
    from ceremony.simulator.platform import PlatformSimulator
    from ceremony.store.workstation_key import FileKeySource
    from ceremony.workflow.demo import DemoPins, open_simulated_bureau
    from ceremony.workflow.holders import PresentCard
    from tests.workflow.ceremony_setup import small_description

    sim = PlatformSimulator(seed=SEED, ballots=BALLOTS, description=small_description(), workers=1)
    # The simulated calendar, as the GUI's training mode: sealing before the opening.
    bureau = open_simulated_bureau(
        folder / "store", sim.bureau().schedule, FileKeySource(folder / "workstation-key")
    )
    store = bureau.store
    try:
        bureau.confirm_platform_key(sim.platform_key_id)
        bureau.import_definition(sim.definition_bundle(), sim.bureau_id)
        (folder / "cartes-entrainement").mkdir(parents=True)
        cards = {}
        for member in sim.bureau().members:
            card = TrainingCard.create(folder / "cartes-entrainement" / f"{member.member_id}.card")
            cards[member.member_id] = PresentCard(
                member.member_id, card, DemoPins(SEED, member.member_id)
            )
            bureau.register_member(cards[member.member_id])
        bureau.generate_keys(list(cards.values()))
        quorum = [cards["presidente"], cards["del-aph"], cards["del-inph"]]
        bureau.run_test_vote(list(cards.values()))
        for card in quorum:
            bureau.sign_seal(card)
        bureau.export_seal()
    finally:
        store.close()


def test_cancelled_urn_import_records_nothing(
    qtbot, app, settings, tmp_path, screenshot_dir
) -> None:  # type: ignore[no-untyped-def]
    from bureau_app.progress_dialog import ProgressDialog
    from bureau_app.shell import BureauWindow
    from bureau_app.steps import StepKind
    from ceremony.workflow.phases import Phase

    folder = tmp_path / "demo"
    _bring_to_closed(folder)
    window = BureauWindow(settings)
    qtbot.addWidget(window)
    adapter = open_small_demo(window, folder)
    members = Members(adapter, screenshot_dir)
    window.show()
    try:
        while adapter.bureau.phase is Phase.VOTE_OPEN:
            with qtbot.waitSignal(adapter.step_finished, timeout=120_000):
                window.trigger_next_action()
        assert adapter.next_step().kind is StepKind.IMPORT_URN
        progress: list[ProgressDialog] = []
        adapter.dialog_opened.connect(
            lambda d: progress.append(d) if isinstance(d, ProgressDialog) else None
        )
        with qtbot.waitSignal(adapter.step_cancelled, timeout=120_000):
            window.trigger_next_action()
            assert progress and progress[0].cancel_button is not None
            progress[0].cancel_button.click()  # before the first ballot is checked
        assert adapter.bureau.state.urn is None
        assert adapter.bureau.phase is Phase.CLOSED
        assert not members.errors
        with qtbot.waitSignal(adapter.step_finished, timeout=120_000):
            window.trigger_next_action()
        assert adapter.bureau.state.urn is not None
    finally:
        window.runner.wait(60_000)
        adapter.close()
        adapter.bureau.store.close()
