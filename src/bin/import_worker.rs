//! The import worker: a web worker that reads files and finds entities off the page's
//! thread. Each message is `{id, job, bytes?}` (`job` is an `import_job::Job` in the
//! prepared form, `bytes` an ArrayBuffer); each answer is `{id, outcomes}`. It says
//! `{ready: true}` once loaded, and the page waits for that before sending work.
//! `{id, bench, rounds}` (from `scripts/bench.mjs` only) cleans the text `bench` once and
//! annotates it `rounds` times, answering `{id, mentions}`: the engine timed in the browser.

#[cfg(target_arch = "wasm32")]
fn main() {
    use helmand_reader::import::run::run;
    use helmand_reader::model::job::Outcome;
    use helmand_reader::prepared::job::{decode_job, encode};
    use js_sys::{Object, Reflect, Uint8Array};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let data = e.data();
        let get = |k: &str| Reflect::get(&data, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
        let reply = Object::new();
        let _ = Reflect::set(&reply, &"id".into(), &get("id"));
        if let Some(text) = get("bench").as_string() {
            let rounds = get("rounds").as_f64().unwrap_or(1.0) as usize;
            let cleaned = helmand_reader::engine::clean::clean(&text, Default::default());
            let found: usize =
                (0..rounds).map(|_| helmand_reader::engine::annotate::annotate_article(&cleaned).mentions.len()).sum();
            let _ = Reflect::set(&reply, &"mentions".into(), &JsValue::from(found as f64));
            let _ = reply_to.post_message(&reply);
            return;
        }
        let bytes =
            get("bytes").dyn_into::<js_sys::ArrayBuffer>().map(|b| Uint8Array::new(&b).to_vec()).unwrap_or_default();
        let outcomes = match get("job").as_string().map(|j| decode_job(&j)) {
            Some(Ok(job)) => run(job, &bytes),
            _ => vec![Outcome::Refused {
                name: "The import".into(),
                reason: "was not understood by the importer".into(),
            }],
        };
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
