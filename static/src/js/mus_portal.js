/** @odoo-module **/

// "My MUS": text typed on the page is never lost without a word. Each form
// of the page (preparation, feedback, ask to move, decline) saves only its
// own fields; pressing the button of another one, opening the signature, or
// leaving the page while one of them holds unsaved text first shows a
// warning naming it (#mus_modal_unsaved): go back, or continue and lose it.

import publicWidget from "@web/legacy/js/public/public_widget";

const FIELDS = "textarea, input:not([type=hidden]):not([type=submit]):not([type=button])";

publicWidget.registry.MusPortalUnsaved = publicWidget.Widget.extend({
    selector: ".o_mus_portal",
    events: {
        "submit form[data-mus-form]": "_onSubmit",
        "click [data-mus-guard]": "_onGuardedClick",
        "input form[data-mus-form]": "_onInput",
        "click .o_mus_portal_unsaved_discard": "_onDiscard",
    },

    start() {
        this.warningEl = this.el.querySelector("#mus_modal_unsaved");
        this.discarded = false;
        this.onContinue = null;
        this._onBeforeUnload = this._onBeforeUnload.bind(this);
        window.addEventListener("beforeunload", this._onBeforeUnload);
        return this._super(...arguments);
    },

    destroy() {
        window.removeEventListener("beforeunload", this._onBeforeUnload);
        this._super(...arguments);
    },

    /** The names (data-mus-form) of the forms, but ``except``, whose text differs from what was loaded. */
    _unsaved(except) {
        if (this.discarded) {
            return [];
        }
        return [...this.el.querySelectorAll("form[data-mus-form]")]
            .filter((form) => form !== except)
            .filter((form) => [...form.querySelectorAll(FIELDS)].some(
                (field) => !field.readOnly && field.value !== field.defaultValue
            ))
            .map((form) => form.dataset.musForm);
    },

    /** Show the warning for ``names``; ``onContinue`` runs if the user continues. */
    _warn(names, onContinue) {
        if (!this.warningEl) {
            return onContinue();
        }
        for (const item of this.warningEl.querySelectorAll("[data-mus-unsaved]")) {
            item.classList.toggle("d-none", !names.includes(item.dataset.musUnsaved));
        }
        this.onContinue = onContinue;
        const show = () => Modal.getOrCreateInstance(this.warningEl).show();
        const openEl = this.el.querySelector(".modal.show");
        if (openEl && openEl !== this.warningEl) {
            openEl.addEventListener("hidden.bs.modal", show, { once: true });
            Modal.getOrCreateInstance(openEl).hide();
        } else {
            show();
        }
    },

    _onSubmit(ev) {
        const form = ev.currentTarget;
        const names = this._unsaved(form);
        if (!names.length) {
            this.discarded = true; // the page is left by this form
            return;
        }
        ev.preventDefault();
        const submitter = ev.originalEvent && ev.originalEvent.submitter;
        this._warn(names, () => {
            this.discarded = true;
            form.requestSubmit(submitter || undefined);
        });
    },

    _onGuardedClick(ev) {
        const names = this._unsaved();
        if (!names.length) {
            return;
        }
        // Keep Bootstrap's data-api (the signature dialog) from opening.
        ev.preventDefault();
        ev.stopPropagation();
        const target = ev.currentTarget;
        this._warn(names, () => {
            this.discarded = true;
            target.click();
        });
    },

    _onInput() {
        this.discarded = false;
    },

    _onDiscard() {
        const onContinue = this.onContinue;
        this.onContinue = null;
        const modal = Modal.getOrCreateInstance(this.warningEl);
        if (onContinue) {
            this.warningEl.addEventListener("hidden.bs.modal", onContinue, { once: true });
        }
        modal.hide();
    },

    _onBeforeUnload(ev) {
        if (this._unsaved().length) {
            ev.preventDefault();
            ev.returnValue = "";
        }
    },
});

export default publicWidget.registry.MusPortalUnsaved;
