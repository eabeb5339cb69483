"""The recount report as a signed bundle (``recount.zip``), the ceremony's own envelope.

Same manifest + files + signatures envelope as the other bundles
(:mod:`ceremony.bundles.envelope`), type ``recount`` (an annex type, never
imported in a store):

- payload ``recount.json``: the recount document (format ``bureau-recount/1``),
  whose ``original`` names the original archive by the SHA-256 of its
  ``archive.json`` and its journal head (its fingerprint), and the bureau;
- ``recompte.pdf``: the annex to the PV;
- ``signatures.json``: every card used at the recount signs the manifest (whose
  hashes bind both files). The signers must be members registered in the
  original archive and form a legal quorum (:mod:`ceremony.verify.recount`).

``bureau verify recount.zip [--original ARCHIVE_DIR]`` checks it on its own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, Final

from ceremony.bundles.envelope import Bundle, make_bundle, sign_bundle
from ceremony.bundles.keys import Signer

BUNDLE_TYPE: Final = "recount"
BUNDLE_FILE: Final = "recount.zip"
PAYLOAD_NAME: Final = "recount.json"
PDF_NAME: Final = "recompte.pdf"


def make_recount_bundle(
    document: Mapping[str, Any],
    pdf: bytes,
    *,
    bureau_id: str,
    election_fingerprints: Mapping[str, str],
    now: datetime,
    signers: Sequence[Signer],
) -> Bundle:
    """The recount bundle, signed by each of ``signers`` (the cards used) in turn."""
    contests = tuple(sorted(document["results"]))
    bundle = make_bundle(
        bundle_type=BUNDLE_TYPE,
        payload_name=PAYLOAD_NAME,
        payload=dict(document),
        attachments={PDF_NAME: pdf},
        bureau_ids=(bureau_id,),
        contest_uuids=contests,
        election_fingerprints={u: f for u, f in election_fingerprints.items() if u in contests},
        now=now,
    )
    for signer in signers:
        bundle = sign_bundle(bundle, signer)
    return bundle
