# The moderation worker's image: `moderation worker` by default; docker-compose.yml also runs beat from it.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# Install the package (not editable; the shipped config goes inside it), then drop the sources.
COPY pyproject.toml README.md /tmp/src/
COPY worker /tmp/src/worker
COPY config /tmp/src/config
RUN pip install /tmp/src \
    && rm -rf /tmp/src \
    && useradd --create-home --uid 10001 --user-group moderation

WORKDIR /app
USER moderation

# The HTTP API's port, for `moderation api --host 0.0.0.0` (the worker itself listens on nothing).
EXPOSE 8080
CMD ["moderation", "worker"]
