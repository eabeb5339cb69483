"""Named errors of the ceremony-archive verification, one per step.

Each says in plain French what the expert found and what it means; the
technical cause (English) names the file, entry or contest concerned.
"""

from __future__ import annotations

from ceremony.errors import CeremonyError


class ArchiveVerificationError(CeremonyError):
    """Base of the archive verification's own errors."""

    default_message = "La vérification du dossier de la cérémonie a échoué."


class PrerequisiteFailedError(ArchiveVerificationError):
    """A step needs what an earlier, failed step should have established."""

    default_message = "Non exécutée : une vérification dont elle dépend a échoué."


class ArchiveIndexError(ArchiveVerificationError):
    default_message = (
        "L'index du dossier (archive.json) est illisible, ou un fichier qu'il énumère est "
        "absent ou a été modifié depuis l'archivage."
    )


class ArchiveFileError(ArchiveVerificationError):
    default_message = "Un fichier du dossier est absent, illisible ou trop volumineux."


class UnprotectedFileError(ArchiveVerificationError):
    default_message = (
        "Le dossier contient un fichier protégé par aucune signature ni empreinte : "
        "il a été ajouté après l'archivage et ne fait pas partie du dossier officiel."
    )


class JournalArchiveEntryError(ArchiveVerificationError):
    default_message = (
        "Le journal du bureau ne reprend pas l'index du dossier : le dossier n'est pas "
        "celui que le bureau a archivé."
    )


class WorkstationKeyError(ArchiveVerificationError):
    default_message = (
        "Les points de contrôle du journal ne sont pas signés par la clé du poste du bureau "
        "enregistrée dans le journal."
    )


class JournalContentError(ArchiveVerificationError):
    default_message = (
        "Le journal du bureau ne décrit pas une cérémonie complète et cohérente "
        "(étape manquante, en double ou mal formée)."
    )


class PlatformKeyError(ArchiveVerificationError):
    default_message = (
        "La définition de l'élection n'est pas signée par la clé de la plateforme dont "
        "l'empreinte a été confirmée en séance."
    )


class DefinitionRecordError(ArchiveVerificationError):
    default_message = (
        "La définition de l'élection du dossier n'est pas celle que le bureau a importée, "
        "ou ne décrit pas ce bureau."
    )


class MemberCardError(ArchiveVerificationError):
    default_message = (
        "Les cartes enregistrées ne correspondent pas aux membres du bureau (membre "
        "manquant, en double, rôle ou bureau différent, carte d'entraînement dans une "
        "élection réelle)."
    )


class TrusteesError(ArchiveVerificationError):
    default_message = (
        "La cérémonie des clés n'est pas conforme : structure des garants, preuves de "
        "possession des clés ou vérifications de Pedersen en échec."
    )


class SealedElectionError(ArchiveVerificationError):
    default_message = (
        "Une élection scellée ne correspond pas à son scrutin (identifiant, listes dans "
        "l'ordre tiré, clé publique du bureau ou empreinte)."
    )


class TestVoteRecordError(ArchiveVerificationError):
    __test__ = False  # not a pytest class

    default_message = (
        "Le compte rendu du vote à blanc scellé n'établit pas un vote à blanc réussi sur "
        "chaque scrutin avec le quorum des cartes."
    )


class SealSignatureError(ArchiveVerificationError):
    default_message = (
        "Le scellement n'est pas signé par le quorum des cartes des membres (présidence et "
        "délégués) tel que le journal l'a enregistré."
    )


class SealManifestError(ArchiveVerificationError):
    default_message = (
        "Le manifeste de scellement ne correspond pas à la définition : listes, ordre, "
        "électeurs, codes de vote, horaires ou logiciel de vote différents."
    )


class SoftwareFingerprintError(ArchiveVerificationError):
    default_message = "L'empreinte du logiciel Bureau scellée est absente ou mal formée."


class StatusRecordError(ArchiveVerificationError):
    default_message = (
        "Les bulletins d'état de la plateforme ne sont pas ceux que le bureau a reçus : "
        "signature, ordre, rejeu, urne non vide à l'ouverture ou vote non clos."
    )


class DecisionRecordError(ArchiveVerificationError):
    default_message = (
        "Une décision du bureau (suspension, reprise, arrêt) n'est pas signée par la "
        "présidence ou ne correspond pas au journal."
    )


class ExpertRecordError(ArchiveVerificationError):
    default_message = (
        "Le journal ne consigne pas, avant l'ouverture de l'urne, la conclusion de l'expert "
        "indépendant selon laquelle rien n'a été altéré."
    )


class UrnRecordError(ArchiveVerificationError):
    default_message = (
        "L'urne n'est pas celle que la plateforme a remise au bureau (signature, bureau, "
        "scrutins ou empreinte différents)."
    )


class UrnSetupError(ArchiveVerificationError):
    default_message = (
        "Une urne ne reprend pas exactement ce qui a été scellé (élection, garants, codes "
        "de vote) ou n'est pas close."
    )


class EmargementError(ArchiveVerificationError):
    default_message = (
        "La liste d'émargement ne concorde pas avec l'urne : vote hors des heures "
        "d'ouverture et du délai de grâce, électeur émargé deux fois, ou nombre "
        "d'émargements différent du nombre de bulletins comptés."
    )


class CountArchiveError(ArchiveVerificationError):
    default_message = (
        "L'archive publique finale d'un scrutin (.bel) ne prolonge pas l'urne remise par la "
        "plateforme, ou n'est pas celle du dépouillement enregistré."
    )


class PartialDecryptionRecordError(ArchiveVerificationError):
    default_message = (
        "Les déchiffrements partiels publiés ne sont pas ceux de l'archive de l'élection, "
        "ou pas ceux des détenteurs de clés présents au dépouillement."
    )


class ResultRecordError(ArchiveVerificationError):
    default_message = (
        "Les résultats publiés (results.json, paquet des résultats) diffèrent du résultat "
        "déchiffré de l'élection."
    )


class SeatsError(ArchiveVerificationError):
    default_message = (
        "La répartition des sièges publiée ne se recalcule pas à partir des voix et des "
        "règles de la définition."
    )


class PvSignatureError(ArchiveVerificationError):
    default_message = (
        "Le procès-verbal n'est pas signé, avec leurs cartes, par chacun des membres "
        "présents au dépouillement."
    )


class PvContentError(ArchiveVerificationError):
    default_message = (
        "Le procès-verbal ne reprend pas les chiffres, les sièges ou les empreintes de ce "
        "dossier : il n'est pas celui de ce bureau ou de ce dépouillement."
    )


class SignedEditionError(ArchiveVerificationError):
    default_message = (
        "L'édition signée du procès-verbal (proces-verbal.pdf) n'indique pas l'empreinte "
        "du procès-verbal signé ou ses signataires."
    )


class HandoverError(ArchiveVerificationError):
    default_message = (
        "La liste de remise des clés ne mentionne pas chaque carte enregistrée du bureau."
    )


class PdfTextError(ArchiveVerificationError):
    default_message = "Un document PDF du dossier est illisible."


class MalformedContentError(ArchiveVerificationError):
    default_message = (
        "Un fichier du dossier a une forme inattendue : la vérification ne peut pas l'interpréter."
    )
