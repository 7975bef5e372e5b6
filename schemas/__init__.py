"""One pandera.polars model per warehouse table, and the registry that ties tables to models."""

from schemas.models import MODELS, model_for
from schemas.validate import Validation, validate_frame

__all__ = ["MODELS", "Validation", "model_for", "validate_frame"]
