"""18.0.1.2.0.

- The interview's development plan (``plan_id``) is no longer stored on the
  interview, it is read from the plan (one per interview): drop the column,
  which would otherwise keep stale values.
- The invitation and signed-plan mails (``noupdate`` templates, so an
  upgrade leaves them as they were) linked to the portal page with the
  access token in the message body, which the chatter keeps and the leader
  reads: the token lets whoever has it act as the employee. Since 18.0.1.1.0
  the body links to ``/mail/view`` and the token goes only into the email
  rendered for the employee. Replace that one expression in every language,
  leaving whatever else the company changed in the templates.
"""
from odoo.tools import SQL
from odoo.tools.sql import column_exists

TEMPLATES = ("mail_template_mus_invitation", "mail_template_mus_plan_signed")
OLD_LINK = "object.get_base_url() + object.get_portal_url()"
NEW_LINK = "object.get_mus_open_url()"


def migrate(cr, version):
    if column_exists(cr, "mus_interview", "plan_id"):
        cr.execute("ALTER TABLE mus_interview DROP COLUMN plan_id")
    cr.execute(SQL(
        """UPDATE mail_template template
              SET body_html = replace(template.body_html::text, %(old)s, %(new)s)::jsonb
             FROM ir_model_data data
            WHERE data.module = 'mus_odoo' AND data.model = 'mail.template' AND data.name IN %(names)s
              AND data.res_id = template.id
              AND position(%(old)s IN template.body_html::text) > 0""",
        old=OLD_LINK, new=NEW_LINK, names=TEMPLATES,
    ))
