"""Distilling the MiniLM tagger into the CNN tagger: the pool leaves annotated records out; the teacher's tags."""

import csv
import json

import numpy as np
import pytest

from socialrecovery_nlp.claims import tagger_distill
from socialrecovery_nlp.claims.minilm_tagger import TAGS


def write_csv(path, rows):
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["record_id", "title", "abstract"])
        writer.writeheader()
        writer.writerows(rows)


def test_annotated_records_come_from_every_claims_annotation_file(tmp_path):
    row = {"provenance": {"dataset": "Demo_2020", "record_id": 7}}
    (tmp_path / "claims_abstracts_v99.jsonl").write_text(json.dumps(row) + "\n\n")
    (tmp_path / "claims_titles_t9.jsonl").write_text(json.dumps({"provenance": {"dataset": "Demo_2020",
                                                                                "record_id": "8"}}) + "\n")
    (tmp_path / "design.jsonl").write_text(json.dumps({"dataset": "Demo_2020", "record_id": "9"}) + "\n")
    (tmp_path / "claims.jsonl").write_text(json.dumps({"id": "seed-1", "provenance": {}}) + "\n")
    assert tagger_distill.annotated_records(tmp_path) == {("Demo_2020", "7"), ("Demo_2020", "8")}


def test_annotated_texts_match_by_words_with_and_without_a_heading(tmp_path):
    rows = [{"text": "Conclusions: Peer support reduced relapse.", "provenance": {}},
            {"text": "Housing (HF) improved recovery!", "provenance": {}}]
    (tmp_path / "claims_abstracts_v99.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    texts = tagger_distill.annotated_texts(tmp_path)
    assert tagger_distill.text_key("peer support  reduced relapse") in texts  # the heading left out
    assert tagger_distill.text_key("Housing HF improved recovery.") in texts
    assert tagger_distill.text_key("Housing improved recovery.") not in texts


def test_no_annotation_file_is_an_error_not_an_empty_exclusion(tmp_path):
    with pytest.raises(FileNotFoundError, match="no claims annotation file"):
        tagger_distill.annotated_records(tmp_path)


def test_the_pool_leaves_out_annotated_records_and_rows_without_an_abstract(tmp_path):
    # illustrative rows written for this test, not data
    path = tmp_path / "Demo_2020.csv"
    write_csv(path, [{"record_id": "1", "title": "Peer support", "abstract": "Peer support reduced relapse."},
                     {"record_id": "2", "title": "Housing", "abstract": "Housing improved recovery."},
                     {"record_id": "3", "title": "No abstract", "abstract": "  "}])
    records = tagger_distill.pool_records([path], {("Demo_2020", "2")})
    assert [(r.id, r.title) for r in records] == [("Demo_2020-1", "Peer support")]
    assert "Peer support reduced relapse." in records[0].text


class RecordingTagger:
    """A stand-in span model: fixed probabilities per prepared sentence (the extractor's hook contract)."""

    def __init__(self):
        self._cache = {}

    def prepare(self, docs):
        self._cache = {d.text: np.full((len(d), len(TAGS)), 0.2) for d in docs if d is not None and len(d)}


class OneSentenceExtractor:
    """A stand-in extractor that prepares each doc's first sentence, twice, as a repeated candidate would be."""

    def __init__(self):
        self.span_model = RecordingTagger()

    def pipe(self, docs):
        for doc in docs:
            sentence = next(s for s in doc.sents if s.text.strip()).as_doc()
            self.span_model.prepare([sentence, sentence, None])
            yield []


def test_teacher_tags_record_each_distinct_tagged_sentence_once(tmp_path):
    path = tmp_path / "Demo_2020.csv"
    write_csv(path, [{"record_id": "1", "title": "", "abstract": "Peer support reduced relapse. It was small."},
                     {"record_id": "2", "title": "", "abstract": "Peer support reduced relapse. Another one."}])
    extractor = OneSentenceExtractor()
    docs, probs = tagger_distill.teacher_tags(extractor, tagger_distill.pool_records([path], set()))
    assert [d.text.strip() for d in docs] == ["Peer support reduced relapse."]
    assert probs[0].shape == (len(docs[0]), len(TAGS))
    assert "prepare" not in vars(extractor.span_model)  # the recording hook is taken off again


class FailingExtractor(OneSentenceExtractor):
    def pipe(self, docs):
        raise RuntimeError("the extractor broke")


def test_teacher_tags_take_the_recording_hook_off_when_the_extractor_fails(tmp_path):
    path = tmp_path / "Demo_2020.csv"
    write_csv(path, [{"record_id": "1", "title": "", "abstract": "Peer support reduced relapse."}])
    extractor = FailingExtractor()
    own = extractor.span_model.prepare
    extractor.span_model.prepare = own  # an instance-level hook is put back as it was
    with pytest.raises(RuntimeError, match="the extractor broke"):
        tagger_distill.teacher_tags(extractor, tagger_distill.pool_records([path], set()))
    assert vars(extractor.span_model)["prepare"] is own
