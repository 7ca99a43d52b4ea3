"""People across cases: romanisation, phonetic keys and Fellegi–Sunter scoring (no Qt, no store).

The package imports nothing else from fieldapp (its `Person` is a plain dataclass that
services and HQ fill from their records), so every layer may use it: the store's search
index takes its romanisation and phonetic keys from here.
"""
