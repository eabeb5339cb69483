"""The public physical drawing of lots countersigned by an emulated OpenPGP card (PC/SC).

The count opens the secretary's card (unwrap), then the same card countersigns
the draw's record (a mistyped PIN is asked again): both on the real stack, in one count.
"""

from __future__ import annotations

from pathlib import Path

from ceremony.cards.interface import CardIdentity, Signature, verify_card_signature
from ceremony.workflow.lots_draw import PhysicalLots, physical_record
from ceremony.workflow.phases import Action
from tests.cards.ceremony_cards import HolderPins, emulated, open_bureau, run_until, training
from tests.pcsc_stack import PcscStack

TIE_SEED = "tie-1"  # the small ceremony ends on a perfect tie (tests/workflow/test_lots_draw.py)


def test_an_emulated_card_opens_its_key_then_countersigns_the_physical_draw(
    pcsc_stack: PcscStack, tmp_path: Path
) -> None:
    pins = HolderPins()
    secretary = emulated(pcsc_stack, 1, "secretaire", pins)
    run_until(tmp_path, {"secretaire": secretary}, "expert", seed=TIE_SEED)
    bureau = open_bureau(tmp_path)
    try:
        delegates = [training(tmp_path, m, seed=TIE_SEED) for m in ("del-aph", "del-inph")]

        def ask(member_id: str, message: str, hidden: bool) -> str:
            # the secretary will mistype her PIN once when countersigning: asked again
            pins.script = ["999888"]
            return "deux dés lancés en public" if "procédure" in message else "5 3"

        notices: list[str] = []
        bureau.notice = notices.append
        outcome = bureau.count([secretary, *delegates], lots=PhysicalLots(ask))
        assert outcome.lot_seed == "5 3"
        assert any("M. Paul Mercier" in n and "Code incorrect" in n for n in notices), notices
        (drawn,) = [e for e in bureau.store.entries() if e.action == Action.LOTS_DRAWN]
        d = drawn.details
        assert d["not_countersigned"] == {}
        assert sorted(d["countersignatures"]) == ["del-aph", "del-inph", "secretaire"]
        record = physical_record(
            "csn", d["tied_lists"], d["procedure"], "5 3", ["secretaire", "del-aph", "del-inph"]
        )
        identity = CardIdentity.from_dict(dict(bureau.state.members["secretaire"]))
        signature = Signature.from_dict(d["countersignatures"]["secretaire"])
        verify_card_signature(identity.signature_key, record, signature)
        assert identity.serial in {a.card_serial for a in drawn.actors}
    finally:
        bureau.store.close()
