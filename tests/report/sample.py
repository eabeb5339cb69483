"""A demo-shaped procès-verbal input: a CSN-like bureau, 3 contests, 5 lists, one common list.

The figures are made up but shaped like the 2024 hospital doctors' elections
(28 % turnout, a few thousand electors per section). Contest 2 ends in a tie
that only a drawing of lots can break; contest 3 has a list with too few
candidates and a tie broken by the number of votes.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from fractions import Fraction

from ceremony.report.model import Fingerprint, Member, MemberSignature, PvData, PvEvent, Session
from ceremony.tally.common_lists import UnionShare
from ceremony.tally.results import (
    CandidateList,
    ContestCount,
    ContestDefinition,
    ContestResult,
    compute_contest_result,
)

PARIS_SUMMER = timezone(timedelta(hours=2))
LOT_SEED = "6 2 5 1 4 3"


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2024, 6, day, hour, minute, tzinfo=PARIS_SUMMER)


def lists(*, common_key: bool, first_candidates: int | None = None) -> tuple[CandidateList, ...]:
    alliance = (
        (
            UnionShare("Collectif Santé Publique", Fraction(3, 5)),
            UnionShare("Jeunes Médecins Hospitaliers", Fraction(2, 5)),
        )
        if common_key
        else (UnionShare("Collectif Santé Publique"), UnionShare("Jeunes Médecins Hospitaliers"))
    )
    return (
        CandidateList(
            "L1", "Syndicat des praticiens (SPH)", (UnionShare("SPH"),), first_candidates
        ),
        CandidateList("L2", "Union des médecins (UMH)", (UnionShare("UMH"),)),
        CandidateList("L3", "Fédération hospitalière (FdH)", (UnionShare("FdH"),)),
        CandidateList("L4", "Intersyndicale Hôpital (ISH)", (UnionShare("ISH"),)),
        CandidateList("L5", "Alliance CSP – JMH", alliance),
    )


CONTESTS = (
    (
        ContestDefinition(
            "csn-c2-psy", "CSN — collège 2 — section Psychiatrie", 6, lists(common_key=True)
        ),
        ContestCount("csn-c2-psy", 4812, 1371, (57, 402, 318, 251, 187, 156)),
    ),
    (
        ContestDefinition(
            "csn-c2-bio", "CSN — collège 2 — section Biologie", 3, lists(common_key=False)
        ),
        ContestCount("csn-c2-bio", 1210, 350, (10, 120, 120, 60, 30, 10)),
    ),
    (
        ContestDefinition(
            "cd-c1-ane",
            "Conseil de discipline — collège 1 — section Anesthésie-réanimation",
            4,
            lists(common_key=True, first_candidates=1),
        ),
        ContestCount("cd-c1-ane", 2400, 725, (25, 300, 150, 100, 75, 75)),
    ),
)

SEEDS = {"csn-c2-bio": LOT_SEED}


def results() -> tuple[ContestResult, ...]:
    return tuple(
        compute_contest_result(d, c, lot_seed=SEEDS.get(d.contest_id)) for d, c in CONTESTS
    )


MEMBERS = (
    Member(
        "pres",
        "Mme Hélène Bézier-Dubois",
        "Présidente",
        "Centre national de gestion",
        civility="Mme",
    ),
    Member("sec", "M. François Lefèvre", "Secrétaire", "Centre national de gestion", civility="M."),
    Member("d1", "Dr Amélie Rousseau", "Déléguée de liste", "Liste 1 — SPH", civility="Mme"),
    Member("d2", "Dr Jérôme Garçon", "Délégué de liste", "Liste 2 — UMH", civility="M."),
    Member("d3", "Dr Noémie Château", "Déléguée de liste", "Liste 3 — FdH", civility="Mme"),
    Member("d4", "Dr Loïc Ferrière", "Délégué de liste", "Liste 4 — ISH", civility="M."),
    Member(
        "d5", "Dr Zoé Kœnig", "Déléguée de liste", "Liste 5 — Alliance CSP – JMH", civility="Mme"
    ),
)

SESSIONS = (
    Session("Scellement", at(10, 14), ("pres", "sec", "d1", "d2", "d3", "d4", "d5")),
    Session("Ouverture", at(18, 9), ("pres", "sec", "d1", "d3")),
    Session("Dépouillement", at(25, 17, 30), ("pres", "sec", "d1", "d2", "d4", "d5")),
)

EVENTS = (
    PvEvent(
        at(10, 14, 5),
        "finding",
        "Listes de candidats complètes et dans l'ordre du tirage au sort ; "
        "professions de foi et logos présents.",
    ),
    PvEvent(
        at(10, 14, 40),
        "test_vote",
        "Vote à blanc : 12 bulletins de test dépouillés, résultat conforme aux "
        "bulletins déposés ; compteurs remis à zéro.",
    ),
    PvEvent(
        at(10, 15, 10),
        "seal",
        "Scellement du système de vote, des listes, de la liste électorale et "
        "des horaires par la présidente et cinq délégués.",
    ),
    PvEvent(
        at(18, 9, 0),
        "status_check",
        "Urne vide et scellée ; aucune modification depuis l'examen de l'expert.",
    ),
    PvEvent(
        at(20, 11, 12),
        "intervention",
        "Intervention signalée par la plateforme : redémarrage d'un serveur "
        "frontal (8 min), sans incidence sur l'urne.",
    ),
    PvEvent(at(20, 11, 30), "decision", "Le bureau décide de poursuivre le vote."),
    PvEvent(
        at(25, 17, 40),
        "expert_conclusion",
        "L'expert indépendant conclut que la solution de vote n'a fait l'objet "
        "d'aucune altération.",
    ),
    PvEvent(
        at(25, 17, 45),
        "urn_opening",
        "Ouverture publique de l'urne par la présidente et les délégués des listes 1, 2 et 4.",
    ),
    PvEvent(
        at(25, 18, 5),
        "lot_drawing",
        f"Tirage au sort public pour le scrutin Biologie : graine « {LOT_SEED} ».",
    ),
)

FINGERPRINTS = (
    Fingerprint(
        "Élection CSN Psychiatrie (empreinte Belenios)",
        "q2Wg4eY3xm8V1nHcXz0rJ5sQ9bKdLpTfUaCiRyNwE7M",
    ),
    Fingerprint(
        "Élection CSN Biologie (empreinte Belenios)", "Hn3kP9vT2wQz7xLm4cR8sB1yJ6dF0gUeKaNiOtVhW5E"
    ),
    Fingerprint(
        "Élection CD Anesthésie (empreinte Belenios)", "Zc8uY1rT5wE3qA7sD9fG2hJ4kL6zX0cVbNmQpWoIeU"
    ),
    Fingerprint(
        "Scellement (SHA-256)", "5f0c2b3e8d7a61942c0e4b1f9a8d7c6b5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a09"
    ),
    Fingerprint(
        "Archive de l'élection (SHA-256)",
        "a3b1c9d7e5f30112233445566778899aabbccddeeff00112233445566778899a",
    ),
)


def pv_data(*, signed: bool = False) -> PvData:
    signatures = (
        (
            MemberSignature("pres", at(25, 18, 40), "3F2A 91C0 7B4E D812"),
            MemberSignature("d1", at(25, 18, 42), "A0B1 C2D3 E4F5 0617"),
        )
        if signed
        else ()
    )
    return PvData(
        organiser="Centre national de gestion des praticiens hospitaliers",
        instance=(
            "Élections à la commission statutaire nationale et au conseil de "
            "discipline des praticiens hospitaliers"
        ),
        bureau_name="Bureau de vote électronique n° 2 — praticiens hospitaliers, collège 2",
        place="Paris, salle du conseil du Centre national de gestion",
        voting_opens=at(18, 9),
        voting_closes=at(25, 17),
        drawn_up_at=at(25, 18, 30),
        members=MEMBERS,
        sessions=SESSIONS,
        events=EVENTS,
        results=results(),
        fingerprints=FINGERPRINTS,
        signatures=signatures,
        signed_sha256="0d1e2f3a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6"
        if signed
        else None,
    )
