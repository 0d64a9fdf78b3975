# The mixins first: the models below inherit them (the party predicate, the
# workflow engine).
from . import mus_party_mixin, mus_workflow_mixin

# isort: split
from . import (
    calendar_attendee,
    calendar_event,
    hr_employee,
    ir_attachment,
    mail_activity,
    mail_followers,
    mail_message,
    mail_notification,
    mail_scheduled_message,
    mus_content_mixin,
    mus_cycle,
    mus_cycle_issue,
    mus_development_goal,
    mus_development_plan,
    mus_follow_up,
    mus_goal_review,
    mus_interview,
    mus_interview_answer,
    mus_interview_calendar,
    mus_interview_content,
    mus_interview_party,
    mus_interview_plan,
    mus_interview_portal,
    mus_interview_rules,
    mus_interview_wizard_mixin,
    mus_interview_workflow,
    mus_question,
    mus_question_template,
    mus_question_theme,
    mus_reminder,
    mus_retention,
    res_company,
)
