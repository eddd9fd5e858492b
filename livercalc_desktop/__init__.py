"""LiverCalc Desktop: counselling for fetal liver calcification, offline."""

__version__ = "0.1.0"
