from . import my_data
