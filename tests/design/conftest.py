"""A tiny design model trained on illustrative sentences (not data), shared by the tests."""

import pytest

from socialrecovery_nlp.design.combine import CombineParams
from socialrecovery_nlp.design.model import DesignClassifier
from socialrecovery_nlp.design.predict import DesignPredictor
from socialrecovery_nlp.modeldir import write_meta

TINY = [
    ("Patients were randomly assigned to the intervention or usual care.", "rct"),
    ("A randomised controlled trial compared group therapy with a waitlist.", "rct"),
    ("Participants were randomised to two arms and followed for a year.", "rct"),
    ("Semi-structured interviews were analysed with thematic analysis.", "qualitative"),
    ("Focus groups with carers explored their experiences of recovery.", "qualitative"),
    ("We interviewed peer workers and coded transcripts thematically.", "qualitative"),
    ("A questionnaire survey of nurses was conducted at one time point.", "cross_sectional"),
    ("An online survey measured attitudes in a national sample.", "cross_sectional"),
    ("Respondents completed a cross-sectional questionnaire once.", "cross_sectional"),
    ("Recovery.", "unclear"),
    ("Social inclusion.", "unclear"),
    ("Hope and identity.", "unclear"),
]


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory):
    model_dir = tmp_path_factory.mktemp("models") / "design-0.0.1"
    clf = DesignClassifier(min_df=1, C=10.0).fit([t for t, _ in TINY], [lab for _, lab in TINY])
    clf.save(model_dir)
    DesignPredictor(clf, CombineParams(confident_weight=0.6)).save_params(model_dir)
    write_meta(model_dir, {"name": "design", "version": "0.0.1", "component": "design",
                           "labels": clf.labels_})
    return model_dir
