def test_public_api_names():
    from socialrecovery_nlp import themes

    for name in themes.__all__:
        assert getattr(themes, name) is not None
    from socialrecovery_nlp.themes.registry import KINDS, estimator_class

    assert estimator_class("baseline") is themes.TfidfLinearEstimator
    assert estimator_class(KINDS["minilm"]).__name__ == "EmbeddingHeadEstimator"


def test_factory_registered_on_import():
    import spacy

    import socialrecovery_nlp.themes.component  # noqa: F401

    assert "srnlp_themes" in spacy.registry.factories
