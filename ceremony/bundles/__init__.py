"""Signed bundles: the only link between the bureau and the voting platform."""
