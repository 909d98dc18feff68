"""Memberships: the networks a science centre belongs to, and its people's roles there."""

__version__ = "0.1.0"
