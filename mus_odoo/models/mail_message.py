from odoo import api, models
from odoo.osv import expression

from ..tools import mus_hidden, mus_records, mus_visible_domain


class MailMessage(models.Model):
    """The messages of a MUS are its parties': HR, who may read the MUS's
    status, does not read its chatter, except what an HR officer wrote
    there themselves (a cancellation, say). Whoever else a message names as
    recipient, or notified before (a former leader), reads nothing of it,
    and only the parties change or delete a message there. HR still writes
    to the parties (the workflow posts its cancellations and postponements
    as HR)."""

    _inherit = "mail.message"

    def _mus_readable_also(self, operation="read"):
        """Beyond the parties: what an HR officer wrote, to read it, and to
        post it (Odoo asks "create" of the new message, and of a message
        one reacts to)."""
        if operation in ("read", "create") and self.env.user.has_group("mus_odoo.group_mus_officer"):
            return [("author_id", "=", self.env.user.partner_id.id)]
        return None

    # The superuser (Odoo's own sudo() mailing) and messages on no MUS cost
    # nothing: HR's exception reads the user's partner, so it is asked only
    # when a MUS's messages are concerned.
    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if not self.env.is_superuser():
            visible = mus_visible_domain(self, "model", "res_id", self._mus_readable_also())
            domain = expression.AND([visible, domain])
        return super()._search(domain, offset=offset, limit=limit, order=order)

    def _get_forbidden_access(self, operation):
        forbidden = super()._get_forbidden_access(operation)
        others = self - forbidden
        if self.env.is_superuser() or not mus_records(others, "model"):
            return forbidden
        return forbidden + mus_hidden(others, "model", "res_id", self._mus_readable_also(operation))
