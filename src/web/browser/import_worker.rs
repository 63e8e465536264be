//! The page's side of the import worker: started on first use, it takes one job at a time
//! and answers with outcomes. If the worker fails (it should not), the job is refused with
//! the reason and the next job starts a fresh worker.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ErrorEvent, MessageEvent, Worker};

use crate::prepared::job::{decode, encode_job};

use crate::model::job::{Job, Outcome};

/// Trunk's loader for the `import-worker` binary, beside index.html (any sub-path).
const WORKER_URL: &str = "./import-worker_loader.js";

struct Inner {
    worker: Worker,
    ready: Promise,
    /// Per job id: (resolve, reject) of its promise.
    pending: Rc<RefCell<HashMap<u32, (Function, Function)>>>,
    next: Cell<u32>,
    _handlers: (Closure<dyn FnMut(MessageEvent)>, Closure<dyn FnMut(ErrorEvent)>),
}

thread_local! {
    static WORKER: RefCell<Option<Rc<Inner>>> = const { RefCell::new(None) };
}

fn start() -> Result<Rc<Inner>, String> {
    let worker = Worker::new(WORKER_URL).map_err(|e| format!("{e:?}"))?;
    let pending: Rc<RefCell<HashMap<u32, (Function, Function)>>> = Rc::default();
    let ready_fns: Rc<RefCell<Option<(Function, Function)>>> = Rc::default();
    let ready = {
        let ready_fns = ready_fns.clone();
        Promise::new(&mut |res, rej| *ready_fns.borrow_mut() = Some((res, rej)))
    };
    let on_message = {
        let (pending, ready_fns) = (pending.clone(), ready_fns.clone());
        Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let data = e.data();
            let get = |k: &str| Reflect::get(&data, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
            if get("ready").is_truthy() {
                if let Some((res, _)) = ready_fns.borrow_mut().take() {
                    let _ = res.call0(&JsValue::NULL);
                }
            } else if let Some(id) = get("id").as_f64() {
                if let Some((res, _)) = pending.borrow_mut().remove(&(id as u32)) {
                    let _ = res.call1(&JsValue::NULL, &get("outcomes"));
                }
            }
        })
    };
    let on_error = {
        let (pending, ready_fns) = (pending.clone(), ready_fns.clone());
        Closure::<dyn FnMut(ErrorEvent)>::new(move |e: ErrorEvent| {
            e.prevent_default();
            let why = JsValue::from_str(&format!("the importer stopped ({})", e.message()));
            if let Some((_, rej)) = ready_fns.borrow_mut().take() {
                let _ = rej.call1(&JsValue::NULL, &why);
            }
            for (_, (_, rej)) in pending.borrow_mut().drain() {
                let _ = rej.call1(&JsValue::NULL, &why);
            }
            WORKER.with(|w| w.borrow_mut().take()); // the next job starts a fresh one
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Rc::new(Inner { worker, ready, pending, next: Cell::new(1), _handlers: (on_message, on_error) }))
}

fn worker() -> Result<Rc<Inner>, String> {
    WORKER.with(|w| {
        let mut w = w.borrow_mut();
        if let Some(inner) = w.as_ref() {
            return Ok(inner.clone());
        }
        let inner = start()?;
        *w = Some(inner.clone());
        Ok(inner)
    })
}

/// Runs a job in the worker; `bytes` (a file's ArrayBuffer) is moved, not copied.
pub async fn run(job: &Job, name: &str, bytes: Option<js_sys::ArrayBuffer>) -> Vec<Outcome> {
    match try_run(job, bytes).await {
        Ok(outcomes) => outcomes,
        Err(why) => vec![Outcome::Refused { name: name.to_string(), reason: format!("could not be imported: {why}") }],
    }
}

/// How long the worker may take to start (it loads 1.2 MB of WASM, from the cache after the
/// first time) before the job is refused rather than left waiting for ever.
const START_TIMEOUT_MS: u32 = 45_000;

async fn try_run(job: &Job, bytes: Option<js_sys::ArrayBuffer>) -> Result<Vec<Outcome>, String> {
    let inner = worker()?;
    let timeout = Promise::new(&mut |_, reject: Function| {
        gloo::timers::callback::Timeout::new(START_TIMEOUT_MS, move || {
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str("the importer did not start"));
        })
        .forget();
    });
    let started = JsFuture::from(Promise::race(&Array::of2(&inner.ready, &timeout))).await;
    if let Err(e) = started {
        inner.worker.terminate();
        WORKER.with(|w| w.borrow_mut().take()); // the next job tries a fresh one
        return Err(e.as_string().unwrap_or_default());
    }
    let id = inner.next.get();
    inner.next.set(id + 1);
    let answer = {
        let pending = inner.pending.clone();
        Promise::new(&mut |res, rej| drop(pending.borrow_mut().insert(id, (res, rej))))
    };
    let msg = Object::new();
    let _ = Reflect::set(&msg, &"id".into(), &JsValue::from(id));
    let _ = Reflect::set(&msg, &"job".into(), &JsValue::from_str(&encode_job(job)));
    let transfer = Array::new();
    if let Some(b) = bytes {
        let _ = Reflect::set(&msg, &"bytes".into(), &b);
        transfer.push(&b);
    }
    inner.worker.post_message_with_transfer(&msg, &transfer).map_err(|e| format!("{e:?}"))?;
    let answer = JsFuture::from(answer).await.map_err(|e| e.as_string().unwrap_or_default())?;
    decode(&answer.as_string().unwrap_or_default()).map_err(|e| format!("its answer was not understood ({e})"))
}
