/**
 * The typeface of every printed document: Be Vietnam Pro (SIL Open Font License 1.1), a TrueType family
 * drawn for Vietnamese, shipped as an npm package so that no machine depends on its system fonts.
 * PDFKit embeds only the glyphs a document uses.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const PACKAGE = '@expo-google-fonts/be-vietnam-pro';

function fontFile(style: string): string {
  return require.resolve(`${PACKAGE}/${style}/BeVietnamPro_${style}.ttf`);
}

/** Absolute paths of the TrueType files; PDFKit caches each by its path within a document. */
export const FONTS = {
  regular: fontFile('400Regular'),
  italic: fontFile('400Regular_Italic'),
  bold: fontFile('700Bold'),
} as const;

export type FontStyle = keyof typeof FONTS;
