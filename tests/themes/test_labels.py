import numpy as np


def test_encode_adds_parent(space):
    y = space.encode({"processes": [], "themes": ["peer_organised_services"]})
    assert y[space.index("peer_organised_services")] == 1
    assert y[space.index("empowerment")] == 1
    assert y.sum() == 2


def test_enforce_process_at_least_best_child(space):
    rng = np.random.default_rng(0)
    probs = rng.random((50, len(space.ids)))
    out = space.enforce(probs)
    for theme, parent in space.parents.items():
        assert np.all(out[:, space.index(parent)] >= out[:, space.index(theme)])
    # themes untouched
    themes = [space.index(t) for t in space.themes]
    assert np.array_equal(out[:, themes], probs[:, themes])


def test_decode_theme_implies_parent(space):
    flags = np.zeros(len(space.ids), dtype=bool)
    flags[space.index("family_systems")] = True
    assert space.decode(flags) == {"processes": ["connectedness"], "themes": ["family_systems"]}


def test_label_space_matches_codebook_contract(space):
    assert set(space.processes) == {"connectedness", "hope", "identity", "meaning", "empowerment"}
    assert len(space.themes) == 14
    assert all(space.parents[t] in space.processes for t in space.themes)
