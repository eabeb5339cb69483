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

Two formats (``version.py``). Belenios 3.3 (what we write; 2.5.1/3.0/3.1
changes): each certificate carries its context (group, size, threshold,
1-based index), each polynomial a signature of ``certs_sig|{certs, coefexps}``,
vinputs and threshold parameters carry those ``signatures``, each verification
key is signed with its trustee's certificate key, and channel messages use
AES-GCM. Belenios 2.0 (still read, verified and opened): none of these, and
AES-CCM. The format of a key generation is that of its certificates: every
certificate has a context (3.3) or none has (2.0).
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ceremony.protocol.base58 import random_string
from ceremony.protocol.channel import (
    AES_GCM,
    InvalidSignatureError,
    SignedMessage,
    derive_key,
    make_signed_message,
    receive,
    send,
    verify_signed_message,
)
from ceremony.protocol.errors import MalformedDataError, ProtocolError
from ceremony.protocol.group import Element, Group, Scalar
from ceremony.protocol.proofs import Proof
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
from ceremony.protocol.version import (
    FORMAT_2_0,
    FORMAT_3_3,
    Format,
    element_text,
    group_requires_3x,
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


class CertContextError(PedersenError):
    """A certificate's context (group, size, threshold, index) is missing or wrong (3.x)."""

    check = "cert_context"


class CertSignatureError(PedersenError):
    """A certificate's self-signature does not verify (§4.6.2)."""

    check = "cert_signature"


class CoefexpsSignatureError(PedersenError):
    """A signed ``coefexps`` does not verify under its trustee's key (§4.6.4)."""

    check = "coefexps_signature"


class PolynomialSignatureError(PedersenError):
    """The ``certs_sig`` signature binding a trustee's coefexps to Γ is missing or wrong (3.x)."""

    check = "polynomial_signature"


class VerificationKeyError(PedersenError):
    """A verification key differs from prod_i prod_k A_ik^(j^k) or its proof fails (§4.6.7)."""

    check = "verification_key"


class VerificationKeySignatureError(PedersenError):
    """A verification key's signature by its trustee is missing or wrong (3.x)."""

    check = "verification_key_signature"


def _text(obj: Any) -> str:
    return dumps(obj).decode("utf-8")


def _algorithm(fmt: Format) -> str | None:
    return AES_GCM if fmt == FORMAT_3_3 else None


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
class CertContext:
    """``context`` of a 3.x certificate: where it belongs in the key generation."""

    group: str
    size: int
    threshold: int
    index: int
    """1-based position of the certificate in Γ."""

    def to_dict(self) -> dict[str, Any]:
        """Fields in belenios-tool's order."""
        return {
            "group": self.group,
            "size": self.size,
            "threshold": self.threshold,
            "index": self.index,
        }

    @classmethod
    def from_dict(cls, obj: object) -> CertContext:
        """Parse a certificate context."""
        d = require_dict(obj, "cert context")
        return cls(
            require_str(get_field(d, "group", "context"), "context.group"),
            require_int(get_field(d, "size", "context"), "context.size"),
            require_int(get_field(d, "threshold", "context"), "context.threshold"),
            require_int(get_field(d, "index", "context"), "context.index"),
        )


@dataclass(frozen=True)
class CertKeys:
    """``cert_keys`` of §4.6.2: the verification key g^sk and encryption key g^dk,
    with the certificate's ``context`` in 3.x."""

    verification: Element
    encryption: Element
    context: CertContext | None = None

    def to_string(self, group: Group) -> str:
        """Compact JSON in belenios-tool's order (§4.6.2): ?context, verification, encryption."""
        out: dict[str, Any] = {}
        if self.context is not None:
            out["context"] = self.context.to_dict()
        out["verification"] = element_text(group, self.verification)
        out["encryption"] = element_text(group, self.encryption)
        return _text(out)

    @classmethod
    def from_cert(cls, group: Group, cert: SignedMessage) -> CertKeys:
        """Read the keys a certificate carries; both must be group elements (§4.6.2; 3.3)."""
        d = require_dict(loads(cert.message), "cert_keys")
        context = d.get("context")
        return cls(
            group.parse_public_key(get_field(d, "verification", "cert_keys"), "cert verification"),
            group.parse_public_key(get_field(d, "encryption", "cert_keys"), "cert encryption"),
            None if context is None else CertContext.from_dict(context),
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


def make_context(group: Group, size: int, threshold: int, index: int) -> CertContext:
    """The context of certificate ``index`` (1-based) of ``size``, ``threshold`` needed."""
    if not 1 <= threshold <= size or not 1 <= index <= size:
        raise PedersenError(f"context {index}/{threshold}/{size} is not possible")
    return CertContext(group.name, size, threshold, index)


def make_cert(
    group: Group,
    seed: str,
    rng: random.Random | None = None,
    *,
    context: CertContext | None = None,
) -> SignedMessage:
    """The certificate of a trustee: its cert_keys signed with sk (§4.6.2).

    With a ``context`` it is a 3.3 certificate (``--threshold-context i/t/n`` of
    belenios-tool 3.3); without, a 2.0 one.
    """
    secrets = TrusteeSecrets.from_seed(group, seed)
    keys = CertKeys(group.g_pow(secrets.signing_key), group.g_pow(secrets.decryption_key), context)
    return make_signed_message(group, secrets.signing_key, keys.to_string(group), rng)


def certs_format(keys: Sequence[CertKeys]) -> Format:
    """3.3 when the certificates carry contexts, 2.0 when none does."""
    with_context = sum(1 for k in keys if k.context is not None)
    if with_context == 0:
        return FORMAT_2_0
    if with_context != len(keys):
        raise CertContextError("some certificates carry a context and others do not")
    return FORMAT_3_3


def verify_certs(
    group: Group, certs: Sequence[SignedMessage], *, require_3x: bool = False
) -> tuple[CertKeys, ...]:
    """Check each certificate and return their keys (§3.1.1 step 1b, §4.6.2).

    Self-signatures always; in 3.x every context must be (group, number of
    certificates, the common threshold, 1-based position), as belenios-tool
    3.3 checks. ``require_3x`` refuses 2.0 certificates (e.g. in Ed25519).
    """
    if not certs:
        raise PedersenError("no certificate")
    keys = tuple(CertKeys.from_cert(group, cert) for cert in certs)
    fmt = certs_format(keys)
    if fmt == FORMAT_2_0 and (require_3x or group_requires_3x(group)):
        raise CertContextError("certificates carry no context (Belenios 2.0 format)")
    if fmt == FORMAT_3_3:
        first = keys[0].context
        assert first is not None
        for index, key in enumerate(keys, start=1):
            expected = CertContext(group.name, len(keys), first.threshold, index)
            if key.context != expected:
                raise CertContextError(
                    f"certificate {index}: context {key.context} differs from {expected}"
                )
        if not 1 <= first.threshold <= len(keys):
            raise CertContextError(f"threshold {first.threshold} of {len(keys)} certificates")
    for index, (cert, key) in enumerate(zip(certs, keys, strict=True), start=1):
        try:
            verify_signed_message(group, key.verification, cert)
        except InvalidSignatureError as e:
            raise CertSignatureError(f"certificate {index}: {e.technical}") from e
    if len({element_text(group, k.verification) for k in keys}) != len(keys):
        raise PedersenError("two certificates carry the same verification key")
    return keys


def certs_sig_message(
    group: Group, certs: Sequence[SignedMessage], coefexps: Sequence[Element]
) -> str:
    """What a 3.x polynomial signature signs: ``certs_sig|`` and the compact JSON
    ``{"certs": Γ, "coefexps": [A_i0, ...]}`` (belenios-tool 3.3, step 3)."""
    body = {
        "certs": [c.to_dict() for c in certs],
        "coefexps": [element_text(group, a) for a in coefexps],
    }
    return "certs_sig|" + _text(body)


def _verify_polynomial_signature(
    group: Group,
    certs: Sequence[SignedMessage],
    key: CertKeys,
    coefexps: Sequence[Element],
    signature: Proof | None,
    index: int,
) -> None:
    if signature is None:
        raise PolynomialSignatureError(f"trustee {index + 1}: polynomial signature is missing")
    message = SignedMessage(certs_sig_message(group, certs, coefexps), signature)
    try:
        verify_signed_message(group, key.verification, message)
    except InvalidSignatureError as e:
        raise PolynomialSignatureError(f"trustee {index + 1}: {e.technical}") from e


def find_own_index(group: Group, keys: Sequence[CertKeys], seed: str) -> int:
    """The 0-based position in Γ of the trustee holding ``seed`` (§4.6.4 "keys match")."""
    secrets = TrusteeSecrets.from_seed(group, seed)
    vk = element_text(group, group.g_pow(secrets.signing_key))
    ek = element_text(group, group.g_pow(secrets.decryption_key))
    for index, key in enumerate(keys):
        if (
            element_text(group, key.verification) == vk
            and element_text(group, key.encryption) == ek
        ):
            return index
    raise WrongSeedError("the seed matches no certificate of the set")


@dataclass(frozen=True)
class Polynomial:
    """``polynomial`` of §4.6.4: own coefficients, per-trustee secrets, signed A_ik,
    and (3.x) the ``certs_sig`` signature."""

    polynomial: str
    secrets: tuple[str, ...]
    coefexps: SignedMessage
    signature: Proof | None = None

    def to_dict(self) -> dict[str, Any]:
        """Fields in belenios-tool's order (§4.6.4): polynomial, secrets, coefexps, ?signature."""
        out: dict[str, Any] = {
            "polynomial": self.polynomial,
            "secrets": list(self.secrets),
            "coefexps": self.coefexps.to_dict(),
        }
        if self.signature is not None:
            out["signature"] = self.signature.to_dict()
        return out

    @classmethod
    def from_dict(cls, group: Group, obj: object) -> Polynomial:
        """Parse (§4.6.4)."""
        d = require_dict(obj, "polynomial")
        secrets = require_list(get_field(d, "secrets", "polynomial"), "polynomial secrets")
        signature = d.get("signature")
        return cls(
            require_str(get_field(d, "polynomial", "polynomial"), "polynomial polynomial"),
            tuple(require_str(s, "polynomial secret") for s in secrets),
            SignedMessage.from_dict(group, get_field(d, "coefexps", "polynomial"), "coefexps"),
            None
            if signature is None
            else Proof.from_dict(group, signature, "polynomial signature"),
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
    fmt = certs_format(keys)
    if not 1 <= threshold <= len(keys):
        raise PedersenError(f"threshold {threshold} is not between 1 and {len(keys)}")
    if fmt == FORMAT_3_3 and keys[0].context is not None and keys[0].context.threshold != threshold:
        raise CertContextError(f"threshold {threshold} differs from the certificates' context")
    algorithm = _algorithm(fmt)
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
        send(group, sk, key.encryption, _text({"secret": str(f(j))}), rng, algorithm=algorithm)
        for j, key in enumerate(keys, start=1)
    )
    exps = [group.g_pow(a) for a in coefficients]
    coefexps = _text({"coefexps": [element_text(group, a) for a in exps]})
    signature = None
    if fmt == FORMAT_3_3:
        signature = make_signed_message(
            group, sk, certs_sig_message(group, certs, exps), rng
        ).signature
    return Polynomial(
        polynomial=send(group, sk, keys[own].encryption, raw, rng, algorithm=algorithm),
        secrets=shares,
        coefexps=make_signed_message(group, sk, coefexps, rng),
        signature=signature,
    )


@dataclass(frozen=True)
class Vinput:
    """``vinput`` of §4.6.5: what trustee j receives to check and finish its share."""

    polynomial: str
    secrets: tuple[str, ...]
    coefexps: tuple[SignedMessage, ...]
    signatures: tuple[Proof, ...] | None = None

    def to_dict(self) -> dict[str, Any]:
        """Fields in belenios-tool's order (§4.6.5): ..., coefexps, ?signatures."""
        out: dict[str, Any] = {
            "polynomial": self.polynomial,
            "secrets": list(self.secrets),
            "coefexps": [c.to_dict() for c in self.coefexps],
        }
        if self.signatures is not None:
            out["signatures"] = [p.to_dict() for p in self.signatures]
        return out

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
            _signatures(group, d.get("signatures"), "vinput signatures"),
        )


def _signatures(group: Group, value: object, what: str) -> tuple[Proof, ...] | None:
    if value is None:
        return None
    return tuple(Proof.from_dict(group, p, what) for p in require_list(value, what))


def _check_coefexps(
    group: Group, keys: Sequence[CertKeys], coefexps: Sequence[SignedMessage]
) -> tuple[tuple[Element, ...], ...]:
    if len(coefexps) != len(keys):
        raise PedersenError(f"{len(coefexps)} coefexps for {len(keys)} trustees")
    out = []
    for index, (key, signed) in enumerate(zip(keys, coefexps, strict=True), start=1):
        try:
            verify_signed_message(group, key.verification, signed)
        except InvalidSignatureError as e:
            raise CoefexpsSignatureError(f"coefexps {index}: {e.technical}") from e
        out.append(parse_coefexps(group, signed))
    if len({len(a) for a in out}) != 1 or not out[0]:
        raise PedersenError("coefexps of different degrees")
    return tuple(out)


def _check_signatures(
    group: Group,
    certs: Sequence[SignedMessage],
    keys: Sequence[CertKeys],
    coefexps: Sequence[Sequence[Element]],
    signatures: Sequence[Proof | None] | None,
) -> None:
    """Every trustee's ``certs_sig`` signature over Γ and its coefexps (3.x)."""
    if signatures is None:
        raise PolynomialSignatureError("polynomial signatures are missing")
    if len(signatures) != len(keys):
        raise PolynomialSignatureError(f"{len(signatures)} signatures for {len(keys)} trustees")
    for index, (key, exps, sig) in enumerate(zip(keys, coefexps, signatures, strict=True)):
        _verify_polynomial_signature(group, certs, key, exps, sig, index)


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
    fmt = certs_format(keys)
    if len(polynomials) != len(keys):
        raise PedersenError(f"{len(polynomials)} polynomials for {len(keys)} trustees")
    for p in polynomials:
        if len(p.secrets) != len(keys):
            raise PedersenError("a polynomial does not carry one secret per trustee")
    coefexps = tuple(p.coefexps for p in polynomials)
    parsed = _check_coefexps(group, keys, coefexps)
    _check_threshold(keys, parsed)
    signatures = None
    if fmt == FORMAT_3_3:
        _check_signatures(group, certs, keys, parsed, [p.signature for p in polynomials])
        signatures = tuple(p.signature for p in polynomials if p.signature is not None)
    return tuple(
        Vinput(
            polynomial=polynomials[j].polynomial,
            secrets=tuple(p.secrets[j] for p in polynomials),
            coefexps=coefexps,
            signatures=signatures,
        )
        for j in range(len(keys))
    )


def _check_threshold(keys: Sequence[CertKeys], coefexps: Sequence[Sequence[Element]]) -> None:
    context = keys[0].context
    if context is not None and context.threshold != len(coefexps[0]):
        raise CertContextError(
            f"polynomials of {len(coefexps[0])} coefficients, context threshold {context.threshold}"
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
    fmt = certs_format(keys)
    own = find_own_index(group, keys, seed)
    secrets = TrusteeSecrets.from_seed(group, seed)
    coefexps = _check_coefexps(group, keys, vinput.coefexps)
    _check_threshold(keys, coefexps)
    if fmt == FORMAT_3_3:
        _check_signatures(group, certs, keys, coefexps, vinput.signatures)
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
    own_exps = [element_text(group, group.g_pow(a)) for a in own_coefficients]
    if own_exps != [element_text(group, a) for a in coefexps[own]]:
        raise PedersenError("own polynomial does not match its coefexps")
    x = own + 1
    share = 0
    for i, (key, encrypted) in enumerate(zip(keys, vinput.secrets, strict=True)):
        text = receive(group, secrets.decryption_key, key.verification, encrypted)
        s_ij = _lenient_scalar(group, _field_of(group, text, "secret", "secret"), "secret")
        if not _same(group, group.g_pow(s_ij), _commitment_at(group, coefexps[i], x)):
            raise PedersenError(f"secret from trustee {i + 1} does not match its coefexps")
        share = (share + s_ij) % group.q
    private_key = send(
        group,
        secrets.signing_key,
        keys[own].encryption,
        _text({"decryption_key": str(share)}),
        rng,
        algorithm=_algorithm(fmt),
    )
    public_key = make_trustee_public_key(group, share, rng)
    if fmt == FORMAT_3_3:
        signed = make_signed_message(group, secrets.signing_key, public_key.text(group), rng)
        public_key = dataclasses.replace(public_key, signature=signed.signature)
    return Voutput(private_key, public_key)


def _same(group: Group, a: Element, b: Element) -> bool:
    return element_text(group, a) == element_text(group, b)


def _expected_verification_key(
    group: Group, coefexps: Sequence[Sequence[Element]], x: int
) -> Element:
    acc = group.g_pow(0)
    for a in coefexps:
        acc = group.mul(acc, _commitment_at(group, a, x))
    return acc


def verify_verification_key(
    group: Group,
    coefexps: Sequence[Sequence[Element]],
    index: int,
    key: TrusteePublicKey,
    cert: CertKeys | None,
    fmt: Format,
) -> None:
    """Verification key j = ``index`` + 1: g^S_j = prod_i prod_k A_ik^(j^k), its proof of
    knowledge, and (3.x) its signature by trustee j's certificate key (§4.6.6–4.6.7)."""
    expected = _expected_verification_key(group, coefexps, index + 1)
    if not _same(group, key.public_key, expected):
        raise VerificationKeyError(f"verification key {index + 1} does not match the coefexps")
    try:
        verify_trustee_public_key(group, key)
    except ProtocolError as e:
        raise VerificationKeyError(f"verification key {index + 1}: {e.technical}") from e
    if fmt == FORMAT_2_0:
        return
    if key.signature is None or cert is None:
        raise VerificationKeySignatureError(f"verification key {index + 1} is not signed")
    try:
        message = SignedMessage(element_text(group, expected), key.signature)
        verify_signed_message(group, cert.verification, message)
    except InvalidSignatureError as e:
        raise VerificationKeySignatureError(f"verification key {index + 1}: {e.technical}") from e


def verify_voutput(
    group: Group,
    coefexps: Sequence[Sequence[Element]],
    index: int,
    voutput: Voutput,
    cert: CertKeys | None = None,
) -> None:
    """The administrator's check of vo_j, ``index`` = j - 1 (§3.1.1 step 5d, §4.6.6).

    With the certificate of trustee j (3.x), its signature of the key too.
    """
    fmt = FORMAT_2_0 if cert is None or cert.context is None else FORMAT_3_3
    verify_verification_key(group, coefexps, index, voutput.public_key, cert, fmt)


@dataclass(frozen=True)
class ThresholdParameters:
    """``threshold_parameters`` of §4.6.7."""

    threshold: int
    certs: tuple[SignedMessage, ...]
    coefexps: tuple[SignedMessage, ...]
    verification_keys: tuple[TrusteePublicKey, ...]
    signatures: tuple[Proof, ...] | None = None

    def to_dict(self) -> dict[str, Any]:
        """Fields in belenios-tool's order (§4.6.7): threshold, certs, coefexps,
        ?signatures (3.x), verification_keys."""
        out: dict[str, Any] = {
            "threshold": self.threshold,
            "certs": [c.to_dict() for c in self.certs],
            "coefexps": [c.to_dict() for c in self.coefexps],
        }
        if self.signatures is not None:
            out["signatures"] = [p.to_dict() for p in self.signatures]
        out["verification_keys"] = [k.to_dict() for k in self.verification_keys]
        return out

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
            _signatures(group, d.get("signatures"), f"{what} signatures"),
        )


def combine_threshold_parameters(
    group: Group,
    certs: Sequence[SignedMessage],
    polynomials: Sequence[Polynomial],
    voutputs: Sequence[Voutput],
) -> ThresholdParameters:
    """Check the voutputs and assemble the threshold parameters (§3.1.1 step 6, §4.6.7)."""
    keys = verify_certs(group, certs)
    fmt = certs_format(keys)
    signed = tuple(p.coefexps for p in polynomials)
    coefexps = _check_coefexps(group, keys, signed)
    _check_threshold(keys, coefexps)
    signatures = None
    if fmt == FORMAT_3_3:
        _check_signatures(group, certs, keys, coefexps, [p.signature for p in polynomials])
        signatures = tuple(p.signature for p in polynomials if p.signature is not None)
    if len(voutputs) != len(keys):
        raise PedersenError(f"{len(voutputs)} voutputs for {len(keys)} trustees")
    for index, voutput in enumerate(voutputs):
        verify_verification_key(group, coefexps, index, voutput.public_key, keys[index], fmt)
    return ThresholdParameters(
        threshold=len(coefexps[0]),
        certs=tuple(certs),
        coefexps=signed,
        verification_keys=tuple(v.public_key for v in voutputs),
        signatures=signatures,
    )


def threshold_parameters_format(params: ThresholdParameters) -> Format:
    """3.3 when any 3.x field is present (contexts, signatures, signed keys), else 2.0."""
    if params.signatures is not None or any(k.signature for k in params.verification_keys):
        return FORMAT_3_3
    for cert in params.certs:
        try:
            if "context" in require_dict(loads(cert.message), "cert_keys"):
                return FORMAT_3_3
        except MalformedDataError:
            continue
    return FORMAT_2_0


def verify_threshold_parameters(
    group: Group, params: ThresholdParameters, *, require_3x: bool = False
) -> Format:
    """Check the threshold parameters; return the format they were written in (§4.6.7).

    Both formats: self-signed certificates, signed coefexps, threshold =
    number of coefficients, verification key j = prod_i prod_k A_ik^(j^k) with
    its proof of knowledge. 3.x, as belenios-tool 3.3 checks: certificate
    contexts, the ``certs_sig`` signatures and the verification keys'
    signatures. A record with any 3.x field is held to every 3.x check.
    """
    fmt = threshold_parameters_format(params)
    keys = verify_certs(group, params.certs, require_3x=require_3x or fmt == FORMAT_3_3)
    coefexps = _check_coefexps(group, keys, params.coefexps)
    if params.threshold != len(coefexps[0]) or not 1 <= params.threshold <= len(keys):
        raise PedersenError(f"threshold {params.threshold} does not match the polynomials")
    if fmt == FORMAT_3_3:
        context = keys[0].context
        if context is None or context.threshold != params.threshold:
            raise CertContextError("certificate contexts do not give the threshold")
        _check_signatures(group, params.certs, keys, coefexps, params.signatures)
    if len(params.verification_keys) != len(keys):
        raise PedersenError("not one verification key per certificate")
    for index, key in enumerate(params.verification_keys):
        verify_verification_key(group, coefexps, index, key, keys[index], fmt)
    return fmt


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


def make_threshold_keys(
    group: Group,
    seeds: Sequence[str],
    threshold: int,
    rng: random.Random | None = None,
    *,
    fmt: Format = FORMAT_3_3,
) -> tuple[ThresholdParameters, tuple[Voutput, ...]]:
    """Every step of the key generation for trustees holding ``seeds`` (§3.1.1 steps 1–6).

    Writes the 3.3 format by default (certificate contexts, signatures,
    AES-GCM); ``fmt=FORMAT_2_0`` writes what belenios-tool 2.0 writes.
    """
    n = len(seeds)
    certs = [
        make_cert(
            group,
            seed,
            rng,
            context=make_context(group, n, threshold, i) if fmt == FORMAT_3_3 else None,
        )
        for i, seed in enumerate(seeds, start=1)
    ]
    polynomials = [make_polynomial(group, certs, seed, threshold, rng) for seed in seeds]
    vinputs = compute_vinputs(group, certs, polynomials)
    voutputs = tuple(
        make_voutput(group, certs, seed, vinput, rng)
        for seed, vinput in zip(seeds, vinputs, strict=True)
    )
    return combine_threshold_parameters(group, certs, polynomials, voutputs), voutputs
