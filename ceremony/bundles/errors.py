"""Named errors of the bundle layer, one per import check (DESIGN.md §4).

The import runs its checks in a fixed order and stops at the first failure;
each failure is its own class so the GUI and the expert report can name it.
Messages never quote payload content beyond ids and hashes.
"""

from __future__ import annotations

from ceremony.errors import CeremonyError


class BundleError(CeremonyError):
    """Base of every bundle error."""

    default_message = "Le paquet signé est invalide. Demandez un nouveau paquet à son émetteur."


# 1. zip sanity
class ZipSanityError(BundleError):
    default_message = (
        "Le fichier n'est pas une archive de paquet saine (archive illisible, chemin dangereux, "
        "taille ou nombre de fichiers excessif). Il n'a pas été importé."
    )


# 2. manifest schema, version, magic and type
class ManifestSchemaError(BundleError):
    default_message = (
        "Le manifeste du paquet est mal formé. Le paquet n'a pas été importé ; "
        "demandez un nouveau paquet à son émetteur."
    )


class BundleMagicError(ManifestSchemaError):
    default_message = "Ce fichier n'est pas un paquet Bureau. Vérifiez le fichier choisi."


class BundleVersionError(ManifestSchemaError):
    default_message = (
        "Ce paquet utilise une version de format que ce logiciel ne connaît pas. "
        "Mettez le logiciel à jour ou demandez un paquet au format attendu."
    )


class BundleTypeError(ManifestSchemaError):
    default_message = (
        "Ce paquet n'est pas du type attendu à cette étape (par exemple un paquet de statut "
        "à la place d'une urne). Vérifiez le fichier choisi."
    )


# 3. signatures against the policy
class SignatureFormatError(BundleError):
    default_message = "Le fichier des signatures du paquet est mal formé. Le paquet est refusé."


class SignaturePolicyError(BundleError):
    default_message = (
        "Les signatures du paquet ne sont pas valides ou pas assez nombreuses "
        "(signataires manquants ou clé inconnue). Le paquet est refusé."
    )


# 4. file hashes and sizes
class FileIntegrityError(BundleError):
    default_message = (
        "Un fichier du paquet ne correspond pas à son empreinte signée : le paquet a été "
        "modifié ou abîmé. Il est refusé."
    )


class UnlistedFileError(FileIntegrityError):
    default_message = (
        "Le paquet contient un fichier que son manifeste signé ne mentionne pas. Il est refusé."
    )


class MissingFileError(FileIntegrityError):
    default_message = (
        "Il manque au paquet un fichier annoncé par son manifeste signé. Il est refusé."
    )


# 5. payload schema (after the signature and hashes vouch for the bytes)
class PayloadSchemaError(BundleError):
    default_message = (
        "Le contenu du paquet est signé mais mal formé. Il est refusé ; "
        "signalez-le à l'émetteur du paquet."
    )


# 6. cross-references
class CrossReferenceError(BundleError):
    default_message = "Le paquet ne se rapporte pas à ce bureau ou à cette élection. Il est refusé."


class BureauMismatchError(CrossReferenceError):
    default_message = "Ce paquet concerne un autre bureau de vote. Il est refusé."


class ContestMismatchError(CrossReferenceError):
    default_message = "Les scrutins de ce paquet ne sont pas ceux de ce bureau. Il est refusé."


class DefinitionMismatchError(CrossReferenceError):
    default_message = "Ce paquet se rapporte à une autre définition d'élection. Il est refusé."


class ElectionFingerprintError(CrossReferenceError):
    default_message = (
        "Les empreintes d'élection de ce paquet ne sont pas celles qui ont été scellées. "
        "Il est refusé."
    )


class PlatformKeyMismatchError(CrossReferenceError):
    default_message = (
        "La clé de la plateforme de vote ne correspond pas à celle qui a été vérifiée "
        "hors ligne. Le paquet est refusé."
    )


class MemberKeyMismatchError(CrossReferenceError):
    default_message = (
        "Les clés des cartes des membres ne correspondent pas à celles de la cérémonie "
        "des clés. Le paquet est refusé."
    )


# 7. freshness
class FreshnessError(BundleError):
    default_message = "Ce paquet n'est pas récent. Il est refusé."


class StaleStatusError(FreshnessError):
    default_message = (
        "Ce paquet de statut est plus ancien qu'un statut déjà importé, ou identique. "
        "Il est refusé ; importez le dernier statut de la plateforme."
    )


class ReplayedBundleError(FreshnessError):
    default_message = "Ce paquet a déjà été importé. Il n'est pas importé une seconde fois."


# Building and merging
class CombineMismatchError(BundleError):
    default_message = (
        "Ces exemplaires du paquet n'ont pas le même contenu signé : leurs signatures ne "
        "peuvent pas être réunies. Faites signer un seul et même paquet."
    )


class DuplicateSignatureError(BundleError):
    default_message = "Cette carte a déjà signé ce paquet."


class PayloadBuildError(BundleError):
    default_message = (
        "Le contenu à mettre dans le paquet est incohérent. Le paquet n'a pas été créé."
    )


class KeyFormatError(BundleError):
    default_message = "Une clé publique est mal formée ou d'un algorithme non accepté."
