"""The code MLflow copies into a registered model and runs on `mlflow.pyfunc.load_model`
(models from code: no pickle in the registered model)."""

import mlflow.models

from triage.lifecycle.pyfunc_model import TriageBundleModel

mlflow.models.set_model(TriageBundleModel())
