"""constants domain."""
