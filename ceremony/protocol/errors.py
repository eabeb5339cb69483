"""Named errors of the Belenios protocol layer (DESIGN.md §2).

Every error the protocol code raises on purpose derives from ``ProtocolError``
(itself a ``CeremonyError``). Messages never contain a secret: no private
credential, key share or randomness goes into them, only public values or
their position.

Ballot-specific errors (one per failed check) live in ``ballot.py``.
"""

from __future__ import annotations

from ceremony.errors import CeremonyError


class ProtocolError(CeremonyError):
    """Base of every Belenios protocol error; ``check`` names the failed check for reports."""

    check = "protocol"
    default_message = "Des données Belenios sont invalides ; le détail technique suit."


class MalformedDataError(ProtocolError):
    """A JSON document, number or string does not have the form the spec (§4) requires."""

    check = "format"
    default_message = (
        "Des données Belenios sont mal formées : le fichier est abîmé ou falsifié. "
        "Ne l'utilisez pas et prévenez l'expert."
    )


class UnknownGroupError(ProtocolError):
    """The group named by an election is not one of BELENIOS-2048, RFC-3526-2048, Ed25519 (§5)."""

    check = "group"
    default_message = "Le groupe cryptographique demandé par l'élection n'est pas pris en charge."


class NotInSubgroupError(ProtocolError):
    """A number read from outside is not an element of the order-q subgroup (§4.2, §5)."""

    check = "subgroup"
    default_message = (
        "Une valeur cryptographique n'appartient pas au groupe de l'élection : "
        "les données sont falsifiées ou abîmées."
    )


class NonCanonicalEncodingError(NotInSubgroupError):
    """An Ed25519 point written with y ≥ p: a second spelling of a point, which the spec's
    serialisation (RFC 8032) never produces (§5)."""

    check = "encoding"
    default_message = (
        "Une valeur cryptographique n'est pas écrite sous sa forme canonique : "
        "les données sont falsifiées ou abîmées."
    )


class InvalidScalarError(ProtocolError):
    """A number read from outside is not in Zq, i.e. not in [0, q) (§4.2)."""

    check = "format"
    default_message = (
        "Une valeur cryptographique est hors de l'intervalle permis : "
        "les données sont falsifiées ou abîmées."
    )
