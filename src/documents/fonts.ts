/**
 * DejaVu Sans from its npm package (dejavu-fonts-ttf): TrueType with every Swedish glyph, free to
 * embed. PDF/A needs every font embedded, so nothing falls back to the standard 14.
 */
export const FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
} as const;
