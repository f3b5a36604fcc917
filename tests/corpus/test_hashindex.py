"""The compact indexes behind de-duplication and unique ids, and the fast clean-text tests."""

from __future__ import annotations

import random

import pytest

from socialrecovery_nlp.corpus.clean import (
    _ASCII_DROP,
    _TITLE_KEY,
    is_squashed,
    title_key,
)
from socialrecovery_nlp.corpus.hashindex import HashIndex, LabelStore


@pytest.mark.parametrize("values", ["q", "i"])
def test_hash_index_matches_a_dict_through_growth_and_collisions(values):
    rng = random.Random(7)
    index, expected = HashIndex(capacity=16, values=values), {}
    # keys sharing their low bits collide in the table; 0 and negative hashes are valid keys too
    keys = [rng.getrandbits(64) - 2**63 for _ in range(3000)] + [i << 20 for i in range(200)] + [0, -1]
    for n, key in enumerate(keys + keys[:500]):
        assert index.setdefault(key, n) == expected.get(key)
        expected.setdefault(key, n)
    assert len(index) == len(expected)
    assert all(index.get(k) == v and k in index for k, v in expected.items())
    assert index.get(12345) is None and 12345 not in index
    assert index.nbytes() < 60 * len(expected)  # 16 bytes a slot, 30-60 % full; a dict needs ~100


def test_label_store_round_trips_ids_files_and_lines():
    store = LabelStore()
    assert store.add("r1", "a.ris", 3) == 0
    assert store.add("Müller\udcff 2020", "b.nbib", None) == 1
    assert store.add("", "a.ris", 0) == 2
    assert store.label(0) == "r1 (a.ris:3)"
    assert store.label(1) == "Müller\udcff 2020 (b.nbib:None)"
    assert store.label(2) == " (a.ris:0)" and store.record_id(2) == ""
    assert len(store) == 3


def test_is_squashed_agrees_with_squash():
    samples = ["", "a", " a", "a ", "a  b", "a b", "a\tb", "a\nb", "caf\u00e9", "caf\u00e9  x",
               "x\u00a0y", "x\u2009y", "nul\x00", "del\x7f", "\u200bzero width", "\u00e9 "]
    for text in samples:
        assert is_squashed(text) == (" ".join(text.split()) == text and (text.isprintable() or not text)), text


def test_title_key_ascii_fast_path_matches_the_general_rule():
    rng = random.Random(3)
    alphabet = [chr(c) for c in range(128)]
    for _ in range(3000):
        title = "".join(rng.choice(alphabet) for _ in range(rng.randrange(40)))
        key = title.casefold().translate(_ASCII_DROP)
        assert title_key(title) == (key if key.isalnum() or not key else _TITLE_KEY.sub("", key))
    assert title_key("Ünïcode: Straße!") == "ünïcodestrasse"


def test_match_or_add_reports_the_first_known_key_and_adds_the_rest():
    index = HashIndex(capacity=16)
    assert index.match_or_add([5, 21, 37], 0) == (-1, None, True)  # 5, 21, 37 share a slot
    assert index.match_or_add([99, 37, 5], 1) == (1, 0, True)  # 99 is new, 37 known
    assert index.match_or_add([99, 5], 2) == (0, 1, False)
    assert [index.get(k) for k in (5, 21, 37, 99)] == [0, 0, 0, 1]
