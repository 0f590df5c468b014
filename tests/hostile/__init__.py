"""The hostile corpus of issue 16: each case is refused (exit 2, Chinese message, nothing written) or a correct no-op.

- test_hostile_paths.py      item 1: bundle_id with a path, held file names, manifest fields by type and shape; a T- node
- test_hostile_canonical.py  item 3: audit entries hash the same before and after storage (table of value types)
- test_hostile_anchor.py     items 2, 12: head removed, running count, witness at the township, restore on a new PC
- test_hostile_refusals.py   item 7: damaged deflate/CRC, bad rows, NOT NULL/FK, deep JSON, .docx entities, big CSV cell
- test_hostile_formulas.py   item 5: formula injection in CSV/XLSX exports
- test_hostile_memory.py     item 4: size bombs in bundles, .docx, .xlsx and CSV under 200 MB peak RSS
- test_hostile_plaintext.py  item 8: a killed import or export leaves no plaintext past the next command
- test_hostile_clock.py      item 9: a row stamped in 2100
- test_hostile_smaller.py    item 11: backup permission, login timing, owner-only files
- test_hostile_revoke.py     item 10: sync revoke, both ways
- test_hostile_data_tamper.py item 6: rows changed, added or deleted outside the stores
- test_hostile_login.py      item 13: the command line logs in
Forged bundles come from forge.py: a real export decrypted, changed, re-signed with the sender's key, re-encrypted.
"""
