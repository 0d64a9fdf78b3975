/** @odoo-module **/

// The interview screen as the parties use it during a MUS: each question's
// texts written in place, Tab / Ctrl+Enter on to the next question, one save.
// The records are created by tests/test_answer_sheet_tour.py, which brings
// the interview to each state and checks what was stored after each tour.

import { registry } from "@web/core/registry";
import { openMusMenu } from "@mus_odoo/../tests/tours/mus_tour_utils";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

const EMPLOYEE = "Emma Arkmedarbejder";
const SHEET = 'div[name="answer_ids"] .o_mus_answer_sheet';
const EMPLOYEE_NOTE = "Jeg vil gerne have mere ansvar for kunderne.";
const LEADER_NOTES = ["Emma er klar til egne kunder.", "Tal om kursus i forhandling."];
const AGREED_NOTES = ["Emma overtager to kunder i foråret.", "Kursus i forhandling inden sommer."];

/** The `index`th question (0-based) of the sheet. */
function question(index) {
    return `${SHEET} .o_mus_answer[data-number="${index + 1}"]`;
}

function note(index, field) {
    return `${question(index)} .o_mus_answer_note[data-name="${field}"]`;
}

/**
 * A step checking that the cursor is in the textarea of `field` of the
 * `index`th question, and that this question is the current one. (A
 * `:focus` selector does not match in a browser window without focus.)
 */
function cursorIn(index, field, content) {
    return {
        content,
        trigger: `${question(index)}.o_mus_answer_current .o_mus_answer_note[data-name="${field}"] textarea`,
        async run() {
            for (let tries = 0; document.activeElement !== this.anchor && tries < 50; tries++) {
                await new Promise((resolve) => setTimeout(resolve, 20));
            }
            if (document.activeElement !== this.anchor) {
                throw new Error(`The cursor is not in the ${field} of question ${index + 1}.`);
            }
        },
    };
}

/** Open the interview of EMPLOYEE from the menu `menuXmlid`, on its answers. */
function openAnswers(menuXmlid) {
    return [
        ...openMusMenu(menuXmlid),
        {
            content: "Open the interview",
            trigger: `.o_kanban_record:contains(${EMPLOYEE})`,
            run: "click",
        },
        {
            content: "Show the preparation and interview page",
            trigger: '.o_form_view .o_notebook .nav-link[name="answers"]',
            run: "click",
        },
        {
            content: "The questions are shown as a sheet, no list",
            trigger: `${SHEET}:not(:has(.o_data_row))`,
        },
    ];
}

/**
 * Write the `field` texts of the first two questions: click into the first,
 * type, go on to the second with `key`, type, then on to the third.
 */
function writeTwoQuestions(field, texts, key) {
    return [
        {
            content: "Click into the first question's text",
            trigger: note(0, field),
            run: "click",
        },
        cursorIn(0, field, "The first question is current, the cursor in its text"),
        {
            content: "Write the first text",
            trigger: `${note(0, field)} textarea`,
            run: `edit ${texts[0]}`,
        },
        {
            content: `${key}: on to the next question`,
            trigger: `${note(0, field)} textarea`,
            run: `press ${key}`,
        },
        cursorIn(1, field, "The second question is current, the cursor in its text"),
        {
            content: "Write the second text",
            trigger: `${note(1, field)} textarea`,
            run: `edit ${texts[1]}`,
        },
        {
            content: "The first question shows its text, at full width, no more editing",
            trigger: `${question(0)}:not(.o_mus_answer_current):not(:has(textarea)) .o_mus_answer_note[data-name="${field}"]:contains(${texts[0]})`,
        },
        {
            content: "Ctrl+Enter: on to the third question",
            trigger: `${note(1, field)} textarea`,
            run: "press Control+Enter",
        },
        cursorIn(2, field, "The third question is current, the cursor in its text"),
        ...stepUtils.saveForm(),
        {
            content: "Both texts are saved and shown",
            trigger: `${note(0, field)}:contains(${texts[0]})`,
        },
        {
            content: "The second too",
            trigger: `${note(1, field)}:contains(${texts[1]})`,
        },
    ];
}

registry.category("web_tour.tours").add("mus_answer_sheet_leader_prepare", {
    url: "/odoo",
    steps: () => [
        ...openAnswers("mus_odoo.mus_interview_menu_team"),
        {
            content: "The leader reads the employee's submitted preparation",
            trigger: `${note(0, "employee_note")}:contains(${EMPLOYEE_NOTE})`,
        },
        {
            content: "It is not hers to change",
            trigger: `${question(0)}:not(:has(.o_mus_answer_note[data-name="employee_note"] textarea))`,
        },
        ...writeTwoQuestions("leader_note", LEADER_NOTES, "Tab"),
    ],
});

registry.category("web_tour.tours").add("mus_answer_sheet_leader_interview", {
    url: "/odoo",
    steps: () => [
        ...openAnswers("mus_odoo.mus_interview_menu_team"),
        {
            content: "The leader still reads her preparation",
            trigger: `${note(0, "leader_note")}:contains(${LEADER_NOTES[0]})`,
        },
        ...writeTwoQuestions("agreed_note", AGREED_NOTES, "Control+Enter"),
        {
            content: "Her preparation is no longer written in the interview",
            trigger: `${SHEET}:not(:has(.o_mus_answer_note[data-name="leader_note"] textarea))`,
        },
    ],
});

registry.category("web_tour.tours").add("mus_answer_sheet_employee", {
    url: "/odoo",
    steps: () => [
        ...openAnswers("mus_odoo.mus_interview_menu_my"),
        {
            content: "The employee reads her preparation and the agreed notes",
            trigger: `${note(0, "employee_note")}:contains(${EMPLOYEE_NOTE})`,
        },
        {
            content: "The agreed note",
            trigger: `${note(0, "agreed_note")}:contains(${AGREED_NOTES[0]})`,
        },
        {
            content: "Click into the first question",
            trigger: note(0, "agreed_note"),
            run: "click",
        },
        {
            content: "The leader's preparation is nowhere: no field, no text",
            trigger: `${SHEET}:not(:has([data-name="leader_note"])):not(:contains(${LEADER_NOTES[0]})):not(:has(textarea))`,
        },
    ],
});
