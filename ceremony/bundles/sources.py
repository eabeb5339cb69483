"""Payload files that stay on disk: large urns without holding them in memory.

A bundle's ``files`` is a ``Mapping[str, bytes]``. For a 100,000-ballot urn the
``.bel`` archives are too large to hold, so two mappings keep them on disk and
stream them instead (both still answer ``files[name]`` with the whole bytes,
for small files and for old callers):

- :class:`DiskFiles`: files to put into a bundle, by path on disk;
- :class:`ZipFiles`: the files of a bundle zip on disk, read through
  :meth:`ZipFiles.open`, which **re-checks the signed SHA-256 and size while
  streaming** and raises :class:`FileIntegrityError` at the end if they
  differ — removable media can change between the import and the read.

:func:`open_file` and :func:`digest_file` work on any mapping, in chunks.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from abc import abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Final

from ceremony.bundles.errors import FileIntegrityError, UnlistedFileError, ZipSanityError
from ceremony.bundles.manifest import FileEntry
from ceremony.bundles.zipio import ZIP_ERRORS

CHUNK: Final = 1 << 20


class StreamedFiles(Mapping[str, bytes]):
    """A mapping of payload files that can also be streamed."""

    @abstractmethod
    def open(self, name: str) -> IO[bytes]: ...

    @abstractmethod
    def size(self, name: str) -> int: ...

    def __getitem__(self, name: str) -> bytes:
        with self.open(name) as stream:
            return stream.read()


class DiskFiles(StreamedFiles):
    """Bundle files given by their path on disk (read when the bundle is made or written)."""

    def __init__(self, paths: Mapping[str, Path]) -> None:
        self._paths = dict(paths)

    def __contains__(self, name: object) -> bool:
        return name in self._paths

    def open(self, name: str) -> IO[bytes]:
        return self._paths[name].open("rb")

    def size(self, name: str) -> int:
        return self._paths[name].stat().st_size

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)


class _VerifyingReader(io.RawIOBase):
    """Streams one zip entry and checks its signed hash and size at the end."""

    def __init__(self, archive: zipfile.ZipFile, entry: FileEntry) -> None:
        self._archive = archive
        self._entry = entry
        self._member = archive.open(entry.path)
        self._hash = hashlib.sha256()
        self._seen = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        try:
            chunk = self._member.read(min(len(buffer), CHUNK))
        except ZIP_ERRORS as exc:
            raise FileIntegrityError(f"{self._entry.path!r} unreadable: {exc}") from exc
        self._seen += len(chunk)
        self._hash.update(chunk)
        if self._seen > self._entry.size:
            raise FileIntegrityError(f"{self._entry.path!r} longer than the manifest says")
        if not chunk and (
            self._seen != self._entry.size or self._hash.hexdigest() != self._entry.sha256
        ):
            raise FileIntegrityError(f"{self._entry.path!r} changed since it was verified")
        buffer[: len(chunk)] = chunk
        return len(chunk)

    def close(self) -> None:
        if not self.closed:
            self._member.close()
            self._archive.close()
        super().close()


class ZipFiles(StreamedFiles):
    """The payload files of a bundle zip on disk, checked against the manifest on every read.

    ``names`` are the payload entries present in the zip (the mapping's keys);
    ``entries`` what the signed manifest says of them. Opening a present entry
    the manifest does not list raises :class:`UnlistedFileError`.
    """

    def __init__(
        self, zip_path: Path, names: Iterable[str], entries: Mapping[str, FileEntry]
    ) -> None:
        self._zip_path = zip_path
        self._names = tuple(names)
        self._entries = dict(entries)

    def open(self, name: str) -> IO[bytes]:
        if name not in self._names:
            raise KeyError(name)
        entry = self._entries.get(name)
        if entry is None:
            raise UnlistedFileError(f"{name!r} is not in the manifest")
        try:
            archive = zipfile.ZipFile(self._zip_path)
        except ZIP_ERRORS as exc:
            raise ZipSanityError(f"bundle zip unreadable: {exc}") from exc
        try:
            return io.BufferedReader(_VerifyingReader(archive, entry), CHUNK)
        except ZIP_ERRORS as exc:
            archive.close()
            raise FileIntegrityError(f"{name!r} unreadable: {exc}") from exc

    def size(self, name: str) -> int:
        if name not in self._names:
            raise KeyError(name)
        entry = self._entries.get(name)
        if entry is None:
            raise UnlistedFileError(f"{name!r} is not in the manifest")
        return entry.size

    def __contains__(self, name: object) -> bool:
        return name in self._names

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


class ChainFiles(StreamedFiles):
    """Small in-memory files (the payload document) in front of streamed ones."""

    def __init__(self, small: Mapping[str, bytes], large: Mapping[str, bytes]) -> None:
        self._small = dict(small)
        self._large = large

    def open(self, name: str) -> IO[bytes]:
        if name in self._small:
            return io.BytesIO(self._small[name])
        return open_file(self._large, name)

    def size(self, name: str) -> int:
        if name in self._small:
            return len(self._small[name])
        return file_size(self._large, name)

    def __contains__(self, name: object) -> bool:
        return name in self._small or name in self._large

    def __iter__(self) -> Iterator[str]:
        yield from self._small
        yield from (name for name in self._large if name not in self._small)

    def __len__(self) -> int:
        return len(set(self._small) | set(self._large))


def open_file(files: Mapping[str, bytes], name: str) -> IO[bytes]:
    """A binary stream of one file, whatever holds it."""
    if isinstance(files, StreamedFiles):
        return files.open(name)
    return io.BytesIO(files[name])


def file_size(files: Mapping[str, bytes], name: str) -> int:
    if isinstance(files, StreamedFiles):
        return files.size(name)
    return len(files[name])


def digest_file(files: Mapping[str, bytes], name: str) -> tuple[str, int]:
    """SHA-256 (hex) and size of one file, read in chunks."""
    if not isinstance(files, StreamedFiles):
        content = files[name]
        return hashlib.sha256(content).hexdigest(), len(content)
    digest, size = hashlib.sha256(), 0
    with files.open(name) as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size
