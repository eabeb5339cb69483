"""The procès-verbal (PDF) and the key hand-over list.

Public API: :func:`ceremony.report.pv.make_pv_pdf` (``PvData`` -> PDF bytes),
:func:`ceremony.report.pv.compute_pv_sha256` (the hash members sign),
:func:`ceremony.report.handover.make_handover_pdf` (``HandoverData`` -> PDF bytes).
"""

from ceremony.report.handover import HandoverData, KeyCard, compute_keep_until, make_handover_pdf
from ceremony.report.model import Fingerprint, Member, MemberSignature, PvData, PvEvent, Session
from ceremony.report.pv import compute_fingerprint_text, compute_pv_sha256, make_pv_pdf

__all__ = [
    "Fingerprint",
    "HandoverData",
    "KeyCard",
    "Member",
    "MemberSignature",
    "PvData",
    "PvEvent",
    "Session",
    "compute_fingerprint_text",
    "compute_keep_until",
    "compute_pv_sha256",
    "make_handover_pdf",
    "make_pv_pdf",
]
