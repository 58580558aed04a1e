/**
 * The typeface of every printed document: Be Vietnam Pro (SIL Open Font License 1.1), a TrueType family
 * drawn for Vietnamese, shipped as an npm package so that no machine depends on its system fonts.
 * PDFKit embeds only the glyphs a document uses.
 */
import { readFileSync } from 'node:fs';
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

export const FONT_STYLES = Object.keys(FONTS) as FontStyle[];

/** A typeface as PDFKit takes it: a path it parses itself, or a face already parsed by its font engine. */
export type FontFace = string | { layout(text: string): unknown };

let parsed: Readonly<Record<FontStyle, FontFace>> | undefined;

/**
 * The faces parsed once per process and shared by every document: PDFKit would otherwise parse the files
 * and rebuild its shaping tables (the Vietnamese marks) for each document, which is most of the time a
 * one-page form takes. The parser is PDFKit's own (fontkit), reached through PDFKit so that it is the
 * version PDFKit expects; if it cannot be reached, documents fall back to the paths.
 */
export function fontFaces(): Readonly<Record<FontStyle, FontFace>> {
  if (!parsed) {
    try {
      const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(data: Uint8Array): FontFace };
      const faces = Object.fromEntries(FONT_STYLES.map((style) => [style, fontkit.create(readFileSync(FONTS[style]))])) as Record<FontStyle, FontFace>;
      parsed = FONT_STYLES.every((style) => typeof (faces[style] as { layout?: unknown }).layout === 'function') ? faces : FONTS;
    } catch {
      parsed = FONTS;
    }
  }
  return parsed;
}
