"""The public label of the ceremony key a card holds (DESIGN.md §3).

A card that holds a wrapped ceremony secret also carries, readable without
any PIN, a short label saying whose key it is: bureau, role, holder, the
election key fingerprint and the date it was stored. It lets every command
see, before asking a PIN or touching the card, that the card holds a key, and
tell its holder what a wipe would destroy. The label is no secret and proves
nothing (anyone with the PIN could rewrite it): the wrapped secret itself stays
bound to its context by AES-GCM (:mod:`ceremony.cards.wrapping`).

On an OpenPGP card it lives in private-use DO 0101 (read always, written with
PW1), next to the wrapped secret in DO 0103. Encoding: UTF-8 lines
``bureau-card-key/1``, bureau id, role, secret kind, fingerprint, date, ceremony id,
holder.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from ceremony.cards.errors import CardHoldsKeyError

LABEL_FORMAT: Final = "bureau-card-key/1"
UNKNOWN: Final = "?"
ROLE_NAMES: Final = {
    "president": "présidence",
    "secretary": "secrétariat",
    "delegate": "délégué de liste",
}


@dataclass(frozen=True)
class KeyLabel:
    """What a card says about the key it holds (``"?"`` for a field it cannot tell)."""

    bureau_id: str
    role: str
    holder: str
    election_key_fingerprint: str
    stored_at: str
    secret_kind: str = UNKNOWN
    card_serial: str = UNKNOWN
    ceremony_id: str = UNKNOWN
    """The store whose key ceremony wrote the key: a card written by an interrupted
    attempt of the same ceremony may be written again, never one of another ceremony."""

    def to_bytes(self) -> bytes:
        fields = (
            self.bureau_id,
            self.role,
            self.secret_kind,
            self.election_key_fingerprint,
            self.stored_at,
            self.ceremony_id,
            self.holder,
        )
        if any("\n" in f for f in fields):
            raise ValueError("key label fields must be single lines")
        return "\n".join((LABEL_FORMAT, *fields)).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes | None, card_serial: str = UNKNOWN) -> KeyLabel | None:
        if not data:
            return None
        try:
            lines = data.decode("utf-8").split("\n")
        except UnicodeDecodeError:
            return None
        if len(lines) != 8 or lines[0] != LABEL_FORMAT:
            return None
        bureau_id, role, kind, fingerprint, stored_at, ceremony_id, holder = lines[1:]
        return cls(bureau_id, role, holder, fingerprint, stored_at, kind, card_serial, ceremony_id)

    @classmethod
    def unlabelled(
        cls, card_serial: str, holder: str = UNKNOWN, bureau_id: str = UNKNOWN
    ) -> KeyLabel:
        """A card that holds a wrapped secret but no label (older cards, no private DOs)."""
        return cls(bureau_id, UNKNOWN, holder, UNKNOWN, UNKNOWN, UNKNOWN, card_serial)

    def to_dict(self) -> dict[str, str]:
        return {
            "bureau_id": self.bureau_id,
            "role": self.role,
            "holder": self.holder,
            "election_key_fingerprint": self.election_key_fingerprint,
            "stored_at": self.stored_at,
            "secret_kind": self.secret_kind,
            "card_serial": self.card_serial,
            "ceremony_id": self.ceremony_id,
        }

    def describe(self) -> str:
        """The French sentence shown to the holder (never any secret)."""
        fingerprint = self.election_key_fingerprint
        if fingerprint != UNKNOWN:
            fingerprint = f"{fingerprint[:16]}…"
        return (
            f"carte {self.card_serial} de {self.holder}, bureau {self.bureau_id}, "
            f"rôle {ROLE_NAMES.get(self.role, self.role)}, clé d'élection {fingerprint}, "
            f"rangée le {stored_in_paris(self.stored_at)}"
        )


def stored_in_paris(stored_at: str) -> str:
    """The label's UTC minute ("2026-12-06 19:37 UTC") as the bureau reads it: Paris time."""
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        moment = datetime.strptime(stored_at, "%Y-%m-%d %H:%M UTC").replace(tzinfo=UTC)
        local = moment.astimezone(ZoneInfo("Europe/Paris"))
    except (ValueError, ZoneInfoNotFoundError):
        return stored_at  # written by another version: shown as it is
    return f"{local:%d/%m/%Y} à {local.hour}\u00a0h\u00a0{local:%M} (heure de Paris)"


def holds_key_error(
    label: KeyLabel,
    what: str,
    *,
    current_bureau: str = "",
    bureau_names: Mapping[str, str] | None = None,
) -> CardHoldsKeyError:
    """The refusal for ``what`` (an action) on a card that holds ``label``.

    With ``current_bureau`` (the bureau the card is presented for) and the
    definition's ``bureau_names``, a card holding another bureau's key is named
    as such: the member sits on both bureaux and uses one card per bureau."""
    names = dict(bureau_names or {})

    def named(bureau_id: str) -> str:
        name = names.get(bureau_id)
        return f"« {name} » ({bureau_id})" if name else f"« {bureau_id} »"

    never = (
        "Une carte qui porte une clé n'est jamais réinitialisée ni réécrite par une "
        "opération ordinaire. Si son titulaire veut vraiment effacer cette clé : "
        "bureau card wipe."
    )
    if current_bureau and label.bureau_id not in (current_bureau, UNKNOWN):
        message = (
            f"Cette carte porte déjà la clé d'un autre bureau, le bureau "
            f"{named(label.bureau_id)} : {label.describe()}. Un membre qui siège dans "
            f"plusieurs bureaux utilise une carte par bureau : cette carte reste celle du "
            f"bureau {named(label.bureau_id)} ; présentez une autre carte pour le bureau "
            f"{named(current_bureau)}. {never}"
        )
    elif current_bureau and label.bureau_id == current_bureau:
        message = (
            f"Cette carte porte déjà une clé d'une autre cérémonie de ce même bureau "
            f"{named(current_bureau)} : {label.describe()}. Elle reste nécessaire pour un "
            f"nouveau décompte de cette cérémonie (deux ans). {never}"
        )
    else:
        message = (
            f"Cette carte porte déjà une clé de cérémonie ({label.describe()}). "
            f"Un membre qui siège dans plusieurs bureaux utilise une carte par bureau. {never}"
        )
    return CardHoldsKeyError(
        f"card {label.card_serial} holds the key of bureau {label.bureau_id} "
        f"({label.election_key_fingerprint[:16]}): {what} refused",
        user_message=message,
    )
