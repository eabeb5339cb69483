"""The procès-verbal (PDF) and the key hand-over list."""
