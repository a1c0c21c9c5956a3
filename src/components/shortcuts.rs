//! Keyboard triage: the app's one key handler (`j`/`k`, `Enter`, `f`, `a`, `d`, `/`,
//! `g i`/`g a`/`g r`/`g f`, `?`, `Ctrl+K`), the `?` dialog that lists the shortcuts,
//! and the top bar's buttons that do the same without a keyboard.
//!
//! The list in view ([`crate::components::keyboard_focus`]) registers what its keys do;
//! this file only decides whether a key press is a shortcut at all.

use std::rc::Rc;

use domain::Action;
use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

use crate::api::Session;
use crate::components::heading_focus::focus_now;
use crate::components::keyboard_focus::ListCommand;
use crate::components::{AfterPaint, CommandPalette};
use crate::i18n::t;

/// How long after `g` the second key of a "go to" shortcut is awaited, in milliseconds.
const GO_TO_WAIT: f64 = 1500.0;
/// How long a shortcut's status message stays on screen, in milliseconds.
const STATUS_SHOWN: u64 = 6000;

/// The shortcuts' shared state, provided once by the app.
#[derive(Clone, Copy)]
pub struct Keyboard {
    /// The `?` dialog is open.
    pub help: RwSignal<bool>,
    /// The command palette is open.
    pub palette: RwSignal<bool>,
    /// What the last shortcut could not do, said politely.
    status: RwSignal<Option<String>>,
    /// What is remembered between key presses (one store: each stored type costs code).
    state: StoredValue<State, LocalStorage>,
}

/// What the list in view does with a list key.
type ListKeys = Rc<dyn Fn(ListCommand)>;

#[derive(Default)]
struct State {
    /// Counts status messages, so only the newest one's timer clears the line.
    status_shown: u64,
    /// The list in view: its registration number (a new table may mount before the
    /// old one is gone) and what it does with a list key.
    list: Option<(u64, ListKeys)>,
    lists: u64,
    /// Where keyboard triage left a list (its address, the lead and its place), so
    /// coming back to that list puts focus on the same lead, or the one now in its place.
    left_at: Option<(String, String, usize)>,
    /// An action form a shortcut asked a lead's page to open: the lead and the action.
    requested: Option<(String, Action)>,
    /// When `g` was pressed, awaiting the second key of "go to".
    go_to: Option<f64>,
}

impl Keyboard {
    pub fn provide() -> Keyboard {
        let keyboard = Keyboard {
            help: RwSignal::new(false),
            palette: RwSignal::new(false),
            status: RwSignal::new(None),
            state: StoredValue::new_local(State::default()),
        };
        provide_context(keyboard);
        keyboard
    }

    /// The app's shortcuts, if the app provided them (a component rendered alone has none).
    pub fn current() -> Option<Keyboard> {
        use_context::<Keyboard>()
    }

    fn with_state<R>(self, change: impl FnOnce(&mut State) -> R) -> R {
        self.state
            .try_update_value(change)
            .expect("the shortcuts' state lives as long as the app")
    }

    /// Shows a short message in the shortcuts' status line (read out politely).
    pub fn say(self, message: String) {
        let shown = self.with_state(|state| {
            state.status_shown += 1;
            state.status_shown
        });
        self.status.set(Some(message));
        set_timeout(
            move || {
                if self.with_state(|state| state.status_shown) == shown {
                    self.status.set(None);
                }
            },
            std::time::Duration::from_millis(STATUS_SHOWN),
        );
    }

    /// Makes `keys` the list the list shortcuts act on; returns its registration, to
    /// pass to [`Keyboard::unregister_list`].
    pub fn register_list(self, keys: ListKeys) -> u64 {
        self.with_state(|state| {
            state.lists += 1;
            state.list = Some((state.lists, keys));
            state.lists
        })
    }

    pub fn unregister_list(self, number: u64) {
        self.with_state(|state| {
            if state.list.as_ref().is_some_and(|(n, _)| *n == number) {
                state.list = None;
            }
        });
    }

    fn run_list(self, command: ListCommand) -> bool {
        let Some(keys) = self.with_state(|state| state.list.as_ref().map(|(_, keys)| keys.clone()))
        else {
            return false;
        };
        keys(command);
        true
    }

    /// Remembers where triage left the list at `list_address`.
    pub fn leave_list_at(self, list_address: String, referral_id: String, row: usize) {
        self.with_state(|state| state.left_at = Some((list_address, referral_id, row)));
    }

    /// Where triage last left the list at `list_address`. Asked by every list as it
    /// opens, then forgotten: only coming straight back from the lead returns to it.
    pub fn take_left_at(self, list_address: &str) -> Option<(String, usize)> {
        let (address, id, row) = self.with_state(|state| state.left_at.take())?;
        (address == list_address).then_some((id, row))
    }

    /// Asks the page of `referral_id` to open `action`'s form once it shows.
    pub fn request_action(self, referral_id: String, action: Action) {
        self.with_state(|state| state.requested = Some((referral_id, action)));
    }
}

/// Runs `then` after the next `frames` frames (one frame: once the view has updated;
/// two: also after the page's own move of focus to its heading on navigation).
/// Every delayed step goes through here: each closure type given to the browser costs code.
pub(crate) fn after_frames(frames: u8, then: Box<dyn FnOnce()>) {
    request_animation_frame(move || {
        if frames > 1 {
            after_frames(frames - 1, then);
        } else {
            then();
        }
    });
}

/// On a lead's page: opens the action form a shortcut asked for (`a`, `d` in a list),
/// and puts focus in it once it shows.
pub fn open_requested_action(referral_id: &str, review: RwSignal<Option<Action>>) {
    let Some(keyboard) = Keyboard::current() else {
        return;
    };
    let wanted = keyboard.with_state(|state| {
        let wanted = state.requested.take()?;
        (wanted.0 == referral_id).then_some(wanted.1)
    });
    if let Some(action) = wanted {
        review.set(Some(action));
        after_frames(
            2,
            Box::new(|| {
                focus_now(".action-panel h2");
            }),
        );
    }
}

/// The app's key handler, the `?` dialog, the command palette and the status line.
/// Mounted once, inside the router.
#[component]
pub fn KeyboardShortcuts() -> impl IntoView {
    let keyboard = expect_context::<Keyboard>();
    let session = Session::current();
    let navigate = use_navigate();
    let on_key = window_event_listener(ev::keydown, move |event| {
        if event.default_prevented() || event.is_composing() || session.me_untracked().is_none() {
            return;
        }
        let key = event.key();
        let modified = event.ctrl_key() || event.alt_key() || event.meta_key();
        if (event.ctrl_key() || event.meta_key())
            && !event.alt_key()
            && key.eq_ignore_ascii_case("k")
        {
            // Also while typing: the one shortcut meant to be pressed from anywhere.
            if !keyboard.help.get_untracked() {
                event.prevent_default();
                keyboard.palette.set(true);
            }
            return;
        }
        let pressed = keyboard.with_state(|state| state.go_to.take());
        if modified || dialog_open(keyboard) || typing(&event) {
            return;
        }
        let now = js_sys::Date::now();
        if pressed.is_some_and(|pressed| now - pressed <= GO_TO_WAIT) {
            let path = match key.as_str() {
                "i" => Some("/inbox"),
                "a" => Some("/accepted"),
                "r" => Some("/archived"),
                "f" => Some("/favorites"),
                _ => None,
            };
            if let Some(path) = path {
                event.prevent_default();
                navigate(path, Default::default());
                return;
            }
        }
        let command = match key.as_str() {
            "g" => {
                keyboard.with_state(|state| state.go_to = Some(now));
                return;
            }
            "?" => {
                event.prevent_default();
                keyboard.help.set(true);
                return;
            }
            "/" => {
                event.prevent_default();
                if !focus_now("#list-search") {
                    keyboard.palette.set(true);
                }
                return;
            }
            "j" => ListCommand::Next,
            "k" => ListCommand::Previous,
            "f" => ListCommand::Heart,
            "a" => ListCommand::Accept,
            "d" => ListCommand::Decline,
            // Enter keeps its own meaning on every control but a lead's link in a list.
            "Enter" if !on_control(&event) => ListCommand::Open,
            _ => return,
        };
        if keyboard.run_list(command) {
            event.prevent_default();
        }
    });
    on_cleanup(move || on_key.remove());
    // Nobody sees the dialogs before asking for one.
    view! {
        <AfterPaint>
            <ShortcutsDialog keyboard/>
            <CommandPalette open=keyboard.palette/>
        </AfterPaint>
        <p class="kb-status" role="status" aria-live="polite">{move || keyboard.status.get()}</p>
    }
}

/// Whether a dialog (or the phone's filter sheet) is open: its own keys apply then.
fn dialog_open(keyboard: Keyboard) -> bool {
    keyboard.help.get_untracked()
        || keyboard.palette.get_untracked()
        || document()
            .query_selector("dialog[open], [aria-modal=\"true\"]:not(dialog)")
            .ok()
            .flatten()
            .is_some()
}

/// Whether the key goes into a field being typed in.
fn typing(event: &web_sys::KeyboardEvent) -> bool {
    let Some(target) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    matches!(
        target.tag_name().to_ascii_lowercase().as_str(),
        "input" | "textarea" | "select"
    ) || target.is_content_editable()
}

/// Whether the key goes to a control with its own Enter (a button, another link);
/// a lead's link in the list is opened by the list (which remembers where it was).
fn on_control(event: &web_sys::KeyboardEvent) -> bool {
    let Some(target) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    if target.class_list().contains("customer-link") {
        return false;
    }
    target
        .closest("a[href], button, summary, [role=\"button\"], [role=\"link\"], label")
        .ok()
        .flatten()
        .is_some()
}

/// Opens and closes a native modal `<dialog>` with `open`; returns what its `close`
/// event must run (Escape closes it natively): the signal follows, and focus goes back
/// to where it was when the dialog opened.
pub(crate) fn modal(
    dialog: NodeRef<leptos::html::Dialog>,
    open: RwSignal<bool>,
) -> impl Fn() + Copy + 'static {
    let returned = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |_| {
        let wanted = open.get();
        let Some(dialog) = dialog.get() else {
            return;
        };
        if wanted && !dialog.open() {
            returned.set_value(
                document()
                    .active_element()
                    .and_then(|active| active.dyn_into::<web_sys::HtmlElement>().ok()),
            );
            let _ = dialog.show_modal();
        } else if !wanted && dialog.open() {
            dialog.close();
        }
    });
    move || {
        // The `close` event comes in a task after the dialog closed: a shortcut pressed in
        // between may have opened it again, and this late event must not close that.
        if dialog.get_untracked().is_some_and(|dialog| dialog.open()) {
            return;
        }
        open.set(false);
        if let Some(element) = returned.get_value()
            && element.is_connected()
        {
            let _ = element.focus();
        }
        returned.set_value(None);
    }
}

/// Every shortcut: its keys and what it does (key names alone stay as printed on the keyboard).
fn shortcuts() -> [(String, String); 13] {
    [
        ("j".to_owned(), t("keys-next")),
        ("k".to_owned(), t("keys-previous")),
        (t("keys-enter"), t("keys-open")),
        ("f".to_owned(), t("keys-heart")),
        ("a".to_owned(), t("keys-accept")),
        ("d".to_owned(), t("keys-decline")),
        ("/".to_owned(), t("keys-search")),
        (t("keys-go-inbox-keys"), t("keys-go-inbox")),
        (t("keys-go-accepted-keys"), t("keys-go-accepted")),
        (t("keys-go-archived-keys"), t("keys-go-archived")),
        (t("keys-go-favorites-keys"), t("keys-go-favorites")),
        (t("keys-palette-keys"), t("keys-palette")),
        ("?".to_owned(), t("keys-help")),
    ]
}

/// The `?` dialog: every shortcut, and that they wait while a field is being typed in.
#[component]
fn ShortcutsDialog(keyboard: Keyboard) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let closed = modal(dialog, keyboard.help);
    view! {
        <dialog node_ref=dialog class="kb-dialog" aria-modal="true" aria-labelledby="kb-help-heading" on:close=move |_| closed()>
            <div class="kb-dialog-header">
                <h2 id="kb-help-heading">{t("keys-heading")}</h2>
                <button type="button" class="secondary" on:click=move |_| keyboard.help.set(false)>{t("keys-close")}</button>
            </div>
            <p class="kb-dialog-note">{t("keys-note")}</p>
            <table class="kb-table">
                <caption class="visually-hidden">{t("keys-heading")}</caption>
                <thead><tr><th scope="col">{t("keys-column-keys")}</th><th scope="col">{t("keys-column-action")}</th></tr></thead>
                <tbody>
                    {shortcuts().into_iter().map(|(keys, what)| view! {
                        <tr>
                            <td><kbd>{keys}</kbd></td>
                            <td>{what}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </dialog>
    }
}

/// The top bar's way to the command palette (what `Ctrl+K` opens).
#[component]
pub fn PaletteButton() -> impl IntoView {
    let keyboard = expect_context::<Keyboard>();
    view! {
        <button
            type="button"
            class="icon-button kb-palette-button"
            aria-haspopup="dialog"
            aria-keyshortcuts="Control+K Meta+K"
            title=t("keys-search-leads-title")
            on:click=move |_| keyboard.palette.set(true)
        >
            <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
                <path d="M10.5 4a6.5 6.5 0 1 0 0 13a6.5 6.5 0 0 0 0-13zM15.3 15.3 20 20" fill="none" stroke="currentColor" stroke-width="2"/>
            </svg>
            <span class="kb-button-label">{t("keys-search-leads")}</span>
            <kbd class="kb-button-keys">{t("keys-search-leads-keys")}</kbd>
        </button>
    }
}

/// A list's way to the shortcuts dialog (what `?` opens).
#[component]
pub fn ShortcutsButton() -> impl IntoView {
    let keyboard = expect_context::<Keyboard>();
    view! {
        <button
            type="button"
            class="secondary kb-help-button"
            aria-haspopup="dialog"
            aria-keyshortcuts="Shift+?"
            on:click=move |_| keyboard.help.set(true)
        >
            {t("keys-heading")}
        </button>
    }
}
