"""三务公开 (disclosures): what must be published and when (R41), the publication record (R42), the finance sheet."""
