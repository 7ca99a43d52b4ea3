"""People across cases: romanisation, phonetic keys and Fellegi–Sunter scoring (no Qt, no store)."""
