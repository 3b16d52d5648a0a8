"""The shared external-tools layer: the one subprocess boundary of prunegap (:mod:`pybridge.tools.runner`).

Every external program (coqc, make, lake, Graphviz dot) runs through :func:`run_tool`: a timeout, a memory
limit, its own process group killed on expiry or interruption, death with prunegap (``PR_SET_PDEATHSIG``),
and typed failures that carry the argv, the exit code and the output.  Below ``report`` and every domain;
imports only ``stats`` and the basic layer.
"""

from pybridge.tools.runner import ToolRun, coq_required, find_tool, lean_required, run_tool

__all__ = ["ToolRun", "run_tool", "find_tool", "coq_required", "lean_required"]
