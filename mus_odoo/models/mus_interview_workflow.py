from odoo import api, fields, models


class MusInterview(models.Model):
    """The MUS's side of the workflow engine (``mus.workflow.mixin``): its errors, the
    requirements of its transitions, the to-dos of its states."""

    _inherit = "mus.interview"

    def _lazy(self, lazy_text):
        """A workflow label or message in the current user's language."""
        return self._workflow_lazy(lazy_text)

    def _workflow_state_error(self, transition):
        steps = self._workflow.next_steps(self.state)
        return self.env._(
            "%(interview)s is %(state)s: “%(action)s” is not possible now. "
            "Next steps from here: %(steps)s.",
            interview=self.display_name, state=self._state_label(),
            action=self._lazy(transition.label),
            steps=", ".join(self._lazy(step.label) for step in steps) or self.env._("none"),
        )

    def _workflow_actor_error(self, transition):
        return self.env._(
            "Only %(actors)s can “%(action)s” %(interview)s.",
            actors=self._mus_roles_label(transition.actors), action=self._lazy(transition.label),
            interview=self.display_name,
        )

    def _workflow_joint_complete(self, transition):
        # sign, the only joint step: both parties have signed the plan.
        return self.plan_id.is_signed

    def _mus_transition_error(self, transition, for_button=False, **kwargs):
        """Why the current user cannot fire ``transition`` now, or None."""
        return self._workflow_error(transition, for_button=for_button, **kwargs)

    def _activity_update(self):
        """The to-dos of the workflow's states (``workflow.MUS_WORKFLOW.activities``)."""
        self._workflow_activity_update()

    def _workflow_activity_deadline(self, role, activity_xmlid):
        # By the interview (signing: now, the talk is held).
        if self.scheduled_date and self.state != "signing":
            return self.scheduled_date.date()
        return fields.Date.today()

    @api.model
    def _workflow_schedule_activities(self, todo):
        return self._mus_schedule_activities(todo)

    def _mus_schedule_activity(self, xmlid, user, date_deadline, summary=None):
        """Schedule an activity for ``user``, summarised in their language."""
        return self._mus_schedule_activities([
            (interview, xmlid, user, date_deadline, summary) for interview in self
        ])

    @api.model
    def _mus_schedule_activities(self, todo):
        """Create the activities of ``todo`` in one go: tuples of (interview,
        activity type xml id, user, deadline[, summary]); each summary in the
        language of its user."""
        if not todo or self.env.context.get("mail_activity_automation_skip"):
            return self.env["mail.activity"]
        model_id = self.env["ir.model"]._get_id(self._name)
        types = {}
        vals_list = []
        for interview, xmlid, user, date_deadline, *summary in todo:
            lang = user.lang or self.env.lang
            if (xmlid, lang) not in types:
                types[xmlid, lang] = self.env.ref(xmlid).with_context(lang=lang)
            activity_type = types[xmlid, lang]
            vals_list.append({
                "activity_type_id": activity_type.id,
                "summary": (summary and summary[0]) or activity_type.summary,
                "note": activity_type.default_note,
                "automated": True,
                "date_deadline": date_deadline,
                "res_model_id": model_id,
                "res_id": interview.id,
                "user_id": user.id,
                # Stored computed fields of the to-do, known here for the
                # whole batch (computed one record at a time otherwise).
                "res_name": interview.display_name,
                "user_tz": user.tz,
                "date_done": False,
            })
        # The workflow's to-dos, whoever acts (HR reads only its own).
        return self.env["mail.activity"].sudo().create(vals_list)
