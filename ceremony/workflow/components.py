"""Art. 15, before the opening: the components the expert reviewed are unchanged.

The platform's status reports the SHA-256 of the voting software in service; the
bureau compares it with the software named in the definition and fixed by the seal.
"""

from __future__ import annotations

from ceremony.bundles.payloads.status import StatusPayload
from ceremony.workflow.errors import ComponentsChangedError


def check_running_software(status: StatusPayload, sealed_sha256: str) -> None:
    """Refuse a status whose voting software in service is not the sealed one."""
    running = status.voting_software_sha256
    if running is not None and running != sealed_sha256:
        raise ComponentsChangedError(
            f"status {status.sequence}: voting software {running}, sealed {sealed_sha256}"
        )
