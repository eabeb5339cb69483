"""The « Cartes » menu, driven with key presses and clicks on the real widgets (issue 15).

A finished training ceremony (the engine's demo), its window, its training
cards: the members open the menu with Alt+C, insert a card in the training
reader, type their PIN in the PIN dialog. The engine journals each act.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from ceremony.cards.interface import PinKind
from ceremony.cards.training import TrainingCard
from ceremony.simulator.platform import PlatformSimulator
from ceremony.store.workstation_key import FileKeySource
from ceremony.workflow.demo import open_simulated_bureau
from ceremony.workflow.phases import Action
from tests.gui.test_card_manage_helpers import (
    PinTyper,
    choose,
    click,
    copy_room,
    menu_item,
    open_window,
    training_folder,
    type_text,
)
from tests.workflow.ceremony_setup import BALLOTS, SEED, small_description

pytestmark = [pytest.mark.gui, pytest.mark.timeout(900)]


_ITEM = {"show": 0, "check": 1, "unblock": 2, "wipe": 3}


def _entries(adapter: Any, action: Action) -> list[dict[str, Any]]:
    return [dict(e.details) for e in adapter.bureau.store.entries() if e.action == action.value]


def _open(qtbot: Any, window: Any, adapter: Any, action: str) -> Any:
    menu = window.cards_menu
    menu_item(qtbot, window, menu, menu.actions()[_ITEM[action]])
    qtbot.waitUntil(lambda: adapter.card_manager.dialog is not None)
    dialog = adapter.card_manager.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.action.value == action
    return dialog


def _insert(qtbot: Any, dialog: Any, adapter: Any, member_id: str) -> None:
    source = adapter.card_source()
    choose(qtbot, dialog.reader.cards, source.serial_of(member_id))
    click(dialog.reader.insert_button)
    qtbot.waitUntil(lambda: dialog.facts is not None, timeout=20_000)


def _room(tmp_path_factory: Any, tmp_path: Path) -> Path:
    return copy_room(tmp_path_factory.getbasetemp() / "cards-base", tmp_path / "room")


@pytest.fixture
def ceremony(qtbot, app, settings, tmp_path_factory, tmp_path):  # type: ignore[no-untyped-def]
    room = _room(tmp_path_factory, tmp_path)
    window, adapter = open_window(qtbot, settings, training_folder(room))
    yield window, adapter
    adapter.close()
    window.runner.wait(30_000)
    adapter.bureau.store.close()


def test_show_tells_holder_bureau_role_key_date_and_tries_without_a_pin(qtbot, ceremony) -> None:  # type: ignore[no-untyped-def]
    window, adapter = ceremony
    typer = PinTyper(adapter.pins, adapter.card_source().member_of)
    dialog = _open(qtbot, window, adapter, "show")
    _insert(qtbot, dialog, adapter, "secretaire")
    fields = {k: v.text() for k, v in dialog.fields.items()}
    fingerprint = adapter.bureau.state.keys["election_key_fingerprint"]
    assert fields["holder"] == "M. Paul Mercier"
    assert fields["bureau"] == "csn"
    assert fields["role"] == "secrétariat"
    assert fields["fingerprint"].replace(" ", "") == fingerprint
    assert fields["stored"] not in ("", "inconnu")
    assert fields["tries"] == "3"
    assert typer.asked == []  # no PIN for reading a card
    assert dialog.action_button is None
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_check_my_card_after_a_wrong_pin_then_the_right_one_is_journaled(qtbot, ceremony) -> None:  # type: ignore[no-untyped-def]
    window, adapter = ceremony
    source = adapter.card_source()
    typer = PinTyper(adapter.pins, source.member_of, wrong=1)
    dialog = _open(qtbot, window, adapter, "check")
    _insert(qtbot, dialog, adapter, "del-inph")
    assert dialog.member_box.currentData() == "del-inph"  # chosen from the card's serial
    assert not dialog.action_button.isDefault() and not dialog.action_button.autoDefault()
    # Keyboard: the card read, the focus is on the check button; Espace presses it.
    assert dialog.focusWidget() is dialog.action_button
    outcomes: list[str] = []
    dialog.outcome.connect(outcomes.append)
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(outcomes), timeout=30_000)
    assert outcomes == ["failed"] and "ÉCHEC" in dialog.result_label.text()
    assert dialog.fields["tries"].text() == "3" or dialog.fields["tries"].text() == "2"
    click(dialog.action_button)
    qtbot.waitUntil(lambda: len(outcomes) == 2, timeout=30_000)
    assert outcomes[1] == "ok", dialog.result_label.text()
    assert "Votre carte ouvre bien sa clé" in dialog.result_label.text()
    assert typer.asked == [(source.serial_of("del-inph"), PinKind.USER.value)] * 2
    checks = _entries(adapter, Action.CARD_CHECKED)
    assert [(c["member_id"], c["outcome"]) for c in checks] == [
        ("del-inph", "failed"),
        ("del-inph", "ok"),
    ]
    assert checks[0]["error"] == "WrongPinError"
    # The journal view shows it (refreshed after the act).
    rows = window.journal_view.model.rowCount() if hasattr(window.journal_view, "model") else 1
    assert rows > 0
    click(dialog.close_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_a_training_card_cannot_be_unblocked_and_says_so(qtbot, ceremony) -> None:  # type: ignore[no-untyped-def]
    window, adapter = ceremony
    typer = PinTyper(adapter.pins, adapter.card_source().member_of)
    dialog = _open(qtbot, window, adapter, "unblock")
    _insert(qtbot, dialog, adapter, "presidente")
    outcomes: list[str] = []
    dialog.outcome.connect(outcomes.append)
    click(dialog.action_button)
    qtbot.waitUntil(lambda: bool(outcomes), timeout=30_000)
    assert outcomes == ["failed"]
    assert "code administrateur" in dialog.result_label.text()
    assert typer.asked == []


def test_wiping_this_bureaus_own_key_is_refused_before_any_pin(qtbot, ceremony) -> None:  # type: ignore[no-untyped-def]
    window, adapter = ceremony
    typer = PinTyper(adapter.pins, adapter.card_source().member_of)
    dialog = _open(qtbot, window, adapter, "wipe")
    _insert(qtbot, dialog, adapter, "presidente")
    # Said at once, before anyone types the sentence or a PIN: the key is kept two years.
    assert dialog.result_label.isVisible() and "conservée deux ans" in dialog.result_label.text()
    assert not dialog.wipe_box.isVisible()
    assert not dialog.action_button.isEnabled()
    assert dialog.fields["holder"].text() == "Mme Anne Rousseau"
    assert typer.asked == []
    card = TrainingCard(adapter.card_source().folder / "presidente.card")
    assert card.read_key_label() is not None
    assert _entries(adapter, Action.CARD_WIPED) == []
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_a_card_of_another_ceremony_is_wiped_only_after_the_sentence_and_the_pin(  # type: ignore[no-untyped-def]
    qtbot, app, settings, tmp_path_factory, tmp_path
) -> None:
    room = _room(tmp_path_factory, tmp_path)
    # A new ceremony on this laptop: definition imported, the president brings her old card.
    fresh = tmp_path / "new-ceremony"
    sim = PlatformSimulator(seed=SEED, ballots=BALLOTS, description=small_description())
    bureau = open_simulated_bureau(
        fresh / "store", sim.bureau().schedule, FileKeySource(fresh / "workstation-key")
    )
    bureau.confirm_platform_key(sim.platform_key_id)
    bureau.import_definition(sim.definition_bundle(), "csn")
    bureau.store.close()
    (fresh / "cartes-entrainement").mkdir()
    old_card = training_folder(room) / "cartes-entrainement" / "presidente.card"
    shutil.copy(old_card, fresh / "cartes-entrainement" / "presidente.card")
    old_label = TrainingCard(old_card).read_key_label()
    assert old_label is not None

    window, adapter = open_window(qtbot, settings, fresh)
    try:
        typer = PinTyper(adapter.pins, adapter.card_source().member_of)
        dialog = _open(qtbot, window, adapter, "wipe")
        _insert(qtbot, dialog, adapter, "presidente")
        assert dialog.fields["holder"].text() == "Mme Anne Rousseau"
        assert dialog.fields["fingerprint"].text().replace(" ", "") == (
            old_label.election_key_fingerprint
        )
        assert not dialog.action_button.isEnabled()
        type_text(dialog.phrase_field, "effacer la clé")
        assert not dialog.action_button.isEnabled()  # half the sentence is not a yes
        type_text(dialog.phrase_field, " de MME ANNE ROUSSEAU")
        assert dialog.action_button.isEnabled()
        # Entrée in the sentence field never wipes: there is no default button any more.
        QTest.keyClick(dialog.phrase_field, Qt.Key.Key_Return)
        assert dialog.isVisible() and dialog.result_label.isHidden()
        assert dialog.phrase_field.text().endswith("ROUSSEAU")
        outcomes: list[str] = []
        dialog.outcome.connect(outcomes.append)
        click(dialog.action_button)
        qtbot.waitUntil(lambda: bool(outcomes), timeout=30_000)
        assert outcomes == ["ok"], dialog.result_label.text()
        assert "Clé effacée" in dialog.result_label.text()
        assert typer.asked == [(old_label.card_serial, PinKind.USER.value)]
        card = TrainingCard(fresh / "cartes-entrainement" / "presidente.card")
        assert card.read_key_label() is None
        wiped = _entries(adapter, Action.CARD_WIPED)
        assert len(wiped) == 1 and wiped[0]["label"]["holder"] == "Mme Anne Rousseau"
        assert wiped[0]["member_id"] == "presidente"
        assert "pin" not in json.dumps(wiped).lower()
        assert dialog.fields["fingerprint"].text() == "aucune clé de cérémonie sur cette carte"
    finally:
        adapter.close()
        window.runner.wait(30_000)
        adapter.bureau.store.close()
