"""Loaders for the package data (parameters, citations, validation targets)."""
