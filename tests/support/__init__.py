"""Test helpers shared across test folders (real HQ server on loopback, device stand-in)."""
