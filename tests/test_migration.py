from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL
from odoo.tools.sql import column_exists

from .common import load_migration


@tagged("post_install", "-at_install")
class TestMusMigration(TransactionCase):
    """18.0.1.2.0 on a database as an earlier version left it."""

    def template_bodies(self, template):
        self.env.flush_all()
        return self.env.execute_query(SQL(
            "SELECT body_html->>'en_US', body_html->>'da_DK' FROM mail_template WHERE id = %s", template.id,
        ))[0]

    def test_1_2_0(self):
        migration = load_migration("18.0.1.2.0")
        invitation = self.env.ref("mus_odoo.mail_template_mus_invitation")
        signed = self.env.ref("mus_odoo.mail_template_mus_plan_signed")
        # The templates as 18.0.1.0.0 installed them (the token link in the
        # body), one of them changed by the company, in two languages.
        for template in (invitation, signed):
            old = template.body_html.replace(migration.NEW_LINK, migration.OLD_LINK)
            self.assertIn(migration.OLD_LINK, old)
            self.env.cr.execute(
                "UPDATE mail_template SET body_html = jsonb_build_object('en_US', %s::text, 'da_DK', %s::text) "
                "WHERE id = %s",
                [old.replace("Open my MUS", "Open your MUS here"), old.replace("Open my MUS", "Åbn min MUS"),
                 template.id],
            )
        self.env.cr.execute("ALTER TABLE mus_interview ADD COLUMN plan_id int4")
        self.env.invalidate_all()

        migration.migrate(self.env.cr, "18.0.1.1.0")

        self.assertFalse(column_exists(self.env.cr, "mus_interview", "plan_id"))
        for template in (invitation, signed):
            english, danish = self.template_bodies(template)
            with self.subTest(template=template.name):
                for body, own_words in ((english, "Open your MUS here"), (danish, "Åbn min MUS")):
                    self.assertNotIn("get_portal_url", body, "no token in the stored message")
                    self.assertIn(migration.NEW_LINK, body)
                    self.assertIn(own_words, body, "the company's own changes stay")
        # Run again (an interrupted upgrade): nothing changes.
        before = [self.template_bodies(template) for template in (invitation, signed)]
        migration.migrate(self.env.cr, "18.0.1.1.0")
        self.assertEqual([self.template_bodies(template) for template in (invitation, signed)], before)

    def test_1_3_0(self):
        """The invitation's time as the employee reads it, the company's own
        words kept, in every language."""
        migration = load_migration("18.0.1.3.0")
        invitation = self.env.ref("mus_odoo.mail_template_mus_invitation")
        old = str(invitation.body_html).replace(migration.NEW, migration.OLD)
        self.assertIn(migration.OLD, old)
        self.env.cr.execute(
            "UPDATE mail_template SET body_html = jsonb_build_object('en_US', %s::text, 'da_DK', %s::text) "
            "WHERE id = %s",
            # The Danish one saved by the HTML editor, which escapes quotes.
            [old.replace("Open my MUS", "Open your MUS here"),
             old.replace("Open my MUS", "Åbn min MUS").replace("'", "&#39;"), invitation.id],
        )
        self.env.invalidate_all()

        migration.migrate(self.env.cr, "18.0.1.2.0")

        english, danish = self.template_bodies(invitation)
        for body, own_words in ((english, "Open your MUS here"), (danish, "Åbn min MUS")):
            self.assertNotIn("dt_format='long'", body)
            self.assertIn(migration.NEW, body)
            self.assertIn(own_words, body)
