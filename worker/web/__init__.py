"""The web layer: the HTTP API (and its OpenAPI schema) on FastAPI, served by uvicorn."""
