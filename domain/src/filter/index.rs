//! Keeping a [`SearchIndex`] in step with a list that changes one referral at a time
//! (the app's store applies the server's change feed), without folding the rest again.

use super::{SearchIndex, searchable_text};
use crate::referral::Referral;

impl SearchIndex {
    /// How many referrals the index covers (equals its list's length).
    pub fn len(&self) -> usize {
        self.texts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }

    /// The list's referral at `position` was replaced by `referral`, or, with `position`
    /// equal to the length, `referral` was pushed onto the end of the list.
    ///
    /// # Panics
    /// When `position` is past the end of the list.
    pub fn upsert(&mut self, position: usize, referral: &Referral) {
        let text = searchable_text(referral);
        match position.cmp(&self.texts.len()) {
            std::cmp::Ordering::Less => self.texts[position] = text,
            std::cmp::Ordering::Equal => self.texts.push(text),
            std::cmp::Ordering::Greater => panic!(
                "position {position} is past the end of a list of {}",
                self.texts.len()
            ),
        }
    }

    /// The list's referral at `position` was taken out with `Vec::swap_remove`: the last
    /// one moved into its place.
    ///
    /// # Panics
    /// When `position` is past the end of the list.
    pub fn swap_remove(&mut self, position: usize) {
        self.texts.swap_remove(position);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Filter;
    use crate::fixtures::referral;

    fn named(id: &str, customer: &str) -> Referral {
        let mut r = referral(id);
        r.customer_profile.name = customer.to_owned();
        r
    }

    fn search(text: &str) -> Filter {
        Filter {
            search: text.to_owned(),
            ..Filter::default()
        }
    }

    /// The index kept up to date one change at a time answers every search exactly as
    /// one built afresh for the list as it is now.
    fn assert_same_as_rebuilt(list: &[Referral], index: &SearchIndex) {
        let rebuilt = SearchIndex::new(list);
        assert_eq!(index.len(), list.len());
        for words in ["müller", "northwind", "fabrikam", "anna", "zürich ag", ""] {
            let filter = search(words);
            assert_eq!(
                filter.positions(list, Some(index)),
                filter.positions(list, Some(&rebuilt)),
                "searching {words:?}"
            );
        }
    }

    #[test]
    fn a_replaced_referral_is_found_by_its_new_text_only() {
        let mut list = vec![named("a", "Northwind"), named("b", "Fabrikam")];
        let mut index = SearchIndex::new(&list);
        list[0] = named("a", "Müller GmbH");
        index.upsert(0, &list[0]);
        assert_eq!(search("muller").positions(&list, Some(&index)), vec![0]);
        assert!(
            search("northwind")
                .positions(&list, Some(&index))
                .is_empty()
        );
        assert_same_as_rebuilt(&list, &index);
    }

    #[test]
    fn an_added_referral_is_found_at_the_end() {
        let mut list = vec![named("a", "Northwind")];
        let mut index = SearchIndex::new(&list);
        list.push(named("b", "Zürich AG"));
        index.upsert(1, &list[1]);
        assert_eq!(search("zurich").positions(&list, Some(&index)), vec![1]);
        assert_same_as_rebuilt(&list, &index);
    }

    #[test]
    fn a_removed_referral_takes_its_text_with_it_and_the_last_one_moves_up() {
        let mut list = vec![
            named("a", "Northwind"),
            named("b", "Müller GmbH"),
            named("c", "Fabrikam"),
        ];
        let mut index = SearchIndex::new(&list);
        list.swap_remove(0);
        index.swap_remove(0);
        assert!(
            search("northwind")
                .positions(&list, Some(&index))
                .is_empty()
        );
        assert_eq!(search("fabrikam").positions(&list, Some(&index)), vec![0]);
        assert_same_as_rebuilt(&list, &index);
    }

    #[test]
    fn many_changes_in_a_row_keep_the_index_equal_to_a_rebuilt_one() {
        let customers = ["Northwind", "Müller GmbH", "Fabrikam", "Zürich AG"];
        let mut list: Vec<Referral> = Vec::new();
        let mut index = SearchIndex::default();
        for step in 0..40usize {
            let customer = customers[step % customers.len()];
            match step % 5 {
                // Remove one from the middle (when there is one).
                3 if !list.is_empty() => {
                    let at = step % list.len();
                    list.swap_remove(at);
                    index.swap_remove(at);
                }
                // Replace one.
                1 | 4 if !list.is_empty() => {
                    let at = (step * 7) % list.len();
                    list[at] = named(&list[at].id.clone(), customer);
                    index.upsert(at, &list[at]);
                }
                _ => {
                    list.push(named(&format!("r-{step}"), customer));
                    index.upsert(list.len() - 1, list.last().unwrap());
                }
            }
            assert_same_as_rebuilt(&list, &index);
        }
    }

    #[test]
    #[should_panic(expected = "past the end")]
    fn a_position_past_the_end_is_a_bug() {
        SearchIndex::default().upsert(1, &referral("a"));
    }
}
