"""The Pedersen threshold key establishment (spec §3.1.1 "Pedersen", §4.6).

Our code can play every trustee and the administrator:

1. each trustee makes a seed and its certificate (:func:`make_seed`,
   :func:`make_cert`, §4.6.1–4.6.2);
2. each trustee makes a polynomial for the certificates Γ
   (:func:`make_polynomial`, §4.6.4);
3. the administrator routes them into vinputs (:func:`compute_vinputs`, §4.6.5);
4. each trustee checks its vinput and answers a voutput (:func:`make_voutput`,
   §4.6.6);
5. the administrator checks the voutputs and assembles the threshold parameters
   (:func:`combine_threshold_parameters`, §4.6.7).

Trustee z (numbered from 1 in the order of Γ) is evaluated at x = z. The
``threshold`` field is t + 1, the number of trustees needed to decrypt.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ceremony.protocol.base58 import random_string
from ceremony.protocol.channel import (
    SignedMessage,
    derive_key,
    make_signed_message,
    receive,
    send,
    verify_signed_message,
)
from ceremony.protocol.errors import MalformedDataError, ProtocolError
from ceremony.protocol.group import Element, Group, Scalar
from ceremony.protocol.serialization import (
    dumps,
    get_field,
    loads,
    parse_number,
    require_dict,
    require_int,
    require_list,
    require_str,
)
from ceremony.protocol.trustees import (
    TrusteePublicKey,
    make_trustee_public_key,
    verify_trustee_public_key,
)

SEED_LENGTH = 22


class PedersenError(ProtocolError):
    """A step of the threshold key establishment failed its checks (§4.6)."""

    default_message = (
        "Une étape de la génération partagée des clés a échoué : les données échangées "
        "entre garants sont incohérentes. Recommencez la génération des clés."
    )


class WrongSeedError(PedersenError):
    """The seed given does not match any certificate of Γ (§4.6.4 "checks that keys match")."""

    default_message = (
        "La clé secrète présentée ne correspond à aucun garant de cette génération de "
        "clés : vérifiez que c'est la bonne carte."
    )


def _text(obj: Any) -> str:
    return dumps(obj).decode("utf-8")


def _numbers(group: Group, values: object, what: str, *, elements: bool) -> tuple[Any, ...]:
    items = require_list(values, what)
    if elements:
        return tuple(group.parse_element(v, f"{what}[{i}]") for i, v in enumerate(items))
    return tuple(group.parse_scalar(v, f"{what}[{i}]") for i, v in enumerate(items))


def _field_of(group: Group, text: str, name: str, what: str) -> Any:
    try:
        return get_field(require_dict(loads(text), what), name, what)
    except MalformedDataError as e:
        raise PedersenError(f"{what} is malformed: {e.technical}") from e


def _lenient_scalar(group: Group, value: object, what: str) -> Scalar:
    # belenios-tool 2.0 sends f_i(j) and S_j without reducing them modulo q; they
    # travel only inside authenticated channel messages, so we reduce them here.
    return parse_number(value, what) % group.q


def make_seed(rng: random.Random | None = None) -> str:
    """A trustee's secret seed: 22 Base58 characters (§4.6.1)."""
    return random_string(SEED_LENGTH, rng)


@dataclass(frozen=True)
class CertKeys:
    """``cert_keys`` of §4.6.2: the verification key g^sk and encryption key g^dk."""

    verification: Element
    encryption: Element

    def to_string(self) -> str:
        """Compact JSON in the spec's order (§4.6.2)."""
        return _text({"verification": str(self.verification), "encryption": str(self.encryption)})

    @classmethod
    def from_cert(cls, group: Group, cert: SignedMessage) -> CertKeys:
        """Read the keys a certificate carries (§4.6.2)."""
        d = require_dict(loads(cert.message), "cert_keys")
        return cls(
            group.parse_element(get_field(d, "verification", "cert_keys"), "cert verification"),
            group.parse_element(get_field(d, "encryption", "cert_keys"), "cert encryption"),
        )


@dataclass(frozen=True)
class TrusteeSecrets:
    """The keys a seed derives (§4.6.1); never stored, recomputed from the seed."""

    signing_key: Scalar
    decryption_key: Scalar

    @classmethod
    def from_seed(cls, group: Group, seed: str) -> TrusteeSecrets:
        """sk = SHA256(sk|s) mod q, dk = SHA256(dk|s) mod q (§4.6.1)."""
        return cls(derive_key(group, seed, "sk"), derive_key(group, seed, "dk"))


def make_cert(group: Group, seed: str, rng: random.Random | None = None) -> SignedMessage:
    """The certificate of a trustee: its cert_keys signed with sk (§4.6.2)."""
    secrets = TrusteeSecrets.from_seed(group, seed)
    keys = CertKeys(group.g_pow(secrets.signing_key), group.g_pow(secrets.decryption_key))
    return make_signed_message(group, secrets.signing_key, keys.to_string(), rng)


def verify_certs(group: Group, certs: Sequence[SignedMessage]) -> tuple[CertKeys, ...]:
    """Check each certificate's self-signature and return their keys (§3.1.1 step 1b, §4.6.2)."""
    keys = tuple(CertKeys.from_cert(group, cert) for cert in certs)
    for cert, key in zip(certs, keys, strict=True):
        verify_signed_message(group, key.verification, cert)
    if len({k.verification for k in keys}) != len(keys):
        raise PedersenError("two certificates carry the same verification key")
    return keys


def find_own_index(group: Group, keys: Sequence[CertKeys], seed: str) -> int:
    """The 0-based position in Γ of the trustee holding ``seed`` (§4.6.4 "keys match")."""
    secrets = TrusteeSecrets.from_seed(group, seed)
    vk, ek = group.g_pow(secrets.signing_key), group.g_pow(secrets.decryption_key)
    for index, key in enumerate(keys):
        if key.verification == vk and key.encryption == ek:
            return index
    raise WrongSeedError("the seed matches no certificate of the set")


@dataclass(frozen=True)
class Polynomial:
    """``polynomial`` of §4.6.4: own coefficients, per-trustee secrets, signed A_ik."""

    polynomial: str
    secrets: tuple[str, ...]
    coefexps: SignedMessage

    def to_dict(self) -> dict[str, Any]:
        """Fields in the spec's order (§4.6.4)."""
        return {
            "polynomial": self.polynomial,
            "secrets": list(self.secrets),
            "coefexps": self.coefexps.to_dict(),
        }

    @classmethod
    def from_dict(cls, group: Group, obj: object) -> Polynomial:
        """Parse (§4.6.4)."""
        d = require_dict(obj, "polynomial")
        secrets = require_list(get_field(d, "secrets", "polynomial"), "polynomial secrets")
        return cls(
            require_str(get_field(d, "polynomial", "polynomial"), "polynomial polynomial"),
            tuple(require_str(s, "polynomial secret") for s in secrets),
            SignedMessage.from_dict(group, get_field(d, "coefexps", "polynomial"), "coefexps"),
        )


def parse_coefexps(group: Group, signed: SignedMessage) -> tuple[Element, ...]:
    """The A_ik of a ``coefexps`` signed message, subgroup-checked (§4.6.4)."""
    values = get_field(require_dict(loads(signed.message), "raw_coefexps"), "coefexps", "coefexps")
    return _numbers(group, values, "coefexps", elements=True)


def make_polynomial(
    group: Group,
    certs: Sequence[SignedMessage],
    seed: str,
    threshold: int,
    rng: random.Random | None = None,
) -> Polynomial:
    """Trustee i's polynomial structure for Γ = ``certs`` (§3.1.1 step 3, §4.6.4).

    ``threshold`` is t + 1: any ``threshold`` of the m trustees can decrypt.
    """
    keys = verify_certs(group, certs)
    if not 1 <= threshold <= len(keys):
        raise PedersenError(f"threshold {threshold} is not between 1 and {len(keys)}")
    own = find_own_index(group, keys, seed)
    secrets = TrusteeSecrets.from_seed(group, seed)
    coefficients = [group.random_scalar(rng) for _ in range(threshold)]
    sk = secrets.signing_key

    def f(x: int) -> Scalar:
        value = 0
        for a in reversed(coefficients):
            value = (value * x + a) % group.q
        return value

    raw = _text({"polynomial": [str(a) for a in coefficients]})
    shares = tuple(
        send(group, sk, key.encryption, _text({"secret": str(f(j))}), rng)
        for j, key in enumerate(keys, start=1)
    )
    coefexps = _text({"coefexps": [str(group.g_pow(a)) for a in coefficients]})
    return Polynomial(
        polynomial=send(group, sk, keys[own].encryption, raw, rng),
        secrets=shares,
        coefexps=make_signed_message(group, sk, coefexps, rng),
    )


@dataclass(frozen=True)
class Vinput:
    """``vinput`` of §4.6.5: what trustee j receives to check and finish its share."""

    polynomial: str
    secrets: tuple[str, ...]
    coefexps: tuple[SignedMessage, ...]

    def to_dict(self) -> dict[str, Any]:
        """Fields in the spec's order (§4.6.5)."""
        return {
            "polynomial": self.polynomial,
            "secrets": list(self.secrets),
            "coefexps": [c.to_dict() for c in self.coefexps],
        }

    @classmethod
    def from_dict(cls, group: Group, obj: object) -> Vinput:
        """Parse (§4.6.5)."""
        d = require_dict(obj, "vinput")
        secrets = require_list(get_field(d, "secrets", "vinput"), "vinput secrets")
        coefexps = require_list(get_field(d, "coefexps", "vinput"), "vinput coefexps")
        return cls(
            require_str(get_field(d, "polynomial", "vinput"), "vinput polynomial"),
            tuple(require_str(s, "vinput secret") for s in secrets),
            tuple(SignedMessage.from_dict(group, c, "coefexps") for c in coefexps),
        )


def _check_coefexps(
    group: Group, keys: Sequence[CertKeys], coefexps: Sequence[SignedMessage]
) -> tuple[tuple[Element, ...], ...]:
    if len(coefexps) != len(keys):
        raise PedersenError(f"{len(coefexps)} coefexps for {len(keys)} trustees")
    out = []
    for key, signed in zip(keys, coefexps, strict=True):
        verify_signed_message(group, key.verification, signed)
        out.append(parse_coefexps(group, signed))
    if len({len(a) for a in out}) != 1 or not out[0]:
        raise PedersenError("coefexps of different degrees")
    return tuple(out)


def _commitment_at(group: Group, coefexps: Sequence[Element], x: int) -> Element:
    # prod_k A_k^(x^k), by Horner's rule in the exponent.
    acc = group.g_pow(0)
    for a in reversed(coefexps):
        acc = group.mul(group.pow(acc, x), a)
    return acc


def compute_vinputs(
    group: Group, certs: Sequence[SignedMessage], polynomials: Sequence[Polynomial]
) -> tuple[Vinput, ...]:
    """The administrator's routing step (§3.1.1 steps 3c and 4, §4.6.5)."""
    keys = verify_certs(group, certs)
    if len(polynomials) != len(keys):
        raise PedersenError(f"{len(polynomials)} polynomials for {len(keys)} trustees")
    for p in polynomials:
        if len(p.secrets) != len(keys):
            raise PedersenError("a polynomial does not carry one secret per trustee")
    coefexps = tuple(p.coefexps for p in polynomials)
    _check_coefexps(group, keys, coefexps)
    return tuple(
        Vinput(
            polynomial=polynomials[j].polynomial,
            secrets=tuple(p.secrets[j] for p in polynomials),
            coefexps=coefexps,
        )
        for j in range(len(keys))
    )


@dataclass(frozen=True)
class Voutput:
    """``voutput`` of §4.6.6: the encrypted share S_j and its public key g^S_j."""

    private_key: str
    public_key: TrusteePublicKey

    def to_dict(self) -> dict[str, Any]:
        """Fields in the spec's order (§4.6.6)."""
        return {"private_key": self.private_key, "public_key": self.public_key.to_dict()}

    @classmethod
    def from_dict(cls, group: Group, obj: object) -> Voutput:
        """Parse (§4.6.6)."""
        d = require_dict(obj, "voutput")
        return cls(
            require_str(get_field(d, "private_key", "voutput"), "voutput private_key"),
            TrusteePublicKey.from_dict(group, get_field(d, "public_key", "voutput")),
        )


def make_voutput(
    group: Group,
    certs: Sequence[SignedMessage],
    seed: str,
    vinput: Vinput,
    rng: random.Random | None = None,
) -> Voutput:
    """Trustee j checks its vinput and computes its share S_j (§3.1.1 step 5, §4.6.5–4.6.6)."""
    keys = verify_certs(group, certs)
    own = find_own_index(group, keys, seed)
    secrets = TrusteeSecrets.from_seed(group, seed)
    coefexps = _check_coefexps(group, keys, vinput.coefexps)
    if len(vinput.secrets) != len(keys):
        raise PedersenError("vinput does not carry one secret per trustee")
    own_coefficients = _numbers(
        group,
        _field_of(
            group,
            receive(group, secrets.decryption_key, keys[own].verification, vinput.polynomial),
            "polynomial",
            "raw_polynomial",
        ),
        "raw_polynomial",
        elements=False,
    )
    if tuple(group.g_pow(a) for a in own_coefficients) != coefexps[own]:
        raise PedersenError("own polynomial does not match its coefexps")
    x = own + 1
    share = 0
    for i, (key, encrypted) in enumerate(zip(keys, vinput.secrets, strict=True)):
        text = receive(group, secrets.decryption_key, key.verification, encrypted)
        s_ij = _lenient_scalar(group, _field_of(group, text, "secret", "secret"), "secret")
        if group.g_pow(s_ij) != _commitment_at(group, coefexps[i], x):
            raise PedersenError(f"secret from trustee {i + 1} does not match its coefexps")
        share = (share + s_ij) % group.q
    private_key = send(
        group,
        secrets.signing_key,
        keys[own].encryption,
        _text({"decryption_key": str(share)}),
        rng,
    )
    return Voutput(private_key, make_trustee_public_key(group, share, rng))


def _expected_verification_key(
    group: Group, coefexps: Sequence[Sequence[Element]], x: int
) -> Element:
    acc = group.g_pow(0)
    for a in coefexps:
        acc = group.mul(acc, _commitment_at(group, a, x))
    return acc


def verify_voutput(
    group: Group, coefexps: Sequence[Sequence[Element]], index: int, voutput: Voutput
) -> None:
    """The administrator's check of vo_j, ``index`` = j - 1 (§3.1.1 step 5d, §4.6.6)."""
    expected = _expected_verification_key(group, coefexps, index + 1)
    if voutput.public_key.public_key != expected:
        raise PedersenError(f"voutput {index + 1}: public key does not match the coefexps")
    verify_trustee_public_key(group, voutput.public_key)


@dataclass(frozen=True)
class ThresholdParameters:
    """``threshold_parameters`` of §4.6.7."""

    threshold: int
    certs: tuple[SignedMessage, ...]
    coefexps: tuple[SignedMessage, ...]
    verification_keys: tuple[TrusteePublicKey, ...]

    def to_dict(self) -> dict[str, Any]:
        """Fields in the spec's order (§4.6.7)."""
        return {
            "threshold": self.threshold,
            "certs": [c.to_dict() for c in self.certs],
            "coefexps": [c.to_dict() for c in self.coefexps],
            "verification_keys": [k.to_dict() for k in self.verification_keys],
        }

    @classmethod
    def from_dict(cls, group: Group, obj: object) -> ThresholdParameters:
        """Parse (§4.6.7); every group element is subgroup-checked."""
        what = "threshold_parameters"
        d = require_dict(obj, what)
        certs = require_list(get_field(d, "certs", what), f"{what} certs")
        coefexps = require_list(get_field(d, "coefexps", what), f"{what} coefexps")
        vks = require_list(get_field(d, "verification_keys", what), f"{what} verification_keys")
        return cls(
            require_int(get_field(d, "threshold", what), f"{what} threshold"),
            tuple(SignedMessage.from_dict(group, c, "cert") for c in certs),
            tuple(SignedMessage.from_dict(group, c, "coefexps") for c in coefexps),
            tuple(TrusteePublicKey.from_dict(group, k, "verification_key") for k in vks),
        )


def combine_threshold_parameters(
    group: Group,
    certs: Sequence[SignedMessage],
    polynomials: Sequence[Polynomial],
    voutputs: Sequence[Voutput],
) -> ThresholdParameters:
    """Check the voutputs and assemble the threshold parameters (§3.1.1 step 6, §4.6.7)."""
    keys = verify_certs(group, certs)
    signed = tuple(p.coefexps for p in polynomials)
    coefexps = _check_coefexps(group, keys, signed)
    if len(voutputs) != len(keys):
        raise PedersenError(f"{len(voutputs)} voutputs for {len(keys)} trustees")
    for index, voutput in enumerate(voutputs):
        verify_voutput(group, coefexps, index, voutput)
    return ThresholdParameters(
        threshold=len(coefexps[0]),
        certs=tuple(certs),
        coefexps=signed,
        verification_keys=tuple(v.public_key for v in voutputs),
    )


def verify_threshold_parameters(group: Group, params: ThresholdParameters) -> None:
    """Check certificates, signed coefexps, verification keys and their proofs (§4.6.7)."""
    keys = verify_certs(group, params.certs)
    coefexps = _check_coefexps(group, keys, params.coefexps)
    if params.threshold != len(coefexps[0]) or not 1 <= params.threshold <= len(keys):
        raise PedersenError(f"threshold {params.threshold} does not match the polynomials")
    if len(params.verification_keys) != len(keys):
        raise PedersenError("not one verification key per certificate")
    for index, key in enumerate(params.verification_keys):
        if key.public_key != _expected_verification_key(group, coefexps, index + 1):
            raise PedersenError(f"verification key {index + 1} does not match the coefexps")
        verify_trustee_public_key(group, key)


def compute_pedersen_public_key(group: Group, params: ThresholdParameters) -> Element:
    """The sub-key y = prod_z A_z0 (§4.6.4)."""
    y = group.g_pow(0)
    for signed in params.coefexps:
        y = group.mul(y, parse_coefexps(group, signed)[0])
    return y


def open_share(group: Group, certs: Sequence[SignedMessage], seed: str, private_key: str) -> Scalar:
    """Recover S_j from the voutput's ``private_key`` with the trustee's seed (§4.6.6)."""
    keys = verify_certs(group, certs)
    own = find_own_index(group, keys, seed)
    secrets = TrusteeSecrets.from_seed(group, seed)
    text = receive(group, secrets.decryption_key, keys[own].verification, private_key)
    return _lenient_scalar(
        group, _field_of(group, text, "decryption_key", "decryption_key"), "share"
    )
