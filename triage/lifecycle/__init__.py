"""The model lifecycle in MLflow: registered pyfunc models, aliases, and fetching a version's
bundle for serving."""
