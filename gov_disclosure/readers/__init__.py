"""Readers: each turns one form of input into a `blocks.Document`."""
