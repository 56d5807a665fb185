"""The SQLite archive: schema with migrations, and the connection."""
