"""The clinician summary: one document model, typeset as a PDF letter and written as a plain-text note."""
