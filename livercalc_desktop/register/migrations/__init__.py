"""Alembic migrations of the register, run by ``livercalc_desktop.register.database``."""
