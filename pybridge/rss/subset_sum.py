r"""Subset sums: enumeration and the best subset for one target (meet in the middle).

* :func:`subset_sums` enumerates all :math:`2^n` sums (brute force; tests and small n).
* :func:`best_subset` finds a subset :math:`S` minimising :math:`|\Sigma_S - z|`
  by Horowitz–Sahni meet in the middle: :math:`O(2^{n/2} n)` time and memory
  (tools §D.2).  The search runs in float64; the chosen subset's sum and error
  are then recomputed exactly, and the optimum is certified up to the float
  rounding bound reported in the result.

Source: theory §1, §3.8 (B0: weight pruning of an axis target is the best subset
of :math:`\{v_i u_{i1}\}_{u_{i1} > 0}`), RECON; tools §D.2.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from pybridge.validation import check_int, check_real, check_samples
from pybridge.rss.certificate import mask_sum
from pybridge.errors import InvalidArgument

__all__ = ["subset_sums", "BestSubsetResult", "best_subset", "MAX_MITM_N"]

#: each half enumerates 2**ceil(n/2) float64 sums (n = 48: 2 x 128 MiB with masks)
MAX_MITM_N = 48


def subset_sums(xs, *, max_n: int = 26) -> np.ndarray:
    r"""All :math:`2^n` subset sums, index = mask (bit i selects ``xs[i]``).

    Parameters
    ----------
    xs : array_like, shape (n,)
        Finite samples.
    max_n : int, default 26
        Refuse larger n (memory is :math:`8 \cdot 2^n` bytes).

    Returns
    -------
    ndarray of float64, shape (2**n,)
        ``out[mask] = sum(xs[i] for i with bit i set)`` (float sums, not exact).
    """
    arr = check_samples("xs", xs)
    max_n = check_int("max_n", max_n, min_value=0, max_value=40)
    if arr.size > max_n:
        raise InvalidArgument(f"subset_sums enumerates 2**n sums; n must be <= {max_n}, got n={arr.size}")
    out = np.zeros(1)
    for x in arr:
        out = np.concatenate([out, out + x])
    return out


@dataclass(frozen=True)
class BestSubsetResult:
    r"""The best subset for one target.

    Attributes
    ----------
    mask : int
        Bit i selects ``xs[i]``.
    subset_sum : Fraction
        Exact sum of the selected samples.
    error : Fraction
        Exact :math:`|\Sigma_S - z|`.
    optimality_slack : float
        The float search is optimal up to this amount: no subset has exact error
        below ``error - optimality_slack``.
    """

    mask: int
    subset_sum: Fraction
    error: Fraction
    optimality_slack: float

    @property
    def size(self) -> int:
        return bin(self.mask).count("1")


def _half(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    sums = np.zeros(1)
    masks = np.zeros(1, dtype=np.int64)
    for i, v in enumerate(values):
        sums = np.concatenate([sums, sums + v])
        masks = np.concatenate([masks, masks | (np.int64(1) << i)])
    return sums, masks


def best_subset(xs, z) -> BestSubsetResult:
    """Subset of ``xs`` whose sum is closest to ``z`` (meet in the middle).

    Parameters
    ----------
    xs : array_like, shape (n,), n <= 48
        Finite samples.
    z : float
        Target.

    Returns
    -------
    BestSubsetResult
        Exact sum and error of the chosen subset (the empty subset counts).

    Raises
    ------
    InvalidArgument
        NaN/inf samples or target, or n > 48.
    """
    arr = check_samples("xs", xs)
    z = check_real("z", z)
    n = arr.size
    if n > MAX_MITM_N:
        raise InvalidArgument(f"best_subset needs n <= {MAX_MITM_N}, got n={n}")
    h = n // 2
    left_s, left_m = _half(arr[:h])
    right_s, right_m = _half(arr[h:])
    order = np.argsort(right_s, kind="stable")
    right_s, right_m = right_s[order], right_m[order]
    need = z - left_s
    pos = np.searchsorted(right_s, need)
    best_err = np.inf
    best = (0, 0)
    for cand in (pos - 1, pos):
        ok = (cand >= 0) & (cand < right_s.size)
        idx = np.clip(cand, 0, right_s.size - 1)
        err = np.where(ok, np.abs(left_s + right_s[idx] - z), np.inf)
        k = int(np.argmin(err))
        if err[k] < best_err:
            best_err = float(err[k])
            best = (k, int(idx[k]))
    mask = int(left_m[best[0]]) | (int(right_m[best[1]]) << h)
    exact = [Fraction(float(x)) for x in arr]
    s = mask_sum(exact, mask)
    err = abs(s - Fraction(z))
    slack = 4.0 * (n + 2) * 2.0**-52 * (float(np.abs(arr).sum()) + abs(z) + 1.0)
    return BestSubsetResult(mask, s, err, slack)
