from odoo import models
from odoo.exceptions import AccessError, UserError

from .. import access
from ..tools import records_changing


class MusInterview(models.Model):
    """Who may change which field of a MUS, and when (read from ``mus_odoo/access.py``)."""

    _inherit = "mus.interview"

    # listed follow the access rights only), and the fields the workflow
    # alone writes: declared in mus_odoo/access.py.
    _MUS_FIELD_RULES = access.field_rules("mus.interview")

    _MUS_WORKFLOW_FIELDS = access.workflow_fields("mus.interview")

    def _check_workflow_fields(self, vals):
        if self.env.su:
            return
        owned = self._MUS_WORKFLOW_FIELDS & set(vals)
        if owned:
            raise AccessError(self.env._(
                "These fields of a MUS change only through its workflow buttons: %(fields)s.",
                fields=", ".join(
                    self._fields[name].get_description(self.env)["string"] for name in sorted(owned)
                ),
            ))

    def _check_creator(self, pairs):
        """A leader plans the MUS of their own team members; HR anyone's.
        ``pairs``: (employee, leader) of the interviews being created or
        changed, as employee records (leader empty: the employee's manager)."""
        if self.env.su:
            return
        is_hr = self.env.user.has_group(access.HR_GROUP)
        for employee, leader in pairs:
            employee = employee.sudo()
            leader = (leader or employee.parent_id).sudo()
            if not is_hr and not (leader and leader == employee.parent_id and leader.user_id == self.env.user):
                raise AccessError(self.env._(
                    "%(employee)s is not in your team: only their own leader or HR can plan their MUS.",
                    employee=employee.name,
                ))
            if employee and not employee.user_id.active:
                # Nobody could accept, prepare or sign it (a cycle lists them
                # to resolve the same way).
                raise UserError(self.env._(
                    "%(employee)s has no user: give them one (portal access will do) before planning "
                    "their MUS, which they accept, prepare and sign themselves.",
                    employee=employee.name,
                ))
            if is_hr:
                # HR plans anyone's MUS and hands it over, but only to one of
                # the employee's managers: the leader reads what is said.
                if leader and leader not in employee._mus_managers():
                    raise AccessError(self.env._(
                        "%(leader)s is not a manager of %(employee)s: a MUS is held by the employee's "
                        "leader, or by a manager above them.",
                        leader=leader.name, employee=employee.name,
                    ))
                if leader and leader.user_id == self.env.user and leader != employee.parent_id:
                    raise AccessError(self.env._(
                        "You cannot hand the MUS of %(employee)s over to yourself: its leader reads what "
                        "is said in it. Their own manager holds it.",
                        employee=employee.name,
                    ))

    def _check_create_field_rules(self, vals_list):
        """What is written later in the MUS (the summary, the employee's
        feedback) is not written at its creation either. Who may plan it is
        checked by ``_check_creator``."""
        if self.env.su:
            return
        for interview, vals in zip(self, vals_list, strict=True):
            # Who plans it, for whom, and in which company (that of the
            # employee, by check_company) is ``_check_creator``'s.
            for field_name in set(vals) & set(self._MUS_FIELD_RULES) - {"employee_id", "leader_id", "company_id"}:
                if not vals[field_name]:
                    continue
                error = interview._mus_field_error(field_name)
                if error:
                    raise error

    def _check_field_write(self, vals):
        if self.env.su:
            return
        for field_name in set(vals) & set(self._MUS_FIELD_RULES):
            # Against what is stored: a confidential field reads empty to
            # whoever may not read it, who must not erase it either.
            for interview in records_changing(self.sudo(), vals, [field_name]).with_env(self.env):
                error = interview._mus_field_error(field_name)
                if error:
                    raise error

    def _mus_field_error(self, field_name):
        """Why the current user may not change ``field_name`` now (an
        exception to raise), or None."""
        self.ensure_one()
        allowed_roles, allowed_states = self._MUS_FIELD_RULES[field_name]
        label = self._fields[field_name].get_description(self.env)["string"]
        if not self._mus_roles() & set(allowed_roles):
            return AccessError(self.env._(
                "Only %(roles)s can change “%(field)s” on %(interview)s.",
                roles=self._mus_roles_label(allowed_roles), field=label, interview=self.display_name,
            ))
        if self.state not in allowed_states:
            if field_name in ("scheduled_date", "duration"):
                return UserError(self.env._(
                    "The invitation to %(interview)s has been sent: move it with “Postpone”, "
                    "so the employee is told why.",
                    interview=self.display_name,
                ))
            return UserError(self.env._(
                "“%(field)s” cannot be changed while the MUS is %(state)s.",
                field=label, state=self._state_label(),
            ))
        return None

    def _mus_note_error(self, field_name):
        """Why the current user may not write ``field_name`` of the answers now."""
        self.ensure_one()
        role, states, submitted_field = self.env["mus.interview.answer"]._NOTE_RULES[field_name]
        label = self.env["mus.interview.answer"]._fields[field_name].get_description(self.env)["string"]
        if role not in self._mus_roles():
            return AccessError(self.env._(
                "Only %(role)s can write “%(field)s” on %(interview)s.",
                role=self._mus_roles_label((role,)), field=label, interview=self.display_name,
            ))
        if submitted_field and self[submitted_field]:
            return UserError(self.env._(
                "Your preparation of %(interview)s is submitted and can no longer be changed.",
                interview=self.display_name,
            ))
        if self.state not in states:
            return UserError(self.env._(
                "“%(field)s” cannot be changed now: the MUS is %(state)s.",
                field=label, state=self._state_label(),
            ))
        return None

    def _mus_leader_error(self, message, rule, closed_message):
        """The roles and states of ``rule`` (``access.rule``): the rule of
        everything the leader writes about the talk (review, plan, progress,
        follow-up)."""
        roles, states = access.rule(rule)
        if not self._mus_roles() & set(roles):
            return AccessError(message)
        if self.state not in states:
            return UserError(closed_message)
        return None

    def _mus_review_error(self):
        self.ensure_one()
        return self._mus_leader_error(
            self.env._(
                "Only the leader of %(interview)s writes the review of last year's plan.",
                interview=self.display_name,
            ),
            "review",
            self.env._(
                "Last year's plan is reviewed in the interview: %(interview)s is %(state)s.",
                interview=self.display_name, state=self._state_label(),
            ),
        )

    def _mus_plan_error(self):
        self.ensure_one()
        error = self._mus_leader_error(
            self.env._(
                "Only the leader of %(interview)s can change its development plan.",
                interview=self.display_name,
            ),
            "plan",
            self.env._(
                "The development plan is written in the interview: %(interview)s is %(state)s.",
                interview=self.display_name, state=self._state_label(),
            ),
        )
        # Who may not write it is told so first; the leader, that it is locked.
        if not isinstance(error, AccessError) and self.plan_id.is_signed:
            return UserError(self.env._(
                "The development plan of %(interview)s is signed by both parties and locked.",
                interview=self.display_name,
            ))
        return error

    def _mus_progress_error(self):
        self.ensure_one()
        return self._mus_leader_error(
            self.env._(
                "Only the leader of %(interview)s records the progress of its goals.",
                interview=self.display_name,
            ),
            "progress",
            self.env._(
                "Goal progress is recorded during follow-up: %(interview)s is %(state)s.",
                interview=self.display_name, state=self._state_label(),
            ),
        )

    def _mus_follow_up_error(self, checkpoint_closed=False):
        self.ensure_one()
        closed = self.env._("This follow-up checkpoint of %(interview)s is closed.", interview=self.display_name)
        error = self._mus_leader_error(
            self.env._("Only the leader of %(interview)s records its follow-up.", interview=self.display_name),
            "follow_up",
            closed,
        )
        return error or (UserError(closed) if checkpoint_closed else None)

    def _check_employee_change(self):
        """Notes written about one employee never move to another's MUS, nor
        does the review of their last plan."""
        for interview in self:
            # Whoever asks (HR reads no notes): what was written anywhere.
            if interview.sudo().answer_ids._has_content() or interview.sudo().review_ids._has_content():
                raise UserError(self.env._(
                    "%(interview)s already has notes: plan a new MUS for another employee or year.",
                    interview=interview.display_name,
                ))

    def _check_template_change(self, template_id):
        for interview in self:
            if interview.template_id.id == template_id:
                continue
            if interview.sudo().answer_ids._has_content():
                raise UserError(self.env._(
                    "%(interview)s already has answers: its question template cannot change.",
                    interview=interview.display_name,
                ))
            interview.sudo().answer_ids.unlink()
