/**
 * How long a piece of text may be in a card, given its normal maximum. Renderers call it for every text and list;
 * when a card comes out over Teams' size limit it is rendered again with a smaller scale (see render-message.ts).
 */
export type Cap = (normal: number) => number;

export const capAt =
  (scale: number): Cap =>
  (normal) =>
    Math.max(8, Math.floor(normal * scale));
