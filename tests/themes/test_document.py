import numpy as np

from socialrecovery_nlp.corpus.record import Record, Section
from socialrecovery_nlp.themes.document import ThemeModel, aggregate
from socialrecovery_nlp.themes.sentences import section_weights, split_text


def test_aggregate_single_sentence_keeps_probability():
    p = np.array([[0.3, 0.8]])
    np.testing.assert_allclose(aggregate(p), [0.3, 0.8])


def test_aggregate_top_k_noisy_or_and_weights():
    p = np.array([[0.5], [0.5], [0.5], [0.5]])
    np.testing.assert_allclose(aggregate(p, top_k=3), [1 - 0.5 ** 3])
    np.testing.assert_allclose(aggregate(p, weights=[0.0, 0.0, 0.0, 1.0], top_k=3), [0.5])


def test_split_text_blank_line_and_offsets():
    text = "A title without a stop\n\nFirst sentence here. Second one follows."
    spans = split_text(text)
    assert [text[s:e] for s, e in spans] == ["A title without a stop", "First sentence here.", "Second one follows."]


def test_methods_count_less_than_results():
    record = Record(id="r", sections=[Section("Methods", "We recruited people.", "methods"),
                                      Section("Results", "Peer support helped.", "results")])
    text = record.text
    spans = split_text(text)
    kinds = section_weights(spans, record)
    starts = {text[s:e]: w for (s, e), w in zip(spans, kinds)}
    assert starts["We recruited people."] < starts["Peer support helped."]


def test_evidence_offsets_slice_text_and_hierarchy(tiny_model_dir):
    model = ThemeModel.load(tiny_model_dir)
    record = Record(id="r", title="Peer relationships and stigma in recovery",
                    abstract="Participants described relationships with peers and family. "
                             "Stigma and discrimination made them withdraw from social contact.")
    [result] = model.predict_texts([record.text])
    for items in result.evidence.values():
        assert items
        for item in items:
            assert record.text[item["start"]:item["end"]] == item["text"]
    for theme in result.labels["themes"]:
        assert model.space.parents[theme] in result.labels["processes"]
    for theme, parent in model.space.parents.items():
        assert result.processes[parent] >= result.themes[theme]


def test_doc_sentences_with_and_without_sentencizer():
    import spacy

    from socialrecovery_nlp.themes.sentences import doc_sentences

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    text = "A title\n\nFirst one here. Second one here."
    expected = [(0, 7), (9, 24), (25, 41)]
    assert doc_sentences(nlp(text)) == expected
    assert doc_sentences(nlp.make_doc(text)) == expected  # no boundaries set: split on our own
