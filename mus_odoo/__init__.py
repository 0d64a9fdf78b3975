from . import models, report, wizard, workflow
