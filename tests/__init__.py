from . import (
    test_access,
    test_calendar_mail,
    test_employee,
    test_follow_up,
    test_hardening,
    test_hardening_extra,
    test_plan_signing,
    test_previous_plan,
    test_template,
    test_tour,
    test_workflow,
    test_workflow_declaration,
)
