"""Key holders' cards: OpenPGP cards over PC/SC, and software training cards.

Entry points:

- ``interface``: ``CardIdentity``, ``CardClient``, ``PinHandler``, ``WrapContext``,
  ``Signature``, ``verify_card_signature``, ``check_expected_card``,
  ``check_card_allowed``, ``CardSigner`` (a card as a bundle signer);
- ``openpgp_card.OpenPGPCard`` over ``pcsc.PcscReader``; ``discovery`` finds
  cards by serial; ``pcsc.CardMonitor`` reports insertions and removals;
- ``training.TrainingCard``: the software card (refused for real elections);
- ``worker.CardWorker`` / ``ThreadedCard``: all card I/O on one thread;
- ``errors``: the named errors, each with a French message.

Card models. The code relies only on the OpenPGP card specification (3.x;
2.x cards with the same algorithms also fit) through PC/SC, and reads every
capability from the card. It should work with YubiKey 5 (firmware 5.2.3+ for
X25519/P-256), Nitrokey 3 (opcard), Nitrokey Pro 2 / Start, Gnuk 1.2+ (for
example on FST-01), SmartPGP 1.20+ (Java Card), and the
``smartcard-app-openpgp`` emulator used in the tests (the only one tested here).

Card features relied on:

- SELECT by AID, GET DATA 6E (AID, historical bytes, extended capabilities
  C0, algorithm attributes, PW status C4), optional DO FA (algorithm list);
- VERIFY PW1 (81/82) and PW3 (83), wrong PIN reported as 63Cx or 6982 with
  tries read from C4; CHANGE REFERENCE DATA for PW1 and PW3;
- algorithm attributes writable with PW3 (C1/C2): X25519 (ECDH, cv25519) for
  decryption is required; ECDSA P-256 for signature, else RSA-2048;
- GENERATE ASYMMETRIC KEY PAIR and reading public keys (7F49 templates);
- PSO:COMPUTE DIGITAL SIGNATURE (hash in, raw r||s out for ECDSA;
  DigestInfo for RSA) and PSO:DECIPHER with an ECDH point (A6/7F49/86);
- PUT DATA on 5B (name), 5E (login data, ~100 bytes), C7/C8 and CE/CF (key
  fingerprints and dates, for GnuPG), and either private-use DO 0103
  (PW1-protected, needs ``blob <= special DO max``) or cardholder
  certificate 7F21 (PW3 to write) for the wrapped secret (64 bytes + secret);
- command chaining or extended length for commands over 255 bytes, and
  GET RESPONSE (61xx) for long answers.
"""
