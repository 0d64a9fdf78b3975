{
    "name": "MUS – Employee Development Interviews",
    "summary": "Yearly employee development interviews (MUS): shared preparation, "
    "the interview, a development plan both sign, and follow-up",
    "version": "18.0.1.1.0",
    "category": "Human Resources/MUS",
    "website": "https://github.com/mus-odoo/mus_odoo",
    "author": "mus_odoo developers",
    "maintainers": ["mus-odoo"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "depends": ["hr", "mail", "calendar"],
    "data": [
        "security/mus_security.xml",
        "security/ir.model.access.csv",
        "security/mus_rules.xml",
        "data/mail_activity_type_data.xml",
        "data/mail_template_data.xml",
        "data/mus_question_template_data.xml",
        "mus_odoo/wizard/mus_reason_wizard_views.xml",
        "mus_odoo/wizard/mus_sign_wizard_views.xml",
        "mus_odoo/wizard/mus_invite_wizard_views.xml",
        "views/mus_question_template_views.xml",
        "views/mus_development_plan_views.xml",
        "views/mus_interview_views.xml",
        "views/hr_employee_views.xml",
        "views/res_config_settings_views.xml",
        "views/mus_menus.xml",
    ],
    "demo": [
        "demo/mus_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "mus_odoo/static/tests/tours/*.js",
        ],
    },
    "application": True,
}
