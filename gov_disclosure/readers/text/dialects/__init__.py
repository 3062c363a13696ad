"""The built-in text table dialects, one module each; `base` says what a dialect is."""
