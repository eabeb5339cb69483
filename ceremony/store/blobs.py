"""Content-addressed files: a blob's name is the SHA-256 of its bytes.

Writes go to a temporary file, are fsynced, then renamed into place (rename is
atomic), so a crash leaves either no file or the whole file. Reads re-hash the
bytes: a file changed on disk is a named error, never silently returned.
Large artefacts (an urn of a million ballots) go through the file variants,
which stream in chunks instead of holding the whole blob in memory.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from ceremony.store.errors import BlobIntegrityError, BlobNotFoundError

_HEX64 = re.compile(r"[0-9a-f]{64}")
CHUNK = 1 << 20


def compute_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class BlobDirectory:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._tmp = root / "tmp"

    def prepare(self) -> None:
        """Create the folders; drop temporaries a crash may have left behind.

        Only safe while holding the store lock (no other writer exists).
        """
        self._tmp.mkdir(parents=True, exist_ok=True)
        for leftover in self._tmp.iterdir():
            leftover.unlink()

    def path_for(self, sha256: str) -> Path:
        if not _HEX64.fullmatch(sha256):
            raise BlobNotFoundError(f"{sha256!r} is not a lowercase SHA-256 hex digest")
        return self.root / sha256[:2] / sha256

    def write(self, data: bytes) -> tuple[str, bool]:
        """Store ``data``; return its hash and whether the file was new."""
        return self._write_chunks([data])

    def write_file(self, source: Path) -> tuple[str, bool]:
        """Store a copy of the file at ``source``, streamed."""
        with source.open("rb") as handle:
            return self._write_chunks(iter(lambda: handle.read(CHUNK), b""))

    def read(self, sha256: str) -> bytes:
        path = self.path_for(sha256)
        data = self._open(sha256, path).read()
        _check(sha256, compute_sha256(data), path)
        return data

    def verified_path(self, sha256: str) -> Path:
        """The file of ``sha256`` after re-hashing it in chunks (for large blobs)."""
        path = self.path_for(sha256)
        digest = hashlib.sha256()
        with self._open(sha256, path) as handle:
            for chunk in iter(lambda: handle.read(CHUNK), b""):
                digest.update(chunk)
        _check(sha256, digest.hexdigest(), path)
        return path

    def discard(self, sha256: str) -> None:
        """Remove a file no committed record points at (rollback of a new blob).

        Best effort: a file left behind has no record, so the store ignores it.
        """
        path = self.path_for(sha256)
        with contextlib.suppress(OSError):
            path.chmod(0o600)  # Windows refuses to delete a read-only file
            path.unlink()

    def _open(self, sha256: str, path: Path) -> BinaryIO:
        try:
            return path.open("rb")
        except FileNotFoundError as error:
            raise BlobNotFoundError(f"blob {sha256} has no file at {path}") from error

    def _write_chunks(self, chunks: Iterable[bytes]) -> tuple[str, bool]:
        digest = hashlib.sha256()
        fd, temporary = tempfile.mkstemp(dir=self._tmp, suffix=".part")
        try:
            with os.fdopen(fd, "wb") as handle:
                for chunk in chunks:
                    digest.update(chunk)
                    handle.write(chunk)
                handle.flush()
                os.fsync(handle.fileno())
            sha256 = digest.hexdigest()
            final = self.path_for(sha256)
            if final.exists():
                # Idempotent, but never on top of a damaged copy.
                self.verified_path(sha256)
                Path(temporary).unlink()
                return sha256, False
            final.parent.mkdir(exist_ok=True)
            os.chmod(temporary, 0o444)
            os.replace(temporary, final)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        _fsync_directory(final.parent)
        return sha256, True


def _check(sha256: str, found: str, path: Path) -> None:
    if found != sha256:
        raise BlobIntegrityError(f"blob {sha256} now hashes to {found} ({path})")


def _fsync_directory(folder: Path) -> None:
    # The rename itself must reach the disk; Windows has no directory fsync.
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
