//! The seeded random source of the generator.
//!
//! A PCG generator (`oorandom`) per stream, each stream keyed by the seed, a
//! purpose and an index. Keying by index means customer 17's name depends
//! only on the seed and 17: changing how many records customer 16 gets does
//! not rename everyone after it. No floats, so wasm and native agree.

/// What a stream is for; keeps the streams of one seed apart.
#[derive(Clone, Copy)]
pub(super) enum Stream {
    Scenarios = 1,
    Network = 2,
    Identity = 3,
    Records = 4,
    /// Contracts, screened calls and contact ratings: drawn apart from the
    /// other records so adding them left the older records as they were.
    Extras = 5,
}

pub(super) struct Rng(oorandom::Rand64);

impl Rng {
    pub(super) fn new(seed: u64, stream: Stream, index: u64) -> Rng {
        let a = splitmix64(seed ^ splitmix64(stream as u64));
        let b = splitmix64(a ^ splitmix64(index.wrapping_add(0x5851_F42D_4C95_7F2D)));
        Rng(oorandom::Rand64::new((u128::from(a) << 64) | u128::from(b)))
    }

    /// A number in `0..n`; 0 when `n` is 0.
    pub(super) fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.0.rand_range(0..n)
        }
    }

    /// A number in `lo..=hi`; `lo` when the range is empty.
    pub(super) fn between(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        let span = hi.abs_diff(lo) + 1;
        lo.wrapping_add(self.below(span) as i64)
    }

    /// True `percent` times in a hundred.
    pub(super) fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// An element of a non-empty slice.
    pub(super) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// An index drawn with the given weights (a non-empty slice, not all zero).
    pub(super) fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u64 = weights.iter().map(|&w| u64::from(w)).sum();
        let mut roll = self.below(total);
        for (i, &w) in weights.iter().enumerate() {
            if roll < u64::from(w) {
                return i;
            }
            roll -= u64::from(w);
        }
        weights.len().saturating_sub(1)
    }

    /// Fisher–Yates.
    pub(super) fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i as u64 + 1) as usize;
            items.swap(i, j);
        }
    }

    /// `n` digits, leading zeros kept.
    pub(super) fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }
}

fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_repeat_and_differ() {
        let draw = |seed, stream, index| {
            let mut rng = Rng::new(seed, stream, index);
            (0..8).map(|_| rng.below(1000)).collect::<Vec<_>>()
        };
        assert_eq!(draw(7, Stream::Identity, 3), draw(7, Stream::Identity, 3));
        assert_ne!(draw(7, Stream::Identity, 3), draw(7, Stream::Identity, 4));
        assert_ne!(draw(7, Stream::Identity, 3), draw(7, Stream::Records, 3));
        assert_ne!(draw(7, Stream::Identity, 3), draw(8, Stream::Identity, 3));
    }

    #[test]
    fn ranges_hold() {
        let mut rng = Rng::new(1, Stream::Records, 0);
        for _ in 0..1000 {
            let n = rng.between(-3, 5);
            assert!((-3..=5).contains(&n));
        }
        assert_eq!(rng.between(4, 4), 4);
        assert_eq!(rng.below(0), 0);
        assert_eq!(rng.weighted(&[0, 5, 0]), 1);
    }
}
