"""Declarations: shared declarations of science centres, their commitments and endorsements."""

__version__ = "0.1.0"
