from . import models, wizard, workflow
