"""The learned pair scorer: a logistic regression over the recorded parts of a candidate pair.

Its inputs are the columns that `duplicate_pairs` keeps (containment, Jaccard, cosine, number
and name agreement, shared quotations, shared narrative wording outside quotations, lead and
headline overlap), so every decision can be re-read from the table. The weights are fitted on
the tuning half of the labelled dev pairs (`benchmarks/train_story_model.py`) and versioned as a
small JSON file beside this module.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

MODEL_PATH = Path(__file__).with_name("pair_model.json")


def model_inputs(parts: dict, short: bool) -> dict[str, float]:
    """The scorer's inputs from a pair's parts; a missing part (no headline, no names) is 0."""
    lead = parts.get("lead_overlap") or 0.0
    return {
        "containment": parts.get("containment") or 0.0,
        "jaccard": parts.get("jaccard") or 0.0,
        "tfidf_cosine": parts.get("tfidf_cosine") or 0.0,
        "number_agreement": parts.get("number_agreement", 1.0),
        "shared_numbers": parts.get("shared_numbers") or 0.0,
        "shared_quotes": parts.get("shared_quotes") or 0.0,
        "shared_names": parts.get("shared_names") or 0.0,
        "lead_overlap": lead,
        "title_overlap": parts.get("title_overlap") or 0.0,
        "name_agreement": 1.0 if parts.get("name_agreement") is None else parts["name_agreement"],
        "shared_features": math.log1p(parts.get("shared_features") or 0),
        "shared_narrative": math.log1p(parts.get("shared_narrative") or 0),
        "short": float(short),
        "short_lead": float(short) * lead,
        "far_apart": float((parts.get("days_apart") or 0) > 3),
        "headline_coverage": 1.0 if parts.get("headline_coverage") is None else parts["headline_coverage"],
    }


FEATURES = tuple(model_inputs({}, False))


@dataclass(frozen=True)
class PairModel:
    weights: dict[str, float]
    means: dict[str, float]
    scales: dict[str, float]
    bias: float
    threshold: float

    def probability(self, inputs: dict[str, float]) -> float:
        z = self.bias + sum(
            self.weights[f] * (inputs[f] - self.means[f]) / self.scales[f] for f in self.weights
        )
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def to_json(self, **about: object) -> str:
        return json.dumps(
            {"about": about, "weights": self.weights, "means": self.means, "scales": self.scales,
             "bias": self.bias, "threshold": self.threshold},
            indent=1, sort_keys=True,
        )  # fmt: skip


def load_model(path: Path = MODEL_PATH) -> PairModel:
    data = json.loads(path.read_text(encoding="utf-8"))
    return PairModel(data["weights"], data["means"], data["scales"], data["bias"], data["threshold"])


def fit(
    rows: list[dict[str, float]], labels: list[int], weights: list[float] | None = None, l2: float = 1.0
) -> PairModel:
    """Newton's method on the weighted, L2-regularised log-loss, inputs standardised (numpy only)."""
    import numpy as np

    x = np.array([[r[f] for f in FEATURES] for r in rows], dtype=float)
    y = np.array(labels, dtype=float)
    sample = np.ones(len(y)) if weights is None else np.array(weights, dtype=float)
    means = x.mean(axis=0)
    scales = x.std(axis=0)
    scales[scales == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - means) / scales])
    w = np.zeros(z.shape[1])
    penalty = np.eye(z.shape[1]) * l2
    penalty[0, 0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(z @ w, -50, 50)))
        gradient = z.T @ (sample * (p - y)) + penalty @ w
        hessian = z.T @ (z * (sample * p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    named = dict(zip(FEATURES, w[1:].tolist(), strict=True))
    return PairModel(
        named,
        dict(zip(FEATURES, means.tolist(), strict=True)),
        dict(zip(FEATURES, scales.tolist(), strict=True)),
        float(w[0]),
        0.5,
    )
