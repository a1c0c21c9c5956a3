//! Fault points for tests: a test arms one, and the next write that passes it dies
//! there (a panic drops its connection and its transaction), as a crash would.
//! Nothing is armed outside tests.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Fault {
    /// After an action's write and stored response, before its commit.
    BeforeCommit,
    /// Right after an action's commit, before its answer is sent.
    AfterCommit,
    /// The mail sender took an outbox row, before it hands the mail over.
    MailClaimed,
    /// The mail was handed over (SMTP accepted it), before its row is marked sent.
    MailSent,
}

#[derive(Debug, Clone, Default)]
pub struct Faults(Arc<Mutex<HashSet<Fault>>>);

impl Faults {
    /// Makes the next write that reaches `fault` die there.
    pub fn arm(&self, fault: Fault) {
        self.lock().insert(fault);
    }

    /// Dies here if a test armed this fault (once).
    pub fn trip(&self, fault: Fault) {
        if self.lock().remove(&fault) {
            panic!("injected fault: {fault:?}");
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashSet<Fault>> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
