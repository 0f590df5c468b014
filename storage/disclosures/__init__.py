"""三务公开 storage: the calendar's settings, the publication record, finance sheets, the township's view."""
