/** @odoo-module **/

import { browser } from "@web/core/browser/browser";
import { _t } from "@web/core/l10n/translation";
import { evaluateBooleanExpr } from "@web/core/py_js/py";
import { registry } from "@web/core/registry";
import { Field } from "@web/views/fields/field";
import { standardFieldProps } from "@web/views/fields/standard_field_props";
import { x2ManyField } from "@web/views/fields/x2many/x2many_field";

import { Component, useRef, useState } from "@odoo/owl";

// The texts of a question, in the order they are read and written.
const NOTE_FIELDS = ["employee_note", "leader_note", "agreed_note"];

/**
 * The answers of a MUS as a sheet to hold the talk on: per theme its
 * questions, each with its guidance and its texts at full width, written in
 * place. The texts are rendered by Odoo's own Field component from the
 * one2many's list subview, so the view decides who sees (column_invisible)
 * and who writes (readonly) which text; the server checks every write again.
 *
 * One question is current: it is the record the list edits, as a row of an
 * editable list is. Tab past its last text, or Ctrl+Enter, writes on in the
 * next question; Shift+Tab before its first text, or Ctrl+Shift+Enter, goes
 * back.
 */
export class MusAnswerSheet extends Component {
    static template = "mus_odoo.MusAnswerSheet";
    static components = { Field };
    static props = {
        ...standardFieldProps,
        views: { type: Object, optional: true },
        viewMode: { type: String, optional: true },
        "*": true,
    };

    setup() {
        this.rootRef = useRef("root");
        this.state = useState({ currentId: null });
        this.pendingFocus = null;
    }

    get list() {
        return this.props.record.data[this.props.name];
    }

    get archInfo() {
        return this.props.views?.[this.props.viewMode] || {};
    }

    /** The text fields of the subview the current user may see. */
    get noteInfos() {
        const nodes = Object.values(this.archInfo.fieldNodes || {});
        return NOTE_FIELDS.map((name) => nodes.find((node) => node.name === name)).filter(
            (node) => node && !evaluateBooleanExpr(node.column_invisible, this.list.evalContext)
        );
    }

    /** The questions, headed by their theme (the list comes ordered by theme). */
    get themes() {
        const themes = [];
        let number = 0;
        for (const record of this.list.records) {
            const [themeId, themeName] = record.data.theme_id || [false, ""];
            let group = themes.at(-1);
            if (!group || group.id !== themeId) {
                group = { id: themeId, name: themeName, answers: [] };
                themes.push(group);
            }
            group.answers.push({ record, number: ++number });
        }
        return themes;
    }

    get canEdit() {
        return !this.props.readonly && this.props.record.isInEdition;
    }

    /** Whether the current user may write any text of the sheet now. */
    get hasWritable() {
        return this.list.records.some((record) => this.writableNames(record).length);
    }

    get hint() {
        return _t(
            "Tab or Ctrl+Enter: next question · Shift+Tab or Ctrl+Shift+Enter: previous question"
        );
    }

    /** The current question is kept by its id: saving reloads the lines. */
    isCurrent(record) {
        return this.state.currentId === (record.resId || record.id);
    }

    /** Whether the view lets the current user write `info`'s text on `record`. */
    isWritable(record, info) {
        return (
            this.canEdit && !evaluateBooleanExpr(info.readonly, record.evalContextWithVirtualIds)
        );
    }

    writableNames(record) {
        return this.noteInfos.filter((info) => this.isWritable(record, info)).map((i) => i.name);
    }

    questionText(record) {
        return record.data.question_id ? record.data.question_id[1] : "";
    }

    emptyText(record, info) {
        return this.isWritable(record, info) ? info.attrs.placeholder || "" : "—";
    }

    // ------------------------------------------------------------------
    // Moving between questions
    // ------------------------------------------------------------------

    /**
     * Make `record` the current question and put the cursor in its text
     * `fieldName` (its first writable text when not given, its last when
     * `fieldName` is "last").
     */
    async activate(record, fieldName) {
        this.state.currentId = record.resId || record.id;
        const names = this.writableNames(record);
        if (!names.length) {
            return;
        }
        if (fieldName === "last") {
            fieldName = names.at(-1);
        } else if (!names.includes(fieldName)) {
            fieldName = names[0];
        }
        this.pendingFocus = { id: record.id, fieldName };
        if (!record.isInEdition) {
            const entered = await this.list.enterEditMode(record);
            if (!entered) {
                this.pendingFocus = null;
                return;
            }
        }
        this.applyPendingFocus();
    }

    /** Go `step` questions on (or back), skipping those with nothing to write. */
    move(record, step, fieldName) {
        const records = this.list.records;
        let index = records.indexOf(record) + step;
        while (index >= 0 && index < records.length) {
            if (this.writableNames(records[index]).length) {
                this.activate(records[index], fieldName);
                return true;
            }
            index += step;
        }
        return false;
    }

    /**
     * Put the cursor where `activate` asked, once the text is rendered as
     * a textarea (the Field components of the line render on their own, a
     * frame or two after the line enters edition).
     */
    applyPendingFocus(triesLeft = 20) {
        const target = this.pendingFocus;
        if (!target || !this.rootRef.el) {
            return;
        }
        const card = this.rootRef.el.querySelector(`.o_mus_answer[data-id="${target.id}"]`);
        const textarea = card?.querySelector(
            `.o_mus_answer_note[data-name="${target.fieldName}"] textarea`
        );
        if (!textarea) {
            if (triesLeft > 0) {
                browser.requestAnimationFrame(() => this.applyPendingFocus(triesLeft - 1));
            }
            return;
        }
        this.pendingFocus = null;
        card.scrollIntoView({ block: "nearest" });
        if (document.activeElement !== textarea) {
            textarea.focus({ preventScroll: true });
            const end = textarea.value.length;
            textarea.setSelectionRange(end, end);
        }
    }

    onClickAnswer(record, ev) {
        if (this.isCurrent(record) && record.isInEdition) {
            return;
        }
        const note = ev.target.closest(".o_mus_answer_note");
        this.activate(record, note?.dataset.name);
    }

    onFocusIn(record) {
        this.state.currentId = record.resId || record.id;
    }

    onKeydown(record, ev) {
        const note = ev.target.closest(".o_mus_answer_note");
        if (!note || ev.target.tagName !== "TEXTAREA") {
            return;
        }
        const names = this.writableNames(record);
        const isFirst = note.dataset.name === names[0];
        const isLast = note.dataset.name === names.at(-1);
        let moved = false;
        if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey) && !ev.altKey) {
            moved = this.move(record, ev.shiftKey ? -1 : 1, ev.shiftKey ? "last" : undefined);
            // Ctrl+Enter never adds a line here, even on the last question.
            ev.preventDefault();
        } else if (ev.key === "Tab" && !ev.ctrlKey && !ev.altKey && !ev.metaKey) {
            if (!ev.shiftKey && isLast) {
                moved = this.move(record, 1);
            } else if (ev.shiftKey && isFirst) {
                moved = this.move(record, -1, "last");
            }
            if (moved) {
                ev.preventDefault();
            }
        }
        if (moved) {
            ev.stopPropagation();
        }
    }
}

export const musAnswerSheet = {
    ...x2ManyField,
    component: MusAnswerSheet,
    displayName: _t("MUS answer sheet"),
    supportedTypes: ["one2many"],
};

registry.category("fields").add("mus_answer_sheet", musAnswerSheet);
