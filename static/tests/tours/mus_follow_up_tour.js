/** @odoo-module **/

// The leader follows up the Odoo way: in the chatter of a MUS in follow-up,
// marks the follow-up to-do done with feedback, and sees the checkpoint
// completed with that feedback as its note. Records are created by
// tests/test_follow_up_tour.py, which checks the checkpoint afterwards.

import { registry } from "@web/core/registry";
import { openMusMenu } from "@mus_odoo/../tests/tours/mus_tour_utils";

const EMPLOYEE = "Erik Medarbejder";
const FEEDBACK = "Kurset er booket, første workshop i marts";
const FIRST_TODO = ".o-mail-ActivityList .o-mail-Activity:first";

registry.category("web_tour.tours").add("mus_follow_up_tour", {
    url: "/odoo",
    steps: () => [
        ...openMusMenu("mus_odoo.mus_interview_menu_team"),
        {
            content: "Open the MUS in follow-up",
            trigger: `.o_kanban_record:contains(${EMPLOYEE})`,
            run: "click",
        },
        {
            content: "The form is open, in follow-up",
            trigger: '.o_statusbar_status button.o_arrow_button_current[data-value="follow_up"]',
        },
        {
            content: "Close is not offered while checkpoints are open",
            trigger: '.o_form_view:not(:has(.o_statusbar_buttons button[name="action_done"]))',
        },
        {
            content: "Mark the first follow-up to-do done, from the chatter",
            trigger: `${FIRST_TODO} .o-mail-Activity-markDone`,
            run: "click",
        },
        {
            content: "Write the feedback",
            trigger: ".o-mail-ActivityMarkAsDone textarea",
            run: `edit ${FEEDBACK}`,
        },
        {
            content: "Done",
            trigger: ".o-mail-ActivityMarkAsDone button.btn-primary.mx-2",
            run: "click",
        },
        {
            content: "The done message carries the feedback",
            trigger: `.o-mail-Message:contains(${FEEDBACK.slice(0, 16)})`,
        },
        {
            content: "Two follow-up to-dos are left",
            trigger: ".o-mail-ActivityList:not(:has(.o-mail-Activity:eq(2)))",
        },
        {
            content: "Open the follow-up tab",
            trigger: '.o_notebook .nav-link[name="follow_up"]',
            run: "click",
        },
        {
            content: "The first checkpoint is completed, with the feedback as its note",
            trigger: `div[name="follow_up_ids"] .o_data_row:first:has(.badge.text-bg-success):has(td[name="note"]:contains(${FEEDBACK.slice(0, 16)}))`,
        },
        {
            content: "The others still can be completed",
            trigger: 'div[name="follow_up_ids"] .o_data_row:eq(1) button[name="action_open_complete_wizard"]',
        },
    ],
});
