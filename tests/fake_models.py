"""A small document on the workflow engine, for tests/test_workflow_engine.py
only (loaded with odoo-test-helper's FakeModelLoader, never installed).

draft --submit [author / manager]--> review --approve [author + reviewer]--> approved
draft, review --withdraw [author, personal]--> withdrawn
review --comment [author / reviewer, personal, no target]
"""
from odoo import fields, models
from odoo.addons.mus_odoo.mus_odoo.workflow import Requirement, Transition, Workflow
from odoo.tools.translate import LazyTranslate

# Not `_lt`: the fake document's words are not the addon's terms (the translation export
# would list them).
label = LazyTranslate(__name__)

AUTHOR = "author"
REVIEWER = "reviewer"
MANAGER = "manager"

REQ_TITLE = Requirement("title", label("Give the document a title first."))
REQ_NOT_APPROVED = Requirement("not_approved_yet", label("You have already approved it."), hides_button=True)

FAKE_WORKFLOW = Workflow(
    states=(("draft", "Draft"), ("review", "In Review"), ("approved", "Approved"), ("withdrawn", "Withdrawn")),
    roles={AUTHOR: label("the author"), REVIEWER: label("the reviewer"), MANAGER: label("a manager")},
    groups={"closed": ("approved", "withdrawn"), "started": ("review", "approved")},
    transitions=(
        Transition("submit", label("Submit"), ("draft",), "review", (AUTHOR, MANAGER), requires=(REQ_TITLE,)),
        Transition(
            "approve", label("Approve"), ("review",), "approved", (AUTHOR, REVIEWER),
            requires=(REQ_NOT_APPROVED,), joint=True, personal=True,
        ),
        Transition(
            "withdraw", label("Withdraw"), ("draft", "review"), "withdrawn", (AUTHOR,), personal=True,
            primary=False,
        ),
        Transition("comment", label("Comment"), ("review",), None, (AUTHOR, REVIEWER), personal=True),
        Transition("archive_old", label("Archive"), ("approved",), "withdrawn", (MANAGER,), internal=True),
    ),
    activities={"review": ((REVIEWER, "mail.mail_activity_data_todo"),)},
    discard_in=("withdrawn",),
    header="fake_workflow",
    filters={"open": "open", "closed": "closed"},
)


class MusFakeDoc(models.Model):
    _name = "mus.fake.doc"
    _description = "Fake document on the workflow engine"
    _inherit = ["mail.thread", "mail.activity.mixin", "mus.workflow.mixin"]
    _rec_name = "title"
    _workflow = FAKE_WORKFLOW

    title = fields.Char()
    author_id = fields.Many2one("res.users")
    reviewer_id = fields.Many2one("res.users")
    author_approved = fields.Boolean()
    reviewer_approved = fields.Boolean()
    comment_count = fields.Integer()

    def _workflow_roles(self, user=None):
        user = user or self.env.user
        roles = set()
        if self.author_id == user:
            roles.add(AUTHOR)
        if self.reviewer_id == user:
            roles.add(REVIEWER)
        if user.has_group("base.group_system"):
            roles.add(MANAGER)
        return roles

    def _workflow_depends(self):
        return ["author_id", "reviewer_id", "author_approved", "reviewer_approved"]

    def _workflow_role_user(self, role):
        return {AUTHOR: self.author_id, REVIEWER: self.reviewer_id}.get(role) or self.env["res.users"]

    def _workflow_joint_complete(self, transition):
        return self.author_approved and self.reviewer_approved

    def _requirement_title(self, **kwargs):
        return bool(self.title)

    def _requirement_not_approved_yet(self, **kwargs):
        party = self._workflow_party(self._workflow_transition("approve"))
        return not self[f"{party}_approved"]

    def action_submit(self):
        transition = self._check_transition("submit")
        self._set_state(transition)
        self._workflow_activity_update()
        return True

    def action_approve(self):
        transition = self._check_transition("approve")
        for doc in self:
            party = doc._workflow_party(transition)
            doc.sudo().write({f"{party}_approved": True})
            doc._set_state(transition)
        self._workflow_activity_update()
        return True

    def action_withdraw(self):
        self._check_transition("withdraw")
        self._set_state("withdraw")
        self._workflow_activity_update()
        return True

    def action_comment(self):
        self._check_transition("comment")
        for doc in self:
            doc._set_state("comment", comment_count=doc.comment_count + 1)
        return True
