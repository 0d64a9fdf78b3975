from odoo import api, models
from odoo.exceptions import AccessError
from odoo.osv import expression

from ..tools import mus_hidden, mus_records, mus_visible_domain, with_hidden

FOLLOW_UP_TYPE = "mus_odoo.mail_act_mus_follow_up"


class MailActivity(models.Model):
    """The to-dos of a MUS are read by its parties and by whom each is
    assigned to, like its messages: reading the MUS's status (HR) is not
    enough. Each is its assignee's own: only they mark it done, change or
    cancel it (HR officers and the superuser as on any record). Marking
    the follow-up to-do done completes its checkpoint, the feedback as its
    note (``mus.follow.up``)."""

    _inherit = "mail.activity"

    def _mus_assigned(self):
        return [("user_id", "=", self.env.uid)]

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if not self:
            return result
        if operation == "read":
            hidden = mus_hidden(self - result[0] if result else self, also=self._mus_assigned())
            return with_hidden(result, hidden, operation)
        if operation in ("write", "unlink"):
            others = self._mus_others_todos(self - result[0] if result else self)
            if others:
                error = others._mus_own_error()
                if result:
                    return (result[0] + others, result[1])
                return (others, lambda: error)
        return result

    @api.model
    def _mus_others_todos(self, activities):
        """The to-dos of ``activities`` that lie on a MUS and are assigned to
        someone else than the current user, unless HR or the superuser acts.
        No query for to-dos that are not on a MUS."""
        if self.env.is_superuser():
            return activities.browse()
        on_mus = mus_records(activities)
        if not on_mus:
            return on_mus
        others = on_mus.sudo().filtered(lambda activity: activity.user_id.id != self.env.uid)
        if not others or self.env.user.has_group("mus_odoo.group_mus_officer"):
            return activities.browse()
        return activities.browse(others.ids)

    def _mus_own_error(self):
        activity = self[:1].sudo()
        return AccessError(self.env._(
            "“%(todo)s” is %(user)s's to-do on %(interview)s: only they can mark it done, change or cancel it.",
            todo=activity.display_name, user=activity.user_id.name or self.env._("nobody"),
            interview=activity.res_name or "",
        ))

    def _action_done(self, feedback=False, attachment_ids=None):
        others = self._mus_others_todos(self)
        if others:
            raise others._mus_own_error()
        checkpoints = self._mus_open_checkpoints()
        if checkpoints:
            checkpoints._mus_complete_from_activity(feedback)
        result = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        if checkpoints:
            checkpoints.interview_id._follow_up_completed()
        return result

    def _mus_open_checkpoints(self):
        """The open follow-up checkpoints whose to-dos these are; none when
        the checkpoint itself marks its to-do done. No query for to-dos that
        are not on a MUS."""
        on_mus = mus_records(self)
        follow_up_type = on_mus and self.env.ref(FOLLOW_UP_TYPE, raise_if_not_found=False)
        follow_ups = on_mus.sudo().filtered(lambda activity: activity.activity_type_id == follow_up_type)
        if not follow_ups:
            return self.env["mus.follow.up"]
        checkpoints = self.env["mus.follow.up"].sudo().search([
            ("activity_id", "in", follow_ups.ids), ("state", "=", "planned"),
        ])
        return checkpoints.with_env(self.env)

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        visible = mus_visible_domain(self, also=self._mus_assigned())
        if visible:
            domain = expression.AND([visible, domain])
        return super()._search(domain, offset=offset, limit=limit, order=order)

