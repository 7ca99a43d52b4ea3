"""The encrypted local store: SQLCipher engine, records, migrations, change capture and audit."""
