//! The import worker: a web worker that reads files and finds entities off the page's
//! thread. Each message is `{id, job, bytes?}` (`job` is `import_job::Job` as JSON, `bytes`
//! an ArrayBuffer); each answer is `{id, outcomes}` (JSON). It says `{ready: true}` once
//! loaded, and the page waits for that before sending work.

#[cfg(target_arch = "wasm32")]
fn main() {
    use helmand_reader::import_job::{encode, run, Job, Outcome};
    use js_sys::{Object, Reflect, Uint8Array};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let data = e.data();
        let get = |k: &str| Reflect::get(&data, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
        let bytes = get("bytes").dyn_into::<js_sys::ArrayBuffer>().map(|b| Uint8Array::new(&b).to_vec()).unwrap_or_default();
        let outcomes = match get("job").as_string().map(|j| serde_json::from_str::<Job>(&j)) {
            Some(Ok(job)) => run(job, &bytes),
            _ => vec![Outcome::Refused { name: "The import".into(), reason: "was not understood by the importer".into() }],
        };
        let reply = Object::new();
        let _ = Reflect::set(&reply, &"id".into(), &get("id"));
        let _ = Reflect::set(&reply, &"outcomes".into(), &JsValue::from_str(&encode(&outcomes)));
        let _ = reply_to.post_message(&reply);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let ready = Object::new();
    let _ = Reflect::set(&ready, &"ready".into(), &JsValue::TRUE);
    let _ = scope.post_message(&ready);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("import-worker runs in the browser as a web worker of the app (see index.html)");
    std::process::exit(2);
}
