"""The credential authority's certificate of Belenios 3.2+ (``credentials_certificate``).

An external credential authority may publish, beside the public credentials,
a certificate naming the election, the number and hash of the credentials and
its own keys, signed with its verification key. belenios-tool 3.3 does not
check it (only the web server and the authority's client do); a record may
carry it as an optional ``credentials_certificate`` data file of the Setup
event. We tolerate it and check what can be checked from the record: its
form, its election, the length and hash of the list it certifies, that its
keys are group elements (3.3's membership check) and its signature.
"""

from __future__ import annotations

from typing import Any

from ceremony.protocol.channel import InvalidSignatureError, SignedMessage, verify_signed_message
from ceremony.protocol.errors import ProtocolError
from ceremony.protocol.group import Group
from ceremony.protocol.hashing import sha256_hex
from ceremony.protocol.serialization import (
    dumps,
    get_field,
    loads,
    require_dict,
    require_int,
    require_list,
    require_str,
)

_FIELDS = ("uuid", "voter_list_length", "public_creds_hash", "verification_key", "encryption_key")


class InvalidCredentialsCertificateError(ProtocolError):
    """The credential authority's certificate does not match the record."""

    check = "credentials_certificate"
    default_message = (
        "Le certificat de l'autorité des codes de vote ne correspond pas à la liste "
        "publiée : il a été altéré."
    )


def check_credentials_certificate(group: Group, data: bytes, uuid: str, credentials: bytes) -> bool:
    """Check the certificate against the election and its credentials data file.

    Returns whether it was signed (an unsigned certificate is a draft the
    server may publish); raises :class:`InvalidCredentialsCertificateError`.
    """
    what = "credentials_certificate"
    try:
        obj: dict[str, Any] = require_dict(loads(data), what)
        if require_str(get_field(obj, "uuid", what), f"{what}.uuid") != uuid:
            raise InvalidCredentialsCertificateError("certificate names another election")
        count = require_int(get_field(obj, "voter_list_length", what), f"{what}.length")
        if count != len(require_list(loads(credentials), "credentials")):
            raise InvalidCredentialsCertificateError("certificate counts another number of voters")
        if get_field(obj, "public_creds_hash", what) != sha256_hex(credentials):
            raise InvalidCredentialsCertificateError("certificate hashes other credentials")
        verification = group.parse_element(get_field(obj, "verification_key", what), f"{what} vk")
        group.parse_element(get_field(obj, "encryption_key", what), f"{what} ek")
        signature = obj.get("signature")
        if signature is None:
            return False
        signed = SignedMessage.from_dict(group, signature, f"{what}.signature")
        unsigned = sha256_hex(dumps({key: obj[key] for key in _FIELDS}))
        if signed.message != unsigned:
            raise InvalidCredentialsCertificateError("signature covers another certificate")
        verify_signed_message(group, verification, signed)
        return True
    except InvalidSignatureError as e:
        raise InvalidCredentialsCertificateError(e.technical) from e
    except InvalidCredentialsCertificateError:
        raise
    except ProtocolError as e:
        raise InvalidCredentialsCertificateError(f"{e.technical}") from e
