"""Checks of the closed urn before the bureau accepts it (DESIGN.md §1, §6).

The platform's signature and the bundle checks come first (``import_bundle``).
Then, for every contest: the archive's Setup is exactly what was sealed
(election, trustees, public credentials), the urn is closed (EndBallots last,
no tally yet), every ballot is valid (§3.5.1), the émargement list has one
entry per counted voter, and every vote lies between opening and closing plus
the grace period.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import IO, TYPE_CHECKING, Any

from ceremony.bundles.importer import VerifiedBundle, read_bundle_file
from ceremony.bundles.payloads.urn import UrnPayload
from ceremony.bundles.sources import open_file
from ceremony.protocol.archive import iter_events, iter_records
from ceremony.protocol.credential_index import load_compact_credentials
from ceremony.protocol.election import Election
from ceremony.workflow.chronology import (
    check_ballot_times,
    check_ballots_outside_interruptions,
    interruptions,
)
from ceremony.workflow.counting import ContestTally, verify_and_tally
from ceremony.workflow.errors import (
    EmargementMismatchError,
    SealChangedError,
    UrnCheckError,
)
from ceremony.workflow.revote_policy import check_revote_policy
from ceremony.workflow.state import CeremonyState

if TYPE_CHECKING:
    from ceremony.workflow.engine import Bureau

EMARGEMENT_FORMAT = "bureau-emargement/1"


@dataclass(frozen=True)
class UrnChecks:
    tallies: dict[str, ContestTally]
    emargements: dict[str, int]


Opener = Callable[[], IO[bytes]]
"""Opens a fresh binary stream of a `.bel`: archives are streamed, never held whole."""


def iter_ballots(archive: Opener) -> Iterator[bytes]:
    """The raw ballots of a `.bel`, in archive order, streamed (§4.4, §4.15)."""
    with archive() as stream:
        for event in iter_events(iter_records(stream)):
            if event.event.type == "Ballot" and event.payload is not None:
                yield event.payload


def check_closed_setup(
    archive: Opener, election: bytes, trustees: bytes, credentials: bytes, uuid: str
) -> None:
    """Setup is the sealed one; the urn is closed (EndBallots last) and not tallied."""
    with archive() as stream:
        _check_closed_setup(stream, election, trustees, credentials, uuid)


def _check_closed_setup(
    stream: IO[bytes], election: bytes, trustees: bytes, credentials: bytes, uuid: str
) -> None:
    types: list[str] = []
    for index, event in enumerate(iter_events(iter_records(stream))):
        kind = event.event.type
        if index == 0:
            if kind != "Setup":
                raise SealChangedError(f"{uuid}: first event is {kind}, not Setup")
            if event.nested.get("election") != election:
                raise SealChangedError(f"{uuid}: election differs from the sealed one")
            if event.nested.get("trustees") != trustees:
                raise SealChangedError(f"{uuid}: trustees differ from the sealed ones")
            if event.nested.get("credentials") != credentials:
                raise SealChangedError(f"{uuid}: public credentials differ from the definition")
        elif kind not in {"Ballot", "EndBallots"}:
            raise UrnCheckError(f"{uuid}: unexpected {kind} event in a closed urn")
        types.append(kind)
    if not types or types[-1] != "EndBallots" or types.count("EndBallots") != 1:
        raise UrnCheckError(f"{uuid}: the urn is not closed (EndBallots must come last, once)")


def parse_emargement(data: bytes) -> list[dict[str, Any]]:
    try:
        obj = json.loads(data)
        if obj.get("format") != EMARGEMENT_FORMAT or not isinstance(obj.get("entries"), list):
            raise ValueError("not a bureau-emargement/1 document")
        entries: list[dict[str, Any]] = obj["entries"]
        for entry in entries:
            if set(entry) != {"contest_uuid", "voter", "at"}:
                raise ValueError(f"malformed émargement entry {sorted(entry)}")
    except (ValueError, AttributeError, TypeError) as e:
        raise EmargementMismatchError(f"émargement list unreadable: {e}") from e
    return entries


def decision_times(bureau: Bureau, state: CeremonyState) -> list[tuple[datetime, str]]:
    """The bureau's decisions with their times (journal moment for older entries)."""
    moments = {
        e.details.get("blob"): e.moment
        for e in bureau.store.entries()
        if e.action == "decision.exported"
    }
    return [
        (
            datetime.fromisoformat(d["decided_at"]) if "decided_at" in d else moments[d["blob"]],
            str(d["decision"]),
        )
        for d in state.decisions
    ]


def check_against_last_status(state: CeremonyState, emargements: int) -> None:
    """The urn follows the platform's closing status and holds the émargements it announced
    (the verifier's ``vote.status`` and ``urn.emargement`` rules, applied at import)."""
    if not state.statuses or state.statuses[-1].get("state") != "closed":
        raise UrnCheckError(
            "no closing status imported before the urn",
            user_message=(
                "L'urne close se reçoit après l'état de clôture du vote transmis par la "
                "plateforme : importez d'abord cet état (« bureau import-status »)."
            ),
        )
    announced = int(state.statuses[-1]["emargement_count"])
    if announced != emargements:
        raise EmargementMismatchError(
            f"last status announced {announced} émargements, the urn lists {emargements}",
            user_message=(
                f"L'état de clôture annonçait {announced} émargements ; la liste "
                f"d'émargement de l'urne en compte {emargements}. L'urne n'est pas acceptée."
            ),
        )


def check_urn(
    bureau: Bureau,
    state: CeremonyState,
    urn: VerifiedBundle[UrnPayload],
    progress: Callable[[int], None] | None = None,
) -> UrnChecks:
    assert state.keys is not None
    bureau_def = bureau.bureau_definition(state)
    schedule = bureau_def.schedule
    trustees = bureau.store.get_blob(state.keys["trustees"])
    # Streamed from the store: the credentials files are read one contest at a time.
    definition = read_bundle_file(bureau.store.blob_path(state.definition_blob or ""), "definition")
    entries = parse_emargement(urn.bundle.files[urn.payload.emargement.path])
    check_against_last_status(state, len(entries))
    times = [datetime.fromisoformat(str(e["at"]).replace("Z", "+00:00")) for e in entries]
    check_ballot_times(times, schedule)
    check_ballots_outside_interruptions(times, interruptions(decision_times(bureau, state)))
    per_contest: dict[str, set[str]] = {}
    for entry in entries:
        voters = per_contest.setdefault(str(entry["contest_uuid"]), set())
        if entry["voter"] in voters:
            raise EmargementMismatchError(f"voter emarged twice in {entry['contest_uuid']}")
        voters.add(str(entry["voter"]))
    tallies: dict[str, ContestTally] = {}
    contests = {c.contest_uuid: c for c in bureau_def.contests}
    if {c.contest_uuid for c in urn.payload.contests} != set(contests):
        raise UrnCheckError("the urn's contests are not the bureau's")
    if set(per_contest) - set(contests):
        raise EmargementMismatchError("émargement names a contest of another bureau")
    for closed in urn.payload.contests:
        uuid = closed.contest_uuid
        archive = functools.partial(open_file, urn.bundle.files, closed.archive.path)
        election_bytes = bureau.store.get_blob(state.keys["elections"][uuid])
        credentials = definition.files[contests[uuid].electors.credentials.path]
        check_closed_setup(archive, election_bytes, trustees, credentials, uuid)
        election = Election.from_bytes(election_bytes)
        # Compact: 32 bytes per elector in this process, whatever the electorate.
        credential_list = load_compact_credentials(election.group, credentials)
        tally = verify_and_tally(
            election, credential_list, functools.partial(iter_ballots, archive), progress
        )
        check_revote_policy(contests[uuid], tally.ballots_in_urn, tally.num_tallied)
        emarged = len(per_contest.get(uuid, set()))
        if emarged != tally.num_tallied:
            raise EmargementMismatchError(
                f"{uuid}: {emarged} émargement(s) for {tally.num_tallied} counted ballot(s)"
            )
        if closed.ballots != tally.ballots_in_urn:
            raise UrnCheckError(
                f"{uuid}: urn bundle announces {closed.ballots} ballots, archive has "
                f"{tally.ballots_in_urn}"
            )
        tallies[uuid] = tally
    return UrnChecks(tallies, {u: len(per_contest.get(u, set())) for u in contests})
