"""The count (dépouillement) and the recount, after the expert's conclusion.

Before anything is decrypted: the expert concluded that nothing was altered,
the running software is the sealed one (fingerprint), and a quorum of cards is
present. The encrypted tallies were computed once, when the urn was verified;
the count only decrypts them (spec §4.18–4.19), appends the tally events to each
contest's archive (the final ``<uuid>.bel``) and computes figures and seats.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ceremony.bundles.importer import parse_payload, read_bundle_file
from ceremony.bundles.payloads.urn import UrnPayload
from ceremony.bundles.sources import CHUNK, open_file
from ceremony.fingerprint import PREFIX, check_fingerprint
from ceremony.protocol.archive import PendingEvent, append_events
from ceremony.protocol.decryption import ElectionResult, OwnedPartialDecryption, PartialDecryption
from ceremony.protocol.hashing import sha256_hex
from ceremony.protocol.serialization import dumps
from ceremony.protocol.tally import EncryptedTally, SizedEncryptedTally
from ceremony.tally.errors import LotDrawRequiredError
from ceremony.tally.from_definition import contest_definition
from ceremony.tally.results import ContestCount, ContestResult, compute_results
from ceremony.workflow.card_check import OpenedKey
from ceremony.workflow.counting import ContestTally, combine_results, decrypt_tallies
from ceremony.workflow.errors import WorkflowError
from ceremony.workflow.sealing import canonical
from ceremony.workflow.state import CeremonyState

if TYPE_CHECKING:
    from ceremony.workflow.engine import Bureau

CountProgress = Callable[[str, int, int], None]
"""``progress(step, done, total)``: ``done`` of the count's ``total`` steps are over,
the last one of kind ``step`` (:data:`DECRYPTION`, :data:`RESULT` or :data:`ARCHIVE`)."""

DECRYPTION = "decryption"
"""One trustee's partial decryption of one contest, made and verified (§4.18)."""
RESULT = "result"
"""One contest's factors combined and its result computed (§4.19)."""
ARCHIVE = "archive"
"""One contest's final ``.bel`` written."""


class ExpertObjectionError(WorkflowError):
    default_message = (
        "L'expert indépendant n'a pas conclu à l'absence d'altération : l'urne ne "
        "peut pas être ouverte. Consignez ses conclusions au procès-verbal."
    )


@dataclass(frozen=True)
class CountOutcome:
    results: dict[str, ElectionResult]
    partials: dict[str, dict[int, PartialDecryption]]
    figures: tuple[ContestResult, ...]
    archives: dict[str, Path]
    """Each contest's final `.bel`, written in the caller's working folder."""
    lot_seed: str | None = None
    """The seed of the drawing of lots held during this count, if any."""


def check_before_count(bureau: Bureau, state: CeremonyState) -> None:
    if state.expert is None or not state.expert.get("no_alteration"):
        raise ExpertObjectionError(
            "the expert's conclusion does not state that nothing was altered"
        )
    sealed = bureau.sealed(state)
    check_fingerprint(PREFIX + sealed.bureau_software.sha256)


def stored_tallies(bureau: Bureau, state: CeremonyState) -> dict[str, ContestTally]:
    assert state.urn is not None
    elections = bureau.elections(state)
    out = {}
    for uuid, info in state.urn["contests"].items():
        tally = EncryptedTally.from_bytes(bureau.group, bureau.store.get_blob(info["tally"]))
        out[uuid] = ContestTally(
            elections[uuid],
            tally,
            info["num_tallied"],
            info["total_weight"],
            info["ballots_in_urn"],
        )
    return out


def run_count(
    bureau: Bureau,
    state: CeremonyState,
    opened: Sequence[OpenedKey],
    tallies: Mapping[str, ContestTally],
    lot_seed: str | None,
    workdir: Path,
    progress: CountProgress | None = None,
    draw: Callable[[tuple[str, ...]], str] | None = None,
) -> CountOutcome:
    """Decrypt, combine, compute figures and write each contest's final archive.

    ``progress`` hears of every step: each (trustee, contest) partial
    decryption once verified, each contest's result, each final archive.
    """
    trustees = bureau.trustees(state)
    steps = _Steps(progress, len(tallies) * (len(opened) + 2))
    partials = decrypt_tallies(
        bureau.group,
        trustees,
        tallies,
        opened,
        bureau.rng,
        verified=lambda: steps.done(DECRYPTION),
    )
    results = {}
    for uuid in tallies:
        results.update(combine_results(bureau.group, trustees, {uuid: tallies[uuid]}, partials))
        steps.done(RESULT)
    bureau_def = bureau.bureau_definition(state)
    definitions = [contest_definition(c) for c in bureau_def.contests]
    counts = [
        ContestCount.from_belenios_result(
            c.contest_uuid,
            c.electors.count,
            tallies[c.contest_uuid].num_tallied,
            results[c.contest_uuid].to_dict(),
        )
        for c in bureau_def.contests
    ]
    seeds = {c.contest_uuid: lot_seed for c in bureau_def.contests} if lot_seed else None
    try:
        figures = compute_results(definitions, counts, lot_seeds=seeds)
    except LotDrawRequiredError as tie:
        if draw is None or lot_seed is not None:
            raise
        # The draw happens here, inside the count: nothing is decrypted twice.
        lot_seed = draw(tie.tied_lists)
        seeds = {c.contest_uuid: lot_seed for c in bureau_def.contests}
        figures = compute_results(definitions, counts, lot_seeds=seeds)
    files, paths = _urn_archives(bureau, state)
    archives = {}
    for uuid in tallies:
        archives[uuid] = _final_archive(
            files,
            paths[uuid],
            workdir / f"{uuid}.bel",
            tallies[uuid],
            partials[uuid],
            results[uuid],
        )
        steps.done(ARCHIVE)
    return CountOutcome(results, partials, figures, archives, lot_seed)


class _Steps:
    """Counts the steps done and tells ``progress``, if any."""

    def __init__(self, progress: CountProgress | None, total: int) -> None:
        self._progress = progress
        self._total = total
        self._done = 0

    def done(self, step: str) -> None:
        self._done += 1
        if self._progress is not None:
            self._progress(step, self._done, self._total)


def _urn_archives(
    bureau: Bureau, state: CeremonyState
) -> tuple[Mapping[str, bytes], dict[str, str]]:
    """The stored urn's files (streamed from the store) and each contest's `.bel` name."""
    assert state.urn is not None
    bundle = read_bundle_file(bureau.store.blob_path(state.urn["blob"]), "urn")
    payload = parse_payload(bundle)
    assert isinstance(payload, UrnPayload)
    return bundle.files, {c.contest_uuid: c.archive.path for c in payload.contests}


def _final_archive(
    files: Mapping[str, bytes],
    name: str,
    path: Path,
    tally: ContestTally,
    partials: Mapping[int, PartialDecryption],
    result: ElectionResult,
) -> Path:
    """The closed archive plus EncryptedTally, PartialDecryption… and Result (§4.4)."""
    encrypted = tally.tally.to_bytes()
    sized = SizedEncryptedTally(tally.num_tallied, tally.total_weight, sha256_hex(encrypted))
    events = [PendingEvent("EncryptedTally", (encrypted, sized.to_bytes()))]
    for owner in sorted(partials):
        content = partials[owner].to_bytes()
        owned = OwnedPartialDecryption(owner, sha256_hex(content))
        events.append(PendingEvent("PartialDecryption", (content, owned.to_bytes())))
    events.append(PendingEvent("Result", (result.to_bytes(),)))
    with open_file(files, name) as source, path.open("wb") as target:
        shutil.copyfileobj(source, target, CHUNK)
    append_events(path, events)
    return path


def count_details(
    outcome: CountOutcome, blobs: Mapping[str, Any], lot_seed: str | None
) -> dict[str, Any]:
    return {
        "results": {u: list(r.result[0]) for u, r in outcome.results.items()},
        "figures": blobs["figures"],
        "archives": blobs["archives"],
        "partials": blobs["partials"],
        "lot_seed": lot_seed,
    }


def figures_bytes(figures: Sequence[ContestResult]) -> bytes:
    return canonical({"format": "bureau-results/1", "contests": [f.to_dict() for f in figures]})


def partial_bytes(partial: PartialDecryption) -> bytes:
    return dumps(partial.to_dict())
