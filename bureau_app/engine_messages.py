"""The engine's error messages in the interface language.

``ceremony`` speaks French to the bureau (``CeremonyError.user_message``) and
must not depend on Qt; the English interface finds its sentence here, keyed by
the error's class (the nearest class in its ancestry that has one). A French
message the engine composed for one case (with a count or a name) is replaced
by its class's general English sentence; the French original stays in the
technical details.
"""

from __future__ import annotations

import re

from ceremony.errors import CeremonyError

_EN: dict[str, str] = {
    "CeremonyError": "An error occurred.",
    # Cards
    "CardError": "The card could not be used. Remove it and insert it again.",
    "WrongPinError": "Wrong PIN. Check the PIN and try again.",
    "PinBlockedError": (
        "This card's PIN is blocked after too many tries. The card can no longer be used: "
        "use the card of another authorised member."
    ),
    "PinPolicyError": (
        "This PIN is not accepted: choose a PIN of at least 6 digits, different from the "
        "factory PIN."
    ),
    "PinEntryCancelledError": "PIN entry cancelled. Nothing was changed on the card.",
    "LotsEntryCancelledError": (
        "Drawing of lots interrupted: a member cancelled their entry. Nothing of the draw was "
        "recorded; start the count again to redo it."
    ),
    "CardHoldsKeyError": (
        "This card already holds a ceremony key: it is neither reset nor rewritten. Only its "
        "holder may ask for it to be wiped (bureau card wipe)."
    ),
    "CardUnblockError": "The card could not be unblocked: check the card's admin PIN.",
    "WrongCardError": (
        "This is not the expected card (different holder, role or committee). "
        "Insert the card of the member shown."
    ),
    "NotOpenPGPCardError": (
        "This card is not a usable OpenPGP card. Insert a committee member's card."
    ),
    "CardNotInitialisedError": (
        "This card has not been prepared for the committee yet. Have it initialised during "
        "the key ceremony."
    ),
    "MissingAlgorithmError": (
        "This card cannot make the keys needed (X25519 and P-256 or RSA-2048). "
        "Use another card model."
    ),
    "DataObjectTooSmallError": (
        "The card's memory is too small to hold the committee key. Use another card model."
    ),
    "CardRemovedError": (
        "The card was removed during the operation. Nothing was recorded: insert the card "
        "again and start over."
    ),
    "NoReaderError": "No card reader is plugged in. Plug in a reader and try again.",
    "NoCardError": "No card in the reader. Insert the card and try again.",
    "PcscdNotRunningError": (
        "The smart card service (pcscd) is not running. Start it (or restart the computer) "
        "and try again."
    ),
    "CardInUseError": (
        "The card is used by another program (for instance GnuPG). Close that program, "
        "remove and insert the card again, then try again."
    ),
    "CardOperationError": "The card refused the operation. Remove it, insert it again and retry.",
    "UnwrapError": (
        "The key stored on this card does not belong to this committee or this election. "
        "Check that it is the right card."
    ),
    "NoWrappedSecretError": "No committee key is stored on this card.",
    "CardSignatureError": "The signature made by the card is not valid.",
    "TrainingCardRefusedError": (
        "This is a TRAINING card: it is refused for a real election. Use the member's smart card."
    ),
    "TrainingCardFileError": "The training card's file is unreadable or damaged.",
    # Workflow
    "WorkflowError": "This step of the ceremony cannot be done now.",
    "WrongPhaseError": "This step does not belong to the ceremony's current phase.",
    "StepAlreadyDoneError": "This step was already done and logged; it is not done again.",
    "QuorumError": (
        "The quorum is not reached: the president's or the secretary's card and as many list "
        "delegates' cards as the election's definition sets are needed."
    ),
    "AuthorisationMissingError": (
        "The committee suspends, resumes or stops the vote after the director general's "
        "authorisation (art. 19): give the reference of that authorisation."
    ),
    "ComponentsChangedError": (
        "The voting software in service is not the one that was reviewed and sealed: its "
        "fingerprint differs from the seal's. The vote must not go on; record it and tell "
        "the expert and the director general."
    ),
    "MemberUnknownError": "This member is not part of the committee defined by the organiser.",
    "CardNotRegisteredError": (
        "This card is not the one registered for this member: take the expected card."
    ),
    "PlatformKeyNotConfirmedError": (
        "The platform key fingerprint does not match the one read aloud: import nothing more "
        "and tell the organiser."
    ),
    "TestVoteFailedError": (
        "The test vote did not give the expected results: the system cannot be sealed. "
        "Tell the independent expert."
    ),
    "SealCheckError": (
        "A check before sealing failed (lists, drawn order, manifestos or logos): the system "
        "cannot be sealed."
    ),
    "UrnNotEmptyError": (
        "The ballot box was not empty when the vote opened: this must be recorded in the "
        "official report and the expert told."
    ),
    "UrnCheckError": (
        "The ballot box received from the platform fails the checks: it is not accepted. "
        "The technical details say which check failed."
    ),
    "EmargementMismatchError": (
        "The number of signatures in the register does not match the number of ballots: "
        "the ballot box is not accepted."
    ),
    "LateBallotError": (
        "Votes were recorded after the closing time plus the grace period: the ballot box "
        "is not accepted."
    ),
    "SealChangedError": (
        "The election in the ballot box is not the one the committee sealed: the ballot box "
        "is not accepted."
    ),
    "CountMismatchError": (
        "The second count does not give the same result as the first: publish neither and "
        "tell the independent expert."
    ),
    "DecisionNotAllowedError": (
        "This decision does not follow the previous ones: only a suspended vote is resumed, "
        "only a running vote is suspended, and nothing follows a stop."
    ),
    # Bundles
    "BundleError": "The signed bundle is invalid. Ask its sender for a new bundle.",
    "ZipSanityError": (
        "The file is not a sound bundle archive (unreadable, dangerous path, excessive size "
        "or number of files). It was not imported."
    ),
    "ManifestSchemaError": (
        "The bundle's manifest is malformed. The bundle was not imported; ask its sender for "
        "a new one."
    ),
    "BundleMagicError": "This file is not a Bureau bundle. Check the file chosen.",
    "BundleVersionError": (
        "This bundle uses a format version this software does not know. Update the software "
        "or ask for a bundle in the expected format."
    ),
    "BundleTypeError": (
        "This bundle is not of the type expected at this step (for instance a status bundle "
        "instead of a ballot box). Check the file chosen."
    ),
    "SignatureFormatError": "The bundle's signature file is malformed. The bundle is refused.",
    "SignaturePolicyError": (
        "The bundle's signatures are invalid or too few (missing signers or unknown key). "
        "The bundle is refused."
    ),
    "FileIntegrityError": (
        "A file of the bundle does not match its signed fingerprint: the bundle was changed "
        "or damaged. It is refused."
    ),
    "UnlistedFileError": (
        "The bundle holds a file its signed manifest does not mention. It is refused."
    ),
    "MissingFileError": (
        "A file announced by the bundle's signed manifest is missing. It is refused."
    ),
    "PayloadSchemaError": (
        "The bundle's content is signed but malformed. It is refused; tell the bundle's sender."
    ),
    "CrossReferenceError": (
        "The bundle does not belong to this committee or this election. It is refused."
    ),
    "BureauMismatchError": "This bundle concerns another polling committee. It is refused.",
    "ContestMismatchError": "This bundle's contests are not this committee's. It is refused.",
    "DefinitionMismatchError": (
        "This bundle belongs to another election definition. It is refused."
    ),
    "ElectionFingerprintError": (
        "This bundle's election fingerprints are not the sealed ones. It is refused."
    ),
    "PlatformKeyMismatchError": (
        "The voting platform's key does not match the one checked offline. The bundle is refused."
    ),
    "MemberKeyMismatchError": (
        "The members' card keys do not match those of the key ceremony. The bundle is refused."
    ),
    "FreshnessError": "This bundle is not recent. It is refused.",
    "StaleStatusError": (
        "This status bundle is older than, or the same as, a status already imported. It is "
        "refused; import the platform's latest status."
    ),
    "ReplayedBundleError": "This bundle was already imported. It is not imported twice.",
    "CombineMismatchError": (
        "These copies of the bundle do not have the same signed content: their signatures "
        "cannot be combined. Have one and the same bundle signed."
    ),
    "DuplicateSignatureError": "This card has already signed this bundle.",
    "PayloadBuildError": "The content to put in the bundle is inconsistent. No bundle was made.",
    "KeyFormatError": "A public key is malformed or uses an algorithm that is not accepted.",
    # Store and journal
    "StoreError": (
        "The committee's record cannot be used. Check the record's folder and restart the "
        "application."
    ),
    "StoreLockedError": (
        "The committee's record is already open in another Bureau window. Close the other "
        "window or command, then try again."
    ),
    "StoreMigrationError": (
        "The committee's record could not be updated to this version's format. Keep a copy "
        "of the folder and call technical support."
    ),
    "TransactionError": "An operation on the record was refused: nothing was recorded. Retry.",
    "BlobIntegrityError": (
        "A file kept in the record was changed since it was recorded. Do not use it and tell "
        "the expert."
    ),
    "BlobNotFoundError": (
        "An expected file (bundle or attachment) is missing from the record. Import it again "
        "or tell the expert."
    ),
    "JournalError": (
        "The committee's journal was changed: it no longer matches what was recorded. Tell "
        "the president and the expert."
    ),
    "WorkstationKeyError": (
        "The workstation key is unusable. Check the system keyring or the workstation key file."
    ),
}


def english_message(error: CeremonyError) -> str:
    """The English sentence for ``error``: its class's, else its nearest ancestor's."""
    if type(error).__name__ == "WrongPinError":
        tries = getattr(error, "tries_left", None)
        if tries == 1:
            return "Wrong PIN. One try left: at the next failure the card will be blocked."
        if isinstance(tries, int):
            return f"Wrong PIN. {tries} tries left."
    for cls in type(error).__mro__:
        text = _EN.get(cls.__name__)
        if text is not None:
            return text
    return _EN["CeremonyError"]


def user_text(error: CeremonyError, language: str | None = None) -> str:
    """What to show the person: the engine's French, or its English in the English interface.

    An import refused names the file chosen (``bureau_file``, set by the adapter).
    """
    if language is None:
        from bureau_app.i18n import current_language

        language = current_language()
    text = english_message(error) if language == "en" else error.user_message
    name = getattr(error, "bureau_file", None)
    if name:
        if language == "en":
            return f"The file “{name}” was refused. {text}"
        return f"Le fichier « {name} » a été refusé. {text}"
    return text


# The drawing of lots' prompts (ceremony.workflow.lots_draw), composed by the engine in
# French with the tied lists' and the member's names: the English keeps the names.
_LOTS_PROMPTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"^Tirage au sort entre (?P<lists>.+) — (?P<holder>.+?) : tapez une valeur "
            r"secrète de votre choix \(au moins (?P<length>\d+) caractères\), que vous "
            r"retaperez à l'identique pour la révéler\.$",
            re.DOTALL,
        ),
        "Drawing of lots between {lists} — {holder}: type a secret value of your choice "
        "(at least {length} characters), which you will type again, identically, to reveal it.",
    ),
    (
        re.compile(
            r"^Valeur trop courte — (?P<holder>.+?) : tapez au moins (?P<length>\d+) "
            r"caractères \(essai (?P<attempt>\d+) sur (?P<tries>\d+)\)\.$",
            re.DOTALL,
        ),
        "Value too short — {holder}: type at least {length} characters (try {attempt} of {tries}).",
    ),
    (
        re.compile(
            r"^Révélation — (?P<holder>.+?) : cette valeur ne correspond pas à celle que vous "
            r"avez engagée ; retapez-la exactement \(essai (?P<attempt>\d+) sur "
            r"(?P<tries>\d+)\)\.$",
            re.DOTALL,
        ),
        "Reveal — {holder}: this value is not the one you committed to; type it again "
        "exactly (try {attempt} of {tries}).",
    ),
    (
        re.compile(
            r"^Révélation — (?P<holder>.+?) : tapez à nouveau votre valeur, en public\.$",
            re.DOTALL,
        ),
        "Reveal — {holder}: type your value again, in public.",
    ),
)


def lots_prompt(message: str, language: str | None = None) -> str:
    """The engine's lots prompt in the interface language (names kept as they are)."""
    if language is None:
        from bureau_app.i18n import current_language

        language = current_language()
    if language != "en":
        return message
    for pattern, english in _LOTS_PROMPTS:
        found = pattern.match(message)
        if found is not None:
            parts = dict(found.groupdict())
            if "lists" in parts:
                parts["lists"] = re.sub(r"«\s*(.*?)\s*»", r"“\1”", parts["lists"])
            return english.format(**parts)
    return message
