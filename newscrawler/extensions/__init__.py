"""Extensions: run-wide concerns fed by signals (rejects file, page errors, summary, memory)."""
