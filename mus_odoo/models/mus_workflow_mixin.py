"""The workflow engine: a model runs on a ``workflow.Workflow`` declaration.

A model inherits ``mus.workflow.mixin`` and names its declaration::

    class MyDoc(models.Model):
        _name = "my.doc"
        _inherit = ["mail.thread", "mail.activity.mixin", "mus.workflow.mixin"]
        _workflow = MY_WORKFLOW

        def _workflow_roles(self, user=None):      # the roles ``user`` has here
            ...
        def _requirement_<name>(self, **kwargs):   # one per Requirement
            ...
        def action_<transition>(self):
            transition = self._check_transition("<transition>")
            self._set_state(transition)

The mixin gives the model the ``state`` selection (declared states; the
model may add attributes such as ``tracking`` by redefining ``state``
without a selection), one ``can_<transition>`` field per transition, the
form buttons (injected into ``<header name="<Workflow.header>">``), the
search filters of the state groups, the checks and their errors, the write of
the declared target state and the to-dos of each state.
"""
from collections import defaultdict

from lxml import etree

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.models import MetaModel


class MusWorkflowMixin(models.AbstractModel):
    _name = "mus.workflow.mixin"
    _description = "Workflow Engine"

    # The workflow.Workflow the model runs on (set by the model).
    _workflow = None

    # The models get the declared states as a static selection
    # (``_workflow_setup_fields``: reflected and translated like any other).
    state = fields.Selection(
        selection="_workflow_selection", string="Status", required=True, readonly=True, copy=False,
        index=True, default=lambda self: self._workflow.initial,
    )

    # ------------------------------------------------------------------
    # Fields from the declaration
    # ------------------------------------------------------------------
    @api.model
    def _setup_base(self):
        cls = self.env.registry[self._name]
        was_done = cls._setup_done
        result = super()._setup_base()
        if not was_done and cls._workflow is not None:
            self._workflow_setup_fields()
        return result

    @api.model
    def _workflow_setup_fields(self):
        """Give the model the declared states and one ``can_<transition>``
        field per transition, as fields of the module that names the
        workflow."""
        cls = self.env.registry[self._name]
        workflow = cls._workflow
        module = next(
            (klass._module for klass in cls._model_classes if "_workflow" in vars(klass)), cls._module,
        )
        # ``state``: every definition of the model, then the declared selection.
        definitions = tuple(
            field
            for klass in reversed(cls._model_classes) if isinstance(klass, MetaModel)
            for field in klass._field_definitions if field.name == "state"
        )
        state = fields.Selection(_base_fields=(*definitions, fields.Selection(selection=list(workflow.states))))
        self._add_field("state", state)
        state.prepare_setup()
        for transition in workflow.transitions:
            if transition.internal:
                continue
            name = f"can_{transition.name}"
            field = fields.Boolean(compute="_compute_workflow_can")
            field._module = module
            # _add_field accepts only names of the class: this one is the declaration's.
            setattr(cls, name, field)
            self._add_field(name, field)
            field.prepare_setup()

    @api.model
    def _workflow_selection(self):
        return list(self._workflow.states) if self._workflow else []

    def _workflow_depends(self):
        """The fields the ``can_*`` fields depend on, besides the state (what
        the roles and the requirements that hide buttons read)."""
        return []

    @api.depends_context("uid")
    @api.depends(lambda self: ["state", *self._workflow_depends()] if self._workflow else [])
    def _compute_workflow_can(self):
        transitions = [t for t in self._workflow.transitions if not t.internal]
        for record in self:
            record.update({
                f"can_{transition.name}": not record._workflow_error(transition, for_button=True)
                for transition in transitions
            })

    # ------------------------------------------------------------------
    # Views: buttons and state group filters from the declaration
    # ------------------------------------------------------------------
    @api.model
    def _get_view(self, view_id=None, view_type="form", **options):
        arch, view = super()._get_view(view_id, view_type, **options)
        workflow = self._workflow
        if workflow is None:
            return arch, view
        if view_type == "form" and workflow.header:
            for header in arch.xpath(f"//header[@name='{workflow.header}']"):
                self._workflow_add_buttons(header)
        if view_type == "search":
            for name, group in workflow.filters.items():
                for node in arch.xpath(f"//filter[@name='{name}']"):
                    node.set("domain", repr(self._workflow_group_domain(group)))
        return arch, view

    @api.model
    def _workflow_group_domain(self, group):
        """The records in state group ``group`` of the declaration."""
        return [("state", "in", list(self._workflow.groups[group]))]

    @api.model
    def _workflow_add_buttons(self, header):
        """One button per transition, before what the header holds already."""
        anchor = header[0] if len(header) else None
        for transition in self._workflow.transitions:
            if transition.internal:
                continue
            button = etree.Element("button", {
                "name": transition.button_method,
                "type": "object",
                "string": self._workflow_lazy(transition.label),
                "invisible": f"not can_{transition.name}",
                "class": "btn-primary" if transition.primary else "btn-secondary",
            })
            if anchor is not None:
                anchor.addprevious(button)
            else:
                header.append(button)
            header.append(etree.Element("field", {"name": f"can_{transition.name}", "invisible": "1"}))

    # ------------------------------------------------------------------
    # Hooks of the model
    # ------------------------------------------------------------------
    def _workflow_roles(self, user=None):
        """The roles (of the declaration's ``roles``) ``user`` (default: the
        current user) has on this record."""
        raise NotImplementedError(f"{self._name} declares who has which role of its workflow")

    def _workflow_role_user(self, role):
        """The user who has ``role`` on this record (for its to-dos), if one."""
        return self.env["res.users"]

    def _workflow_activity_deadline(self, role, activity_xmlid):
        """The deadline of a to-do the state gives."""
        return fields.Date.context_today(self)

    def _workflow_state_error(self, transition):
        steps = self._workflow.next_steps(self.state)
        return self.env._(
            "%(record)s is %(state)s: “%(action)s” is not possible now. Next steps from here: %(steps)s.",
            record=self.display_name, state=self._state_label(), action=self._workflow_lazy(transition.label),
            steps=", ".join(self._workflow_lazy(step.label) for step in steps if not step.internal)
            or self.env._("none"),
        )

    def _workflow_actor_error(self, transition):
        return self.env._(
            "Only %(actors)s can “%(action)s” %(record)s.",
            actors=self._workflow_roles_label(transition.actors), action=self._workflow_lazy(transition.label),
            record=self.display_name,
        )

    def _workflow_joint_complete(self, transition):
        """Whether every actor of the joint ``transition`` has done their part."""
        raise NotImplementedError(f"{self._name} tells when its joint step {transition.name} is complete")

    # ------------------------------------------------------------------
    # Labels
    # ------------------------------------------------------------------
    def _workflow_lazy(self, lazy_text):
        """A label or message of the declaration in the current user's language."""
        return lazy_text._translate(self.env.lang or "en_US")

    @api.model
    def _workflow_roles_label(self, roles):
        return self.env._(" or ").join(self._workflow_lazy(self._workflow.roles[role]) for role in roles)

    def _state_label(self, state=None):
        return dict(self._fields["state"]._description_selection(self.env))[state or self.state]

    # ------------------------------------------------------------------
    # Checks (one predicate for buttons and server)
    # ------------------------------------------------------------------
    def _workflow_transition(self, name):
        return self._workflow.transitions_by_name[name]

    def _workflow_party(self, transition):
        """The role the current user does ``transition`` as, if exactly one
        of its actors is theirs; the superuser acts as the only actor of a
        step that has one."""
        roles = self._workflow_roles() & set(transition.actors)
        if len(roles) == 1:
            return next(iter(roles))
        if not roles and self.env.uid == SUPERUSER_ID and len(transition.actors) == 1:
            return transition.actors[0]
        return None

    def _workflow_actor_allowed(self, transition):
        if transition.personal:
            # A party's own step: theirs only, even in sudo.
            return self._workflow_party(transition) is not None
        return self.env.su or bool(self._workflow_roles() & set(transition.actors))

    def _workflow_error(self, transition, for_button=False, **kwargs):
        """Why the current user cannot fire ``transition`` (or its name) now, or None.

        ``for_button``: only what decides whether the button shows (state,
        actor, and requirements marked to hide it); the rest is explained when
        the button is clicked.
        """
        self.ensure_one()
        if isinstance(transition, str):
            transition = self._workflow_transition(transition)
        if self.state not in transition.sources:
            return self._workflow_state_error(transition)
        if not self._workflow_actor_allowed(transition):
            return self._workflow_actor_error(transition)
        for requirement in transition.requires:
            if for_button and not requirement.hides_button:
                continue
            if not getattr(self, f"_requirement_{requirement.name}")(**kwargs):
                return self._workflow_lazy(requirement.message)
        return None

    def _check_transition(self, name, for_button=False, **kwargs):
        """Raise unless the current user may fire transition ``name`` on every
        record: AccessError for a wrong actor, UserError for anything else.
        Returns the transition."""
        transition = self._workflow_transition(name)
        for record in self:
            error = record._workflow_error(transition, for_button=for_button, **kwargs)
            if not error:
                continue
            if record.state in transition.sources and not record._workflow_actor_allowed(transition):
                raise AccessError(error)
            raise UserError(error)
        return transition

    # ------------------------------------------------------------------
    # State changes
    # ------------------------------------------------------------------
    def _set_state(self, transition, **vals):
        """Write the declared target of ``transition`` (or its name) and
        ``vals``, as the workflow (callers have checked the transition).
        A joint step moves only the records whose every actor has done it.
        Returns the records that changed state (all, for a step without a
        target)."""
        if isinstance(transition, str):
            transition = self._workflow_transition(transition)
        wrong = self.filtered(lambda record: record.state not in transition.sources)
        if wrong:
            raise UserError(wrong[0]._workflow_state_error(transition))
        moving = self
        if transition.joint:
            moving = self.filtered(lambda record: record._workflow_joint_complete(transition))
        if transition.target:
            vals = {"state": transition.target, **vals}
        if moving and vals:
            moving.sudo().write(vals)
        return moving

    # ------------------------------------------------------------------
    # To-dos: who acts next, per state
    # ------------------------------------------------------------------
    def _workflow_activity_update(self):
        """Close the to-dos of the state left, give the next actors theirs:
        one feedback per state and one create for the whole batch. Kept up to
        date whoever acts (a user may not read the to-dos of others)."""
        workflow = self._workflow
        all_types = workflow.all_activity_types()
        if not all_types:
            return
        own = self.with_user(SUPERUSER_ID)
        by_state = defaultdict(own.browse)
        for record in own:
            by_state[record.state] |= record
        for state, records in by_state.items():
            if state in workflow.discard_in:
                records.activity_unlink([*all_types, *workflow.discard_types])
                continue
            current = {xmlid for _role, xmlid in workflow.activities.get(state, ())}
            records.activity_feedback([xmlid for xmlid in all_types if xmlid not in current])
        to_schedule = []
        for record in own:
            for role, xmlid in workflow.activities.get(record.state, ()):
                user = record._workflow_role_user(role)
                if not user or record.activity_ids.filtered(
                    lambda a, xmlid=xmlid, user=user: a.user_id == user
                    and a.activity_type_id == self.env.ref(xmlid)
                ):
                    continue
                to_schedule.append((record, xmlid, user, record._workflow_activity_deadline(role, xmlid)))
        own._workflow_schedule_activities(to_schedule)

    @api.model
    def _workflow_schedule_activities(self, todo):
        """Create the to-dos of ``todo``: (record, activity type xml id, user,
        deadline) tuples."""
        for record, xmlid, user, deadline in todo:
            record.activity_schedule(xmlid, date_deadline=deadline, user_id=user.id, automated=True)
