"""The PV lists the cards' events and the drawing of lots (issue 15), read back with pdftotext.

A real small ceremony that ends on a perfect tie (the lots tests' seed): a member
checks their card before the count; a first count with too few cards is refused;
at the count the president types a wrong PIN once, a delegate who forgot theirs is set
aside and another steps in, then the tie is drawn by commit-reveal. The PV drawn afterwards reports
each of these acts, and never a PIN.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ceremony.cards.interface import CardSerial, PinKind, PinPrompt
from ceremony.cards.training import TrainingCard
from ceremony.workflow import rollcall
from ceremony.workflow.card_wipe import check_card
from ceremony.workflow.demo import DemoPins, store_folder
from ceremony.workflow.errors import QuorumError
from ceremony.workflow.holders import PresentCard
from ceremony.workflow.lots_draw import compute_commitment, compute_seed
from ceremony.workflow.phases import Action
from tests.report.pdftools import pdftotext
from tests.workflow.test_lots_draw import TIE_SEED, _until_count


class _AlwaysWrong:
    """A member who has forgotten their PIN."""

    def get_pin(self, prompt: PinPrompt, tries_left: int | None) -> str:
        return "8" * 6


class _WrongOnce:
    """A member who mistypes their PIN once, then types it right."""

    def __init__(self, pins: DemoPins) -> None:
        self.pins = pins
        self.wrong: str | None = None

    def get_pin(self, prompt: PinPrompt, tries_left: int | None) -> str:
        right = self.pins.get_pin(prompt, tries_left)
        if self.wrong is None and prompt.kind is PinKind.USER:
            self.wrong = "1" + right[1:] if right[0] != "1" else "2" + right[1:]
            return self.wrong
        return right


def _flat(pdf: bytes) -> str:
    text = pdftotext(pdf, layout=False).replace("\u00a0", " ").replace("\u202f", " ")
    return re.sub(r"\s+", " ", text)


def test_the_pv_lists_card_checks_pin_errors_and_the_drawing_of_lots(tmp_path: Path) -> None:
    out = tmp_path / "archive"
    bureau = _until_count(out)
    try:
        folder = store_folder(out) / "cartes-entrainement"

        def card(member: str) -> PresentCard:
            return PresentCard(
                member, TrainingCard(folder / f"{member}.card"), DemoPins(TIE_SEED, member)
            )

        check_card(bureau, card("secretaire"))
        # The demo's count session has del-cmh-snam replaced by a substitute: the delegate
        # arrives before the count, so their card may step in for a set-aside one.
        rollcall.record_movement(
            bureau, "count", "arrivals", rollcall.Movement("del-cmh-snam", bureau.now())
        )
        president = card("presidente")
        mistyping = _WrongOnce(DemoPins(TIE_SEED, "presidente"))
        president = PresentCard("presidente", president.client, mistyping)
        with pytest.raises(QuorumError):
            bureau.count([card("presidente"), card("del-aph")])
        forgetful = PresentCard("del-inph", card("del-inph").client, _AlwaysWrong())
        choices = {
            "presidente": "dés 4 2 6 1",
            "del-aph": "boule 17 et 3",
            "del-inph": "jamais tapée",
            "del-cmh-snam": "x9q!mz0p",
        }
        values: dict[str, str] = {}

        def ask(member: str, message: str, hidden: bool) -> str:
            values[member] = choices[member]
            return choices[member]

        quorum = [president, card("del-aph"), forgetful, card("del-cmh-snam")]
        bureau.count(quorum, lots=ask)
        assert mistyping.wrong is not None
        actions = [e.action for e in bureau.store.entries()]
        assert Action.CARD_CHECKED in actions and Action.CARD_EVENT in actions
        rollcall.close_session(bureau, "count", bureau.now())
        text = _flat(bureau.make_pv())
        names = {m.member_id: m.name for m in bureau.bureau_definition().members}
    finally:
        bureau.store.close()

    compact = text.replace(" ", "")
    assert f"Contrôle de la carte de {names['secretaire']} : elle ouvre sa part" in text
    assert f"Carte de {names['presidente']} : code personnel incorrect au dépouillement" in text
    assert "la carte accepte encore 2 essais" in text
    assert "Quorum non réuni au dépouillement" in text
    assert f"Carte de {names['del-inph']} écartée au dépouillement" in text or (
        f"Carte de {names['del-inph']} bloquée au dépouillement" in text
    )
    assert "seules leurs empreintes SHA-256 (engagements) sont consignées" in text
    for member, value in values.items():
        # long hashes wrap inside the table cell: compare without the spaces
        assert f"{names[member].replace(' ', '')}:{compute_commitment(member, value)}" in compact
        assert f"{names[member]} : « {value} »" in text
    assert f"(SHA-256desvaleurs,dansl’ordredesmembres):{compute_seed(values)}" in compact
    assert text.index("Engagements") < text.index("Révélation publique")
    pins = [
        DemoPins(TIE_SEED, m).get_pin(PinPrompt(PinKind.USER, "", CardSerial("x")), None)
        for m in names
    ]
    # a PIN is a run of digits of its own, not a piece of some hexadecimal hash
    for pin in [*pins, mistyping.wrong]:
        assert not re.search(rf"(?<![0-9a-f]){pin}(?![0-9a-f])", text)
