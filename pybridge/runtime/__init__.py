"""The shared runtime layer: process plumbing, no statistics and no domain knowledge.

* :mod:`~pybridge.runtime.seeding`: the SeedSequence policy (one root per run, child streams by index,
  ``--seed`` parsing);
* :mod:`~pybridge.runtime.parallel`: chunked parallel execution (one local process pool, or Dask), workers
  that die with their parent;
* :mod:`~pybridge.runtime.store`: the results store (SQLite) and the chunk encoding;
* :mod:`~pybridge.runtime.signals`: SIGTERM handling (raise on SIGTERM, defer it around critical sections);
* :mod:`~pybridge.runtime.scratch`: pid-tagged scratch directories, swept once their owner is dead;
* :mod:`~pybridge.runtime.budget`: the work budget (the plan line, ``--max-seconds``, the memory limit);
* :mod:`~pybridge.runtime.runner`: the one subprocess boundary of prunegap.  Every external program (coqc,
  make, lake, Graphviz dot) runs through :func:`~pybridge.runtime.runner.run_tool`: a timeout, a memory
  limit, its own process group killed on expiry or interruption, death with prunegap
  (``PR_SET_PDEATHSIG``), and typed failures that carry the argv, the exit code and the output.

Below ``stats``, ``claims``, ``report`` and every domain; imports only the basic layer (``errors``,
``validation``).  The package imports nothing itself: import the module you need.
"""
