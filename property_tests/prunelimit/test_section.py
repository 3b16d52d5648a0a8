"""The quick ``prunelimit`` section end to end: every claim checked, none violated, figures written."""

import numpy as np

from pybridge.prunelimit.claims import CLAIMS
from pybridge.prunelimit.section import SECTION, prunelimit_section


def test_quick_section_runs_and_holds(tmp_path):
    sec = prunelimit_section(True, np.random.SeedSequence(8))
    ids = {c.claim_id for c in sec.checks}
    assert ids == {c.id for c in CLAIMS} - {"prunelimit-mlp"}  # the MLP runs in the full check only
    assert all(c.verdict in ("holds", "consistent") for c in sec.checks), [(c.claim_id, c.verdict) for c in sec.checks]
    for name, writer in sec.figures.items():
        writer(tmp_path / name)
        assert (tmp_path / name).stat().st_size > 1000
    assert SECTION.seed_key == 8 and SECTION.name == "prunelimit"
    assert "fractions removed" in sec.markdown
