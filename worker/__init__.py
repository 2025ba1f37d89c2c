"""Comment moderation worker: Celery workers that validate comments and check them for spam and profanity."""
