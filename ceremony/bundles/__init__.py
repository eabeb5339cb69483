"""Signed bundles: the only link between the bureau and the voting platform.

A bundle is a zip holding ``manifest.json`` (magic ``bureau-bundle``, format
version, bundle type, ids, creation time, every payload file with SHA-256 and
size), the payload files, and ``signatures.json`` (signatures over the RFC 8785
bytes of the manifest, each naming key id, role and algorithm). DESIGN.md §4.

Modules, in dependency order:

- ``errors``: one named error per import check.
- ``canonical``: strict JSON parsing, RFC 8785 canonical bytes.
- ``keys``: ``Signer`` protocol, ``PublicKey``, ``verify_signature``, software
  signers; encodings match an OpenPGP card's PSO:CDS output.
- ``zipio``: deterministic zip writing, defensive reading (``ZipLimits``).
- ``manifest``: ``Manifest``, ``FileEntry``.
- ``sources``: large payload files kept on disk (``DiskFiles``, ``ZipFiles``).
- ``envelope``: ``Bundle``, ``make_bundle``, ``sign_bundle``, ``add_signature``,
  ``combine``, ``write_bundle_file``.
- ``policy``: signature policies as data, ``get_verification_result``,
  ``verify_signatures``, ``is_complete``.
- ``payloads.*``: typed payloads of the six bundle types.
- ``types``: ``make_typed_bundle`` (ids taken from the payload).
- ``importer``: ``import_bundle`` / ``import_bundle_file``, the ordered checks;
  pure, writes nothing: nothing is stored unless every check passes.
"""
