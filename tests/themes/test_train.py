"""``train_from_config`` on a small real subset rebuilds a complete model directory."""

import json
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]


def _subset(src: Path, dst: Path, keep) -> None:
    rows = [json.loads(line) for line in src.read_text(encoding="utf-8").splitlines()]
    dst.write_text("".join(json.dumps(r) + "\n" for r in rows if keep(r)), encoding="utf-8")


def test_train_from_config_writes_model_dir(tmp_path):
    from socialrecovery_nlp.modeldir import read_meta
    from socialrecovery_nlp.themes.document import ThemeModel
    from socialrecovery_nlp.training import train_from_config

    (tmp_path / "annotations").mkdir()
    (tmp_path / "training").mkdir()
    _subset(ROOT / "annotations" / "themes.jsonl", tmp_path / "annotations" / "themes.jsonl",
            lambda r: r["provenance"]["paragraph"] < 60)
    _subset(ROOT / "annotations" / "themes_negatives.jsonl", tmp_path / "annotations" / "neg.jsonl",
            lambda r: r["provenance"]["file"].endswith("Cohen_2006_ADHD.csv"))
    config = tmp_path / "training" / "themes.toml"
    config.write_text("""
[model]
component = "themes"
version = "0.0.1"
kinds = ["baseline"]
[data]
annotations = ["annotations/themes.jsonl", "annotations/neg.jsonl"]
[cv]
folds = 2
[models.baseline.params]
max_word_features = 2000
max_char_features = 2000
[output]
dir = "models"
""", encoding="utf-8")
    model_dir = train_from_config(config, {"thresholds.max_negative_rate": 0.05})
    assert model_dir == tmp_path / "models" / "themes-baseline-0.0.1"
    meta = read_meta(model_dir)
    assert meta["estimator"] == "srnlp.tfidf_linear.v1"
    assert set(meta["thresholds"]) == set(meta["labels"]["processes"] + meta["labels"]["themes"])
    assert "grouped cross-validation" in meta["metrics"]["split"]
    assert set(meta["data"]["annotations"]) == {"annotations/themes.jsonl", "annotations/neg.jsonl"}
    assert "scikit-learn" in meta["library_versions"] and meta["licence"]
    assert (model_dir / "README.md").is_file()
    assert not list(model_dir.glob("*.pkl")) and not list(model_dir.glob("*.joblib"))
    model = ThemeModel.load(model_dir)
    texts = ["Supported employment and social networks helped recovery.", "Methylphenidate dose response."]
    np.testing.assert_allclose(model.doc_scores(texts), ThemeModel.load(model_dir).doc_scores(texts))
