"""The software fingerprint: one hash over the application's own files.

The arrêté seals the counting system and checks before the count that it has
not changed. This module says exactly which software is running.

Definition ("bureau-fingerprint/1"), chosen so that an expert can recompute it
with coreutils alone, without trusting the program being checked:

1. Which files.
   - Frozen bundle (``sys.frozen``, see ``installer/``): every file under the
     bundle folder, the folder holding the ``bureau`` and ``bureau-app``
     executables (the interpreter, Qt, every library and resource included).
   - Installed from source: every file under ``ceremony/``, ``bureau_app/`` and
     ``resources/`` in the directory that holds the ``ceremony`` package (the
     work tree for an editable install, else site-packages).
   Directories named ``__pycache__`` are left out (Python writes them at run
   time). Symbolic links are followed: what is hashed is what is loaded.
2. How each file is written: its path relative to that directory, with ``/``
   separators and no leading ``./``, in UTF-8; the line is exactly what
   ``sha256sum`` prints: ``<lower-case hex SHA-256 of the bytes>  <path>\\n``.
3. In which order: lines sorted by the path's UTF-8 bytes (``LC_ALL=C sort``).
4. The fingerprint is ``sha256:`` followed by the SHA-256 of those lines.

Recomputing it by hand, frozen bundle then installed::

    cd BUNDLE && find -L . -name __pycache__ -prune -o -type f -printf '%P\\n' \\
      | LC_ALL=C sort | xargs -d '\\n' sha256sum | sha256sum
    cd BASE && find -L ceremony bureau_app resources -name __pycache__ -prune \\
      -o -type f -print | LC_ALL=C sort | xargs -d '\\n' sha256sum | sha256sum

A file name holding a newline or a backslash (which ``sha256sum`` escapes) or
that is not UTF-8 is refused rather than hashed in a second, private way.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ceremony.errors import CeremonyError

DEFINITION = "bureau-fingerprint/1"
PREFIX = "sha256:"
EXCLUDED_DIRECTORIES = frozenset({"__pycache__"})
INSTALLED_MEMBERS = ("ceremony", "bureau_app", "resources")
_CHUNK = 1 << 20

Kind = Literal["frozen", "installed"]


class FingerprintError(CeremonyError):
    """Base of the fingerprint errors."""

    default_message = (
        "L'empreinte du logiciel n'a pas pu être calculée. "
        "Faites vérifier l'installation du logiciel par l'expert."
    )


class FingerprintReadError(FingerprintError):
    default_message = (
        "Un fichier du logiciel est illisible ou mal nommé : son empreinte ne peut pas être "
        "calculée. Faites vérifier l'installation par l'expert ou réinstallez le paquet scellé."
    )


class FingerprintFormatError(FingerprintError):
    default_message = (
        "L'empreinte scellée du logiciel est mal écrite (attendu : « sha256: » suivi de "
        "64 caractères hexadécimaux). Vérifiez le manifeste de scellement."
    )


class FingerprintMismatchError(FingerprintError):
    default_message = (
        "Le logiciel de dépouillement a changé depuis le scellement : son empreinte ne "
        "correspond pas à l'empreinte scellée. Le dépouillement ne peut pas commencer. "
        "Faites vérifier le poste par l'expert et réinstallez le paquet scellé."
    )


@dataclass(frozen=True)
class ApplicationFiles:
    """Where the application's own files are: ``members`` under ``base``."""

    kind: Kind
    base: Path
    members: tuple[str, ...]


@dataclass(frozen=True)
class FileDigest:
    """One hashed file: POSIX path relative to the base, hex SHA-256 of its bytes."""

    path: str
    sha256: str

    def to_line(self) -> str:
        return f"{self.sha256}  {self.path}\n"


@dataclass(frozen=True)
class SoftwareFingerprint:
    """The fingerprint and the sorted file list it is computed over."""

    kind: Kind
    files: tuple[FileDigest, ...]

    def file_list(self) -> bytes:
        """The ``sha256sum`` lines the fingerprint hashes (step 2 and 3)."""
        return "".join(f.to_line() for f in self.files).encode("utf-8")

    @property
    def value(self) -> str:
        return PREFIX + hashlib.sha256(self.file_list()).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        """The "counting system" entry of the seal manifest."""
        return {
            "definition": DEFINITION,
            "kind": self.kind,
            "files": len(self.files),
            "fingerprint": self.value,
        }


def locate_application() -> ApplicationFiles:
    """The running application's own files, frozen or installed."""
    if getattr(sys, "frozen", False):
        return ApplicationFiles("frozen", Path(sys.executable).resolve().parent, (".",))
    spec = importlib.util.find_spec("ceremony")
    if spec is None or not spec.submodule_search_locations:
        raise FingerprintReadError("the ceremony package cannot be located")
    base = Path(next(iter(spec.submodule_search_locations))).resolve().parent
    members = tuple(m for m in INSTALLED_MEMBERS if (base / m).is_dir())
    return ApplicationFiles("installed", base, members)


def _checked_relative(path: Path, base: Path) -> str:
    relative = path.relative_to(base).as_posix()
    if "\n" in relative or "\\" in relative:
        raise FingerprintReadError(f"file name not hashable as sha256sum does: {relative!r}")
    try:
        relative.encode("utf-8")
    except UnicodeEncodeError as e:
        raise FingerprintReadError(f"file name is not UTF-8: {relative!r}") from e
    return relative


def _walk(root: Path) -> list[Path]:
    """Every file under ``root``, links followed, ``__pycache__`` left out."""
    if root.is_file():
        return [root]
    found: list[Path] = []
    seen: set[tuple[int, int]] = set()

    def on_error(error: OSError) -> None:
        raise FingerprintReadError(f"cannot list {error.filename}: {error.strerror}") from error

    for directory, subdirs, names in os.walk(root, followlinks=True, onerror=on_error):
        stat = os.stat(directory)
        if (stat.st_dev, stat.st_ino) in seen:
            raise FingerprintReadError(f"directory link loop at {directory}")
        seen.add((stat.st_dev, stat.st_ino))
        subdirs[:] = sorted(d for d in subdirs if d not in EXCLUDED_DIRECTORIES)
        for name in names:
            path = Path(directory, name)
            if not path.is_file():
                raise FingerprintReadError(f"not a regular file (dangling link?): {path}")
            found.append(path)
    return found


def _hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as stream:
            while chunk := stream.read(_CHUNK):
                digest.update(chunk)
    except OSError as e:
        raise FingerprintReadError(f"cannot read {path}: {e.strerror}") from e
    return digest.hexdigest()


def compute_fingerprint(files: ApplicationFiles) -> SoftwareFingerprint:
    """Hash ``files`` as the module docstring defines it."""
    base = files.base.resolve()
    paths: dict[bytes, tuple[str, Path]] = {}
    for member in files.members:
        root = base / member
        if not root.exists():
            raise FingerprintReadError(f"missing application folder: {root}")
        for path in _walk(root):
            relative = _checked_relative(path, base)
            paths[relative.encode("utf-8")] = (relative, path)
    if not paths:
        raise FingerprintReadError(f"no application file under {base}")
    digests = tuple(
        FileDigest(relative, _hash_file(path))
        for relative, path in (paths[k] for k in sorted(paths))
    )
    return SoftwareFingerprint(files.kind, digests)


def current_fingerprint() -> SoftwareFingerprint:
    """The fingerprint of the running application."""
    return compute_fingerprint(locate_application())


def check_fingerprint(
    expected: str, actual: SoftwareFingerprint | None = None
) -> SoftwareFingerprint:
    """Refuse (raise) unless the running software is the sealed one.

    ``expected`` is the sealed ``sha256:<hex>`` value; ``actual`` defaults to
    the running application's fingerprint, recomputed now from its files.
    """
    hex_part = expected.removeprefix(PREFIX)
    if (
        not expected.startswith(PREFIX)
        or len(hex_part) != 64
        or any(c not in "0123456789abcdef" for c in hex_part)
    ):
        raise FingerprintFormatError(f"malformed sealed fingerprint {expected!r}")
    found = actual if actual is not None else current_fingerprint()
    if found.value != expected:
        raise FingerprintMismatchError(
            f"sealed fingerprint {expected}, running software ({found.kind}, "
            f"{len(found.files)} files) has {found.value}"
        )
    return found


class _PrintFingerprint(argparse.Action):
    """Like ``--version``: print, then exit, whatever the other arguments."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        try:
            fingerprint = current_fingerprint()
        except FingerprintError as e:
            parser.exit(1, f"{parser.prog} : {e.user_message} [{e.technical}]\n")
        if self.dest == "fingerprint_files":
            sys.stdout.write(fingerprint.file_list().decode("utf-8"))
        else:
            sys.stdout.write(fingerprint.value + "\n")
        sys.stdout.flush()
        parser.exit(0)


def add_fingerprint_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--fingerprint`` and ``--fingerprint-files`` to ``parser``."""
    parser.add_argument(
        "--fingerprint",
        action=_PrintFingerprint,
        nargs=0,
        help="affiche l'empreinte du logiciel (sha256:…) et quitte",
    )
    parser.add_argument(
        "--fingerprint-files",
        action=_PrintFingerprint,
        nargs=0,
        help="affiche la liste des fichiers empreintés (format sha256sum) et quitte",
    )
