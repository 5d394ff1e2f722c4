import { EngineDocument } from '../search-engine';

export const OWNER = 1;
export const OTHER_OWNER = 2;

/** A small library where each video is the single right answer to some query in the specs. */
export const CORPUS: EngineDocument[] = [
  video(
    1,
    'Guitar lessons for beginners',
    'Learn chords and strumming patterns step by step',
    ['music', 'tutorial'],
    600,
  ),
  video(
    2,
    'Italian cooking at home',
    'Fresh pasta, tomato sauce and a guitar playing in the background',
    ['food'],
    1500,
  ),
  video(3, 'Mountain photography', 'Photo walk through alpine landscapes at sunrise', ['travel', 'photo'], 900),
  video(4, 'Philosophy of mind', 'Consciousness explained for curious listeners', ['education'], 3600),
  video(5, 'Smartphone review', 'Is the new phone camera worth it?', ['tech', 'review'], 480),
  video(6, 'Marathon training plan', 'Running schedule with interval sessions and recovery', ['fitness'], 1200),
  video(7, 'Photosynthesis explained', 'How plants turn light into sugar', ['education', 'science'], 420),
  video(8, 'Night sky timelapse', 'Stars and the milky way over the desert', ['travel'], 300),
];

export function video(
  videoId: number,
  title: string,
  description: string,
  tags: string[],
  duration: number,
  ownerId = OWNER,
): EngineDocument {
  return { ownerId, videoId, title, description, tags, duration };
}
