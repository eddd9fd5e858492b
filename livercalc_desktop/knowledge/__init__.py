"""Loading and checking the clinical data in ``resources/pathways``."""
