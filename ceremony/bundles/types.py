"""The six bundle types: payload file name, payload model, and typed building."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, Final

from ceremony.bundles.envelope import Bundle, make_bundle
from ceremony.bundles.errors import PayloadBuildError
from ceremony.bundles.manifest import BundleType
from ceremony.bundles.payloads import decision, definition, results, seal, status, urn
from ceremony.bundles.payloads.common import Payload
from ceremony.bundles.payloads.decision import DecisionPayload
from ceremony.bundles.payloads.definition import DefinitionPayload
from ceremony.bundles.payloads.results import ResultsPayload
from ceremony.bundles.payloads.seal import SealPayload
from ceremony.bundles.payloads.status import StatusPayload
from ceremony.bundles.payloads.urn import UrnPayload

AnyPayload = (
    DefinitionPayload | SealPayload | StatusPayload | DecisionPayload | UrnPayload | ResultsPayload
)

PAYLOAD_TYPES: Final[dict[BundleType, tuple[str, Callable[[Any], AnyPayload]]]] = {
    "definition": (definition.PAYLOAD_NAME, DefinitionPayload.from_dict),
    "seal": (seal.PAYLOAD_NAME, SealPayload.from_dict),
    "status": (status.PAYLOAD_NAME, StatusPayload.from_dict),
    "decision": (decision.PAYLOAD_NAME, DecisionPayload.from_dict),
    "urn": (urn.PAYLOAD_NAME, UrnPayload.from_dict),
    "results": (results.PAYLOAD_NAME, ResultsPayload.from_dict),
}

_TYPE_OF: Final[dict[type, BundleType]] = {
    DefinitionPayload: "definition",
    SealPayload: "seal",
    StatusPayload: "status",
    DecisionPayload: "decision",
    UrnPayload: "urn",
    ResultsPayload: "results",
}


def bundle_type_of(payload: Payload) -> BundleType:
    try:
        return _TYPE_OF[type(payload)]
    except KeyError as exc:
        raise PayloadBuildError(f"{type(payload).__name__} is not a bundle payload") from exc


def election_fingerprints_of(payload: Payload) -> dict[str, str]:
    if isinstance(payload, SealPayload | UrnPayload | ResultsPayload):
        return payload.election_fingerprints()
    return {}


def make_typed_bundle(
    payload: AnyPayload,
    attachments: Mapping[str, bytes],
    *,
    now: datetime,
    bundle_id: str | None = None,
) -> Bundle:
    """An unsigned bundle of ``payload``'s type; ids come from the payload.

    ``attachments`` must be exactly the files the payload references, with the
    hashes and sizes it states (same content may be referenced several times).
    """
    refs = {ref.path: ref for ref in payload.file_refs()}
    if set(refs) != set(attachments):
        raise PayloadBuildError(
            f"attachments {sorted(set(attachments) ^ set(refs))[:5]} not matched by references"
        )
    bundle_type = bundle_type_of(payload)
    payload_name, _ = PAYLOAD_TYPES[bundle_type]
    bundle = make_bundle(
        bundle_type=bundle_type,
        payload_name=payload_name,
        payload=payload.to_dict(),
        attachments=attachments,
        bureau_ids=payload.bureau_ids(),
        contest_uuids=payload.contest_uuids(),
        election_fingerprints=election_fingerprints_of(payload),
        now=now,
        bundle_id=bundle_id,
    )
    # The manifest hashed every attachment once (streaming); compare with the references.
    for ref in payload.file_refs():
        if not ref.matches(bundle.manifest.file(ref.path)):
            raise PayloadBuildError(f"attachment {ref.path!r} differs from its reference")
    return bundle
