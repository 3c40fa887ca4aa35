from __future__ import annotations

import pytest

from gate.checks import registry
from gate.errors import BadInputError


def test_expand_ids_and_groups() -> None:
    known = ["rules", "bandit"]
    assert registry.expand(["security"], known) == {"rules", "bandit"}
    assert registry.expand(["rules,bandit"], known) == {"rules", "bandit"}
    with pytest.raises(BadInputError, match="unknown check 'semgrap'"):
        registry.expand(["semgrap"], known)


def test_builtins_have_their_ids() -> None:
    ids = {cid: c.id for cid, c in registry.BUILTIN.items()}
    assert ids == {c: c for c in registry.GROUPS["static"] + registry.GROUPS["dynamic"]}
