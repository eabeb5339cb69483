"""OpenPGP card client against the in-process APDU-level emulation (no pcscd)."""

from __future__ import annotations

import pytest

from ceremony.bundles import keys
from ceremony.cards.errors import (
    CardHoldsKeyError,
    CardRemovedError,
    DataObjectTooSmallError,
    MissingAlgorithmError,
    NoCardError,
    NotOpenPGPCardError,
    NoWrappedSecretError,
    PinBlockedError,
    PinEntryCancelledError,
    WrongCardError,
    WrongPinError,
)
from ceremony.cards.interface import (
    CardIdentity,
    CardSigner,
    PinPrompt,
    Signature,
    WrapContext,
    verify_card_signature,
)
from ceremony.cards.openpgp_card import OpenPGPCard, decode_login_record, encode_login_record
from ceremony.cards.wrapping import MAGIC
from tests.cards.cardtools import Member
from tests.cards.fake_card import P256, RSA2048, FakeConnector, FakeOpenPGPCard


def _ready(card: FakeOpenPGPCard, member: Member) -> tuple[OpenPGPCard, CardIdentity]:
    client = OpenPGPCard(FakeConnector(card), clock=lambda: 1_700_000_000)
    return client, client.initialise(member.setup(), member.init_pins())


def test_initialise_sign_wrap_unwrap_in_private_do() -> None:
    card = FakeOpenPGPCard()
    member = Member("Alice Martin", "president")
    client, identity = _ready(card, member)
    assert identity.serial == "FF01-0000BEEF"
    assert identity.signature_key.algorithm == "ecdsa-p256-sha256"
    assert identity.decryption_key.algorithm == "x25519"
    assert client.read_identity() == identity
    assert card.pins[1] == member.user_pin.encode() and card.pins[3] == member.admin_pin.encode()
    assert card.data[0x5B] == b"Alice<Martin"
    assert len(card.data[0xC7]) == 20 and card.data[0xCE] == (1_700_000_000).to_bytes(4, "big")

    secret = b"seed-" + bytes(range(40))
    context = member.context(identity)
    client.wrap_secret(secret, context, member.pins())
    assert card.data[0x0103].startswith(MAGIC) and secret not in card.data[0x0103]
    assert bytes(client.unwrap_secret(context, member.pins())) == secret

    signature = client.sign(b"manifest", member.pins())
    verify_card_signature(identity.signature_key, b"manifest", signature)
    assert Signature.from_dict(signature.to_dict()) == signature
    assert CardIdentity.from_dict(identity.to_dict()) == identity


def test_bundles_accept_card_keys_and_signatures() -> None:
    """A card signature is a valid bundle signature (same encodings and key ids)."""
    card = FakeOpenPGPCard()
    member = Member("Alice Martin", "president")
    client, identity = _ready(card, member)
    signer = CardSigner(client, identity, member.pins())
    bundle_key = keys.PublicKey(
        identity.signature_key.algorithm, identity.signature_key.public_bytes
    )
    assert bundle_key.key_id == signer.key_id
    keys.verify_signature(bundle_key, b"manifest", signer.sign(b"manifest"))


def test_rsa_fallback_when_card_lacks_p256() -> None:
    card = FakeOpenPGPCard(signature_algorithms=(RSA2048,))
    member = Member("Bruno Petit", "secretary")
    client, identity = _ready(card, member)
    assert identity.signature_key.algorithm == "rsa-pkcs1v15-sha256"
    signature = client.sign(b"pv", member.pins())
    verify_card_signature(identity.signature_key, b"pv", signature)


def test_rsa_fallback_when_card_does_not_list_algorithms() -> None:
    card = FakeOpenPGPCard(signature_algorithms=(RSA2048,), list_algorithms=False)
    _, identity = _ready(card, Member("Bruno Petit", "secretary"))
    assert identity.signature_key.algorithm == "rsa-pkcs1v15-sha256"


@pytest.mark.parametrize("listed", [True, False])
def test_missing_algorithms(listed: bool) -> None:
    member = Member("Chloé Durand", "delegate")
    no_x25519 = FakeOpenPGPCard(decryption_algorithms=(RSA2048,), list_algorithms=listed)
    with pytest.raises(MissingAlgorithmError):
        _ready(no_x25519, member)
    assert no_x25519.pins[1] == b"123456"  # nothing changed on the card
    brainpool = bytes.fromhex("132B2403030208010107")
    no_signature = FakeOpenPGPCard(
        signature_algorithms=(brainpool,), list_algorithms=listed, data={0xC1: brainpool}
    )
    with pytest.raises(MissingAlgorithmError):
        _ready(no_signature, member)


def test_not_an_openpgp_card() -> None:
    with pytest.raises(NotOpenPGPCardError):
        OpenPGPCard(FakeConnector(FakeOpenPGPCard(openpgp=False))).read_identity()


def test_blob_in_certificate_when_no_private_do() -> None:
    card = FakeOpenPGPCard(private_dos=False)
    member = Member("Denis Moreau", "delegate")
    client, identity = _ready(card, member)
    pins = member.pins()
    client.wrap_secret(b"seed-xyz", member.context(identity), pins)
    assert card.data[0x7F21].startswith(MAGIC)
    assert any(kind.value == "admin" for kind, _ in pins.asked)
    assert bytes(client.unwrap_secret(member.context(identity), member.pins())) == b"seed-xyz"


def test_blob_in_certificate_when_private_do_too_small_and_error_when_both_are() -> None:
    member = Member("Emma Roux", "delegate")
    card = FakeOpenPGPCard(special_do_max=128)
    client, identity = _ready(card, member)
    client.wrap_secret(b"s" * 100, member.context(identity), member.pins())
    assert card.data[0x7F21].startswith(MAGIC)
    assert bytes(client.unwrap_secret(member.context(identity), member.pins())) == b"s" * 100

    tiny = FakeOpenPGPCard(special_do_max=128, certificate_max=128)
    client, identity = _ready(tiny, member)
    with pytest.raises(DataObjectTooSmallError) as error:
        client.wrap_secret(b"s" * 100, member.context(identity), member.pins())
    assert "mémoire" in error.value.user_message
    with pytest.raises(NoWrappedSecretError):
        client.unwrap_secret(member.context(identity), member.pins())


def test_long_blob_with_chaining_or_extended_length() -> None:
    secret = bytes(range(256)) + bytes(range(144))  # blob of 464 bytes
    for extended in (True, False):
        card = FakeOpenPGPCard(extended=extended, private_dos=False)
        member = Member("Farid Benali", "delegate")
        client, identity = _ready(card, member)
        card.apdu_log.clear()
        client.wrap_secret(secret, member.context(identity), member.pins())
        assert bytes(client.unwrap_secret(member.context(identity), member.pins())) == secret
        chained = [a for a in card.apdu_log if a[0] & 0x10]
        extended_apdus = [a for a in card.apdu_log if len(a) > 6 and a[4] == 0]
        assert bool(chained) is not extended and bool(extended_apdus) is extended
        # The 464-byte certificate DO came back through GET RESPONSE.
        assert any(a[1] == 0xC0 for a in card.apdu_log)


@pytest.mark.parametrize("answer", ["63Cx", "6982"])
def test_wrong_pin_then_blocked(answer: str) -> None:
    card = FakeOpenPGPCard(wrong_pin_answer=answer)
    member = Member("Gaëlle Simon", "delegate")
    client, _ = _ready(card, member)
    wrong = Member("x", "delegate", user_pin="000999")
    for expected in (2, 1):
        with pytest.raises(WrongPinError) as error:
            client.sign(b"pv", wrong.pins())
        assert error.value.tries_left == expected
    with pytest.raises(PinBlockedError):
        client.sign(b"pv", wrong.pins())
    with pytest.raises(PinBlockedError):
        client.sign(b"pv", member.pins())


def test_pin_entry_cancelled_changes_nothing() -> None:
    card = FakeOpenPGPCard()
    member = Member("Hugo Lambert", "delegate")
    pins = member.init_pins()
    del pins.answers[next(k for k in pins.answers if k.value == "new-admin")]
    with pytest.raises(PinEntryCancelledError):
        OpenPGPCard(FakeConnector(card)).initialise(member.setup(), pins)
    assert card.pins == {1: b"123456", 3: b"12345678"} and card.data[0x5E] == b""


def test_removed_mid_operation_leaves_card_unchanged() -> None:
    card = FakeOpenPGPCard()
    member = Member("Inès Caron", "delegate")
    client, identity = _ready(card, member)
    client.wrap_secret(b"first", member.context(identity), member.pins())
    before = dict(card.data)

    class Pull:
        def get_pin(self, prompt: PinPrompt, tries_left: int | None) -> str:
            card.removed = True
            return member.user_pin

    with pytest.raises(CardRemovedError):
        client.wrap_secret(b"second", member.context(identity), Pull())
    with pytest.raises(NoCardError):
        client.read_identity()
    card.removed = False
    assert card.data == before
    assert bytes(client.unwrap_secret(member.context(identity), member.pins())) == b"first"


def test_context_for_another_card_is_refused() -> None:
    card = FakeOpenPGPCard()
    member = Member("Jules Faure", "delegate")
    client, _ = _ready(card, member)
    other = WrapContext(member.bureau_id, "delegate", "FF01-00000001", "fp", "seed")
    with pytest.raises(WrongCardError):
        client.wrap_secret(b"x", other, member.pins())


def test_login_record_round_trip_and_refusals() -> None:
    member = Member("Léa Nguyễn", "delegate")
    record = encode_login_record(member.setup())
    assert decode_login_record(record) == member.setup()
    assert decode_login_record(b"something else") is None
    assert decode_login_record(b"\xff\xfe") is None
    with pytest.raises(ValueError):
        encode_login_record(Member("a\nb", "delegate").setup())


def test_second_initialisation_refused_while_a_key_is_held_then_replaces_keys() -> None:
    card = FakeOpenPGPCard()
    member = Member("Marc Henry", "delegate")
    client, identity = _ready(card, member)
    client.wrap_secret(b"old", member.context(identity), member.pins())
    label = client.read_key_label()
    assert label is not None and label.holder == "Marc Henry"
    again = Member("Marc Henry", "delegate")
    pins = again.init_pins()
    pins.answers[next(k for k in pins.answers if k.value == "current-admin")] = [member.admin_pin]
    pins.answers[next(k for k in pins.answers if k.value == "current-user")] = [member.user_pin]
    with pytest.raises(CardHoldsKeyError):
        client.initialise(again.setup(), pins)
    assert card.data[0x0103].startswith(b"BWS1")
    with pytest.raises(CardHoldsKeyError):
        client.wrap_secret(b"new", member.context(identity), member.pins())
    # Only the holder's explicit erase (with the current PIN) frees the card.
    assert client.erase_key(member.pins()) == label
    assert client.read_key_label() is None
    second = client.initialise(again.setup(), pins)
    assert second.signature_key != identity.signature_key
    assert card.data[0x0103] == b""
    assert card.data[0xC1] == P256
