"""SQLite storage: connection, migrations, stores, change log, audit, backups."""
