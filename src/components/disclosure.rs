//! A button that shows a panel beside it (the bell, the account menu, the language
//! list): Escape closes the panel and puts focus back on the button, a click anywhere
//! outside closes it and leaves focus where the click put it.
//!
//! ```ignore
//! let menu = Disclosure::new();
//! view! {
//!     <div node_ref=menu.container on:keydown=move |event| menu.on_keydown(&event)>
//!         <button node_ref=menu.button aria-expanded=move || menu.is_open().to_string()
//!             on:click=move |_| { menu.toggle(); }>"…"</button>
//!         <div hidden=move || !menu.is_open()>"…"</div>
//!     </div>
//! }
//! ```

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// One button's panel; copied freely.
#[derive(Clone, Copy)]
pub struct Disclosure {
    open: RwSignal<bool>,
    /// The button that opens the panel.
    pub button: NodeRef<leptos::html::Button>,
    /// The element holding the button and the panel: clicks inside it keep the panel open.
    pub container: NodeRef<leptos::html::Div>,
}

impl Default for Disclosure {
    fn default() -> Self {
        Disclosure::new()
    }
}

impl Disclosure {
    /// A closed panel, closed again by a click outside it for as long as the view lives.
    pub fn new() -> Disclosure {
        let disclosure = Disclosure {
            open: RwSignal::new(false),
            button: NodeRef::new(),
            container: NodeRef::new(),
        };
        let on_click = window_event_listener(ev::click, move |event| {
            if !disclosure.open.get_untracked() {
                return;
            }
            let inside = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::Node>().ok())
                .zip(disclosure.container.get_untracked())
                .is_some_and(|(target, container)| container.contains(Some(&target)));
            if !inside {
                disclosure.open.set(false);
            }
        });
        on_cleanup(move || on_click.remove());
        disclosure
    }

    /// Whether the panel shows (tracked).
    pub fn is_open(self) -> bool {
        self.open.get()
    }

    /// Opens a closed panel and closes an open one; `true` when it opened.
    pub fn toggle(self) -> bool {
        let opening = !self.open.get_untracked();
        self.open.set(opening);
        opening
    }

    /// Closes the panel without moving focus (the user went somewhere from it).
    pub fn dismiss(self) {
        self.open.set(false);
    }

    /// Closes the panel and puts focus back on its button.
    pub fn close(self) {
        self.open.set(false);
        if let Some(button) = self.button.get_untracked() {
            let _ = button.focus();
        }
    }

    /// Escape closes an open panel; the key goes no further (an enclosing panel stays open).
    pub fn on_keydown(self, event: &web_sys::KeyboardEvent) {
        if event.key() == "Escape" && self.open.get_untracked() {
            event.stop_propagation();
            self.close();
        }
    }
}
