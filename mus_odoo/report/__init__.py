from . import mus_sql_report  # noqa: I001 (the base of the SQL reports, loaded first)
from . import (
    mus_compliance,
    mus_cycle_progress,
    mus_interview_report,
    report_mus_development_plan,
    report_mus_interview_summary,
)
