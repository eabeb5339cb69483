"""The mutation corpus of issue 9: each alteration of a demo archive is refused by its step.

Each case alters a fresh copy of the demo archive and names the step that
must fail. Byte flips and journal edits are caught by the index and the
journal. The "resealed" cases are made by an attacker who holds the
workstation key (index and journal recomputed and signed again); some also
hold the platform key or members' training cards, to show that the checks
behind those signatures hold on their own.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import rfc8785
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from ceremony.bundles.envelope import Bundle, Signature, sign_bundle
from ceremony.bundles.importer import parse_payload, read_bundle
from ceremony.bundles.keys import Ed25519Signer
from ceremony.bundles.payloads.decision import DecisionPayload
from ceremony.bundles.payloads.results import ResultsPayload
from ceremony.bundles.payloads.seal import SealPayload
from ceremony.bundles.payloads.status import StatusPayload
from ceremony.bundles.payloads.urn import UrnPayload
from ceremony.bundles.types import make_typed_bundle
from ceremony.protocol.archive import PendingEvent, append_events, iter_events, iter_records
from ceremony.report.frtext import format_int
from ceremony.report.model import PvData
from ceremony.report.pv import make_pv_pdf
from ceremony.store.store import open_store
from ceremony.verify.report import VerificationReport
from tests.verify.conftest import (
    INDEX,
    JOURNAL,
    DemoArchive,
    card_signer,
    flip_byte,
    platform_signer,
    rebuild,
    reseal,
    sign_all,
)

QUORUM = ("presidente", "del-aph", "del-inph")
"""The members whose cards signed the seal, the count, the PV and the results in the demo."""

Apply = Callable[[Path, DemoArchive], None]


@dataclass(frozen=True)
class Mutation:
    name: str
    step: str
    apply: Apply


def _bels(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.bel"))


def _lines(folder: Path) -> list[bytes]:
    return (folder / JOURNAL).read_bytes().splitlines(keepends=True)


def _write_lines(folder: Path, lines: list[bytes]) -> None:
    (folder / JOURNAL).write_bytes(b"".join(lines))


def _entry_line(folder: Path, action: str) -> int:
    for number, line in enumerate(_lines(folder)):
        obj = json.loads(line)
        if obj.get("type") == "entry" and obj["entry"]["action"] == action:
            return number
    raise AssertionError(action)


def _quorum_cards(demo: DemoArchive) -> list[Any]:
    return [card_signer(demo, m) for m in QUORUM]


def _edit(
    action: str, change: Callable[[dict[str, Any]], None]
) -> Callable[[list[Any]], list[Any]]:
    def edit(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
        for entry in entries:
            if entry["action"] == action:
                change(entry["details"])
        return entries

    return edit


# -- files of every kind, one byte flipped (no reseal) ---------------------------
def flip(name: str) -> Apply:
    def apply(folder: Path, demo: DemoArchive) -> None:
        target = _bels(folder)[0] if name == "*.bel" else folder / name
        flip_byte(target)

    return apply


def reformat_index(folder: Path, demo: DemoArchive) -> None:
    obj = json.loads((folder / INDEX).read_bytes())
    (folder / INDEX).write_bytes(json.dumps(obj, indent=4).encode())


def add_file(folder: Path, demo: DemoArchive) -> None:
    (folder / "notes.txt").write_text("ajouté après l'archivage\n")


def remove_status(folder: Path, demo: DemoArchive) -> None:
    (folder / "bundles/status-2.zip").unlink()


def drop_entry(folder: Path, demo: DemoArchive) -> None:
    lines = _lines(folder)
    del lines[5]
    _write_lines(folder, lines)


def swap_entries(folder: Path, demo: DemoArchive) -> None:
    lines = _lines(folder)
    lines[10], lines[11] = lines[11], lines[10]
    _write_lines(folder, lines)


def drop_checkpoint(folder: Path, demo: DemoArchive) -> None:
    _write_lines(folder, [x for x in _lines(folder) if b'"type":"checkpoint"' not in x])


def truncate_journal(folder: Path, demo: DemoArchive) -> None:
    lines = _lines(folder)
    del lines[_entry_line(folder, "archive.exported")]
    _write_lines(folder, lines)


# -- resealed with the workstation key --------------------------------------------
def _results_json(folder: Path) -> dict[str, Any]:
    return dict(json.loads((folder / "results.json").read_bytes()))


def _write_results_json(folder: Path, obj: dict[str, Any]) -> None:
    (folder / "results.json").write_bytes(rfc8785.dumps(obj))


def change_figure(folder: Path, demo: DemoArchive) -> None:
    obj = _results_json(folder)
    contest = obj["contests"][0]
    contest["lists"][0]["votes"] += 1
    contest["lists"][1]["votes"] -= 1
    _write_results_json(folder, obj)
    reseal(folder, demo.store)


def _move_seat(contest: dict[str, Any]) -> None:
    lists = contest["lists"]
    winner = next(i for i, lst in enumerate(lists) if lst["seats"] > 0)
    loser = next(i for i, lst in enumerate(lists) if i != winner)
    lists[winner]["seats"] -= 1
    lists[loser]["seats"] += 1
    alloc = contest["allocation"]["lists"]
    alloc[winner]["seats"] -= 1
    alloc[winner]["average_seats" if alloc[winner]["average_seats"] else "quotient_seats"] -= 1
    alloc[loser]["seats"] += 1
    alloc[loser]["average_seats"] += 1


def _results_bundle_with(
    folder: Path, demo: DemoArchive, change: Callable[[ResultsPayload, dict[str, bytes]], Any]
) -> None:
    path = folder / "bundles/results.zip"

    def apply(payload: Any, attachments: dict[str, bytes]) -> Any:
        return change(payload, attachments) or (payload, attachments)

    path.write_bytes(sign_all(rebuild(path.read_bytes(), "results", apply), _quorum_cards(demo)))


def move_seat(folder: Path, demo: DemoArchive) -> None:
    obj = _results_json(folder)
    _move_seat(obj["contests"][0])
    _write_results_json(folder, obj)
    uuid = obj["contests"][0]["contest_id"]

    def change(payload: ResultsPayload, attachments: dict[str, bytes]) -> Any:
        name = f"result-{uuid}.json"
        attachments[name] = rfc8785.dumps(
            {"format": "bureau-results/1", "contests": [obj["contests"][0]]}
        )
        contests = tuple(
            replace(c, result=ref_of(name, attachments[name])) if c.contest_uuid == uuid else c
            for c in payload.contests
        )
        return replace(payload, contests=contests), attachments

    _results_bundle_with(folder, demo, change)
    reseal(folder, demo.store)


def ref_of(name: str, content: bytes) -> Any:
    from ceremony.bundles.payloads.common import FileRef

    return FileRef.of(name, content)


def swap_bels(folder: Path, demo: DemoArchive) -> None:
    first, second = _bels(folder)[:2]
    tmp = folder / "swap.tmp"
    first.rename(tmp)
    second.rename(first)
    tmp.rename(second)
    reseal(folder, demo.store)


def replay_status(folder: Path, demo: DemoArchive) -> None:
    shutil.copyfile(folder / "bundles/status-2.zip", folder / "bundles/status-3.zip")
    reseal(folder, demo.store)


def _urn_with(
    folder: Path, demo: DemoArchive, change: Callable[[Any, dict[str, bytes]], Any]
) -> None:
    path = folder / "bundles/urn.zip"
    bundle = rebuild(path.read_bytes(), "urn", change)
    path.write_bytes(sign_all(bundle, [platform_signer()]))
    reseal(folder, demo.store)


def _emargement_change(
    edit: Callable[[list[dict[str, Any]], UrnPayload], None],
) -> Callable[..., Any]:
    def change(payload: UrnPayload, attachments: dict[str, bytes]) -> Any:
        name = payload.emargement.path
        obj = json.loads(attachments[name])
        edit(obj["entries"], payload)
        attachments[name] = json.dumps(obj).encode()
        return replace(payload, emargement=ref_of(name, attachments[name])), attachments

    return change


def one_ballot_more(folder: Path, demo: DemoArchive) -> None:
    def edit(entries: list[dict[str, Any]], payload: UrnPayload) -> None:
        entries.pop()

    _urn_with(folder, demo, _emargement_change(edit))


def late_vote(folder: Path, demo: DemoArchive) -> None:
    def edit(entries: list[dict[str, Any]], payload: UrnPayload) -> None:
        late = payload.contests[0].closing + timedelta(minutes=25)
        entries[-1]["at"] = late.strftime("%Y-%m-%dT%H:%M:%S%z")

    _urn_with(folder, demo, _emargement_change(edit))


def urn_wrong_key(folder: Path, demo: DemoArchive) -> None:
    path = folder / "bundles/urn.zip"
    bundle = read_bundle(path.read_bytes(), "urn")
    unsigned = Bundle(bundle.manifest, bundle.manifest_bytes, bundle.files, ())
    path.write_bytes(sign_bundle(unsigned, Ed25519Signer.generate()).to_bytes())
    reseal(folder, demo.store)


def urn_ballot_after_close(folder: Path, demo: DemoArchive) -> None:
    def change(payload: UrnPayload, attachments: dict[str, bytes]) -> Any:
        closed = payload.contests[0]
        archive = attachments[closed.archive.path]
        ballot = next(
            e.payload
            for e in iter_events(iter_records(_bytes_io(archive)))
            if e.event.type == "Ballot"
        )
        work = folder.parent / "urn-work.bel"
        work.write_bytes(archive)
        assert ballot is not None
        append_events(work, [PendingEvent("Ballot", (ballot + b" ",))])
        attachments[closed.archive.path] = work.read_bytes()
        new = replace(closed, archive=ref_of(closed.archive.path, attachments[closed.archive.path]))
        return replace(payload, contests=(new, *payload.contests[1:])), attachments

    _urn_with(folder, demo, change)


def _bytes_io(data: bytes) -> Any:
    import io

    return io.BytesIO(data)


def _seal_signed_by(
    folder: Path, demo: DemoArchive, signers: list[Any], change: Any = None
) -> None:
    path = folder / "bundles/seal.zip"
    if change is None:
        bundle = read_bundle(path.read_bytes(), "seal")
        bundle = Bundle(bundle.manifest, bundle.manifest_bytes, bundle.files, ())
    else:
        bundle = rebuild(path.read_bytes(), "seal", change)
    path.write_bytes(sign_all(bundle, signers))


def seal_wrong_member(folder: Path, demo: DemoArchive) -> None:
    cards = [card_signer(demo, m) for m in ("presidente", "del-aph", "del-cmh-snam")]
    _seal_signed_by(folder, demo, cards)
    reseal(folder, demo.store)


def seal_forged_signature(folder: Path, demo: DemoArchive) -> None:
    path = folder / "bundles/seal.zip"
    bundle = read_bundle(path.read_bytes(), "seal")
    inph = card_signer(demo, "del-inph")
    impostor = card_signer(demo, "del-cmh-snam")
    forged = Signature(inph.key_id, "delegate", inph.algorithm, impostor.sign(bundle.signed_bytes))
    kept = (*(s for s in bundle.signatures if s.key_id != inph.key_id), forged)
    path.write_bytes(Bundle(bundle.manifest, bundle.manifest_bytes, bundle.files, kept).to_bytes())
    reseal(folder, demo.store)


def _pv_data(demo: DemoArchive, folder: Path) -> PvData:
    from tests.verify.conftest import journal_entries

    made = next(e for e in journal_entries(folder) if e.action == "pv.made")
    store = open_store(demo.store / "store")
    try:
        data = store.get_blob(made.details["data"])
    finally:
        store.close()
    return PvData.from_dict(json.loads(data))


def _resign_pv(
    folder: Path, demo: DemoArchive, pdf: bytes, signers: tuple[str, ...] = QUORUM
) -> dict[str, dict[str, Any]]:
    """Members sign ``pdf`` with their cards; the results bundle carries it; journal entries."""
    from ceremony.cards.training import TrainingCard
    from ceremony.workflow.demo import DemoPins

    journal_signatures: dict[str, dict[str, Any]] = {}
    bundle_signatures = []
    for member in signers:
        card = TrainingCard(demo.store / "cartes-entrainement" / f"{member}.card")
        signature = card.sign(pdf, DemoPins("bureau-demo", member))
        journal_signatures[member] = signature.to_dict()
        role = card.read_identity().role
        bundle_signatures.append(
            Signature(signature.key_id, role, signature.algorithm, signature.value)
        )

    def change(payload: ResultsPayload, attachments: dict[str, bytes]) -> Any:
        attachments[payload.pv.path] = pdf
        return (
            replace(
                payload, pv=ref_of(payload.pv.path, pdf), pv_signatures=tuple(bundle_signatures)
            ),
            attachments,
        )

    _results_bundle_with(folder, demo, change)
    return journal_signatures


def _journal_pv(
    pdf: bytes, signatures: dict[str, dict[str, Any]]
) -> Callable[[list[Any]], list[Any]]:
    import hashlib

    def edit(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
        out = []
        for entry in entries:
            if entry["action"] == "pv.made":
                entry["details"]["pdf"] = hashlib.sha256(pdf).hexdigest()
            if entry["action"] == "pv.signed":
                member = entry["details"]["member_id"]
                if member not in signatures:
                    continue
                entry["details"]["signature"] = signatures[member]
            out.append(entry)
        return out

    return edit


def pv_of_another_bureau(folder: Path, demo: DemoArchive) -> None:
    data = _pv_data(demo, folder)
    other = replace(
        data,
        bureau_name="Bureau de vote électronique du conseil de discipline",
        fingerprints=tuple(replace(f, value="ab" * 32) for f in data.fingerprints),
    )
    pdf = make_pv_pdf(other)
    signatures = _resign_pv(folder, demo, pdf)
    reseal(folder, demo.store, _journal_pv(pdf, signatures))


def pv_signature_missing(folder: Path, demo: DemoArchive) -> None:
    pdf = read_bundle((folder / "bundles/results.zip").read_bytes(), "results").files["pv.pdf"]
    signatures = _resign_pv(folder, demo, pdf, ("presidente", "del-aph"))
    reseal(folder, demo.store, _journal_pv(pdf, signatures))


def unsigned_edition(folder: Path, demo: DemoArchive) -> None:
    pdf = read_bundle((folder / "bundles/results.zip").read_bytes(), "results").files["pv.pdf"]
    (folder / "proces-verbal.pdf").write_bytes(pdf)
    reseal(folder, demo.store)


def other_platform_key_confirmed(folder: Path, demo: DemoArchive) -> None:
    reseal(
        folder, demo.store, _edit("platform_key.confirmed", lambda d: d.update(key_id="ab" * 32))
    )


def definition_other_key(folder: Path, demo: DemoArchive) -> None:
    path = folder / "bundles/definition.zip"
    bundle = read_bundle(path.read_bytes(), "definition")
    unsigned = Bundle(bundle.manifest, bundle.manifest_bytes, bundle.files, ())
    path.write_bytes(sign_bundle(unsigned, Ed25519Signer.generate()).to_bytes())
    reseal(folder, demo.store)


def real_election_training_cards(folder: Path, demo: DemoArchive) -> None:
    path = folder / "bundles/definition.zip"

    def change(payload: Any, attachments: dict[str, bytes]) -> Any:
        software = replace(payload.voting_software, name="belenios-server")
        return replace(payload, voting_software=software), attachments

    path.write_bytes(
        sign_all(rebuild(path.read_bytes(), "definition", change), [platform_signer()])
    )
    reseal(folder, demo.store)


def other_bureau_in_journal(folder: Path, demo: DemoArchive) -> None:
    reseal(folder, demo.store, _edit("definition.imported", lambda d: d.update(bureau_id="cd")))


def member_key_replaced(folder: Path, demo: DemoArchive) -> None:
    point = (
        ec.generate_private_key(ec.SECP256R1())
        .public_key()
        .public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    )

    def change(details: dict[str, Any]) -> None:
        if details["member_id"] == "del-aph":
            details["card"]["signature_key"]["public_key"] = point.hex()

    reseal(folder, demo.store, _edit("member.registered", change))


def partials_swapped(folder: Path, demo: DemoArchive) -> None:
    def change(payload: ResultsPayload, attachments: dict[str, bytes]) -> Any:
        first, second = payload.contests[0], payload.contests[1]
        a, b = first.partial_decryptions[1], second.partial_decryptions[1]
        attachments[a.file.path], attachments[b.file.path] = (
            attachments[b.file.path],
            attachments[a.file.path],
        )

        def fix(contest: Any) -> Any:
            partials = tuple(
                replace(p, file=ref_of(p.file.path, attachments[p.file.path]))
                for p in contest.partial_decryptions
            )
            return replace(contest, partial_decryptions=partials)

        return replace(payload, contests=tuple(fix(c) for c in payload.contests)), attachments

    _results_bundle_with(folder, demo, change)
    reseal(folder, demo.store)


def altered_test_vote(folder: Path, demo: DemoArchive) -> None:
    import hashlib

    hashes: dict[str, str] = {}

    def change(payload: SealPayload, attachments: dict[str, bytes]) -> Any:
        name = payload.test_vote.report.path
        report = json.loads(attachments[name])
        report["contests"][0]["obtained"][0] += 1
        old = attachments[name]
        attachments[name] = rfc8785.dumps(report)
        hashes[hashlib.sha256(old).hexdigest()] = hashlib.sha256(attachments[name]).hexdigest()
        vote = replace(payload.test_vote, report=ref_of(name, attachments[name]))
        return replace(payload, test_vote=vote), attachments

    _seal_signed_by(folder, demo, _quorum_cards(demo), change)
    # The journal is made to agree too: only the report's content can now refuse it.
    reseal(
        folder,
        demo.store,
        _edit("test_vote.passed", lambda d: d.update(report=hashes[d["report"]])),
    )


def trustees_altered(folder: Path, demo: DemoArchive) -> None:
    import hashlib

    path = folder / "bundles/seal.zip"
    old = read_bundle(path.read_bytes(), "seal").files["trustees.json"]
    trustees = json.loads(old)
    proof = trustees[0][1]["pok"]
    proof["response"] = str(int(proof["response"]) + 1)
    new = json.dumps(trustees, separators=(",", ":")).encode()

    def change(payload: SealPayload, attachments: dict[str, bytes]) -> Any:
        attachments["trustees.json"] = new
        return replace(payload, trustees=ref_of("trustees.json", new)), attachments

    _seal_signed_by(folder, demo, _quorum_cards(demo), change)
    table = {hashlib.sha256(old).hexdigest(): hashlib.sha256(new).hexdigest()}

    def edit(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
        for entry in entries:
            if entry["action"] == "keys.generated":
                d = entry["details"]
                d["trustees"] = table.get(d["trustees"], d["trustees"])
                d["election_key_fingerprint"] = table[d["election_key_fingerprint"]]
        return entries

    reseal(folder, demo.store, edit)


def list_order_changed(folder: Path, demo: DemoArchive) -> None:
    def change(payload: SealPayload, attachments: dict[str, bytes]) -> Any:
        first = payload.contests[0]
        lists = (first.lists[1], first.lists[0], *first.lists[2:])
        return replace(
            payload, contests=(replace(first, lists=lists), *payload.contests[1:])
        ), attachments

    _seal_signed_by(folder, demo, _quorum_cards(demo), change)
    reseal(folder, demo.store)


def decision_by_delegate(folder: Path, demo: DemoArchive) -> None:
    import hashlib

    status = parse_payload(read_bundle((folder / "bundles/status-2.zip").read_bytes(), "status"))
    assert isinstance(status, StatusPayload)
    payload = DecisionPayload(
        status.bureau_id,
        tuple(p.contest_uuid for p in status.participation),
        "suspend",
        "incident",
        status.as_of,
    )
    data = sign_all(
        make_typed_bundle(payload, {}, now=status.as_of), [card_signer(demo, "del-aph")]
    )
    (folder / "bundles/decision-1.zip").write_bytes(data)

    def edit(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
        at = next(i for i, e in enumerate(entries) if e["action"] == "status.imported") + 1
        entry = dict(entries[at])
        entry.update(
            action="decision.exported",
            actors=[],
            blobs=[hashlib.sha256(data).hexdigest()],
            details={
                "blob": hashlib.sha256(data).hexdigest(),
                "decision": "suspend",
                "reason": "incident",
            },
        )
        return [*entries[:at], entry, *entries[at:]]

    reseal(folder, demo.store, edit)


def bundle_result_differs(folder: Path, demo: DemoArchive) -> None:
    def change(payload: ResultsPayload, attachments: dict[str, bytes]) -> Any:
        contest = payload.contests[0]
        obj = json.loads(attachments[contest.result.path])
        lists = obj["contests"][0]["lists"]
        lists[0]["votes"] += 1
        lists[1]["votes"] -= 1
        attachments[contest.result.path] = rfc8785.dumps(obj)
        new = replace(contest, result=ref_of(contest.result.path, attachments[contest.result.path]))
        return replace(payload, contests=(new, *payload.contests[1:])), attachments

    _results_bundle_with(folder, demo, change)
    reseal(folder, demo.store)


def journal_count_changed(folder: Path, demo: DemoArchive) -> None:
    def change(details: dict[str, Any]) -> None:
        row = next(iter(details["results"].values()))
        row[1] += 1

    reseal(folder, demo.store, _edit("count.done", change))


def entry_after_archive(folder: Path, demo: DemoArchive) -> None:
    def edit(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
        extra = dict(entries[-1], action="recount.done", details={"results": {}, "equal": True})
        return [*entries, extra]

    reseal(folder, demo.store, edit)


def handover_replaced(folder: Path, demo: DemoArchive) -> None:
    pdf = read_bundle((folder / "bundles/results.zip").read_bytes(), "results").files["pv.pdf"]
    (folder / "remise-des-cles.pdf").write_bytes(pdf)
    reseal(folder, demo.store)


def votes_at_opening(folder: Path, demo: DemoArchive) -> None:
    path = folder / "bundles/status-1.zip"

    def change(payload: StatusPayload, attachments: dict[str, bytes]) -> Any:
        first = replace(payload.participation[0], ballots_cast=3)
        return (
            replace(payload, emargement_count=3, participation=(first, *payload.participation[1:])),
            attachments,
        )

    path.write_bytes(sign_all(rebuild(path.read_bytes(), "status", change), [platform_signer()]))
    reseal(folder, demo.store)


def emargement_twice(folder: Path, demo: DemoArchive) -> None:
    def edit(entries: list[dict[str, Any]], payload: UrnPayload) -> None:
        entries[-1]["voter"] = entries[-2]["voter"]
        entries[-1]["contest_uuid"] = entries[-2]["contest_uuid"]

    _urn_with(folder, demo, _emargement_change(edit))


def expert_after_count(folder: Path, demo: DemoArchive) -> None:
    def edit(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
        expert = next(i for i, e in enumerate(entries) if e["action"] == "expert.recorded")
        moved = entries.pop(expert)
        count = next(i for i, e in enumerate(entries) if e["action"] == "count.done")
        moved["time"] = entries[count]["time"]
        entries.insert(count + 1, moved)
        return entries

    reseal(folder, demo.store, edit)


def expert_objected(folder: Path, demo: DemoArchive) -> None:
    reseal(folder, demo.store, _edit("expert.recorded", lambda d: d.update(no_alteration=False)))


def count_without_quorum(folder: Path, demo: DemoArchive) -> None:
    def edit(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
        for entry in entries:
            if entry["action"] == "count.done":
                entry["actors"] = entry["actors"][:2]
        return entries

    reseal(folder, demo.store, edit)


def results_of_another_bureau(folder: Path, demo: DemoArchive) -> None:
    # A results bundle validly signed by the cards, but for another bureau.
    _results_bundle_with(folder, demo, lambda p, a: (replace(p, bureau_id="autre-bureau"), a))
    reseal(folder, demo.store)


MUTATIONS = [
    Mutation("definition.zip byte flipped", "archive.index", flip("bundles/definition.zip")),
    Mutation("seal.zip byte flipped", "archive.index", flip("bundles/seal.zip")),
    Mutation("status bundle byte flipped", "archive.index", flip("bundles/status-2.zip")),
    Mutation("urn.zip byte flipped", "archive.index", flip("bundles/urn.zip")),
    Mutation("results.zip byte flipped", "archive.index", flip("bundles/results.zip")),
    Mutation(".bel byte flipped", "archive.index", flip("*.bel")),
    Mutation("signed PV byte flipped", "archive.index", flip("proces-verbal.pdf")),
    Mutation("hand-over byte flipped", "archive.index", flip("remise-des-cles.pdf")),
    Mutation("results.json byte flipped", "archive.index", flip("results.json")),
    Mutation("journal byte flipped", "journal.chain", flip(JOURNAL)),
    Mutation("index rewritten", "journal.archive_entry", reformat_index),
    Mutation("file added", "archive.coverage", add_file),
    Mutation("status bundle removed", "archive.index", remove_status),
    Mutation("journal entry dropped", "journal.chain", drop_entry),
    Mutation("journal entries reordered", "journal.chain", swap_entries),
    Mutation("journal checkpoint dropped", "journal.chain", drop_checkpoint),
    Mutation("journal truncated", "journal.chain", truncate_journal),
    Mutation("figure changed in results.json", "count.results", change_figure),
    Mutation("seat moved (results and bundle re-signed)", "seats.recomputed", move_seat),
    Mutation("two scrutins' archives swapped", "count.archives", swap_bels),
    Mutation("status bundle replayed", "vote.status", replay_status),
    Mutation("urn with one ballot more than émargements", "urn.emargement", one_ballot_more),
    Mutation("vote after closing plus grace", "urn.emargement", late_vote),
    Mutation("voter emarged twice", "urn.emargement", emargement_twice),
    Mutation("urn signed by another key", "urn.bundle", urn_wrong_key),
    Mutation("ballot after the urn was closed", "urn.setup", urn_ballot_after_close),
    Mutation("seal signed by the wrong member", "seal.signatures", seal_wrong_member),
    Mutation("seal signature forged by another card", "seal.signatures", seal_forged_signature),
    Mutation("PV of another bureau, validly signed", "pv.content", pv_of_another_bureau),
    Mutation("PV not signed by a member present", "pv.signatures", pv_signature_missing),
    Mutation("unsigned PV as signed edition", "pv.signed_edition", unsigned_edition),
    Mutation(
        "another platform key confirmed", "definition.platform_key", other_platform_key_confirmed
    ),
    Mutation("definition signed by another key", "definition.platform_key", definition_other_key),
    Mutation("training cards in a real election", "members.cards", real_election_training_cards),
    Mutation("journal names another bureau", "definition.record", other_bureau_in_journal),
    Mutation("member card key replaced in the journal", "seal.signatures", member_key_replaced),
    Mutation("partial decryptions swapped", "count.partial_decryptions", partials_swapped),
    Mutation("test vote result altered (seal re-signed)", "test_vote.report", altered_test_vote),
    Mutation("trustee proof altered (seal re-signed)", "keys.trustees", trustees_altered),
    Mutation("list order changed (seal re-signed)", "seal.manifest", list_order_changed),
    Mutation("decision signed by a delegate", "vote.decisions", decision_by_delegate),
    Mutation("results bundle figure differs", "count.results", bundle_result_differs),
    Mutation("count figures changed in the journal", "count.results", journal_count_changed),
    Mutation("journal entry after archiving", "journal.archive_entry", entry_after_archive),
    Mutation("hand-over list replaced", "handover.cards", handover_replaced),
    Mutation("votes in the urn at opening", "vote.status", votes_at_opening),
    Mutation("expert's conclusion moved after the count", "journal.chain", expert_after_count),
    Mutation("expert objected, urn opened anyway", "expert.conclusion", expert_objected),
    Mutation("urn opened without a quorum", "count.partial_decryptions", count_without_quorum),
    Mutation("results bundle of another bureau", "results.bundle", results_of_another_bureau),
]


def test_corpus_is_large_and_distinct() -> None:
    assert len(MUTATIONS) >= 30
    assert len({m.name for m in MUTATIONS}) == len(MUTATIONS)
    assert len({m.apply for m in MUTATIONS}) >= 30


def _failed(report: VerificationReport) -> list[str]:
    return [c.name for c in report.failed_checks()]


@pytest.mark.parametrize("mutation", MUTATIONS, ids=[m.name for m in MUTATIONS])
def test_mutation_is_rejected_by_its_step(
    mutation: Mutation,
    archive: Path,
    demo_archive: DemoArchive,
    verify: Callable[[Path], VerificationReport],
) -> None:
    mutation.apply(archive, demo_archive)
    report = verify(archive)
    assert not report.passed
    assert mutation.step in _failed(report), (mutation.step, _failed(report), report.to_text())
    failed = report.check(mutation.step)
    assert failed.error.endswith("Error") and failed.reason_fr
    print(f"{mutation.name}: {_failed(report)} — {failed.error}: {failed.reason_en}")


def test_forged_signed_pv_with_other_figures_is_named_as_such(
    archive: Path, demo_archive: DemoArchive, verify: Callable[[Path], VerificationReport]
) -> None:
    data = _pv_data(demo_archive, archive)
    first = data.results[0]
    forged = replace(
        data, results=(replace(first, registered=first.registered + 7), *data.results[1:])
    )
    pdf = make_pv_pdf(forged)
    reseal(archive, demo_archive.store, _journal_pv(pdf, _resign_pv(archive, demo_archive, pdf)))
    report = verify(archive)
    failed = report.check("pv.content")
    assert failed.error == "PvContentError", report.to_text()
    # The cause is the figures, spelt out; not a missing hash or missing signers.
    reason = failed.reason_fr.replace("\u00a0", " ")
    assert "absents de le procès-verbal signé" not in reason
    # Plural agreed with the count (two figures differ here), never "(s)".
    assert "2 chiffres vérifiés absents du procès-verbal signé" in reason
    assert f"Électeurs inscrits : {format_int(first.registered)}" in failed.reason_fr
    assert "mentions absentes" not in failed.reason_fr


def test_swapped_contest_archives_say_which_election_each_file_holds(
    archive: Path, demo_archive: DemoArchive, verify: Callable[[Path], VerificationReport]
) -> None:
    swap_bels(archive, demo_archive)
    report = verify(archive)
    failed = [c for c in report.failed_checks() if c.name.endswith(".contest")]
    assert len(failed) == 2, report.to_text()
    for check in failed:
        assert check.error == "ContestFileMismatchError"
        assert "contient l'élection" in check.reason_fr and "celle du scrutin" in check.reason_fr


def test_one_digit_changed_in_the_index_blames_the_index_not_the_file(
    archive: Path, verify: Callable[[Path], VerificationReport]
) -> None:
    index = json.loads((archive / INDEX).read_bytes())
    digest = index["files"]["remise-des-cles.pdf"]
    index["files"]["remise-des-cles.pdf"] = (
        digest[:10] + ("1" if digest[10] != "1" else "2") + (digest[11:])
    )
    (archive / INDEX).write_text(json.dumps(index, indent=1, sort_keys=True))
    report = verify(archive)
    failed = report.check("archive.index")
    assert failed.error == "ArchiveIndexError"
    assert "c'est archive.json lui-même qui a été modifié" in failed.reason_fr
    assert "remise-des-cles.pdf" in failed.reason_fr
    assert "modifié(s) ou remplacé(s)" not in failed.reason_fr
