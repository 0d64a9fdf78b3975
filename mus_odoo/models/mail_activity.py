from odoo import api, models
from odoo.osv import expression

from ..tools import mus_hidden, mus_visible_domain, with_hidden


class MailActivity(models.Model):
    """The to-dos of a MUS are read by its parties and by whom each is
    assigned to, like its messages: reading the MUS's status (HR) is not
    enough."""

    _inherit = "mail.activity"

    def _mus_assigned(self):
        return [("user_id", "=", self.env.uid)]

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if operation != "read" or not self:
            return result
        hidden = mus_hidden(self - result[0] if result else self, also=self._mus_assigned())
        return with_hidden(result, hidden, operation)

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        visible = mus_visible_domain(self, also=self._mus_assigned())
        if visible:
            domain = expression.AND([visible, domain])
        return super()._search(domain, offset=offset, limit=limit, order=order)
