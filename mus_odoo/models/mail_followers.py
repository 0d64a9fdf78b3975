from odoo import api, models
from odoo.osv import expression

from ..tools import mus_hidden, mus_visible_domain, with_hidden


class MailFollowers(models.Model):
    """Who follows a MUS says who has a MUS with whom: its parties only see
    its followers (the two of them)."""

    _inherit = "mail.followers"

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if not self:
            return result
        return with_hidden(result, mus_hidden(self - result[0] if result else self), operation)

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        visible = mus_visible_domain(self)
        if visible:
            domain = expression.AND([visible, domain])
        return super()._search(domain, offset=offset, limit=limit, order=order)
