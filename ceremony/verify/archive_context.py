"""What the archive verification steps share: the folder, safe file access, facts.

Each step reads what it checks from the folder and records what it
established as a *fact* (the verified definition, the pinned member keys,
...). A later step asks for the facts it builds on with :meth:`ArchiveContext.need`;
when the step that should have established one failed, the later step is
reported as not run rather than failing again for the same cause.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Final

from ceremony.verify.archive_errors import (
    ArchiveFileError,
    MalformedContentError,
    PrerequisiteFailedError,
)

INDEX_FILE: Final = "archive.json"
JOURNAL_FILE: Final = "journal.jsonl"
REPORT_TEXT_FILE: Final = "rapport-de-verification.txt"
REPORT_JSON_FILE: Final = "verification-report.json"
REPORT_FILES: Final = frozenset({REPORT_TEXT_FILE, REPORT_JSON_FILE})
INDEX_FORMAT: Final = "bureau-archive/1"
MAX_SMALL_FILE: Final = 256 << 20
"""Files read whole (JSON, PDF, journal); `.bel` files and bundles are streamed."""
_CHUNK: Final = 1 << 20


def check_name(name: str) -> str:
    """``name`` if it is a plain relative path inside the archive, else a named error."""
    path = PurePosixPath(name)
    if (
        not name
        or "\\" in name
        or "\0" in name
        or path.is_absolute()
        or any(part in {"", ".", ".."} for part in name.split("/"))
    ):
        raise ArchiveFileError(f"{name!r} is not a file name inside the archive")
    return name


def sha256_file(path: Path) -> str:
    """SHA-256 of a file, streamed."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def parse_json_object(data: bytes, what: str) -> dict[str, Any]:
    """A JSON object, or :class:`MalformedContentError`."""
    try:
        value = json.loads(data)
    except (UnicodeDecodeError, ValueError, RecursionError) as e:
        raise MalformedContentError(f"{what} is not JSON: {e}") from e
    if not isinstance(value, dict):
        raise MalformedContentError(f"{what} is not a JSON object")
    return value


@dataclass
class ArchiveContext:
    """The archive being verified and the facts established so far."""

    folder: Path
    workers: int | None = None
    progress: Callable[[str], None] = field(default=lambda _message: None)
    facts: dict[str, Any] = field(default_factory=dict)
    belenios_audit: Callable[[Path, Path | None, Any], Any] | None = None
    """Audits one `.bel` against its urn (default: ``verify_belenios``)."""
    scratch: Path | None = None
    """A private temporary folder (for the urns extracted from their bundle)."""

    def path(self, name: str) -> Path:
        """The file ``name`` of the archive: a regular file, no link, inside the folder."""
        path = self.folder / check_name(name)
        current = self.folder
        for part in PurePosixPath(name).parts:
            current = current / part
            if current.is_symlink():
                raise ArchiveFileError(f"{name}: symbolic links are not allowed in an archive")
        if not path.is_file():
            raise ArchiveFileError(f"{name}: no such file in the archive")
        return path

    def read(self, name: str, limit: int = MAX_SMALL_FILE) -> bytes:
        """The bytes of a small file of the archive."""
        path = self.path(name)
        size = path.stat().st_size
        if size > limit:
            raise ArchiveFileError(f"{name}: {size} bytes, over the {limit} bytes read whole")
        return path.read_bytes()

    def files_on_disk(self) -> set[str]:
        """Every file under the folder, relative, with ``/`` separators."""
        found: set[str] = set()
        for root, dirs, files in os.walk(self.folder, followlinks=False):
            base = Path(root).relative_to(self.folder)
            for name in files + [d for d in dirs if (Path(root) / d).is_symlink()]:
                found.add((base / name).as_posix())
        return found

    def provide(self, key: str, value: Any) -> None:
        self.facts[key] = value

    def need(self, key: str) -> Any:
        """A fact an earlier step established; PrerequisiteFailedError if it could not."""
        if key not in self.facts:
            raise PrerequisiteFailedError(key, user_message=FACT_LABELS.get(key, key))
        return self.facts[key]


FACT_LABELS: Final[dict[str, str]] = {
    "index": "l'index du dossier",
    "index_sha256": "l'index du dossier",
    "journal": "le journal",
    "state": "le journal",
    "definition_bundle": "la définition signée",
    "platform_key": "la clé de la plateforme",
    "definition": "la définition du bureau",
    "bureau": "la définition du bureau",
    "members": "les cartes des membres",
    "member_keys": "les cartes des membres",
    "seal": "le scellement signé",
    "seal_sha256": "le scellement signé",
    "group": "les clés des garants",
    "trustees": "les clés des garants",
    "trustees_sha256": "les clés des garants",
    "delegate_order": "les clés des garants",
    "elections": "les élections scellées",
    "election_bytes": "les élections scellées",
    "statuses": "les bulletins d'état",
    "urn": "l'urne signée",
    "urn_bels": "les urnes conformes au scellement",
    "audits": "l'audit des archives",
    "bel_partials": "les archives finales",
    "results_bundle": "le paquet des résultats",
    "figures": "les résultats vérifiés",
    "pv": "le procès-verbal signé",
    "pv_signers": "le procès-verbal signé",
}
"""What each fact is, in French, for the line of a step that could not run."""
