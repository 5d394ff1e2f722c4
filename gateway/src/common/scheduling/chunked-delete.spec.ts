import { DELETE_CHUNK, deleteInChunks } from './chunked-delete';

describe('deleteInChunks', () => {
  it('deletes chunk after chunk until one comes back short, and answers the total', async () => {
    const answers = [DELETE_CHUNK, DELETE_CHUNK, 7];
    const deleteChunk = jest.fn((limit: number) => Promise.resolve(Math.min(limit, answers.shift() ?? 0)));

    await expect(deleteInChunks(deleteChunk)).resolves.toBe(2 * DELETE_CHUNK + 7);
    expect(deleteChunk).toHaveBeenCalledTimes(3);
  });

  it('stops after one statement when nothing is old enough', async () => {
    const deleteChunk = jest.fn(() => Promise.resolve(0));

    await expect(deleteInChunks(deleteChunk)).resolves.toBe(0);
    expect(deleteChunk).toHaveBeenCalledTimes(1);
  });
});
