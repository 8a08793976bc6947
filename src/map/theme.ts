/** Every colour, width and font the map uses, in one typed place. Layers read from here; nothing else picks colours. */
export const theme = {
  background: '#e9eef2',
  land: {
    focus: '#fbf8f3',
    other: '#eceae5',
    outline: '#b9b4ab',
    dim: '#8a8f96',
    dimOpacity: 0.35,
  },
  border: { line: '#5b5149', casing: '#fbf8f3' },
  river: { line: '#7fb3d5', label: '#3f7ca6', halo: '#fbf8f3' },
  place: {
    dot: '#2d3339',
    dotHighlight: '#c0392b',
    halo: '#ffffff',
    label: '#1f2428',
    labelMuted: '#5d6670',
    approximate: '#c0392b',
  },
  trench: { line: '#9c4f0a', label: '#7a3d06', halo: '#fbf8f3' },
  convoy: { line: '#1f5f99' },
  transfer: { line: '#7b2d8e' },
  area: { fill: '#c0392b', fillOpacity: 0.12, outline: '#c0392b' },
  country: { label: '#6f6a63', halo: '#fbf8f3' },
  fonts: {
    regular: ['Noto Sans', 'Noto Sans Arabic', 'sans-serif'],
    bold: ['Noto Sans Bold', 'Noto Sans Arabic Bold', 'sans-serif'],
  },
} as const;

export type Theme = typeof theme;
