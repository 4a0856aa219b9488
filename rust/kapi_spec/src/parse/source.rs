// SPDX-License-Identifier: GPL-2.0

//! Text assembled from pieces of an input file (prefixes stripped, wrapped lines joined) that
//! remembers where each piece came from, so diagnostics point into the original file.

use crate::diag::Loc;

/// One line of input after a prefix (`> `, `+`) was stripped: its text and where it starts in
/// the original file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SrcLine {
    /// The text, without line terminator.
    pub text: String,
    /// 1-based line number in the original file.
    pub line: u32,
    /// 1-based byte column of `text`'s first byte in that line.
    pub col: u32,
}

impl SrcLine {
    /// The lines of a plain file.
    pub fn plain(source: &str) -> Vec<SrcLine> {
        source
            .lines()
            .enumerate()
            .map(|(i, l)| SrcLine {
                text: l.to_string(),
                line: line_no(i),
                col: 1,
            })
            .collect()
    }

    /// Location of a sub-slice of `self.text` (or of the line's end if it is not one).
    pub fn loc_of(&self, sub: &str) -> Loc {
        let off = offset_in(&self.text, sub).unwrap_or(self.text.len());
        Loc::new(
            self.line,
            self.col.saturating_add(off as u32),
            sub.len().max(1) as u32,
        )
    }

    /// Location of the whole line's text.
    pub fn loc(&self) -> Loc {
        Loc::new(self.line, self.col, self.text.len().max(1) as u32)
    }
}

/// 1-based line number of the `i`th (0-based) line, saturating.
pub fn line_no(i: usize) -> u32 {
    u32::try_from(i + 1).unwrap_or(u32::MAX)
}

/// Byte offset of `sub` within `whole`, if `sub` is a slice of it.
pub fn offset_in(whole: &str, sub: &str) -> Option<usize> {
    let start = whole.as_ptr() as usize;
    let p = sub.as_ptr() as usize;
    if p >= start && p + sub.len() <= start + whole.len() {
        Some(p - start)
    } else {
        None
    }
}

/// Text built from pieces of the original file, with a map back to it.
#[derive(Clone, Debug, Default)]
pub struct Mapped {
    text: String,
    /// `(offset in text, line, col)`: the text from `offset` on came from `line`, `col`.
    map: Vec<(usize, u32, u32)>,
}

impl Mapped {
    /// Empty text.
    pub fn new() -> Self {
        Self::default()
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Appends `s`, which came from `line`, `col` of the original.
    pub fn push(&mut self, s: &str, line: u32, col: u32) {
        self.map.push((self.text.len(), line, col));
        self.text.push_str(s);
    }

    /// Appends a sub-slice of a source line.
    pub fn push_from(&mut self, src: &SrcLine, sub: &str) {
        let loc = src.loc_of(sub);
        self.push(sub, loc.line, loc.col);
    }

    /// Appends text that is in no source line (a separator); it maps to the end of what
    /// precedes it.
    pub fn push_sep(&mut self, s: &str) {
        if let Some(&(off, line, col)) = self.map.last() {
            let end_col = col.saturating_add((self.text.len() - off) as u32);
            self.map.push((self.text.len(), line, end_col));
        }
        self.text.push_str(s);
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Location of the byte range `start..end` of the text (the length is cut at the end of
    /// the piece it starts in).
    pub fn loc(&self, start: usize, end: usize) -> Loc {
        let idx = match self.map.binary_search_by(|&(off, _, _)| off.cmp(&start)) {
            Ok(i) => {
                // Several pieces may start at the same offset (an empty piece): take the last.
                let mut i = i;
                while i + 1 < self.map.len() && self.map[i + 1].0 == start {
                    i += 1;
                }
                Some(i)
            }
            Err(0) => None,
            Err(i) => Some(i - 1),
        };
        let Some((off, line, col)) = idx.and_then(|i| self.map.get(i)).copied() else {
            return Loc::default();
        };
        let piece_end = idx
            .and_then(|i| self.map.get(i + 1))
            .map_or(self.text.len(), |&(o, _, _)| o);
        let len = end.min(piece_end).saturating_sub(start).max(1);
        Loc::new(line, col.saturating_add((start - off) as u32), len as u32)
    }

    /// Location of a sub-slice of the text.
    pub fn loc_of(&self, sub: &str) -> Loc {
        match offset_in(&self.text, sub) {
            Some(off) => self.loc(off, off + sub.len()),
            None => self.loc(self.text.len(), self.text.len()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_pieces_back() {
        let mut m = Mapped::new();
        m.push("abc", 3, 5);
        m.push_sep(" ");
        m.push("def", 4, 2);
        let t = m.text().to_string();
        assert_eq!(t, "abc def");
        let d = &m.text()[4..7];
        let l = m.loc_of(d);
        assert_eq!((l.line, l.col, l.len), (4, 2, 3));
        let l = m.loc_of(&m.text()[1..3]);
        assert_eq!((l.line, l.col, l.len), (3, 6, 2));
        let sep = m.loc(3, 4);
        assert_eq!((sep.line, sep.col), (3, 8));
    }

    #[test]
    fn loc_outside_is_default_or_end() {
        let m = Mapped::new();
        assert!(!m.loc(0, 0).is_known());
        let other = String::from("x");
        let _ = m.loc_of(&other);
    }
}
