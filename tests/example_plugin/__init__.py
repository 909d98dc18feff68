"""A plugin used by the framework's tests; it touches every extension point."""
