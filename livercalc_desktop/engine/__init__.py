"""The rules engine: evaluates a case against a pathway's knowledge base."""
