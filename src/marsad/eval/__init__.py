"""Scoring the system against annotated data (``marsad eval``)."""
