"""What the bureau seals (DESIGN.md §1, §4): elections, checks before sealing, the seal.

Each contest is one Belenios election (spec §4.10) made from a template as
``belenios-tool setup make-election`` does: one homomorphic question whose
answers are the candidate lists in the drawn order, blank allowed, exactly
one list (min = max = 1), under the bureau's election key.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import rfc8785

from ceremony import __version__
from ceremony.bundles.envelope import Bundle
from ceremony.bundles.payloads.common import FileRef, SoftwareFingerprint
from ceremony.bundles.payloads.definition import BureauDefinition, Contest
from ceremony.bundles.payloads.seal import SealPayload, TestVote, compute_sealed_contest
from ceremony.bundles.types import make_typed_bundle
from ceremony.fingerprint import PREFIX, current_fingerprint
from ceremony.protocol.election import Election, HomomorphicQuestion, make_election
from ceremony.protocol.group import Group
from ceremony.protocol.trustees import Trustees, compute_election_public_key
from ceremony.workflow.errors import SealCheckError
from ceremony.workflow.state import CeremonyState

if TYPE_CHECKING:
    from ceremony.workflow.engine import Bureau

TRUSTEES_FILE = "trustees.json"
TEST_VOTE_FILE = "test_vote.json"


def canonical(value: Any) -> bytes:
    """RFC 8785 bytes: what Bureau hashes and signs of its own JSON records."""
    return rfc8785.dumps(value)


def election_template(contest: Contest) -> dict[str, Any]:
    """The Belenios 2.0 template of one contest (DESIGN.md §2)."""
    seats = "siège" if contest.seats < 2 else "sièges"
    return {
        "description": f"{contest.name} — {contest.seats} {seats}",
        "name": contest.name,
        "questions": [
            {
                "answers": [c.name for c in contest.lists],
                "blank": True,
                "min": 1,
                "max": 1,
                "question": contest.name,
            }
        ],
    }


def make_elections(
    group: Group, bureau: BureauDefinition, trustees: Trustees
) -> dict[str, Election]:
    """One election per contest, all under the bureau's trustees (§3.1 step 10)."""
    public_key = compute_election_public_key(group, trustees)
    return {
        contest.contest_uuid: make_election(
            election_template(contest), contest.contest_uuid, group, public_key
        )
        for contest in bureau.contests
    }


def election_file(uuid: str) -> str:
    return f"election-{uuid}.json"


def bureau_software() -> SoftwareFingerprint:
    """Our own fingerprint, as sealed and checked again before the count."""
    value = current_fingerprint().value
    return SoftwareFingerprint("bureau", __version__, value.removeprefix(PREFIX))


def make_seal_bundle(bureau: Bureau, state: CeremonyState) -> Bundle:
    """The unsigned seal: everything the public session fixes (DESIGN.md §1)."""
    assert state.keys is not None and state.test_vote is not None
    definition = bureau.definition(state)
    bureau_def = bureau.bureau_definition(state)
    store = bureau.store
    attachments: dict[str, bytes] = {
        TRUSTEES_FILE: store.get_blob(state.keys["trustees"]),
        TEST_VOTE_FILE: store.get_blob(state.test_vote["report"]),
    }
    sealed = []
    for contest in bureau_def.contests:
        name = election_file(contest.contest_uuid)
        content = store.get_blob(state.keys["elections"][contest.contest_uuid])
        attachments[name] = content
        sealed.append(
            compute_sealed_contest(
                contest,
                FileRef.of(name, content),
                state.keys["fingerprints"][contest.contest_uuid],
            )
        )
    assert state.definition_bundle_id is not None
    payload = SealPayload(
        bureau_id=bureau_def.bureau_id,
        definition_bundle_id=state.definition_bundle_id,
        contests=tuple(sealed),
        schedule=bureau_def.schedule,
        voting_software=definition.voting_software,
        bureau_software=bureau_software(),
        trustees=FileRef.of(TRUSTEES_FILE, attachments[TRUSTEES_FILE]),
        member_keys=bureau.member_keys(state),
        test_vote=TestVote(True, FileRef.of(TEST_VOTE_FILE, attachments[TEST_VOTE_FILE])),
        workstation_key=bureau.workstation_public_key(),
    )
    from ceremony.workflow.engine import _bundle_id

    return make_typed_bundle(
        payload, attachments, now=bureau.now(), bundle_id=_bundle_id(bureau.rng)
    )


def check_before_sealing(bureau: Bureau, state: CeremonyState, seal: Bundle) -> None:
    """Lists complete and in the drawn order, manifestos and logos present (arrêté, ch. VI)."""
    bureau_def = bureau.bureau_definition(state)
    definition_files = _definition_files(bureau, state)
    elections = bureau.elections(state)
    problems: list[str] = []
    for contest in bureau_def.contests:
        election = elections[contest.contest_uuid]
        question = election.questions[0]
        if not isinstance(question, HomomorphicQuestion) or list(question.answers) != [
            c.name for c in contest.lists
        ]:
            problems.append(f"{contest.contest_uuid}: election answers differ from the drawn order")
        for candidate_list in contest.lists:
            where = f"{contest.contest_uuid}/{candidate_list.list_id}"
            if not candidate_list.candidates:
                problems.append(f"{where}: no candidate")
            for label, ref in (
                ("manifesto", candidate_list.manifesto),
                ("logo", candidate_list.logo),
            ):
                if ref is None:
                    problems.append(f"{where}: no {label}")
                elif definition_files.get(ref.path) != ref:
                    problems.append(f"{where}: {label} file missing or altered")
    seal_payload = seal.files.get("seal.json")
    if seal_payload is None:
        problems.append("seal has no seal.json")
    if problems:
        raise SealCheckError("; ".join(problems[:10]))


def _definition_files(bureau: Bureau, state: CeremonyState) -> Mapping[str, FileRef]:
    from ceremony.bundles.importer import read_bundle

    assert state.definition_blob is not None
    bundle = read_bundle(bureau.store.get_blob(state.definition_blob), "definition")
    return {path: FileRef.of(path, content) for path, content in bundle.files.items()}
