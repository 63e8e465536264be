//! One stable sort for the page's lists. The standard library's `sort_by` is compiled once
//! per element type and comparator, ~3 KB of WebAssembly each; this sorts indices with one
//! shared unstable sort (ties broken by index, so the result is the stable one).

use std::cmp::Ordering;

/// Sorts `v` by `cmp` as `v.sort_by(cmp)` does: stably, equal elements keep their order.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = order(v.len(), &|i, j| cmp(&v[i], &v[j]));
    let mut items: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(order.into_iter().filter_map(|i| items[i].take()));
}

/// The indices `0..len` in the order `cmp` gives them, ties by index.
fn order(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_unstable_by(|&i, &j| cmp(i, j).then(i.cmp(&j)));
    order
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_as_the_standard_stable_sort(v in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            super::sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = v;
            std.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, std);
        }
    }
}
