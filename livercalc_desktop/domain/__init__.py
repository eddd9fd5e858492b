"""Pure domain types: the case, its schema, validation problems and the assessment."""
