"""The venue-hire path: rentable spaces, their capacity per layout, quote requests."""
