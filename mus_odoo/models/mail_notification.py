from odoo import api, models
from odoo.osv import expression

from ..tools import mus_hidden_sql, mus_hidden_through, with_hidden


class MailNotification(models.Model):
    """Who was notified of a MUS's message, and when, is its parties' only,
    like the message (a former leader keeps none)."""

    _inherit = "mail.notification"

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if not self:
            return result
        hidden = mus_hidden_through(self - result[0] if result else self, "mail_message_id", "model", "res_id")
        return with_hidden(result, hidden, operation)

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if not self.env.is_superuser():
            hidden = mus_hidden_sql(self.env["mail.message"], "model", "res_id")
            domain = expression.AND([[("mail_message_id", "not in", hidden)], domain])
        return super()._search(domain, offset=offset, limit=limit, order=order)
