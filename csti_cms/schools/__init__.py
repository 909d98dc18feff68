"""The teacher path: school activities, school levels and subjects, booking requests."""
