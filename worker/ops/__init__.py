"""What operators watch and run: metrics of work, JSON logs, health checks, personal data expiry."""
