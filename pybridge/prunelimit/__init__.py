"""The pruning-ratio limit of Zhang et al. (arXiv 2306.05857): conic geometry and ground truth."""
