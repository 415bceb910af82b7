"""A span recommender that learns from the team's own annotations, for any label of any scheme.

A linear-chain CRF (CRFsuite) per group of labels that never overlap, over Arabic-aware token
features; trained on the CPU from a project's accepted spans of done documents, with rejected
suggestions as negatives; stored inside the project as versioned bytes with a checksum.

- features: units (tokens with و/ف split off) and their features; BIO tags
- model: Model (pack/unpack with checks, predict, uncertainty), RecommenderError
- store: the recommender's tables (models by version, settings); all its SQL
- train: collect -> fit -> save; learning_curve
- suggest: recommend_record / recommend_project (rules win where both fire)
- active: rank the to-do documents by uncertainty or expected gain
"""

from annotator.core.recommender.model import Model, RecommenderError
from annotator.core.recommender.store import load_model, versions
from annotator.core.recommender.train import Cancelled, collect, fit, learning_curve, save

__all__ = ["Cancelled", "Model", "RecommenderError", "collect", "fit", "learning_curve", "load_model", "save",
           "versions"]
