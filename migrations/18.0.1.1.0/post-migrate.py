"""18.0.1.1.0: the confidential texts of a MUS move to mus.interview.content.

Before, the notes of the answers, the summary and the employee's feedback
were columns of their models, and the signatures attachments of the plan;
now they are records of mus.interview.content, whose record rules decide who
reads them. Move what is there, then drop the old columns. A MUS that was invited
before this version counts as offered (``offered_on``, new in it: the
invitation's time is not known, its creation or acceptance stands for
it). Plans signed by both
before this version are sealed into their company's hash chain, in the
order they were signed, so the integrity check covers them from now on.
"""
from odoo import SUPERUSER_ID, api
from odoo.tools import SQL
from odoo.tools.sql import column_exists

# (table, column, kind, column of mus_interview_content, owner)
COLUMNS = (
    ("mus_interview_answer", "employee_note", "employee_note", "text", "answer"),
    ("mus_interview_answer", "leader_note", "leader_note", "text", "answer"),
    ("mus_interview_answer", "agreed_note", "agreed_note", "text", "answer"),
    ("mus_interview", "summary", "summary", "html", "interview"),
    ("mus_interview", "employee_feedback", "employee_feedback", "html", "interview"),
)
SIGNATURES = ("employee_signature", "leader_signature")


def migrate(cr, version):
    for table, column, kind, target, owner in COLUMNS:
        if not column_exists(cr, table, column):
            continue
        interview, answer = ("interview_id", "id") if owner == "answer" else ("id", "NULL")
        cr.execute(SQL(
            """INSERT INTO mus_interview_content
                   (interview_id, answer_id, company_id, kind, %(target)s,
                    create_uid, create_date, write_uid, write_date)
               SELECT %(interview)s, %(answer)s, company_id, %(kind)s, %(column)s,
                      create_uid, create_date, write_uid, write_date
                 FROM %(table)s
                WHERE COALESCE(%(column)s, '') != ''
               ON CONFLICT DO NOTHING""",
            target=SQL.identifier(target), interview=SQL(interview), answer=SQL(answer),
            kind=kind, column=SQL.identifier(column), table=SQL.identifier(table),
        ))
        cr.execute(SQL("ALTER TABLE %s DROP COLUMN %s", SQL.identifier(table), SQL.identifier(column)))

    for kind in SIGNATURES:
        cr.execute(SQL(
            """INSERT INTO mus_interview_content
                   (interview_id, company_id, kind, create_uid, create_date, write_uid, write_date)
               SELECT plan.interview_id, plan.company_id, %(kind)s,
                      att.create_uid, att.create_date, att.write_uid, att.write_date
                 FROM ir_attachment att
                 JOIN mus_development_plan plan ON plan.id = att.res_id
                WHERE att.res_model = 'mus.development.plan' AND att.res_field = %(kind)s
               ON CONFLICT DO NOTHING""",
            kind=kind,
        ))
        cr.execute(SQL(
            """UPDATE ir_attachment att
                  SET res_model = 'mus.interview.content', res_field = 'signature', res_id = content.id
                 FROM mus_development_plan plan, mus_interview_content content
                WHERE att.res_model = 'mus.development.plan' AND att.res_field = %(kind)s
                  AND plan.id = att.res_id
                  AND content.interview_id = plan.interview_id AND content.answer_id IS NULL
                  AND content.kind = %(kind)s""",
            kind=kind,
        ))

    cr.execute("""
        UPDATE mus_interview SET offered_on = COALESCE(accepted_on, create_date)
         WHERE offered_on IS NULL
           AND (state NOT IN ('draft', 'cancelled') OR (state = 'cancelled' AND accepted_on IS NOT NULL))
    """)
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["mus.development.plan"].search(
        [("is_signed", "=", True), ("signed_hash", "=", False)], order="signed_on, id",
    )._mus_seal()
