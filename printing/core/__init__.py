"""printing/core: accounts, audit trail, identity, backups, attachments and what every area shares."""
