//! The server's live notice that the organisation's feed moved
//! (`GET /api/v1/sync/events`, a `text/event-stream` of `cursor` events), through the
//! browser's `EventSource` (same origin, so the session cookie goes along).
//!
//! ```ignore
//! let events = CursorEvents::open(|cursor| compare_and_pull(cursor), || pull());
//! // … on sign-out:
//! events.close();
//! ```
//!
//! The browser reconnects by itself after a dropped connection; when it gives up (an
//! answer that is not an event stream), this tries again, waiting longer each time.

use std::cell::RefCell;
use std::rc::{Rc, Weak};
use std::time::Duration;

use leptos::prelude::{TimeoutHandle, set_timeout_with_handle};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Event, EventSource, MessageEvent};

const PATH: &str = "/api/v1/sync/events";
/// The event that carries the organisation's newest cursor.
const CURSOR_EVENT: &str = "cursor";
const FIRST_RETRY: Duration = Duration::from_secs(2);
const LAST_RETRY: Duration = Duration::from_secs(60);

/// An open subscription to the feed's cursor; [`CursorEvents::close`] ends it.
pub(super) struct CursorEvents(Rc<RefCell<Stream>>);

struct Stream {
    connection: Option<Connection>,
    on_cursor: Rc<dyn Fn(String)>,
    on_reconnected: Rc<dyn Fn()>,
    /// The connection broke since it last opened: the next opening is a reconnection.
    broken: bool,
    retry: Option<TimeoutHandle>,
    delay: Duration,
    closed: bool,
}

/// One `EventSource` with its listeners, which live exactly as long as it.
struct Connection {
    source: EventSource,
    on_cursor: Closure<dyn FnMut(MessageEvent)>,
    _on_open: Closure<dyn FnMut(Event)>,
    _on_error: Closure<dyn FnMut(Event)>,
}

impl Drop for Connection {
    fn drop(&mut self) {
        self.source.close();
        self.source.set_onopen(None);
        self.source.set_onerror(None);
        let _ = self.source.remove_event_listener_with_callback(
            CURSOR_EVENT,
            self.on_cursor.as_ref().unchecked_ref(),
        );
    }
}

impl CursorEvents {
    /// Connects: `on_cursor` gets each cursor the server announces (one right after
    /// connecting, then one whenever it moves); `on_reconnected` is called when the
    /// stream is back after a break (changes may have been missed meanwhile).
    pub(super) fn open(
        on_cursor: impl Fn(String) + 'static,
        on_reconnected: impl Fn() + 'static,
    ) -> CursorEvents {
        let stream = Rc::new(RefCell::new(Stream {
            connection: None,
            on_cursor: Rc::new(on_cursor),
            on_reconnected: Rc::new(on_reconnected),
            broken: false,
            retry: None,
            delay: FIRST_RETRY,
            closed: false,
        }));
        connect(&stream);
        CursorEvents(stream)
    }

    /// The network is back: if the browser gave up on the stream, connect now rather
    /// than at the next retry.
    pub(super) fn reconnect_if_closed(&self) {
        let given_up = {
            let stream = self.0.borrow();
            !stream.closed
                && stream
                    .connection
                    .as_ref()
                    .is_none_or(|connection| connection.source.ready_state() == EventSource::CLOSED)
        };
        if given_up {
            let retry = {
                let mut stream = self.0.borrow_mut();
                stream.delay = FIRST_RETRY;
                stream.broken = true;
                stream.connection = None;
                stream.retry.take()
            };
            if let Some(retry) = retry {
                retry.clear();
            }
            connect(&self.0);
        }
    }

    /// Disconnects for good (sign-out).
    pub(super) fn close(self) {
        let (connection, retry) = {
            let mut stream = self.0.borrow_mut();
            stream.closed = true;
            (stream.connection.take(), stream.retry.take())
        };
        drop(connection);
        if let Some(retry) = retry {
            retry.clear();
        }
    }
}

fn connect(stream: &Rc<RefCell<Stream>>) {
    let Ok(source) = EventSource::new(PATH) else {
        retry_later(stream);
        return;
    };
    let weak = Rc::downgrade(stream);
    let on_cursor = Closure::<dyn FnMut(MessageEvent)>::new({
        let weak = weak.clone();
        move |event: MessageEvent| {
            let (Some(stream), Some(cursor)) = (weak.upgrade(), event.data().as_string()) else {
                return;
            };
            let on_cursor = stream.borrow().on_cursor.clone();
            on_cursor(cursor);
        }
    });
    let on_open = Closure::<dyn FnMut(Event)>::new({
        let weak = weak.clone();
        move |_: Event| {
            let Some(stream) = weak.upgrade() else {
                return;
            };
            let (reconnected, on_reconnected) = {
                let mut stream = stream.borrow_mut();
                stream.delay = FIRST_RETRY;
                (
                    std::mem::take(&mut stream.broken),
                    stream.on_reconnected.clone(),
                )
            };
            if reconnected {
                on_reconnected();
            }
        }
    });
    let on_error = Closure::<dyn FnMut(Event)>::new({
        let source = source.clone();
        move |_: Event| {
            let Some(stream) = weak.upgrade() else {
                return;
            };
            stream.borrow_mut().broken = true;
            // While CONNECTING the browser retries by itself; CLOSED means it gave up.
            if source.ready_state() == EventSource::CLOSED {
                retry_later(&stream);
            }
        }
    });
    let _ =
        source.add_event_listener_with_callback(CURSOR_EVENT, on_cursor.as_ref().unchecked_ref());
    source.set_onopen(Some(on_open.as_ref().unchecked_ref()));
    source.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    stream.borrow_mut().connection = Some(Connection {
        source,
        on_cursor,
        _on_open: on_open,
        _on_error: on_error,
    });
}

/// Connects again after a while, waiting twice as long after each failure in a row.
fn retry_later(stream: &Rc<RefCell<Stream>>) {
    let weak: Weak<RefCell<Stream>> = Rc::downgrade(stream);
    let delay = {
        let mut stream = stream.borrow_mut();
        if stream.closed || stream.retry.is_some() {
            return;
        }
        let delay = stream.delay;
        stream.delay = (delay * 2).min(LAST_RETRY);
        delay
    };
    let retry = set_timeout_with_handle(
        move || {
            let Some(stream) = weak.upgrade() else {
                return;
            };
            // The old connection goes here, outside its own listeners.
            let connection = {
                let mut stream = stream.borrow_mut();
                stream.retry = None;
                if stream.closed {
                    return;
                }
                stream.connection.take()
            };
            drop(connection);
            connect(&stream);
        },
        delay,
    );
    stream.borrow_mut().retry = retry.ok();
}
