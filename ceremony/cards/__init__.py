"""Key holders' cards: OpenPGP cards over PC/SC, and software training cards."""
