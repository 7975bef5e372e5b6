"""The pair scorer: inputs from recorded parts, the shipped model, and the fit."""

from wirefacts.dedup.pair_model import FEATURES, fit, load_model, model_inputs


def test_missing_parts_are_neutral_inputs():
    inputs = model_inputs({}, short=False)
    assert set(inputs) == set(FEATURES)
    assert (
        inputs["lead_overlap"] == 0.0
        and inputs["number_agreement"] == 1.0
        and inputs["name_agreement"] == 1.0
    )
    assert model_inputs({"days_apart": 5}, short=True)["far_apart"] == 1.0


def test_the_shipped_model_scores_every_input_and_a_shared_lead_raises_the_probability():
    model = load_model()
    assert set(model.weights) == set(FEATURES) and 0 < model.threshold < 1
    # parts of a Reuters re-send (reut-09217 / reut-09218): same lead, same numbers
    resend = {
        "containment": 0.8,
        "jaccard": 0.6,
        "tfidf_cosine": 0.9,
        "lead_overlap": 0.9,
        "title_overlap": 0.8,
        "number_agreement": 1.0,
        "shared_narrative": 30,
    }
    follow_up = dict(resend, lead_overlap=0.1, title_overlap=0.0, number_agreement=0.3, shared_narrative=2)
    assert (
        model.probability(model_inputs(resend, False))
        > model.threshold
        > model.probability(model_inputs(follow_up, False))
    )


def test_fit_learns_which_side_of_a_part_means_one_story():
    rows = [model_inputs({"lead_overlap": v}, False) for v in (0.0, 0.1, 0.2, 0.7, 0.8, 0.9)]
    model = fit(rows, [0, 0, 0, 1, 1, 1], l2=0.1)
    assert model.weights["lead_overlap"] > 0
    assert model.probability(rows[-1]) > 0.5 > model.probability(rows[0])
