"""Sample keys, payloads and bundles of every type for the bundle tests.

Keys are made once per process (RSA generation is the slow part). The Belenios
files are opaque to the bundle layer, so small stand-in bytes are enough here;
the protocol core's tests use real belenios-tool output.
"""

from __future__ import annotations

import base64
import hashlib
import io
import stat
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import cache

from ceremony.bundles.canonical import exchange_bytes
from ceremony.bundles.envelope import Bundle, Signature, sign_bundle
from ceremony.bundles.importer import ImportContext
from ceremony.bundles.keys import EcdsaSigner, Ed25519Signer, RsaSigner, Signer
from ceremony.bundles.manifest import Manifest
from ceremony.bundles.payloads.common import (
    FileRef,
    Intervention,
    MemberKey,
    SoftwareFingerprint,
)
from ceremony.bundles.payloads.decision import DecisionPayload
from ceremony.bundles.payloads.definition import (
    BureauDefinition,
    Candidate,
    CandidateList,
    Contest,
    DefinitionPayload,
    Electors,
    Member,
    Schedule,
    SeatRule,
    UnionShare,
)
from ceremony.bundles.payloads.results import ContestResult, PartialDecryption, ResultsPayload
from ceremony.bundles.payloads.seal import SealPayload, TestVote, compute_sealed_contest
from ceremony.bundles.payloads.status import Participation, StatusPayload
from ceremony.bundles.payloads.urn import ClosedContest, UrnPayload
from ceremony.bundles.schema import PARIS
from ceremony.bundles.types import AnyPayload, make_typed_bundle

NOW = datetime(2024, 12, 3, 10, 0, 0, tzinfo=UTC)
BUREAU = "csn"
CONTESTS = ("5HAm8SgsV5Ww3P", "7Yt2b3c4d5e6f7")
DEFINITION_ID = "00000000-0000-4000-8000-000000000001"
OPENING = datetime(2024, 12, 2, 9, 0, tzinfo=PARIS)
CLOSING = datetime(2024, 12, 9, 17, 0, tzinfo=PARIS)
SOFTWARE = SoftwareFingerprint("belenios-server", "2.0", "ab" * 32)
OURS = SoftwareFingerprint("bureau", "0.1.0", "cd" * 32)


@dataclass(frozen=True)
class Keys:
    platform: Ed25519Signer
    president: EcdsaSigner
    secretary: EcdsaSigner
    delegates: tuple[EcdsaSigner | RsaSigner, ...]

    @property
    def members(self) -> tuple[MemberKey, ...]:
        keys = [
            MemberKey("president", "president", self.president.public_key),
            MemberKey("secretary", "secretary", self.secretary.public_key),
        ]
        keys += [
            MemberKey(f"delegate{i + 1}", "delegate", d.public_key)
            for i, d in enumerate(self.delegates)
        ]
        return tuple(keys)


@cache
def keys() -> Keys:
    return Keys(
        platform=Ed25519Signer.from_seed(bytes(range(32))),
        president=EcdsaSigner.generate("president"),
        secretary=EcdsaSigner.generate("secretary"),
        delegates=(
            EcdsaSigner.generate("delegate"),
            RsaSigner.generate("delegate"),
            EcdsaSigner.generate("delegate"),
        ),
    )


def fingerprint(election: bytes) -> str:
    return base64.b64encode(hashlib.sha256(election).digest()).decode().rstrip("=")


def election_bytes(uuid: str) -> bytes:
    return exchange_bytes({"uuid": uuid, "version": 1, "note": "opaque to the bundle layer"})


ELECTIONS = {uuid: election_bytes(uuid) for uuid in CONTESTS}
FINGERPRINTS = {uuid: fingerprint(e) for uuid, e in ELECTIONS.items()}


def definition_payload() -> tuple[DefinitionPayload, dict[str, bytes]]:
    files = {
        "files/manifesto-l1.pdf": b"%PDF-1.4 profession de foi L1",
        "files/logo-l1.png": b"\x89PNG logo L1",
        "files/manifesto-l2.pdf": b"%PDF-1.4 profession de foi L2",
    }
    contests = []
    for n, uuid in enumerate(CONTESTS):
        creds = f"credentials/{uuid}.json"
        files[creds] = exchange_bytes([f"cred-{uuid}-{i}" for i in range(3)])
        lists = (
            CandidateList(
                "l1",
                "Liste commune A–B",
                (UnionShare("Syndicat A", 1), UnionShare("Syndicat B", 1)),
                (Candidate("Dr Anne Martin", "F"), Candidate("Dr Paul Durand", "M")),
                FileRef.of("files/manifesto-l1.pdf", files["files/manifesto-l1.pdf"]),
                FileRef.of("files/logo-l1.png", files["files/logo-l1.png"]),
            ),
            CandidateList(
                "l2",
                "Liste C",
                (UnionShare("Syndicat C", 1),),
                (Candidate("Dr Léa Petit", "F"),),
                FileRef.of("files/manifesto-l2.pdf", files["files/manifesto-l2.pdf"]),
                None,
            ),
        )
        contests.append(
            Contest(
                uuid,
                f"CSN collège {n + 1}",
                seats=3,
                seat_rule=SeatRule("quotient_highest_average", ("most_votes", "drawing_of_lots")),
                lists=lists,
                electors=Electors(
                    1000 + n,
                    hashlib.sha256(b"electors").hexdigest(),
                    FileRef.of(creds, files[creds]),
                ),
            )
        )
    members = (
        Member("president", "Mme la présidente", "president", ()),
        Member("secretary", "M. le secrétaire", "secretary", ()),
        Member("delegate1", "Délégué 1", "delegate", ("l1",)),
        Member("delegate2", "Délégué 2", "delegate", ("l2",)),
        Member("delegate3", "Délégué 3", "delegate", ("l1",)),
    )
    bureau = BureauDefinition(
        BUREAU, "Bureau CSN", 2, Schedule(OPENING, CLOSING, 20), members, tuple(contests)
    )
    payload = DefinitionPayload("Élections 2024", (bureau,), keys().platform.public_key, SOFTWARE)
    return payload, files


def seal_payload() -> tuple[SealPayload, dict[str, bytes]]:
    definition, _ = definition_payload()
    bureau = definition.bureau(BUREAU)
    files = {"trustees.json": exchange_bytes([["Single", {}], ["Pedersen", {}]])}
    files["test-vote.json"] = exchange_bytes({"expected": [1, 0], "obtained": [1, 0]})
    sealed = []
    for contest in bureau.contests:
        path = f"elections/{contest.contest_uuid}.json"
        files[path] = ELECTIONS[contest.contest_uuid]
        sealed.append(
            compute_sealed_contest(
                contest, FileRef.of(path, files[path]), FINGERPRINTS[contest.contest_uuid]
            )
        )
    payload = SealPayload(
        BUREAU,
        DEFINITION_ID,
        tuple(sealed),
        bureau.schedule,
        SOFTWARE,
        OURS,
        FileRef.of("trustees.json", files["trustees.json"]),
        keys().members,
        TestVote(True, FileRef.of("test-vote.json", files["test-vote.json"])),
    )
    return payload, files


def status_payload(sequence: int = 1, minute: int = 0) -> tuple[StatusPayload, dict[str, bytes]]:
    return (
        StatusPayload(
            BUREAU,
            sequence,
            NOW.replace(minute=minute),
            "open",
            tuple(Participation(uuid, 1000, 280) for uuid in CONTESTS),
            560,
            (Intervention(NOW, "opérateur", "Redémarrage du frontal"),),
        ),
        {},
    )


def decision_payload() -> tuple[DecisionPayload, dict[str, bytes]]:
    return DecisionPayload(BUREAU, CONTESTS, "suspend", "Panne signalée", NOW), {}


def urn_payload() -> tuple[UrnPayload, dict[str, bytes]]:
    files = {"emargement.json": exchange_bytes(["voter-1", "voter-2"])}
    closed = []
    for uuid in CONTESTS:
        path = f"urns/{uuid}.bel"
        files[path] = b"tar archive of " + uuid.encode()
        closed.append(
            ClosedContest(
                uuid,
                FileRef.of(path, files[path]),
                FINGERPRINTS[uuid],
                CLOSING,
                datetime(2024, 12, 9, 16, 20, tzinfo=UTC),
                2,
            )
        )
    payload = UrnPayload(
        BUREAU, tuple(closed), FileRef.of("emargement.json", files["emargement.json"]), ()
    )
    return payload, files


def results_payload(pv_signers: tuple[Signer, ...] = ()) -> tuple[ResultsPayload, dict[str, bytes]]:
    files = {"pv.pdf": b"%PDF-1.4 proces-verbal"}
    contests = []
    for uuid in CONTESTS:
        files[f"results/{uuid}.json"] = exchange_bytes({"result": [[3, 1]]})
        partials = []
        for member in ("president", "delegate1", "delegate2"):
            path = f"partials/{uuid}-{member}.json"
            files[path] = exchange_bytes({"member": member, "uuid": uuid})
            partials.append(PartialDecryption(member, FileRef.of(path, files[path])))
        contests.append(
            ContestResult(
                uuid,
                FINGERPRINTS[uuid],
                FileRef.of(f"results/{uuid}.json", files[f"results/{uuid}.json"]),
                tuple(partials),
            )
        )
    signatures = tuple(
        Signature(s.key_id, s.role, s.algorithm, s.sign(files["pv.pdf"])) for s in pv_signers
    )
    payload = ResultsPayload(
        BUREAU, tuple(contests), FileRef.of("pv.pdf", files["pv.pdf"]), signatures
    )
    return payload, files


def quorum_signers() -> tuple[Signer, ...]:
    k = keys()
    return (k.president, k.delegates[0], k.delegates[1])


def signers_for(bundle_type: str) -> tuple[Signer, ...]:
    if bundle_type in {"definition", "status", "urn"}:
        return (keys().platform,)
    if bundle_type == "decision":
        return (keys().president,)
    return quorum_signers()


def sample(bundle_type: str) -> tuple[AnyPayload, dict[str, bytes]]:
    makers = {
        "definition": definition_payload,
        "seal": seal_payload,
        "status": status_payload,
        "decision": decision_payload,
        "urn": urn_payload,
        "results": lambda: results_payload(quorum_signers()),
    }
    return makers[bundle_type]()  # type: ignore[no-any-return]


def signed_bundle(bundle_type: str, *, bundle_id: str | None = None) -> Bundle:
    payload, files = sample(bundle_type)
    bundle = make_typed_bundle(payload, files, now=NOW, bundle_id=bundle_id)
    for signer in signers_for(bundle_type):
        bundle = sign_bundle(bundle, signer)
    return bundle


def context_for(bundle_type: str) -> ImportContext:
    """What a bureau (or, for seal/decision/results, the platform) has pinned."""
    k = keys()
    if bundle_type == "definition":
        return ImportContext(bureau_id=BUREAU, platform_key=k.platform.public_key)
    return ImportContext(
        bureau_id=BUREAU,
        platform_key=k.platform.public_key,
        member_keys=k.members,
        delegate_quorum=2,
        contest_uuids=CONTESTS,
        election_fingerprints=FINGERPRINTS if bundle_type in {"urn", "results"} else {},
    )


def resign(bundle: Bundle, signers: tuple[Signer, ...], manifest_dict: dict[str, object]) -> Bundle:
    """A bundle whose manifest is replaced by ``manifest_dict`` and signed again.

    Used to reach the checks after the signatures with a validly signed lie.
    """
    manifest_bytes = exchange_bytes(manifest_dict)
    manifest = Manifest.from_dict(manifest_dict)
    fresh = Bundle(manifest, manifest_bytes, bundle.files)
    for signer in signers:
        fresh = sign_bundle(fresh, signer)
    return fresh


def with_files(bundle: Bundle, files: Mapping[str, bytes], signers: tuple[Signer, ...]) -> Bundle:
    """Replace the payload files, rewrite the manifest's file list to match, re-sign."""
    from ceremony.bundles.envelope import file_entry

    manifest = replace(bundle.manifest, files=tuple(file_entry(p, files[p]) for p in sorted(files)))
    fresh = Bundle(manifest, exchange_bytes(manifest.to_dict()), dict(files))
    for signer in signers:
        fresh = sign_bundle(fresh, signer)
    return fresh


def raw_zip(entries: list[tuple[str, bytes]], *, symlink: str | None = None) -> bytes:
    """A zip written without our checks (duplicates, hostile names, symlinks)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.create_system = 3
            mode = stat.S_IFLNK if name == symlink else stat.S_IFREG
            info.external_attr = (mode | 0o644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content)
    return buffer.getvalue()


def entries_of(bundle: Bundle) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(bundle.to_bytes())) as archive:
        return [(name, archive.read(name)) for name in archive.namelist()]
