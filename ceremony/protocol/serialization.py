"""How Belenios writes values (spec §4.1–4.3): JSON, numbers, field order.

Public functions:

- ``dumps(obj) -> bytes``: compact JSON exactly as belenios-tool 2.0 writes it
  (no spaces, UTF-8, same string escapes as OCaml's Yojson). Objects are written
  in the insertion order of the ``dict``: callers build them in the spec's field
  order (every ``to_dict`` of this package does).
- ``loads(data) -> Any``: parse JSON bytes or text strictly (a key given twice
  in one object is an error); failures raise ``MalformedDataError``.
- ``require_canonical(data, obj, what)``: the bytes read must be exactly
  ``dumps(obj)``, the canonical serialisation rebuilt from what was parsed.
- ``format_number(n) -> str``: a number of N, Zq or G written in base 10 (§4.2).
- ``parse_number(text) -> mpz``: the reverse, strict (canonical base 10 only).
- ``require_dict / require_list / require_str / require_int``: typed access to
  parsed JSON, raising ``MalformedDataError`` naming the field.

Why a hand-written escape: Yojson escapes DEL (U+007F) as ``\\u007f`` and
Python's ``json`` does not; every other escape is the same. Since ``dumps`` is
used for hashed data (§4.15), one byte of difference would change a hash.
"""

from __future__ import annotations

import json
from typing import Any

from gmpy2 import mpz

from ceremony.protocol.errors import MalformedDataError


def dumps(obj: Any) -> bytes:
    """Serialise ``obj`` as compact JSON the way belenios-tool does (§4.1, §4.15)."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    # DEL can only occur inside a JSON string, so replacing it everywhere is exact.
    return text.replace("\x7f", "\\u007f").encode("utf-8")


class _DuplicateKeyError(ValueError):
    pass


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKeyError(f"key {key!r} appears twice in one object")
            seen.add(key)
    return obj


def loads(data: bytes | str) -> Any:
    """Parse JSON (§4.1) strictly; malformed input raises ``MalformedDataError``.

    A key given twice in one object is an error: Python's ``json`` would keep
    the last one silently, so two readers could see two different values
    (belenios-tool refuses such input).
    """
    try:
        return json.loads(data, object_pairs_hook=_unique_keys)
    except (ValueError, UnicodeDecodeError) as e:
        raise MalformedDataError(f"invalid JSON: {e}") from e


class NonCanonicalDataError(MalformedDataError):
    """A datum is readable but not spelt in its one canonical form (§4.1)."""

    default_message = (
        "Une donnée de l'archive n'est pas écrite sous sa forme canonique (ordre des "
        "champs, espaces, champ inconnu ou en double) : le fichier a été réécrit ou falsifié."
    )


# What the report names, in French, for each datum checked by require_canonical.
_WHAT_FR = {
    "trustees": "la liste des garants",
    "public credentials": "la liste des codes de vote publics",
    "partial decryption": "un déchiffrement partiel",
    "result": "le résultat",
    "encrypted tally": "le décompte chiffré",
}


def require_canonical(data: bytes, obj: Any, what: str) -> None:
    """``data`` must be exactly ``dumps(obj)``, or ``MalformedDataError`` naming ``what``.

    ``obj`` is rebuilt in the spec's field order from what was parsed, so
    this refuses reordered fields, whitespace, unknown fields and duplicated
    keys at once: the spec wants canonical serialisations, and a datum with
    two spellings could be counted twice under two hashes.
    """
    if bytes(data) != dumps(obj):
        where = _WHAT_FR.get(what, what)
        raise NonCanonicalDataError(
            f"{what} is not in canonical form (§4.1)",
            user_message=(
                f"Donnée non canonique dans {where} : elle n'est pas écrite sous sa seule forme "
                "admise (ordre des champs, espaces, champ inconnu ou en double) ; le fichier a "
                "été réécrit ou falsifié."
            ),
        )


def format_number(n: int) -> str:
    """Write a number of N, Zq or G in base 10 (§4.2)."""
    return str(int(n))


def parse_number(text: object, what: str = "number") -> Any:
    """Read a base-10 JSON string as a natural number (§4.2), as ``gmpy2.mpz``.

    Only the canonical form is accepted (no sign, no leading zero, no space):
    belenios-tool writes nothing else, and accepting other spellings would let
    one value have several serialisations.
    """
    if not (
        type(text) is str
        and text.isascii()
        and text.isdigit()
        and (text[0] != "0" or len(text) == 1)
    ):
        raise MalformedDataError(f"{what} is not a canonical base-10 string: {_preview(text)}")
    return mpz(text)


def require_dict(value: object, what: str) -> dict[str, Any]:
    """``value`` as a JSON object (§4.1), or ``MalformedDataError`` naming ``what``."""
    if not isinstance(value, dict):
        raise MalformedDataError(f"{what} must be a JSON object")
    return value


def require_list(value: object, what: str) -> list[Any]:
    """``value`` as a JSON array (§4.1), or ``MalformedDataError`` naming ``what``."""
    if not isinstance(value, list):
        raise MalformedDataError(f"{what} must be a JSON array")
    return value


def require_str(value: object, what: str) -> str:
    """``value`` as a JSON string (§4.2 "string"), or ``MalformedDataError``."""
    if not isinstance(value, str):
        raise MalformedDataError(f"{what} must be a JSON string")
    return value


def require_int(value: object, what: str) -> int:
    """``value`` as a small JSON integer (§4.2 "I"), or ``MalformedDataError``."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise MalformedDataError(f"{what} must be a JSON integer")
    return value


def require_bool(value: object, what: str) -> bool:
    """``value`` as a JSON boolean (§4.2 "B"), or ``MalformedDataError``."""
    if not isinstance(value, bool):
        raise MalformedDataError(f"{what} must be a JSON boolean")
    return value


def get_field(obj: dict[str, Any], name: str, what: str) -> Any:
    """``obj[name]`` (field(o) of §4.1), or ``MalformedDataError`` naming the missing field."""
    try:
        return obj[name]
    except KeyError:
        raise MalformedDataError(f"{what} has no field {name!r}") from None


def _preview(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
