/** @odoo-module **/

// HR's yearly round in the real UI: HR creates a cycle for a department and
// launches it; every targeted employee is offered their MUS. Then the
// employee declines the offer, which still counts as offered.
// The records are created by tests/test_cycle_tour.py, which checks the
// cycle after each tour.

import { registry } from "@web/core/registry";
import { openMusMenu } from "@mus_odoo/../tests/tours/mus_tour_utils";

const DEPARTMENT = "Tourafdeling";
const FORM = ".o_form_view";

registry.category("web_tour.tours").add("mus_cycle_tour_hr_launch", {
    url: "/odoo",
    steps: () => [
        ...openMusMenu("mus_odoo.mus_cycle_menu"),
        {
            content: "New cycle",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Name it",
            trigger: `${FORM} div[name="name"] input`,
            run: "edit MUS-runde Tour",
        },
        {
            content: "Target the department",
            trigger: `${FORM} div[name="department_ids"] input`,
            run: `edit ${DEPARTMENT}`,
        },
        {
            content: "Choose the department",
            trigger: `.o-autocomplete--dropdown-menu .ui-menu-item a:contains(${DEPARTMENT})`,
            run: "click",
        },
        {
            content: "Launch",
            trigger: `.o_statusbar_buttons button[name="action_launch"]:contains(Launch)`,
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer button.btn-primary",
            run: "click",
        },
        {
            content: "The cycle is running",
            trigger: '.o_statusbar_status button.o_arrow_button_current[data-value="running"]',
        },
        {
            content: "Both are offered",
            trigger: `${FORM} div[name="offered_count"]:contains(2)`,
        },
        {
            content: "Full compliance",
            trigger: `${FORM} div[name="compliance_rate"]:contains(100)`,
        },
        {
            content: "Open the progress per department and leader",
            trigger: 'a.nav-link:contains("By Department and Leader")',
            run: "click",
        },
        {
            content: "The team's line",
            trigger: `div[name="progress_ids"] .o_data_row:contains(${DEPARTMENT})`,
        },
    ],
});

registry.category("web_tour.tours").add("mus_cycle_tour_employee_decline", {
    url: "/odoo",
    steps: () => [
        ...openMusMenu("mus_odoo.mus_interview_menu_my"),
        {
            content: "Open my MUS",
            trigger: ".o_kanban_record:contains(Tove Tourmedarbejder)",
            run: "click",
        },
        {
            content: "Decline",
            trigger: '.o_statusbar_buttons button[name="action_open_decline_wizard"]',
            run: "click",
        },
        {
            content: "Say why",
            trigger: '.modal div[name="reason"] textarea',
            run: "edit Jeg er på orlov",
        },
        {
            content: "Confirm",
            trigger: '.modal-footer button[name="action_confirm"]',
            run: "click",
        },
        {
            content: "Declined",
            trigger: '.o_statusbar_status button.o_arrow_button_current[data-value="declined"]',
        },
    ],
});

// A portal-only employee finds the MUS the cycle offered them in "My MUS"
// and declines it there, with a reason.
registry.category("web_tour.tours").add("mus_cycle_tour_portal_decline", {
    url: "/my/mus",
    steps: () => [
        {
            content: "Open the offered MUS",
            trigger: ".o_mus_portal_row a:contains(Tim Tourmedarbejder)",
            run: "click",
        },
        {
            content: "No time yet: the leader agrees one",
            trigger: ".o_mus_portal_date:contains(Your leader will agree a time with you)",
        },
        {
            content: "Decline the MUS",
            trigger: "button.o_mus_portal_decline",
            run: "click",
        },
        {
            content: "Declining asks for confirmation first: say why",
            trigger: "#mus_modal_decline.show textarea[name=reason]",
            run: "edit Jeg stopper til sommer",
        },
        {
            content: "Confirm",
            trigger: "#mus_modal_decline.show .o_mus_portal_decline_confirm",
            run: "click",
        },
        {
            content: "Declined, and told who reads the reason",
            trigger: ".o_mus_portal_message:contains(Your leader and HR see that you declined)",
        },
        {
            content: "The page shows the decline",
            trigger: ".o_mus_portal_declined:contains(Jeg stopper til sommer)",
        },
    ],
});
