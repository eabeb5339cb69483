"""The roll-call in the step flow of the real window (training: real engine, store, cards).

The sealing session opens with the call before the first card is asked; the page
shows who is present; the key ceremony (every card) names the absent delegate and
cannot go on until her arrival is entered with « Arrivée ou départ d'un membre »;
then it does. Clicks and keys go to the real widgets through the event loop.
"""

from __future__ import annotations

import pytest

from tests.gui.ceremony_driver import Members, open_small_demo, save

pytestmark = [pytest.mark.gui, pytest.mark.timeout(600)]


def _verified(page) -> list[str]:  # type: ignore[no-untyped-def]
    view = page.verified
    model = view.model()
    # As shown (French spacing: non-breaking spaces), compared with ordinary spaces.
    return [
        str(model.index(row, 0).data()).replace("\u00a0", " ") for row in range(model.rowCount())
    ]


def test_the_sealing_session_opens_with_the_call_and_an_arrival_lets_the_keys_be_made(
    qtbot, app, settings, tmp_path, screenshot_dir
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from bureau_app.quorum_prompt import QuorumPromptDialog
    from bureau_app.rollcall_dialogs import MovementDialog
    from bureau_app.shell import BureauWindow
    from bureau_app.steps import StepKind
    from ceremony.workflow import rollcall

    window = BureauWindow(settings)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    adapter = open_small_demo(window, tmp_path / "demo")

    def caron_absent(dialog) -> None:  # type: ignore[no-untyped-def]
        combo = dialog.choices["del-aph"]
        combo.setFocus()
        qtbot.keyClicks(combo, "a")
        save(dialog, screenshot_dir, "rollcall-open-sealing-absent")
        qtbot.keyClick(combo, Qt.Key.Key_Return)  # the default button: "Consigner l'appel"

    members = Members(adapter, screenshot_dir, roll_calls=[caron_absent])
    window.show()

    def run_next(expected: str) -> None:
        page = window.current_page()
        assert page is not None and page.action_button.isEnabled()
        with qtbot.waitSignal(adapter.step_finished, timeout=300_000) as finished:
            qtbot.mouseClick(page.action_button, Qt.MouseButton.LeftButton)
        assert not members.errors, members.errors
        assert finished.args == [expected]

    while (step := adapter.next_step()) is not None and step.kind is not StepKind.OPEN_SESSION:
        run_next(step.kind.value)
    # The phase's first step is the call, before any card of the session.
    assert adapter.bureau.phase.value == "key_ceremony"
    assert window.current_page().action_button.text() == (
        "Ouvrir la séance de scellement : appel des membres"
    )
    run_next("open_session")
    call = rollcall.roll_call(adapter.bureau.state, "sealing")
    assert call is not None and call.absent == ("del-aph",)
    assert adapter.next_step().kind is StepKind.GENERATE_KEYS
    page = window.current_page()
    lines = _verified(page)
    assert lines[0].startswith("Séance de scellement ouverte le ")
    shown = str(page.verified.model().index(0, 0).data())
    assert "\u00a0h\u00a0" in shown  # "14 h 00", never cut over two lines
    assert any(
        line == "Présents : Mme Anne Rousseau, M. Paul Mercier, Dr Yves Perrin, Dr Sarah Benali"
        for line in lines
    )
    assert "Absents à l'appel : Dr Julie Caron" in lines
    save(window, screenshot_dir, "rollcall-page-after-open")

    # The key ceremony takes every card: the absent delegate is named, her card refused.
    adapter.card_prompt_opened.disconnect(members._on_prompt)
    prompts: list[QuorumPromptDialog] = []
    adapter.card_prompt_opened.connect(prompts.append)
    qtbot.mouseClick(page.action_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(prompts) and prompts[0].isVisible())
    prompt = prompts[0]
    assert "Pas à la séance (leur carte ne sert pas) : Dr Julie Caron." in prompt.who.text()
    assert "Dr Julie Caron" in prompt.who.text()
    assert "ne peut pas se faire" in prompt.status.text()
    source = adapter.card_source()
    source.events.card_inserted.emit(source.serial_of("del-aph"))
    assert "La présence de Dr Julie Caron" in prompt.status.text()
    save(prompt, screenshot_dir, "rollcall-keys-prompt-absent")
    with qtbot.waitSignal(adapter.step_cancelled, timeout=10_000, raising=False):
        qtbot.mouseClick(prompt.cancel_button, Qt.MouseButton.LeftButton)
    adapter.card_prompt_opened.disconnect(prompts.append)
    adapter.card_prompt_opened.connect(members._on_prompt)

    # She arrives: the page's button (the mouse) opens the entry; the keyboard fills it.
    dialogs: list[object] = []
    adapter.dialog_opened.connect(dialogs.append)
    qtbot.waitUntil(lambda: not adapter.busy)
    button = window.current_page().optional_buttons["session_movement"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(isinstance(d, MovementDialog) for d in dialogs))
    movement = next(d for d in dialogs if isinstance(d, MovementDialog))
    assert movement.member.currentData() == "del-aph"  # the only one who can arrive
    save(movement, screenshot_dir, "rollcall-arrival")
    with qtbot.waitSignal(adapter.step_finished, timeout=60_000) as finished:
        qtbot.keyClick(movement.kind, Qt.Key.Key_Return)
    assert finished.args == ["session_movement"]
    lines = _verified(window.current_page())
    assert any(line.startswith("Arrivée de Dr Julie Caron à ") for line in lines), lines
    assert any("Dr Julie Caron" in line for line in lines if line.startswith("Présents : "))

    # Now every member is there: the key ceremony takes the five cards.
    run_next("generate_keys")
    assert adapter.bureau.state.keys is not None
