from . import mus_sql_report  # noqa: I001 (the base of the others, loaded first)
from . import mus_compliance, mus_cycle_progress, mus_interview_report
