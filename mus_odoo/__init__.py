from . import workflow
from . import models
from . import wizard
