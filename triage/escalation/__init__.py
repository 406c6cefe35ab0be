"""Escalation: lemma-matched flags with evidence, the calibrated risk head, and the ops-owned
policy (thresholds, bands, consistency rules) that turns them into a decision."""
