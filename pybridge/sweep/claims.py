"""Claims of the sweep domain: what the results store guarantees about the numbers."""

from pybridge.claims import Claim, Source

__all__ = ["CLAIMS"]

CLAIMS = [
    Claim(
        id="sweep-resume-bit-identical",
        statement="A Monte Carlo sweep interrupted after some chunks and resumed from the results store gives "
                  "the same successes, trials, Clopper-Pearson bounds and seed entropy for every grid point as "
                  "the engines run without a store; a stored chunk whose digest does not match is recomputed, "
                  "and the numbers are again the same.",
        latex=r"\mathrm{table}(\mathrm{resume}(\mathrm{interrupt}_k(S))) = \mathrm{table}(S)",
        model="chunked Monte Carlo with one SeedSequence per chunk (child_seed(root, namespace, index)); "
              "RSS engine, local process pool",
        source=Source("TOOLS", None, "reproducibility across workers: NEP 19 SeedSequence spawned "
                                     "per task; prunegap issue 12 (results store)", "RECON"),
        kind="algorithmic",
        twin="pybridge.sweep.checks:resume_is_bit_identical",
        tests=("property_tests/sweep/test_store.py::test_resume_after_interrupt_is_bit_identical",
               "property_tests/sweep/test_cli_sweep.py::test_sigkill_then_resume_gives_the_same_table"),
    ),
]
