"""The patient leaflet: content from the assessment, typeset with reportlab."""
