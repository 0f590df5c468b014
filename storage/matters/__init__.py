"""群众说事 storage: matters with their timeline, the officer's log, the project pool."""
