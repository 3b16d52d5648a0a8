"""gap domain."""
