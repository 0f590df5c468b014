"""Domain errors whose message a clerk can read (Chinese) and act on."""
from __future__ import annotations


class DomainError(Exception):
    """A refusal by a domain rule. `message` is Chinese and says what to do next."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class PermissionDenied(DomainError):
    """The acting user's role does not allow the operation."""


class NotFound(DomainError):
    """The record asked for does not exist."""
