from . import controllers, models, wizard, workflow
