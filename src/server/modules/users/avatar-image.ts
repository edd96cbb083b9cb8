import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { avatarColorOf, initialsOf } from '../../../contracts/avatars.ts';
import { AppError } from '../../http/errors.ts';
import { Semaphore } from '../../lib/semaphore.ts';

// Each picture is decoded once and resized straight to WebP: libvips' cache of decoded images
// and operations would only keep memory that no later upload reuses.
sharp.cache(false);

/**
 * Any decoded picture above this many pixels is refused before it is decoded: a small file can
 * declare a huge canvas (a decompression bomb) and would take gigabytes to expand.
 */
export const AVATAR_MAX_PIXELS = 40_000_000;
/**
 * Uploads decoded at once in this process (an upload's 256 and 64 px encodes share its slot).
 * A picture at the pixel limit can take about 160 MB decoded (40 megapixels × 4 bytes of
 * RGBA), so a burst of large uploads costs a few hundred MB at most instead of 160 MB times the
 * burst; each decode already runs on libvips' threads (one per core), so more at once would
 * only share the same cores. Later uploads wait their turn (their ≤ 5 MB bodies are already
 * read).
 */
export const avatarDecodes = new Semaphore(2);
const LARGE = 256;
const SMALL = 64;

/** The formats accepted, as sharp names what it decoded (never the client's name or type). */
const acceptedFormats = new Set(['png', 'jpeg', 'webp', 'gif']);

export interface EncodedAvatar {
  large: Buffer;
  small: Buffer;
  /** A short hash of the picture: part of its URL, so a new picture gets a new URL. */
  version: string;
}

const fileProblem = (status: 415 | 413 | 400, message: string) =>
  new AppError(
    status,
    status === 415
      ? 'unsupported_media_type'
      : status === 413
        ? 'payload_too_large'
        : 'validation_failed',
    message,
    { errors: [{ path: 'file', message }] },
  );

export const unsupportedPicture = () =>
  fileProblem(415, 'The file is not a PNG, JPEG, WebP or GIF image.');

/**
 * Decodes the upload with sharp and re-encodes it as square WebP pictures (256 and 64 px, a
 * centred cover crop) with no metadata: EXIF orientation is applied first, then every EXIF,
 * ICC and XMP block is dropped (sharp keeps none unless asked). An animated GIF gives its first
 * frame. Refuses anything that does not decode as PNG, JPEG, WebP or GIF (415), a canvas over
 * AVATAR_MAX_PIXELS (413), and a file that starts like an image but does not decode (400).
 */
export async function encodeAvatar(input: Buffer): Promise<EncodedAvatar> {
  let metadata: sharp.Metadata;
  try {
    // Only the header is read here; without a limit so that a canvas too big gets its own reason.
    metadata = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw unsupportedPicture();
  }
  if (!metadata.format || !acceptedFormats.has(metadata.format)) throw unsupportedPicture();
  const width = metadata.width ?? 0;
  const height = metadata.pageHeight ?? metadata.height ?? 0;
  if (width * height > AVATAR_MAX_PIXELS) {
    throw fileProblem(
      413,
      `The image is ${width} × ${height} pixels; pictures may have at most ` +
        `${AVATAR_MAX_PIXELS / 1_000_000} megapixels.`,
    );
  }
  if (width === 0 || height === 0) throw unsupportedPicture();

  // limitInputPixels again: the decoder enforces it even if the header above lied.
  const source = sharp(input, { limitInputPixels: AVATAR_MAX_PIXELS, failOn: 'error' }).rotate();
  const encode = (size: number) =>
    source
      .clone()
      .resize(size, size, { fit: 'cover', position: 'centre' })
      .webp({ quality: 82, effort: 4 })
      .toBuffer();
  try {
    const [large, small] = await avatarDecodes.run(() =>
      Promise.all([encode(LARGE), encode(SMALL)]),
    );
    const version = createHash('sha256').update(large).digest('base64url').slice(0, 16);
    return { large, small, version };
  } catch {
    throw fileProblem(400, 'The image is damaged or incomplete and could not be read.');
  }
}

const escapeXml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (char) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char] as string,
  );

/**
 * The default picture: the user's initials on their colour, the same as the web app draws.
 * No script, no styles, no external references; the text is escaped.
 */
export function defaultAvatarSvg(user: { id: string; name: string }): string {
  const initials = escapeXml(initialsOf(user.name));
  const color = avatarColorOf(user.id);
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">' +
    `<rect width="256" height="256" fill="${color}"/>` +
    '<text x="128" y="128" dy="0.35em" text-anchor="middle" fill="#ffffff" ' +
    'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif" font-size="104" ' +
    `font-weight="600">${initials}</text></svg>`
  );
}
