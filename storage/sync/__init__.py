"""Sync bundles (同步包): pairing keys, the encrypted container, export and all-or-nothing import."""
