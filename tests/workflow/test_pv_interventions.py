"""Art. 19: each intervention on the system with the platform's description and the
measures taken — the platform's own when its bundle gives them, else entered by the
bureau (through the engine or ``bureau intervention``)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from ceremony.bundles.payloads.common import Intervention
from ceremony.cli import main
from ceremony.simulator.calendar import read_report
from ceremony.store.workstation_key import FileKeySource
from ceremony.workflow import command
from ceremony.workflow.demo import open_simulated_bureau
from ceremony.workflow.engine import Bureau
from ceremony.workflow.errors import StepAlreadyDoneError
from ceremony.workflow.interventions import (
    InterventionUnknownError,
    MeasuresError,
    record_measures,
    reported,
)
from ceremony.workflow.pv_events import pv_events
from tests.workflow.ceremony_setup import Ceremony
from tests.workflow.test_preconditions import refused


def test_the_measures_taken_come_from_the_platform_or_from_the_bureau(
    sealed: Ceremony, monkeypatch: pytest.MonkeyPatch
) -> None:
    schedule = sealed.simulator.bureau().schedule
    bureau = sealed.bureau
    votes = sealed.simulator.cast_votes()
    bureau.import_status(sealed.simulator.status_bundle(1, "open", schedule.opening, votes))
    restart = schedule.opening + timedelta(hours=3)
    slow = schedule.opening + timedelta(hours=5)
    reported_items = (
        Intervention(
            restart,
            "exploitant",
            "Redémarrage d’un serveur frontal",
            "Bascule sur le serveur de secours ; journaux conservés.",
        ),
        Intervention(slow, "hébergeur", "Ralentissement de la page de vote."),
    )
    as_of = slow + timedelta(minutes=10)
    read_report(bureau.now, as_of)
    bureau.import_status(sealed.simulator.status_bundle(2, "open", as_of, votes, reported_items))
    refused(
        sealed,
        InterventionUnknownError,
        lambda: record_measures(bureau, slow + timedelta(minutes=1), "Rien."),
    )
    refused(
        sealed,
        MeasuresError,
        lambda: record_measures(bureau, restart, "Autre version des mesures."),
    )
    refused(sealed, MeasuresError, lambda: record_measures(bureau, slow, "  "))
    sealed.close()
    # The bureau enters the measures the platform did not report, from the command line.
    folder = sealed.folder

    def simulated(args: object) -> Bureau:
        return open_simulated_bureau(
            folder / "store", schedule, FileKeySource(folder / "workstation-key")
        )

    monkeypatch.setattr(command, "_bureau", simulated)
    measures = "Ajout d’un serveur frontal ; délai de réponse revenu à la normale."
    paris = slow.astimezone(schedule.opening.tzinfo).isoformat()
    store = ["--store", str(folder / "store")]
    assert main(["intervention", *store, "--at", paris, "--measures", measures]) == 0
    again = simulated(None)
    try:
        with pytest.raises(StepAlreadyDoneError):
            record_measures(again, slow, "Encore.")
        items = {r.at: r for r in reported(again.store.entries())}
        assert items[restart].measures.startswith("Bascule") and items[restart].by_bureau_at is None
        assert items[slow].measures == measures and items[slow].by_bureau_at is not None
        rows = [
            e.text
            for e in pv_events(again, again.state, again.store.entries())
            if e.kind == "intervention"
        ]
        assert len(rows) == 2
        assert "Mesures prises (indiquées par la plateforme) : Bascule sur le serveur" in rows[0]
        assert (
            "(hébergeur) : Ralentissement de la page de vote. Mesures prises (consignées "
            in (rows[1])
        )
        assert rows[1].endswith(measures)
    finally:
        again.store.close()


def test_a_platform_bundle_without_measures_reads_and_hashes_as_before() -> None:
    from datetime import UTC, datetime

    item = Intervention(datetime(2024, 12, 5, 11, tzinfo=UTC), "exploitant", "Redémarrage.")
    assert item.to_dict() == {
        "actor": "exploitant",
        "at": "2024-12-05T11:00:00Z",
        "description": "Redémarrage.",
    }
    with_measures = Intervention(item.at, item.actor, item.description, "Bascule.")
    assert with_measures.to_dict()["measures"] == "Bascule."
