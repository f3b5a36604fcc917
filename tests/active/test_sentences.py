"""Records as sentence rows (active/sentences.py)."""

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from socialrecovery_nlp.active.sentences import SentenceRows, split_sentences


def test_split_keeps_title_and_abstract_sentences_apart():
    # illustrative text (written for this test, not data)
    text = "A title without a stop\nFirst finding was clear. Second (n = 3) was not! Third? (Fourth.) e.g. this stays."
    assert split_sentences(text) == [
        "A title without a stop", "First finding was clear.", "Second (n = 3) was not!", "Third?",
        "(Fourth.) e.g. this stays."]
    assert split_sentences("") == [""]
    # line breaks inside the abstract (kept by some CSV exports) and in the title are white space
    assert split_sentences("Two-line\ntitle? No\n\nBackground\n Mice ran.  Élan was high. ok.") == [
        "Two-line", "title?", "No Background Mice ran.", "Élan was high. ok."]
    assert split_sentences("Title only\n") == ["Title only"]


def test_rows_select_records_and_best_takes_each_records_top_sentence():
    texts = ["t one\nRats learn. Mice forget.", "t two\nNothing here.", "t three\nMice learn. Rats forget. Cats."]
    vec = TfidfVectorizer().fit(texts)
    rows = SentenceRows.from_texts(vec, texts)
    assert rows.shape == (3, len(vec.vocabulary_)) and rows.starts.tolist() == [0, 3, 5, 9]
    coef = np.zeros(rows.shape[1])
    coef[vec.vocabulary_["learn"]] = 1.0
    best = rows.best(coef, -0.5)
    sent = vec.transform(["Rats learn.", "Nothing here.", "Mice learn."])
    expected = np.asarray(sent @ coef).ravel() - 0.5
    assert np.allclose(best, [expected[0], -0.5, expected[2]])
    sub = rows[[2, 0]]
    assert sub.shape[0] == 2 and sub.starts.tolist() == [0, 4, 7]
    assert np.allclose(sub.best(coef, -0.5), best[[2, 0]])
    assert np.allclose(rows[1].best(coef, 0.0), [0.0])
    assert np.allclose(sub[[1]].best(coef, -0.5), best[[0]]) and sub[[1]].starts.tolist() == [0, 3]
    mask = np.array([True, False, True])
    assert np.allclose(rows[mask].best(coef, 0.0), best[[0, 2]] + 0.5)


def test_a_record_without_sentences_is_refused():
    with pytest.raises(ValueError):
        SentenceRows(np.zeros((2, 3)), [0, 2, 2])
