//! Finding a customer from what the agent types.

use crate::customer::Customer;

/// Fewer characters than this match too many customers to be useful.
pub const LOOKUP_MIN_CHARS: usize = 4;
/// The most customers one lookup returns: more is a list no agent reads.
pub const LOOKUP_LIMIT: usize = 10;

/// The query as the numbers are stored: digits (and an ID number's `X`)
/// only, spaces, dashes, dots and brackets dropped, a leading `+86`/`0086`
/// country code removed from a full mobile number. `None` if anything else
/// is typed (a name, say), which lookup does not search.
pub fn normalize_query(query: &str) -> Option<String> {
    let mut out = String::with_capacity(query.len());
    for c in query.trim().chars() {
        match c {
            '0'..='9' => out.push(c),
            'x' | 'X' => out.push('X'),
            ' ' | '-' | '.' | '(' | ')' | '+' | '\u{3000}' => {}
            _ => return None,
        }
    }
    for prefix in ["0086", "86"] {
        if let Some(rest) = out.strip_prefix(prefix) {
            if rest.len() == 11 && rest.starts_with('1') {
                return Some(rest.to_owned());
            }
        }
    }
    Some(out)
}

/// How well one number matches; lower is better.
fn rank(number: &str, query: &str) -> Option<u8> {
    let number = number.to_ascii_uppercase();
    if number == query {
        Some(0)
    } else if number.ends_with(query) {
        Some(1)
    } else if number.starts_with(query) {
        Some(2)
    } else if number.contains(query) {
        Some(3)
    } else {
        None
    }
}

pub(super) fn lookup<'a>(customers: &'a [Customer], query: &str) -> Vec<&'a Customer> {
    let Some(query) = normalize_query(query) else {
        return Vec::new();
    };
    if query.chars().count() < LOOKUP_MIN_CHARS {
        return Vec::new();
    }
    let mut hits: Vec<(u8, &Customer)> = customers
        .iter()
        .filter_map(|c| {
            [&c.msisdn, &c.account, &c.id_number]
                .into_iter()
                .filter_map(|n| rank(n, &query))
                .min()
                .map(|r| (r, c))
        })
        .collect();
    hits.sort_by(|(ra, a), (rb, b)| ra.cmp(rb).then_with(|| a.id.cmp(&b.id)));
    hits.into_iter()
        .take(LOOKUP_LIMIT)
        .map(|(_, c)| c)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_normalised() {
        assert_eq!(
            normalize_query(" 138-0000 1234 ").as_deref(),
            Some("13800001234")
        );
        assert_eq!(
            normalize_query("+86 138 0000 1234").as_deref(),
            Some("13800001234")
        );
        assert_eq!(normalize_query("1234x").as_deref(), Some("1234X"));
        assert_eq!(normalize_query("张伟"), None);
        // An 18-digit ID starting with 86 is not a phone number with a country code.
        assert_eq!(normalize_query("861234").as_deref(), Some("861234"));
    }
}
