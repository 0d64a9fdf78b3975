from . import (
    hr_employee,
    mus_development_goal,
    mus_development_plan,
    mus_follow_up,
    mus_goal_review,
    mus_interview,
    mus_interview_answer,
    mus_question,
    mus_question_template,
    mus_question_theme,
    res_company,
    res_config_settings,
)
