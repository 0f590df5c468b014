"""群众说事: villagers' matters, the information officer's log and the project pool."""
