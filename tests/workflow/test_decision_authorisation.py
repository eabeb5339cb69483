"""Art. 19: a decision carries the reference of the director general's authorisation.

Given on the command line (``bureau decide … --authorisation REF``), it is signed in
the decision bundle, journaled, and printed as its own item in the PV's row.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from ceremony.bundles.importer import parse_payload, read_bundle
from ceremony.bundles.payloads.decision import DecisionPayload
from ceremony.cli import main
from ceremony.store.workstation_key import FileKeySource
from ceremony.workflow import command
from ceremony.workflow.demo import open_simulated_bureau
from ceremony.workflow.engine import Bureau
from ceremony.workflow.holders import PresentCard
from ceremony.workflow.phases import Action
from ceremony.workflow.pv_events import pv_events
from tests.workflow.ceremony_setup import Ceremony

REFERENCE = "CNG/DG/2024-117"


def test_decide_with_an_authorisation_reference_signs_journals_and_prints_it(
    sealed: Ceremony, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    schedule = sealed.simulator.bureau().schedule
    votes = sealed.simulator.cast_votes()
    sealed.bureau.import_status(sealed.simulator.status_bundle(1, "open", schedule.opening, votes))
    sealed.close()
    folder = sealed.folder
    decided = schedule.opening + timedelta(minutes=1)

    def simulated(args: object) -> Bureau:
        bureau = open_simulated_bureau(
            folder / "store", schedule, FileKeySource(folder / "workstation-key")
        )
        bureau.now = lambda: decided  # type: ignore[method-assign]
        return bureau

    def training(spec: str, bureau: Bureau | None = None) -> PresentCard:
        # the CLI would ask the PIN on the terminal; the training member types it here
        return sealed.cards[spec.partition("=")[0]]

    monkeypatch.setattr(command, "_bureau", simulated)
    monkeypatch.setattr(command, "_open_card", training)
    out = tmp_path / "decision.zip"
    argv = ["decide", "suspend", "--reason", "panne du serveur", "--authorisation", REFERENCE]
    argv += ["--card", "presidente=training:x", "--out", str(out), "--store", str(folder / "store")]
    assert main(argv) == 0

    payload = parse_payload(read_bundle(out.read_bytes(), "decision"))
    assert isinstance(payload, DecisionPayload) and payload.authorisation == REFERENCE
    bureau = simulated(None)
    try:
        entries = bureau.store.entries()
        entry = next(e for e in entries if e.action == Action.DECISION_EXPORTED)
        assert entry.details["authorisation"] == REFERENCE
        rows = [e.text for e in pv_events(bureau, bureau.state, entries) if e.kind == "decision"]
    finally:
        bureau.store.close()
    assert rows == [
        "Le bureau décide la suspension du vote (Mme Anne Rousseau) ; motif : panne du serveur ; "
        f"autorisation du directeur général de l’organisateur, référence : {REFERENCE}"
    ]


def test_a_decision_without_reference_keeps_the_earlier_bundle_format() -> None:
    from datetime import UTC, datetime

    payload = DecisionPayload("csn", ("c1",), "stop", "fin", datetime(2024, 12, 4, tzinfo=UTC))
    assert "authorisation" not in payload.to_dict()
    assert DecisionPayload.from_dict(payload.to_dict()) == payload
