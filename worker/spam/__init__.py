"""The spam check's parts: signals, a learned classifier, one calibrated score, and its evaluation."""
