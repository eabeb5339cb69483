"""Bureau's native Ed25519 arithmetic (curve25519-dalek, native/bureau_ed25519) through ctypes.

Why: libsodium has no double-scalar or precomputed variable-base multiplication,
and each of its calls decompresses and re-validates its inputs; a ballot's
proofs cost about 55 of its variable-base multiplications. Here a proof
commitment g^r·a^c or y^r·b^c·g^k is one variable-time multi-scalar
multiplication with a precomputed table for g and y (every input of a
verification is public). Results are the same bytes as libsodium's
(tests/protocol/test_ed25519_native.py compares them).

Public API:

- ``LIBRARY``: the loaded library, or None when it was not built
  (``bash scripts/bootstrap.sh`` builds it); ``load_error`` says why. The
  environment variable ``BUREAU_ED25519_NATIVE=required`` turns a missing library
  into an ImportError (tests of builds); ``BUREAU_ED25519_LIB`` names another file.
- ``available()``: whether the native path is there.
- ``is_valid_point(encoded) -> bool``: exactly libsodium's
  ``crypto_core_ed25519_is_valid_point`` (canonical, on the curve, prime-order
  subgroup, not small order).
- ``base_mul(e) -> bytes``: g^e (constant time).
- ``point_sum(encodings) -> bytes``: the group product of the points.
- ``KeyContext(y)``: ``y_mul(e)``, ``commitments(rows)`` and ``double_base(rows)``
  for one election key y.

Points are RFC 8032 encodings (32 bytes), scalars Python ints in [0, l).
A point that does not decode raises ``NotOnCurveError`` (the callers map it to
their check); validated inputs never do.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Sequence
from pathlib import Path

LIBRARY_NAME = "libbureau_ed25519.so"
ABI_VERSION = 1
ENV_VARIABLE = "BUREAU_ED25519_LIB"
REQUIRED_VARIABLE = "BUREAU_ED25519_NATIVE"


class NotOnCurveError(ValueError):
    """A 32-byte string given as a point is not the encoding of a curve point."""

    def __init__(self, index: int) -> None:
        super().__init__(f"input point number {index} is not on the curve")
        self.index = index


def _candidates() -> list[Path]:
    here = Path(__file__).resolve().parent
    found = [here / "_native" / LIBRARY_NAME]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:  # the PyInstaller bundle (installer/bureau.spec)
        found.insert(0, Path(frozen) / "ceremony" / "protocol" / "_native" / LIBRARY_NAME)
    explicit = os.environ.get(ENV_VARIABLE)
    if explicit:
        found.insert(0, Path(explicit))
    return found


_P = ctypes.c_char_p
_SIZE = ctypes.c_size_t
_PROTOTYPES: dict[str, tuple[object, list[object]]] = {
    "bureau_ed25519_abi_version": (ctypes.c_uint32, []),
    "bureau_ed25519_is_valid_point": (ctypes.c_int32, [_P]),
    "bureau_ed25519_validate": (None, [_SIZE, _P, _P]),
    "bureau_ed25519_sum": (ctypes.c_int32, [_SIZE, _P, _P]),
    "bureau_ed25519_sub": (ctypes.c_int32, [_P, _P, _P]),
    "bureau_ed25519_base_mul": (None, [_P, _P]),
    "bureau_ed25519_context_new": (ctypes.c_void_p, [_P]),
    "bureau_ed25519_context_free": (None, [ctypes.c_void_p]),
    "bureau_ed25519_y_mul": (None, [ctypes.c_void_p, _P, _P]),
    "bureau_ed25519_commitments": (
        ctypes.c_int32,
        [ctypes.c_void_p, _SIZE, _P, _P, _P, _P, _P, _P],
    ),
    "bureau_ed25519_double_base": (ctypes.c_int32, [_SIZE, _P, _P, _P, _P]),
}


def _load() -> tuple[ctypes.CDLL | None, str | None]:
    errors = []
    for path in _candidates():
        if not path.is_file():
            errors.append(f"{path}: absent")
            continue
        try:
            lib = ctypes.CDLL(str(path))
            for name, (restype, argtypes) in _PROTOTYPES.items():
                function = getattr(lib, name)
                function.restype = restype
                function.argtypes = argtypes
        except (OSError, AttributeError) as e:
            errors.append(f"{path}: {e}")
            continue
        version = lib.bureau_ed25519_abi_version()
        if version != ABI_VERSION:
            errors.append(f"{path}: ABI {version}, {ABI_VERSION} expected (rebuild it)")
            continue
        return lib, None
    return None, "; ".join(errors)


LIBRARY, load_error = _load()
if LIBRARY is None and os.environ.get(REQUIRED_VARIABLE) == "required":
    # Set by the tests of builds (installer/, CI) so that a missing library fails loudly.
    raise ImportError(f"native Ed25519 library required but not loaded: {load_error}")


def available() -> bool:
    """Whether the native library was found and loaded."""
    return LIBRARY is not None


def _lib() -> ctypes.CDLL:
    if LIBRARY is None:
        raise RuntimeError(f"native Ed25519 library not loaded: {load_error}")
    return LIBRARY


def _scalar(e: int) -> bytes:
    return int(e).to_bytes(32, "little")


def _check(status: int) -> None:
    if status != 0:
        raise NotOnCurveError(-1 - status)


def is_valid_point(encoded: bytes) -> bool:
    """libsodium's ``crypto_core_ed25519_is_valid_point`` on ``encoded`` (32 bytes)."""
    if len(encoded) != 32:
        return False
    return bool(_lib().bureau_ed25519_is_valid_point(encoded))


def base_mul(e: int) -> bytes:
    """g^e for e in [0, l) (constant time)."""
    out = ctypes.create_string_buffer(32)
    _lib().bureau_ed25519_base_mul(_scalar(e), out)
    return out.raw


def point_sum(encodings: Sequence[bytes]) -> bytes:
    """The sum of the points (the identity for none)."""
    out = ctypes.create_string_buffer(32)
    _check(_lib().bureau_ed25519_sum(len(encodings), b"".join(encodings), out))
    return out.raw


def point_sub(a: bytes, b: bytes) -> bytes:
    """a - b."""
    out = ctypes.create_string_buffer(32)
    _check(_lib().bureau_ed25519_sub(a, b, out))
    return out.raw


class KeyContext:
    """The fixed bases g and y of one election, with dalek's precomputed table for both."""

    def __init__(self, y: bytes) -> None:
        lib = _lib()
        self._lib = lib
        handle = lib.bureau_ed25519_context_new(y)
        if not handle:
            raise NotOnCurveError(0)
        self._handle: ctypes.c_void_p | None = ctypes.c_void_p(handle)

    def __del__(self) -> None:
        handle = getattr(self, "_handle", None)
        if handle is not None:
            self._lib.bureau_ed25519_context_free(handle)
            self._handle = None

    def __reduce__(self) -> str | tuple[object, ...]:
        raise TypeError("KeyContext holds native memory: rebuild it in each process")

    def y_mul(self, e: int) -> bytes:
        """y^e for e in [0, l)."""
        out = ctypes.create_string_buffer(32)
        self._lib.bureau_ed25519_y_mul(self._handle, _scalar(e), out)
        return out.raw

    def commitments(self, rows: Sequence[tuple[int, int, int, bytes, bytes]]) -> list[bytes]:
        """For each (r, c, k, a, b): [g^r·a^c, y^r·b^c·g^k], flattened in order."""
        n = len(rows)
        out = ctypes.create_string_buffer(64 * n)
        status = self._lib.bureau_ed25519_commitments(
            self._handle,
            n,
            b"".join(_scalar(row[0]) for row in rows),
            b"".join(_scalar(row[1]) for row in rows),
            b"".join(_scalar(row[2]) for row in rows),
            b"".join(row[3] for row in rows),
            b"".join(row[4] for row in rows),
            out,
        )
        _check(status)
        raw = out.raw
        return [raw[i : i + 32] for i in range(0, 64 * n, 32)]

    def double_base(self, r: int, c: int, a: bytes) -> bytes:
        """g^r·a^c (a ballot signature's commitment)."""
        out = ctypes.create_string_buffer(32)
        _check(self._lib.bureau_ed25519_double_base(1, _scalar(r), _scalar(c), a, out))
        return out.raw
