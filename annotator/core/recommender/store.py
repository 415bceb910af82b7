"""The recommender's models kept in the project: every trained model is a new version (never
overwritten), checked on the way back in. The rows themselves (and the training data's
queries) are the store's: annotator/core/store/recommender_rows.py.
"""

from __future__ import annotations

import hashlib

from annotator.core.model import now
from annotator.core.recommender.model import Model, RecommenderError
from annotator.core.store import recommender_rows
from annotator.core.store.recommender_rows import (done_count, get_setting, rejected_spans, set_setting, todo_docs,
                                                    training_layers, versions)

__all__ = ["done_count", "get_setting", "load_model", "rejected_spans", "save_model", "set_setting", "todo_docs",
           "training_layers", "versions"]


def save_model(project, model: Model, docs: int, scores: dict, training: dict) -> int:
    """Store a model as the next version, in one transaction; returns the version."""
    blob = model.pack()
    version = recommender_rows.insert_model(project, now(), model.labels, docs, scores, training,
                                            hashlib.sha256(blob).hexdigest(), blob)
    model.meta["version"] = version
    return version


def load_model(project, version: int | None = None) -> Model | None:
    """The newest model (or the given version); None when none was trained. A damaged or
    too-new model raises RecommenderError with one line."""
    row = recommender_rows.model_row(project, version)
    if row is None:
        if version is not None:
            raise RecommenderError(f"{project.path}: no recommender model version {version}")
        return None
    where = f"{project.path}: recommender model v{row[0]}"
    blob = row[2]
    if not isinstance(blob, bytes):
        raise RecommenderError(f"{where}: damaged (not stored as bytes); retrain with 'annotator train'")
    # The row's checksum first: a flipped bit in the header must read as damage, not as a
    # model from a newer version.
    if hashlib.sha256(blob).hexdigest() != row[1]:
        raise RecommenderError(f"{where}: damaged (checksum mismatch); retrain with 'annotator train'")
    model = Model.unpack(blob, where)
    model.meta["version"] = row[0]
    return model
