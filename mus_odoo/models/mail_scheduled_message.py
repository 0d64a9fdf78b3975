from odoo import api, models
from odoo.exceptions import AccessError
from odoo.osv import expression

from ..tools import MUS_MODEL, mus_hidden, mus_visible_domain, with_hidden


class MailScheduledMessage(models.Model):
    """A message scheduled on a MUS is its parties' like the messages
    posted there: Odoo lets whoever may write the document read and change
    it, and HR may write a MUS (to plan it) but not read its chatter."""

    _inherit = "mail.scheduled.message"

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if not self:
            return result
        return with_hidden(result, mus_hidden(self - result[0] if result else self, "model", "res_id"), operation)

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        visible = mus_visible_domain(self, "model", "res_id")
        if visible:
            domain = expression.AND([visible, domain])
        return super()._search(domain, offset=offset, limit=limit, order=order)

    @api.model
    def _check(self, values=None):
        result = super()._check(values)
        if self.env.is_superuser():
            return result
        new_on_mus = values and values.get("model") == MUS_MODEL and values.get("res_id")
        if mus_hidden(self, "model", "res_id") or (
            new_on_mus and not self.env[MUS_MODEL]._mus_party_ids([values["res_id"]])
        ):
            raise AccessError(self.env._(
                "The messages of a MUS are confidential between the employee and the leader."
            ))
        return result
