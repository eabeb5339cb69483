"""From the engine's state to what the window shows: phases, checklists, the next step.

Everything here is read from ``ceremony.workflow.state.CeremonyState`` (itself
derived from the journal) and the bureau's definition; nothing is decided in a
widget. ``next_step`` names the one step the bureau should do now; the adapter
runs it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QCoreApplication, QLocale

from bureau_app.fingerprint_field import group_fingerprint
from bureau_app.phase_model import ChecklistItem, OptionalAction, PhaseState
from bureau_app.quorum import present_need, quorum_need, who_may_come
from bureau_app.roles import list_names, role_word
from bureau_app.rollcall_model import (
    attending_members,
    open_session,
    pending_session,
    session_lines,
)
from ceremony.bundles.payloads.definition import BureauDefinition, Member
from ceremony.workflow import rollcall
from ceremony.workflow.phases import ORDER, Phase
from ceremony.workflow.state import CeremonyState, allowed_decisions, current_phase

# A bare name lupdate recognises, so these strings reach the .ts file.
translate = QCoreApplication.translate


def _fill(template: str, *values: object) -> str:
    from bureau_app.text import fill

    return fill(template, *(str(v) for v in values))


class StepKind(Enum):
    CONFIRM_KEY = "confirm_key"
    IMPORT_DEFINITION = "import_definition"
    REGISTER = "register"
    GENERATE_KEYS = "generate_keys"
    TEST_VOTE = "test_vote"
    SIGN_SEAL = "sign_seal"
    EXPORT_SEAL = "export_seal"
    IMPORT_STATUS = "import_status"
    IMPORT_URN = "import_urn"
    RECORD_EXPERT = "record_expert"
    COUNT = "count"
    MAKE_PV = "make_pv"
    SIGN_PV = "sign_pv"
    EXPORT_RESULTS = "export_results"
    EXPORT_ARCHIVE = "export_archive"
    DECIDE = "decide"
    """Optional and repeatable: never the phase's next step (see ``optional_steps``)."""
    # The roll-call of each session (bureau_app.rollcall_flow): it opens before the
    # session's first card, closes with its time; arrivals and departures in between.
    OPEN_SESSION = "open_session"
    CLOSE_SESSION = "close_session"
    SESSION_MOVEMENT = "session_movement"


@dataclass(frozen=True)
class Step:
    kind: StepKind
    label: str
    member: Member | None = None


@dataclass(frozen=True)
class CeremonyPhase:
    """A ``bureau_app.phase_model.PhaseView`` built from the engine's state."""

    key: str
    title: str
    state: PhaseState
    checklist: Sequence[ChecklistItem]
    verified: Sequence[ChecklistItem]
    next_action: str | None
    optional_actions: Sequence[OptionalAction] = ()


def quorum_text(
    definition: BureauDefinition,
    present: Collection[str] = (),
    attending: Collection[str] | None = None,
) -> str:
    """Who may bring a card: "la présidente ou le secrétaire ; deux délégués parmi trois";
    ``attending``: the members present at the session (roll-call), the only ones named."""
    need = quorum_need(definition)
    if attending is not None:
        need = present_need(need, attending)
    lines = who_may_come(need, present, list_names(definition))
    return " ; ".join(lines)


def _name(member: Member, definition: BureauDefinition | None = None) -> str:
    lists = list_names(definition) if definition is not None else None
    return f"{member.name} ({role_word(member, lists)})"


def _names(members: Sequence[Member], definition: BureauDefinition | None) -> str:
    return ", ".join(_name(m, definition) for m in members)


def next_step(state: CeremonyState, definition: BureauDefinition | None) -> Step | None:
    """The step to do now, or None when the ceremony is complete."""
    phase = current_phase(state)
    if phase is Phase.PREPARATION:
        if state.platform_key_id is None:
            return Step(
                StepKind.CONFIRM_KEY, translate("Steps", "Confirmer l'empreinte de la plateforme")
            )
        if state.definition_blob is None or definition is None:
            return Step(
                StepKind.IMPORT_DEFINITION,
                translate("Steps", "Importer la définition de l'élection"),
            )
        for member in definition.members:
            if member.member_id not in state.members:
                return Step(
                    StepKind.REGISTER,
                    _fill(translate("Steps", "Enregistrer la carte de %1"), member.name),
                    member,
                )
        return None
    assert definition is not None
    need = quorum_need(definition)
    session = _session_step(state)
    if session is not None:
        return session
    if phase is Phase.KEY_CEREMONY:
        return Step(
            StepKind.GENERATE_KEYS,
            _fill(
                translate("Steps", "Créer les clés du bureau (les %1 cartes)"),
                len(definition.members),
            ),
        )
    if phase is Phase.TEST_VOTE:
        return Step(StepKind.TEST_VOTE, translate("Steps", "Faire le vote à blanc"))
    if phase is Phase.SEALING:
        if not need.complete(state.seal_signers):
            return Step(
                StepKind.SIGN_SEAL,
                translate("Steps", "Signer le scellement avec une carte du quorum"),
            )
        return Step(
            StepKind.EXPORT_SEAL, translate("Steps", "Remettre le scellement à la plateforme")
        )
    if phase is Phase.VOTE_OPEN:
        return Step(StepKind.IMPORT_STATUS, translate("Steps", "Importer l'état du vote"))
    if phase is Phase.CLOSED:
        return Step(StepKind.IMPORT_URN, translate("Steps", "Importer et vérifier l'urne"))
    if phase is Phase.EXPERT:
        return Step(
            StepKind.RECORD_EXPERT, translate("Steps", "Consigner les conclusions de l'expert")
        )
    if phase is Phase.COUNT:
        return Step(
            StepKind.COUNT, translate("Steps", "Ouvrir l'urne et dépouiller (cartes du quorum)")
        )
    if phase is Phase.PV:
        if state.pv is None:
            return Step(StepKind.MAKE_PV, translate("Steps", "Établir le procès-verbal"))
        if not need.complete(state.pv_signatures):
            return Step(
                StepKind.SIGN_PV,
                translate("Steps", "Signer le procès-verbal avec une carte du quorum"),
            )
        if rollcall.missing_pv_signers(state):
            # Every member present at the count session signs (the engine requires it).
            return Step(
                StepKind.SIGN_PV,
                translate("Steps", "Faire signer le procès-verbal par chaque membre présent"),
            )
        return Step(StepKind.EXPORT_RESULTS, translate("Steps", "Signer et exporter les résultats"))
    if state.archive is None:
        return Step(StepKind.EXPORT_ARCHIVE, translate("Steps", "Écrire l'archive de la cérémonie"))
    return None


def _session_step(state: CeremonyState) -> Step | None:
    due = pending_session(state)
    if due is None:
        return None
    labels = {
        ("sealing", "open"): translate(
            "Steps", "Ouvrir la séance de scellement : appel des membres"
        ),
        ("count", "open"): translate(
            "Steps", "Ouvrir la séance de dépouillement : appel des membres"
        ),
        ("sealing", "close"): translate("Steps", "Lever la séance de scellement"),
        ("count", "close"): translate("Steps", "Lever la séance de dépouillement"),
    }
    kind = StepKind.OPEN_SESSION if due[1] == "open" else StepKind.CLOSE_SESSION
    return Step(kind, labels[due])


def heads(definition: BureauDefinition) -> list[Member]:
    """Who may sign a decision: the president, then the secretary."""
    return [m for role in ("president", "secretary") for m in definition.members if m.role == role]


def optional_steps(state: CeremonyState, definition: BureauDefinition | None) -> list[Step]:
    """``_optional_steps``, and while a session is open: an arrival or a departure."""
    steps = _optional_steps(state, definition)
    if pending_session(state) == ("sealing", "close"):
        # The vote's decisions come after the sealing session is closed (before the opening).
        steps = [s for s in steps if s.kind is not StepKind.DECIDE]
    if definition is not None and open_session(state) is not None:
        steps.append(
            Step(StepKind.SESSION_MOVEMENT, translate("Steps", "Arrivée ou départ d'un membre"))
        )
    return steps


def _optional_steps(state: CeremonyState, definition: BureauDefinition | None) -> list[Step]:
    """Steps the bureau may take now besides ``next_step``, as often as it needs.

    During the vote: a decision (suspend, resume or stop), signed by the
    president's or the secretary's card, until the vote is stopped. Before the
    definition is imported: correcting the platform's fingerprint (a typo must never
    be a dead end; the engine keeps the last one confirmed). Once a quorum has signed
    the procès-verbal: another member's signature.
    """
    if (
        current_phase(state) is Phase.PREPARATION
        and state.platform_key_id is not None
        and state.definition_blob is None
    ):
        return [
            Step(
                StepKind.CONFIRM_KEY,
                translate("Steps", "Corriger l'empreinte de la plateforme"),
            )
        ]
    if (
        definition is not None
        and current_phase(state) is Phase.PV
        and state.pv is not None
        and state.results_blob is None
        and quorum_need(definition).complete(state.pv_signatures)
        and any(m.member_id not in state.pv_signatures for m in definition.members)
        and rollcall.present_members(state, "count") is None
    ):
        # The quorum has signed; every other member present may sign too (the PV lists
        # who signed), until the results are exported.
        return [
            Step(
                StepKind.SIGN_PV,
                translate("Steps", "Faire signer aussi un autre membre présent"),
            )
        ]
    if not allowed_decisions(state) or definition is None:
        return []
    return [
        Step(
            StepKind.DECIDE,
            translate("Steps", "Décider : suspendre, reprendre ou arrêter le vote"),
        )
    ]


def _decision_word(decision: str) -> str:
    words = {
        "suspend": translate("Steps", "vote suspendu"),
        "resume": translate("Steps", "vote repris"),
        "stop": translate("Steps", "vote arrêté"),
    }
    return words.get(decision, decision)


def _count(value: int) -> str:
    return QLocale().toString(value)


def _items(*pairs: tuple[str, bool]) -> list[ChecklistItem]:
    return [ChecklistItem(label, done) for label, done in pairs]


def _preparation(
    state: CeremonyState, definition: BureauDefinition | None
) -> tuple[list[ChecklistItem], list[ChecklistItem]]:
    todo = _items(
        (
            translate(
                "Steps", "Confirmer l'empreinte de la clé de la plateforme (lue par l'organisateur)"
            ),
            state.platform_key_id is not None,
        ),
        (
            translate("Steps", "Importer la définition de l'élection"),
            state.definition_blob is not None,
        ),
    )
    verified = []
    if state.platform_key_id is not None:
        verified += _items(
            (
                _fill(
                    translate("Steps", "Empreinte de la plateforme : %1"),
                    group_fingerprint(state.platform_key_id),
                ),
                True,
            )
        )
    if definition is not None:
        verified += _items(
            (translate("Steps", "Signature de la plateforme sur la définition : valide"), True),
            (
                _fill(
                    translate("Steps", "Bureau : %1, %2 scrutin(s), %3 membres"),
                    definition.name,
                    len(definition.contests),
                    len(definition.members),
                ),
                True,
            ),
        )
        for member in definition.members:
            card = state.members.get(member.member_id)
            todo.append(
                ChecklistItem(
                    _fill(
                        translate("Steps", "Enregistrer la carte de %1"), _name(member, definition)
                    ),
                    card is not None,
                )
            )
            if card is not None:
                kind = translate("Steps", " (carte d'entraînement)") if card.get("training") else ""
                verified.append(
                    ChecklistItem(
                        _fill(
                            translate("Steps", "Carte de %1 : n° %2%3"),
                            member.name,
                            card["serial"],
                            kind,
                        ),
                        True,
                    )
                )
    else:
        todo.append(
            ChecklistItem(
                translate("Steps", "Enregistrer la carte de chaque membre du bureau"), False
            )
        )
    return todo, verified


def _quorum_size(definition: BureauDefinition | None) -> int:
    return 1 + definition.delegate_quorum if definition is not None else 0


def _every_card(definition: BureauDefinition | None) -> str:
    """The key ceremony and the test vote open every member's card."""
    return _fill(
        translate("Steps", "Cartes à insérer, l'une après l'autre : %1"),
        _names(definition.members if definition else [], definition),
    )


def _signed_by(signed: Collection[str], definition: BureauDefinition) -> list[ChecklistItem]:
    """One ticked item per member who has signed, in the definition's order."""
    return [
        ChecklistItem(_fill(translate("Steps", "Signé par %1"), _name(member, definition)), True)
        for member in definition.members
        if member.member_id in signed
    ]


def _signatures(
    template: str,
    signed: Collection[str],
    definition: BureauDefinition | None,
    attending: Collection[str] | None = None,
) -> list[ChecklistItem]:
    """Who has signed (one ticked item each), then who may still sign, until the quorum."""
    if definition is None:
        return []
    items = _signed_by(signed, definition)
    need = quorum_need(definition)
    if not need.complete(signed):
        items.append(
            ChecklistItem(_fill(template, quorum_text(definition, signed, attending)), False)
        )
    return items


def _present_signatures(
    signed: Collection[str], present: Collection[str], definition: BureauDefinition | None
) -> list[ChecklistItem]:
    """With a count roll-call every member present signs (the engine's rule): who has
    signed, then who still must; never an absent or replaced member."""
    if definition is None:
        return []
    items = _signed_by(signed, definition)
    waiting = [
        m for m in definition.members if m.member_id in present and m.member_id not in signed
    ]
    if waiting:
        items.append(
            ChecklistItem(
                _fill(
                    translate("Steps", "Signatures des membres présents au dépouillement : %1"),
                    ", ".join(m.name for m in waiting),
                ),
                False,
            )
        )
    return items


def _phase_content(
    phase: Phase, state: CeremonyState, definition: BureauDefinition | None
) -> tuple[list[ChecklistItem], list[ChecklistItem]]:
    if phase is Phase.PREPARATION:
        return _preparation(state, definition)
    attending = attending_members(phase, state)
    quorum = quorum_text(definition, (), attending) if definition is not None else ""
    if phase is Phase.KEY_CEREMONY:
        done = state.keys is not None
        todo = _items(
            (_every_card(definition), done),
            (translate("Steps", "Créer la clé du bureau, partagée entre les cartes"), done),
        )
        verified = []
        if state.keys is not None:
            fingerprint = str(state.keys.get("election_key_fingerprint", ""))
            verified = _items(
                (_fill(translate("Steps", "Clé publique du bureau : %1…"), fingerprint[:16]), True),
                (
                    _fill(
                        translate("Steps", "%1 scrutin(s) préparé(s) avec cette clé"),
                        len(state.keys.get("elections", {})),
                    ),
                    True,
                ),
            )
        return todo, verified
    if phase is Phase.TEST_VOTE:
        done = state.test_vote is not None
        # Every card is opened at the test vote (issue 15): a bad card is found before the seal.
        todo = _items(
            (_every_card(definition), done),
            (translate("Steps", "Chiffrer des bulletins de test connus"), done),
            (
                translate(
                    "Steps",
                    "Dépouiller l'urne de test avec au moins deux quorums différents, "
                    "chaque carte vérifiée",
                ),
                done,
            ),
            (
                translate(
                    "Steps", "Comparer au résultat attendu, puis remettre les compteurs à zéro"
                ),
                done,
            ),
        )
        verified = []
        if state.test_vote is not None:
            verified = _items(
                (
                    _fill(
                        translate("Steps", "Résultat du vote à blanc conforme pour %1 scrutin(s)"),
                        state.test_vote.get("contests", 0),
                    ),
                    True,
                ),
            )
        return todo, verified
    if phase is Phase.SEALING:
        todo = _signatures(
            translate("Steps", "Signatures du scellement : %1"),
            state.seal_signers,
            definition,
            attending,
        )
        todo.append(
            ChecklistItem(
                translate("Steps", "Remettre le scellement à la plateforme"), state.seal_exported
            )
        )
        verified = []
        if state.seal_signers:
            verified.append(
                ChecklistItem(
                    _fill(
                        translate("Steps", "Signatures du scellement : %1 sur %2 nécessaires"),
                        len(state.seal_signers),
                        _quorum_size(definition),
                    ),
                    True,
                )
            )
        if state.seal_exported:
            verified.append(
                ChecklistItem(translate("Steps", "Quorum de signatures vérifié avant export"), True)
            )
        return todo, verified
    if phase is Phase.VOTE_OPEN:
        closed = bool(state.statuses) and state.statuses[-1]["state"] == "closed"
        todo = _items(
            (
                translate("Steps", "Importer l'état du vote à l'ouverture (urne vide)"),
                bool(state.statuses),
            ),
            (
                translate("Steps", "Suivre la participation et les interventions"),
                len(state.statuses) > 1,
            ),
            (translate("Steps", "Importer l'état du vote à la clôture"), closed),
        )
        verified = []
        for status in state.statuses:
            interventions = len(status.get("interventions", []))
            word = (
                translate("Steps", "clos")
                if status["state"] == "closed"
                else translate("Steps", "ouvert")
            )
            verified.append(
                ChecklistItem(
                    _fill(
                        translate(
                            "Steps", "État n° %1 (vote %2) : %3 émargement(s), %4 intervention(s)"
                        ),
                        status["sequence"],
                        word,
                        _count(int(status["emargement_count"])),
                        interventions,
                    ),
                    True,
                )
            )
        for number, decision in enumerate(state.decisions, start=1):
            verified.append(
                ChecklistItem(
                    _fill(
                        translate("Steps", "Décision n° %1 signée et exportée : %2 (motif : %3)"),
                        number,
                        _decision_word(str(decision["decision"])),
                        decision["reason"],
                    ),
                    True,
                )
            )
        return todo, verified
    if phase is Phase.CLOSED:
        done = state.urn is not None
        todo = _items(
            (translate("Steps", "Importer l'urne close, signée par la plateforme"), done),
            (translate("Steps", "Vérifier chaque bulletin et le scellement"), done),
        )
        verified = []
        if state.urn is not None:
            names = {c.contest_uuid: c.name for c in definition.contests} if definition else {}
            # In the definition's order, as everywhere else.
            order = {uuid: index for index, uuid in enumerate(names)}
            urn_contests = sorted(
                state.urn["contests"].items(), key=lambda item: order.get(item[0], len(order))
            )
            for uuid, contest in urn_contests:
                verified.append(
                    ChecklistItem(
                        _fill(
                            translate("Steps", "%1 : %2 bulletin(s) vérifié(s), %3 émargement(s)"),
                            names.get(uuid, uuid),
                            _count(int(contest["num_tallied"])),
                            _count(int(contest["emargements"])),
                        ),
                        True,
                    )
                )
        return todo, verified
    if phase is Phase.EXPERT:
        todo = _items(
            (translate("Steps", "Consigner les conclusions de l'expert"), state.expert is not None)
        )
        verified = []
        if state.expert is not None:
            verified = _items(
                (
                    _fill(
                        translate("Steps", "%1 : « %2 »"),
                        state.expert["expert"],
                        state.expert["conclusion"],
                    ),
                    bool(state.expert.get("no_alteration")),
                ),
            )
        return todo, verified
    if phase is Phase.COUNT:
        done = state.count is not None
        todo = _items(
            (_fill(translate("Steps", "Cartes à insérer : %1"), quorum), done),
            (translate("Steps", "Déchiffrer le résultat (jamais bulletin par bulletin)"), done),
            (translate("Steps", "Calculer la répartition des sièges"), done),
        )
        verified = []
        if state.count is not None:
            verified = _items(
                (translate("Steps", "Déchiffrements partiels vérifiés"), True),
                (
                    _fill(
                        translate("Steps", "Résultats calculés pour %1 scrutin(s)"),
                        len(state.count.get("results", {})),
                    ),
                    True,
                ),
            )
        return todo, verified
    if phase is Phase.PV:
        todo = _items((translate("Steps", "Établir le procès-verbal"), state.pv is not None))
        present = rollcall.present_members(state, "count")
        if present is None:
            todo += _signatures(
                translate("Steps", "Signatures du procès-verbal : %1"),
                state.pv_signatures,
                definition,
            )
        else:
            todo += _present_signatures(state.pv_signatures, present, definition)
        todo += _items(
            (translate("Steps", "Exporter les résultats signés"), state.results_blob is not None)
        )
        verified = []
        if state.pv_signatures:
            verified = _items(
                (
                    _fill(
                        translate("Steps", "%1 signature(s) du procès-verbal vérifiée(s)"),
                        len(state.pv_signatures),
                    ),
                    True,
                ),
            )
        return todo, verified
    done = state.archive is not None
    todo = _items(
        (translate("Steps", "Écrire l'archive de la cérémonie"), done),
        # The hand-over itself is done by people, in public; the software's part is the
        # list and its envelope labels, written into the archive (remise-des-cles.pdf).
        (
            translate(
                "Steps",
                "Établir la liste de remise des clés (cartes et codes sous plis scellés séparés)",
            ),
            done,
        ),
    )
    verified = []
    if state.archive is not None:
        verified = _items(
            (
                _fill(
                    translate("Steps", "Archive écrite : %1 fichier(s)"),
                    len(state.archive.get("files", {})),
                ),
                True,
            ),
        )
    return todo, verified


def phase_views(state: CeremonyState, definition: BureauDefinition | None) -> list[CeremonyPhase]:
    current = current_phase(state)
    step = next_step(state, definition)
    optional = [OptionalAction(s.kind.value, s.label) for s in optional_steps(state, definition)]
    finished = step is None and current is Phase.ARCHIVED
    views = []
    for phase in ORDER:
        if finished or ORDER.index(phase) < ORDER.index(current):
            shown = PhaseState.DONE
        elif phase is current:
            shown = PhaseState.CURRENT
        else:
            shown = PhaseState.TODO
        todo, verified = _phase_content(phase, state, definition)
        session_todo, session_verified = session_lines(phase, state, definition)
        todo, verified = [*session_todo, *todo], [*session_verified, *verified]
        action = step.label if step is not None and phase is current else None
        extra = optional if phase is current else []
        views.append(
            CeremonyPhase(phase.value, phase.label, shown, todo, verified, action, tuple(extra))
        )
    return views
