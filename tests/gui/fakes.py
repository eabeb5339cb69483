"""A fake phase model for GUI tests only: the real one is the engine adapter."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bureau_app.phase_model import ChecklistItem, OptionalAction, PhaseState
from bureau_app.results_model import ContestResult, ListResult

TITLES = [
    ("preparation", "Préparation"),
    ("key_ceremony", "Cérémonie des clés"),
    ("test_vote", "Vote à blanc"),
    ("sealing", "Scellement"),
    ("vote_open", "Vote ouvert"),
    ("closed", "Clôture et contrôle de l'urne"),
    ("expert", "Conclusions de l'expert"),
    ("count", "Dépouillement"),
    ("pv", "Procès-verbal"),
    ("archived", "Archivage et remise des clés"),
]


@dataclass(frozen=True)
class FakePhase:
    key: str
    title: str
    state: PhaseState
    checklist: Sequence[ChecklistItem] = ()
    verified: Sequence[ChecklistItem] = ()
    next_action: str | None = None
    optional_actions: Sequence[OptionalAction] = ()


def ceremony_at_test_vote() -> list[FakePhase]:
    """Préparation and key ceremony done, the test vote in progress, the rest to do."""
    phases = []
    for index, (key, title) in enumerate(TITLES):
        if index < 2:
            state = PhaseState.DONE
        elif index == 2:
            state = PhaseState.CURRENT
        else:
            state = PhaseState.TODO
        phases.append(FakePhase(key, title, state))
    phases[0] = FakePhase(
        "preparation",
        "Préparation",
        PhaseState.DONE,
        checklist=[
            ChecklistItem("Importer la définition de l'élection", True),
            ChecklistItem("Vérifier les listes de candidats et leur ordre", True),
        ],
        verified=[ChecklistItem("Signature de la plateforme valide", True)],
    )
    phases[2] = FakePhase(
        "test_vote",
        "Vote à blanc",
        PhaseState.CURRENT,
        checklist=[
            ChecklistItem("Générer 20 bulletins de test connus", True),
            ChecklistItem("Dépouiller l'urne de test avec les cartes", False),
            ChecklistItem("Comparer le résultat au résultat attendu", False),
            ChecklistItem("Remettre les compteurs à zéro", False),
        ],
        verified=[
            ChecklistItem("Les 20 bulletins de test sont valides", True),
            ChecklistItem("L'urne de test contient exactement 20 bulletins", True),
        ],
        next_action="Dépouiller l'urne de test",
    )
    return phases


def sample_results() -> list[ContestResult]:
    return [
        ContestResult(
            "CSN — collège 2 — section Psychiatrie",
            registered=1843,
            voters_cast=612,
            blank=17,
            lists=[
                ListResult("Action Praticiens Hôpital", 231, 2),
                ListResult("Avenir Hospitalier", 198, 2),
                ListResult("Coordination Médicale Hospitalière", 120, 1),
                ListResult("Jeunes Médecins", 46, 0),
            ],
        ),
        ContestResult(
            "CSN — collège 2 — section Chirurgie",
            registered=2210,
            voters_cast=701,
            blank=9,
            lists=[
                ListResult("Action Praticiens Hôpital", 300, 3),
                ListResult("Avenir Hospitalier", 392, 3),
            ],
        ),
    ]
