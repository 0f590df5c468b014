"""models/sync: USB sync bundles (同步包) and pairing."""
