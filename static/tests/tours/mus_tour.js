/** @odoo-module **/

// The main MUS journey through the real UI, one tour per party and step:
// the leader invites, the employee accepts and prepares, the leader prepares,
// holds the interview and writes the development plan, then both sign.
// The records are created by tests/test_tour.py, which runs these tours in
// order and checks the interview after each.

import { registry } from "@web/core/registry";
import { openMusMenu } from "@mus_odoo/../tests/tours/mus_tour_utils";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

const EMPLOYEE = "Emil Tourmedarbejder";
const FORM = ".o_form_view";
const ACTIVE_MODAL = ".modal:not(.o_inactive_modal)";

/** Open the MUS app and the interview of EMPLOYEE from the menu `menuXmlid`. */
function openInterview(menuXmlid) {
    return [
        ...openMusMenu(menuXmlid),
        {
            content: "Open the interview",
            trigger: `.o_kanban_record:contains(${EMPLOYEE})`,
            run: "click",
        },
        {
            content: "The form of the interview is open",
            trigger: `${FORM} .oe_title:contains(${EMPLOYEE})`,
        },
    ];
}

/** Click the workflow button calling `method` in the form header. */
function clickWorkflowButton(method, label) {
    return {
        content: `Click "${label}"`,
        trigger: `.o_statusbar_buttons button[name="${method}"]:enabled:contains(${label})`,
        run: "click",
    };
}

function checkState(value) {
    return {
        content: `The status bar shows ${value}`,
        trigger: `.o_statusbar_status button.o_arrow_button_current[data-value="${value}"]`,
    };
}

/** Write `text` in `field` of the first question, in place. */
function writeFirstAnswer(field, text) {
    const note = `div[name="answer_ids"] .o_mus_answer[data-number="1"] .o_mus_answer_note[data-name="${field}"]`;
    return [
        {
            content: "Click into the first question's text",
            trigger: note,
            run: "click",
        },
        {
            content: `Write the ${field}`,
            trigger: `${note} textarea`,
            run: `edit ${text}`,
        },
    ];
}

/** Sign through the wizard and the signature dialog, in "Auto" mode. */
function signPlan() {
    return [
        clickWorkflowButton("action_open_sign_wizard", "Sign plan"),
        {
            content: "Open the signature dialog",
            trigger: `${ACTIVE_MODAL} div[name="signature"] .o_signature_empty`,
            run: "click",
        },
        {
            content: "Auto mode writes the signer's name as the signature",
            trigger: `${ACTIVE_MODAL} .o_web_sign_auto_button.active`,
        },
        {
            content: "Adopt the signature",
            trigger: `${ACTIVE_MODAL} .modal-footer button.btn-primary:enabled:contains(Adopt & Sign)`,
            run: "click",
        },
        {
            content: "The wizard shows the signature",
            trigger: `${ACTIVE_MODAL} div[name="signature"] img.o_signature`,
        },
        {
            content: "Sign the plan",
            trigger: `${ACTIVE_MODAL} button[name="action_sign"]`,
            run: "click",
        },
        {
            content: "The wizard is closed",
            trigger: "body:not(:has(.modal))",
        },
    ];
}

registry.category("web_tour.tours").add("mus_tour_leader_invite", {
    url: "/odoo",
    steps: () => [
        ...openInterview("mus_odoo.mus_interview_menu_team"),
        checkState("draft"),
        clickWorkflowButton("action_invite", "Invite"),
        checkState("invited"),
        {
            content: "Invite is done: its button is gone",
            trigger: `${FORM}:not(:has(button[name="action_invite"]))`,
        },
    ],
});

registry.category("web_tour.tours").add("mus_tour_employee_prepare", {
    url: "/odoo",
    steps: () => [
        ...openInterview("mus_odoo.mus_interview_menu_my"),
        checkState("invited"),
        clickWorkflowButton("action_accept", "Accept time"),
        checkState("preparation"),
        ...writeFirstAnswer("employee_note", "Jeg vil gerne lære at facilitere workshops."),
        ...stepUtils.saveForm(),
        {
            content: "The preparation is saved",
            trigger: `div[name="answer_ids"] .o_mus_answer[data-number="1"] .o_mus_answer_note[data-name="employee_note"]:contains(facilitere workshops)`,
        },
        clickWorkflowButton("action_submit_preparation", "Submit my preparation"),
        {
            content: "The preparation is submitted: its button is gone",
            trigger: `${FORM}:not(:has(button[name="action_submit_preparation"]))`,
        },
        {
            content: "The date of the employee's preparation is shown",
            trigger: `div[name="employee_prepared_on"] span:not(:empty)`,
        },
        checkState("preparation"),
    ],
});

registry.category("web_tour.tours").add("mus_tour_leader_hold", {
    url: "/odoo",
    steps: () => [
        ...openInterview("mus_odoo.mus_interview_menu_team"),
        checkState("preparation"),
        ...writeFirstAnswer("leader_note", "Emil er klar til mere ansvar."),
        ...stepUtils.saveForm(),
        clickWorkflowButton("action_submit_preparation", "Submit my preparation"),
        {
            content: "The leader's preparation is submitted",
            trigger: `${FORM}:not(:has(button[name="action_submit_preparation"]))`,
        },
        clickWorkflowButton("action_start_interview", "Hold interview"),
        checkState("interview"),
        {
            content: "Open the development plan",
            trigger: '.o_notebook .nav-link[name="development_plan"]',
            run: "click",
        },
        {
            content: "Add a goal",
            trigger: 'div[name="goal_ids"] .o_field_x2many_list_row_add a',
            run: "click",
        },
        {
            content: "Learning goal",
            trigger: 'div[name="goal_ids"] .o_selected_row div[name="name"] textarea',
            run: "edit Lære at facilitere workshops",
        },
        {
            content: "Actions",
            trigger: 'div[name="goal_ids"] .o_selected_row div[name="actions"] textarea',
            run: "edit Kursus i facilitering; to workshops i teamet",
        },
        {
            content: "Who supports",
            trigger: 'div[name="goal_ids"] .o_selected_row div[name="supporters"] textarea',
            run: "edit Kollega med erfaring",
        },
        {
            content: "Deadline",
            trigger: 'div[name="goal_ids"] .o_selected_row div[name="deadline"] input',
            run: "edit 06/30/2027",
        },
        {
            content: "Responsible",
            trigger: 'div[name="goal_ids"] .o_selected_row div[name="responsible_id"] input',
            run: `edit ${EMPLOYEE}`,
        },
        {
            content: "Choose the employee",
            trigger: `.o-autocomplete--dropdown-menu .ui-menu-item a:contains(${EMPLOYEE})`,
            run: "click",
        },
        ...stepUtils.saveForm(),
        {
            content: "The goal is saved",
            trigger: 'div[name="goal_ids"] .o_data_row td[name="name"]:contains(facilitere workshops)',
        },
        clickWorkflowButton("action_request_signatures", "Request signatures"),
        checkState("signing"),
        ...signPlan(),
        checkState("signing"),
        {
            content: "The leader has signed: the button is gone",
            trigger: `${FORM}:not(:has(button[name="action_open_sign_wizard"]))`,
        },
        {
            content: "The leader's signature is shown",
            trigger: 'div[name="plan_leader_signature"] img[src*="/web/image"]',
        },
    ],
});

registry.category("web_tour.tours").add("mus_tour_employee_sign", {
    url: "/odoo",
    steps: () => [
        ...openInterview("mus_odoo.mus_interview_menu_my"),
        checkState("signing"),
        {
            content: "Open the development plan",
            trigger: '.o_notebook .nav-link[name="development_plan"]',
            run: "click",
        },
        {
            content: "The goal the leader wrote is there",
            trigger: 'div[name="goal_ids"] .o_data_row td[name="name"]:contains(facilitere workshops)',
        },
        ...signPlan(),
        checkState("follow_up"),
        {
            content: "The employee's signature is shown",
            trigger: 'div[name="plan_employee_signature"] img[src*="/web/image"]',
        },
        {
            content: "The leader's signature is still shown",
            trigger: 'div[name="plan_leader_signature"] img[src*="/web/image"]',
        },
        {
            content: "The follow-up page is there",
            trigger: '.o_notebook .nav-link[name="follow_up"]',
        },
    ],
});
