"""The shared report layer: atomic report writing and plotting helpers (no domain knowledge)."""

from pybridge.report.writer import MARKER, check_out_dir, package_versions, write_report

__all__ = ["MARKER", "check_out_dir", "package_versions", "write_report"]
