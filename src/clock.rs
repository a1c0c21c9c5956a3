//! The app's clock. Countdowns and the flame read `now` from here, so they all tick
//! together, and the domain crate (which has no clock) always gets the time passed in.

use std::time::Duration;

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// Countdowns show minutes at the finest, so twice a minute is often enough.
const TICK: Duration = Duration::from_secs(30);

/// The current time as a signal, provided once for the whole app.
#[derive(Debug, Clone, Copy)]
pub struct Clock(ReadSignal<DateTime<Utc>>);

impl Clock {
    /// Starts the clock and provides it as context.
    pub fn provide() -> Clock {
        let (now, set_now) = signal(Utc::now());
        // The app's clock runs as long as the app does; the handle is never cleared.
        if let Ok(handle) = set_interval_with_handle(move || set_now.set(Utc::now()), TICK) {
            on_cleanup(move || handle.clear());
        }
        let clock = Clock(now);
        provide_context(clock);
        clock
    }

    /// The clock provided by [`Clock::provide`].
    pub fn current() -> Clock {
        expect_context()
    }

    /// Now (tracked: a view that reads it is refreshed at every tick).
    pub fn now(self) -> DateTime<Utc> {
        self.0.get()
    }
}

/// Resolves after `wait` (a browser timer).
pub async fn sleep(wait: Duration) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(
            &resolve,
            i32::try_from(wait.as_millis()).unwrap_or(i32::MAX),
        );
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Resolves in a new task, so that what follows does not lengthen the current one (a
/// phone feels each long task); at once in a hidden tab, whose timers may be held back
/// for a second and where nobody waits on the screen.
pub async fn next_task() {
    if !document().hidden() {
        sleep(Duration::ZERO).await;
    }
}

/// Resolves in a task of its own once the next frame has been painted, or at once in a
/// hidden tab (it paints none): work that can wait for the screen then does not lengthen
/// the task that changed it, which a phone feels. A tab hidden meanwhile is waited for
/// [`NO_FRAME_WAIT`] at most, counted from after the current task's rendering.
pub async fn after_paint() {
    if document().hidden() {
        return;
    }
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let after_frame = resolve.clone();
        request_animation_frame(move || {
            let _ = window().set_timeout_with_callback(&after_frame);
        });
        let fallback = Closure::once_into_js(move || {
            let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                i32::try_from(NO_FRAME_WAIT.as_millis()).unwrap_or(i32::MAX),
            );
        });
        let _ = window().set_timeout_with_callback(fallback.unchecked_ref());
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// How long [`after_paint`] waits for a frame that may not come.
const NO_FRAME_WAIT: Duration = Duration::from_millis(100);
