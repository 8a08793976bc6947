import { describe, expect, it } from 'vitest';
import { mirrorRtlBrackets, rtlReadyData, rtlReadyStyle } from '../../src/map/rtl.ts';
import { buildStyle } from '../../src/map/layers/index.ts';
import { readMapData } from '../../scripts/vite/static-maps.ts';
import { t } from '../../src/i18n/strings.ts';

describe('brackets in right-to-left runs, prepared for MapLibre', () => {
  it('mirrors the brackets of an Arabic label, and only those', () => {
    expect(mirrorRtlBrackets('الخندق (رسم تخطيطي)')).toBe('الخندق )رسم تخطيطي(');
    expect(mirrorRtlBrackets('«ناتشورال إيرث»')).toBe('»ناتشورال إيرث«');
    // Latin inside an Arabic label keeps its brackets' shape where both sides are Latin.
    expect(mirrorRtlBrackets('البيانات (Natural Earth) هنا')).toBe('البيانات )Natural Earth( هنا');
    // A pair around Latin after Latin keeps its shape, inside an Arabic pair that is mirrored (rule N0).
    expect(mirrorRtlBrackets('عبر (Natural Earth (v5))')).toBe('عبر )Natural Earth (v5)(');
    // English text is left alone.
    expect(mirrorRtlBrackets('Trench (schematic)')).toBe('Trench (schematic)');
    expect(mirrorRtlBrackets('no brackets here')).toBe('no brackets here');
  });

  it('prepares the Arabic style’s literal texts and the data’s Arabic properties, and nothing else', () => {
    const data = readMapData();
    const ready = rtlReadyStyle(buildStyle({ data: rtlReadyData(data), lang: 'ar' }).style);
    const trench = ready.layers.find((l) => l.id === 'trench-label');
    const field = trench?.type === 'symbol' ? String(trench.layout?.['text-field']) : '';
    expect(field.startsWith(mirrorRtlBrackets(t('ar', 'trenchLabel')))).toBe(true);
    expect(field).toContain(')');
    // Paint values (colours written as rgba(…)) and English properties are untouched.
    const dot = ready.layers.find((l) => l.id === 'places-dot');
    expect(JSON.stringify(dot)).toContain('rgba(0,0,0,0)');
    const before = data.places.features.map((f) => f.properties?.name_en);
    expect(rtlReadyData(data).places.features.map((f) => f.properties?.name_en)).toEqual(before);
  });
});
