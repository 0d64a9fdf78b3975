from lxml import etree
from odoo_test_helper import FakeModelLoader

from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install", "workflow")
class TestMusWorkflowEngine(TransactionCase):
    """mus.workflow.mixin on a fake document (tests/fake_models.py): what a
    model gets from naming a workflow declaration in ``_workflow``."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.loader = FakeModelLoader(cls.env, cls.__module__)
        cls.loader.backup_registry()
        from .fake_models import FAKE_WORKFLOW, MusFakeDoc

        cls.loader.update_registry((MusFakeDoc,))
        cls.workflow = FAKE_WORKFLOW
        cls.env["ir.model.access"].create({
            "name": "fake doc",
            "model_id": cls.env["ir.model"]._get_id("mus.fake.doc"),
            "group_id": cls.env.ref("base.group_user").id,
            "perm_read": True, "perm_write": True, "perm_create": True, "perm_unlink": True,
        })
        cls.author = mail_new_test_user(cls.env, login="fake_author", name="Anna Author", groups="base.group_user")
        cls.reviewer = mail_new_test_user(
            cls.env, login="fake_reviewer", name="Rolf Reviewer", groups="base.group_user",
        )
        cls.outsider = mail_new_test_user(cls.env, login="fake_outsider", name="Olga", groups="base.group_user")
        cls.manager = mail_new_test_user(
            cls.env, login="fake_manager", name="Mona Manager", groups="base.group_user,base.group_system",
        )
        cls.env["ir.ui.view"].create([{
            "name": "mus.fake.doc.form",
            "model": "mus.fake.doc",
            "arch": """<form><header name="fake_workflow"><field name="state" widget="statusbar"/></header>
                <sheet><field name="title"/></sheet></form>""",
        }, {
            "name": "mus.fake.doc.search",
            "model": "mus.fake.doc",
            "arch": """<search><field name="title"/>
                <filter string="Open" name="open" domain="[]"/>
                <filter string="Closed" name="closed" domain="[]"/></search>""",
        }])

    @classmethod
    def tearDownClass(cls):
        cls.loader.restore_registry()
        super().tearDownClass()

    def create_doc(self, **vals):
        return self.env["mus.fake.doc"].create({
            "title": "Budget 2027", "author_id": self.author.id, "reviewer_id": self.reviewer.id, **vals,
        })

    def can(self, doc, user):
        doc = doc.with_user(user)
        return {name for name in ("submit", "approve", "withdraw", "comment") if doc[f"can_{name}"]}

    def test_state_selection_from_declaration(self):
        field = self.env["mus.fake.doc"]._fields["state"]
        self.assertEqual(field.selection, list(self.workflow.states))
        self.assertTrue(field.required and field.readonly and not field.copy)
        self.assertEqual(self.create_doc().state, "draft", "the first declared state is the initial one")
        selection = self.env["ir.model.fields"]._get("mus.fake.doc", "state").selection_ids
        self.assertEqual(selection.mapped("value"), [code for code, _label in self.workflow.states])

    def test_can_fields_one_per_step_but_internal(self):
        Doc = self.env["mus.fake.doc"]
        for name in ("submit", "approve", "withdraw", "comment"):
            with self.subTest(step=name):
                self.assertEqual(Doc._fields[f"can_{name}"].type, "boolean")
                self.assertFalse(Doc._fields[f"can_{name}"].store)
        self.assertNotIn("can_archive_old", Doc._fields, "an internal step has no button")
        doc = self.create_doc()
        self.assertEqual(self.can(doc, self.author), {"submit", "withdraw"})
        self.assertEqual(self.can(doc, self.manager), {"submit"})
        self.assertEqual(self.can(doc, self.reviewer), set())
        doc.with_user(self.author).action_submit()
        self.assertEqual(self.can(doc, self.author), {"approve", "withdraw", "comment"})
        self.assertEqual(self.can(doc, self.reviewer), {"approve", "comment"})
        doc.with_user(self.reviewer).action_approve()
        self.assertEqual(self.can(doc, self.reviewer), {"comment"}, "a requirement that hides the button")

    def test_buttons_in_the_form_header(self):
        arch = self.env["mus.fake.doc"].with_user(self.author).get_views([(False, "form")])["views"]["form"]["arch"]
        header = etree.fromstring(arch).xpath("//header[@name='fake_workflow']")[0]
        buttons = header.xpath("./button")
        self.assertEqual(
            [(b.get("name"), b.get("invisible"), b.get("string"), b.get("class")) for b in buttons],
            [
                ("action_submit", "not can_submit", "Submit", "btn-primary"),
                ("action_approve", "not can_approve", "Approve", "btn-primary"),
                ("action_withdraw", "not can_withdraw", "Withdraw", "btn-secondary"),
                ("action_comment", "not can_comment", "Comment", "btn-primary"),
            ],
        )
        self.assertLess(
            header.index(buttons[-1]), header.index(header.xpath("./field[@name='state']")[0]),
            "the buttons come before what the header holds",
        )
        for name in ("submit", "approve", "withdraw", "comment"):
            self.assertTrue(header.xpath(f"./field[@name='can_{name}'][@invisible='1']"))

    def test_search_filters_from_state_groups(self):
        arch = self.env["mus.fake.doc"].get_views([(False, "search")])["views"]["search"]["arch"]
        filters = {node.get("name"): node.get("domain") for node in etree.fromstring(arch).xpath("//filter")}
        self.assertEqual(filters["open"], repr([("state", "in", ["draft", "review"])]))
        self.assertEqual(filters["closed"], repr([("state", "in", ["approved", "withdrawn"])]))

    def test_wrong_source_names_state_and_next_steps(self):
        doc = self.create_doc()
        with self.assertRaises(UserError) as catcher:
            doc.with_user(self.author).action_approve()
        self.assertNotIsInstance(catcher.exception, AccessError)
        self.assertEqual(
            catcher.exception.args[0],
            "Budget 2027 is Draft: “Approve” is not possible now. Next steps from here: Submit, Withdraw.",
        )
        self.assertEqual(doc.state, "draft")

    def test_wrong_actor_is_access_error(self):
        doc = self.create_doc()
        with self.assertRaises(AccessError) as catcher:
            doc.with_user(self.reviewer).action_submit()
        self.assertEqual(catcher.exception.args[0], "Only the author or a manager can “Submit” Budget 2027.")
        with self.assertRaises(AccessError):
            doc.with_user(self.outsider).action_withdraw()
        self.assertEqual(doc.state, "draft")

    def test_requirement_explained_on_click(self):
        doc = self.create_doc(title=False)
        self.assertTrue(doc.with_user(self.author).can_submit, "the button shows; the click explains")
        with self.assertRaises(UserError) as catcher:
            doc.with_user(self.author).action_submit()
        self.assertEqual(catcher.exception.args[0], "Give the document a title first.")
        self.assertEqual(doc.state, "draft")

    def test_joint_step_moves_when_the_last_actor_has_done_it(self):
        doc = self.create_doc()
        doc.with_user(self.author).action_submit()
        doc.with_user(self.reviewer).action_approve()
        self.assertEqual(doc.state, "review", "one of two approvals")
        with self.assertRaises(UserError) as catcher:
            doc.with_user(self.reviewer).action_approve()
        self.assertEqual(catcher.exception.args[0], "You have already approved it.")
        doc.with_user(self.author).action_approve()
        self.assertEqual(doc.state, "approved")
        self.assertTrue(doc.author_approved and doc.reviewer_approved)

    def test_personal_step_stays_the_partys_under_sudo(self):
        doc = self.create_doc()
        # sudo does not make another user the author...
        with self.assertRaises(AccessError):
            doc.with_user(self.manager).sudo().action_withdraw()
        self.assertEqual(doc.state, "draft")
        # ...while a step that is not personal is the workflow's under sudo.
        doc.with_user(self.reviewer).sudo().action_submit()
        self.assertEqual(doc.state, "review")
        with self.assertRaises(AccessError):
            doc.with_user(self.manager).sudo().action_comment()
        # The superuser acts as the only actor of a personal step (data loading)...
        doc.action_withdraw()
        self.assertEqual(doc.state, "withdrawn")
        # ...never as one party of a step of several.
        other = self.create_doc()
        other.with_user(self.author).action_submit()
        with self.assertRaises(AccessError):
            other.action_approve()

    def test_set_state_writes_the_declared_target(self):
        doc = self.create_doc()
        moved = doc._set_state("submit")
        self.assertEqual((moved, doc.state), (doc, "review"))
        doc.with_user(self.author).action_comment()
        self.assertEqual((doc.state, doc.comment_count), ("review", 1), "a step without target keeps the state")
        with self.assertRaises(UserError):
            doc._set_state("submit")
        doc.author_approved = True
        self.assertFalse(doc._set_state("approve"), "a joint step waits for every actor")
        doc.reviewer_approved = True
        self.assertEqual(doc._set_state("approve"), doc)
        self.assertEqual(doc._set_state("archive_old").state, "withdrawn", "internal steps too")

    def test_activities_follow_the_state(self):
        todo = self.env.ref("mail.mail_activity_data_todo")
        doc = self.create_doc()
        doc.with_user(self.author).action_submit()
        activity = doc.activity_ids
        self.assertEqual((activity.activity_type_id, activity.user_id), (todo, self.reviewer))
        doc._workflow_activity_update()
        self.assertEqual(doc.activity_ids, activity, "not scheduled twice")
        doc.with_user(self.reviewer).action_approve()
        doc.with_user(self.author).action_approve()
        self.assertFalse(doc.activity_ids, "leaving the state marks its to-dos done")
        done = self.env["mail.message"].search([
            ("model", "=", "mus.fake.doc"), ("res_id", "=", doc.id), ("mail_activity_type_id", "=", todo.id),
        ])
        self.assertEqual(len(done), 1, "the done to-do is logged in the chatter")
        withdrawn = self.create_doc()
        withdrawn.with_user(self.author).action_submit()
        withdrawn.with_user(self.author).action_withdraw()
        self.assertFalse(withdrawn.activity_ids)
        self.assertFalse(self.env["mail.message"].search_count([
            ("model", "=", "mus.fake.doc"), ("res_id", "=", withdrawn.id), ("mail_activity_type_id", "=", todo.id),
        ]), "entering a discarding state deletes the to-dos instead")

    def test_mermaid_diagram(self):
        self.assertEqual(self.workflow.mermaid().splitlines(), [
            "stateDiagram-v2",
            "    [*] --> draft",
            "    draft: Draft",
            "    review: In Review",
            "    approved: Approved",
            "    withdrawn: Withdrawn",
            "    draft --> review: submit [author / manager]",
            "    review --> approved: approve [author + reviewer]",
            "    draft --> withdrawn: withdraw [author]",
            "    review --> withdrawn: withdraw [author]",
            "    review --> review: comment [author / reviewer]",
            "    approved --> withdrawn: archive_old [manager]",
            "    approved --> [*]",
            "    withdrawn --> [*]",
        ])
        self.assertEqual(self.workflow.groups["open"], ("draft", "review"), "open: every state not closed")
