"""formal domain."""
