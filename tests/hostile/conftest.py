"""Fixtures of the hostile corpus: a paired village and township, and a township that has never seen the village."""
from __future__ import annotations

from pathlib import Path

import pytest

from models.core.village import Mode
from tests.sync.conftest import Pair, copied_node, pair  # noqa: F401  (the paired fixture, re-exported)
from storage.sync.keys import my_identity, trust_peer


@pytest.fixture
def half_paired(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Pair:
    """The village has the township's key; the township has not confirmed the village's (the hold path)."""
    village = copied_node(tmp_path_factory, tmp_path / "village" / "v.sqlite3", Mode.VILLAGE)
    township = copied_node(tmp_path_factory, tmp_path / "township" / "t.sqlite3", Mode.TOWNSHIP)
    trust_peer(village, my_identity(township))
    stick = tmp_path / "stick"
    stick.mkdir()
    return Pair(village, township, stick)
