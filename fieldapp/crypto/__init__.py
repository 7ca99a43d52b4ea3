"""Key derivation, the keystore of wrapped database keys, envelopes and attachment encryption."""
