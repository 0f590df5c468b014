"""models/rules: village rules (村规民约) as documents: versions, diff, text, legality check."""
