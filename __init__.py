from . import mus_odoo
