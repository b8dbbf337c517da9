"""Read-only JSON API over the portal's public data, described by `/api/openapi.json`."""
