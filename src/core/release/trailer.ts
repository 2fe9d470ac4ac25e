/** Trailer naming the tag a release commit belongs to. */
export const RELEASE_TRAILER_KEY = 'Aegis-Release';
