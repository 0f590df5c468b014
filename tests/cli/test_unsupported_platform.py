"""On a platform Qt 6 cannot run on, the app says what it needs and exits 2 instead of crashing."""
from __future__ import annotations

import sys

import pytest

import main


@pytest.mark.parametrize("attribute, value", [("maxsize", 2 ** 31 - 1), ("version_info", (3, 8, 10))])
def test_unsupported_python_or_32_bit_is_refused(monkeypatch, capsys, attribute, value) -> None:
    monkeypatch.setattr(sys, attribute, value)
    assert main.main(["check"]) == 2
    assert "Windows 10" in capsys.readouterr().err
