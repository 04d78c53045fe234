"""Mentions: named entities (a trained tagger) and value expressions (rules)."""
