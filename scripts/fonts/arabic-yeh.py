#!/usr/bin/python3
"""Patches the bundled Noto Sans Arabic (Google Fonts build 2.012, @fontsource/noto-sans-arabic) so that WebKit draws the
dots of isolated and final yeh (and the hamza of isolated yeh with hamza above) where they belong.

The font decomposes dotted letters in `ccmp` (U+064A -> uni0649 + twodotshorizontalbelowar) and puts the dots back with
a GPOS mark-to-base anchor. For the yeh's bowl that anchor is far below the baseline (y -232 of 1000), and WebKitGTK
draws the dots at the mark's own outline, inside the bowl, so «في» reads «فى». This script adds a copy of each such mark
already moved by that offset, swaps it in after the bowl with a contextual rule (in `rlig`, after the joining forms), and
gives it an anchor that leaves no vertical offset to apply. Other engines draw the same pixels as before.

Run once after updating @fontsource/noto-sans-arabic, and commit the output (it needs Debian's python3-fonttools and
python3-brotli; the site build does not):
    /usr/bin/python3 scripts/fonts/arabic-yeh.py
"""
import os
import sys

from fontTools.ttLib import TTFont
from fontTools.ttLib.tables import otTables as ot
from fontTools.ttLib.tables._g_l_y_f import Glyph, GlyphComponent

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
SRC = os.path.join(ROOT, 'node_modules', '@fontsource', 'noto-sans-arabic', 'files')
OUT = os.path.join(ROOT, 'src', 'styles', 'fonts')
FILES = ['noto-sans-arabic-arabic-400-normal.woff2', 'noto-sans-arabic-arabic-700-normal.woff2']
# The bowl forms of yeh / alef maksura and the marks the decompositions of U+064A and U+0626 attach to them.
BASES = ['uni0649', 'uni0649.fina']
MARKS = ['twodotshorizontalbelowar', 'uni0654']
MIN_SHIFT = 40  # font units: smaller offsets are drawn right, and are left to GPOS


def mark_base_subtables(gpos):
    for lookup in gpos.LookupList.Lookup:
        for sub in lookup.SubTable:
            sub = sub.ExtSubTable if lookup.LookupType == 9 else sub
            if isinstance(sub, ot.MarkBasePos):
                yield sub


def offsets(gpos, base, mark):
    """(mark anchor, base anchor y - mark anchor y) of the first mark-to-base subtable that attaches mark to base."""
    for sub in mark_base_subtables(gpos):
        marks, bases = sub.MarkCoverage.glyphs, sub.BaseCoverage.glyphs
        if mark in marks and base in bases:
            record = sub.MarkArray.MarkRecord[marks.index(mark)]
            anchor = sub.BaseArray.BaseRecord[bases.index(base)].BaseAnchor[record.Class]
            if anchor is not None:
                return sub, record, anchor.YCoordinate - record.MarkAnchor.YCoordinate
    return None, None, 0


def add_glyph(font, name, mark, dy):
    glyph = Glyph()
    glyph.numberOfContours = -1
    component = GlyphComponent()
    component.glyphName, component.x, component.y, component.flags = mark, 0, dy, 0
    glyph.components = [component]
    order = font.getGlyphOrder() + [name]
    font.setGlyphOrder(order)
    font['glyf'].glyphOrder = order
    font['glyf'][name] = glyph
    glyph.recalcBounds(font['glyf'])
    font['hmtx'][name] = (0, glyph.xMin)
    gdef = font['GDEF'].table
    gdef.GlyphClassDef.classDefs[name] = 3
    for coverage in gdef.MarkGlyphSetsDef.Coverage if gdef.MarkGlyphSetsDef else []:
        if mark in coverage.glyphs:
            coverage.glyphs.append(name)


def lookup(kind, subtable):
    result = ot.Lookup()
    result.LookupType, result.LookupFlag, result.SubTable, result.SubTableCount = kind, 0, [subtable], 1
    return result


def coverage(glyphs):
    result = ot.Coverage()
    result.glyphs = glyphs
    return result


def add_rule(font, gsub, base, swaps):
    """After `base`, replace each mark by its moved copy: a single substitution called from a chaining context."""
    single = ot.SingleSubst()
    single.mapping = dict(swaps)
    gsub.LookupList.Lookup.append(lookup(1, single))
    single_index = len(gsub.LookupList.Lookup) - 1
    chain = ot.ChainContextSubst()
    chain.Format = 3
    chain.BacktrackCoverage, chain.InputCoverage, chain.LookAheadCoverage = [coverage([base])], [coverage(sorted(single.mapping, key=font.getGlyphID))], []
    record = ot.SubstLookupRecord()
    record.SequenceIndex, record.LookupListIndex = 0, single_index
    chain.SubstLookupRecord = [record]
    chain.BacktrackGlyphCount, chain.InputGlyphCount, chain.LookAheadGlyphCount, chain.SubstCount = 1, 1, 0, 1
    gsub.LookupList.Lookup.append(lookup(6, chain))
    gsub.LookupList.LookupCount = len(gsub.LookupList.Lookup)
    chain_index = len(gsub.LookupList.Lookup) - 1
    for feature in gsub.FeatureList.FeatureRecord:
        if feature.FeatureTag == 'rlig':
            feature.Feature.LookupListIndex.append(chain_index)
            feature.Feature.LookupCount = len(feature.Feature.LookupListIndex)


def patch(path, out):
    font = TTFont(path)
    gsub, gpos = font['GSUB'].table, font['GPOS'].table
    added = []
    for base in BASES:
        swaps = []
        for mark in MARKS:
            sub, record, dy = offsets(gpos, base, mark)
            if sub is None or abs(dy) < MIN_SHIFT:
                continue
            name = f'{mark}.{base.replace(".", "_")}'
            add_glyph(font, name, mark, dy)
            moved = ot.MarkRecord()
            moved.Class = record.Class
            moved.MarkAnchor = ot.Anchor()
            moved.MarkAnchor.Format, moved.MarkAnchor.XCoordinate, moved.MarkAnchor.YCoordinate = 1, record.MarkAnchor.XCoordinate, record.MarkAnchor.YCoordinate + dy
            for other in mark_base_subtables(gpos):
                if mark in other.MarkCoverage.glyphs:
                    other.MarkCoverage.glyphs.append(name)
                    other.MarkArray.MarkRecord.append(moved)
                    other.MarkArray.MarkCount = len(other.MarkArray.MarkRecord)
            swaps.append((mark, name))
            added.append(f'{name} ({dy:+d})')
        if swaps:
            add_rule(font, gsub, base, swaps)
    font.flavor = 'woff2'
    font.save(out)
    print(f'{os.path.relpath(out, ROOT)}: {", ".join(added)}')


if __name__ == '__main__':
    for file in FILES:
        patch(os.path.join(SRC, file), os.path.join(OUT, file))
    sys.exit(0)
