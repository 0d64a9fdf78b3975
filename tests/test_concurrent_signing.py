import threading
import time

from psycopg2 import errors

from odoo import SUPERUSER_ID, Command, api, sql_db
from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.tests import TransactionCase, tagged

from .common import SIGNATURE

MAX_TRIES = 5


@tagged("post_install", "-at_install", "workflow")
class TestMusConcurrentSigning(TransactionCase):
    """The employee and the leader sign at the same moment, each in their own
    transaction, as two browser requests would: the plan ends with exactly
    one signature per party and a valid seal.

    The data lives in real, committed transactions (a TransactionCase's own
    records are invisible to other cursors); it is removed again afterwards.
    Nothing here is written through the test's own cursor, which would hold
    locks the other transactions wait for.
    """

    def setUp(self):
        super().setUp()
        self.db = sql_db.db_connect(self.env.cr.dbname)
        with self.committed() as env:
            company = env.ref("base.main_company")
            self.company_id = company.id
            self.sequence_before = company.mus_hash_sequence
            users = {
                login: mail_new_test_user(env, login=login, name=name, groups="base.group_user")
                for login, name in (("mus_race_leader", "Lise Samtidig"), ("mus_race_employee", "Emil Samtidig"),
                                    ("mus_race_other", "Olga Samtidig"))
            }
            leader = env["hr.employee"].create({"name": "Lise Samtidig", "user_id": users["mus_race_leader"].id})
            employees = env["hr.employee"].create([
                {"name": users[login].name, "user_id": users[login].id, "parent_id": leader.id}
                for login in ("mus_race_employee", "mus_race_other")
            ])
            interviews = env["mus.interview"].create([{
                "employee_id": employee.id, "year": 2026,
                "template_id": env.ref("mus_odoo.template_mus_interview").id,
            } for employee in employees])
            for interview in interviews:
                interview.plan_id.write({"goal_ids": [Command.create({
                    "name": "Lære at lede møder", "actions": "Kursus", "deadline": "2027-06-30",
                    "responsible_id": interview.employee_id.id,
                })]})
            # Straight to signing: the race, not the way there, is under test.
            interviews.write({"state": "signing"})
            self.users = {
                "employee": users["mus_race_employee"].id, "leader": users["mus_race_leader"].id,
                "other": users["mus_race_other"].id,
            }
            self.interview_id, self.other_interview_id = interviews.ids
            self.plan_id, self.other_plan_id = interviews.plan_id.ids
            self.employee_ids = (employees | leader).ids
        self.addCleanup(self.remove_data)

    def committed(self, uid=SUPERUSER_ID):
        """An environment on a new cursor, committed when the block ends
        without an error."""
        test = self

        class Committed:
            def __enter__(self):
                self.cr = test.db.cursor()
                # The registry as it is: looking it up by name waits for the
                # lock the test runner holds.
                self.cr.transaction = api.Transaction(test.registry)
                # Mails are queued: sending them after the commit looks the
                # registry up by name too.
                return api.Environment(self.cr, uid, {"mail_notify_force_send": False})

            def __exit__(self, exc_type, exc, tb):
                if exc_type is None:
                    # Another transaction than the test's, committed by design.
                    self.cr.commit()  # pylint: disable=invalid-commit
                self.cr.close()

        return Committed()

    def remove_data(self):
        with self.committed() as env:
            interview = env["mus.interview"].browse([self.interview_id, self.other_interview_id])
            plan_ids = (self.plan_id, self.other_plan_id)
            # The signatures (and their images) go with the interview's content.
            env["mus.interview.content"].search([
                ("interview_id", "in", [self.interview_id, self.other_interview_id]),
            ]).unlink()
            env.cr.execute("UPDATE mus_development_plan SET hash_sequence = 0, signed_hash = NULL WHERE id IN %s",
                           [plan_ids])
            env.cr.execute("UPDATE res_company SET mus_hash_sequence = %s WHERE id = %s",
                           [self.sequence_before, self.company_id])
            interview.write({"state": "draft"})
            interview.unlink()
            employees = env["hr.employee"].browse(self.employee_ids)
            users = employees.user_id
            partners = users.partner_id
            employees.unlink()
            env["mail.message"].search([("author_id", "in", partners.ids)]).unlink()
            users.unlink()
            partners.unlink()

    def sign(self, party, tries, before_commit=None, interview_id=None):
        """Sign as ``party`` in a transaction of its own, retried on a
        serialization failure as Odoo's RPC layer does (``retrying``)."""
        for attempt in range(1, MAX_TRIES + 1):
            tries[party] = attempt
            try:
                with self.committed(self.users[party]) as env:
                    interview = env["mus.interview"].browse(interview_id or self.interview_id)
                    interview.action_sign(signature=SIGNATURE)
                    if before_commit:
                        before_commit()
                return
            except errors.SerializationFailure:
                continue

    def assertSignedOnce(self):
        with self.committed() as env:
            plan = env["mus.development.plan"].browse(self.plan_id)
            self.assertRecordValues(plan, [{
                "employee_signed_by": self.users["employee"], "leader_signed_by": self.users["leader"],
                "is_signed": True, "hash_sequence": self.sequence_before + 1, "state": "follow_up",
            }])
            self.assertTrue(plan.signed_hash)
            signatures = env["mus.interview.content"].search([
                ("interview_id", "=", self.interview_id),
                ("kind", "in", ["employee_signature", "leader_signature"]),
            ])
            self.assertEqual(sorted(signatures.mapped("kind")), ["employee_signature", "leader_signature"])
            signature_files = env["ir.attachment"].search_count([
                ("res_model", "=", signatures._name), ("res_id", "in", signatures.ids), ("res_field", "=", "signature"),
            ])
            self.assertEqual(signature_files, 2)
            signed_notes = env["mail.message"].search_count([
                ("model", "=", "mus.interview"), ("res_id", "=", self.interview_id),
                ("body", "ilike", "has signed the development plan"),
            ])
            self.assertEqual(signed_notes, 2)
            company = env["res.company"].browse(self.company_id)
            self.assertFalse(env["mus.development.plan"]._mus_check_integrity(company))

    def race(self, first, second, message):
        """``first`` signs and holds its transaction open; ``second`` signs
        meanwhile and must wait for it; then ``first`` commits. Each is
        (party, interview id); returns how many tries each needed."""
        tries = {}
        first_signed = threading.Event()
        release = threading.Event()

        def hold():
            first_signed.set()
            release.wait(10)

        first_thread = threading.Thread(target=self.sign, args=(first[0], tries, hold, first[1]))
        first_thread.start()
        self.assertTrue(first_signed.wait(10))
        second_thread = threading.Thread(target=self.sign, args=(second[0], tries, None, second[1]))
        second_thread.start()
        time.sleep(1)
        self.assertTrue(second_thread.is_alive(), message)
        release.set()
        first_thread.join(10)
        second_thread.join(10)
        self.assertFalse(first_thread.is_alive() or second_thread.is_alive())
        return tries

    def test_second_signer_waits_and_is_retried(self):
        """The employee signs; the leader signs before the employee's
        transaction has committed: the leader waits on the plan's lock, fails
        with a serialization error, and the retry gives the second signature."""
        tries = self.race(("employee", self.interview_id), ("leader", self.interview_id),
                          "the leader waits for the employee's transaction")
        self.assertEqual(tries, {"employee": 1, "leader": 2})
        self.assertSignedOnce()

    def test_both_sign_at_the_same_moment(self):
        tries = {}
        start = threading.Barrier(2)

        def sign(party):
            start.wait(10)
            self.sign(party, tries)

        threads = [threading.Thread(target=sign, args=(party,)) for party in ("employee", "leader")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(20)
            self.assertFalse(thread.is_alive())
        self.assertEqual(set(tries), {"employee", "leader"})
        self.assertSignedOnce()

    def test_two_plans_sealed_at_once_do_not_fork_the_chain(self):
        """Two plans of one company get their second signature at the same
        moment: the second seal waits for the first and takes the next link."""
        self.sign("leader", {})
        self.sign("leader", {}, interview_id=self.other_interview_id)
        tries = self.race(("employee", self.interview_id), ("other", self.other_interview_id),
                          "the second seal waits for the company's chain")
        self.assertEqual(tries, {"employee": 1, "other": 2})
        with self.committed() as env:
            first, second = env["mus.development.plan"].browse([self.plan_id, self.other_plan_id])
            self.assertRecordValues(first | second, [
                {"is_signed": True, "hash_sequence": self.sequence_before + 1},
                {"is_signed": True, "hash_sequence": self.sequence_before + 2},
            ])
            self.assertEqual(second.previous_hash, first.signed_hash)
            self.assertFalse(env["mus.development.plan"]._mus_check_integrity(env["res.company"].browse(self.company_id)))
