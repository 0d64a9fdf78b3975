from . import my_data, portal
