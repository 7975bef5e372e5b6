"""Story settings: checked when made, so a run never starts with a value it cannot use."""

import pytest

from wirefacts.dedup.settings import StorySettings


def test_story_settings_are_checked_when_made():
    with pytest.raises(ValueError, match="number_agreement is 1.5: a share between 0 and 1"):
        StorySettings(number_agreement=1.5)
    with pytest.raises(ValueError, match="identical_jaccard must be at least template_jaccard"):
        StorySettings(identical_jaccard=0.2)
