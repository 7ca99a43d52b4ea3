"""Use-cases the window and the CLI call: one function per user action; transactions live here."""
