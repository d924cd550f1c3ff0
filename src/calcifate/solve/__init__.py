"""Solvers derived from the compiled declaration: the scipy reference and steady states."""
